import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UsageError, type ExitCodeValue } from '../errors.ts';
import { gitEnvironment } from '../adapters/git-client.ts';
import type { CommandContext } from '../app/context.ts';

const run = promisify(execFile);

/** The remediation the demo releases and runs: it touches only a file inside the demo's folder. */
const DEMO_REMEDIATION = 'reapply-config';

/**
 * The embedded default (`npm run demo`): in a throwaway folder, make a git repository from the
 * shipped example, generate a key, release it, run it against a sandboxed drifted config file,
 * verify the record, then show the integrity checks refusing a tampered definition and a
 * tampered record. Nothing outside the temporary folder changes.
 */
export async function runDemo(
  context: CommandContext,
  clean: boolean,
  cli: (argv: readonly string[], context: CommandContext) => Promise<ExitCodeValue>,
): Promise<ExitCodeValue> {
  const { out } = context;
  const examples = findExamples(context.toolPath);
  const root = await mkdtemp(join(tmpdir(), 'remediate-demo-'));
  const repo = join(root, 'repo');
  const sandbox = join(root, 'sandbox');
  const git = (...args: string[]) =>
    run('git', args, { cwd: repo, env: { ...gitEnvironment(context.env), ...DEMO_IDENTITY } });
  const step = (title: string) => out(`\n== ${title}`);
  const indent = (line: string) => out(`   ${line}`);
  const inRepo: CommandContext = { ...context, cwd: repo, out: indent, err: indent };
  const remediate = async (expected: number, ...argv: string[]) => {
    out(`$ remediate ${argv.join(' ')}`);
    const code = await cli(argv, inRepo);
    if (code !== expected)
      throw new UsageError('USAGE', `demo: 'remediate ${argv[0]}' exited ${code}, expected ${expected}`);
  };

  try {
    step(`1. A git repository with the example remediation '${DEMO_REMEDIATION}' (in ${root})`);
    await mkdir(join(repo, 'remediations'), { recursive: true });
    await cp(join(examples, DEMO_REMEDIATION), join(repo, 'remediations', DEMO_REMEDIATION), { recursive: true });
    await cp(join(examples, 'remediation.schema.json'), join(repo, 'remediations', 'remediation.schema.json'));
    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'Add reapply-config');
    indent('committed remediations/reapply-config/ (definition, scripts, desired/app.conf)');

    step('2. Two Ed25519 keys: a release key (stays with whoever may release) and a run key (signs run receipts)');
    await remediate(0, 'keygen', '--out', join(root, 'release-key'));
    await remediate(0, 'keygen', '--out', join(root, 'run-key'));

    step('3. Release v1.0.0: validate, tag, sign the manifest entry (commit + content digest)');
    await remediate(0, 'release', DEMO_REMEDIATION, 'v1.0.0', '--key', join(root, 'release-key'));

    step('4. A sandbox whose config file drifted from the reviewed content');
    await mkdir(sandbox, { recursive: true });
    const target = join(sandbox, 'app.conf');
    await writeFile(target, 'listen = 0.0.0.0:8080   # someone edited this by hand\n');
    await chmod(target, 0o666);
    indent(`${target}: hand-edited content, mode 0666`);

    step('5. Run it: verify everything first, then check -> steps -> verify, recording every byte; sign the receipt');
    const outDir = join(root, 'runs');
    const pub = join(root, 'release-key.pub');
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
    await remediate(0, ...runArgs, '--sign-key', join(root, 'run-key'));
    const record = join(outDir, (await readdir(outDir))[0] ?? '');
    indent(
      `the sandbox file now holds the reviewed content: ${JSON.stringify((await readFile(target, 'utf8')).split('\n')[0])}`,
    );

    step('6. Authenticate the record: the receipt is signed by the trusted run key and covers every file');
    const runPub = join(root, 'run-key.pub');
    await remediate(0, 'verify-run', record, '--trusted-key', runPub);

    step('7. Someone rewrites the record afterwards: verify-run refuses it');
    const rewritten = join(root, 'rewritten-record');
    await cp(record, rewritten, { recursive: true });
    const snapshotPath = join(rewritten, 'snapshot.json');
    await writeFile(
      snapshotPath,
      (await readFile(snapshotPath, 'utf8')).replace(/"user": "[^"]*"/, '"user": "someone-else"'),
    );
    indent('changed trigger.user in snapshot.json (the log and its chain still agree with each other)');
    await remediate(3, 'verify-run', rewritten);
    await remediate(3, 'verify-run', rewritten, '--trusted-key', runPub);
    const altered = join(root, 'altered-record');
    await cp(record, altered, { recursive: true });
    const log = await readFile(join(altered, 'run.log'));
    const at = log.indexOf('<== steps/apply');
    log[at + 4] = 0x58; // 's' -> 'X'
    await writeFile(join(altered, 'run.log'), log);
    indent('flipped one byte of run.log');
    await remediate(3, 'verify-run', altered, '--trusted-key', runPub);

    step('8. Someone changes the released definition and moves the tag: the run is refused before any step');
    await writeFile(
      join(repo, 'remediations', DEMO_REMEDIATION, 'apply.sh'),
      'echo "this is not the reviewed script"\n',
    );
    await git('commit', '-q', '-am', 'Sneaky change');
    await git('tag', '-f', '-a', '-m', 'moved', `${DEMO_REMEDIATION}/v1.0.0`, 'HEAD');
    indent(`edited remediations/${DEMO_REMEDIATION}/apply.sh and force-moved tag ${DEMO_REMEDIATION}/v1.0.0`);
    await remediate(3, ...runArgs);

    step('What this proved');
    indent('- only a version whose tag, commit and content digest match a manifest signed by a trusted key runs;');
    indent('- parameters reached the steps as PARAM_* environment variables, never as script text;');
    indent('- a refusal is recorded too;');
    indent(
      '- a record signed with the run key is authenticated by its public key: a change to any file the receipt covers is refused;',
    );
    indent(
      '- without an anchor (a trusted key, the printed snapshot digest, or a GitHub attestation) verify-run only says a record is consistent, never intact.',
    );
    out(
      clean
        ? '\n(demo folder removed: --clean)'
        : `\nEverything is kept for you to inspect: records in ${outDir}, the repository in ${repo}`,
    );
    return 0;
  } finally {
    if (clean) await rm(root, { recursive: true, force: true });
  }
}

const DEMO_IDENTITY = {
  GIT_AUTHOR_NAME: 'remediate demo',
  GIT_AUTHOR_EMAIL: 'demo@remediate.invalid',
  GIT_COMMITTER_NAME: 'remediate demo',
  GIT_COMMITTER_EMAIL: 'demo@remediate.invalid',
};

/** Finds the shipped examples: the `remediations/` folder of the checkout the tool runs from. */
function findExamples(toolPath: string): string {
  for (let dir = dirname(toolPath); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'remediations');
    if (existsSync(join(candidate, DEMO_REMEDIATION, 'remediation.yml'))) return candidate;
  }
  throw new UsageError(
    'NOT_FOUND',
    `cannot find remediations/${DEMO_REMEDIATION}/ next to ${toolPath}: run the demo from a checkout of this project`,
  );
}
