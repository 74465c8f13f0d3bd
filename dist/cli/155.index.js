export const id = 155;
export const ids = [155];
export const modules = {

/***/ 71155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDemo: () => (/* binding */ runDemo)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _adapters_git_client_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(31930);








const run = (0,node_util__WEBPACK_IMPORTED_MODULE_5__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/** The remediation the demo releases and runs: it touches only a file inside the demo's folder. */
const DEMO_REMEDIATION = 'reapply-config';
/**
 * The embedded default (`npm run demo`): in a throwaway folder, make a git repository from the
 * shipped example, generate a key, release it, run it against a sandboxed drifted config file,
 * verify the record, then show the integrity checks refusing a tampered definition and a
 * tampered record. Nothing outside the temporary folder changes.
 */
async function runDemo(context, clean, cli) {
    const { out } = context;
    const examples = findExamples(context.toolPath);
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'remediate-demo-'));
    const repo = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'repo');
    const sandbox = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'sandbox');
    const git = (...args) => run('git', args, { cwd: repo, env: { ...(0,_adapters_git_client_js__WEBPACK_IMPORTED_MODULE_7__/* .gitEnvironment */ ._K)(context.env), ...DEMO_IDENTITY } });
    const step = (title) => out(`\n== ${title}`);
    const indent = (line) => out(`   ${line}`);
    const inRepo = { ...context, cwd: repo, out: indent, err: indent };
    const remediate = async (expected, ...argv) => {
        out(`$ remediate ${argv.join(' ')}`);
        const code = await cli(argv, inRepo);
        if (code !== expected)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb('USAGE', `demo: 'remediate ${argv[0]}' exited ${code}, expected ${expected}`);
    };
    try {
        step(`1. A git repository with the example remediation '${DEMO_REMEDIATION}' (in ${root})`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(repo, 'remediations'), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(examples, DEMO_REMEDIATION), (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(repo, 'remediations', DEMO_REMEDIATION), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(examples, 'remediation.schema.json'), (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(repo, 'remediations', 'remediation.schema.json'));
        await git('init', '-q', '-b', 'main');
        await git('add', '-A');
        await git('commit', '-q', '-m', 'Add reapply-config');
        indent('committed remediations/reapply-config/ (definition, scripts, desired/app.conf)');
        step('2. Two Ed25519 keys: a release key (stays with whoever may release) and a run key (signs run receipts)');
        await remediate(0, 'keygen', '--out', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'release-key'));
        await remediate(0, 'keygen', '--out', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'run-key'));
        step('3. Release v1.0.0: validate, tag, sign the manifest entry (commit + content digest)');
        await remediate(0, 'release', DEMO_REMEDIATION, 'v1.0.0', '--key', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'release-key'));
        step('4. A sandbox whose config file drifted from the reviewed content');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(sandbox, { recursive: true });
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(sandbox, 'app.conf');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(target, 'listen = 0.0.0.0:8080   # someone edited this by hand\n');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(target, 0o666);
        indent(`${target}: hand-edited content, mode 0666`);
        step('5. Run it: verify everything first, then check -> steps -> verify, recording every byte; sign the receipt');
        const outDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'runs');
        const pub = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'release-key.pub');
        const runArgs = [
            'run',
            `${DEMO_REMEDIATION}@v1.0.0`,
            '--trusted-key',
            pub,
            '--out',
            outDir,
            '--param',
            `target=${target}`,
            '--param',
            'desired=app.conf',
        ];
        await remediate(0, ...runArgs, '--sign-key', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'run-key'));
        const record = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(outDir, (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(outDir))[0] ?? '');
        indent(`the sandbox file now holds the reviewed content: ${JSON.stringify((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(target, 'utf8')).split('\n')[0])}`);
        step('6. Authenticate the record: the receipt is signed by the trusted run key and covers every file');
        const runPub = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'run-key.pub');
        await remediate(0, 'verify-run', record, '--trusted-key', runPub);
        step('7. Someone rewrites the record afterwards: verify-run refuses it');
        const rewritten = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'rewritten-record');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(record, rewritten, { recursive: true });
        const snapshotPath = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(rewritten, 'snapshot.json');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(snapshotPath, (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(snapshotPath, 'utf8')).replace(/"user": "[^"]*"/, '"user": "someone-else"'));
        indent('changed trigger.user in snapshot.json (the log and its chain still agree with each other)');
        await remediate(3, 'verify-run', rewritten);
        await remediate(3, 'verify-run', rewritten, '--trusted-key', runPub);
        const altered = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'altered-record');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(record, altered, { recursive: true });
        const log = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(altered, 'run.log'));
        const at = log.indexOf('<== steps/apply');
        log[at + 4] = 0x58; // 's' -> 'X'
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(altered, 'run.log'), log);
        indent('flipped one byte of run.log');
        await remediate(3, 'verify-run', altered, '--trusted-key', runPub);
        step('8. Someone changes the released definition and moves the tag: the run is refused before any step');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(repo, 'remediations', DEMO_REMEDIATION, 'apply.sh'), 'echo "this is not the reviewed script"\n');
        await git('commit', '-q', '-am', 'Sneaky change');
        await git('tag', '-f', '-a', '-m', 'moved', `${DEMO_REMEDIATION}/v1.0.0`, 'HEAD');
        indent(`edited remediations/${DEMO_REMEDIATION}/apply.sh and force-moved tag ${DEMO_REMEDIATION}/v1.0.0`);
        await remediate(3, ...runArgs);
        step('What this proved');
        indent('- only a version whose tag, commit and content digest match a manifest signed by a trusted key runs;');
        indent('- parameters reached the steps as PARAM_* environment variables, never as script text;');
        indent('- a refusal is recorded too;');
        indent('- a record signed with the run key is authenticated by its public key: a change to any file the receipt covers is refused;');
        indent('- without an anchor (a trusted key, the printed snapshot digest, or a GitHub attestation) verify-run only says a record is consistent, never intact.');
        out(clean
            ? '\n(demo folder removed: --clean)'
            : `\nEverything is kept for you to inspect: records in ${outDir}, the repository in ${repo}`);
        return 0;
    }
    finally {
        if (clean)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(root, { recursive: true, force: true });
    }
}
const DEMO_IDENTITY = {
    GIT_AUTHOR_NAME: 'remediate demo',
    GIT_AUTHOR_EMAIL: 'demo@remediate.invalid',
    GIT_COMMITTER_NAME: 'remediate demo',
    GIT_COMMITTER_EMAIL: 'demo@remediate.invalid',
};
/** Finds the shipped examples: the `remediations/` folder of the checkout the tool runs from. */
function findExamples(toolPath) {
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(toolPath); dir !== (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(dir); dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(dir)) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'remediations');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(candidate, DEMO_REMEDIATION, 'remediation.yml')))
            return candidate;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb('NOT_FOUND', `cannot find remediations/${DEMO_REMEDIATION}/ next to ${toolPath}: run the demo from a checkout of this project`);
}


/***/ })

};
