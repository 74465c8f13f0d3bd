export const id = 896;
export const ids = [896];
export const modules = {

/***/ 79144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ tryReadBoundedFile),
/* harmony export */   M: () => (/* binding */ readBoundedFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
// Reading a file the caller named (a key, a manifest, a params file, a record file). Whoever
// names the path chooses what is there: a FIFO, a device, a folder, a huge file. Each is refused
// with a one-line usage error before more than the limit is read.


/** Bytes read per call once the file turns out larger than it said it was. */
const CHUNK_BYTES = 64 * 1024;
/**
 * Reads a regular file of at most `maxBytes`; throws a UsageError (NOT_FOUND, NOT_A_FILE,
 * FILE_TOO_LARGE or `tooLargeCode`, IO_ERROR) naming the file and the problem otherwise.
 */
function readBoundedFile(path, options) {
    const bytes = tryReadBoundedFile(path, options);
    if (bytes === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('NOT_FOUND', `${options.label} ${path} does not exist`);
    return bytes;
}
/** As readBoundedFile, but undefined when nothing exists at `path`. */
function tryReadBoundedFile(path, options) {
    const { label, maxBytes, tooLargeCode = 'FILE_TOO_LARGE' } = options;
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO without a writer would block here, and a read from one forever,
        // with the event loop stopped, so SIGINT and SIGTERM went unanswered. It does not change reads
        // of regular files. O_NOCTTY: naming a terminal must not make it the process's controlling one.
        // (Both are 0 where the platform has no such flag.)
        const noFollow = options.noFollow === true ? (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) : 0;
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY ?? 0) | noFollow);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        if (options.noFollow === true && error.code === 'ELOOP') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('NOT_A_FILE', `${label} ${path} is a symbolic link; make it a regular file`);
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .usageErrorFromSystem */ .tz)(error, `${label} ${path}`) ?? error;
    }
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        // Only regular files: a FIFO or a character device (/dev/zero, /dev/stdin) has no end to wait
        // for, and a folder has no bytes; checked on the open descriptor, so a swap after a check
        // cannot slip one in.
        if (!stats.isFile()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('NOT_A_FILE', `${label} ${path} is ${kindOf(stats)}, not a regular file`);
        }
        // Refused by its stated size before reading: a 200 MB file must not cost 200 MB to refuse.
        if (stats.size > maxBytes)
            throw tooLarge(tooLargeCode, label, path, maxBytes, stats.size);
        options.checkFile?.(stats);
        return readAtMost(fd, maxBytes, stats.size, () => tooLarge(tooLargeCode, label, path, maxBytes));
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .usageErrorFromSystem */ .tz)(error, `${label} ${path}`) ?? error;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
// Reads until end of file, but never more than maxBytes + 1 bytes: a file whose stated size is
// wrong (/proc files say 0) or that grows while read cannot make the read unbounded.
function readAtMost(fd, maxBytes, statedSize, onTooLarge) {
    const chunks = [];
    let total = 0;
    let want = Math.min(statedSize + 1, maxBytes + 1);
    for (;;) {
        const chunk = Buffer.allocUnsafe(want);
        let filled = 0;
        while (filled < chunk.byteLength) {
            const count = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, chunk, filled, chunk.byteLength - filled, null);
            if (count === 0)
                break;
            filled += count;
        }
        chunks.push(chunk.subarray(0, filled));
        total += filled;
        if (total > maxBytes)
            throw onTooLarge();
        if (filled < chunk.byteLength)
            return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
        want = Math.min(CHUNK_BYTES, maxBytes + 1 - total);
    }
}
function tooLarge(code, label, path, maxBytes, size) {
    const actual = size === undefined ? `over ${maxBytes} bytes` : `${size} bytes`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(code, `${label} ${path} is ${actual}; at most ${maxBytes} bytes are accepted`);
}
function kindOf(stats) {
    if (stats.isDirectory())
        return 'a folder';
    if (stats.isFIFO())
        return 'a FIFO (named pipe)';
    if (stats.isCharacterDevice())
        return 'a character device';
    if (stats.isBlockDevice())
        return 'a block device';
    if (stats.isSocket())
        return 'a socket';
    return 'not a regular file';
}


/***/ }),

/***/ 52233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ releaseChunk)
/* harmony export */ });
// A child's output arrives as one freshly allocated buffer per pipe read (about 64 KiB each). Left
// to the garbage collector, a step printing gigabytes (or git streaming a large remediation) piles
// up tens of megabytes of dead chunks before V8 looks at them (its external-memory trigger), which
// was most of a recording run's peak memory. Readers that have copied what they need out of a
// chunk free it right away.
/**
 * Frees a chunk's memory now, by detaching the ArrayBuffer it alone occupies (ES2024
 * `ArrayBuffer.prototype.transfer`). Only for a chunk nobody else holds: every other view of that
 * memory becomes empty. Views of shared or pooled memory (`Buffer.allocUnsafe`'s pool, slices) are
 * left to the garbage collector.
 */
function releaseChunk(chunk) {
    const memory = chunk.buffer;
    if (!(memory instanceof ArrayBuffer) || memory.detached)
        return;
    if (chunk.byteOffset !== 0 || chunk.byteLength !== memory.byteLength)
        return;
    memory.transfer(0);
}


/***/ }),

/***/ 31930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Tq: () => (/* binding */ GitCli),
  _K: () => (/* binding */ gitEnvironment)
});

// UNUSED EXPORTS: GitCommandError

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/adapters/chunk-memory.ts
var chunk_memory = __webpack_require__(52233);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/adapters/git-refusal.ts

/**
 * git's message when it refuses a repository owned by another user (safe.directory, git 2.35.2+).
 * Matching git's text is the only way to tell this exit 128 from any other; git runs with
 * LC_ALL=C (gitEnvironment), so the message is not translated.
 */
const DUBIOUS_OWNERSHIP = /detected dubious ownership in repository at '([^'\n]*)'/;
/**
 * The one-line error for a repository git refused to read, from a failed git's stderr, or
 * undefined when git failed for another reason. Without it the refusal surfaced as an INTERNAL
 * error with a stack trace, or worse, as "names no commit" from a lookup allowed to fail.
 */
function tryRepositoryRefusal(stderr) {
    const match = DUBIOUS_OWNERSHIP.exec(stderr);
    if (!match)
        return undefined;
    const dir = match[1] ?? '';
    return new errors/* UsageError */.eb('DUBIOUS_OWNERSHIP', `git refuses to read the repository at ${dir}: it is owned by another user (git's "dubious ownership" check). Run remediate as the owner of the checkout, or, if you trust it, allow it with: git config --global --add safe.directory ${dir}`);
}

;// CONCATENATED MODULE: ./src/adapters/git-cat-file.ts



/** What git prints before an object's content: id, type and size, nothing else. */
const OBJECT_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d+)$/;
/** A name with these would be read by git as more than one request, or cut short. */
const UNSAFE_NAME = /[\n\r\0]/;
/**
 * A long-lived `git cat-file --batch`: every object a verification needs (the tag's commit, the
 * trees down to the remediation's folder, its blobs) comes through one git process instead of
 * one per command. Requests are answered in order; the process does not keep Node alive while
 * idle, and ends with the tool.
 */
class CatFileBatch {
    #child;
    #queue = [];
    #chunks = [];
    #buffered = 0;
    /** The object being received: its header is parsed, `content` fills as bytes arrive. */
    #current;
    #failure;
    /**
     * `oneShot`: for a list of objects known up front, read with `read()` for each and then
     * `close()` at once: git then buffers its output (`--buffer`) instead of flushing per object.
     */
    constructor(cwd, env, options = {}) {
        const args = ['cat-file', '--batch', ...(options.oneShot === true ? ['--buffer'] : [])];
        this.#child = (0,external_node_child_process_.spawn)('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        let stderr = '';
        this.#child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        this.#child.stdout.on('data', (chunk) => {
            try {
                this.#receive(chunk);
            }
            catch (error) {
                // A throw in a stream listener would crash the process: fail the reads instead.
                this.#fail(new Error(`cannot read git cat-file output: ${error.message}`));
                this.#child.kill();
            }
        });
        this.#child.stdin.on('error', () => undefined);
        this.#child.on('error', (error) => this.#fail(new Error(`cannot run git cat-file: ${error.message}`)));
        this.#child.on('close', (code) => this.#fail(tryRepositoryRefusal(stderr) ??
            new Error(`git cat-file --batch ended (${code}): ${stderr.trim().split('\n')[0] ?? ''}`)));
        this.#idle();
    }
    /** Reads an object by id or revision expression (`refs/tags/x^{commit}`); undefined when missing. */
    read(name) {
        return this.readMany([name])[0];
    }
    /** Reads several objects, asked for in one write; each promise is as for read(). */
    readMany(names) {
        if (this.#failure)
            return names.map(() => Promise.reject(this.#failure));
        if (names.some((name) => UNSAFE_NAME.test(name))) {
            return names.map(() => Promise.reject(new Error('object names cannot contain line breaks or NUL')));
        }
        const reads = names.map((name) => new Promise((resolve, reject) => this.#queue.push({ name, resolve, reject })));
        if (names.length > 0) {
            this.#busy();
            this.#child.stdin.write(`${names.join('\n')}\n`);
        }
        return reads;
    }
    /** Ends the git process. */
    close() {
        this.#child.stdin.end();
    }
    #receive(chunk) {
        if (this.#failure)
            return;
        this.#chunks.push(chunk);
        this.#buffered += chunk.byteLength;
        for (;;) {
            if (this.#current) {
                const current = this.#current;
                const need = current.content.byteLength - current.filled;
                // Content is copied straight into its own buffer: no repeated concatenation of large blobs.
                while (need > 0 && current.filled < current.content.byteLength && this.#chunks.length) {
                    const head = this.#chunks[0];
                    const take = Math.min(head.byteLength, current.content.byteLength - current.filled);
                    head.copy(current.content, current.filled, 0, take);
                    current.filled += take;
                    this.#consume(take);
                }
                if (current.filled < current.content.byteLength || this.#buffered < 1)
                    return;
                this.#consume(1); // the newline after the content
                this.#current = undefined;
                this.#settle({ oid: current.oid, type: current.type, content: current.content });
                continue;
            }
            const header = this.#takeLine();
            if (header === undefined)
                return;
            const asked = this.#queue[0]?.name;
            // Git answers an unknown name with the name itself, which may contain spaces: compare the
            // whole line, so a name like "x commit 0 y" cannot pass for an object header.
            if (asked !== undefined && (header === `${asked} missing` || header === `${asked} ambiguous`)) {
                this.#settle(undefined);
                continue;
            }
            const match = OBJECT_HEADER.exec(header);
            if (asked === undefined || match === null) {
                // Out of step with git: every later answer would be attributed to the wrong request.
                this.#fail(new Error(`unexpected output from git cat-file: ${JSON.stringify(header.slice(0, 200))}`));
                this.#child.kill();
                return;
            }
            const [, oid = '', type = '', size = '0'] = match;
            this.#current = { oid, type, content: Buffer.allocUnsafe(Number(size)), filled: 0 };
        }
    }
    /** Rejects every pending read and all later ones. */
    #fail(error) {
        this.#failure ??= error;
        for (const pending of this.#queue.splice(0))
            pending.reject(error);
        this.#chunks = [];
        this.#buffered = 0;
    }
    #takeLine() {
        const all = this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks);
        const newline = all.indexOf(0x0a);
        if (newline < 0) {
            this.#chunks = [all];
            return undefined;
        }
        this.#chunks = [all];
        const line = all.subarray(0, newline).toString('utf8');
        this.#consume(newline + 1);
        return line;
    }
    #consume(count) {
        let left = count;
        while (left > 0) {
            const head = this.#chunks[0];
            if (head.byteLength <= left) {
                this.#chunks.shift();
                left -= head.byteLength;
                // Everything needed was copied out (contents into their own buffers, headers into strings).
                (0,chunk_memory/* releaseChunk */.b)(head);
            }
            else {
                this.#chunks[0] = head.subarray(left);
                left = 0;
            }
        }
        this.#buffered -= count;
    }
    #settle(object) {
        this.#queue.shift()?.resolve(object);
        if (this.#queue.length === 0)
            this.#idle();
    }
    // While nothing is asked, the git process and its pipes must not keep the tool running.
    #idle() {
        this.#child.unref();
        for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr])
            stream.unref?.();
    }
    #busy() {
        this.#child.ref();
        for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr])
            stream.ref?.();
    }
}
/** Parses a git tree object's entries: `<mode> <name>\0<binary id>` repeated. */
function parseTree(content, idBytes) {
    const entries = [];
    let offset = 0;
    while (offset < content.byteLength) {
        const space = content.indexOf(0x20, offset);
        const nul = content.indexOf(0x00, space);
        if (space < 0 || nul < 0 || nul + 1 + idBytes > content.byteLength)
            throw new Error('malformed git tree object');
        entries.push({
            mode: content.subarray(offset, space).toString('ascii').padStart(6, '0'),
            name: content.subarray(space + 1, nul).toString('utf8'),
            oid: content.subarray(nul + 1, nul + 1 + idBytes).toString('hex'),
        });
        offset = nul + 1 + idBytes;
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/adapters/git-client.ts






/** What git gets from the caller's environment (see gitEnvironment). */
const GIT_VARIABLES = /^(PATH|HOME|XDG_CONFIG_HOME|TMPDIR|TZ|USER|LOGNAME|GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL))$/;
/** Raised when git itself fails; carries git's stderr. */
class GitCommandError extends Error {
    name = 'GitCommandError';
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        super(`git ${args.join(' ')} failed (${exitCode}): ${stderr.trim().split('\n')[0] ?? ''}`);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/** Blobs from which readBlobs reads through two one-shot `git cat-file` processes. */
const PARALLEL_READS_FROM = 64;
/** Runs the system git with argument arrays (never a shell) and a controlled environment. */
class GitCli {
    cwd;
    env;
    #batch;
    /** `env` is the environment git runs with; `gitEnvironment` builds a safe one. */
    constructor(cwd, env) {
        this.cwd = cwd;
        this.env = env;
    }
    async tryResolveTag(tag) {
        // Peeled fully (`^{}`: through any chain of tag objects) but not converted to a commit, so a
        // tag that names a tree or a blob is reported as what it is rather than as a missing tag.
        // Lightweight and annotated tags are both accepted: the signed manifest pins the commit.
        const object = await this.#objects().read(`refs/tags/${tag}^{}`);
        if (object === undefined)
            return undefined;
        if (object.type !== 'commit') {
            throw new errors/* TrustError */.Ru('TAG_NOT_FOUND', `tag ${tag} points at a ${object.type}, not a commit: a release tag must name the commit that was released`);
        }
        return object.oid;
    }
    async tryResolveCommit(rev) {
        // `--end-of-options` keeps a revision that starts with '-' from being read as an option.
        const result = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
            allowFail: true,
        });
        return result.code === 0 ? result.stdout.toString().trim() : undefined;
    }
    async headCommit() {
        return (await this.run(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.toString().trim();
    }
    async listTree(commit, dir) {
        // Walk the trees through the one cat-file process: root tree, down to `dir`, then all below it.
        const batch = this.#objects();
        const root = await batch.read(`${commit}^{tree}`);
        if (!root)
            throw new GitCommandError(['cat-file', `${commit}^{tree}`], 128, `no tree for ${commit}`);
        const idBytes = root.oid.length / 2;
        let tree = root;
        for (const part of dir.split('/')) {
            const entry = parseTree(tree.content, idBytes).find((e) => e.name === part && e.mode === '040000');
            if (!entry)
                return [];
            tree = await batch.read(entry.oid);
            if (!tree)
                return [];
        }
        const entries = [];
        const walk = async (object, prefix) => {
            for (const entry of parseTree(object.content, idBytes)) {
                const path = `${prefix}/${entry.name}`;
                if (entry.mode === '040000') {
                    const child = await batch.read(entry.oid);
                    if (!child)
                        throw new GitCommandError(['cat-file', entry.oid], 128, `missing tree ${entry.oid}`);
                    await walk(child, path);
                }
                else {
                    entries.push({ mode: entry.mode, type: entry.mode === '160000' ? 'commit' : 'blob', oid: entry.oid, path });
                }
            }
        };
        await walk(tree, dir);
        return entries;
    }
    async readBlobs(oids) {
        // Inflating blobs is most of the cost of a large remediation: two one-shot git processes take
        // every other blob each, so inflating runs on two cores, and each buffers its output instead of
        // flushing per object. Small remediations use the long-lived process and pay for no extra one.
        const oneShot = () => new CatFileBatch(this.cwd, this.env, { oneShot: true });
        const extra = oids.length >= PARALLEL_READS_FROM ? [oneShot(), oneShot()] : [];
        const readers = extra.length > 0 ? extra : [this.#objects()];
        const n = readers.length;
        // Reader r gets blobs r, r + n, r + 2n, ...: blob k is answer floor(k / n) of reader k % n.
        const answers = readers.map((reader, r) => reader.readMany(oids.filter((_oid, k) => k % n === r)));
        for (const reader of extra)
            reader.close();
        const blobs = new Map();
        await Promise.all(oids.map(async (oid, k) => {
            const object = await answers[k % n]?.[Math.floor(k / n)];
            if (!object || object.type !== 'blob') {
                throw new GitCommandError(['cat-file', '--batch'], 0, `object ${oid} is not a blob`);
            }
            blobs.set(oid, object.content);
        }));
        return blobs;
    }
    async tryReadFileAt(ref, path) {
        const result = await this.run(['cat-file', 'blob', `${ref}:${path}`], { allowFail: true });
        return result.code === 0 ? result.stdout : undefined;
    }
    async statusOf(dir) {
        const { stdout } = await this.run(['status', '--porcelain=v1', '--untracked-files=all', '--', dir]);
        return stdout.toString('utf8').split('\n').filter(Boolean);
    }
    /** Untracked files under `dir` that git ignores (a release can never hold them), from the top level. */
    async ignoredPaths(dir) {
        const { stdout } = await this.run([
            'ls-files',
            '--others',
            '--ignored',
            '--exclude-standard',
            '--full-name',
            '-z',
            '--',
            `${(0,external_node_path_.join)(await this.topLevel(), dir)}/`,
        ]);
        return stdout.toString('utf8').split('\0').filter(Boolean);
    }
    async createAnnotatedTag(tag, commit, message) {
        await this.run(['tag', '--annotate', '--message', message, '--', tag, commit]);
    }
    async topLevel() {
        // The nearest folder with a `.git` (a folder, or a file in worktrees): no process needed.
        for (let dir = (0,external_node_path_.resolve)(this.cwd);; dir = (0,external_node_path_.dirname)(dir)) {
            if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.git')))
                return dir;
            if ((0,external_node_path_.dirname)(dir) === dir)
                break;
        }
        throw new errors/* UsageError */.eb('NOT_FOUND', `${this.cwd} is not inside a git repository: run remediate from your checkout`);
    }
    async listTags(pattern) {
        const { stdout } = await this.run(['tag', '--list', '--', pattern]);
        return stdout.toString('utf8').split('\n').filter(Boolean);
    }
    async changedPaths(base, dir) {
        const { stdout } = await this.run(['diff', '--name-only', '-z', '--end-of-options', base, '--', `${dir}/`]);
        const untracked = await this.run(['ls-files', '--others', '--exclude-standard', '-z', '--', `${dir}/`]);
        return [...stdout.toString('utf8').split('\0'), ...untracked.stdout.toString('utf8').split('\0')].filter(Boolean);
    }
    close() {
        this.#batch?.close();
        this.#batch = undefined;
    }
    #objects() {
        this.#batch ??= new CatFileBatch(this.cwd, this.env);
        return this.#batch;
    }
    run(args, options = {}) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)('git', args, { cwd: this.cwd, env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
            const out = [];
            const err = [];
            child.stdout.on('data', (chunk) => out.push(chunk));
            child.stderr.on('data', (chunk) => err.push(chunk));
            child.on('error', (error) => reject(new errors/* UsageError */.eb('NOT_FOUND', 'cannot run git: install git and make sure it is on PATH', { cause: error })));
            child.on('close', (code) => {
                const stderr = Buffer.concat(err).toString('utf8');
                // Checked even when failing is allowed: a refused repository is not a missing commit or file.
                const refusal = code === 0 ? undefined : tryRepositoryRefusal(stderr);
                if (refusal)
                    reject(refusal);
                else if (code !== 0 && !options.allowFail)
                    reject(new GitCommandError(args, code, stderr));
                else
                    resolve({ code, stdout: Buffer.concat(out), stderr });
            });
            // git may exit before reading its input (EPIPE); its exit status reports what went wrong.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input ?? '');
        });
    }
}
/**
 * The environment git runs with: the caller's, minus variables that redirect git to another
 * repository or object store (GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES,
 * GIT_REPLACE_REF_BASE...), which could make the verifier read objects other than the checkout's.
 * `git replace` refs are disabled for the same reason.
 */
function gitEnvironment(base) {
    const env = {};
    // An allow-list, not the caller's environment: git needs none of the tool's credentials, and a
    // git process is one a step could inspect (/proc/<pid>/environ) while it lives. Git's own GIT_*
    // variables (GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES, ...) could point
    // reads elsewhere; only the identity used for tags passes.
    for (const [key, value] of Object.entries(base)) {
        if (GIT_VARIABLES.test(key))
            env[key] = value;
    }
    env.GIT_NO_REPLACE_OBJECTS = '1';
    // A repository or global `core.useReplaceRefs=true` turns replace refs back on despite
    // GIT_NO_REPLACE_OBJECTS (git 2.39), so `git replace` could swap what is digested and signed.
    // Configuration from the environment wins over every config file, as `git -c` does.
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = 'core.useReplaceRefs';
    env.GIT_CONFIG_VALUE_0 = 'false';
    env.GIT_TERMINAL_PROMPT = '0';
    env.LC_ALL = 'C';
    return env;
}


/***/ }),

/***/ 45443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ stopCommandsToken),
/* harmony export */   w: () => (/* binding */ appendGitHubOutputs)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Appends outputs to a GitHub file command (GITHUB_OUTPUT) in the multi-line form with a random
 * delimiter, so a value containing newlines or a guessed delimiter cannot add other outputs.
 */
async function appendGitHubOutputs(file, outputs) {
    let text = '';
    for (const [name, value] of Object.entries(outputs)) {
        let delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
        while (value.includes(delimiter))
            delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
        text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(file, text);
}
/**
 * A token for GitHub's `::stop-commands::<token>` fence, found in none of `texts`. Between
 * `::stop-commands::<token>` and `::<token>::` the runner runs no workflow commands, so lines of
 * untrusted text printed in between (`::error::`, `::add-mask::`, `::stop-commands::`) are only text.
 */
function stopCommandsToken(texts) {
    let token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().replaceAll('-', '');
    while (texts.some((text) => text.includes(token)))
        token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().replaceAll('-', '');
    return token;
}


/***/ }),

/***/ 35703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ remediationDir),
/* harmony export */   LO: () => (/* binding */ REMEDIATIONS_DIR),
/* harmony export */   jR: () => (/* binding */ readRemediationFromWorkingTree),
/* harmony export */   k_: () => (/* binding */ readRemediationAtCommit)
/* harmony export */ });
/* unused harmony exports MAX_FILES, MAX_TOTAL_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _core_tree_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40460);




/** Folder holding every remediation, relative to the repository root. */
const REMEDIATIONS_DIR = 'remediations';
/** Most files a remediation may hold: a definition and its scripts, not a vendored tree. */
const MAX_FILES = 5000;
/** Most bytes a remediation may hold in all. */
const MAX_TOTAL_BYTES = 128 * 1024 * 1024;
/** The folder of a remediation, relative to the repository root. */
function remediationDir(name) {
    return `${REMEDIATIONS_DIR}/${name}`;
}
/**
 * Reads a remediation's files from git objects at a commit. Symlinks and submodules are refused:
 * a symlink could make the digest cover a link text while the run reads a file outside the
 * version, and a submodule's content is not in this repository's objects at all.
 */
async function readRemediationAtCommit(git, commit, name) {
    const dir = remediationDir(name);
    const entries = await git.listTree(commit, dir);
    if (entries.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('NOT_FOUND', `${dir}/ does not exist at commit ${commit.slice(0, 12)}`);
    }
    for (const entry of entries) {
        if (entry.type === 'commit')
            throw unsafe(`${entry.path} is a submodule; a remediation must hold its own files`);
        if (entry.mode === '120000')
            throw unsafe(`${entry.path} is a symlink; copy the file into ${dir}/ instead`);
        if (entry.mode !== '100644' && entry.mode !== '100755')
            throw unsafe(`${entry.path} has unsupported mode ${entry.mode}`);
        if (!entry.path.startsWith(`${dir}/`))
            throw unsafe(`${entry.path} is outside ${dir}/`);
        // Git objects can be crafted with `.`, `..` or empty path parts (git mktree accepts them);
        // written out, such a path would land outside the run's copy of the files.
        if (entry.path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
            throw unsafe(`${JSON.stringify(entry.path)} has an empty, '.' or '..' path part`);
        }
    }
    checkLimits(entries.length, 0, dir);
    const blobs = await git.readBlobs(entries.map((e) => e.oid));
    let total = 0;
    const files = entries.map((entry) => {
        const content = blobs.get(entry.oid);
        if (!content)
            throw unsafe(`${entry.path}: git object ${entry.oid} is missing`);
        total += content.byteLength;
        return (0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .treeFile */ .Py)(entry.path.slice(dir.length + 1), entry.mode, content);
    });
    checkLimits(files.length, total, dir);
    return files;
}
/** Reads a remediation's files from the working tree (unreleased content), with the same refusals. */
async function readRemediationFromWorkingTree(root, name) {
    const dir = remediationDir(name);
    const files = [];
    let total = 0;
    const walk = async (relative) => {
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, dir, relative);
        const stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(absolute).catch((error) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('NOT_FOUND', `${dir}/${relative} does not exist`, { cause: error });
        });
        const shown = relative ? `${dir}/${relative}` : `${dir}/`;
        if (stats.isSymbolicLink())
            throw unsafe(`${shown} is a symlink; copy the file into ${dir}/ instead`);
        if (stats.isDirectory()) {
            for (const child of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(absolute)).sort())
                await walk(relative ? `${relative}/${child}` : child);
            return;
        }
        if (!stats.isFile())
            throw unsafe(`${shown} is not a regular file`);
        const content = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(absolute);
        total += content.byteLength;
        files.push((0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .treeFile */ .Py)(relative, stats.mode & 0o100 ? '100755' : '100644', content));
        checkLimits(files.length, total, dir);
    };
    await walk('');
    return files;
}
function checkLimits(count, bytes, dir) {
    // Resource exhaustion: a huge folder would stall digesting and every run that copies it.
    if (count > MAX_FILES)
        throw unsafe(`${dir}/ holds more than ${MAX_FILES} files`);
    if (bytes > MAX_TOTAL_BYTES)
        throw unsafe(`${dir}/ holds more than ${MAX_TOTAL_BYTES} bytes`);
}
function unsafe(message) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TrustError */ .Ru('UNSAFE_TREE', message);
}


/***/ }),

/***/ 66083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ artifactClientFor),
/* harmony export */   artifactDownloaderFor: () => (/* binding */ artifactDownloaderFor)
/* harmony export */ });
/**
 * RunArtifacts over the real `@actions/artifact` client with `findBy`, which goes through the
 * public REST API (list, then the zip behind a redirect) with the given token. A `run:` step has no
 * ACTIONS_RUNTIME_TOKEN, so the client's internal service is not an option there.
 */
async function artifactClientFor(target) {
    const [repositoryOwner, repositoryName] = target.repository.split('/');
    if (!repositoryOwner || !repositoryName) {
        throw new Error(`expected GITHUB_REPOSITORY as owner/name, got '${target.repository}'`);
    }
    const findBy = { token: target.token, workflowRunId: target.runId, repositoryOwner, repositoryName };
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 35690));
    const client = new DefaultArtifactClient();
    return {
        async list() {
            const { artifacts } = await client.listArtifacts({ findBy });
            return artifacts.map((a) => ({ id: a.id, name: a.name, digest: a.digest || undefined }));
        },
        async download(artifact, dir) {
            const result = await client.downloadArtifact(artifact.id, {
                path: dir,
                findBy,
                ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
            });
            return !result.digestMismatch;
        },
    };
}
/**
 * An ArtifactDownloader over the real `@actions/artifact` client (loaded on first use), through
 * the public REST API with `token`: the zip behind the download redirect, checked against the
 * digest GitHub listed. The API base is GITHUB_API_URL (the client reads it), else api.github.com.
 */
function artifactDownloaderFor(token, repository) {
    const [repositoryOwner, repositoryName] = repository.split('/');
    if (!repositoryOwner || !repositoryName)
        throw new Error(`expected a repository as owner/name, got '${repository}'`);
    return async (artifact, dir) => {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 35690));
        const findBy = { token, workflowRunId: artifact.runId ?? 0, repositoryOwner, repositoryName };
        const result = await new DefaultArtifactClient().downloadArtifact(artifact.id, {
            path: dir,
            findBy,
            ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
        });
        return artifact.digest !== undefined && !result.digestMismatch;
    };
}


/***/ }),

/***/ 18644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cr: () => (/* binding */ legsToFix),
/* harmony export */   eD: () => (/* binding */ parseMaxUnhealthy),
/* harmony export */   j8: () => (/* binding */ decideBlastRadius),
/* harmony export */   lB: () => (/* binding */ renderBlastRadius),
/* harmony export */   t4: () => (/* binding */ parseLegs),
/* harmony export */   tW: () => (/* binding */ formatLimit)
/* harmony export */ });
/* unused harmony exports MAX_UNHEALTHY_COUNT, allowedUnhealthy */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33542);
// The blast-radius gate of the drift and fleet workflows (`max-unhealthy`): pure, over the
// check-only records of one run already read. When more targets than the limit need fixing at
// once, something wider than one target is wrong (a bad check, a network partition, a bad
// release upstream) and fixing them all would spread it: no target is fixed and a person looks.
// The idea and the arithmetic follow Cluster API's MachineHealthCheck `maxUnhealthy` and Cloud
// Custodian's `max-resources-percent`.


/** Largest count accepted: far above any matrix (256 legs), small enough to stay exact. */
const MAX_UNHEALTHY_COUNT = 1_000_000;
const COUNT = /^(?:0|[1-9][0-9]{0,6})$/;
const PERCENT = /^(?:0|[1-9][0-9]?|100)%$/;
/**
 * Parses `max-unhealthy`: a whole number of targets (`3`) or a whole percent of them from 0% to
 * 100% (`25%`). Anything else (`-1`, `2.5`, `12.5%`, `101%`, ` 3`, `03`, `3 targets`) is refused
 * with a UsageError naming `label`: a limit misread as a larger one would let a fleet-wide fix
 * through, so nothing is guessed.
 */
function parseMaxUnhealthy(text, label) {
    if (COUNT.test(text) && Number(text) <= MAX_UNHEALTHY_COUNT)
        return { kind: 'count', count: Number(text) };
    if (PERCENT.test(text))
        return { kind: 'percent', percent: Number(text.slice(0, -1)) };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `${label}: expected a whole number of targets (such as 3) or a whole percent of them from 0% to 100% (such as 25%), got '${text.slice(0, 40)}'`);
}
/**
 * How many of `total` targets may be unhealthy: the count, or the percent of `total` rounded
 * down (25% of 10 is 2, of 3 is 0). Rounding down is Cluster API's, and for whole numbers of
 * targets "more than floor(p% of n)" is exactly Cloud Custodian's "more than p% of n".
 */
function allowedUnhealthy(limit, total) {
    return limit.kind === 'count' ? limit.count : Math.floor((limit.percent * total) / 100);
}
/** Writes a limit as it was given (`3`, `25%`). */
function formatLimit(limit) {
    return limit.kind === 'count' ? String(limit.count) : `${limit.percent}%`;
}
/**
 * Counts the targets that are not known to be healthy and decides whether fixing may go ahead
 * (counted <= allowed). Fails closed: a target whose check gave no usable answer, or that left
 * no record, counts as unhealthy (Cluster API likewise counts a machine whose health stays
 * unknown past its timeout), so a broken check or a lost record can never make a fleet-wide
 * problem look small. Throws UsageError when there are more records than targets (records of
 * another run mixed in): the count would be meaningless.
 */
function decideBlastRadius(checks, total, limit) {
    if (!Number.isSafeInteger(total) || total < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `expected the number of targets to be a whole number of at least 1, got ${total}`);
    }
    if (checks.length > total) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `${checks.length} check records for ${total} target(s): records of another run are mixed in; the count would mean nothing`);
    }
    // Attack (or accident): a record that is not check-only (a fix leg's, laid among the checks)
    // says nothing about what the check found; it is an unknown, not a healthy target.
    const usable = (c) => c.checkOnly && c.problem === undefined;
    const healthy = checks.filter((c) => usable(c) && c.status === 'healthy');
    const unhealthy = checks.filter((c) => usable(c) && c.status === 'unhealthy');
    const unknown = checks.filter((c) => !healthy.includes(c) && !unhealthy.includes(c));
    const missing = total - checks.length;
    const counted = unhealthy.length + unknown.length + missing;
    const allowed = allowedUnhealthy(limit, total);
    return { total, allowed, healthy, unhealthy, unknown, missing, counted, over: counted > allowed };
}
/** Most targets named per list in the job summary (GitHub caps a summary at 1 MiB). */
const MAX_LISTED = 300;
/** The gate's job summary: the verdict, then the unhealthy and unknown targets by name. */
function renderBlastRadius(radius, limit) {
    const rule = `max-unhealthy ${formatLimit(limit)} of ${radius.total} target(s) allows ${radius.allowed}`;
    const lines = [
        radius.over
            ? `## ⛔ Blast radius: ${radius.counted} of ${radius.total} target(s) need fixing or gave no answer; ${rule}: no target was fixed`
            : `## ✅ Blast radius: ${radius.counted} of ${radius.total} target(s) need fixing or gave no answer; ${rule}: fixing goes ahead`,
        '',
        `${radius.healthy.length} healthy, ${radius.unhealthy.length} unhealthy (drift found), ${radius.unknown.length} without a usable check, ${radius.missing} without a check record.`,
    ];
    const list = (title, checks, describe) => {
        if (checks.length === 0)
            return;
        lines.push('', `### ${title}`, '');
        for (const check of checks.slice(0, MAX_LISTED))
            lines.push(`- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escape */ .i)(check.target)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escape */ .i)(describe(check))}`);
        if (checks.length > MAX_LISTED)
            lines.push(`- … and ${checks.length - MAX_LISTED} more`);
    };
    list('Unhealthy (the check found drift)', radius.unhealthy, () => 'drift');
    list('No usable check result (counted as unhealthy)', radius.unknown, (c) => c.problem !== undefined
        ? c.problem
        : !c.checkOnly
            ? `not a check-only record (status ${c.status ?? 'unknown'})`
            : `status ${c.status ?? 'unknown'}`);
    if (radius.missing > 0) {
        lines.push('', `${radius.missing} target(s) left no check record (the check leg failed before the Action ran, or its artifact is missing); counted as unhealthy.`);
    }
    return `${lines.join('\n')}\n`;
}
/** Parses the plan job's `legs` output: a JSON list of `{remediation, target, params}`. */
function parseLegs(text, label) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `${label}: expected the plan's JSON list of legs, got text that is not JSON`);
    }
    const isLeg = (leg) => typeof leg === 'object' &&
        leg !== null &&
        typeof leg.remediation === 'string' &&
        typeof leg.target === 'string' &&
        typeof leg.params === 'object' &&
        leg.params !== null;
    if (!Array.isArray(value) || value.length === 0 || !value.every(isLeg)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `${label}: expected a non-empty JSON list of {remediation, target, params} legs`);
    }
    return value.map(({ remediation, target, params }) => ({ remediation, target, params }));
}
/**
 * The legs that need a fix, and so an approval (drift.yml's `approval-environment`): every leg
 * but those vouched healthy by exactly one check-only record, of their own version and target.
 * Fails closed, as the count does:
 * - a leg whose check errored, was refused, or left no record is held for a reviewer;
 * - a leg named by two records is held whatever they say. Attack stopped: a compromised runner of
 *   one leg uploads, besides its own, a `healthy` record naming another leg, whose real check
 *   found drift: that leg's drift would go unfixed and unapproved, and the summary would show it
 *   healthy;
 * - with any record unreadable or not check-only (`holdAll` too, which the workflow sets when a
 *   check leg did not succeed), it cannot be told which leg a record stood for: every leg is held.
 */
function legsToFix(legs, checks, holdAll = false) {
    const key = (remediation, target) => JSON.stringify([remediation, target]);
    if (holdAll || checks.some((c) => !c.checkOnly || c.problem !== undefined || c.ran === undefined))
        return [...legs];
    const named = new Map();
    for (const check of checks) {
        const k = key(check.ran?.remediation, check.ran?.target);
        named.set(k, [...(named.get(k) ?? []), check]);
    }
    return legs.filter((leg) => {
        const mine = named.get(key(leg.remediation, leg.target)) ?? [];
        return !(mine.length === 1 && mine[0]?.status === 'healthy');
    });
}


/***/ }),

/***/ 86587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QU: () => (/* binding */ checkDefinition),
  Pn: () => (/* binding */ lintDefinition),
  UL: () => (/* binding */ lintScripts)
});

// UNUSED EXPORTS: scriptShell

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/adapters/shell-syntax.ts

/** Longest a syntax check may take: parsing a page of shell is milliseconds. */
const CHECK_TIMEOUT_MS = 10_000;
/** Most stderr kept from the shell: its first line is the message. */
const MAX_MESSAGE_BYTES = 4096;
/**
 * Parses a script with the shell that will run it, without running anything (`bash -n`, `sh -n`),
 * so that a script that cannot run (a rollback with a missing `fi`) is refused before any step of
 * the run changes the system, rather than discovered when the rollback is needed. bash is given
 * `-O extglob`: `-n` executes no `shopt -s extglob`, and without it a script that turns extglob on
 * before using `@(a|b)` would be refused although it runs.
 */
function checkShellSyntax(shell, script) {
    const args = shell === 'bash'
        ? ['--noprofile', '--norc', '-O', 'extglob', '-n', '-c', script, 'remediation']
        : ['-n', '-c', script, 'remediation'];
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(shell, args, {
            // English messages in a fixed shape, and nothing of the caller's environment.
            env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' },
            stdio: ['ignore', 'ignore', 'pipe'],
            timeout: CHECK_TIMEOUT_MS,
        });
        const chunks = [];
        let kept = 0;
        child.stderr.on('data', (chunk) => {
            if (kept < MAX_MESSAGE_BYTES)
                chunks.push(chunk);
            kept += chunk.byteLength;
        });
        child.on('error', (error) => {
            resolve({
                line: undefined,
                message: error.code === 'ENOENT'
                    ? `${shell} is not installed here, so this step could neither be checked nor run`
                    : `${shell} -n could not be started: ${error.message}`,
            });
        });
        child.on('close', (code, signal) => {
            if (code === 0)
                return resolve(undefined);
            if (signal !== null)
                return resolve({ line: undefined, message: `${shell} -n did not finish (${signal})` });
            resolve(parseShellMessage(Buffer.concat(chunks).toString('utf8')));
        });
    });
}
/**
 * The first line of a shell's syntax error without its prefix, and the script line it names:
 * bash says `bash: -c: line 4: syntax error ...`, dash says `sh: 4: Syntax error: ...`.
 */
function parseShellMessage(stderr) {
    const first = stderr.split('\n').find((line) => line.trim() !== '') ?? 'syntax error';
    const bash = /^[^:]*: -c: line (\d+): (.*)$/.exec(first);
    if (bash)
        return { line: Number(bash[1]), message: (bash[2] ?? '').replaceAll('`', "'") };
    const dash = /^[^:]*: (\d+): (.*)$/.exec(first);
    if (dash)
        return { line: Number(dash[1]), message: dash[2] ?? '' };
    return { line: undefined, message: first.slice(0, 200) };
}

// EXTERNAL MODULE: ./src/core/definition.ts
var core_definition = __webpack_require__(64286);
// EXTERNAL MODULE: ./src/core/definition-parser.ts + 1 modules
var definition_parser = __webpack_require__(24324);
// EXTERNAL MODULE: ./src/core/schema-errors.ts
var schema_errors = __webpack_require__(16386);
;// CONCATENATED MODULE: ./src/app/check-definition.ts




/** Syntax checks in flight at once: a definition's steps are checked side by side, not one by one. */
const CHECKS_IN_FLIGHT = 4;
/**
 * Validates remediation.yml bytes as `remediate validate` and `remediate release` do: the schema
 * and semantic checks of parseDefinition, then every step's script parsed by its own shell. A
 * script that cannot run is refused here, with file:line:col, instead of failing mid-run (a broken
 * rollback would only show when it is needed). Runs trust the release's check and skip the shells.
 */
async function checkDefinition(file, bytes, folderName) {
    const definition = (0,definition_parser/* parseDefinition */.JA)(file, bytes, folderName);
    const steps = core_definition/* STAGES */.an.flatMap((stage) => definition[stage].map((step, index) => ({ stage, index, step })));
    const issues = [];
    let next = 0;
    const worker = async () => {
        while (next < steps.length) {
            const { stage, index, step } = steps[next++];
            const shell = step.shell ?? 'bash';
            const problem = await checkShellSyntax(shell, step.run);
            if (problem === undefined)
                continue;
            const path = [stage, index, 'run'];
            const at = (0,definition_parser/* locateValue */.QZ)(bytes, path);
            const exact = problem.line !== undefined && at.firstLine !== undefined;
            issues.push({
                file,
                line: exact ? at.firstLine + problem.line - 1 : at.line,
                column: exact ? 1 : at.column,
                path: (0,schema_errors/* formatPath */.jV)(path),
                message: `${shell} cannot parse this script: ${problem.message}${!exact && problem.line !== undefined ? ` (script line ${problem.line})` : ''}`,
            });
        }
    };
    await Promise.all(Array.from({ length: Math.min(CHECKS_IN_FLIGHT, steps.length) }, worker));
    // Checks finish in any order; issues are reported in file order.
    if (issues.length)
        throw new definition_parser/* DefinitionError */.gk(issues.sort((a, b) => a.line - b.line || a.column - b.column));
    return definition;
}
/**
 * Lints every step's script with shellcheck, for its shell, and places each finding on its line
 * of remediation.yml (as the syntax check places its problems). Findings are warnings: they never
 * make a definition invalid, since shellcheck's opinions (quoting, style) are advice, and
 * validation must not depend on which shellcheck version a machine has. A lint that fails is one
 * warning too. `missing` when shellcheck is not installed, so the caller says it was skipped.
 */
async function lintDefinition(file, bytes, definition, lint, folder) {
    const text = Buffer.from(bytes).toString('utf8').split('\n');
    const warnings = [];
    for (const stage of core_definition/* STAGES */.an) {
        for (const [index, step] of definition[stage].entries()) {
            const shell = step.shell ?? 'bash';
            const result = await lint(shell, step.run, folder && sourcesFor(step.run, folder));
            if (result.kind === 'missing')
                return { kind: 'missing' };
            const path = [stage, index, 'run'];
            const at = (0,definition_parser/* locateValue */.QZ)(bytes, path);
            if (result.kind === 'failed') {
                warnings.push({ file, line: at.line, column: at.column, path: (0,schema_errors/* formatPath */.jV)(path), message: result.message });
                continue;
            }
            for (const finding of result.findings) {
                // In a `run: |` block, script line N is file line firstLine + N - 1, indented by the
                // block's indentation; elsewhere the step's value is pointed at, with the script position.
                const exact = at.firstLine !== undefined;
                const indent = exact ? blockIndent(text, at.firstLine) : 0;
                warnings.push({
                    file,
                    line: exact ? at.firstLine + finding.line - 1 : at.line,
                    column: exact ? indent + finding.column : at.column,
                    path: (0,schema_errors/* formatPath */.jV)(path),
                    message: `${finding.level} SC${finding.code}: ${finding.message}${exact ? '' : ` (script line ${finding.line}, column ${finding.column})`}`,
                });
            }
        }
    }
    return { kind: 'linted', warnings: warnings.sort((a, b) => a.line - b.line || a.column - b.column) };
}
/** The indentation of a block scalar's text: that of its first non-blank line (1-based `from`). */
function blockIndent(lines, from) {
    for (let i = from - 1; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.trim() !== '')
            return line.length - line.trimStart().length;
    }
    return 0;
}
/**
 * The shell a file of a remediation's folder is written for, when it is a shell script: the one
 * its `#!` line names (`bash`, or `sh`/`dash` as POSIX sh; directly or through `env`), else bash
 * for a `*.sh` file without one (steps run bash unless they say otherwise). Anything else (data,
 * Python, a README) is not linted.
 */
function scriptShell(path, content) {
    const firstLine = Buffer.from(content.subarray(0, 256)).toString('utf8').split('\n')[0] ?? '';
    const shebang = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(bash|sh|dash)(?:\s|$)/.exec(firstLine);
    if (shebang)
        return shebang[1] === 'bash' ? 'bash' : 'sh';
    if (firstLine.startsWith('#!'))
        return undefined;
    return path.endsWith('.sh') ? 'bash' : undefined;
}
/**
 * Lints the folder's shell scripts (those `scriptShell` names) with shellcheck, each finding on
 * its own file and line. Steps often run `$REMEDIATION_DIR/fix.sh`, so the scripts hold most of
 * the shell a fix runs; like the steps' findings, these are advice and never make a definition
 * invalid. `dir` is the folder as shown (`remediations/<name>`), `folder` where it is on disk.
 */
async function lintScripts(dir, files, lint, folder) {
    const warnings = [];
    for (const { path, content } of files) {
        const shell = scriptShell(path, content);
        if (shell === undefined)
            continue;
        const file = `${dir}/${path}`;
        const text = Buffer.from(content).toString('utf8');
        const result = await lint(shell, text, folder && sourcesFor(text, folder, path));
        if (result.kind === 'missing')
            return { kind: 'missing' };
        if (result.kind === 'failed') {
            warnings.push({ file, line: 1, column: 1, path: '', message: result.message });
            continue;
        }
        for (const finding of result.findings) {
            warnings.push({
                file,
                line: finding.line,
                column: finding.column,
                path: '',
                message: `${finding.level} SC${finding.code}: ${finding.message}`,
            });
        }
    }
    return { kind: 'linted', warnings };
}
/** Most folder files given to one lint as what the script may source. */
const MAX_SOURCES = 32;
/**
 * The folder's files a script may source: those whose path its text names (`lib.sh` in
 * `# shellcheck source=lib.sh` or `. "$here/lib.sh"`), never the script itself, so shellcheck
 * follows them (their variables and functions are then known) and nothing else.
 */
function sourcesFor(text, folder, self) {
    const files = folder.files.filter((file) => file !== self && text.includes(file)).slice(0, MAX_SOURCES);
    return { folder: folder.folder, files };
}


/***/ }),

/***/ 89084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ loadTrustedKeys),
/* harmony export */   ml: () => (/* binding */ readKeyFile),
/* harmony export */   qk: () => (/* binding */ loadSigningKeys)
/* harmony export */ });
/* unused harmony export MAX_KEY_FILE_BYTES */
/* harmony import */ var _adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79144);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91483);



/** Reads trusted public keys from PEM files. */
async function loadTrustedKeys(paths) {
    if (paths.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('USAGE', 'expected at least one --trusted-key <public key PEM> to verify the manifest with');
    }
    return Promise.resolve(paths.map((path) => (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePublicKey */ .ee)(readKeyFile(path), path)));
}
/** Reads Ed25519 private keys from PEM files. */
async function loadSigningKeys(paths) {
    if (paths.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('USAGE', 'expected at least one --key <private key PEM> to sign with');
    return Promise.resolve(paths.map((path) => (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePrivateKey */ .QW)(readKeyFile(path), path)));
}
/** Largest key file accepted: an Ed25519 PEM key is under 200 bytes. */
const MAX_KEY_FILE_BYTES = 64 * 1024;
/**
 * Reads one key file, bounded (a FIFO, a device or a huge file is refused before it is read).
 * Small local files, read synchronously: a run's first thread-pool request costs about a
 * millisecond of start-up, and it need not make any.
 */
function readKeyFile(path) {
    return (0,_adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readBoundedFile */ .M)(path, { label: 'key file', maxBytes: MAX_KEY_FILE_BYTES });
}


/***/ }),

/***/ 93253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E5: () => (/* binding */ stageManifest),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   Xk: () => (/* binding */ tryReadManifest),
/* harmony export */   e: () => (/* binding */ DEFAULT_MANIFEST_PATH)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79144);
/* harmony import */ var _core_manifest_verifier_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4933);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);






/** Default manifest location, relative to the repository root. */
const DEFAULT_MANIFEST_PATH = 'remediations/manifest.json';
/** Reads manifest bytes, or undefined when the file does not exist yet. */
async function tryReadManifest(path) {
    // Synchronous, like the key files: a run then makes no thread-pool request before its step.
    // Bounded by the verifier's own limit: a larger file would be refused after reading it whole.
    return Promise.resolve((0,_adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_3__/* .tryReadBoundedFile */ .D)(path, { label: 'manifest', maxBytes: _core_manifest_verifier_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_MANIFEST_BYTES */ .ZJ }));
}
/** Reads manifest bytes; a missing file is a usage error that says how to make one. */
async function readManifest(path) {
    const bytes = await tryReadManifest(path);
    if (!bytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb('NOT_FOUND', `manifest ${path} does not exist: pass --manifest <path>, or release a version first`);
    }
    return bytes;
}
/** Writes bytes to a temporary file next to `path`; nothing is replaced until commit(). */
async function stageManifest(path, bytes) {
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.manifest.tmp`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, bytes, { flag: 'wx' });
    return {
        commit: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path),
        discard: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true }),
    };
}


/***/ }),

/***/ 33542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ escape)
/* harmony export */ });
/** Escapes text for a Markdown table cell: no HTML, no pipes, no line breaks. */
function escape(text) {
    // The backslash first: left as it is, `\[` in the text would become `\\[`, an escaped
    // backslash followed by a live `[` (a link a pull request writes into the summary).
    return text
        .replace(/\\/g, '\\\\')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' ')
        .replace(/[`*_[\]]/g, (c) => `\\${c}`);
}


/***/ }),

/***/ 16758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LIST_DEFAULT_LIMIT: () => (/* binding */ LIST_DEFAULT_LIMIT),
/* harmony export */   o5: () => (/* binding */ parseRecordArtifactName),
/* harmony export */   publishedRunListSource: () => (/* binding */ publishedRunListSource)
/* harmony export */ });
/* unused harmony exports scanPublishedRecords, HISTORY_MAX_PAGES, HISTORY_MAX_DOWNLOADS, publishedRunHistory */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _core_tree_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40460);
/* harmony import */ var _adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(79144);
/* harmony import */ var _record_read_snapshot_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82170);
/* harmony import */ var _record_record_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18374);
/* harmony import */ var _run_history_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(23483);
// The run records the Action published as workflow artifacts, read back through GitHub's REST
// API: the history the circuit breaker counts on GitHub, and `runs list --repo`.
//
// Bounded: the repository's artifacts are listed a page (100) at a time, newest first, and
// reading stops at the first page older than the window, at the end of the list, or at a page
// bound; only the artifacts named for the remediation asked about are downloaded, at most a
// bounded number. A reader that hits a bound says so (`complete: false`): the breaker then fails
// closed instead of counting a partial history.








// The name as action/record-publisher.ts (`artifactName`) writes it. The remediation name is the
// shortest that leaves a semver version after it, so `a-b-v1.0.0-...` is `a-b`, never `a`.
const RECORD_ARTIFACT = /^remediation-([a-z0-9][a-z0-9-]*?)-(v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*?)?)-(\d{1,15})-(\d{1,6})(?:-([A-Za-z0-9._-]+))?$/;
/** Parses a record artifact's name; undefined for any other artifact. */
function parseRecordArtifactName(artifactName) {
    const match = RECORD_ARTIFACT.exec(artifactName);
    if (match === null)
        return undefined;
    const [, name = '', version = '', runId = '', attempt = '', suffix] = match;
    return {
        name,
        version,
        runId: Number(runId),
        attempt: Number(attempt),
        ...(suffix !== undefined ? { suffix } : {}),
    };
}
/** Downloads at once: enough to hide latency, few enough not to trip GitHub's secondary limits. */
const DOWNLOADS_IN_FLIGHT = 4;
/** Lists the repository's record artifacts as `options` asks and reads each one's snapshot. */
async function scanPublishedRecords(store, options) {
    const since = options.since?.getTime();
    const accepted = [];
    let requests = 0;
    let incomplete;
    let seen = 0;
    for (let page = 1;; page++) {
        if (page > options.maxPages) {
            incomplete = `stopped after ${options.maxPages} page(s) of artifacts (${seen} artifacts) without reaching the end of the window`;
            break;
        }
        const { totalCount, artifacts } = await store.listArtifactsPage(page);
        requests++;
        seen += artifacts.length;
        let newer = 0;
        for (const artifact of artifacts) {
            const created = Date.parse(artifact.createdAt);
            // An artifact without a creation time is kept: it cannot be shown to be outside the window.
            if (since !== undefined && Number.isFinite(created) && created < since)
                continue;
            newer++;
            const parsed = parseRecordArtifactName(artifact.name);
            if (parsed !== undefined && options.accept(parsed))
                accepted.push({ artifact, parsed });
        }
        if (options.limit !== undefined && accepted.length >= options.limit)
            break;
        // The list is newest first: a page with nothing inside the window ends the window. A short
        // page is the last; total_count guards against a page that repeats forever.
        if (artifacts.length === 0 || seen >= totalCount || (since !== undefined && newer === 0))
            break;
    }
    const wanted = options.limit === undefined ? accepted : accepted.slice(0, options.limit);
    const expired = wanted.filter((a) => a.artifact.expired);
    const live = wanted.filter((a) => !a.artifact.expired);
    if (live.length > options.maxDownloads) {
        incomplete ??= `${live.length} record artifacts in the window, more than the ${options.maxDownloads} read per run`;
    }
    const toRead = live.slice(0, options.maxDownloads);
    const results = new Array(toRead.length);
    let next = 0;
    const worker = async () => {
        while (next < toRead.length) {
            const index = next++;
            const item = toRead[index];
            requests++;
            results[index] = await readOne(store, item.artifact, item.parsed, options.scratch);
        }
    };
    await Promise.all(Array.from({ length: Math.min(DOWNLOADS_IN_FLIGHT, toRead.length) }, () => worker()));
    const records = results.filter((r) => 'snapshot' in r);
    const skipped = results.filter((r) => !('snapshot' in r));
    return {
        records,
        expired,
        skipped,
        complete: incomplete === undefined,
        ...(incomplete !== undefined ? { incomplete } : {}),
        requests,
    };
}
/** Downloads one record artifact and reads its snapshot; a problem is returned, not thrown. */
async function readOne(store, artifact, parsed, scratch) {
    const label = `artifact ${artifact.name} (id ${artifact.id})`;
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, String(artifact.id));
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
        // Only bytes that match the digest GitHub listed are read: the client unzips before it
        // compares, so a swapped zip's files are in `dir` either way.
        if (!(await store.download(artifact, dir))) {
            return {
                dir: label,
                problem: artifact.digest === undefined
                    ? 'GitHub lists no digest for it'
                    : 'the downloaded zip does not match its listed digest',
            };
        }
        const bytes = (0,_adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_4__/* .tryReadBoundedFile */ .D)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, _record_record_files_js__WEBPACK_IMPORTED_MODULE_6__/* .SNAPSHOT_FILE */ .QX), {
            label: `${label}: snapshot`,
            maxBytes: _run_history_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_HISTORY_SNAPSHOT_BYTES */ .Vd,
        });
        if (bytes === undefined)
            return { dir: label, problem: `no ${_record_record_files_js__WEBPACK_IMPORTED_MODULE_6__/* .SNAPSHOT_FILE */ .QX}` };
        const snapshot = (0,_record_read_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSnapshot */ .E)(bytes, label);
        const mismatch = bindingProblem(artifact, parsed, snapshot);
        if (mismatch !== undefined)
            return { dir: label, problem: mismatch };
        return { artifact, parsed, snapshot, snapshotDigest: (0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Digest */ .sI)(bytes) };
    }
    catch (error) {
        return { dir: label, problem: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error) };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/**
 * Why a downloaded snapshot is not the record its artifact's name says, if it is not.
 *
 * Attack: anyone who can upload an artifact to the repository (any workflow, a fork's pull
 * request) uploads one named like a record whose snapshot copies a real run's but claims another
 * run id, remediation, version or target: as a second copy of that run it would replace the real
 * one in the count, and a loop would never trip the breaker. A snapshot is taken only as the run
 * its artifact names (`<run>-<attempt>[-<suffix>]`, remediation and version), uploaded by that
 * very workflow run (`workflow_run.id`, which GitHub sets and the uploader cannot choose).
 */
function bindingProblem(artifact, parsed, snapshot) {
    const runId = `${parsed.runId}-${parsed.attempt}${parsed.suffix !== undefined ? `-${parsed.suffix}` : ''}`;
    if (artifact.runId !== undefined && artifact.runId !== parsed.runId) {
        return `uploaded by workflow run ${artifact.runId}, but its name says run ${parsed.runId}`;
    }
    if (snapshot.remediation.name !== parsed.name || snapshot.remediation.version !== parsed.version) {
        return `its snapshot is of ${snapshot.remediation.name}@${snapshot.remediation.version}, but its name says ${parsed.name}@${parsed.version}`;
    }
    if (snapshot.runId !== runId)
        return `its snapshot is of run ${snapshot.runId}, but its name says run ${runId}`;
    return undefined;
}
/** Pages of artifacts the breaker reads at most (1,000 artifacts): ten requests. */
const HISTORY_MAX_PAGES = 10;
/** Record artifacts the breaker downloads at most: one request (and one redirect) each. */
const HISTORY_MAX_DOWNLOADS = 100;
/**
 * The run history on GitHub: the published records of remediation `name` created within the
 * window. Throws when a bound stops the reading (the breaker then refuses: HISTORY_UNAVAILABLE);
 * an expired record inside the window is listed as skipped.
 */
function publishedRunHistory(store, scratch) {
    return async (name, since) => {
        const scan = await scanPublishedRecords(store, {
            accept: (parsed) => parsed.name === name,
            since,
            maxPages: HISTORY_MAX_PAGES,
            maxDownloads: HISTORY_MAX_DOWNLOADS,
            scratch,
        }).finally(() => rm(scratch, { recursive: true, force: true }).catch(() => undefined));
        if (!scan.complete)
            throw new Error(`the published records could not all be read: ${scan.incomplete}`);
        // Attack (or a short retention-days): a record of this remediation that expired inside the
        // window says nothing about what that run did, and counting it as nothing would reopen the
        // breaker early; the guards fail closed until it leaves the window.
        const expired = scan.expired[0];
        if (expired !== undefined) {
            throw new Error(`the record artifact ${expired.artifact.name} (created ${expired.artifact.createdAt}) expired inside the window, so what that run did is unknown; keep records at least as long as the window (retention-days)`);
        }
        return {
            runs: scan.records.map((r) => ({
                dir: `artifact ${r.artifact.name}`,
                snapshot: r.snapshot,
                snapshotDigest: r.snapshotDigest,
            })),
            skipped: scan.skipped,
        };
    };
}
/** Records `runs list --repo` reads when no --limit is given: a screenful, about 31 requests. */
const LIST_DEFAULT_LIMIT = 30;
/**
 * `runs list --repo`: the newest record artifacts of the repository (of remediation `name` when
 * given, created at or after `since`), `limit` of them, each read (its snapshot downloaded) or
 * listed as expired. Bounded: the list pages (at most HISTORY_MAX_PAGES) and one download per
 * live record; filters on what is inside a record (target, status) apply after reading, so they
 * narrow the `limit` newest records rather than search further back.
 */
function publishedRunListSource(store, scratch, filter) {
    return async () => {
        const scan = await scanPublishedRecords(store, {
            accept: (parsed) => filter.name === undefined || parsed.name === filter.name,
            ...(filter.since !== undefined ? { since: filter.since } : {}),
            limit: filter.limit,
            maxPages: HISTORY_MAX_PAGES,
            maxDownloads: filter.limit,
            scratch,
        }).finally(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(scratch, { recursive: true, force: true }).catch(() => undefined));
        const entries = [
            ...scan.records.map((r) => ({
                kind: 'record',
                snapshot: r.snapshot,
                snapshotDigest: r.snapshotDigest,
                location: `artifact ${r.artifact.name} (id ${r.artifact.id})`,
            })),
            ...scan.expired.map(({ artifact, parsed }) => ({
                kind: 'expired',
                name: parsed.name,
                version: parsed.version,
                runId: String(parsed.runId),
                attempt: String(parsed.attempt),
                created: artifact.createdAt,
                location: `artifact ${artifact.name} (id ${artifact.id}, expired)`,
            })),
        ];
        return {
            entries,
            skipped: [
                ...scan.skipped.map(({ dir, problem }) => ({ location: dir, problem })),
                ...(scan.incomplete !== undefined ? [{ location: 'the artifact list', problem: scan.incomplete }] : []),
            ],
        };
    };
}


/***/ }),

/***/ 23483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vd: () => (/* binding */ MAX_HISTORY_SNAPSHOT_BYTES),
/* harmony export */   localRunListSource: () => (/* binding */ localRunListSource),
/* harmony export */   rw: () => (/* binding */ localRunHistory)
/* harmony export */ });
/* unused harmony exports combinedRunHistory, readLocalRunHistory, readLocalRecords */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79144);
/* harmony import */ var _record_read_snapshot_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82170);
/* harmony import */ var _record_record_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18374);
/* harmony import */ var _record_record_verifier_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(48711);
// The local run history: the record folders in an --out folder, which the circuit breaker counts
// and `runs list` lists. Reading is here; counting (record/circuit-breaker.ts) and listing
// (app/run-list.ts) are pure.







/** Largest snapshot.json read for the count: real ones are a few KB, with many step outputs a few MB. */
const MAX_HISTORY_SNAPSHOT_BYTES = 64 * 1024 * 1024;
/**
 * Several histories read as one (the runner's --out folder and the records published on GitHub).
 * A record found in both (a self-hosted runner that keeps its folder) counts once: only the very
 * same bytes (equal snapshot digests) are one record. Attack: dropping a copy by what it claims
 * (its run id) would let a forged copy with another target take the real one's place; two
 * different snapshots both count, which can only make the guards stricter. Any source that
 * cannot be read makes the whole history unreadable.
 */
function combinedRunHistory(sources) {
    return async (name, since) => {
        const histories = await Promise.all(sources.map((source) => source(name, since)));
        const seen = new Set();
        const runs = [];
        for (const run of histories.flatMap((h) => h.runs)) {
            if (run.snapshotDigest !== undefined) {
                if (seen.has(run.snapshotDigest))
                    continue;
                seen.add(run.snapshotDigest);
            }
            runs.push(run);
        }
        return { runs, skipped: histories.flatMap((h) => h.skipped) };
    };
}
/** The local history: the record folders in `outDir` (the run's --out). */
function localRunHistory(outDir) {
    return (name) => Promise.resolve(readLocalRunHistory(outDir, name));
}
/**
 * Reads the records of remediation `name` in `outDir`: the folders the recorder names
 * `<name>-<version>-<run id>`, each snapshot.json read bounded and checked against the schema.
 * A missing `outDir` is an empty history. A folder whose snapshot cannot be read or does not
 * validate is skipped and listed: whoever can damage a record there can as well delete it, so
 * skipping one loses nothing the breaker could rely on, and the caller says which were skipped.
 */
function readLocalRunHistory(outDir, name) {
    return readLocalRecords(outDir, `${name}-v`);
}
/**
 * Reads every record folder in `outDir` whose name starts with `prefix` (all of them by default),
 * as readLocalRunHistory does: a missing `outDir` is empty, an unreadable record is skipped and
 * listed, never dropped silently. Each run carries the digest of the snapshot.json bytes read.
 */
function readLocalRecords(outDir, prefix = '') {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(outDir, { withFileTypes: true })
            // Only folders: a file or a symbolic link there is not a record the recorder wrote.
            .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
            .map((entry) => entry.name)
            .sort();
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { runs: [], skipped: [] };
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .usageErrorFromSystem */ .tz)(error, `--out ${outDir}`) ?? error;
    }
    const runs = [];
    const skipped = [];
    for (const folder of names) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, folder);
        try {
            const bytes = (0,_adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_3__/* .tryReadBoundedFile */ .D)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, _record_record_files_js__WEBPACK_IMPORTED_MODULE_5__/* .SNAPSHOT_FILE */ .QX), {
                label: 'snapshot',
                maxBytes: MAX_HISTORY_SNAPSHOT_BYTES,
            });
            if (bytes === undefined) {
                skipped.push({ dir, problem: `no ${_record_record_files_js__WEBPACK_IMPORTED_MODULE_5__/* .SNAPSHOT_FILE */ .QX}` });
                continue;
            }
            runs.push({ dir, snapshot: (0,_record_read_snapshot_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSnapshot */ .E)(bytes, dir), snapshotDigest: (0,_record_record_verifier_js__WEBPACK_IMPORTED_MODULE_6__/* .snapshotDigest */ .he)(bytes) });
        }
        catch (error) {
            // The problem is reported next to `dir`: not named twice (parseSnapshot's messages start with it).
            const problem = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error);
            skipped.push({ dir, problem: problem.startsWith(`${dir}: `) ? problem.slice(dir.length + 2) : problem });
        }
    }
    return { runs, skipped };
}
/** `runs list`'s local source: every record folder in `outDir` (the --out of the runs). */
function localRunListSource(outDir) {
    return () => {
        const { runs, skipped } = readLocalRecords(outDir);
        return Promise.resolve({
            entries: runs.map(({ dir, snapshot, snapshotDigest: digest }) => ({
                kind: 'record',
                snapshot,
                snapshotDigest: digest,
                location: dir,
            })),
            skipped: skipped.map(({ dir, problem }) => ({ location: dir, problem })),
        });
    };
}


/***/ }),

/***/ 38839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lq: () => (/* binding */ LISTED_STATUSES),
/* harmony export */   formatRunList: () => (/* binding */ formatRunList),
/* harmony export */   listRuns: () => (/* binding */ listRuns),
/* harmony export */   m1: () => (/* binding */ parseSince),
/* harmony export */   oK: () => (/* binding */ rowOfSnapshot),
/* harmony export */   sinceTime: () => (/* binding */ sinceTime)
/* harmony export */ });
/* unused harmony exports rowOfEntry, renderRunTable, renderRunJson */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _terminal_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31775);
// `remediate runs list`: the run history as rows. Pure over entries a source has read (the local
// record folders today, published record artifacts on GitHub as well), so every source is
// filtered, sorted, limited and printed the same way. `summarize` tables the same rows
// (summarize-records.ts): rowOfSnapshot is the one definition of a run's target, status and
// duration. Reading the folders is app/run-history.ts.


/** Every status a row can have: a recorded run's, or `expired` (the record is gone). */
const LISTED_STATUSES = [
    'running',
    'succeeded',
    'healthy',
    'unhealthy',
    'failed',
    'refused',
    'cancelled',
    'timed-out',
    'crashed',
    'expired',
];
// Fails to compile when RunStatus gains a status this list lacks (--status would refuse it).
const everyStatusListed = true;
void everyStatusListed;
/**
 * The one place a snapshot becomes a row. The target is the run's recorded target (`--target`),
 * else the `target` parameter when there is one (records from before targets were recorded).
 */
function rowOfSnapshot(snapshot, snapshotDigest, location) {
    const param = snapshot.params?.values.target;
    const { trigger } = snapshot;
    return {
        started: snapshot.started,
        name: snapshot.remediation.name,
        // `remediate try` ran a working tree: never shown as a version, which would read as released.
        version: snapshot.unreleased === true ? 'UNRELEASED' : snapshot.remediation.version,
        unreleased: snapshot.unreleased === true,
        target: snapshot.target ?? (typeof param === 'string' ? param : null),
        trigger: trigger.kind === 'local'
            ? 'local'
            : trigger.action === undefined
                ? trigger.event
                : `${trigger.event}.${trigger.action}`,
        status: snapshot.status,
        error: snapshot.error?.code ?? null,
        durationMs: snapshot.durationMs ?? null,
        steps: snapshot.steps.length,
        snapshotDigest,
        runId: snapshot.runId,
        location,
    };
}
/** A source's entry as a row. */
function rowOfEntry(entry) {
    if (entry.kind === 'record')
        return rowOfSnapshot(entry.snapshot, entry.snapshotDigest, entry.location);
    return {
        started: entry.created,
        name: entry.name,
        version: entry.version,
        // Published only by the Action, which runs released versions.
        unreleased: false,
        target: null,
        trigger: null,
        status: 'expired',
        error: null,
        durationMs: null,
        steps: null,
        snapshotDigest: null,
        // As the recorder names a GitHub run's record (app/run-request.ts, githubRunId).
        runId: `${entry.runId}-${entry.attempt}`,
        location: entry.location,
    };
}
/** Filters the entries, newest first (by started, or created when expired), and limits them. */
function listRuns(entries, filter = {}) {
    const since = filter.since?.getTime();
    const rows = entries
        .map(rowOfEntry)
        .filter((row) => (filter.name === undefined || row.name === filter.name) &&
        (filter.target === undefined || row.target === filter.target) &&
        (filter.statuses === undefined || filter.statuses.length === 0 || filter.statuses.includes(row.status)) &&
        // A row whose time does not parse is not known to be recent: --since leaves it out.
        (since === undefined || timeOf(row) >= since))
        .sort((a, b) => timeOf(b) - timeOf(a) || a.location.localeCompare(b.location));
    return filter.limit === undefined ? rows : rows.slice(0, filter.limit);
}
/** A row's time in ms; one that does not parse sorts last. */
function timeOf(row) {
    const time = Date.parse(row.started);
    return Number.isNaN(time) ? -Infinity : time;
}
const SINCE_UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000 };
/**
 * Parses `--since`: `30m`, `24h`, `7d`, a date (`2026-11-01`, midnight UTC) or a time with its
 * zone (`2026-11-01T08:00:00Z`, `2026-11-01T10:00+02:00`). A time without a zone is refused
 * rather than read in whatever zone the machine is set to. (core/definition.ts's parseDuration
 * is for step timeouts: it has no days and stops at 24 days, while artifacts live 90.)
 */
function parseSince(text, label = '--since') {
    const duration = /^([1-9]\d{0,5})([mhd])$/.exec(text);
    if (duration)
        return { kind: 'ago', ms: Number(duration[1]) * SINCE_UNITS[duration[2]] };
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
    const ms = date || time ? Date.parse(text) : Number.NaN;
    // Date.parse takes 2026-02-31 for March 3rd: the day must be the one written.
    const realDay = date === null || (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text);
    if (Number.isNaN(ms) || !realDay) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `${label}: expected a duration back from now (30m, 24h, 7d), a date (2026-11-01, UTC) or a time with its zone (2026-11-01T08:00:00Z), got '${text.slice(0, 60)}'`);
    }
    return { kind: 'at', time: new Date(ms) };
}
/** The time a `--since` names, given when the command runs. */
function sinceTime(spec, now) {
    return spec.kind === 'at' ? spec.time : new Date(now.getTime() - spec.ms);
}
const COLUMNS = ['STARTED', 'REMEDIATION', 'TARGET', 'TRIGGER', 'STATUS', 'DURATION', 'SNAPSHOT', 'RECORD'];
/** The rows as a table (a header, then one line per run), columns padded. Pure. */
function renderRunTable(rows) {
    const cells = rows.map((row) => [
        // Records keep milliseconds; a listing does not need them.
        row.started.replace(/\.\d{3}Z$/, 'Z'),
        `${row.name}@${row.version}`,
        row.target ?? '-',
        row.trigger ?? '-',
        row.error === null ? row.status : `${row.status} (${row.error})`,
        row.durationMs === null ? '-' : (0,_terminal_text_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(row.durationMs),
        row.snapshotDigest ?? '-',
        row.location,
        // Every cell but the header is the record's (or the artifact's) text: escaped onto one line.
    ].map(_terminal_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN));
    const table = [[...COLUMNS], ...cells];
    const widths = COLUMNS.map((_, i) => Math.max(...table.map((line) => line[i]?.length ?? 0)));
    return table.map((line) => line
        .map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd());
}
/**
 * The rows as `--json` prints them: one array of RunRow objects. Pure. `#` and `:` inside strings
 * are written as JSON escapes where they would form `##[` or `::`, which parses to the same
 * value: printed in a GitHub job's log, a record's text must not act as a workflow command, and a
 * `::stop-commands::` fence (the table's) would make the output something other than JSON.
 */
function renderRunJson(rows) {
    // Outside strings, this JSON has neither `#` nor two colons in a row: only string content changes.
    return JSON.stringify(rows, null, 2).replaceAll('##[', '\\u0023\\u0023[').replaceAll('::', '\\u003a\\u003a');
}
/**
 * What `runs list` prints on standard output: the JSON array, or the table (nothing when no run
 * matched) fenced against workflow commands (the CLI may run in a GitHub job).
 */
function formatRunList(rows, json) {
    if (json)
        return [renderRunJson(rows)];
    return rows.length === 0 ? [] : (0,_terminal_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fenceWorkflowCommands */ .zP)(renderRunTable(rows));
}


/***/ }),

/***/ 31775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   kJ: () => (/* binding */ terminalSafe),
/* harmony export */   zP: () => (/* binding */ fenceWorkflowCommands)
/* harmony export */ });
/* harmony import */ var _adapters_github_output_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45443);
// Printing what a run record says on a terminal or in a GitHub job log. Every field of a record
// was written by whoever wrote the record, so it is escaped before it is shown: `show` (one
// record) and `runs list` (many) share these.

/** Untrusted text on one line: control characters, line breaks and bidi overrides escaped. */
function oneLine(value) {
    // Attack: a record whose fields carry terminal escapes or bidi overrides could redraw or
    // reorder what is shown (an "authenticated" line over the banner, a reversed digest).
    return value.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
}
/**
 * Untrusted text that may span lines (a run output value): as oneLine, but tabs and line feeds
 * kept. Attack: a value with ESC sequences (a window title, a cleared screen) or a bare CR that
 * redraws the line would rewrite what the console says about the run.
 */
function terminalSafe(value) {
    return value.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
}
/** `123 ms`, `4.5 s`, `2 min 3 s`, `1 h 2 min`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 3600)
        return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
    return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}
/**
 * Fences lines in `::stop-commands::` when one holds `::` or `##[`: shown in a GitHub `run:`
 * step, text from a record must not act as a workflow command (`::add-mask::`, `::error`).
 */
function fenceWorkflowCommands(lines) {
    if (!lines.some((line) => line.includes('::') || line.includes('##[')))
        return [...lines];
    const token = (0,_adapters_github_output_js__WEBPACK_IMPORTED_MODULE_0__/* .stopCommandsToken */ .Q)(lines);
    return [`::stop-commands::${token}`, ...lines, `::${token}::`];
}


/***/ }),

/***/ 30896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/adapters/bounded-file.ts
var bounded_file = __webpack_require__(79144);
// EXTERNAL MODULE: ./src/adapters/github-output.ts
var github_output = __webpack_require__(45443);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/core/definition.ts
var core_definition = __webpack_require__(64286);
// EXTERNAL MODULE: ./src/core/targets-config.ts + 1 modules
var targets_config = __webpack_require__(98326);
// EXTERNAL MODULE: ./src/core/param-validation.ts
var param_validation = __webpack_require__(19980);
// EXTERNAL MODULE: ./src/core/tree-digest.ts
var tree_digest = __webpack_require__(40460);
// EXTERNAL MODULE: ./src/core/version-ref.ts
var version_ref = __webpack_require__(89715);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/run/materialize.ts


/**
 * Writes the verified in-memory files into a fresh folder and makes it read-only. Each step gets
 * its own copy, so a step that rewrites a script (even as root, where modes do not stop it)
 * cannot change what a later step runs: the verified bytes run, not the checkout's.
 */
function materialize(files, target) {
    (0,external_node_fs_.mkdirSync)(target, { recursive: true, mode: 0o700 });
    const dirs = new Set([target]);
    for (const file of files) {
        const path = (0,external_node_path_.join)(target, file.path);
        const parent = (0,external_node_path_.dirname)(path);
        if (!dirs.has(parent)) {
            (0,external_node_fs_.mkdirSync)(parent, { recursive: true });
            for (let dir = parent; dir.length > target.length; dir = (0,external_node_path_.dirname)(dir))
                dirs.add(dir);
        }
        (0,external_node_fs_.writeFileSync)(path, file.content, { flag: 'wx', mode: file.mode === '100755' ? 0o555 : 0o444 });
    }
    for (const dir of [...dirs].sort((a, b) => b.length - a.length))
        (0,external_node_fs_.chmodSync)(dir, 0o555);
}

;// CONCATENATED MODULE: ./src/run/workspace.ts


/** Where Linux exposes open descriptors as paths: listing through one never follows a swapped link. */
const OPEN_FDS = process.platform === 'linux' ? '/proc/self/fd' : undefined;
/**
 * Removes a scratch folder, first making its read-only copies writable so removal works for
 * non-root users.
 *
 * A process a step left behind (a `setsid` daemon) can swap a folder for a symbolic link to, say,
 * /etc while this runs. So each folder is opened without following links, its mode is changed
 * through that descriptor, and (on Linux) it is listed and descended through the descriptor too:
 * the chmod never lands outside the scratch folder. rmSync removes links, never their targets.
 */
function removeTree(dir) {
    unlock(dir);
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
}
function unlock(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_DIRECTORY ?? 0) | (external_node_fs_.constants.O_NOFOLLOW ?? 0));
    }
    catch {
        return; // a symbolic link (never followed), gone already, or not a folder
    }
    try {
        try {
            (0,external_node_fs_.fchmodSync)(fd, 0o700);
        }
        catch {
            // Not ours to change: rmSync reports what matters.
        }
        const base = OPEN_FDS === undefined ? path : `${OPEN_FDS}/${fd}`;
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(base, { withFileTypes: true });
        }
        catch {
            entries = [];
        }
        for (const entry of entries)
            if (entry.isDirectory())
                unlock((0,external_node_path_.join)(base, entry.name));
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/run/definition-copies.ts





/**
 * The read-only copies of the verified files that steps run from ($REMEDIATION_DIR), in a
 * private folder of the run.
 *
 * Attack: a process a step left running (a `setsid` daemon, as the README suggests for
 * services) runs as the same user, so file modes do not stop it: it can find a later step's copy
 * and rewrite it before or while that step reads it, and the record would still claim the
 * verified digest ran. Against that:
 * - the folder holding the copies has mode 0300 (no listing) and each copy a 128-bit random
 *   name that appears nowhere but in the environment of the step that runs from it, so a copy
 *   cannot be found without changing that mode first or reading a running step's environment;
 * - right before a step starts, its copy is checked against the verified bytes and against what
 *   each entry looked like when it was made (a changed copy never runs: the step fails to start);
 * - after the step, the entries are checked again, so a change made while it ran (even one
 *   undone since) is reported in the log.
 * What remains (README, "the verified bytes run"): a same-user process that reads a running
 * step's environment can still change that step's copy while it runs; that is reported, not
 * prevented.
 */
class DefinitionCopies {
    #root;
    /** Held open so the folder's mode is changed through it, never through a path a step could swap. */
    #rootFd;
    #files;
    #closed = false;
    constructor(root, rootFd, files) {
        this.#root = root;
        this.#rootFd = rootFd;
        this.#files = files;
    }
    /** Creates the private folder `copies` in `parent` (the run's scratch folder) for these files. */
    static create(parent, files) {
        const root = (0,external_node_path_.join)(parent, 'copies');
        (0,external_node_fs_.mkdirSync)(root, { mode: 0o700 });
        const fd = (0,external_node_fs_.openSync)(root, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_DIRECTORY ?? 0) | (external_node_fs_.constants.O_NOFOLLOW ?? 0));
        try {
            // Search and create, but no listing: the copies' names cannot be read out of it.
            (0,external_node_fs_.fchmodSync)(fd, 0o300);
        }
        catch (error) {
            (0,external_node_fs_.closeSync)(fd);
            throw error;
        }
        return new DefinitionCopies(root, fd, files);
    }
    /** Writes a fresh copy under a new random name and fingerprints it. */
    make() {
        const dir = (0,external_node_path_.join)(this.#root, (0,external_node_crypto_.randomBytes)(16).toString('hex'));
        try {
            materialize(this.#files, dir);
            return new DefinitionCopy(dir, this.#files, fingerprints(dir, this.#files));
        }
        catch (error) {
            removeTree(dir);
            throw error;
        }
    }
    /** Makes the folder removable again and lets go of it; the run's scratch removal deletes it. */
    close() {
        if (this.#closed)
            return;
        this.#closed = true;
        try {
            (0,external_node_fs_.fchmodSync)(this.#rootFd, 0o700);
        }
        finally {
            (0,external_node_fs_.closeSync)(this.#rootFd);
        }
    }
}
/** One copy: its path, and how to tell whether it still is what was verified. */
class DefinitionCopy {
    /** The copy's folder: the step's $REMEDIATION_DIR. */
    dir;
    #files;
    #entries;
    constructor(dir, files, entries) {
        this.dir = dir;
        this.#files = files;
        this.#entries = entries;
    }
    /**
     * Describes the first way the copy differs from when it was made (an entry replaced, touched
     * or gone, or with `content`, a file not holding its verified bytes), or undefined when it does
     * not differ.
     */
    problem(content) {
        for (const [path, expected] of this.#entries) {
            const name = path === '' ? 'the copy itself' : path;
            let stats;
            try {
                stats = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(this.dir, path), { bigint: true });
            }
            catch {
                return `${name} is gone`;
            }
            if (!sameEntry(stats, expected))
                return `${name} was replaced or changed after it was made`;
        }
        if (content) {
            for (const file of this.#files) {
                let bytes;
                try {
                    bytes = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(this.dir, file.path));
                }
                catch {
                    return `${file.path} cannot be read`;
                }
                if (!bytes.equals(file.content))
                    return `${file.path} does not hold its verified bytes`;
            }
        }
        return undefined;
    }
    /** Removes the copy. */
    remove() {
        removeTree(this.dir);
    }
}
/** Fingerprints the copy's folder, its subfolders and its files, by path relative to it. */
function fingerprints(dir, files) {
    const paths = new Set(['']);
    for (const file of files) {
        paths.add(file.path);
        for (let parent = (0,external_node_path_.dirname)(file.path); parent !== '.'; parent = (0,external_node_path_.dirname)(parent))
            paths.add(parent);
    }
    const entries = new Map();
    for (const path of paths) {
        const { dev, ino, mode, nlink, size, ctimeNs } = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(dir, path), { bigint: true });
        entries.set(path, { dev, ino, mode, nlink, size, ctimeNs });
    }
    return entries;
}
function sameEntry(stats, expected) {
    return (stats.dev === expected.dev &&
        stats.ino === expected.ino &&
        stats.mode === expected.mode &&
        stats.nlink === expected.nlink &&
        stats.size === expected.size &&
        stats.ctimeNs === expected.ctimeNs);
}

;// CONCATENATED MODULE: ./src/run/output-file.ts

/** Most bytes one step may write to $REMEDIATION_OUTPUT: outputs are values, not data sets. */
const MAX_OUTPUT_FILE_BYTES = 1024 * 1024;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;
/**
 * Parses a $REMEDIATION_OUTPUT file in GitHub's format: `key=value` lines, and multi-line values as
 * `key<<DELIMITER` ... `DELIMITER`. A step only ever writes its own outputs here; nothing in this
 * file reaches the job's environment or outputs except declared outputs, as data.
 */
function parseOutputFile(bytes) {
    if (bytes.byteLength > MAX_OUTPUT_FILE_BYTES) {
        return { ok: false, problem: `output file is over ${MAX_OUTPUT_FILE_BYTES} bytes` };
    }
    const lines = bytes.toString('utf8').split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    // Null prototype: a key such as `__proto__` or `constructor` is an ordinary output name here,
    // never a write to (or a read of) a built-in property.
    const outputs = nullObject();
    for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] ?? '').replace(/\r$/, '');
        if (line === '')
            continue;
        const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
        if (heredoc && !line.includes('=')) {
            const [, key = '', delimiter = ''] = heredoc;
            const end = lines.findIndex((l, j) => j > i && l.replace(/\r$/, '') === delimiter);
            if (end < 0)
                return { ok: false, problem: `output '${key}': no closing delimiter line` };
            if (!KEY.test(key))
                return { ok: false, problem: `invalid output name '${key.slice(0, 100)}'` };
            outputs[key] = lines
                .slice(i + 1, end)
                .map((l) => l.replace(/\r$/, ''))
                .join('\n');
            i = end;
            continue;
        }
        const eq = line.indexOf('=');
        if (eq <= 0)
            return { ok: false, problem: `line ${i + 1}: expected key=value or key<<DELIMITER` };
        const key = line.slice(0, eq);
        if (!KEY.test(key))
            return { ok: false, problem: `invalid output name '${key.slice(0, 100)}'` };
        outputs[key] = line.slice(eq + 1);
    }
    return { ok: true, outputs };
}
/** The environment variable a step output reaches later steps as: STEP_<ID>_<KEY>. */
function outputEnvName(stepId, key) {
    return `STEP_${stepId}_${key}`.toUpperCase().replaceAll('-', '_');
}
/** An empty map for names a step or a definition chose: no inherited properties to read or set. */
function nullObject() {
    return Object.create(null);
}
/** A step's output by key, only if the step wrote it (never a built-in such as `toString`). */
function outputOf(outputs, key) {
    return outputs !== undefined && Object.hasOwn(outputs, key) ? outputs[key] : undefined;
}
/**
 * Adds one step's outputs to the STEP_* variables later steps receive, and returns a note for
 * every output refused. STEP_<ID>_<KEY> is not one-to-one: step `a`'s key `b_k` and step `a-b`'s
 * key `k` are both STEP_A_B_K, as are keys `K2` and `k2` of one step. Without this, a later step
 * (or a second key) would silently replace a value an earlier step set and a later step relies
 * on; the first writer keeps the name and the other output is left out of the environment (it is
 * still recorded under its own key).
 */
function exposeOutputs(env, origins, stepId, outputs) {
    const refused = [];
    for (const [key, value] of Object.entries(outputs)) {
        const name = outputEnvName(stepId, key);
        const origin = origins.get(name);
        if (origin !== undefined && origin !== `${stepId}/${key}`) {
            refused.push(`output '${key}' not passed on: ${name} is already set by output ${origin}`);
            continue;
        }
        origins.set(name, `${stepId}/${key}`);
        env[name] = value;
    }
    return refused;
}
/**
 * Longest environment string Linux passes to a program, `NAME=value` and its NUL (MAX_ARG_STRLEN:
 * 32 pages of 4 KiB). One byte more and execve fails with E2BIG.
 */
const MAX_ENV_STRING_BYTES = 128 * 1024;
/**
 * Bytes all step outputs together may take in a later step's environment. Linux allows 2 MiB for
 * a program's arguments and environment by default (a quarter of the 8 MiB stack limit); half is
 * kept for the base variables, parameters, secrets, the definition's env and the script text.
 */
const MAX_OUTPUTS_ENV_BYTES = 1024 * 1024;
/**
 * Checks that a step's outputs can reach every later step as environment variables; returns why
 * not, or undefined. An output over MAX_ENV_STRING_BYTES as `STEP_<ID>_<KEY>=value` (anything
 * between 128 KiB and the accepted 1 MiB file), or outputs that together with the earlier ones
 * pass MAX_OUTPUTS_ENV_BYTES, would make every later step fail to start with E2BIG, the rollback
 * included: refused when read, so they never reach an environment.
 */
function checkOutputsFit(stepId, outputs, earlier) {
    const merged = { ...earlier };
    for (const [key, value] of Object.entries(outputs)) {
        const name = outputEnvName(stepId, key);
        const bytes = envEntryBytes(name, value);
        if (bytes > MAX_ENV_STRING_BYTES) {
            return `output '${key}' takes ${bytes} bytes as ${name}=... (with its NUL); one environment variable holds at most ${MAX_ENV_STRING_BYTES} (Linux MAX_ARG_STRLEN), so no later step could start: write large data to a file in $REMEDIATION_WORKSPACE and output its path`;
        }
        merged[name] = value;
    }
    let total = 0;
    for (const [name, value] of Object.entries(merged))
        total += envEntryBytes(name, value);
    if (total > MAX_OUTPUTS_ENV_BYTES) {
        return `with these, step outputs would take ${total} bytes of every later step's environment; all outputs together may take at most ${MAX_OUTPUTS_ENV_BYTES} (Linux allows 2 MiB for a program's arguments and environment): write large data to a file in $REMEDIATION_WORKSPACE and output its path`;
    }
    return undefined;
}
/** Bytes a variable takes in a program's environment: `NAME=value` and its NUL. */
function envEntryBytes(name, value) {
    return Buffer.byteLength(name) + 1 + Buffer.byteLength(value) + 1;
}
/**
 * Reads and parses a step's $REMEDIATION_OUTPUT. The step controls that path: it can replace the
 * file with a FIFO (a blocking read would freeze the tool: no timeout, no signal handling, no
 * cancelled record), with a symbolic link (to /dev/zero, or to a file it wants the engine to read
 * into the record), or grow it without end. So only a regular file is read, opened without
 * following links and without blocking, at most MAX_OUTPUT_FILE_BYTES, and only if it stopped growing.
 */
function readOutputFile(path) {
    let fd;
    try {
        // O_NOFOLLOW and O_NONBLOCK do not exist on Windows, where neither attack applies the same way.
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP')
            return { ok: false, problem: 'the output file was replaced by a symbolic link' };
        if (code === 'ENOENT')
            return { ok: false, problem: 'the output file was removed' };
        return { ok: false, problem: `the output file cannot be read (${code ?? String(error)})` };
    }
    try {
        const stats = (0,external_node_fs_.fstatSync)(fd);
        if (!stats.isFile())
            return { ok: false, problem: 'the output file was replaced by something not a regular file' };
        if (stats.size > MAX_OUTPUT_FILE_BYTES)
            return { ok: false, problem: `output file is over ${MAX_OUTPUT_FILE_BYTES} bytes` };
        // One byte more than the file holds: filling it means something is still writing to the file.
        const buffer = Buffer.allocUnsafe(stats.size + 1);
        let filled = 0;
        while (filled < buffer.byteLength) {
            const count = (0,external_node_fs_.readSync)(fd, buffer, filled, buffer.byteLength - filled, null);
            if (count === 0)
                break;
            filled += count;
        }
        if (filled > stats.size)
            return { ok: false, problem: 'the output file was still being written to' };
        return parseOutputFile(buffer.subarray(0, filled));
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/record/block-hasher.ts
// Hashes run.log blocks on a worker thread, so the thread that reads a step's output does not also
// spend a large share of its time in SHA-256: hashing alone caps a single thread, and reading,
// redacting and writing leave it far less (BENCHMARKS.md, section 2, has the measured shares).
//
// The two threads share memory and counters only: the writer publishes how many blocks it has
// asked for, the worker hashes them in order into a shared digest table and publishes how many it
// has done. No message is sent per block, so the worker's progress never wakes the writer's
// thread; the writer looks at the counter when it has a chain line to write.
//
// The worker only ever gives hints: the log writer can hash any block itself at any moment (the
// blocks live in shared memory it owns), and it does so whenever it must not wait (flush, close, a
// full ring, a failed worker). So a slow, dead or never-started worker costs speed, never a chain
// line, and nothing about the chain's format or order depends on it.
/** Indexes into the shared counters. */
const ASKED = 0;
const DONE = 1;
const SKIP = 2;
const STOP = 3;
/** 1 while the worker sleeps (or is about to): only then does a request need to wake it. */
const IDLE = 4;
const COUNTERS = 5;
/**
 * The worker's whole program. Block `seq` lives in ring slot `seq % slots` with its length in
 * `lengths[slot]`; its digest goes to `digests[slot * 32]` before DONE passes `seq`. Blocks below
 * SKIP were hashed by the writer already and are passed over. Inline (`eval`), so the bundled
 * Action and CLI need no extra file next to them.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { control, ring, digests, slots, blockBytes } = workerData;
const counters = new Int32Array(control, 0, ${COUNTERS});
const lengths = new Int32Array(control, ${COUNTERS * 4}, slots);
const table = new Uint8Array(digests);
let next = Atomics.load(counters, ${DONE});
for (;;) {
  while (next < Atomics.load(counters, ${ASKED})) {
    if (next >= Atomics.load(counters, ${SKIP})) {
      const slot = next % slots;
      const digest = createHash('sha256').update(new Uint8Array(ring, slot * blockBytes, lengths[slot])).digest();
      table.set(digest, slot * 32);
    }
    next++;
    Atomics.store(counters, ${DONE}, next);
  }
  if (Atomics.load(counters, ${STOP}) === 1) break;
  // Announce the sleep before the last look at ASKED: a request made after that look sees IDLE and
  // wakes us; one made before it is seen by Atomics.wait, which then does not sleep.
  Atomics.store(counters, ${IDLE}, 1);
  Atomics.wait(counters, ${ASKED}, next);
  Atomics.store(counters, ${IDLE}, 0);
}
`;
/** A worker thread that hashes ring slots in order, through shared counters. */
class BlockHasher {
    #worker;
    #counters;
    #lengths;
    #digests;
    #slots;
    #failed = false;
    constructor(ring, slots, blockBytes, firstSeq) {
        this.#slots = slots;
        const control = new SharedArrayBuffer((COUNTERS + slots) * 4);
        const digests = new SharedArrayBuffer(slots * 32);
        this.#counters = new Int32Array(control, 0, COUNTERS);
        this.#lengths = new Int32Array(control, COUNTERS * 4, slots);
        this.#digests = Buffer.from(digests);
        for (const counter of [ASKED, DONE, SKIP])
            this.#counters[counter] = firstSeq;
        // Loaded on first use: most runs never start a worker, and loading the module is not free.
        const threads = process.getBuiltinModule('node:worker_threads');
        this.#worker = new threads.Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { control, ring, digests, slots, blockBytes },
        });
        // The log writer never waits for the worker, so it must not keep the process alive either.
        this.#worker.unref();
        this.#worker.on('error', () => {
            // The writer hashes everything itself from now on; the record is unaffected.
            this.#failed = true;
        });
    }
    /** Starts a worker for blocks from `firstSeq` on, or undefined when this process cannot. */
    static start(ring, slots, blockBytes, firstSeq) {
        try {
            return new BlockHasher(ring, slots, blockBytes, firstSeq);
        }
        catch {
            return undefined;
        }
    }
    /** Whether requests are still worth making. */
    get usable() {
        return !this.#failed;
    }
    /** Asks for block `seq` (the next one in order), `length` bytes in slot `seq % slots`. */
    request(seq, length) {
        if (this.#failed)
            return;
        this.#lengths[seq % this.#slots] = length;
        Atomics.store(this.#counters, ASKED, seq + 1);
        // A wake-up is a system call: skip it while the worker is busy (it rereads ASKED before sleeping).
        if (Atomics.load(this.#counters, IDLE) === 1)
            Atomics.notify(this.#counters, ASKED);
    }
    /** The digest of block `seq` if the worker has done it, else undefined. */
    answer(seq) {
        if (this.#failed || seq >= Atomics.load(this.#counters, DONE))
            return undefined;
        const at = (seq % this.#slots) * 32;
        return this.#digests.toString('hex', at, at + 32);
    }
    /** Blocks below `seq` are settled by the writer: the worker passes over them. */
    skipBelow(seq) {
        if (seq > Atomics.load(this.#counters, SKIP))
            Atomics.store(this.#counters, SKIP, seq);
    }
    /** Ends the worker; work in flight is dropped. */
    stop() {
        this.#failed = true;
        Atomics.store(this.#counters, STOP, 1);
        Atomics.notify(this.#counters, ASKED);
        void this.#worker.terminate().catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./src/record/log-chain-format.ts
var log_chain_format = __webpack_require__(77863);
// EXTERNAL MODULE: ./src/record/record-files.ts
var record_files = __webpack_require__(18374);
;// CONCATENATED MODULE: ./src/record/log-chain-writer.ts
// Writes a run's log as run.log plus its hash chain run.log.chain (the format is in
// log-chain-format.ts), hashing long logs on a worker thread (block-hasher.ts).







/** Buffered log bytes that force a block to be cut: bounds memory and the loss on a crash. */
const BLOCK_BYTES = 64 * 1024;
/**
 * Blocks that may be written to run.log but not yet chained: the size of the shared ring they live
 * in (1 MiB). Bounds memory, and how far the chain may trail the log when the process is killed.
 */
const RING_SLOTS = 16;
/** Blocks a log reaches before a hashing worker starts: short logs never pay for a thread. */
const WORKER_AFTER_BLOCKS = 32;
/**
 * run.log is made durable in the background every this many bytes, so the fsync at close has
 * little left to wait for (BENCHMARKS.md, section 2, measures the fsync time of a run).
 */
const SYNC_EVERY_BYTES = 8 * 1024 * 1024;
/**
 * Appends redacted log bytes to run.log and a chain line per block to run.log.chain. All writes
 * are synchronous, and a block's log bytes are written before its chain line, so a SIGKILL leaves
 * a valid prefix. Memory is a fixed ring of block buffers.
 *
 * Hashing: once a log is long, blocks are hashed on a worker thread (BlockHasher) while this
 * thread goes on reading; chain lines are still written here, in order, with the worker's digests
 * as they are done. The writer hashes a block itself whenever it cannot wait: flush() and close()
 * chain everything before they return (so a signal handler can flush), and a full ring settles
 * its oldest block.
 */
class ChainedLogWriter {
    #logFd;
    #chainFd;
    #ring = new SharedArrayBuffer(RING_SLOTS * BLOCK_BYTES);
    #slots = [];
    /** The slot being filled, and how many bytes of it are filled. */
    #slot = 0;
    #buffered = 0;
    /** Bytes in run.log (chained or not). */
    #written = 0;
    /** Bytes of complete chain lines in run.log.chain. */
    #chainBytes = 0;
    /** How much of run.log the last background fdatasync covered, and the one in flight. */
    #syncedTo = 0;
    #syncing;
    #syncError;
    #nextSeq = 0;
    #pending = [];
    #hasher;
    #hashedHere = 0;
    /** What is chained on disk: bytes covered, line count and head. */
    #bytes = 0;
    #blocks = 0;
    #head = log_chain_format/* GENESIS */.hw;
    #closed = false;
    /** Set once a write failed: the files may be out of step, so nothing more is appended. */
    #failed = false;
    #failure;
    constructor(logFd, chainFd) {
        this.#logFd = logFd;
        this.#chainFd = chainFd;
        for (let k = 0; k < RING_SLOTS; k++)
            this.#slots.push(Buffer.from(this.#ring, k * BLOCK_BYTES, BLOCK_BYTES));
    }
    /**
     * Creates `dir` (and its missing parents), then run.log and run.log.chain in it; refuses if either
     * file exists, never overwriting a record.
     */
    static async open(dir) {
        createFolder(dir);
        const logPath = (0,external_node_path_.join)(dir, record_files/* LOG_FILE */.UP);
        // Exclusive create ('wx'): an existing record is evidence and is never appended to or replaced.
        const logFd = openExclusive(logPath);
        let chainFd;
        try {
            chainFd = openExclusive((0,external_node_path_.join)(dir, record_files/* CHAIN_FILE */.Hv));
        }
        catch (error) {
            (0,external_node_fs_.closeSync)(logFd);
            (0,external_node_fs_.unlinkSync)(logPath);
            throw error;
        }
        return new ChainedLogWriter(logFd, chainFd);
    }
    /** Buffers log bytes; cuts a block each time BLOCK_BYTES are buffered. */
    write(bytes) {
        this.#assertWritable();
        let offset = 0;
        while (offset < bytes.length) {
            const count = Math.min(bytes.length - offset, BLOCK_BYTES - this.#buffered);
            // Buffer#copy is a plain memmove; TypedArray#set into shared memory copies far slower.
            Buffer.prototype.copy.call(bytes, this.#slots[this.#slot], this.#buffered, offset, offset + count);
            this.#buffered += count;
            offset += count;
            if (this.#buffered === BLOCK_BYTES)
                this.#cutBlock();
        }
    }
    /**
     * Cuts a block of whatever is buffered and chains every block written so far: when it returns,
     * all log bytes are in run.log and covered by run.log.chain. Call at step boundaries, on a timer,
     * and from signal handlers.
     */
    flush() {
        this.#assertWritable();
        if (this.#buffered > 0)
            this.#cutBlock();
        this.#settle(this.#pending.length);
    }
    /** The summary so far: what is chained on disk now. */
    get summary() {
        return { head: this.#head, bytes: this.#bytes, blocks: this.#blocks };
    }
    /** Who hashed the blocks chained so far (the tests check the worker takes part; the chain is the same). */
    get hashedBy() {
        return { writer: this.#hashedHere, worker: this.#blocks - this.#hashedHere };
    }
    /** Flushes, fsyncs and closes both files; returns the head, byte count and block count. */
    async close() {
        try {
            this.flush();
            // The descriptor must stay open until a background sync on it has finished.
            await this.#syncing;
            // Durable at the end of the run; per-block fsync would cost far more than the hashing.
            (0,external_node_fs_.fsyncSync)(this.#logFd);
            (0,external_node_fs_.fsyncSync)(this.#chainFd);
            // Linux reports a writeback error once per descriptor: if the background sync took it, the
            // fsync above may succeed although bytes were lost, so that error must fail the close.
            if (this.#syncError !== undefined)
                throw this.#syncError;
        }
        finally {
            this.#hasher?.stop();
            // Even when flushing failed, a background sync must finish before its descriptor closes
            // (the number could otherwise be reused by the next file opened).
            await this.#syncing;
            if (!this.#closed) {
                this.#closed = true;
                (0,external_node_fs_.closeSync)(this.#logFd);
                (0,external_node_fs_.closeSync)(this.#chainFd);
            }
        }
        return this.summary;
    }
    /**
     * Closes the writer after a failed write (a full disk, a file size limit): both files are cut
     * back to the last block whose chain line is complete, so what stays on disk is a closed, valid
     * record of a prefix of the log, whose summary is returned. Blocks already whole in run.log are
     * chained first if run.log.chain still takes lines (the limit may have hit run.log alone).
     * Buffered bytes not yet in a block are dropped. Throws when the files cannot be cut or synced.
     */
    async closeValidPrefix() {
        if (this.#closed)
            throw new Error('log writer is closed');
        try {
            // A chain line cut short goes first, so any line written now follows a complete one.
            (0,external_node_fs_.ftruncateSync)(this.#chainFd, this.#chainBytes);
            try {
                this.#settle(this.#pending.length);
            }
            catch {
                (0,external_node_fs_.ftruncateSync)(this.#chainFd, this.#chainBytes);
            }
            // Bytes past the chained prefix (a block cut short, blocks never chained) cannot be vouched
            // for: a closed record has none.
            (0,external_node_fs_.ftruncateSync)(this.#logFd, this.#bytes);
            await this.#syncing;
            (0,external_node_fs_.fsyncSync)(this.#logFd);
            (0,external_node_fs_.fsyncSync)(this.#chainFd);
            if (this.#syncError !== undefined)
                throw this.#syncError;
        }
        finally {
            this.#hasher?.stop();
            await this.#syncing;
            this.#closed = true;
            (0,external_node_fs_.closeSync)(this.#logFd);
            (0,external_node_fs_.closeSync)(this.#chainFd);
        }
        return this.summary;
    }
    #assertWritable() {
        if (this.#failed) {
            throw new Error('log writer failed earlier; the record is incomplete', { cause: this.#failure });
        }
        if (this.#closed)
            throw new Error('log writer is closed');
    }
    /** Writes the filled part of the current slot to run.log and queues it for its chain line. */
    #cutBlock() {
        const slot = this.#slot;
        const block = this.#slots[slot].subarray(0, this.#buffered);
        const start = this.#written;
        this.#guard(() => writeFully(this.#logFd, block, start));
        this.#written = start + block.length;
        this.#buffered = 0;
        if (this.#written - this.#syncedTo >= SYNC_EVERY_BYTES && this.#syncing === undefined)
            this.#syncInBackground();
        const seq = this.#nextSeq++;
        const entry = { seq, slot, start, end: this.#written, sha256: undefined };
        this.#pending.push(entry);
        if (this.#hasher === undefined && seq + 1 === WORKER_AFTER_BLOCKS) {
            this.#hasher = BlockHasher.start(this.#ring, RING_SLOTS, BLOCK_BYTES, seq);
        }
        // Slot and sequence agree (slot = seq % RING_SLOTS): the worker finds block seq by its number.
        if (this.#hasher?.usable)
            this.#hasher.request(seq, block.length);
        else
            this.#hashHere(entry);
        this.#chainReady();
        // The next slot must be free before write() fills it: a full ring settles its oldest block.
        if (this.#pending.length === RING_SLOTS)
            this.#settle(1);
        this.#slot = (slot + 1) % RING_SLOTS;
    }
    /** Starts an fdatasync of run.log on the thread pool; its error is kept for close(). */
    #syncInBackground() {
        this.#syncedTo = this.#written;
        this.#syncing = new Promise((done) => {
            (0,external_node_fs_.fdatasync)(this.#logFd, (error) => {
                if (error)
                    this.#syncError ??= error;
                this.#syncing = undefined;
                done();
            });
        });
    }
    /** Gives the oldest `count` pending blocks their digest (the worker's, or hashed here), then chains. */
    #settle(count) {
        let settled = -1;
        for (let k = 0; k < count && k < this.#pending.length; k++) {
            const entry = this.#pending[k];
            entry.sha256 ??= this.#hasher?.answer(entry.seq);
            if (entry.sha256 === undefined)
                this.#hashHere(entry);
            settled = entry.seq;
        }
        if (settled >= 0)
            this.#hasher?.skipBelow(settled + 1);
        this.#chainReady();
    }
    #hashHere(entry) {
        entry.sha256 = (0,tree_digest/* sha256Hex */.fg)(this.#slots[entry.slot].subarray(0, entry.end - entry.start));
        this.#hashedHere++;
    }
    /** Writes chain lines for the leading pending blocks whose hashes are known, in order. */
    #chainReady() {
        // Take the worker's digests for the leading blocks it has done; the chain advances from the front.
        for (const entry of this.#pending) {
            entry.sha256 ??= this.#hasher?.answer(entry.seq);
            if (entry.sha256 === undefined)
                break;
        }
        let lines = '';
        let head = this.#head;
        let ready = 0;
        for (let entry = this.#pending[0]; entry?.sha256 !== undefined; entry = this.#pending[++ready]) {
            const { start, end, sha256 } = entry;
            const i = this.#blocks + ready;
            head = (0,log_chain_format/* chainLink */.C9)(head, i, start, end, sha256);
            lines += (0,log_chain_format/* formatChainLine */.rX)({ i, start, end, sha256, chain: head });
        }
        if (ready === 0)
            return;
        // Log bytes were written when the blocks were cut, so a chain line never points past run.log.
        const bytes = Buffer.from(lines, 'utf8');
        this.#guard(() => writeFully(this.#chainFd, bytes, this.#chainBytes));
        this.#chainBytes += bytes.byteLength;
        this.#bytes = this.#pending[ready - 1].end;
        this.#blocks += ready;
        this.#head = head;
        this.#pending.splice(0, ready);
    }
    /** Runs a write; a failure marks the writer failed (the files may be out of step) and rethrows. */
    #guard(write) {
        try {
            write();
        }
        catch (error) {
            this.#failed = true;
            this.#failure = error;
            throw error;
        }
    }
}
/**
 * Creates `dir` and its missing parents with one mkdir each, trying each folder at most twice. Not
 * mkdirSync's recursive mode: under /proc, mkdir answers ENOENT although the parent exists, and
 * the recursive mode retries that forever.
 */
function createFolder(dir) {
    if (makeFolder(dir) === undefined)
        return;
    const parent = (0,external_node_path_.dirname)(dir);
    if (parent !== dir)
        createFolder(parent);
    // Once more only: a second ENOENT (a kernel file system, a parent removed meanwhile) is final.
    const missing = makeFolder(dir);
    if (missing !== undefined)
        throw missing;
}
/**
 * Makes one folder; undefined once it exists, or mkdir's ENOENT error when a parent is missing.
 * Mode 0700 (found by review): a record holds parameter values, step outputs and target facts,
 * redacted but still for its owner, and the default records folder is under the home of users who
 * may share a jump host; the XDG spec asks for 0700 state folders. A folder that exists is left as
 * it is.
 */
function makeFolder(path) {
    try {
        (0,external_node_fs_.mkdirSync)(path, { mode: 0o700 });
        return undefined;
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return error;
        if (code === 'EEXIST' && isFolder(path))
            return undefined;
        throw error;
    }
}
function isFolder(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function openExclusive(path) {
    try {
        return (0,external_node_fs_.openSync)(path, 'wx', 0o600);
    }
    catch (error) {
        if (error.code === 'EEXIST') {
            throw new errors/* UsageError */.eb('FILE_EXISTS', `${path} already exists: write each run record to a new folder`, {
                cause: error,
            });
        }
        throw error;
    }
}
/**
 * Writes all of `bytes` at `position`. Positional: after a failed write and a truncation, the next
 * write lands where the file now ends, never past it (leaving a hole of zeros).
 */
function writeFully(fd, bytes, position) {
    let offset = 0;
    while (offset < bytes.length)
        offset += (0,external_node_fs_.writeSync)(fd, bytes, offset, bytes.length - offset, position + offset);
}

// EXTERNAL MODULE: ./src/record/log-chain-verifier.ts
var log_chain_verifier = __webpack_require__(81142);
// EXTERNAL MODULE: ./src/record/record-verifier.ts
var record_verifier = __webpack_require__(48711);
// EXTERNAL MODULE: ./src/record/redactor.ts
var redactor = __webpack_require__(82429);
// EXTERNAL MODULE: ./src/adapters/chunk-memory.ts
var chunk_memory = __webpack_require__(52233);
// EXTERNAL MODULE: ./src/record/definition-bundle.ts
var definition_bundle = __webpack_require__(637);
;// CONCATENATED MODULE: ./src/record/recorder.ts











/** How often buffered log bytes are flushed while a step runs, so a killed run loses little. */
const FLUSH_INTERVAL_MS = 1000;
/** Stream numbers of a step's output in the recorder's InterleavedRedactor. */
const STDOUT = 0;
const STDERR = 1;
/**
 * Space kept in the record folder beyond the first snapshot's size, and freed when a write fails:
 * on a full disk, the final snapshot.json (saying what happened) must still fit, and a log cut
 * back to its last block frees too little for it.
 */
const RESERVE_SLACK_BYTES = 32 * 1024;
/** The reserve's file: not a record file, so never published or verified. */
const RESERVE_FILE = '.space-reserve';
/** Error code of a run whose record could not be written (a full disk, a file size limit). */
const RECORD_WRITE_FAILED = 'RECORD_WRITE_FAILED';
/**
 * Writes a run's record as it goes: the redacted, hash-chained log and snapshot.json. Secrets are
 * redacted before any byte reaches disk, per stream (stdout and stderr each keep their own
 * carry-over, so a secret split across chunks of one stream is still caught) and across the
 * joins where the two streams meet in the log.
 */
class RunRecorder {
    dir;
    /** The snapshot; only the recorder writes it (steps through startStep/endStep, the end through finish). */
    #snapshot;
    #log;
    #secrets;
    #clock;
    #echo;
    #observer;
    #output;
    #offset = 0;
    /** Whether the last byte written ended a line: engine lines always start on their own line. */
    #atLineStart = true;
    #timer;
    #failure;
    /** Set once run.log failed: no more log bytes are written (the echo still gets them). */
    #logFailed = false;
    #failed = new AbortController();
    /** sha256 of definition.tar as written (null: none). */
    #definitionSha256 = null;
    #seal;
    constructor(dir, log, secrets, snapshot, clock, echo, observer) {
        this.dir = dir;
        this.#echo = echo;
        this.#observer = observer;
        this.#log = log;
        this.#secrets = secrets;
        this.#snapshot = {
            ...snapshot,
            steps: snapshot.steps.map((step) => ({ ...step })),
            outputs: { ...snapshot.outputs },
        };
        this.#clock = clock;
        this.#output = new redactor/* InterleavedRedactor */.AF(secrets, 2);
    }
    /**
     * Creates the record folder's files (never over an existing record), copies the verified
     * `definition` files into it when given, and writes the first snapshot. `echo`, when given, also
     * receives every redacted log byte (the runner's live log); `observer`, when given, is told of
     * each step and its output as recorded (the CLI's live console).
     */
    static async create(dir, secrets, snapshot, clock, echo, definition, observer) {
        const log = await ChainedLogWriter.open(dir);
        // The verified files go into the record before anything runs, so even a killed run's record
        // shows what it was running.
        const bundle = definition === undefined ? undefined : (0,definition_bundle/* writeDefinitionBundle */.ZQ)(dir, definition);
        const copied = bundle === undefined ? {} : { definition: bundle.definition };
        const recorder = new RunRecorder(dir, log, secrets, { ...snapshot, ...copied }, clock, echo, observer);
        recorder.#definitionSha256 = bundle?.sha256 ?? null;
        const first = recorder.#writeSnapshot();
        recorder.#reserveSpace(first.byteLength + RESERVE_SLACK_BYTES);
        recorder.#timer = setInterval(() => recorder.flush(), FLUSH_INTERVAL_MS);
        recorder.#timer.unref();
        return recorder;
    }
    /** The snapshot as recorded so far (read-only: the recorder is its only writer). */
    get snapshot() {
        return this.#snapshot;
    }
    /** Records that a step started (saved with the next save): its log range starts here. */
    startStep(start) {
        const record = {
            stage: start.stage,
            id: start.id,
            ...(start.name !== undefined ? { name: start.name } : {}),
            started: start.started,
            ended: '',
            durationMs: 0,
            attempts: 0,
            exitCode: null,
            signal: null,
            outcome: 'failed',
            continueOnError: start.continueOnError,
            outputs: {},
            log: { start: this.#offset, end: this.#offset },
        };
        this.#snapshot.steps.push(record);
        this.#tell((o) => o.stepStarted?.(record));
        return record;
    }
    /** Counts a step's attempt. */
    stepAttempt(step, attempt) {
        this.#ownStep(step).attempts = attempt;
    }
    /** Notes why a step failed around its process (redacted); the first reason given is kept unless replaced. */
    stepError(step, message) {
        this.#ownStep(step).error = this.redact(message);
    }
    /** Records how a step ended, flushes the log so its range is final, and saves the snapshot. */
    endStep(step, end) {
        const record = this.#ownStep(step);
        record.ended = end.ended;
        record.durationMs = end.durationMs;
        record.exitCode = end.exitCode;
        record.signal = end.signal;
        record.outcome = end.outcome;
        record.outputs = { ...end.outputs };
        this.flush();
        record.log = { start: record.log.start, end: this.#offset };
        this.save();
        this.#tell((o) => o.stepEnded?.(record));
    }
    /** Records what the stages concluded so far (saved with the next save). */
    concluded(facts) {
        this.#conclude(facts);
        // Told as the stages conclude; the end's repetition of the same facts (finish) is not.
        const told = facts.error === undefined ? facts : { ...facts, error: this.#redactError(facts.error) };
        this.#tell((o) => o.concluded?.(told));
    }
    #conclude(facts) {
        if (facts.check !== undefined)
            this.#snapshot.check = facts.check;
        if (facts.rollback !== undefined)
            this.#snapshot.rollback = facts.rollback;
        if (facts.error !== undefined)
            this.#snapshot.error = { ...facts.error };
    }
    #redactError(error) {
        return { code: error.code, message: this.redact(error.message) };
    }
    #ownStep(step) {
        // Identity, not equality: only records this recorder handed out are written.
        const record = this.#snapshot.steps.find((candidate) => candidate === step);
        if (record === undefined)
            throw new Error(`step ${step.stage}/${step.id} was not started by this recorder`);
        return record;
    }
    /** Bytes written to the log so far (the offset the next byte lands at). */
    get offset() {
        return this.#offset;
    }
    /** The first write of the record that failed, if one did. */
    get failure() {
        return this.#failure;
    }
    /**
     * Aborted when a write of the record fails: the executor stops the running step on it (it must
     * not go on changing the system unrecorded) and runs the rollback.
     */
    get failed() {
        return this.#failed.signal;
    }
    /** Writes a timestamped engine line (a step marker, a decision, an error). */
    line(text) {
        this.#writeLine((0,redactor/* redactText */.Rd)(text, this.#secrets));
    }
    /**
     * Writes a step or run marker (`==> stage/id ...`, `<== stage/id exit N (outcome)`,
     * `run <status>`), unredacted: markers hold only ids, numbers and fixed words, and verify-run
     * checks the snapshot's claims against them, which a redacted `exit ***` would defeat.
     */
    marker(text) {
        this.#writeLine(text);
    }
    /** A chunk of a step's stdout. The recorder takes it: its memory is freed once recorded. */
    stdout(chunk) {
        this.#record(STDOUT, chunk);
    }
    /** A chunk of a step's stderr. The recorder takes it: its memory is freed once recorded. */
    stderr(chunk) {
        this.#record(STDERR, chunk);
    }
    /**
     * Ends a step's streams: releases the held-back bytes of both, each redacted in full as the end
     * of its own stream and joined without letting a secret form across the join. Nothing is held
     * back after this, so what the log gets next must not continue the output: the executor writes
     * a marker, which starts a new line with a timestamp.
     */
    endStreams() {
        for (const part of this.#output.end())
            this.#writeOutput(part);
    }
    /** Pushes buffered log bytes to disk as a chained block (nothing once the log failed). */
    flush() {
        if (this.#logFailed)
            return;
        try {
            this.#log.flush();
        }
        catch (error) {
            this.#fail('run.log', error);
        }
    }
    /** Redacts a string for the record (error messages, outputs). */
    redact(text) {
        return (0,redactor/* redactText */.Rd)(text, this.#secrets);
    }
    /**
     * Writes snapshot.json atomically (temp file + rename), redacted. Synchronous: safe in signal
     * paths. A failure (a full disk) never throws out of the run: it becomes the record's failure,
     * and the last snapshot written stays in place.
     */
    save() {
        try {
            this.#writeSnapshot();
        }
        catch (error) {
            this.#fail('snapshot.json', error);
        }
    }
    /**
     * Closes the log, stores its summary in the snapshot, writes it, and returns the snapshot digest.
     * After a failed write, the log is closed at its last complete block, so the record on disk is
     * still closed and valid (verify-run accepts it), and the snapshot says what was lost. Throws
     * only when the final snapshot.json cannot be written.
     */
    async finish(end) {
        clearInterval(this.#timer);
        if (end !== undefined)
            this.#applyEnd(end);
        this.flush();
        this.#releaseSpace();
        let summary;
        try {
            summary = this.#logFailed ? await this.#log.closeValidPrefix() : await this.#log.close();
        }
        catch (error) {
            // The files could not be closed as a valid whole (a failed sync, a cut that failed):
            // the log stays an open, unpinned prefix, as a killed run's does.
            this.#fail('run.log', error);
        }
        if (summary !== undefined) {
            this.#snapshot.log = { file: 'run.log', bytes: summary.bytes, blocks: summary.blocks, head: summary.head };
            // Step ranges past what the log kept would point at bytes nobody can vouch for.
            for (const step of this.#snapshot.steps) {
                step.log = { start: Math.min(step.log.start, summary.bytes), end: Math.min(step.log.end, summary.bytes) };
            }
        }
        if (this.#failure !== undefined)
            this.#reportFailure(this.#failure, summary);
        const bytes = this.#writeSnapshot();
        this.#seal = {
            snapshot: bytes,
            ...(summary !== undefined ? { log: { bytes: summary.bytes, head: summary.head } } : {}),
            definitionSha256: this.#definitionSha256,
        };
        return (0,record_verifier/* snapshotDigest */.he)(bytes);
    }
    /** What the closed record holds, for signing it (undefined until finish() wrote it). */
    get seal() {
        return this.#seal;
    }
    /**
     * Says in the snapshot that the record is short, when the executor has not already (the write
     * failed during the rollback, after the last step, or while closing). The error becomes
     * RECORD_WRITE_FAILED when the log was cut (verify-run accepts missing end markers only then),
     * keeping what it said before. A run that had ended well is `crashed`: its record cannot show
     * it. Only `cancelled` and `crashed` may keep a log that could not be closed.
     */
    /** The final facts, and the run's end time and duration from the recorder's clock. */
    #applyEnd(end) {
        this.#conclude(end);
        this.#snapshot.status = end.status;
        if (end.outputs !== undefined)
            this.#snapshot.outputs = { ...end.outputs };
        const ended = this.#clock();
        this.#snapshot.ended = ended.toISOString();
        this.#snapshot.durationMs = Math.max(0, ended.getTime() - Date.parse(this.#snapshot.started));
    }
    #reportFailure(failure, summary) {
        const snapshot = this.#snapshot;
        const what = describeRecordFailure(failure);
        const cut = summary === undefined ? 'the log could not be closed' : `the log ends at byte ${summary.bytes}`;
        const before = snapshot.error;
        if (before?.code === RECORD_WRITE_FAILED) {
            if (summary === undefined)
                snapshot.error = { ...before, message: `${before.message}; the log could not be closed` };
        }
        else if (before === undefined || snapshot.status === 'succeeded' || snapshot.status === 'healthy') {
            snapshot.error = {
                code: RECORD_WRITE_FAILED,
                message: this.redact(`the run ended ${snapshot.status}, but ${what}; ${cut}`),
            };
            snapshot.status = 'crashed';
        }
        else if (this.#logFailed) {
            snapshot.error = {
                code: RECORD_WRITE_FAILED,
                message: this.redact(`${before.message} (${before.code}); then ${what}; ${cut}`),
            };
        }
        else {
            snapshot.error = { ...before, message: before.message + this.redact(`; then ${what}`) };
        }
        if (summary === undefined && snapshot.status !== 'cancelled')
            snapshot.status = 'crashed';
    }
    #writeSnapshot() {
        return writeSnapshotFile(this.dir, redactSnapshot(this.#snapshot, this.#secrets));
    }
    /** Remembers the first failed write and tells the executor; never throws (stream handlers call it). */
    #fail(file, error) {
        if (file === 'run.log')
            this.#logFailed = true;
        if (this.#failure !== undefined)
            return;
        this.#failure = { file, error };
        // The space kept back goes to what must still be written: the snapshots of the rollback
        // steps and the final one (and, on the same filesystem, what the rollback needs).
        this.#releaseSpace();
        this.#failed.abort(error);
    }
    /**
     * Writes the reserve file. Best effort: on a disk already too full for it the run still starts,
     * and only loses the guarantee that the final snapshot fits.
     */
    #reserveSpace(bytes) {
        try {
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(this.dir, RESERVE_FILE), Buffer.alloc(bytes), { flag: 'wx', mode: 0o600 });
        }
        catch {
            this.#releaseSpace();
        }
    }
    #releaseSpace() {
        try {
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(this.dir, RESERVE_FILE), { force: true });
        }
        catch {
            // Nothing more can be freed.
        }
    }
    #writeLine(text) {
        this.#write(Buffer.from(`${this.#atLineStart ? '' : '\n'}[${this.#clock().toISOString()}] ${text}\n`, 'utf8'));
    }
    #record(stream, chunk) {
        // The redactor hands out views of the chunk (and small buffers of its own), the log copies
        // them into its ring and the redactor copies the tail it holds back, so once the echo (if
        // any) has let go, nothing refers to the chunk: free it now rather than at a later GC, which
        // keeps a loud step's memory flat (see adapters/chunk-memory.ts).
        let held = false;
        for (const part of this.#output.push(stream, chunk))
            held = this.#writeOutput(part) || held;
        if (!held)
            (0,chunk_memory/* releaseChunk */.b)(chunk);
    }
    /**
     * Tells the observer; a console that fails (a bug in it) must not stop the step or the record
     * from the middle of a stream handler: it is dropped, and the log says why.
     */
    #tell(call) {
        const observer = this.#observer;
        if (observer === undefined)
            return;
        try {
            call(observer);
        }
        catch (error) {
            this.#observer = undefined;
            this.line(`!! the live console stopped: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    /** Appends a step's redacted output, and shows it to the observer, which copies what it keeps. */
    #writeOutput(bytes) {
        if (bytes.byteLength > 0)
            this.#tell((o) => o.output?.(bytes));
        return this.#write(bytes);
    }
    /**
     * Appends to the log and the echo; returns whether the echo still holds the bytes. Called from
     * the step's stream handlers: a failed write (ENOSPC, EFBIG) must not throw there, where it would
     * crash the tool mid-step with the step still running and no rollback. It marks the recorder
     * failed instead; the log takes no more bytes (the chain stays valid up to its last complete
     * block), and the echo still gets them.
     */
    #write(bytes) {
        if (bytes.byteLength === 0)
            return false;
        this.#atLineStart = bytes[bytes.byteLength - 1] === 0x0a;
        if (!this.#logFailed) {
            try {
                this.#log.write(bytes);
                this.#offset += bytes.byteLength;
            }
            catch (error) {
                this.#fail('run.log', error);
            }
        }
        return this.#echo?.(bytes) === true;
    }
}
/** What failed, for the snapshot's error: `the run log could not be written (ENOSPC: ...)`. */
function describeRecordFailure(failure) {
    const what = failure.file === 'run.log' ? 'the run log' : 'snapshot.json';
    return `${what} could not be written (${(0,errors/* describeError */.Uc)(failure.error)})`;
}
/**
 * Redacts the snapshot fields that can carry text from steps or callers: parameter values,
 * outputs, error messages. Structural fields the engine writes (ids, digests, versions, keys) are
 * left alone, so a short secret value such as "0" cannot corrupt them and break verification.
 */
function redactSnapshot(snapshot, secrets) {
    if (secrets.length === 0)
        return snapshot;
    return {
        ...snapshot,
        ...(snapshot.error ? { error: { ...snapshot.error, message: (0,redactor/* redactText */.Rd)(snapshot.error.message, secrets) } } : {}),
        ...(snapshot.params
            ? { params: { ...snapshot.params, values: (0,redactor/* redactValue */.FI)(snapshot.params.values, secrets) } }
            : {}),
        outputs: (0,redactor/* redactValue */.FI)(snapshot.outputs, secrets),
        steps: snapshot.steps.map((step) => ({
            ...step,
            outputs: (0,redactor/* redactValue */.FI)(step.outputs, secrets),
            ...(step.error !== undefined ? { error: (0,redactor/* redactText */.Rd)(step.error, secrets) } : {}),
        })),
    };
}
/**
 * Writes snapshot.json atomically (temp file + rename): a reader never sees half a snapshot, and a
 * writer killed mid-write leaves the previous one. The one way snapshot.json is written.
 */
function writeSnapshotFile(dir, snapshot) {
    const bytes = Buffer.from(`${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
    const temp = (0,external_node_path_.join)(dir, `.${record_files/* SNAPSHOT_FILE */.QX}.tmp`);
    (0,external_node_fs_.writeFileSync)(temp, bytes);
    (0,external_node_fs_.renameSync)(temp, (0,external_node_path_.join)(dir, record_files/* SNAPSHOT_FILE */.QX));
    return bytes;
}
/**
 * Closes a record whose run never finished (the Action's main step was killed or cancelled): the
 * status becomes `cancelled` (the job was cancelled) or `crashed`, with the reason and the end
 * time; the log stays the valid prefix it is, which verify-run reports as incomplete. Returns the
 * bytes written. A finished record is left alone.
 */
function closeUnfinishedRecord(dir, snapshot, reason, now) {
    if (snapshot.status !== 'running')
        return undefined;
    return writeSnapshotFile(dir, {
        ...snapshot,
        status: reason.cancelled ? 'cancelled' : 'crashed',
        error: {
            code: reason.cancelled ? 'CANCELLED' : 'CRASHED',
            message: reason.cancelled
                ? `the job was cancelled and the main step was stopped before it could finish the record; closed by ${reason.closedBy}`
                : `the main step ended without finishing the record (killed or crashed); closed by ${reason.closedBy}`,
        },
        ended: now.toISOString(),
        durationMs: Math.max(0, now.getTime() - Date.parse(snapshot.started)),
        log: { file: LOG_FILE, complete: false, ...validPrefix(dir) },
    });
}
/**
 * The valid prefix of a killed run's log, as its chain covers it: pinned in the snapshot, so the
 * snapshot digest published for the record pins the log too (without it, the log of a cancelled
 * run could be rewritten, its chain recomputed, and still match the published digest). Nothing
 * when the log and chain cannot be read or do not verify.
 */
function validPrefix(dir) {
    try {
        const read = (name) => tryReadBoundedFile(join(dir, name), { label: 'record file', maxBytes: MAX_RECORD_FILE_BYTES });
        const log = read(LOG_FILE);
        const chain = read(CHAIN_FILE);
        if (log === undefined || chain === undefined)
            return {};
        const checked = verifyLogChain(log, chain.toString('utf8'));
        return checked.ok ? { bytes: checked.bytes, blocks: checked.blocks, head: checked.head } : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/run/stages.ts

/** Runs the stages of a plan and returns what they concluded; tells the recorder each fact as it is known. */
async function runStages(plan, recorder, runStep, stopped, faulted) {
    const { definition } = plan;
    // What the stages conclude is returned as values, and told to the recorder as soon as it is
    // known, so that the record of a run killed later still says what the check found.
    let facts = {};
    const conclude = (more) => {
        facts = { ...facts, ...more };
        recorder.concluded(more);
    };
    const done = (status) => ({ status, ...facts });
    // check: 0 = healthy, 1 = remediation needed, anything else = the check itself failed.
    if (definition.check.length === 0) {
        conclude({ check: 'none' });
    }
    else {
        let drift = false;
        for (const step of definition.check) {
            const record = await runStep('check', step);
            if (stopped())
                return done(stopped());
            // The engine failed: the caller records the crash. A check changes nothing, so no rollback.
            if (faulted())
                return done('failed');
            if (recorder.failure) {
                conclude({ check: 'error' });
                conclude({ error: recordFailureError(recorder, record, false) });
                return done('failed');
            }
            if (record.outcome === 'drift') {
                drift = true;
                break;
            }
            if (record.outcome !== 'succeeded') {
                conclude({ check: 'error' });
                conclude({
                    error: { code: 'CHECK_FAILED', message: `check step '${step.id}' failed: ${describeRecord(record)}` },
                });
                recorder.line(`check failed; nothing was changed`);
                return done(record.outcome === 'timed-out' ? 'timed-out' : 'failed');
            }
        }
        if (!drift && !plan.force) {
            conclude({ check: 'healthy' });
            recorder.line('check: healthy; no remediation needed');
            return done('healthy');
        }
        conclude({ check: drift ? 'drift' : 'forced' });
        recorder.line(drift ? 'check: remediation needed' : 'check: healthy, but --force given; remediating anyway');
    }
    // Check only (a blast-radius count before any target is fixed): what the check found is the
    // result; no step, verify or rollback may run. Without check steps the fix would always run,
    // so such a version reports `unhealthy` too.
    if (plan.checkOnly === true) {
        recorder.line(definition.check.length === 0
            ? 'check only: the version has no check, so its fix would always run; nothing was changed'
            : 'check only: remediation needed; nothing was changed');
        return done('unhealthy');
    }
    let failure;
    for (const stage of ['steps', 'verify']) {
        for (const step of definition[stage]) {
            const record = await runStep(stage, step);
            if (stopped())
                break;
            // An engine fault or a record that can no longer be written ends the run here, like a
            // failed step: what the steps so far changed is rolled back.
            if (faulted() || recorder.failure || (record.outcome !== 'succeeded' && !record.continueOnError)) {
                failure = record;
                break;
            }
        }
        if (failure || stopped())
            break;
    }
    // On cancellation the runner gives us seconds, not minutes: record and stop, no rollback.
    const stop = stopped();
    if (stop) {
        conclude({ rollback: 'none' });
        recorder.line(`run ${stop}; remaining steps skipped`);
        return done(stop);
    }
    if (!failure) {
        conclude({ rollback: 'not-needed' });
        return done('succeeded');
    }
    conclude({
        error: recorder.failure
            ? recordFailureError(recorder, failure, definition.rollback.length > 0)
            : {
                code: failure.stage === 'verify' ? 'VERIFY_FAILED' : 'STEP_FAILED',
                message: `${failure.stage} step '${failure.id}' ${describeRecord(failure)}`,
            },
    });
    if (definition.rollback.length === 0) {
        conclude({ rollback: 'none' });
    }
    else {
        recorder.line('rolling back');
        let rolledBack = true;
        for (const step of definition.rollback) {
            const record = await runStep('rollback', step);
            if (stopped())
                return done(stopped());
            if (record.outcome !== 'succeeded')
                rolledBack = false;
        }
        conclude({ rollback: rolledBack ? 'succeeded' : 'failed' });
    }
    return done(failure.outcome === 'timed-out' ? 'timed-out' : 'failed');
}
/** The snapshot's error for a run stopped because its record could not be written. */
function recordFailureError(recorder, at, rollback) {
    const failure = recorder.failure;
    const lost = failure.file === 'run.log'
        ? `run.log ends at its last complete block: later output${rollback ? ", the rollback's included," : ''} is not recorded`
        : 'snapshot.json may lag behind the log';
    return {
        code: RECORD_WRITE_FAILED,
        message: recorder.redact(`${describeRecordFailure(failure)}; the run stopped at ${at.stage} step '${at.id}'${rollback ? ' and ran the rollback' : ''}; ${lost}`),
    };
}
function describeRecord(record) {
    if (record.outcome === 'timed-out')
        return 'timed out';
    if (record.error)
        return `could not start: ${record.error}`;
    return record.signal ? `was killed by ${record.signal}` : `exited ${record.exitCode}`;
}

;// CONCATENATED MODULE: ./src/run/step-environment.ts




/** Caller variables passed through to every step: the minimal base, nothing else. */
const BASE_VARIABLES = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'USER', 'LOGNAME'];
/** Runner variables passed through when present, so steps can find the workspace on GitHub. */
const RUNNER_VARIABLES = [
    'GITHUB_WORKSPACE',
    'RUNNER_TEMP',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'GITHUB_REPOSITORY',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_ATTEMPT',
    'CI',
];
/**
 * Builds a step's environment instead of inheriting the caller's: the base variables, the
 * definition's and step's env, then parameters, the target's facts (TARGET_<NAME>, data from the
 * targets file: never script text), earlier outputs and declared secrets. Anything
 * else in the caller's environment (tokens, cloud credentials) never reaches a step, and the
 * reserved names (PARAM_*, STEP_*, REMEDIATION_*) are set last so a definition cannot shadow them.
 */
function buildStepEnvironment(callerEnv, definition, step, params, facts, secrets, priorOutputs, paths, run) {
    const env = {};
    for (const key of [...BASE_VARIABLES, ...RUNNER_VARIABLES]) {
        const value = callerEnv[key];
        if (value !== undefined)
            env[key] = value;
    }
    env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
    env.LANG ??= 'C.UTF-8';
    Object.assign(env, definition.env, step.env ?? {});
    for (const [name, value] of Object.entries(params))
        env[(0,core_definition/* paramEnvName */.o2)(name)] = (0,param_validation/* paramToEnvValue */.Zz)(value);
    // A fact never shares a name with the definition's env or secrets: the run refuses that first (app/run.ts).
    for (const [name, value] of Object.entries(facts))
        env[(0,targets_config/* targetFactEnvName */.kQ)(name)] = value;
    Object.assign(env, priorOutputs);
    Object.assign(env, secrets);
    env.REMEDIATION_NAME = run.name;
    env.REMEDIATION_VERSION = run.version;
    env.REMEDIATION_RUN_ID = run.runId;
    env.REMEDIATION_STAGE = run.stage;
    env.REMEDIATION_STEP = step.id;
    env.REMEDIATION_DIR = paths.definitionDir;
    env.REMEDIATION_WORKSPACE = paths.workspace;
    env.REMEDIATION_OUTPUT = paths.outputFile;
    return env;
}
/** Environment variable holding a JSON object of secrets, as the reusable workflows pass them. */
const SECRETS_BUNDLE_VARIABLE = 'REMEDIATION_SECRETS';
/**
 * Picks the declared secrets (and the optional ones that are set) out of the caller's environment, falling back to the JSON object in
 * REMEDIATION_SECRETS (one GitHub secret holding several, which is how a reusable workflow can
 * pass secrets whose names it does not know). The bundle itself never reaches a step: the step
 * environment is built from an allow-list. `masked` lists every value to mask, declared or not.
 */
function collectSecrets(declared, callerEnv, optional = []) {
    const bundle = parseSecretsBundle(callerEnv[SECRETS_BUNDLE_VARIABLE]);
    // Null-prototype and own properties only: a secret declared as `constructor` or `toString`
    // must find nothing, not a built-in function.
    const secrets = Object.create(null);
    const missing = [];
    const wanted = new Set(optional);
    for (const name of [...declared, ...optional]) {
        // Validation refuses these; a version released before it did must not get the bundle either.
        if ((0,core_definition/* reservedSecretName */.SV)(name)) {
            throw new errors/* UsageError */.eb('MISSING_SECRET', `secret name '${name.slice(0, 60)}' is reserved; it is never passed`);
        }
        const value = (Object.hasOwn(callerEnv, name) ? callerEnv[name] : undefined) || bundle[name];
        // An optional secret that is not set is simply not passed: the steps decide what that means.
        if (value === undefined || value === '') {
            if (!wanted.has(name))
                missing.push(name);
        }
        else
            secrets[name] = value;
    }
    const masked = [...new Set([...Object.values(secrets), ...Object.values(bundle)].filter((v) => v !== ''))];
    return { secrets, missing, masked };
}
function parseSecretsBundle(text) {
    if (text === undefined || text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* UsageError */.eb('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE} must be a JSON object of secret names to string values`, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new errors/* UsageError */.eb('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE} must be a JSON object of secret names to string values`);
    }
    const bundle = Object.create(null);
    for (const [name, item] of Object.entries(value)) {
        // A number or object would be stringified unpredictably and escape redaction of its parts.
        if (typeof item !== 'string')
            throw new errors/* UsageError */.eb('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE}.${name.slice(0, 60)}: expected a string value`);
        // A NUL cannot go into a process environment: spawning would fail with an error that quotes
        // the value, and that error text would land in the record. Refuse it here, naming only the key.
        if (item.includes('\0'))
            throw new errors/* UsageError */.eb('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE}.${name.slice(0, 60)}: a secret cannot contain a NUL byte (its value is not shown)`);
        // A lone UTF-16 surrogate cannot be encoded (the redactor could not derive its forms, and a
        // process environment holds bytes): refuse it by key, like a NUL.
        if (!item.isWellFormed())
            throw new errors/* UsageError */.eb('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE}.${name.slice(0, 60)}: a secret must be valid Unicode text (its value is not shown)`);
        bundle[name] = item;
    }
    return bundle;
}

;// CONCATENATED MODULE: ./src/run/executor.ts










/** Time limit of one step attempt when the step sets none. */
const DEFAULT_STEP_TIMEOUT = '15m';
/** Time limit of a whole run when the definition sets none. */
const DEFAULT_RUN_TIMEOUT = '1h';
/**
 * Runs a verified plan: check -> steps -> verify, rollback when steps or verify fail. Tells the
 * recorder about every step as it goes and returns what happened; the caller closes the record
 * with it. Never throws for a step's failure; an engine fault around a step is returned as
 * `fault` once the rollback has run, and anything thrown before a step ran is the caller's to
 * record as `crashed`.
 */
async function executePlan(plan, recorder, deps) {
    const runTimeoutMs = (0,core_definition/* parseDuration */.E9)(plan.definition.timeout ?? DEFAULT_RUN_TIMEOUT);
    // Scratch-space operations are small and local: synchronous calls skip a thread-pool round
    // trip each (a trivial run made about fifteen of them). Made before the run timer starts, so a
    // full or read-only temp folder fails the run without leaving a timer (or a folder) behind.
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(deps.scratchRoot, 'remediate-run-'));
    const workspace = (0,external_node_path_.join)(scratch, 'workspace');
    let copies;
    /**
     * The rollback must be able to start on a full disk, the very fault it may have to undo: a
     * copy and an output file are made for it before any step runs, and used when fresh ones
     * cannot be made. The copy is checked before use like any other.
     */
    let reserve;
    try {
        (0,external_node_fs_.mkdirSync)(workspace, { mode: 0o700 });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(scratch, 'outputs'), { mode: 0o700 });
        copies = DefinitionCopies.create(scratch, plan.files);
        // A check-only run never rolls back: it needs no reserve.
        if (plan.definition.rollback.length > 0 && plan.checkOnly !== true) {
            const outputFile = (0,external_node_path_.join)(scratch, 'outputs', 'rollback-reserve.out');
            (0,external_node_fs_.writeFileSync)(outputFile, '', { mode: 0o600 });
            reserve = { copy: copies.make(), outputFile };
        }
    }
    catch (error) {
        closeQuietly(copies, recorder);
        removeQuietly(scratch, recorder);
        throw error;
    }
    const store = copies;
    const runTimeout = new AbortController();
    const timer = setTimeout(() => runTimeout.abort(), runTimeoutMs);
    const stop = AbortSignal.any([deps.cancel, runTimeout.signal]);
    const stopReason = () => (runTimeout.signal.aborted && !deps.cancel.aborted ? 'timed-out' : 'cancelled');
    const outputs = nullObject();
    const outputOrigins = new Map();
    const byStep = new Map();
    let sequence = 0;
    /** The first fault of the engine around a step; thrown once the rollback has run. */
    let engineFault;
    const runStage = async (stage, step) => {
        const record = recorder.startStep({
            stage,
            id: step.id,
            ...(step.name !== undefined ? { name: step.name } : {}),
            continueOnError: step['continue-on-error'] ?? false,
            started: deps.clock().toISOString(),
        });
        /** Why the step failed around its process, when it did (recorded redacted). */
        let error;
        const startedAt = deps.clock().getTime();
        const maxAttempts = 1 + (step.retries ?? 0);
        let result;
        let outcome;
        /** Whether the record failing stopped this step (or kept it from starting). */
        let stoppedForRecord = false;
        let stepOutputs = nullObject();
        // A record that can no longer be written (a full disk) stops every step but the rollback's:
        // nothing may go on changing the system unrecorded, and undoing what was done matters more
        // than recording the undoing.
        const stepStop = stage === 'rollback' ? stop : AbortSignal.any([stop, recorder.failed]);
        try {
            for (let attempt = 1; attempt <= maxAttempts && !stepStop.aborted; attempt++) {
                recorder.stepAttempt(record, attempt);
                const { copy, outputFile, reserved } = prepare(stage, ++sequence);
                try {
                    const definitionDir = copy.dir;
                    const cwd = (0,external_node_path_.join)(workspace, step['working-directory'] ?? '');
                    (0,external_node_fs_.mkdirSync)(cwd, { recursive: true });
                    const env = buildStepEnvironment(deps.callerEnv, plan.definition, step, plan.params, plan.targetFacts ?? {}, plan.secrets, outputs, { definitionDir, workspace, outputFile }, { name: plan.name, version: plan.version, runId: plan.runId, stage });
                    recorder.marker(`==> ${stage}/${step.id} attempt ${attempt}/${maxAttempts}`);
                    if (step.name)
                        recorder.line(`    ${step.name}`);
                    // The marker may have been the write that failed: then the step does not start at all.
                    if (stepStop.aborted) {
                        stoppedForRecord = !stop.aborted;
                        break;
                    }
                    const timeoutMs = (0,core_definition/* parseDuration */.E9)(step.timeout ?? DEFAULT_STEP_TIMEOUT);
                    // Checked right before the spawn, against the verified bytes and the copy as it was made:
                    // a copy something rewrote (a daemon an earlier step left) never runs.
                    const changedBefore = copy.problem(true);
                    result =
                        changedBefore !== undefined
                            ? notStarted(`its copy of the definition changed before it started: ${changedBefore}`)
                            : await deps.runner.run({
                                command: step.shell === 'sh' ? 'sh' : 'bash',
                                args: shellArgs(step),
                                cwd,
                                env,
                                timeoutMs,
                                killGraceMs: deps.killGraceMs,
                                signal: stepStop,
                                onStdout: (chunk) => recorder.stdout(chunk),
                                onStderr: (chunk) => recorder.stderr(chunk),
                            });
                    recorder.endStreams();
                    // A change while the step ran, even one undone since, cannot be prevented for a
                    // same-user process that read the step's environment; it is reported (README).
                    const changedWhile = changedBefore === undefined ? copy.problem(false) : undefined;
                    if (changedWhile !== undefined) {
                        recorder.line(`!! ${stage}/${step.id}: its copy of the definition changed while it ran (${changedWhile}): what it ran may not be the verified bytes`);
                    }
                    stoppedForRecord = stepStop.aborted && !stop.aborted;
                    outcome = stoppedForRecord ? 'failed' : outcomeOf(stage, result);
                    if (result.spawnError)
                        recorder.line(`!! ${stage}/${step.id} could not start: ${result.spawnError}`);
                    recorder.marker(`<== ${stage}/${step.id} ${describeResult(result, timeoutMs)} (${outcome})`);
                    // Outputs of a failed attempt are kept too: rollback may need what the step managed to note.
                    const parsed = readOutputFile(outputFile);
                    const kept = parsed.ok ? withoutSecretNames(parsed.outputs, recorder, `${stage}/${step.id}`) : nullObject();
                    // Outputs too big for an environment would stop every later step, the rollback included.
                    const problem = parsed.ok ? checkOutputsFit(step.id, kept, outputs) : parsed.problem;
                    if (problem === undefined)
                        stepOutputs = kept;
                    else
                        recorder.line(`!! ${stage}/${step.id}: outputs ignored: ${problem}`);
                    if (outcome === 'succeeded' || outcome === 'drift')
                        break;
                    if (attempt < maxAttempts && !stepStop.aborted) {
                        const delay = Math.min(deps.retryBackoffMs * 2 ** (attempt - 1), 30_000);
                        recorder.line(`.. retrying ${stage}/${step.id} in ${delay} ms`);
                        recorder.flush();
                        await sleep(delay, stepStop);
                    }
                }
                finally {
                    if (!reserved)
                        removeQuietly(copy.dir, recorder);
                }
            }
        }
        catch (fault) {
            // The engine failed around the step (say, its working directory could not be made, or its
            // copy could not be written to a full disk): the step is recorded as failed with the
            // reason, the rollback still runs, and the run is recorded as crashed by the caller.
            error = (0,errors/* describeError */.Uc)(fault);
            engineFault ??= { error: fault };
        }
        finally {
            const final = result ?? { exitCode: null, signal: null, timedOut: false, aborted: stop.aborted };
            if (final.spawnError)
                error = final.spawnError;
            if (stoppedForRecord && recorder.failure && error === undefined) {
                error = `stopped: ${describeRecordFailure(recorder.failure)}`;
            }
            if (error !== undefined)
                recorder.stepError(record, error);
            byStep.set(step.id, stepOutputs);
            for (const note of exposeOutputs(outputs, outputOrigins, step.id, stepOutputs))
                recorder.line(`!! ${stage}/${step.id}: ${note}`);
            recorder.endStep(record, {
                ended: deps.clock().toISOString(),
                durationMs: Math.max(0, deps.clock().getTime() - startedAt),
                exitCode: final.exitCode,
                signal: final.signal,
                outcome: outcome ?? (result || stop.aborted ? outcomeOf(stage, final) : 'failed'),
                outputs: stepOutputs,
            });
        }
        return record;
    };
    /**
     * A fresh copy (under a new unpredictable name, made after the previous step's process group
     * is gone) and a fresh output file for one attempt; for a rollback step that cannot have them
     * (a full disk), the reserved ones.
     */
    const prepare = (stage, n) => {
        const outputFile = (0,external_node_path_.join)(scratch, 'outputs', `${n}.out`);
        try {
            (0,external_node_fs_.writeFileSync)(outputFile, '', { mode: 0o600 });
            return { copy: store.make(), outputFile, reserved: false };
        }
        catch (error) {
            if (stage !== 'rollback' || reserve === undefined)
                throw error;
            recorder.line(`!! rollback: no fresh copy could be made (${(0,errors/* describeError */.Uc)(error)}); using the one reserved at the start`);
            // Emptying the reserved output file needs no space.
            (0,external_node_fs_.writeFileSync)(reserve.outputFile, '');
            return { ...reserve, reserved: true };
        }
    };
    let stages;
    try {
        stages = await runStages(plan, recorder, runStage, () => (stop.aborted ? stopReason() : undefined), () => engineFault !== undefined);
    }
    finally {
        clearTimeout(timer);
        closeQuietly(store, recorder);
        removeQuietly(scratch, recorder);
    }
    const runOutputs = {};
    for (const [name, spec] of Object.entries(plan.definition.outputs)) {
        const value = outputOf(byStep.get(spec.step), spec.key);
        if (value !== undefined)
            runOutputs[name] = value;
    }
    return { ...stages, outputs: runOutputs, ...(engineFault !== undefined ? { fault: engineFault.error } : {}) };
}
/**
 * Removes a scratch folder; a failure (a mount or an immutable file a step left, root-owned files
 * on a non-root runner) is written to the log instead of replacing the run's result or error, and
 * the other folders are still removed.
 */
function removeQuietly(dir, recorder) {
    try {
        removeTree(dir);
    }
    catch (error) {
        recorder.line(`!! could not remove scratch folder ${dir}: ${error.message}`);
    }
}
/** Lets go of the copies' folder (making it removable); a failure goes to the log like removeQuietly's. */
function closeQuietly(copies, recorder) {
    try {
        copies?.close();
    }
    catch (error) {
        recorder.line(`!! could not release the copies' folder: ${error.message}`);
    }
}
/** The result of a step that was not started. */
function notStarted(reason) {
    return { exitCode: null, signal: null, timedOut: false, aborted: false, spawnError: reason };
}
// An output *name* that contains a secret would leak it into env names and the record's keys;
// values are redacted, names are dropped (with a note in the log).
function withoutSecretNames(outputs, recorder, where) {
    const kept = nullObject();
    for (const [key, value] of Object.entries(outputs)) {
        if (recorder.redact(key) === key)
            kept[key] = value;
        else
            recorder.line(`!! ${where}: output '${recorder.redact(key)}' dropped: its name contains a secret`);
    }
    return kept;
}
function shellArgs(step) {
    // The script text comes from the verified definition; parameters are only ever in the env.
    return step.shell === 'sh'
        ? ['-e', '-u', '-c', step.run, `remediation:${step.id}`]
        : ['--noprofile', '--norc', '-e', '-u', '-o', 'pipefail', '-c', step.run, `remediation:${step.id}`];
}
function outcomeOf(stage, result) {
    if (result.aborted)
        return 'cancelled';
    if (result.timedOut)
        return 'timed-out';
    if (result.exitCode === 0)
        return 'succeeded';
    if (stage === 'check' && result.exitCode === 1)
        return 'drift';
    return 'failed';
}
function describeResult(result, timeoutMs) {
    if (result.spawnError)
        return 'could not start';
    if (result.timedOut)
        return `timed out after ${timeoutMs} ms; process group killed`;
    if (result.aborted)
        return 'stopped; process group killed';
    return result.signal ? `killed by ${result.signal}` : `exit ${result.exitCode}`;
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        }
        signal.addEventListener('abort', done, { once: true });
    });
}

// EXTERNAL MODULE: ./src/core/dsse.ts
var dsse = __webpack_require__(99394);
// EXTERNAL MODULE: ./src/record/read-snapshot.ts
var read_snapshot = __webpack_require__(82170);
// EXTERNAL MODULE: ./src/record/receipt.ts
var receipt = __webpack_require__(24109);
;// CONCATENATED MODULE: ./src/record/receipt-writer.ts
// Writes the signed run receipt of a closed record: the one writer of receipt.dsse.json. Also
// builds the Statement the Action attests. Both read each record file once, and check what they
// read against the record's seal before anything is signed.












/**
 * The Statement about a closed record folder: its files' digests and its snapshot, from one read
 * of each file; with a seal, refused (RECORD_TAMPERED) unless those bytes are what was closed.
 */
function recordStatement(dir, seal) {
    const read = (name, maxBytes) => (0,bounded_file/* tryReadBoundedFile */.D)((0,external_node_path_.join)(dir, name), { label: 'record file', maxBytes });
    const snapshot = read(record_files/* SNAPSHOT_FILE */.QX, record_files/* MAX_RECORD_FILE_BYTES */.iV);
    const chain = read(record_files/* CHAIN_FILE */.Hv, record_files/* MAX_RECORD_FILE_BYTES */.iV);
    const definition = read(definition_bundle/* DEFINITION_FILE */.bq, definition_bundle/* MAX_BUNDLE_BYTES */.Me);
    if (snapshot === undefined || chain === undefined) {
        throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: a record file is missing; nothing was signed`);
    }
    const changed = (what) => new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: ${what} changed after the record was closed and before it was signed; nothing was signed`);
    // The log can be gigabytes: it is read once, in pieces, hashed whole and checked block by block
    // against the chain, so what is signed is what was checked, in bounded memory.
    const log = digestLogFile((0,external_node_path_.join)(dir, record_files/* LOG_FILE */.UP), chain.toString('utf8'));
    if (seal !== undefined) {
        if (!snapshot.equals(seal.snapshot))
            throw changed(record_files/* SNAPSHOT_FILE */.QX);
        if (seal.log !== undefined) {
            const problem = log.problem ??
                (log.bytes !== seal.log.bytes || log.tail > 0 || log.head !== seal.log.head
                    ? `its chain covers ${log.bytes} bytes (${log.tail} more unchained) with head ${log.head}, expected ${seal.log.bytes} with head ${seal.log.head}`
                    : undefined);
            if (problem !== undefined)
                throw changed(`${record_files/* LOG_FILE */.UP} or ${record_files/* CHAIN_FILE */.Hv} (${problem})`);
        }
        if (seal.definitionSha256 !== undefined) {
            const actual = definition === undefined ? null : (0,tree_digest/* sha256Hex */.fg)(definition);
            if (actual !== seal.definitionSha256)
                throw changed(definition_bundle/* DEFINITION_FILE */.bq);
        }
    }
    const subjects = [
        { name: record_files/* SNAPSHOT_FILE */.QX, digest: { sha256: (0,tree_digest/* sha256Hex */.fg)(snapshot) } },
        { name: record_files/* LOG_FILE */.UP, digest: { sha256: log.sha256 } },
        { name: record_files/* CHAIN_FILE */.Hv, digest: { sha256: (0,tree_digest/* sha256Hex */.fg)(chain) } },
        ...(definition === undefined ? [] : [{ name: definition_bundle/* DEFINITION_FILE */.bq, digest: { sha256: (0,tree_digest/* sha256Hex */.fg)(definition) } }]),
    ];
    return (0,receipt/* receiptStatement */._2)(subjects, (0,read_snapshot/* parseSnapshot */.E)(snapshot, dir));
}
/** Bytes read per call while hashing the log. */
const LOG_CHUNK_BYTES = 1024 * 1024;
/**
 * One streaming pass over run.log: its sha256, and the chain checked block by block (the first
 * problem, or the head and the bytes it covers, and the unchained bytes after them).
 */
function digestLogFile(path, chainText) {
    const blocks = chainText.split('\n').filter((line) => line !== '');
    const whole = (0,external_node_crypto_.createHash)('sha256');
    const buffer = Buffer.allocUnsafe(LOG_CHUNK_BYTES);
    const fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    try {
        if (!(0,external_node_fs_.fstatSync)(fd).isFile())
            throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${path} is not a regular file`);
        let offset = 0;
        let head = log_chain_format/* GENESIS */.hw;
        let problem;
        // Reads `length` bytes at the current offset into the whole-file hash (and `block`); false at EOF.
        const take = (length, block) => {
            let left = length;
            while (left > 0) {
                const read = (0,external_node_fs_.readSync)(fd, buffer, 0, Math.min(left, LOG_CHUNK_BYTES), offset);
                if (read === 0)
                    return false;
                const piece = buffer.subarray(0, read);
                whole.update(piece);
                block?.update(piece);
                offset += read;
                left -= read;
            }
            return true;
        };
        for (const [k, line] of blocks.entries()) {
            const block = (0,log_chain_format/* parseChainLine */.Zl)(line);
            if (block === undefined || block.i !== k || block.start !== offset || block.end <= block.start) {
                problem = `${record_files/* CHAIN_FILE */.Hv} line ${k + 1} is not the next block`;
                break;
            }
            const hash = (0,external_node_crypto_.createHash)('sha256');
            if (!take(block.end - block.start, hash)) {
                problem = `${record_files/* LOG_FILE */.UP} ends inside block ${k}`;
                break;
            }
            const link = (0,log_chain_format/* chainLink */.C9)(head, block.i, block.start, block.end, block.sha256);
            if (hash.digest('hex') !== block.sha256 || link !== block.chain) {
                problem = `block ${k} does not match its chain line`;
                break;
            }
            head = link;
        }
        const bytes = offset;
        while (take(LOG_CHUNK_BYTES))
            ;
        return { sha256: whole.digest('hex'), head, bytes, tail: offset - bytes, ...(problem ? { problem } : {}) };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * Signs the closed record's Statement with the run key as a DSSE envelope (the same Ed25519 over
 * PAE code as the manifest) and writes it atomically as receipt.dsse.json.
 */
function writeReceipt(dir, key, seal) {
    const statement = recordStatement(dir, seal);
    const envelope = (0,dsse/* signEnvelope */.Yj)(receipt/* IN_TOTO_PAYLOAD_TYPE */.T4, (0,receipt/* statementBytes */.Tp)(statement), [key]);
    const file = (0,external_node_path_.join)(dir, receipt/* RECEIPT_FILE */.aH);
    const temp = (0,external_node_path_.join)(dir, `.${receipt/* RECEIPT_FILE */.aH}.tmp`);
    (0,external_node_fs_.writeFileSync)(temp, (0,dsse/* serialiseEnvelope */.YX)(envelope), { mode: 0o644 });
    (0,external_node_fs_.renameSync)(temp, file);
    return { file, keyid: key.keyid, statement };
}

// EXTERNAL MODULE: ./src/record/snapshot-digests.ts
var snapshot_digests = __webpack_require__(12177);
// EXTERNAL MODULE: ./src/core/plan-digest.ts
var plan_digest = __webpack_require__(39137);
;// CONCATENATED MODULE: ./src/app/approval-check.ts
/** Why the run is not approved in `environment`, or undefined when it is. */
function approvalProblem(record, environment) {
    if (record === undefined || record.reviews === undefined) {
        return `this run must be approved in the environment '${environment}', but its reviews could not be read${record?.unavailable !== undefined ? ` (${record.unavailable})` : ''}; grant actions: read and re-run`;
    }
    // GitHub compares environment names without case.
    const here = record.reviews.filter((review) => review.environments.some((name) => name.toLowerCase() === environment.toLowerCase()));
    const rejected = here.filter((review) => review.state === 'rejected');
    if (rejected.length > 0) {
        return `a reviewer rejected this run in the environment '${environment}' (${rejected.map((r) => r.user).join(', ')}): it does not run`;
    }
    if (!here.some((review) => review.state === 'approved')) {
        return `this run must be approved in the environment '${environment}', but no reviewer approved it there (the workflow run's reviews: ${record.reviews.length === 0 ? 'none' : record.reviews.map((r) => `${r.user} ${r.state} ${r.environments.join('+')}`).join(', ')}). Give the environment required reviewers (Settings -> Environments -> ${environment} -> Required reviewers); a misspelt or new environment holds nobody`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/record/snapshot.ts
/** `schema` of a run snapshot; bumped only with a format change. */
const SNAPSHOT_SCHEMA = 'https://remediate.dev/schemas/run-snapshot-v1.json';

// EXTERNAL MODULE: ./src/adapters/sealed-environment.ts
var sealed_environment = __webpack_require__(50070);
;// CONCATENATED MODULE: ./src/version.ts
/** The tool's version, reported in every run record. Kept in step with package.json by a test. */
const TOOL_VERSION = '0.1.0';

// EXTERNAL MODULE: ./src/core/definition-parser.ts + 1 modules
var definition_parser = __webpack_require__(24324);
// EXTERNAL MODULE: ./src/core/manifest-verifier.ts
var manifest_verifier = __webpack_require__(4933);
;// CONCATENATED MODULE: ./src/core/closest-match.ts
// "Did you mean ...?" for a mistyped command or option: the candidate nearest by edit distance,
// when it is near enough to be a typo rather than another word.
/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, so `relase` -> `release` and `--trusted-kye` ->
 * `--trusted-key` are both 1 (a swap is the most common typo; plain Levenshtein counts it as 2).
 */
function editDistance(a, b) {
    // rows[i][j]: distance between the first i characters of a and the first j of b.
    const rows = [];
    for (let i = 0; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            if (i === 0) {
                row.push(j);
                continue;
            }
            const above = rows[i - 1];
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, rows[i - 2][j - 2] + 1);
            row.push(best);
        }
        rows.push(row);
    }
    return rows[a.length][b.length];
}
/**
 * The candidate closest to `given`, or undefined when none is within a third of its length (at
 * least 1): `frobnicate` suggests nothing rather than a random command. Ties go to the earlier
 * candidate, so the order of the command table decides.
 */
function closestMatch(given, candidates) {
    const limit = Math.max(1, Math.floor(given.length / 3));
    let best;
    for (const candidate of candidates) {
        if (candidate === given)
            continue;
        const distance = editDistance(given.toLowerCase(), candidate.toLowerCase());
        if (distance <= limit && (best === undefined || distance < best.distance))
            best = { candidate, distance };
    }
    return best?.candidate;
}
/** `; did you mean 'x'?` for an error message, or nothing when no candidate is close. */
function didYouMean(given, candidates) {
    const match = closestMatch(given, candidates);
    return match === undefined ? '' : `; did you mean '${match}'?`;
}

;// CONCATENATED MODULE: ./src/core/release-check.ts


/**
 * Matches what the repository holds now against what was signed at release. Pure: the caller
 * resolves the tag and computes the digest from git objects.
 */
function checkRelease(ref, resolved, manifest) {
    const entry = checkReleaseEntry(ref, resolved.commit, manifest);
    checkReleaseDigest(ref, entry, resolved.digest);
    return { ref, commit: resolved.commit, digest: resolved.digest, entry, manifest };
}
/**
 * The checks that need only the tag's commit: done before any file of the tree is read, so a
 * moved tag is refused as such (and recorded) even when it points somewhere without the folder.
 */
function checkReleaseEntry(ref, commit, manifest) {
    const versions = Object.hasOwn(manifest.payload.remediations, ref.name)
        ? manifest.payload.remediations[ref.name]
        : undefined;
    const entry = versions && Object.hasOwn(versions, ref.version) ? versions[ref.version] : undefined;
    // An unsigned version, however well-formed, is exactly what the manifest exists to keep out.
    if (!entry) {
        const known = versions ? Object.keys(versions).join(', ') : 'none';
        throw new errors/* TrustError */.Ru('UNKNOWN_VERSION', `manifest entry check: expected ${ref.name}@${ref.version} in manifest serial ${manifest.payload.serial}, got no such version (released versions of ${ref.name}: ${known})${closeNames(manifest, ref.name)}`);
    }
    // The entry must be the one for this tag (a signed entry copied under another version name).
    if (entry.tag !== ref.tag) {
        throw new errors/* TrustError */.Ru('TAG_MISMATCH', `manifest tag check: expected ${ref.tag}, got ${entry.tag}`);
    }
    // Tag moved, or deleted and re-created elsewhere: the tag now names a commit nobody signed.
    if (entry.commit !== commit) {
        throw new errors/* TrustError */.Ru('COMMIT_MISMATCH', `commit check: tag ${ref.tag} points at ${commit}, but the manifest released ${entry.commit} (the tag was moved or re-created)`);
    }
    // Withdrawn versions stay in the manifest so history is kept, but must not run again.
    if (entry.yanked) {
        throw new errors/* TrustError */.Ru('YANKED', `yank check: ${ref.name}@${ref.version} was yanked at ${entry.yanked.at}: ${entry.yanked.reason}` +
            (entry.yanked.replacement !== undefined ? `; run ${ref.name}@${entry.yanked.replacement} instead` : ''));
    }
    return entry;
}
/** Content changed after release (history rewritten, objects replaced): refuse the bytes. */
function checkReleaseDigest(ref, entry, digest) {
    if (entry.digest !== digest) {
        throw new errors/* TrustError */.Ru('DIGEST_MISMATCH', `digest check: expected ${entry.digest} (signed at release), got ${digest} from ${ref.tag}`);
    }
}
/**
 * `; did you mean a or b?` naming the released remediations close to `name` when the manifest
 * has none of that name (a typo), else ''.
 */
function closeNames(manifest, name) {
    const names = Object.keys(manifest.payload.remediations);
    if (names.includes(name))
        return '';
    const close = names.filter((n) => editDistance(n, name) <= Math.max(2, Math.floor(name.length / 3)));
    return close.length ? `; did you mean ${close.join(' or ')}?` : '';
}

// EXTERNAL MODULE: ./src/adapters/remediation-source.ts
var remediation_source = __webpack_require__(35703);
;// CONCATENATED MODULE: ./src/app/resolve-release.ts






/**
 * name@version -> tag -> commit -> files -> digest, then the manifest check. Throws a TrustError
 * naming the failed check; nothing is returned unless every check passed.
 */
async function resolveRelease(git, ref, manifestBytes, trustedKeys, policy) {
    // Verify the manifest first: nothing from the repository is even parsed for an untrusted manifest.
    const manifest = (0,manifest_verifier/* verifyManifest */.TX)(manifestBytes, trustedKeys, policy);
    const commit = await git.tryResolveTag(ref.tag);
    if (!commit) {
        throw new errors/* TrustError */.Ru('TAG_NOT_FOUND', `tag check: expected tag ${ref.tag} in the repository, got none (fetch tags with 'git fetch --tags', or check the version)${closeNames(manifest, ref.name)}`);
    }
    // The commit is checked against the signed entry before any file is read.
    checkReleaseEntry(ref, commit, manifest);
    const files = await (0,remediation_source/* readRemediationAtCommit */.k_)(git, commit, ref.name);
    const release = checkRelease(ref, { commit, digest: (0,tree_digest/* treeDigest */.fZ)(files) }, manifest);
    const definitionFile = files.find((f) => f.path === 'remediation.yml');
    if (!definitionFile) {
        throw new errors/* TrustError */.Ru('UNSAFE_TREE', `${(0,remediation_source/* remediationDir */.D3)(ref.name)}/remediation.yml is missing at ${ref.tag}`);
    }
    const definition = (0,definition_parser/* parseDefinition */.JA)(`${(0,remediation_source/* remediationDir */.D3)(ref.name)}/remediation.yml`, definitionFile.content, ref.name);
    return { release, files, definition };
}

// EXTERNAL MODULE: ./src/app/run-history.ts
var run_history = __webpack_require__(23483);
;// CONCATENATED MODULE: ./src/record/circuit-breaker.ts
// The circuit breaker's count: pure, over run records already read and validated, and a `now`
// handed in. Listing the records (the --out folder) is the caller's I/O (app/run-history.ts).

/**
 * Whether a run's fix stage started: at least one step of the `steps` stage began. A check that
 * found nothing to fix (healthy), a check error and a refusal have none, and do not count.
 */
function fixStageStarted(snapshot) {
    return snapshot.steps.some((step) => step.stage === 'steps');
}
/**
 * When a run's fix stage started: its first `steps` step's start, else (a record without step
 * times) when the run started. A run whose check took long still counts from when it changed
 * something. Never earlier than the run's own start: a fix step cannot begin before its run, so
 * an earlier stamp is a clock stepped back during the check (NTP on a self-hosted runner), and
 * trusting it would let the run leave the window early (found by review).
 */
function fixStartedAt(snapshot) {
    const runStart = Date.parse(snapshot.started);
    const first = snapshot.steps.find((step) => step.stage === 'steps');
    const at = first === undefined ? Number.NaN : Date.parse(first.started);
    return Number.isFinite(at) ? Math.max(at, runStart) : runStart;
}
/**
 * Counts the past runs of `subject.name` (any version) whose fix stage started within
 * `breaker.within` before `now`, with the same target when `per: target` (no target is a target
 * of its own), and says whether the next run must be refused (count >= max-runs).
 */
function countBreakerRuns(breaker, subject, history, now) {
    const windowStart = now.getTime() - (0,core_definition/* parseDuration */.E9)(breaker.within);
    const counted = history
        .filter(({ snapshot }) => {
        // Attack: a loop of another remediation, or of another target, must not lock this one out;
        // and a new version of the same remediation must not reset the count (any version counts).
        if (snapshot.remediation.name !== subject.name)
            return false;
        if (breaker.per === 'target' && snapshot.target !== subject.target)
            return false;
        // Trying a working tree on a laptop (`remediate try`) is not a run of a released version:
        // it must not open the breaker of the version production runs, nor hide behind it. Each
        // kind counts its own runs.
        if ((snapshot.unreleased === true) !== (subject.unreleased === true))
            return false;
        if (!fixStageStarted(snapshot))
            return false;
        // A record dated after `now` (the clock was set back) still counts: the breaker fails
        // closed rather than letting a clock change reopen it.
        return fixStartedAt(snapshot) >= windowStart;
    })
        .sort((a, b) => fixStartedAt(b.snapshot) - fixStartedAt(a.snapshot));
    const max = breaker['max-runs'];
    if (counted.length < max)
        return { open: false, counted };
    // The breaker closes once all but max-1 counted runs have left the window: when the max-th
    // newest one does.
    const last = counted[max - 1];
    const closesAt = last === undefined ? undefined : new Date(fixStartedAt(last.snapshot) + (0,core_definition/* parseDuration */.E9)(breaker.within));
    return { open: true, counted, ...(closesAt !== undefined ? { closesAt: closesAt.toISOString() } : {}) };
}

;// CONCATENATED MODULE: ./src/record/duplicate-alert.ts
// The duplicate-alert check: pure, over run records already read and validated, and a `now` handed
// in. Reading the history is the caller's I/O (app/run-history.ts); deriving the key is
// core/idempotency-key.ts.

/**
 * How far back a run looks for an earlier run with its idempotency key: 24 hours. Re-sends come
 * within seconds (an HA pair), minutes (retries on 5xx) or hours (Alertmanager's repeat_interval,
 * 4h by default, re-notifies a still-firing alert with the same fingerprint and startsAt); a day
 * covers them. It also bounds the history read: on GitHub every record of the remediation in the
 * window is downloaded (at most HISTORY_MAX_DOWNLOADS), so a week would refuse busy remediations
 * for an unreadable history. An alert still firing a day later with the same key runs again once
 * a day, which the circuit breaker limits like any other run.
 */
const DUPLICATE_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/**
 * The earlier runs that make this one a duplicate, oldest first (the first is the run that took
 * the alert): runs of `subject.name` (any version), with the same key, started within
 * DUPLICATE_LOOKBACK_MS before `now`, whose fix stage started and that did not end `refused`.
 */
function findDuplicateRuns(subject, history, now) {
    const since = now.getTime() - DUPLICATE_LOOKBACK_MS;
    return history
        .filter(({ snapshot }) => {
        // Attack (or accident): an alert delivered twice (a retry after a lost 5xx answer, both
        // Alertmanagers of an HA pair, a re-notification) changes production twice. Any version
        // matches: releasing a new version in between must not make the old alert new again.
        if (snapshot.remediation.name !== subject.name)
            return false;
        if (snapshot.idempotencyKey !== subject.idempotencyKey)
            return false;
        // Only a run that started to change things took the alert: a healthy check, a check error or
        // a refusal (a duplicate refused earlier included, which has no steps) left it to the next
        // delivery. `refused` with steps is no record the recorder writes; it is excluded all the same.
        if (!fixStageStarted(snapshot) || snapshot.status === 'refused')
            return false;
        // A record dated after `now` (the clock was set back) still counts: the check fails closed
        // rather than letting a clock change make an old alert new.
        return Date.parse(snapshot.started) >= since;
    })
        .sort((a, b) => Date.parse(a.snapshot.started) - Date.parse(b.snapshot.started));
}

// EXTERNAL MODULE: ./src/app/terminal-text.ts
var terminal_text = __webpack_require__(31775);
;// CONCATENATED MODULE: ./src/app/run-guards.ts
// The guardrails a run passes after verification and before any step: the circuit breaker (its
// limits from the signed definition) and the duplicate-alert check (the run's idempotency key).
// Both count the same past runs, so the history is read once, far enough back for both. The
// counting is pure (record/circuit-breaker.ts, record/duplicate-alert.ts); reading is the
// RunHistorySource's.





/**
 * Runs the guards that apply (none without a breaker and a key): reads the history once, since the
 * earliest of their windows, and checks the duplicate first (the more specific answer: this alert
 * was taken already), then the breaker. Unreadable records are skipped and named on `out`; a
 * history that cannot be read at all refuses the run (HISTORY_UNAVAILABLE): the guards fail closed.
 */
async function checkRunGuards(subject, source, out, now) {
    const { breaker, idempotencyKey } = subject;
    if (breaker === undefined && idempotencyKey === undefined)
        return { summaries: [] };
    const windows = [
        ...(breaker !== undefined ? [(0,core_definition/* parseDuration */.E9)(breaker.within)] : []),
        ...(idempotencyKey !== undefined ? [DUPLICATE_LOOKBACK_MS] : []),
    ];
    const since = new Date(now.getTime() - Math.max(...windows));
    // Named by the guard the user knows from the definition first; the breaker's wording is kept.
    const reader = breaker !== undefined ? 'circuit breaker' : 'duplicate check';
    let history;
    try {
        history = await source(subject.name, since);
    }
    catch (error) {
        return historyUnavailable(subject, (0,errors/* describeError */.Uc)(error), out);
    }
    for (const { dir, problem } of history.skipped) {
        // Attack: a hostile record's problem (a schema message quoting its bytes) printed raw would put
        // workflow commands (`\n::add-mask::`) or terminal escapes into the job log; one line, escaped.
        out(`${reader}: skipped ${(0,terminal_text/* oneLine */.TN)(dir)}, not a readable record (${(0,terminal_text/* oneLine */.TN)(problem.slice(0, 200))})`);
    }
    const duplicate = idempotencyKey === undefined ? undefined : checkDuplicate(subject.name, idempotencyKey, history, now);
    const breakerVerdict = breaker === undefined ? undefined : checkBreaker(breaker, subject, history, out, now);
    const refusal = duplicate?.refusal ?? breakerVerdict?.refusal;
    return {
        ...(breakerVerdict !== undefined ? { breakerRecord: breakerVerdict.record } : {}),
        summaries: [duplicate?.summary, breakerVerdict?.summary].filter((line) => line !== undefined),
        ...(refusal !== undefined ? { refusal } : {}),
    };
}
const HOUR_MS = 60 * 60 * 1000;
function historyUnavailable(subject, problem, out) {
    const { breaker, idempotencyKey } = subject;
    const why = `cannot read the run history to count past runs (${(0,terminal_text/* oneLine */.TN)(problem.slice(0, 300))}); nothing runs until it can be read`;
    // Attack: making the history unreadable (a token without `actions: read`, an API outage, a
    // damaged --out) must not turn a guard off; nothing runs until the history can be read.
    if (idempotencyKey !== undefined) {
        // The duplicate check fails closed too: --ignore-circuit-breaker is about the breaker's
        // count, not about running one alert twice. Running without the key is the way past it.
        const message = `duplicate check: ${why}, or run without the idempotency key (idempotency key '${idempotencyKey}')`;
        return {
            ...(breaker !== undefined ? { breakerRecord: { counted: 0, ignored: subject.ignoreCircuitBreaker } } : {}),
            summaries: [message],
            refusal: new errors/* TrustError */.Ru('HISTORY_UNAVAILABLE', message),
        };
    }
    const message = `circuit breaker: ${why}, or pass --ignore-circuit-breaker (recorded)`;
    if (subject.ignoreCircuitBreaker) {
        out(`${message}; ignored by --ignore-circuit-breaker, and this is recorded`);
        return { breakerRecord: { counted: 0, ignored: true }, summaries: [message] };
    }
    return {
        breakerRecord: { counted: 0, ignored: false },
        summaries: [message],
        refusal: new errors/* TrustError */.Ru('HISTORY_UNAVAILABLE', message),
    };
}
/** The duplicate-alert check: refused when an earlier run with this key started its fix stage. */
function checkDuplicate(name, key, history, now) {
    const earlier = findDuplicateRuns({ name, idempotencyKey: key }, history.runs, now);
    const first = earlier[0];
    if (first === undefined) {
        return {
            summary: `duplicate check: no earlier run of ${name} took idempotency key '${key}' within ${DUPLICATE_LOOKBACK_MS / HOUR_MS} hours`,
        };
    }
    const { snapshot } = first;
    // Attack (or accident): the same alert delivered again (a retry, the other half of an HA pair,
    // a re-notification, a replayed dispatch) must not change production a second time. What a
    // person does next (escalate, or run it again without the key) is a decision, not a retry.
    const message = [
        `duplicate alert: idempotency key '${key}' was taken by ${snapshot.remediation.version} run ${snapshot.runId}`,
        ` (status ${snapshot.status}, started ${snapshot.started}, record ${(0,terminal_text/* oneLine */.TN)(first.dir)})`,
        earlier.length > 1 ? ` and ${earlier.length - 1} later run(s)` : '',
        '; nothing runs for the same alert twice: look at that run, and to run again for this alert run without the idempotency key',
    ].join('');
    return { summary: message, refusal: new errors/* TrustError */.Ru('DUPLICATE_ALERT', message) };
}
/**
 * Counts this remediation's past runs against the version's circuit breaker; past max-runs the run
 * is refused (CIRCUIT_OPEN) unless --ignore-circuit-breaker, which is recorded.
 */
function checkBreaker(spec, subject, history, out, now) {
    const count = countBreakerRuns(spec, { name: subject.name, target: subject.target, unreleased: subject.unreleased === true }, history.runs, now);
    const ignored = subject.ignoreCircuitBreaker;
    const record = { counted: count.counted.length, ignored };
    const scope = spec.per === 'target'
        ? `for target ${subject.target === undefined ? '(none)' : `'${subject.target}'`}`
        : 'for any target';
    const counted = `${count.counted.length} ${subject.unreleased === true ? 'unreleased (remediate try) ' : ''}run(s) ${scope} started their fix stage within ${spec.within} (max-runs ${spec['max-runs']})`;
    // Attack (or accident): a remediation that keeps firing (a flapping alert, a fix that does not
    // hold, a replayed trigger) and keeps changing production. Past the signed limit nothing runs
    // until the window passes; --force (which only skips the healthy check) does not change that,
    // and only the explicit, recorded --ignore-circuit-breaker does.
    if (count.open && !ignored) {
        const newest = count.counted[0];
        const message = [
            `circuit breaker open: ${counted}`,
            newest === undefined
                ? ''
                : `; newest: ${newest.snapshot.remediation.version} run ${newest.snapshot.runId} at ${new Date(fixStartedAt(newest.snapshot)).toISOString()} (${(0,terminal_text/* oneLine */.TN)(newest.dir)})`,
            count.closesAt === undefined ? '' : `; it closes at ${count.closesAt}`,
            '; escalate to a person, or pass --ignore-circuit-breaker to run anyway (recorded)',
        ].join('');
        return { record, summary: message, refusal: new errors/* TrustError */.Ru('CIRCUIT_OPEN', message) };
    }
    if (count.open) {
        out(`circuit breaker open: ${counted}; ignored by --ignore-circuit-breaker, and this is recorded`);
    }
    return {
        record,
        summary: `circuit breaker: ${counted}${count.open ? '; open, ignored by --ignore-circuit-breaker' : ''}`,
    };
}

;// CONCATENATED MODULE: ./src/app/run.ts























/** The version an unreleased run is recorded under: a prerelease of nothing, never a release's. */

async function runRemediation(settings, deps, unreleased) {
    const { ref } = settings;
    // A replay or an approval is bound to released bytes (a commit, a manifest serial): neither can
    // name the working tree.
    if (unreleased !== undefined && (settings.replay !== undefined || settings.approvedPlanDigest !== undefined)) {
        throw new errors/* UsageError */.eb('USAGE', 'an unreleased run (remediate try) cannot be a replay or an approved plan');
    }
    const checkOnly = settings.checkOnly === true;
    // --force turns a healthy check into a fix; a check-only run fixes nothing, so asking for both
    // is a mistake in the call, refused before anything is read.
    if (checkOnly && settings.force) {
        throw new errors/* UsageError */.eb('USAGE', 'check-only and force cannot be combined: force runs the fix on a healthy target, check-only never runs a fix');
    }
    const started = deps.clock();
    const runId = settings.runId ?? `${started.toISOString().replace(/[-:]|\.\d+/g, '')}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    // The run id names the record folder: one taken from the environment must not be able to point
    // outside --out ('../', '/') or hide as a dot file.
    if (!RUN_ID.test(runId)) {
        throw new errors/* UsageError */.eb('USAGE', `run id '${runId.slice(0, 60)}': expected letters, digits, '.', '_' or '-' (at most 128)`);
    }
    const recordDir = (0,external_node_path_.join)(settings.outDir, `${ref.name}-${ref.version}-${runId}`);
    const base = {
        schema: SNAPSHOT_SCHEMA,
        runId,
        status: 'running',
        secrets: [],
        forced: settings.force,
        ...(unreleased !== undefined ? { unreleased: true } : {}),
        ...(checkOnly ? { checkOnly: true } : {}),
        ...(settings.target !== undefined ? { target: settings.target } : {}),
        ...(settings.idempotencyKey !== undefined ? { idempotencyKey: settings.idempotencyKey } : {}),
        ...(settings.replay !== undefined ? { replayOf: settings.replay.of } : {}),
        ...(settings.approval !== undefined ? { approval: settings.approval } : {}),
        trigger: settings.trigger,
        runner: {
            os: (0,external_node_os_.platform)(),
            arch: (0,external_node_os_.arch)(),
            node: process.version,
            ...(settings.runnerInfo?.name ? { name: settings.runnerInfo.name.slice(0, 256) } : {}),
            ...(settings.runnerInfo?.os ? { runnerOs: settings.runnerInfo.os.slice(0, 64) } : {}),
        },
        tool: { name: 'remediate', version: TOOL_VERSION, bundleDigest: settings.toolDigest },
        started: started.toISOString(),
        steps: [],
        outputs: {},
        log: { file: 'run.log', complete: false },
    };
    // Refused: not one step starts, but the refusal itself is evidence and gets a record.
    const recordRefusal = async (error, breaker, plan) => {
        const recorder = await RunRecorder.create(recordDir, [], {
            ...base,
            status: 'refused',
            remediation: { name: ref.name, version: ref.version, tag: ref.tag },
            ...plan,
            ...(breaker !== undefined ? { circuitBreaker: breaker } : {}),
            error: { code: error.code, message: error.message },
        }, deps.clock, deps.echo, undefined, deps.observer);
        deps.onRecordStarted?.(recordDir);
        recorder.line(`refused ${(0,version_ref/* formatRef */.rq)(ref)} [${error.code}]: ${error.message}`);
        recorder.marker('run refused');
        const snapshotDigest = await recorder.finish({
            status: 'refused',
            error: { code: error.code, message: error.message },
        });
        return {
            kind: 'recorded',
            status: 'refused',
            exitCode: errors/* ExitCode */.yU.refused,
            recordDir,
            snapshotDigest,
            outputs: {},
            refusal: error,
            snapshot: recorder.snapshot,
            ...sealed(recorder.seal),
            ...signRecord(recordDir, settings.signKey, recorder.seal),
        };
    };
    let resolved;
    if (unreleased !== undefined) {
        resolved = unreleased;
    }
    else {
        try {
            resolved = await resolveRelease(deps.git, ref, deps.manifestBytes, deps.trustedKeys, {
                threshold: settings.threshold,
                minSerial: settings.minSerial,
                now: started,
                ...(settings.published !== undefined ? { published: settings.published } : {}),
                ...(settings.acceptOlderSerial !== undefined ? { acceptOlderSerial: settings.acceptOlderSerial } : {}),
            });
        }
        catch (error) {
            if (!(error instanceof errors/* TrustError */.Ru) || settings.dryRun)
                throw error;
            return recordRefusal(error);
        }
    }
    // Everything is read: the git helper process ends before any step exists.
    deps.git.close?.();
    // `release` is undefined on an unreleased run: nothing was verified.
    const { release, definition, files } = resolved;
    const digest = release?.digest ?? (0,tree_digest/* treeDigest */.fZ)(files);
    const manifestSerial = release?.manifest.payload.serial;
    // Only the serial the caller named gets this far below the published one (the verifier refuses
    // any other): a recovery that the record and the log must show.
    const { published } = settings;
    const belowPublished = published !== undefined && manifestSerial !== undefined && manifestSerial < published.serial
        ? published
        : undefined;
    // Attack: a replay that would run other bytes than the run it repeats (the record's version
    // re-released under a compromised key, or a record whose claims were forged). A replay runs the
    // same commit and definition digest, or nothing.
    const { replay } = settings;
    if (replay !== undefined &&
        release !== undefined &&
        (replay.commit !== release.commit || replay.digest !== release.digest)) {
        const mismatch = new errors/* TrustError */.Ru(replay.commit !== release.commit ? 'COMMIT_MISMATCH' : 'DIGEST_MISMATCH', `replay of run ${replay.of.runId}: the record ran commit ${replay.commit} digest ${replay.digest}, but ${(0,version_ref/* formatRef */.rq)(ref)} verifies now as commit ${release.commit} digest ${release.digest}`);
        if (settings.dryRun)
            throw mismatch;
        return recordRefusal(mismatch);
    }
    // The guards (circuit breaker, duplicate alert) run after verification: the breaker's limits
    // are read from the verified definition only, so they are what was signed.
    const guards = await checkRunGuards({
        name: ref.name,
        // A check-only run starts no fix: the breaker neither counts nor refuses it, and it takes no alert.
        breaker: checkOnly ? undefined : definition['circuit-breaker'],
        target: settings.target,
        idempotencyKey: checkOnly ? undefined : settings.idempotencyKey,
        ignoreCircuitBreaker: settings.ignoreCircuitBreaker === true,
        unreleased: unreleased !== undefined,
    }, deps.history ?? (0,run_history/* localRunHistory */.rw)(settings.outDir), deps.out, started);
    if (guards.refusal !== undefined) {
        if (settings.dryRun)
            throw guards.refusal;
        return recordRefusal(guards.refusal, guards.breakerRecord);
    }
    // Built with Object.fromEntries (own data properties only), so a parameter named `__proto__`
    // is an ordinary unknown name, refused below, and never touches an object's prototype.
    const given = Object.fromEntries([
        ...Object.entries(settings.params),
        ...Object.entries(settings.cliParams).map(([key, text]) => [
            key,
            (0,param_validation/* coerceCliValue */.r0)(Object.hasOwn(definition.inputs, key) ? definition.inputs[key] : undefined, text),
        ]),
    ]);
    const params = (0,param_validation/* resolveParams */.xg)(definition.inputs, given);
    const targetFacts = settings.targetFacts ?? {};
    // Attack: a targets file (reviewed, but not signed) setting TARGET_X where the signed definition
    // sets TARGET_X itself (its env, a step's env, a declared secret), replacing what was released
    // or a secret's value. Refused before anything runs rather than one silently winning.
    const taken = (0,targets_config/* factConflicts */.yr)(targetFacts, [
        ...Object.keys(definition.env),
        ...core_definition/* STAGES */.an.flatMap((stage) => definition[stage].flatMap((step) => Object.keys(step.env ?? {}))),
        ...definition.secrets,
        ...(definition['optional-secrets'] ?? []),
    ]);
    if (taken.length > 0) {
        throw new errors/* UsageError */.eb('INVALID_PARAMS', `target facts: ${taken.join(', ')} ${taken.length > 1 ? 'are' : 'is'} set by ${(0,version_ref/* formatRef */.rq)(ref)} itself (its env or secrets); rename the fact in the targets file`);
    }
    const { secrets, missing, masked } = collectSecrets(definition.secrets, deps.callerEnv, definition['optional-secrets'] ?? []);
    // Mask before anything can print, including values of the bundle this version does not declare.
    deps.onSecrets?.(masked);
    // A dry run (the approval mode's plan job, which runs outside the protected environment that
    // holds the secrets) shows the plan without them; a run that executes needs every one.
    if (missing.length && settings.dryRun) {
        deps.out(`note: secret(s) ${missing.join(', ')} are not set here; the run that executes must have them`);
    }
    else if (missing.length) {
        throw new errors/* UsageError */.eb('MISSING_SECRET', `${(0,version_ref/* formatRef */.rq)(ref)} declares secret(s) ${missing.join(', ')}, but neither the environment nor ${SECRETS_BUNDLE_VARIABLE} sets them; export them (on GitHub: env: ${missing[0]}: \${{ secrets.${missing[0]} }}, or pass a REMEDIATION_SECRETS JSON secret to the reusable workflows)`);
    }
    // Everything the tool knows to be secret is redacted from the record, declared or not: the
    // declared secrets, every value of the bundle, and the caller's credentials by name (the
    // tool's own tokens included). A step can print what it should not have been able to see (on a
    // GitHub-hosted runner it has sudo); the record must not keep it.
    const secretValues = [...new Set([...masked, ...(0,sealed_environment/* credentialValues */.w2)(deps.callerEnv)])];
    const recordedParams = (0,redactor/* redactValue */.FI)(params, secretValues);
    // A replay runs with the parameters it repeats, or not at all: a value now redacted (a secret of
    // this run equals a parameter) or changed in resolving would make the new record differ.
    if (replay !== undefined && (0,snapshot_digests/* paramsDigest */.hB)(recordedParams) !== replay.paramsDigest) {
        throw new errors/* UsageError */.eb('NOT_REPLAYABLE', `replay of run ${replay.of.runId}: the parameters resolve to digest ${(0,snapshot_digests/* paramsDigest */.hB)(recordedParams)} here, expected ${replay.paramsDigest} as recorded (a secret value of this run appears in a parameter, or the record's values changed)`);
    }
    const verifiedFacts = {
        remediation: {
            name: ref.name,
            version: ref.version,
            tag: ref.tag,
            // An unreleased run names no commit: the working tree's files ran, whatever HEAD is.
            ...(release !== undefined ? { commit: release.commit } : {}),
            digest,
            files: (0,tree_digest/* treeListing */.dF)(files),
        },
        ...(release !== undefined
            ? {
                manifest: {
                    serial: release.manifest.payload.serial,
                    digest: release.manifest.digest,
                    signers: release.manifest.signers,
                    threshold: settings.threshold,
                    minSerial: settings.minSerial,
                    ...(published !== undefined ? { publishedSerial: published.serial } : {}),
                    ...(belowPublished !== undefined ? { acceptedBelowPublished: true } : {}),
                },
            }
            : {}),
        params: { values: recordedParams, digest: (0,snapshot_digests/* paramsDigest */.hB)(recordedParams) },
    };
    // An unreleased run has no plan digest: there is no release for an approval to be bound to.
    const thisPlan = release === undefined
        ? undefined
        : (0,plan_digest/* planDigest */.G)({
            remediation: (0,version_ref/* formatRef */.rq)(ref),
            commit: release.commit,
            digest: release.digest,
            paramsDigest: verifiedFacts.params.digest,
            manifestSerial: release.manifest.payload.serial,
            target: settings.target ?? '',
            targetFacts: (0,redactor/* redactValue */.FI)(targetFacts, secretValues),
            force: settings.force,
            checkOnly,
            // As recorded: overriding a breaker the version declares (the plan shows it).
            ignoreCircuitBreaker: guards.breakerRecord?.ignored === true,
        });
    const planRecord = settings.approvedPlanDigest !== undefined && thisPlan !== undefined
        ? { plan: { digest: thisPlan, approved: settings.approvedPlanDigest } }
        : {};
    // Attack: the plan a reviewer approved is not what would run now (a new manifest re-pointed or
    // replaced the version, other parameters or target, force flipped). An approval is bound to one
    // plan digest; anything else is refused before any step, and recorded with both digests.
    if (settings.approvedPlanDigest !== undefined && release !== undefined && settings.approvedPlanDigest !== thisPlan) {
        const changed = new errors/* TrustError */.Ru('PLAN_CHANGED', `the approved plan was ${settings.approvedPlanDigest}, but what verifies now plans ${thisPlan} (${(0,version_ref/* formatRef */.rq)(ref)} at commit ${release.commit}, digest ${release.digest}, manifest serial ${release.manifest.payload.serial}, parameters ${verifiedFacts.params.digest}, target '${settings.target ?? ''}', force ${settings.force}); run the plan again and approve what it shows`);
        if (settings.dryRun)
            throw changed;
        // A refused record holds no verified facts (the schema keeps refusals to what was asked);
        // the message names them, and both digests are recorded.
        return recordRefusal(changed, guards.breakerRecord, planRecord);
    }
    // The environment's reviewers must have approved (app/approval-check.ts says which attack this
    // stops). A dry run is the plan, which runs outside the environment and needs no approval.
    if (settings.requiredApproval !== undefined && !settings.dryRun) {
        const problem = approvalProblem(settings.approval, settings.requiredApproval);
        if (problem !== undefined)
            return recordRefusal(new errors/* TrustError */.Ru('NOT_APPROVED', problem), guards.breakerRecord, planRecord);
    }
    const plan = {
        name: ref.name,
        version: ref.version,
        runId,
        release: release === undefined
            ? { unreleased: true, digest }
            : {
                commit: release.commit,
                digest: release.digest,
                manifestSerial: release.manifest.payload.serial,
                manifestDigest: release.manifest.digest,
                signers: release.manifest.signers,
            },
        definition,
        files,
        params,
        ...(Object.keys(targetFacts).length > 0 ? { targetFacts } : {}),
        secrets,
        force: settings.force,
        ...(checkOnly ? { checkOnly: true } : {}),
        ...(guards.breakerRecord?.ignored === true ? { ignoreCircuitBreaker: true } : {}),
    };
    if (settings.dryRun) {
        printPlan(deps.out, plan, recordedParams, thisPlan, (0,redactor/* redactValue */.FI)(targetFacts, secretValues));
        if (release === undefined || thisPlan === undefined) {
            return { kind: 'planned', unreleased: true, exitCode: errors/* ExitCode */.yU.ok, plan, digest, recordedParams };
        }
        return {
            kind: 'planned',
            exitCode: errors/* ExitCode */.yU.ok,
            plan,
            digest: release.digest,
            manifestSerial: release.manifest.payload.serial,
            planDigest: thisPlan,
            recordedParams,
        };
    }
    const snapshot = {
        ...base,
        // The names the steps received: every declared secret, and the optional ones that were set.
        secrets: [...definition.secrets, ...(definition['optional-secrets'] ?? []).filter((name) => name in secrets)],
        ...verifiedFacts,
        ...(guards.breakerRecord !== undefined ? { circuitBreaker: guards.breakerRecord } : {}),
        ...planRecord,
        ...(plan.targetFacts !== undefined ? { targetFacts: (0,redactor/* redactValue */.FI)(plan.targetFacts, secretValues) } : {}),
    };
    const recorder = await RunRecorder.create(recordDir, secretValues, snapshot, deps.clock, deps.echo, files, deps.observer);
    deps.onRecordStarted?.(recordDir);
    recorder.line(release === undefined
        ? `UNRELEASED ${ref.name}: the working tree of remediations/${ref.name}/, digest ${digest}; nothing was verified (no tag, manifest or signature: remediate try)`
        : `verified ${(0,version_ref/* formatRef */.rq)(ref)}: commit ${release.commit}, digest ${release.digest}, manifest serial ${release.manifest.payload.serial} signed by ${release.manifest.signers.length} trusted key(s)`);
    if (belowPublished !== undefined) {
        recorder.line(`manifest serial ${manifestSerial} is below serial ${belowPublished.serial}, the highest published (${belowPublished.source}): accepted only because accept-older-serial names it`);
    }
    if (replay !== undefined) {
        recorder.line(`replay of run ${replay.of.runId} (snapshot ${replay.of.snapshotDigest}, ${replay.of.authenticated ? 'authenticated' : 'NOT authenticated'}): same version and parameters (digest ${replay.paramsDigest})`);
    }
    for (const line of guards.summaries)
        recorder.line(line);
    const end = runEnd(await execute(plan, recorder, deps), recorder, definition.timeout);
    recorder.marker(`run ${end.status}`);
    const snapshotDigest = await recorder.finish(end);
    return {
        kind: 'recorded',
        status: end.status,
        exitCode: exitCodeFor(end.status),
        recordDir,
        snapshotDigest,
        digest,
        ...(manifestSerial !== undefined ? { manifestSerial } : {}),
        outputs: (0,redactor/* redactValue */.FI)(end.outputs ?? {}, secretValues),
        snapshot: redactSnapshot(recorder.snapshot, secretValues),
        ...sealed(recorder.seal),
        ...signRecord(recordDir, settings.signKey, recorder.seal),
    };
}
function sealed(seal) {
    return seal === undefined ? {} : { seal };
}
/**
 * Signs the closed record's receipt with the run key, if one was given. A receipt that cannot be
 * written does not change how the run ended (that is recorded already); the front end reports it.
 */
function signRecord(recordDir, key, seal) {
    if (key === undefined)
        return {};
    try {
        const { file, keyid } = writeReceipt(recordDir, key, seal);
        return { receipt: { file, keyid } };
    }
    catch (error) {
        return { receipt: { error: (0,errors/* describeError */.Uc)(error) } };
    }
}
/** Executes the plan; an engine fault, thrown before any step ran, is returned like one after. */
async function execute(plan, recorder, deps) {
    try {
        return await executePlan(plan, recorder, deps);
    }
    catch (fault) {
        return { status: 'crashed', outputs: {}, fault };
    }
}
/** The facts the record is closed with: a fault is `crashed`; a stop says why when nothing else did. */
function runEnd(result, recorder, timeout) {
    const { fault, ...facts } = result;
    if ('fault' in result) {
        recorder.line(`crashed: ${(0,errors/* describeError */.Uc)(fault)}`);
        return {
            ...facts,
            status: 'crashed',
            error: {
                code: fault instanceof errors/* RemediateError */.j2 ? fault.code : 'INTERNAL',
                message: recorder.redact((0,errors/* describeError */.Uc)(fault)),
            },
        };
    }
    if (facts.status === 'cancelled' && facts.error === undefined) {
        return {
            ...facts,
            error: {
                code: 'CANCELLED',
                message: 'the run was cancelled (SIGINT, SIGTERM or SIGHUP); the running step was stopped and the rest skipped',
            },
        };
    }
    if (facts.status === 'timed-out' && facts.error === undefined) {
        return {
            ...facts,
            error: {
                code: 'TIMED_OUT',
                message: `the run passed its time limit (${timeout ?? DEFAULT_RUN_TIMEOUT}); the running step was stopped and the rest skipped`,
            },
        };
    }
    return facts;
}
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Exit code of a final status (README "Exit codes"). */
function exitCodeFor(status) {
    switch (status) {
        // A check-only run that found drift (`unhealthy`) did its job: the status says what it found.
        case 'succeeded':
        case 'healthy':
        case 'unhealthy':
            return errors/* ExitCode */.yU.ok;
        case 'refused':
            return errors/* ExitCode */.yU.refused;
        case 'cancelled':
        case 'timed-out':
            return errors/* ExitCode */.yU.cancelled;
        default:
            return errors/* ExitCode */.yU.failed;
    }
}
/** Prints the plan execution would take: the same RunPlan value, with parameters as recorded (redacted). */
function printPlan(out, plan, params, digest, facts) {
    const { release, definition } = plan;
    const secretNames = definition.secrets;
    const optionalSecrets = definition['optional-secrets'] ?? [];
    if (release.unreleased === true || digest === undefined) {
        out(`plan for ${plan.name}, UNRELEASED working tree (dry run: nothing will run)`);
        out(`  digest:    ${release.digest} (remediations/${plan.name}/ as it is now; no release vouches for it)`);
    }
    else {
        out(`plan for ${(0,version_ref/* formatRef */.rq)(plan)} (dry run: nothing will run)`);
        out(`  plan digest: ${digest}`);
        out(`  commit:    ${release.commit}`);
        out(`  digest:    ${release.digest}`);
        out(`  manifest:  serial ${release.manifestSerial}, digest ${release.manifestDigest}`);
        out(`  signers:   ${release.signers.join(', ')}`);
    }
    out('  parameters:');
    for (const [name, value] of Object.entries(params))
        out(`    ${(0,core_definition/* paramEnvName */.o2)(name)}=${JSON.stringify(value)}`);
    if (Object.keys(params).length === 0)
        out('    (none)');
    if (Object.keys(facts).length > 0) {
        out('  target facts:');
        for (const [name, value] of Object.entries(facts))
            out(`    ${(0,targets_config/* targetFactEnvName */.kQ)(name)}=${JSON.stringify(value)}`);
    }
    out(`  secrets:   ${secretNames.length ? secretNames.map((s) => `${s}=***`).join(', ') : '(none)'}`);
    if (optionalSecrets.length > 0) {
        out(`  optional:  ${optionalSecrets.map((s) => (s in plan.secrets ? `${s}=***` : `${s} (not set)`)).join(', ')}`);
    }
    out(`  force:     ${plan.force}`);
    if (plan.checkOnly === true)
        out('  check only: the check stage runs; no step, verify or rollback');
    for (const stage of ['check', 'steps', 'verify', 'rollback']) {
        const steps = definition[stage];
        out(`  ${stage}:${steps.length ? '' : ' (none)'}`);
        for (const step of steps) {
            const extras = [
                step.timeout && `timeout ${step.timeout}`,
                step.retries && `retries ${step.retries}`,
                step['continue-on-error'] && 'continue-on-error',
                step.shell === 'sh' && 'sh',
            ].filter(Boolean);
            out(`    - ${step.id}${step.name ? ` (${step.name})` : ''}${extras.length ? ` [${extras.join(', ')}]` : ''}`);
        }
    }
}

// EXTERNAL MODULE: ./src/app/check-definition.ts + 1 modules
var check_definition = __webpack_require__(86587);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/app/init-remediation.ts
// `remediate init <name>`: a new remediation's folder, written so that it passes `validate` as it
// is, with every key of remediation.yml explained where it is set. The definition's steps run
// inline `run:` scripts; the check and the fix call scripts of the folder through $REMEDIATION_DIR
// (every file of the folder is part of the version, copied read-only for each run).





/** The schema file a repository that copied it holds, next to the remediations' folders. */
const LOCAL_SCHEMA = 'remediation.schema.json';
/** The project's published schema, for a repository without its own copy. */
const PUBLISHED_SCHEMA_URL = 'https://raw.githubusercontent.com/remediate-dev/remediate/main/remediations/remediation.schema.json';
/**
 * Writes remediations/<name>/ under `root`: remediation.yml, check.sh and fix.sh. Never
 * overwrites: an existing folder (even an empty one) is refused, and a write that fails halfway
 * removes what this call created, so a second try starts clean.
 */
async function initRemediation(root, name) {
    (0,version_ref/* assertRemediationName */.J3)(name);
    const dir = (0,remediation_source/* remediationDir */.D3)(name);
    const absolute = (0,external_node_path_.join)(root, dir);
    if (await exists(absolute)) {
        throw new errors/* UsageError */.eb('FILE_EXISTS', `${dir}/ exists; init never overwrites: choose another name, or edit that folder (remediate validate checks it)`);
    }
    const localSchema = await exists((0,external_node_path_.join)(root, remediation_source/* REMEDIATIONS_DIR */.LO, LOCAL_SCHEMA));
    const schema = localSchema ? `../${LOCAL_SCHEMA}` : PUBLISHED_SCHEMA_URL;
    const files = [
        ['remediation.yml', definitionText(name, schema, localSchema), 0o644],
        ['check.sh', CHECK_SCRIPT, 0o755],
        ['fix.sh', FIX_SCRIPT, 0o755],
    ];
    try {
        await (0,promises_.mkdir)((0,external_node_path_.join)(root, remediation_source/* REMEDIATIONS_DIR */.LO), { recursive: true });
        // Not recursive: if the folder appeared since the check above, this fails instead of writing into it.
        await (0,promises_.mkdir)(absolute);
    }
    catch (error) {
        if (error.code === 'EEXIST') {
            throw new errors/* UsageError */.eb('FILE_EXISTS', `${dir}/ exists; init never overwrites: choose another name`);
        }
        throw (0,errors/* usageErrorFromSystem */.tz)(error, `${dir}/`) ?? error;
    }
    try {
        for (const [file, text, mode] of files) {
            await (0,promises_.writeFile)((0,external_node_path_.join)(absolute, file), text, { flag: 'wx', mode });
        }
    }
    catch (error) {
        await (0,promises_.rm)(absolute, { recursive: true, force: true });
        throw (0,errors/* usageErrorFromSystem */.tz)(error, `${dir}/`) ?? error;
    }
    return { dir, files: files.map(([file]) => `${dir}/${file}`), schema };
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, (error) => {
        if (error.code === 'ENOENT')
            return false;
        throw (0,errors/* usageErrorFromSystem */.tz)(error, path) ?? error;
    });
}
function definitionText(name, schema, localSchema) {
    const schemaNote = localSchema
        ? "# The JSON Schema above is this repository's copy, so editors check this file offline."
        : [
            '# The JSON Schema above is the published one (editors with a YAML language server fetch it).',
            '# To check offline and against the version you reviewed, copy remediations/remediation.schema.json',
            '# of remediate-dev/remediate into remediations/ and point this line at ../remediation.schema.json.',
        ].join('\n');
    return `# yaml-language-server: $schema=${schema}
${schemaNote}
#
# remediations/${name}/remediation.yml, written by \`remediate init ${name}\`.
# Every file in this folder is part of the version: digested, signed when released, and copied
# read-only for each run, where the steps find them at $REMEDIATION_DIR.
#
# The loop:
#   remediate validate
#       schema, semantics, shell syntax, and shellcheck warnings when it is installed
#   remediate try ${name} --param path=/tmp/x
#       runs the working tree, uncommitted edits included, recorded as UNRELEASED
#   remediate release ${name} v1.0.0 --key <private key>
#       tags and signs it (on GitHub: push the tag ${name}/v1.0.0, and release.yml signs it)

# Must equal the folder name.
name: ${name}
# What this fixes and how, for reviewers and records.
description: >-
  Makes sure a file exists. Replace this with what your remediation checks and fixes.

# Typed parameters. Each reaches the steps only as an environment variable PARAM_<NAME>
# (upper-cased, '-' becomes '_'), never spliced into script text. type: string, integer, number
# or boolean; constraints: required, default, pattern, enum, minimum, maximum, min-length, max-length.
inputs:
  path:
    type: string
    required: true
    description: Absolute path of the file that must exist.
    pattern: '^/[^\\x00-\\x1f]*$'
    max-length: 1024

# Caller environment variables the steps may see; their values are redacted from every record.
# A run without one is refused; list those needed only sometimes under optional-secrets.
# secrets: [API_TOKEN]
# optional-secrets: [SSH_PRIVATE_KEY]

# Plain environment variables for every step.
env:
  LC_ALL: C

# Whole-run time limit (default 1h): past it the running step is stopped and the run is timed-out.
timeout: 5m

# At most max-runs fixes within the window, per target (or per remediation), then runs are refused
# as CIRCUIT_OPEN. Part of the signed version: loosening it takes a review and a release.
circuit-breaker:
  max-runs: 3
  within: 1h
  per: target

# Run outputs, each taken from a key a step wrote to $REMEDIATION_OUTPUT (key=value lines).
outputs:
  created:
    description: true when the fix created the file.
    step: create-file
    key: created

# check: each step exits 0 (healthy: nothing more runs), 1 (needs fixing: steps run) or anything
# else (the check itself failed: nothing changes). Without check steps the fix always runs.
check:
  - id: file-exists
    name: Does the file exist?
    run: bash "$REMEDIATION_DIR/check.sh"

# steps: the fix, in order. A failing step stops the run and the rollback runs. Each step may set
# shell (bash, the default, or sh), env, timeout (default 15m), retries (0-10), continue-on-error,
# and working-directory (inside the run's scratch workspace).
steps:
  - id: create-file
    name: Create the file
    timeout: 1m
    run: bash "$REMEDIATION_DIR/fix.sh"

# verify: the post-condition once the steps ran; a failure runs the rollback.
verify:
  - id: file-exists-now
    name: The file exists now
    run: bash "$REMEDIATION_DIR/check.sh"

# rollback: undoes what the steps did when a step or verify failed; every rollback step runs.
rollback:
  - id: report
    name: Nothing to undo
    run: echo "nothing to undo, the fix only creates a file"
`;
}
const CHECK_SCRIPT = `#!/usr/bin/env bash
# The check (and the verify): exit 0 when healthy, 1 when the fix must run. Any other exit means
# the check itself could not tell, and nothing is changed.
set -uo pipefail
# An unexpected failure must not read as "needs fixing" (exit 1): it exits 2.
set -E
trap 'exit 2' ERR

if [[ -f "$PARAM_PATH" ]]; then
  echo "healthy: $PARAM_PATH exists"
  exit 0
fi
echo "needs fixing: $PARAM_PATH does not exist"
exit 1
`;
const FIX_SCRIPT = `#!/usr/bin/env bash
# The fix: exit 0 when done. Any other exit fails the run, and the rollback runs.
set -euo pipefail

mkdir -p -- "$(dirname -- "$PARAM_PATH")"
: >>"$PARAM_PATH"
echo "created $PARAM_PATH"
echo "created=true" >>"$REMEDIATION_OUTPUT"
`;

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/adapters/process-runner.ts


/** How long to keep reading output after the leader exits (a background child may hold the pipe). */
const DRAIN_AFTER_EXIT_MS = 500;
/** Rounds of "list the session, SIGKILL it" before giving up on a session that keeps forking. */
const MAX_SWEEPS = 50;
/**
 * Spawns each step as the leader of a new session and process group (`detached` calls setsid),
 * so the whole tree can be ended: on a timeout or cancellation (SIGTERM, then SIGKILL), and when
 * the step ends (SIGKILL to what is left): a step that forks `sleep 1000 &` cannot outlive it.
 *
 * The group alone is not enough: a job started under `set -m` (or any process that calls
 * setpgid) gets a process group of its own and would outlive its step. It stays in the step's
 * session, though, and only setsid leaves that, so on Linux every process whose session is the
 * step's is signalled too (found through /proc). A deliberate daemon leaves with `setsid`.
 */
class GroupProcessRunner {
    run(request) {
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(request.command, [...request.args], {
                cwd: request.cwd,
                env: request.env,
                detached: true,
                stdio: ['ignore', 'pipe', 'pipe'],
            });
        }
        catch (error) {
            // Some failures are thrown rather than emitted (E2BIG: an environment or argument too big
            // for execve). They are the step's failure to start, never an engine crash that would
            // skip the rollback.
            const spawnError = error instanceof Error ? error.message : String(error);
            return Promise.resolve({ exitCode: null, signal: null, timedOut: false, aborted: false, spawnError });
        }
        return new Promise((resolve) => {
            let timedOut = false;
            let aborted = false;
            let exit;
            let killTimer;
            let drainTimer;
            let settled = false;
            const pid = child.pid;
            const killTree = (signal) => {
                if (pid === undefined)
                    return;
                try {
                    process.kill(-pid, signal);
                }
                catch {
                    // The group is gone already.
                }
                // The session id is the leader's pid (setsid), kept by the kernel while any process of
                // the session lives, so it cannot name a stranger's session.
                if (signal === 'SIGKILL')
                    sweepSession(pid);
                else
                    signalSession(pid, signal, true);
            };
            const terminate = () => {
                killTree('SIGTERM');
                killTimer ??= setTimeout(() => killTree('SIGKILL'), request.killGraceMs);
            };
            const finish = (result) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timeout);
                clearTimeout(drainTimer);
                request.signal.removeEventListener('abort', onAbort);
                clearTimeout(killTimer);
                // Whatever is left of the step's process group and session dies with it, however the
                // step ended: a background child must not outlive its step, where it could rewrite what a
                // later step runs or keep acting after the record says the run is over. A deliberate
                // daemon leaves the session with `setsid` (see README).
                killTree('SIGKILL');
                resolve(result);
            };
            const onAbort = () => {
                aborted = true;
                terminate();
            };
            const timeout = setTimeout(() => {
                timedOut = true;
                terminate();
            }, request.timeoutMs);
            if (request.signal.aborted)
                onAbort();
            else
                request.signal.addEventListener('abort', onAbort, { once: true });
            child.stdout.on('data', request.onStdout);
            child.stderr.on('data', request.onStderr);
            child.on('error', (error) => {
                finish({ exitCode: null, signal: null, timedOut, aborted, spawnError: error.message });
            });
            child.on('exit', (code, signal) => {
                exit = { code, signal };
                drainTimer = setTimeout(() => {
                    child.stdout.destroy();
                    child.stderr.destroy();
                    finish({ exitCode: code, signal, timedOut, aborted });
                }, DRAIN_AFTER_EXIT_MS);
            });
            child.on('close', () => {
                if (exit)
                    finish({ exitCode: exit.code, signal: exit.signal, timedOut, aborted });
            });
        });
    }
}
/**
 * Sends `signal` to the live processes of session `sid`; returns how many it found. With
 * `outsideGroup`, only those that left the leader's process group (its group was signalled
 * already, and a trap should not run twice).
 */
function signalSession(sid, signal, outsideGroup = false) {
    const members = sessionMembers(sid, outsideGroup);
    for (const member of members) {
        try {
            process.kill(member, signal);
        }
        catch {
            // Exited since it was listed.
        }
    }
    return members.length;
}
/**
 * SIGKILLs session `sid` until no live process is left in it: a member may fork between being
 * listed and being killed, so the listing is repeated (a killed process forks no more).
 */
function sweepSession(sid) {
    for (let round = 0; round < MAX_SWEEPS && signalSession(sid, 'SIGKILL') > 0; round++)
        ;
}
/**
 * Ids of the live (not zombie) processes whose session is `sid`, from /proc/<pid>/stat. Linux
 * only: elsewhere none are found and only the process group is ended (README "Stages").
 * A pid listed here can in principle exit and be reused before it is signalled; that needs the
 * pid space to wrap around within microseconds, and the process-group kill has the same window.
 */
function sessionMembers(sid, outsideGroup) {
    if (process.platform !== 'linux')
        return [];
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return [];
    }
    const members = [];
    for (const entry of entries) {
        const first = entry.charCodeAt(0);
        if (first < 0x30 || first > 0x39)
            continue;
        const stat = readStat(entry);
        if (stat === undefined)
            continue; // exited while listing
        // `pid (comm) state ppid pgrp session ...`: comm may hold spaces and ')', so count from the last ')'.
        const [state, , group, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 4);
        if (state === 'Z' || Number(session) !== sid)
            continue;
        if (!outsideGroup || Number(group) !== sid)
            members.push(Number(entry));
    }
    return members;
}
/**
 * Holds the start of one /proc/<pid>/stat. The fields read end within its first 100 bytes (comm
 * is at most 15 bytes), and no later field holds a ')', so the last ')' in it is comm's.
 */
const STAT_BUFFER = Buffer.alloc(512);
/** The start of /proc/<pid>/stat, read into one reused buffer (a scan reads one per process). */
function readStat(pid) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(`/proc/${pid}/stat`, 'r');
    }
    catch {
        return undefined;
    }
    try {
        return STAT_BUFFER.toString('latin1', 0, (0,external_node_fs_.readSync)(fd, STAT_BUFFER, 0, STAT_BUFFER.byteLength, 0));
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: ./src/core/dispatch-payload.ts
var dispatch_payload = __webpack_require__(77670);
;// CONCATENATED MODULE: ./src/app/trigger.ts





/**
 * Reads the event payload of the GitHub job the run belongs to, once, so the trigger's digest and
 * the idempotency key come from the same bytes. Undefined outside a GitHub job, or when the
 * runner gave no readable event file (the trigger then has no digest, and the run no derived key).
 */
async function readGitHubEvent(github) {
    if (!github.actions || !github.eventPath)
        return undefined;
    const bytes = await (0,promises_.readFile)(github.eventPath).catch(() => undefined);
    if (bytes === undefined)
        return undefined;
    let payload;
    try {
        payload = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        // An unparseable payload still has a digest; what it says is simply unknown.
    }
    return { bytes, payload };
}
/**
 * Who or what started the run. In a GitHub job it comes from the runner's variables and the event
 * payload, which is kept only as a digest (it may hold alert details that do not belong in a
 * record); locally it is the user and host.
 */
function triggerFromEnvironment(github, event) {
    if (!github.actions)
        return { kind: 'local', user: (0,external_node_os_.userInfo)().username, host: (0,external_node_os_.hostname)() };
    const parsed = event?.payload;
    // repository_dispatch puts its event type in `action`.
    const action = typeof parsed?.action === 'string' ? parsed.action.slice(0, 100) : undefined;
    return {
        kind: 'github',
        event: github.eventName ?? 'unknown',
        ...(action !== undefined ? { action } : {}),
        runId: github.runId ?? 'unknown',
        attempt: github.runAttempt ?? '1',
        actor: github.actor ?? 'unknown',
        workflowRef: github.workflowRef ?? 'unknown',
        repository: github.repository ?? 'unknown',
        ...(event !== undefined ? { payloadDigest: (0,tree_digest/* sha256Digest */.sI)(event.bytes) } : {}),
    };
}
/**
 * The idempotency key of the job's event: that of a repository_dispatch payload's
 * `client_payload.alert` (core/idempotency-key.ts), or undefined when it has none. A key field of
 * the wrong type or form is a UsageError (exit 2, before anything runs), as `dispatch parse`
 * refuses it: dropping it would silently turn the duplicate check off.
 */
function idempotencyKeyOfEvent(event) {
    if (event === undefined)
        return undefined;
    const key = (0,dispatch_payload/* alertKeyOfEvent */.f6)(event.payload);
    if (key.kind === 'invalid') {
        throw new errors/* UsageError */.eb('INVALID_PARAMS', `repository_dispatch payload: ${key.problem}; fix the alert source, or give the key explicitly (--idempotency-key, input 'idempotency-key')`);
    }
    return key.kind === 'key' ? key.key : undefined;
}

;// CONCATENATED MODULE: ./src/app/run-request.ts
// One run, as either front end asks for it: the CLI's `run` and the Action's main step build their
// RunSettings and RunDeps here, so a run has the same limits and timings whichever started it.






/** First delay before a step is retried; the executor doubles it per attempt. */
const RETRY_BACKOFF_MS = 1000;
/**
 * Between SIGTERM and SIGKILL when a step is stopped. A cancelled GitHub job gets SIGTERM 7.5 s
 * after SIGINT: a step stopped at SIGINT is gone in time to finish the record before then.
 */
const KILL_GRACE_MS = 2000;
/** Distinct trusted signatures a manifest needs when the caller asks for no number. */
const DEFAULT_THRESHOLD = 1;
/** Fewest signatures a threshold may ask for: zero would accept an unsigned manifest. */
const MIN_THRESHOLD = 1;
/** Most signatures a threshold may ask for: more keys than any trust set holds, so a larger number is a mistake. */
const MAX_THRESHOLD = 100;
/**
 * Parses a signature threshold given as text (`label` names where: `--threshold`,
 * `input 'threshold'`); undefined gives DEFAULT_THRESHOLD. Throws UsageError outside
 * MIN_THRESHOLD..MAX_THRESHOLD.
 */
function parseThreshold(text, label) {
    if (text === undefined)
        return DEFAULT_THRESHOLD;
    const value = Number(text);
    if (!/^\d{1,10}$/.test(text) || value < MIN_THRESHOLD || value > MAX_THRESHOLD) {
        throw new errors/* UsageError */.eb('USAGE', `${label}: expected a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}, got '${text.slice(0, 40)}'`);
    }
    return value;
}
/** A run's target: the one pattern every entry point checks (core/dispatch-payload.ts). */
const RUN_TARGET = dispatch_payload/* TARGET */.Qn;
/** Checks a run's target given as text (`label`: `--target`); throws UsageError when it is not a short label. */
function parseRunTarget(text, label) {
    if (text === undefined)
        return undefined;
    if (!RUN_TARGET.test(text)) {
        throw new errors/* UsageError */.eb('USAGE', `${label}: expected a short label (${dispatch_payload/* TARGET_RULE */.$_}), got '${text.slice(0, 60)}'`);
    }
    return text;
}
/**
 * The record's run id in a GitHub job: `<run id>-<attempt>`, and `-<suffix>` for one leg of a
 * matrix, so every attempt and every leg writes a record folder of its own.
 */
function githubRunId(runId, attempt, suffix = '') {
    return `${runId}-${attempt}${suffix ? `-${suffix}` : ''}`;
}
/**
 * The settings of a run: the request, its trigger, the digest of the tool that runs it, and in a
 * GitHub job the idempotency key of the event's alert when the request gives none (an explicit
 * key, --idempotency-key or the Action's input, overrides it).
 */
async function buildRunSettings(request) {
    const { github, toolPath, ...settings } = request;
    const event = await readGitHubEvent(github);
    const idempotencyKey = settings.idempotencyKey ?? idempotencyKeyOfEvent(event);
    return {
        ...settings,
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
        trigger: triggerFromEnvironment(github, event),
        toolDigest: (0,tree_digest/* sha256Digest */.sI)(await (0,promises_.readFile)(toolPath)),
    };
}
/** The dependencies of a run: what the front end supplied, the process runner and the shared timings. */
function buildRunDeps(supplied) {
    return {
        ...supplied,
        runner: new GroupProcessRunner(),
        retryBackoffMs: RETRY_BACKOFF_MS,
        killGraceMs: KILL_GRACE_MS,
    };
}

;// CONCATENATED MODULE: ./src/app/error-report.ts
// What a failed command tells its caller. The kind of an error is decided here, once; each front
// end supplies a sink that says how to show it (the CLI prints lines, the Action annotates files
// and fails the step).


/** Shows any thrown value, a non-Error one included, through `sink`; returns the exit code it maps to. */
function reportThrown(error, sink) {
    if (error instanceof definition_parser/* DefinitionError */.gk) {
        sink.invalidDefinition(error.issues);
        return error.exitCode;
    }
    // A system error nothing mapped (a full disk, a missing folder) is about the caller's files or
    // machine, not a bug: one line with the exit code of its kind, like the errors mapped where they
    // happen.
    const known = knownError(error);
    if (known) {
        sink.failed(`${known.exitCode === errors/* ExitCode */.yU.refused ? 'refused' : 'error'} [${known.code}]: ${known.message}`);
        return known.exitCode;
    }
    sink.internal(error);
    return errors/* ExitCode */.yU.failed;
}
/** An error the tool expected: its own, or a system error mapped to one (a full disk, a missing folder). */
function knownError(error) {
    return error instanceof errors/* RemediateError */.j2 ? error : (0,errors/* usageErrorFromSystem */.tz)(error);
}
/**
 * The stable code of a thrown error, as its `[CODE]` line shows it (a definition error's is
 * INVALID_DEFINITION), or INTERNAL for a bug: what the Action's `error-code` says when the step
 * failed before any record was written.
 */
function thrownErrorCode(error) {
    return knownError(error)?.code ?? 'INTERNAL';
}

// EXTERNAL MODULE: ./src/core/append-check.ts
var append_check = __webpack_require__(50078);
;// CONCATENATED MODULE: ./src/core/params-json.ts
// Parameters given as one JSON object: the Action's `params` input and the CLI's --params-file.


/**
 * Parses `text` as a JSON object of parameters (their values are checked later against the
 * definition's inputs). `label` names where the text came from (`input 'params'`,
 * `--params-file runs/p.json`); `hint` says, for a text that is not JSON, what to pass instead.
 * Throws UsageError INVALID_PARAMS.
 */
function parseParamsJson(text, label, hint) {
    // Bounded before parsing: a huge or deeply nested payload is refused, not parsed. Parameters
    // arrive in a repository_dispatch payload, so its limit is theirs: nothing a dispatch can carry
    // is refused here.
    const bytes = Buffer.byteLength(text);
    if (bytes > dispatch_payload/* MAX_PAYLOAD_BYTES */.qY) {
        throw new errors/* UsageError */.eb('INVALID_PARAMS', `${label} is ${bytes} bytes; at most ${dispatch_payload/* MAX_PAYLOAD_BYTES */.qY} bytes are accepted`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* UsageError */.eb('INVALID_PARAMS', `${label}: expected a JSON object of parameters, got text that is not JSON${hint ? `; ${hint}` : ''}`, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new errors/* UsageError */.eb('INVALID_PARAMS', `${label}: expected a JSON object of parameters, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
    }
    return value;
}

// EXTERNAL MODULE: ./src/core/keys.ts
var keys = __webpack_require__(91483);
// EXTERNAL MODULE: ./src/adapters/git-client.ts + 2 modules
var git_client = __webpack_require__(31930);
;// CONCATENATED MODULE: ./src/app/keygen.ts




/**
 * Writes `<out>` (PKCS#8 PEM, mode 0600) and `<out>.pub` (SPKI PEM). Never overwrites: replacing
 * a signing key by accident would lock out every future release signed under the old one.
 */
async function writeKeyPair(out) {
    const { privatePem, publicPem, keyid } = (0,keys/* generateKeyPair */.TZ)();
    const publicPath = `${out}.pub`;
    try {
        await (0,promises_.writeFile)(out, privatePem, { flag: 'wx', mode: 0o600 });
    }
    catch (error) {
        if (error.code === 'EEXIST') {
            throw new errors/* UsageError */.eb('FILE_EXISTS', `${out} exists; refusing to overwrite a key: choose another --out`);
        }
        throw writeError(error, out);
    }
    try {
        await (0,promises_.writeFile)(publicPath, publicPem, { flag: 'wx', mode: 0o644 });
    }
    catch (error) {
        // Leave no orphaned private key behind: a retry with another --out must start clean.
        await (0,promises_.rm)(out, { force: true });
        if (error.code === 'EEXIST') {
            throw new errors/* UsageError */.eb('FILE_EXISTS', `${publicPath} exists; refusing to overwrite a key: choose another --out`);
        }
        throw writeError(error, publicPath);
    }
    return { keyid, publicPath };
}
// A key that cannot be written is the caller's folder or disk, not a bug: one line naming it.
function writeError(error, path) {
    if (error.code === 'ENOENT') {
        return new errors/* UsageError */.eb('NOT_FOUND', `cannot write ${path}: folder ${(0,external_node_path_.dirname)(path)} does not exist; create it first`, {
            cause: error,
        });
    }
    return (0,errors/* usageErrorFromSystem */.tz)(error, `cannot write ${path}`) ?? error;
}

// EXTERNAL MODULE: ./src/app/load-keys.ts
var load_keys = __webpack_require__(89084);
// EXTERNAL MODULE: ./src/core/manifest.ts
var manifest = __webpack_require__(84414);
;// CONCATENATED MODULE: ./src/app/manifest-view.ts
// What a signed manifest says, for people (`remediate manifest show`, `remediate versions`): its
// serial, times and signers, and every released version with its commit, digest and yank. With
// trusted keys the signatures are checked first (a manifest that does not verify is refused, as
// for a run); without, the output says plainly that nothing was authenticated. Pure.







/**
 * Reads a manifest for display. With `trustedKeys`, refuses (TrustError) one that does not
 * verify at `threshold`; an expired one is shown (and marked), not refused.
 */
function viewManifest(file, bytes, trust, now) {
    let signatures;
    let payload;
    let payloadBytes;
    if (trust !== undefined && trust.trustedKeys.length > 0) {
        const verified = (0,manifest_verifier/* authenticateManifest */.Rq)(bytes, trust.trustedKeys, trust.threshold);
        ({ payload, payloadBytes } = verified);
        signatures = { checked: true, threshold: trust.threshold, signers: verified.signers };
    }
    else {
        ({ payload, payloadBytes } = (0,manifest_verifier/* readPayloadUnverified */.GH)(bytes));
        signatures = { checked: false, keyids: (0,dsse/* parseEnvelope */.mE)(bytes).signatures.map((s) => s.keyid) };
    }
    return {
        file,
        serial: payload.serial,
        issued: payload.issued,
        expires: payload.expires,
        expired: Date.parse(payload.expires) <= now.getTime(),
        digest: (0,manifest/* manifestDigest */.It)(payloadBytes),
        previous: payload.previous,
        signatures,
        remediations: Object.keys(payload.remediations)
            .sort()
            .map((name) => ({
            name,
            versions: Object.entries(payload.remediations[name] ?? {})
                .map(([version, entry]) => ({
                version,
                tag: entry.tag,
                commit: entry.commit,
                digest: entry.digest,
                released: entry.released,
                yanked: entry.yanked,
            }))
                .sort((a, b) => (0,version_ref/* compareVersions */.Zy)(b.version, a.version)),
        })),
    };
}
/** One remediation's versions; an unknown name is refused (NOT_FOUND) naming a close one. */
function versionsOf(view, name) {
    const found = view.remediations.find((r) => r.name === name);
    if (found === undefined) {
        const names = view.remediations.map((r) => r.name);
        const close = closestMatch(name, names);
        throw new errors/* UsageError */.eb('NOT_FOUND', `${name}: no such remediation in manifest serial ${view.serial}` +
            (close !== undefined ? `; did you mean ${close}?` : `; released: ${names.join(', ') || 'none'}`));
    }
    return found.versions;
}
/** The lines `manifest show` prints. */
function manifestLines(view) {
    const lines = [
        `manifest ${view.file}`,
        `  serial ${view.serial}, issued ${view.issued}, expires ${view.expires}${view.expired ? ' (EXPIRED: runs refuse it)' : ''}`,
        `  digest ${view.digest}${view.previous !== null ? `, previous ${view.previous}` : ' (first)'}`,
        view.signatures.checked
            ? `  signatures: verified, ${view.signatures.signers.length} trusted signer(s) (threshold ${view.signatures.threshold}): ${view.signatures.signers.join(', ')}`
            : `  signatures: NOT CHECKED (give --trusted-key to authenticate): ${view.signatures.keyids.length} signature(s), keyids ${view.signatures.keyids.join(', ') || '(none)'}`,
    ];
    for (const { name, versions } of view.remediations) {
        lines.push(name);
        for (const v of versions)
            lines.push(`  ${versionLine(v)}`);
    }
    return lines;
}
/** One version as a line: version, released, commit, digest, and the yank. */
function versionLine(v) {
    // The reason is the signer's text: one line, no terminal control sequences.
    const yank = v.yanked
        ? `  YANKED ${v.yanked.at}: ${(0,terminal_text/* oneLine */.TN)(v.yanked.reason)}${v.yanked.replacement !== undefined ? ` (use ${v.yanked.replacement})` : ''}`
        : '';
    return `${v.version}  released ${v.released}  commit ${v.commit.slice(0, 12)}  ${v.digest}${yank}`;
}

;// CONCATENATED MODULE: ./src/app/out-folder.ts



/**
 * Kernel file systems: their entries are interfaces, not storage. A recursive mkdir under /proc
 * spins forever (mkdir answers ENOENT for a parent that exists), /dev holds devices such as
 * /dev/full, and a record written to either would not be kept.
 */
const KERNEL_ROOTS = ['/proc', '/sys', '/dev'];
/**
 * Checks, before a run starts, that run records can be written under `dir` (`label` names the
 * option): the nearest existing part is a writable folder on storage. Nothing is created; the
 * recorder creates the folders. Throws a one-line UsageError otherwise.
 */
function checkOutFolder(dir, label) {
    const { path: existing, stats } = nearestExisting(dir, label);
    if (!stats.isDirectory()) {
        throw new errors/* UsageError */.eb('NOT_A_FOLDER', `${existing === dir ? `${label} ${dir}` : `${label} ${dir}: ${existing}`} is not a folder; records are written into a folder`);
    }
    // Resolved first, so a symbolic link into /proc is caught as well as the path itself.
    const real = tryRealpath(existing) ?? existing;
    const root = KERNEL_ROOTS.find((r) => real === r || real.startsWith(`${r}/`));
    if (root !== undefined) {
        throw new errors/* UsageError */.eb('NOT_A_FOLDER', `${label} ${dir}: ${root} is a kernel file system, not storage; choose a folder on disk for the records`);
    }
    try {
        (0,external_node_fs_.accessSync)(existing, external_node_fs_.constants.W_OK);
    }
    catch (error) {
        throw (0,errors/* usageErrorFromSystem */.tz)(error, `${label} ${dir}: cannot write in ${existing}`) ?? error;
    }
}
// The folder itself, or the closest ancestor that exists (the recorder creates the rest).
function nearestExisting(dir, label) {
    for (let path = dir;; path = (0,external_node_path_.dirname)(path)) {
        try {
            return { path, stats: (0,external_node_fs_.statSync)(path) };
        }
        catch (error) {
            const code = error.code;
            // ENOTDIR: a file stands where a folder is needed; walking up finds and names it.
            if ((code !== 'ENOENT' && code !== 'ENOTDIR') || (0,external_node_path_.dirname)(path) === path) {
                throw (0,errors/* usageErrorFromSystem */.tz)(error, `${label} ${dir}`) ?? error;
            }
        }
    }
}
function tryRealpath(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/app/manifest-file.ts
var manifest_file = __webpack_require__(93253);
;// CONCATENATED MODULE: ./src/core/manifest-editor.ts



/** Default lifetime of a manifest: long enough for quiet months, short enough to end freezes. */
const DEFAULT_EXPIRY_MS = 180 * 24 * 3600 * 1000;
/** Parses a lifetime like `180d`, `12h` or `30m`. */
function parseLifetime(text) {
    const match = /^([1-9]\d{0,4})([dhm])$/.exec(text);
    if (!match)
        throw new errors/* UsageError */.eb('USAGE', `--expires: expected a lifetime like 180d, 12h or 30m, got '${text}'`);
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2]];
    return Number(match[1]) * unit;
}
/**
 * Appends a released version. A version already in the manifest is never changed: a release
 * that would rewrite one is refused (VERSION_EXISTS), so a reviewed version cannot be swapped.
 */
function appendRelease(previous, release, now, lifetimeMs) {
    const { ref } = release;
    if (previous && (0,manifest/* findEntry */.w4)(previous.payload, ref.name, ref.version)) {
        throw new errors/* TrustError */.Ru('VERSION_EXISTS', `${ref.name}@${ref.version} is already released; a released version is never changed: bump the version (e.g. a new patch version) and release that`);
    }
    const entry = {
        tag: ref.tag,
        commit: release.commit,
        digest: release.digest,
        released: now.toISOString(),
        yanked: false,
    };
    const remediations = cloneEntries(previous);
    remediations[ref.name] = sortKeys({ ...(remediations[ref.name] ?? {}), [ref.version]: entry });
    return nextPayload(previous, sortKeys(remediations), now, lifetimeMs);
}
/** Marks a version yanked with a reason; nothing else changes. */
function yankRelease(previous, ref, reason, now, lifetimeMs, replacement) {
    const entry = (0,manifest/* findEntry */.w4)(previous.payload, ref.name, ref.version);
    if (!entry) {
        throw new errors/* TrustError */.Ru('UNKNOWN_VERSION', `${ref.name}@${ref.version} is not in the manifest; nothing to yank`);
    }
    if (entry.yanked) {
        throw new errors/* UsageError */.eb('USAGE', `${ref.name}@${ref.version} is already yanked (${entry.yanked.reason})`);
    }
    if (!reason.trim())
        throw new errors/* UsageError */.eb('USAGE', '--reason: expected a non-empty reason for the yank');
    // The replacement is what every refusal of the yanked version tells people to run: it must be
    // a released, unyanked version of the same remediation, never a name the signer mistyped.
    if (replacement !== undefined) {
        const other = (0,manifest/* findEntry */.w4)(previous.payload, ref.name, replacement);
        if (replacement === ref.version || !other || other.yanked) {
            const released = Object.entries(previous.payload.remediations[ref.name] ?? {})
                .filter(([v, e]) => !e.yanked && v !== ref.version)
                .map(([v]) => v);
            throw new errors/* UsageError */.eb('USAGE', `--replacement ${replacement}: expected another released, unyanked version of ${ref.name} (${released.length ? released.join(', ') : 'none: release the fix first'})`);
        }
    }
    const remediations = cloneEntries(previous);
    remediations[ref.name] = {
        ...remediations[ref.name],
        [ref.version]: {
            ...entry,
            yanked: { reason, at: now.toISOString(), ...(replacement !== undefined ? { replacement } : {}) },
        },
    };
    return nextPayload(previous, remediations, now, lifetimeMs);
}
/** Signs a payload with every key given and returns the envelope bytes to store. */
function signManifest(payload, keys) {
    if (keys.length === 0)
        throw new errors/* UsageError */.eb('USAGE', 'expected at least one --key to sign with');
    return (0,dsse/* serialiseEnvelope */.YX)((0,dsse/* signEnvelope */.Yj)(dsse/* MANIFEST_PAYLOAD_TYPE */.qD, (0,manifest/* serialisePayload */.ks)(payload), keys));
}
function nextPayload(previous, remediations, now, lifetimeMs) {
    return {
        _type: manifest/* MANIFEST_TYPE */.b3,
        serial: (previous?.payload.serial ?? 0) + 1,
        issued: now.toISOString(),
        expires: new Date(now.getTime() + lifetimeMs).toISOString(),
        previous: previous ? (0,manifest/* manifestDigest */.It)(previous.payloadBytes) : null,
        remediations,
    };
}
function cloneEntries(previous) {
    const out = {};
    for (const [name, versions] of Object.entries(previous?.payload.remediations ?? {}))
        out[name] = { ...versions };
    return out;
}
function sortKeys(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

;// CONCATENATED MODULE: ./src/app/release.ts







/**
 * Releases HEAD's remediations/<name>/ as <name>/<version>: validates it, refuses a dirty folder
 * and any version or tag that exists, tags HEAD, and writes the new signed manifest.
 */
async function releaseVersion(git, keys, settings, now) {
    const { ref } = settings;
    const dir = (0,remediation_source/* remediationDir */.D3)(ref.name);
    const existingTag = await git.tryResolveTag(ref.tag);
    let commit;
    if (settings.existingTag) {
        // Signing a pushed tag: what is released is exactly the tag's commit, read from git objects.
        if (!existingTag) {
            throw new errors/* TrustError */.Ru('TAG_NOT_FOUND', `tag ${ref.tag} does not exist; push it first (or release without --from-tag to tag HEAD)`);
        }
        commit = existingTag;
    }
    else {
        // What is released is the committed content: uncommitted edits would be signed as if reviewed.
        const dirty = await git.statusOf(dir);
        if (dirty.length) {
            throw new errors/* UsageError */.eb('DIRTY_TREE', `${dir}/ has uncommitted changes; commit or stash them first:\n${dirty.map((l) => `  ${l}`).join('\n')}`);
        }
        // A tag that exists already names released (or squatted) content: never move it.
        if (existingTag) {
            throw new errors/* TrustError */.Ru('VERSION_EXISTS', `tag ${ref.tag} already exists (at ${existingTag.slice(0, 12)}); a released version is never changed: release a new version`);
        }
        commit = await git.headCommit();
    }
    const previous = await loadPrevious(settings.manifestPath, keys);
    if (settings.existingTag && !previous && !settings.firstRelease) {
        throw new errors/* UsageError */.eb('NOT_FOUND', `no previous manifest at ${settings.manifestPath}; pass --first-release if this is the repository's first release (a release that found no manifest must not start over at serial 1)`);
    }
    if (settings.existingTag && previous && settings.firstRelease) {
        throw new errors/* UsageError */.eb('USAGE', `--first-release, but ${settings.manifestPath} already holds manifest serial ${previous.payload.serial}`);
    }
    const files = await (0,remediation_source/* readRemediationAtCommit */.k_)(git, commit, ref.name);
    const definitionFile = files.find((f) => f.path === 'remediation.yml');
    if (!definitionFile)
        throw new errors/* UsageError */.eb('NOT_FOUND', `${dir}/remediation.yml does not exist at ${commit.slice(0, 12)}`);
    await (0,check_definition/* checkDefinition */.QU)(`${dir}/remediation.yml`, definitionFile.content, ref.name);
    const digest = (0,tree_digest/* treeDigest */.fZ)(files);
    const payload = appendRelease(previous, { ref, commit, digest }, now, settings.lifetimeMs);
    const pending = await (0,manifest_file/* stageManifest */.E5)(settings.manifestOut ?? settings.manifestPath, signManifest(payload, keys));
    if (!settings.existingTag) {
        try {
            await git.createAnnotatedTag(ref.tag, commit, `${ref.name} ${ref.version}\n\ndigest: ${digest}\nmanifest serial: ${payload.serial}\n`);
        }
        catch (error) {
            await pending.discard();
            throw error;
        }
    }
    await pending.commit();
    return { commit, digest, serial: payload.serial, signers: keys.map((k) => k.keyid) };
}
/**
 * Loads the manifest being extended. It must carry a valid signature by one of the keys signing
 * now: otherwise an edited manifest.json (say, with a re-pointed entry) would be re-signed blindly.
 * Expiry is not checked here: releasing is how an expiring manifest gets renewed.
 */
async function loadPrevious(manifestPath, keys) {
    const bytes = await (0,manifest_file/* tryReadManifest */.Xk)(manifestPath);
    if (!bytes)
        return undefined;
    const verified = (0,manifest_verifier/* authenticateManifest */.Rq)(bytes, keys.map((k) => ({ keyid: k.keyid, key: k.publicKey })), 1);
    return { payload: verified.payload, payloadBytes: verified.payloadBytes };
}

// EXTERNAL MODULE: ./src/adapters/run-artifacts.ts
var run_artifacts = __webpack_require__(66083);
// EXTERNAL MODULE: ./src/app/published-records.ts
var published_records = __webpack_require__(16758);
;// CONCATENATED MODULE: ./src/app/record-argument.ts
// The record a `runs show`, `runs verify`, `show` or `verify-run` argument names: a record folder,
// or (`runs show|verify <run id> --repo OWNER/REPO`) the record a GitHub run published as a
// workflow artifact, downloaded into a scratch folder first. Every command taking a record goes
// through resolveRecordArgument.






/** Resolves a record argument to the record it names. */
async function resolveRecordArgument(arg, settings) {
    if (settings.fetchFrom === undefined) {
        return { kind: 'folder', dir: (0,external_node_path_.isAbsolute)(arg) ? arg : (0,external_node_path_.resolve)(settings.cwd, arg), done: () => Promise.resolve() };
    }
    return fetchPublishedRecord(arg, settings.fetchFrom);
}
async function fetchPublishedRecord(arg, from) {
    const [runText = '', attemptText] = arg.split('-');
    const runId = Number(runText);
    const attempt = attemptText === undefined ? undefined : Number(attemptText);
    if (!from.token) {
        throw new errors/* UsageError */.eb('USAGE', `run ${arg}: set GITHUB_TOKEN to a token that can read ${from.repository}'s Actions artifacts (for example GITHUB_TOKEN=$(gh auth token))`);
    }
    const artifacts = await (from.artifactsFor ?? ((token, repository, id) => (0,run_artifacts/* artifactClientFor */.R)({ token, repository, runId: id })))(from.token, from.repository, runId);
    // Only names the Action writes for this run (and attempt): a listed name that is not one (with
    // '/' or '..') never becomes a folder.
    const records = (await artifacts.list()).filter((a) => {
        const parsed = (0,published_records/* parseRecordArtifactName */.o5)(a.name);
        return parsed !== undefined && parsed.runId === runId && (attempt === undefined || parsed.attempt === attempt);
    });
    if (records.length === 0) {
        throw new errors/* UsageError */.eb('USAGE', `run ${arg} of ${from.repository} has no record artifact${attempt === undefined ? '' : ` of attempt ${attempt}`}: it published none, its artifacts expired, or it is not a run of the remediate Action (runs list --repo shows what is there)`);
    }
    if (records.length > 1) {
        throw new errors/* UsageError */.eb('USAGE', `run ${arg} of ${from.repository} published ${records.length} records (${records
            .map((r) => r.name)
            .slice(0, 10)
            .join(', ')}): name one with 'remediate github download-records --run-id ${runId} --dir <dir>' and pass its folder`);
    }
    const record = records[0];
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'remediate-record-'));
    const done = () => (0,promises_.rm)(scratch, { recursive: true, force: true });
    const dir = (0,external_node_path_.join)(scratch, 'record');
    // Only bytes matching the digest GitHub listed are read: a swapped zip is refused, not shown.
    const matched = record.digest !== undefined &&
        (await artifacts.download(record, dir).catch(async (error) => {
            await done();
            throw error;
        }));
    if (!matched) {
        await done();
        throw new errors/* TrustError */.Ru('DIGEST_MISMATCH', `artifact ${record.name}: ${record.digest === undefined ? 'GitHub lists no digest for it' : 'the downloaded zip does not match the digest GitHub lists'}`);
    }
    return { kind: 'published', dir, artifact: record.name, done };
}

;// CONCATENATED MODULE: ./src/app/yank.ts




/** Writes a new manifest (serial + 1) in which `ref` is yanked with `reason` (and the version to run instead). */
async function yankVersion(keys, settings, now) {
    const previous = await loadPrevious(settings.manifestPath, keys);
    if (!previous) {
        throw new errors/* UsageError */.eb('NOT_FOUND', `manifest ${settings.manifestPath} does not exist: nothing was released there`);
    }
    const payload = yankRelease(previous, settings.ref, settings.reason, now, settings.lifetimeMs, settings.replacement);
    const pending = await (0,manifest_file/* stageManifest */.E5)(settings.manifestPath, signManifest(payload, keys));
    await pending.commit();
    return { serial: payload.serial };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/app/github-environment.ts
// The variables a GitHub runner sets for a step, read once by each entry's settings module and
// passed down typed, so no module below an entry reads the raw environment for them.


/**
 * Reads the GitHub variables of `env`. An empty variable counts as unset (a runner never sets one
 * empty). Values used as paths must be absolute and the repository must be `owner/name`; anything
 * else is refused with a UsageError naming the variable.
 */
function readGitHubEnvironment(env) {
    const value = (name) => env[name] || undefined;
    return {
        actions: env.GITHUB_ACTIONS === 'true',
        runId: value('GITHUB_RUN_ID'),
        runAttempt: value('GITHUB_RUN_ATTEMPT'),
        repository: repository(value('GITHUB_REPOSITORY')),
        serverUrl: value('GITHUB_SERVER_URL'),
        apiUrl: value('GITHUB_API_URL'),
        workspace: absolutePath(env, 'GITHUB_WORKSPACE'),
        runnerTemp: absolutePath(env, 'RUNNER_TEMP'),
        runnerName: value('RUNNER_NAME'),
        runnerOs: value('RUNNER_OS'),
        eventName: value('GITHUB_EVENT_NAME'),
        eventPath: absolutePath(env, 'GITHUB_EVENT_PATH'),
        actor: value('GITHUB_ACTOR'),
        workflowRef: value('GITHUB_WORKFLOW_REF'),
        sha: value('GITHUB_SHA'),
        stepSummary: absolutePath(env, 'GITHUB_STEP_SUMMARY'),
        output: absolutePath(env, 'GITHUB_OUTPUT'),
        token: value('GITHUB_TOKEN') ?? value('GH_TOKEN'),
    };
}
// A relative path would be taken from whatever folder the process started in (for the Action, the
// checkout): records, scratch folders and step outputs would land inside the repository being
// remediated, or be read from it, instead of in the runner's own files.
function absolutePath(env, name) {
    const path = env[name] || undefined;
    if (path !== undefined && !(0,external_node_path_.isAbsolute)(path)) {
        throw new errors/* UsageError */.eb('USAGE', `${name}: expected an absolute path, got '${path.slice(0, 200)}'`);
    }
    return path;
}
/** GitHub's owner and repository names: letters, digits, '-', '_' and '.', never '.' or '..' alone. */
const REPOSITORY = /^(?!\.{1,2}\/)[A-Za-z0-9._-]{1,100}\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
// The repository names what the REST API reads and writes (releases, manifests, run records) and
// the links in the job summary: a value with more segments or URL syntax must not point them elsewhere.
function repository(value) {
    if (value !== undefined && !REPOSITORY.test(value)) {
        throw new errors/* UsageError */.eb('USAGE', `GITHUB_REPOSITORY: expected owner/name, got '${value.slice(0, 200)}'`);
    }
    return value;
}

// EXTERNAL MODULE: ./src/app/blast-radius.ts
var blast_radius = __webpack_require__(18644);
// EXTERNAL MODULE: ./src/app/run-list.ts
var run_list = __webpack_require__(38839);
// EXTERNAL MODULE: ./src/core/idempotency-key.ts
var idempotency_key = __webpack_require__(40884);
;// CONCATENATED MODULE: ./src/cli/command-table.ts


const DEFAULT_MANIFEST = `${manifest_file/* DEFAULT_MANIFEST_PATH */.e} at the repository root`;
/**
 * Where run records go when --out is not given (`run`, `replay`, `runs list`), as help shows it:
 * the user's state folder, outside any repository. settings.ts resolves it (defaultRecordsDir).
 */
const DEFAULT_OUT_DIR_TEXT = '$XDG_STATE_HOME/remediate/runs (~/.local/state/remediate/runs)';
/** run, replay and runs list: what the default --out is made of. */
const recordsEnvironment = {
    XDG_STATE_HOME: 'records go under $XDG_STATE_HOME/remediate/runs when --out is not given (ignored unless absolute)',
    HOME: 'else under ~/.local/state/remediate/runs; with neither usable, --out is required',
};
const USAGE_EXIT = 'usage error or invalid input (arguments, files, definition)';
/** verify, run and replay: which manifest, signed by whom, is trusted. */
const trustOptions = {
    'trusted-key': {
        type: 'string',
        multiple: true,
        value: '<pub>',
        required: true,
        description: 'public key (PEM) trusted to sign the manifest; repeat for several',
    },
    threshold: {
        type: 'string',
        value: '<k>',
        default: '1',
        description: 'distinct trusted keys that must have signed the manifest, 1 to 100',
    },
    'min-serial': {
        type: 'string',
        value: '<n>',
        default: '0',
        description: 'lowest manifest serial accepted: pin the newest seen, so an older manifest cannot be replayed',
    },
    manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the signed manifest' },
};
/** --json on a command that reports something (README "JSON output"). */
const jsonOption = {
    type: 'boolean',
    description: 'print one JSON document on stdout (README "JSON output"); human text goes to stderr',
};
/** run and replay: no live progress. */
const quietRunOption = {
    type: 'boolean',
    description: 'no live progress and no step output: only the result, and errors',
};
/** run and try: the parameters and the target of the run asked for. */
const requestOptions = {
    param: {
        type: 'string',
        multiple: true,
        value: '<key=value>',
        description: "a parameter, checked against the definition's inputs; overrides --params-file",
    },
    'params-file': {
        type: 'string',
        value: '<f.json>',
        description: 'parameters as a JSON object (at most 64 KiB; JSON types kept)',
    },
    target: {
        type: 'string',
        value: '<name>',
        description: 'what the run acts on: recorded, and counted per target by the circuit breaker',
    },
    'target-facts': {
        type: 'string',
        value: '\'{"ssh_host": "..."}\'',
        description: 'facts about the target, a JSON object of strings: each reaches the steps as TARGET_<NAME>',
    },
};
/** run, try and replay: fix even when the check finds nothing to fix. */
const forceOption = {
    type: 'boolean',
    description: 'run the fix even when the check finds the target healthy (recorded)',
};
/** run and try: stop after the check stage. */
const checkOnlyOption = {
    type: 'boolean',
    description: 'run only the check stage and report healthy or unhealthy; never a fix',
};
/** release and yank: the keys that sign the next manifest. */
const signingOptions = {
    key: {
        type: 'string',
        multiple: true,
        value: '<file>',
        required: true,
        description: 'private key (PEM) to sign the new manifest with; repeat for a k-of-n manifest',
    },
    manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the manifest to extend' },
    expires: {
        type: 'string',
        value: '<lifetime>',
        default: '180d',
        description: 'how long the new manifest is valid: 180d, 12h, 30m',
    },
};
/** What authenticates a record (verify-run, show, runs show, runs verify). */
const anchorOptions = {
    'trusted-key': {
        type: 'string',
        multiple: true,
        value: '<run key pub>',
        description: "a run key's public key: the record's receipt.dsse.json must be signed by one",
    },
    'snapshot-digest': {
        type: 'string',
        value: 'sha256:<hex>',
        description: 'the snapshot digest printed when the run ended, kept where the record cannot change it',
    },
    'trusted-root': {
        type: 'string',
        value: '<trusted_root.jsonl>',
        description: "check the record's GitHub artifact attestation against these Sigstore roots (gh attestation trusted-root)",
    },
    'signer-workflow': {
        type: 'string',
        value: '<OWNER/REPO/.github/workflows/file.yml>',
        description: 'with --trusted-root (required then): the workflow that must have attested the record',
    },
    repo: {
        type: 'string',
        value: '<OWNER/REPO>',
        description: 'with --trusted-root (required then): the repository whose run must have attested the record',
    },
    'source-ref': {
        type: 'string',
        value: '<ref>',
        description: 'with --trusted-root: the git ref that run must have been on (refs/heads/main)',
    },
    attestation: {
        type: 'string',
        value: '<bundle.json>',
        default: '<record dir>/receipt.sigstore.json',
        description: 'with --trusted-root: the Sigstore bundle of the attestation',
    },
};
/** `runs show` and `runs verify` also fetch a record a GitHub run published. */
const publishedAnchorOptions = {
    ...anchorOptions,
    repo: {
        type: 'string',
        value: '<OWNER/REPO>',
        description: 'with a run id: the repository whose published record to fetch; with --trusted-root: the repository whose run must have attested it',
    },
};
/** At least one anchor, or the record is not authenticated. */
const anchorAlternatives = {
    options: ['trusted-key', 'snapshot-digest', 'trusted-root'],
    required: true,
};
const recordArgument = {
    name: '<record dir>',
    description: 'a run record folder (as run wrote it)',
};
const publishedRecordArgument = {
    name: '<record dir | run id>',
    description: 'a run record folder, or with --repo a GitHub run id (123456789, or 123456789-2 for an attempt)',
};
const githubOutputOption = {
    type: 'string',
    value: '<file>',
    description: 'append the step outputs here (on GitHub: "$GITHUB_OUTPUT")',
};
const summaryOption = {
    type: 'string',
    value: '<file>',
    description: 'append a Markdown summary here (on GitHub: "$GITHUB_STEP_SUMMARY")',
};
const githubEnvironment = {
    GITHUB_TOKEN: 'token for the REST API',
    GITHUB_REPOSITORY: 'the repository, OWNER/REPO',
    GITHUB_API_URL: 'the REST API (GitHub Enterprise Server), default https://api.github.com',
};
const readerEnvironment = {
    GITHUB_TOKEN: 'with a run id: a token that can read the Actions artifacts of --repo (else GH_TOKEN)',
    GITHUB_API_URL: 'the REST API (GitHub Enterprise Server), default https://api.github.com',
};
const runExitCodes = {
    0: 'succeeded, or healthy; with --check-only also unhealthy (drift found, nothing changed)',
    1: 'a step, verify or the check failed (rollback ran), or the record could not be written',
    2: `${USAGE_EXIT}, parameters or a missing secret`,
    3: 'refused by an integrity or trust check, an open circuit breaker or a duplicate alert: nothing ran',
    4: 'cancelled (SIGINT, SIGTERM, SIGHUP) or timed out',
};
const verifyRunExitCodes = {
    0: 'intact: consistent, and at least one anchor given holds',
    1: 'the record could not be fetched from GitHub',
    2: `${USAGE_EXIT}, or the folder is not a record`,
    3: 'tampered (RECORD_TAMPERED), an anchor does not hold, or no anchor (UNANCHORED)',
};
const showExitCodes = {
    0: 'the report was printed, authenticated or not',
    1: 'the record could not be fetched from GitHub',
    2: `${USAGE_EXIT}, or the folder is not a record`,
    3: 'the record or its definition copy was altered, or an anchor given does not hold',
};
/** Every command of the CLI, keyed by its words as typed (`runs list`). */
const COMMANDS = {
    keygen: {
        summary: 'Write a new Ed25519 key pair: <file> (PKCS#8, mode 0600) and <file>.pub (SPKI)',
        arguments: [],
        options: {
            out: {
                type: 'string',
                value: '<file>',
                required: true,
                description: 'where the private key goes (never overwritten); the public key is <file>.pub',
            },
        },
        examples: ['keygen --out keys/release'],
        exitCodes: { 0: 'written', 2: `${USAGE_EXIT}; the file already exists` },
    },
    digest: {
        summary: "Print a remediation's tree digest: of the working tree (unreleased), or of a commit",
        arguments: [{ name: '<name>', description: 'the remediation: remediations/<name>/' }],
        options: {
            ref: {
                type: 'string',
                value: '<git ref>',
                default: 'the working tree',
                description: 'digest the files at this commit, read from git objects',
            },
            json: jsonOption,
        },
        examples: ['digest restart-service', 'digest restart-service --ref restart-service/v1.2.0'],
        exitCodes: { 0: 'printed', 2: USAGE_EXIT, 3: 'unsafe tree (a symlink or submodule)' },
    },
    init: {
        summary: 'Start a remediation: write remediations/<name>/ with a commented remediation.yml, a check and a fix script',
        arguments: [{ name: '<name>', description: 'the new remediation: lower-case letters, digits and -' }],
        options: {},
        notes: [
            'Never overwrites: an existing remediations/<name>/ is refused. The files pass validate as written; edit them, then try and release.',
        ],
        examples: ['init rotate-logs'],
        exitCodes: { 0: 'written (the next steps are printed)', 2: `${USAGE_EXIT}; the folder already exists` },
    },
    try: {
        summary: "Run the working tree's remediations/<name>/ (uncommitted edits included) UNRELEASED, and record it",
        arguments: [{ name: '<name>', description: 'the remediation: remediations/<name>/ as it is now' }],
        options: {
            ...requestOptions,
            out: {
                type: 'string',
                value: '<dir>',
                default: DEFAULT_OUT_DIR_TEXT,
                description: 'the folder the record is written under (and the unreleased runs the breaker counts)',
            },
            'dry-run': { type: 'boolean', description: 'validate and print the plan; run nothing, record nothing' },
            force: forceOption,
            'check-only': checkOnlyOption,
            'ignore-circuit-breaker': {
                type: 'boolean',
                description: 'run even when the circuit breaker (counting unreleased runs) is open (recorded)',
            },
            'sign-key': {
                type: 'string',
                value: '<ed25519 private key>',
                default: '$REMEDIATE_SIGN_KEY',
                description: "sign the record's receipt with this run key (the receipt says unreleased too)",
            },
        },
        alternatives: [{ options: ['force', 'check-only'], exclusive: true }],
        environment: {
            GITHUB_ACTIONS: 'when true (a GitHub Actions job), try refuses to run (UNRELEASED_ON_GITHUB): only releases run there',
            REMEDIATE_SIGN_KEY: 'the run key file, when --sign-key is not given',
            REMEDIATION_SECRETS: 'a JSON object of secret values, for declared secrets not set as variables of their own name',
        },
        notes: [
            'For development: no tag, manifest or signature is checked (there is none); the definition is validated as validate does.',
            'The record says unreleased: true (snapshot and receipt), under version v0.0.0-unreleased with the working tree digest; show, runs list and verify-run print it as UNRELEASED, and replay refuses it.',
            "The circuit breaker counts unreleased runs only, and a released version's breaker never counts them.",
        ],
        examples: ['try rotate-logs --param path=/tmp/app.log', 'try rotate-logs --param path=/tmp/app.log --check-only'],
        exitCodes: {
            ...runExitCodes,
            3: 'refused: in a GitHub Actions job (UNRELEASED_ON_GITHUB), or by an open circuit breaker; nothing ran',
        },
    },
    release: {
        summary: 'Tag HEAD as <name>/<version> and sign the next manifest with its entry',
        arguments: [
            {
                name: '<name>',
                description: 'the remediation: remediations/<name>/',
                omittedWith: 'from-tag',
            },
            { name: '<version>', description: 'the new version, v<semver>', omittedWith: 'from-tag' },
        ],
        options: {
            ...signingOptions,
            'from-tag': {
                type: 'string',
                value: '<name>/<version>',
                description: 'sign an entry for this tag, already pushed (no tag is created), instead of <name> <version>',
            },
            'manifest-out': {
                type: 'string',
                value: '<file>',
                default: 'over --manifest',
                description: 'write the new manifest here',
            },
            'first-release': {
                type: 'boolean',
                description: 'with --from-tag: no manifest exists yet, start one at serial 1 (else a missing one is refused)',
            },
        },
        notes: [
            'A released version is never changed: to fix one, release a new version (and yank the old one).',
            'With --from-tag, give --manifest <previous> or --first-release: automation that found no manifest must not start over.',
        ],
        examples: [
            'release restart-service v1.2.0 --key keys/release',
            'release --from-tag restart-service/v1.2.0 --key release.pem --manifest previous.json --manifest-out manifest.json',
        ],
        exitCodes: {
            0: 'released',
            2: `${USAGE_EXIT}; a dirty folder`,
            3: 'refused: the version or tag exists, the manifest does not verify, an unsafe tree',
        },
    },
    yank: {
        summary: 'Mark a released version yanked in the next manifest: runs of it are then refused',
        arguments: [{ name: '<name@version>', description: 'the released version: <name>@v<semver>' }],
        options: {
            key: signingOptions.key,
            reason: {
                type: 'string',
                value: '"<why>"',
                required: true,
                description: 'why it is yanked; recorded in the manifest and shown in the refusal',
            },
            replacement: {
                type: 'string',
                value: '<version>',
                description: 'a released, unyanked version of the same remediation to run instead; refusals of the yanked one name it',
            },
            manifest: signingOptions.manifest,
            expires: signingOptions.expires,
        },
        examples: [
            'yank restart-service@v1.2.0 --key keys/release --reason "restarts the wrong unit"',
            'yank restart-service@v1.2.0 --key keys/release --reason "restarts the wrong unit" --replacement v1.2.1',
        ],
        exitCodes: { 0: 'yanked', 2: USAGE_EXIT, 3: 'refused: unknown version, or the manifest does not verify' },
    },
    verify: {
        summary: 'Check a released version as run does (tag, commit, digest, signed manifest); run nothing',
        arguments: [{ name: '<name@version>', description: 'the released version: <name>@v<semver>' }],
        options: { ...trustOptions, json: jsonOption },
        examples: ['verify restart-service@v1.2.0 --trusted-key keys/release.pub --min-serial 7'],
        exitCodes: { 0: 'verified', 2: USAGE_EXIT, 3: 'refused by an integrity or trust check (the message names it)' },
    },
    run: {
        summary: 'Verify a released version, then run it (check, steps, verify, rollback) and write its record',
        arguments: [{ name: '<name@version>', description: 'the released version: <name>@v<semver>' }],
        options: {
            ...trustOptions,
            ...requestOptions,
            out: {
                type: 'string',
                value: '<dir>',
                default: DEFAULT_OUT_DIR_TEXT,
                description: 'the folder the record is written under (and the history the guards read)',
            },
            'dry-run': { type: 'boolean', description: 'verify and print the plan; run nothing, record nothing' },
            force: forceOption,
            'check-only': checkOnlyOption,
            'ignore-circuit-breaker': {
                type: 'boolean',
                description: "run even when the version's circuit breaker is open (recorded)",
            },
            'idempotency-key': {
                type: 'string',
                value: '<alert id>',
                default: "in a GitHub job, derived from the event's alert",
                description: 'the alert this run is for: refused as DUPLICATE_ALERT when an earlier run with it started its fix',
            },
            'sign-key': {
                type: 'string',
                value: '<ed25519 private key>',
                default: '$REMEDIATE_SIGN_KEY',
                description: "sign the record's receipt with this run key",
            },
            'plan-digest': {
                type: 'string',
                value: '<sha256:hex>',
                description: 'run only if what verifies now plans exactly this approved plan (the digest --dry-run printed); else PLAN_CHANGED, exit 3, recorded',
            },
            json: jsonOption,
            quiet: quietRunOption,
        },
        alternatives: [{ options: ['force', 'check-only'], exclusive: true }],
        environment: {
            REMEDIATE_SIGN_KEY: 'the run key file, when --sign-key is not given',
            REMEDIATION_SECRETS: 'a JSON object of secret values, for declared secrets not set as variables of their own name',
            ...recordsEnvironment,
            NO_COLOR: 'any non-empty value: no colour in the live progress',
        },
        notes: [
            'On a terminal, stderr shows live progress: each stage and step as it starts and ends, and the step output as recorded (redacted).',
        ],
        examples: [
            'run restart-service@v1.2.0 --trusted-key keys/release.pub --param unit=nginx.service',
            'run restart-service@v1.2.0 --trusted-key keys/release.pub --params-file params.json --dry-run',
            'run reapply-config@v1.0.0 --trusted-key keys/release.pub --check-only --target web-1',
            'run reapply-config@v1.0.0 --trusted-key keys/release.pub --target web-1 --plan-digest sha256:0c1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6',
        ],
        exitCodes: runExitCodes,
    },
    replay: {
        summary: "Run a record's version again with its parameters and target, verified as any run",
        arguments: [{ ...recordArgument, description: 'the record of the run to repeat' }],
        options: {
            ...trustOptions,
            'receipt-key': {
                type: 'string',
                multiple: true,
                value: '<run key pub>',
                description: "a run key's public key that signed the record's receipt (--trusted-key is the release key)",
            },
            'snapshot-digest': anchorOptions['snapshot-digest'],
            'trusted-root': anchorOptions['trusted-root'],
            unanchored: {
                type: 'boolean',
                description: 'replay a record no anchor vouches for (recorded as unauthenticated)',
            },
            'signer-workflow': anchorOptions['signer-workflow'],
            repo: anchorOptions.repo,
            'source-ref': anchorOptions['source-ref'],
            attestation: anchorOptions.attestation,
            out: {
                type: 'string',
                value: '<dir>',
                default: DEFAULT_OUT_DIR_TEXT,
                description: 'the folder the new record is written under',
            },
            'dry-run': { type: 'boolean', description: 'print the plan of the replay; run nothing, record nothing' },
            force: forceOption,
            'ignore-circuit-breaker': {
                type: 'boolean',
                description: "run even when the version's circuit breaker is open (recorded)",
            },
            'sign-key': {
                type: 'string',
                value: '<ed25519 private key>',
                default: '$REMEDIATE_SIGN_KEY',
                description: "sign the new record's receipt with this run key",
            },
            json: jsonOption,
            quiet: quietRunOption,
        },
        alternatives: [{ options: ['receipt-key', 'snapshot-digest', 'trusted-root', 'unanchored'], required: true }],
        environment: {
            REMEDIATE_SIGN_KEY: 'the run key file, when --sign-key is not given',
            REMEDIATION_SECRETS: 'secrets are collected again, never read from the record',
            ...recordsEnvironment,
            NO_COLOR: 'any non-empty value: no colour in the live progress',
        },
        notes: ['--param, --params-file and --target are not accepted: a replay takes them from the record.'],
        examples: [
            'replay ~/.local/state/remediate/runs/reapply-config-v1.0.0-20261202T112452Z-c52b4b --trusted-key keys/release.pub --receipt-key keys/run-key.pub',
        ],
        exitCodes: { ...runExitCodes, 2: `${runExitCodes[2]}; the record cannot be replayed (NOT_REPLAYABLE)` },
    },
    'verify-run': {
        summary: 'Check a run record: consistent, and authenticated by at least one anchor (intact)',
        arguments: [recordArgument],
        options: { ...anchorOptions, json: jsonOption },
        alternatives: [anchorAlternatives],
        notes: ['Without an anchor it never says intact: whoever can write the folder can rewrite all of it.'],
        examples: [
            'verify-run ~/.local/state/remediate/runs/restart-service-v1.2.0-20261202T112452Z-c52b4b --trusted-key keys/run-key.pub',
            'verify-run record --snapshot-digest sha256:2f1e0c3a5b7d9e1f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f',
        ],
        exitCodes: verifyRunExitCodes,
    },
    show: {
        summary: 'Print a run record for a reader, after every check verify-run makes (runs show is the same)',
        arguments: [recordArgument],
        options: { ...anchorOptions, json: jsonOption },
        notes: ['A reader: an unauthenticated record is shown under a NOT AUTHENTICATED banner; verify-run is the check.'],
        examples: [
            'show ~/.local/state/remediate/runs/restart-service-v1.2.0-20261202T112452Z-c52b4b --trusted-key keys/run-key.pub',
        ],
        exitCodes: showExitCodes,
    },
    'runs list': {
        summary: 'List past runs, newest first: the records in --out, or those --repo published as artifacts',
        arguments: [],
        options: {
            out: {
                type: 'string',
                value: '<dir>',
                default: `${DEFAULT_OUT_DIR_TEXT}, where run writes`,
                description: 'the folder of local record folders',
            },
            repo: {
                type: 'string',
                value: '<OWNER/REPO>',
                description: 'list the records published there as workflow artifacts instead',
            },
            name: { type: 'string', value: '<name>', description: 'only runs of this remediation' },
            target: { type: 'string', value: '<name>', description: 'only runs for this target' },
            status: {
                type: 'string',
                multiple: true,
                value: '<status>',
                description: `only runs with this status; repeat for several: ${run_list/* LISTED_STATUSES */.Lq.join(', ')}`,
            },
            since: {
                type: 'string',
                value: '<30m|24h|7d|2026-11-01|2026-11-01T08:00:00Z>',
                description: 'only runs started since then: a duration back from now, a date (UTC), or a time with its zone',
            },
            limit: {
                type: 'string',
                value: '<n>',
                default: 'all; 30 with --repo',
                description: 'keep the newest n after filtering',
            },
            json: { type: 'boolean', description: 'print one JSON array of rows instead of the table' },
        },
        alternatives: [{ options: ['out', 'repo'], exclusive: true }],
        environment: {
            GITHUB_TOKEN: 'with --repo: a token that can read its Actions artifacts (else GH_TOKEN)',
            GITHUB_API_URL: 'the REST API (GitHub Enterprise Server), default https://api.github.com',
            ...recordsEnvironment,
        },
        examples: ['runs list --status failed --since 24h', 'runs list --repo acme/ops --name restart-service --json'],
        exitCodes: { 0: 'listed (unreadable folders are named on stderr)', 1: 'GitHub could not be read', 2: USAGE_EXIT },
    },
    'runs show': {
        summary: 'Print a run record, local or published by a GitHub run (the same as show)',
        arguments: [publishedRecordArgument],
        options: { ...publishedAnchorOptions, json: jsonOption },
        environment: readerEnvironment,
        examples: [
            'runs show ~/.local/state/remediate/runs/restart-service-v1.2.0-20261202T112452Z-c52b4b',
            'runs show 123456789 --repo acme/ops',
        ],
        exitCodes: showExitCodes,
    },
    'runs verify': {
        summary: 'Check a run record, local or published by a GitHub run (the same as verify-run)',
        arguments: [publishedRecordArgument],
        options: { ...publishedAnchorOptions, json: jsonOption },
        alternatives: [anchorAlternatives],
        environment: readerEnvironment,
        examples: [
            'runs verify 123456789-2 --repo acme/ops --trusted-root trusted_root.jsonl --signer-workflow acme/ops/.github/workflows/remediate.yml',
        ],
        exitCodes: verifyRunExitCodes,
    },
    'manifest show': {
        summary: 'Print a manifest: serial, times, signers, and every version with its commit, digest and yank',
        arguments: [],
        options: {
            manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the signed manifest' },
            'trusted-key': {
                type: 'string',
                multiple: true,
                value: '<pub>',
                description: 'check the signatures against this public key first (repeat for several); without, nothing is authenticated',
            },
            threshold: trustOptions.threshold,
            json: { type: 'boolean', description: 'print one JSON document instead of the text' },
        },
        examples: ['manifest show', 'manifest show --trusted-key keys/release.pub --json'],
        exitCodes: { 0: 'shown', 2: USAGE_EXIT, 3: 'the manifest is malformed, or does not verify against --trusted-key' },
    },
    versions: {
        summary: "List one remediation's released versions, newest first, with their yanks",
        arguments: [{ name: '<name>', description: 'the remediation name' }],
        options: {
            manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the signed manifest' },
            'trusted-key': {
                type: 'string',
                multiple: true,
                value: '<pub>',
                description: 'check the signatures against this public key first (repeat for several)',
            },
            threshold: trustOptions.threshold,
            json: { type: 'boolean', description: 'print one JSON array instead of the text' },
        },
        examples: ['versions restart-service', 'versions restart-service --trusted-key keys/release.pub --json'],
        exitCodes: {
            0: 'listed',
            2: `${USAGE_EXIT}; no such remediation`,
            3: 'the manifest is malformed, or does not verify',
        },
    },
    'manifest check': {
        summary: 'Check that a new manifest only appends to the previous one (serial + 1, nothing changed or un-yanked)',
        arguments: [],
        options: {
            manifest: { type: 'string', value: '<path>', required: true, description: 'the new manifest' },
            previous: { type: 'string', value: '<path>', description: 'the previous manifest, as a file' },
            'previous-ref': {
                type: 'string',
                value: '<git ref>',
                description: 'the previous manifest: the same path at this git ref',
            },
        },
        alternatives: [{ options: ['previous', 'previous-ref'], required: true, exclusive: true }],
        examples: ['manifest check --manifest remediations/manifest.json --previous-ref origin/main'],
        exitCodes: { 0: 'append-only', 2: USAGE_EXIT, 3: 'not append-only, or a manifest is malformed' },
    },
    gateway: {
        summary: 'Run the alert gateway: receive webhooks, map them by rule, send repository_dispatch; serves until SIGTERM',
        arguments: [],
        options: {
            config: { type: 'string', value: '<gateway.yml>', required: true, description: "the gateway's config" },
        },
        environment: {
            '(named in the config)': "the GitHub token, and each source's bearer token or HMAC secret",
            GITHUB_API_URL: "the REST API, over the config's github.api-url",
        },
        examples: ['gateway --config /etc/remediate/gateway.yml'],
        exitCodes: { 0: 'stopped by SIGTERM or SIGINT after finishing in-flight work', 2: `${USAGE_EXIT}; invalid config` },
    },
    'gateway check': {
        summary: 'Validate the gateway config and print its sources and rules as the gateway reads them',
        arguments: [],
        options: {
            config: { type: 'string', value: '<gateway.yml>', required: true, description: "the gateway's config" },
        },
        examples: ['gateway check --config gateway.yml'],
        exitCodes: { 0: 'valid', 2: `${USAGE_EXIT}; invalid config (file:line:col)` },
    },
    'gateway replay-dead': {
        summary: 'Re-queue the dispatches GitHub refused, for the running gateway to send again',
        arguments: [],
        options: {
            config: { type: 'string', value: '<gateway.yml>', required: true, description: "the gateway's config" },
        },
        examples: ['gateway replay-dead --config gateway.yml'],
        exitCodes: { 0: 're-queued (the count is printed)', 2: `${USAGE_EXIT}; invalid config` },
    },
    validate: {
        summary: 'Validate the remediations changed since --base (all without it): schema, semantics, shell syntax; and remediations/targets.yml',
        workflow: true,
        arguments: [],
        options: {
            base: {
                type: 'string',
                value: '<git ref>',
                default: 'every remediation',
                description: 'validate what changed since',
            },
            summary: { ...summaryOption, description: 'append a table (newest release, digests, the version to cut) here' },
            json: jsonOption,
            quiet: { type: 'boolean', description: 'print only the problems (and a refused manifest change)' },
        },
        examples: ['validate', 'validate --base origin/main --summary "$GITHUB_STEP_SUMMARY"'],
        exitCodes: {
            0: 'every definition is valid, and the targets file if there is one',
            2: 'an invalid definition or targets file (annotated with file:line:col), or a usage error',
            3: 'remediations/manifest.json changed in a way that is not append-only',
        },
    },
    'dispatch parse': {
        summary: 'Validate a repository_dispatch payload and write it as step outputs',
        workflow: true,
        arguments: [],
        options: {
            event: {
                type: 'string',
                value: '<event.json>',
                required: true,
                description: 'the event to read (on GitHub: "$GITHUB_EVENT_PATH")',
            },
            'github-output': githubOutputOption,
        },
        examples: ['dispatch parse --event "$GITHUB_EVENT_PATH" --github-output "$GITHUB_OUTPUT"'],
        exitCodes: { 0: 'outputs written', 2: 'an invalid payload, or a usage error' },
    },
    'targets resolve': {
        summary: "Look up a target's runner labels and facts in the targets file (routing), or every leg's",
        workflow: true,
        arguments: [],
        options: {
            target: { type: 'string', value: '<name>', description: 'the one target to route' },
            legs: {
                type: 'string',
                value: '<JSON list of legs>',
                description: 'the legs whose targets to route (fleet, drift)',
            },
            file: {
                type: 'string',
                value: '<targets.yml>',
                default: 'remediations/targets.yml',
                description: 'the targets file',
            },
            'github-output': githubOutputOption,
        },
        alternatives: [{ options: ['target', 'legs'], required: true, exclusive: true }],
        examples: ['targets resolve --target web-1 --github-output "$GITHUB_OUTPUT"'],
        exitCodes: {
            0: 'routed',
            2: `${USAGE_EXIT}; a hostile target name, a missing or invalid targets file`,
            3: 'a target the file does not list (UNKNOWN_TARGET)',
        },
    },
    summarize: {
        summary: 'Table many run records (healthy, unhealthy, fixed, failed) as Markdown',
        workflow: true,
        arguments: [{ name: '<record dir>', variadic: true, description: 'run record folders' }],
        options: { summary: summaryOption },
        examples: ['summarize records/* --summary "$GITHUB_STEP_SUMMARY"'],
        exitCodes: {
            0: 'every run succeeded, or was healthy or unhealthy',
            1: 'a run did not (failed, refused, cancelled...)',
            2: USAGE_EXIT,
        },
    },
    'blast-radius': {
        summary: 'The max-unhealthy gate: count targets not known healthy in check-only records; refuse past the limit',
        workflow: true,
        arguments: [
            {
                name: '<check-only record dir>',
                optional: true,
                variadic: true,
                description: 'the records of the check-only legs (a target without one counts as unhealthy)',
            },
        ],
        options: {
            'max-unhealthy': {
                type: 'string',
                value: '<n | p%>',
                required: true,
                description: 'how many targets may need fixing at once: a whole number, or a whole percent of --total',
            },
            total: { type: 'string', value: '<targets>', required: true, description: 'how many targets were checked' },
            legs: {
                type: 'string',
                value: '<JSON list of legs>',
                description: "the plan's legs: also write outputs fix-legs (those whose check was not healthy) and fix-count, for drift.yml's approval-environment",
            },
            'hold-all': {
                type: 'boolean',
                description: 'with --legs: every leg needs a fix (a check leg did not succeed, so a record may be missing or forged)',
            },
            'github-output': githubOutputOption,
            summary: summaryOption,
        },
        examples: [
            'blast-radius --max-unhealthy 25% --total 12 checks/*',
            'blast-radius --max-unhealthy 100% --total 2 --legs \'[{"remediation":"reapply-config@v1.0.0","target":"web-1","params":{}}]\' checks/*',
        ],
        exitCodes: {
            0: 'at or under the limit',
            2: `${USAGE_EXIT}; more records than --total`,
            3: 'more targets need fixing than allowed (TOO_MANY_UNHEALTHY)',
        },
    },
    'github newest-manifest': {
        summary: 'Write the manifest with the highest serial published under a manifest/s<serial> tag',
        workflow: true,
        arguments: [],
        options: {
            out: { type: 'string', value: '<file>', required: true, description: 'where to write it' },
            'trusted-key': {
                type: 'string',
                multiple: true,
                value: '<pub>',
                default: 'any manifest',
                description: 'take only manifests signed by one of these keys',
            },
        },
        environment: githubEnvironment,
        notes: ['With no manifest published it writes nothing and says this is the first release.'],
        examples: ['github newest-manifest --out previous.json --trusted-key keys/release.pub'],
        exitCodes: {
            0: 'written, or none published',
            1: 'a GitHub API failure',
            2: `${USAGE_EXIT}; a manifest published only as a release asset`,
        },
    },
    'github publish-manifest': {
        summary: 'Publish a signed manifest as the release manifest/s<serial> (idempotent)',
        workflow: true,
        arguments: [],
        options: {
            manifest: { type: 'string', value: '<file>', required: true, description: 'the signed manifest' },
            'trusted-key': {
                type: 'string',
                multiple: true,
                value: '<pub>',
                required: true,
                description: 'public key the manifest must be signed by: only a manifest they signed is published',
            },
            target: {
                type: 'string',
                value: '<git rev>',
                default: 'HEAD',
                description: 'where the manifest/s<serial> tag goes',
            },
        },
        environment: githubEnvironment,
        examples: ['github publish-manifest --manifest manifest.json --trusted-key keys/release.pub'],
        exitCodes: {
            0: 'published, or already published with the same bytes',
            1: 'a GitHub API failure',
            2: USAGE_EXIT,
            3: 'refused: another manifest has that serial, or the serial is not the newest (SERIAL_ROLLBACK)',
        },
    },
    'github publish-release': {
        summary: 'Publish a release for a pushed tag: draft, then assets, then published',
        workflow: true,
        arguments: [],
        options: {
            tag: { type: 'string', value: '<tag>', required: true, description: 'the pushed tag' },
            asset: { type: 'string', multiple: true, value: '<file>', description: 'a file to attach; repeat for several' },
            'notes-file': { type: 'string', value: '<file>', description: 'the release notes (at most 1 MiB)' },
            prerelease: { type: 'boolean', description: 'mark the release as a prerelease' },
        },
        environment: githubEnvironment,
        examples: ['github publish-release --tag restart-service/v1.2.0 --asset manifest.json --notes-file notes.md'],
        exitCodes: { 0: 'published', 1: 'a GitHub API failure', 2: USAGE_EXIT },
    },
    'github fleet-gate': {
        summary: 'Count the failed fix legs of this run attempt; write the skip and failed outputs',
        workflow: true,
        arguments: [],
        options: {
            'leg-prefix': {
                type: 'string',
                value: '<text>',
                required: true,
                description: "the legs' job names contain this",
            },
            'max-failures': {
                type: 'string',
                value: '<n>',
                required: true,
                description: 'failed legs (1 or more) after which the others skip their fix',
            },
            'gate-step': {
                type: 'string',
                value: '<step name>',
                required: true,
                description: 'a leg whose step of this name failed never ran the fix, and does not count',
            },
            'github-output': githubOutputOption,
            summary: summaryOption,
        },
        environment: {
            ...githubEnvironment,
            GITHUB_RUN_ID: 'this workflow run',
            GITHUB_RUN_ATTEMPT: 'its attempt',
        },
        examples: [
            'github fleet-gate --leg-prefix "fix " --max-failures 2 --gate-step gate --github-output "$GITHUB_OUTPUT"',
        ],
        exitCodes: { 0: 'counted', 1: 'the jobs could not be read', 2: USAGE_EXIT },
    },
    'github download-records': {
        summary: "Download this run attempt's record artifacts (or another run's), each checked against its digest",
        workflow: true,
        arguments: [],
        options: {
            dir: { type: 'string', value: '<dir>', required: true, description: 'records go to <dir>/<artifact name>/' },
            'suffix-prefix': {
                type: 'string',
                value: '<text>',
                description: 'only records whose record suffix starts with this (check-: the check-only legs)',
            },
            'skip-suffix-prefix': {
                type: 'string',
                value: '<text>',
                description: 'no record whose record suffix starts with this (check-: all but the check-only legs)',
            },
            'run-id': {
                type: 'string',
                value: '<workflow run id>',
                default: 'this run',
                description: 'another workflow run of the repository whose records to download (for a replay)',
            },
            attempt: { type: 'string', value: '<n>', default: '1', description: 'with --run-id: its attempt' },
        },
        alternatives: [{ options: ['suffix-prefix', 'skip-suffix-prefix'], exclusive: true }],
        environment: {
            ...githubEnvironment,
            GITHUB_RUN_ID: 'this workflow run',
            GITHUB_RUN_ATTEMPT: 'its attempt',
        },
        examples: [
            'github download-records --dir records --suffix-prefix check-',
            'github download-records --dir replay --run-id 123456789 --attempt 2',
        ],
        exitCodes: {
            0: 'downloaded',
            1: 'a GitHub API failure',
            2: USAGE_EXIT,
            3: 'a record did not match the digest GitHub lists (left out; the rest downloaded)',
        },
    },
    demo: {
        summary: 'Release and run an example in a throwaway folder, then show tampering refused',
        arguments: [],
        options: { clean: { type: 'boolean', description: 'remove the demo folder afterwards' } },
        examples: ['demo', 'demo --clean'],
        exitCodes: { 0: 'the demo went as expected', 2: 'a step of the demo did not' },
    },
    help: {
        summary: "Print the usage, or a command's: its arguments, options, examples and exit codes",
        arguments: [
            { name: '<command>', optional: true, variadic: true, description: 'a command, such as run or runs list' },
        ],
        options: {},
        notes: ["'remediate <command> --help' and '-h' print the same."],
        examples: ['help', 'help run', 'help runs list'],
        exitCodes: { 0: 'printed', 2: 'no such command' },
    },
    version: {
        summary: "Print remediate's version (also --version)",
        arguments: [],
        options: {},
        examples: ['version', '--version'],
        exitCodes: { 0: 'printed' },
    },
};
/** First words that only group subcommands (`runs`, `github`): summaries for their help. */
const COMMAND_GROUPS = {
    runs: 'Run history: list past runs, and show or verify one, local or published on GitHub',
    manifest: 'The signed manifest: show it, or check that a new one only appends',
    dispatch: 'The repository_dispatch payload, as the reusable workflows read it',
    github: 'What the reusable workflows ask of GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL)',
    targets: 'The targets file (remediations/targets.yml): where each target runs, as the reusable workflows read it',
};
/** Every command key, in table order. */
const COMMAND_KEYS = Object.keys(COMMANDS);
/** The table entry of a command, without its literal types (for rendering and checks). */
function commandSpec(key) {
    return COMMANDS[key];
}
/** The commands one word below `prefix`: `runs list`, `runs show`, `runs verify` below `runs`. */
function subcommandsOf(prefix) {
    return COMMAND_KEYS.filter((key) => key.startsWith(`${prefix} `));
}
/** Whether `text` names a command (`runs list`). */
function isCommandKey(text) {
    return Object.hasOwn(COMMANDS, text);
}

;// CONCATENATED MODULE: ./src/cli/usage-text.ts
// Every usage text the CLI prints, rendered from the command table (command-table.ts): the
// global usage (`remediate`, `help`, `--help`), one command's (`remediate run --help`,
// `remediate help run`) and a group's (`remediate runs --help`). Nothing here is hand-kept per
// command, so the help cannot drift from what the parser accepts.

/** Lines are wrapped to this many columns (a terminal's 80 leaves too little for synopses). */
const WIDTH = 110;
/** Continuation lines of a synopsis start here, under the command's first argument or so. */
const SYNOPSIS_INDENT = ' '.repeat(16);
/** `--out <file>`, or `--force` for a flag. */
function optionLabel(name, option) {
    return option.type === 'string' ? `--${name} ${option.value ?? '<value>'}` : `--${name}`;
}
function argumentToken(argument) {
    const shown = argument.variadic ? `${argument.name}...` : argument.name;
    return argument.optional ? `[${shown}]` : shown;
}
function optionToken(name, option) {
    const label = optionLabel(name, option);
    if (option.required)
        return option.multiple ? `${label} [--${name} ...]` : label;
    return option.multiple ? `[${label} ...]` : `[${label}]`;
}
function alternativesToken(group, options) {
    const members = group.options.map((name) => {
        const option = options[name];
        return option === undefined ? `--${name}` : `${optionLabel(name, option)}${option.multiple ? ' ...' : ''}`;
    });
    return group.required ? `(${members.join(' | ')})` : `[${members.join(' | ')}]`;
}
/** The words of a command's synopsis after `remediate <command>`, each kept on one line. */
function synopsisTokens(spec) {
    const tokens = [];
    const shown = new Set();
    const omittedWith = spec.arguments.find((a) => a.omittedWith !== undefined)?.omittedWith;
    const args = spec.arguments.map(argumentToken);
    const replacement = omittedWith === undefined ? undefined : spec.options[omittedWith];
    if (omittedWith !== undefined && replacement !== undefined) {
        tokens.push(`(${args.join(' ')} | ${optionLabel(omittedWith, replacement)})`);
        shown.add(omittedWith);
    }
    else {
        tokens.push(...args);
    }
    for (const [name, option] of Object.entries(spec.options)) {
        if (shown.has(name))
            continue;
        const group = spec.alternatives?.find((g) => g.options.includes(name));
        if (group === undefined) {
            tokens.push(optionToken(name, option));
            shown.add(name);
        }
        else {
            tokens.push(alternativesToken(group, spec.options));
            group.options.forEach((member) => shown.add(member));
        }
    }
    return tokens;
}
/** Joins tokens into lines of at most WIDTH columns where possible; no token is split. */
function wrapTokens(first, tokens, indent) {
    const lines = [];
    let line = first;
    for (const token of tokens) {
        if (line.length + 1 + token.length > WIDTH && line.trim() !== '') {
            lines.push(line);
            line = `${indent}${token}`;
        }
        else {
            line = line.endsWith(' ') || line === '' ? `${line}${token}` : `${line} ${token}`;
        }
    }
    lines.push(line);
    return lines;
}
/** Word-wraps a paragraph: the first line after `first`, the rest after `indent`. */
function wrapText(first, text, indent) {
    return wrapTokens(first, text.split(' '), indent);
}
/** `  remediate run <name@version> --trusted-key <pub> ...`, wrapped. */
function synopsis(key) {
    return wrapTokens(`  remediate ${key}`, synopsisTokens(commandSpec(key)), SYNOPSIS_INDENT);
}
function describeOption(option) {
    const traits = [
        ...(option.required ? ['required'] : []),
        ...(option.multiple ? ['repeatable'] : []),
        ...(option.default !== undefined ? [`default: ${option.default}`] : []),
    ];
    return traits.length === 0 ? option.description : `${option.description} (${traits.join('; ')})`;
}
/** `label  description` rows, the descriptions aligned and wrapped under each other. */
function table(rows) {
    const column = Math.min(36, Math.max(...rows.map(([label]) => label.length)) + 2);
    const indent = ' '.repeat(2 + column);
    return rows.flatMap(([label, text]) => label.length + 2 > column
        ? [`  ${label}`, ...wrapText(indent, text, indent)]
        : wrapText(`  ${label.padEnd(column)}`, text, indent));
}
function alternativesSentence(group) {
    const names = group.options.map((name) => `--${name}`);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
    if (group.required && group.exclusive)
        return `Give exactly one of ${list}.`;
    if (group.required)
        return `Give at least one of ${list}.`;
    return `Give at most one of ${list}.`;
}
/** A command's synopsis and, under it, its summary (the global usage and group helps). */
function entry(key) {
    return [...synopsis(key), `      ${commandSpec(key).summary}`];
}
/** `remediate <command> --help`: everything about one command. */
function commandUsage(key) {
    const spec = commandSpec(key);
    const lines = [`remediate ${key}: ${spec.summary}`, '', 'Usage:', ...synopsis(key)];
    if (spec.arguments.length > 0) {
        lines.push('', 'Arguments:', ...table(spec.arguments.map((a) => [a.name, a.description])));
    }
    lines.push('', 'Options:', ...table([
        ...Object.entries(spec.options).map(([name, option]) => [
            optionLabel(name, option),
            describeOption(option),
        ]),
        ['-h, --help', 'print this help'],
    ]));
    for (const group of spec.alternatives ?? [])
        lines.push(`  ${alternativesSentence(group)}`);
    if (spec.environment !== undefined) {
        lines.push('', 'Environment:', ...table(Object.entries(spec.environment)));
    }
    if (spec.notes !== undefined)
        lines.push('', ...spec.notes.flatMap((note) => wrapText('', note, '')));
    const subcommands = subcommandsOf(key);
    if (subcommands.length > 0)
        lines.push('', 'Subcommands:', ...subcommands.flatMap(entry));
    lines.push('', 'Examples:', ...spec.examples.map((example) => `  remediate ${example}`));
    lines.push('', 'Exit codes:', ...table(Object.entries(spec.exitCodes).map(([code, meaning]) => [code, meaning])));
    return lines.join('\n');
}
/** `remediate runs --help`: the subcommands of a group word. */
function groupUsage(group) {
    const lines = [`remediate ${group}: ${COMMAND_GROUPS[group] ?? ''}`, '', 'Commands:'];
    lines.push(...subcommandsOf(group).flatMap(entry));
    lines.push('', `'remediate ${group} <command> --help' prints a command's options, examples and exit codes.`);
    return lines.join('\n');
}
/** `remediate`, `remediate help`, `remediate --help`: every command, with its synopsis. */
function globalUsage() {
    const people = COMMAND_KEYS.filter((key) => commandSpec(key).workflow !== true);
    const workflows = COMMAND_KEYS.filter((key) => commandSpec(key).workflow === true);
    return [
        'remediate — signed, immutable remediations with a tamper-evident record',
        '',
        'Usage: remediate <command> [<arguments>] [<options>]',
        "       remediate <command> --help (or -h, or 'remediate help <command>'): the command's arguments,",
        '       every option with its default, examples and exit codes',
        '',
        'Commands:',
        ...people.flatMap(entry),
        '',
        'Commands the reusable workflows call:',
        ...workflows.flatMap(entry),
        '',
        'Versions are exact: <name>@v<semver> (tag <name>/v<semver>).',
        'Exit codes: 0 success, 1 the remediation ran and failed (or error [INTERNAL], a bug), 2 usage or invalid input,',
        '            3 refused by an integrity or trust check, 4 cancelled or timed out.',
    ].join('\n');
}
/** The help for a topic the parser resolved (a command or a group word), or the global usage. */
function helpText(topic) {
    if (topic === undefined)
        return globalUsage();
    if (isCommandKey(topic))
        return commandUsage(topic);
    if (Object.hasOwn(COMMAND_GROUPS, topic))
        return groupUsage(topic);
    return globalUsage();
}

;// CONCATENATED MODULE: ./src/cli/settings.ts















/** A GitHub run id, optionally with its attempt: `123456789` or `123456789-2`. */
const PUBLISHED_RUN = /^\d{1,15}(?:-\d{1,6})?$/;
/**
 * Parses argv (without node and script) and the GitHub variables of `env`, the CLI's only reading
 * of them; throws UsageError (exit 2).
 */
function readCliSettings(argv, cwd, env) {
    return {
        command: parseCommandLine(argv, cwd, env),
        github: readGitHubEnvironment(env),
        noColor: (env['NO_COLOR'] ?? '') !== '',
    };
}
/** `--help` and `-h`, which every command takes (no command has an option of that name or letter). */
const HELP_OPTION = { help: { type: 'boolean', short: 'h', multiple: false } };
/** A command's parseArgs options, derived from its table entry: the only place options are declared. */
function parseArgsOptions(options) {
    const config = { ...HELP_OPTION };
    for (const [name, option] of Object.entries(options)) {
        config[name] = { type: option.type, multiple: option.multiple === true };
    }
    return config;
}
/** The first words the CLI knows (`run`, `runs`, `github`, ...), in table order. */
function firstWords() {
    return [...new Set(COMMAND_KEYS.map((key) => key.split(' ')[0] ?? key))];
}
/** `'runs list', 'runs show' or 'runs verify'`. */
function quotedList(keys) {
    const quoted = keys.map((key) => `'${key}'`);
    return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}
/** `; did you mean 'runs list'?` for a mistyped subcommand word. */
function didYouMeanSubcommand(prefix, word) {
    const match = closestMatch(word, subcommandsOf(prefix).map((key) => key.slice(prefix.length + 1)));
    return match === undefined ? '' : `; did you mean '${prefix} ${match}'?`;
}
const isHelpFlag = (arg) => arg === '--help' || arg === '-h';
/** Which command argv's first words name (`runs list` takes two, `gateway` one or two); throws for none. */
function resolveCommand(first, rest) {
    const [second, ...others] = rest;
    const subcommands = subcommandsOf(first);
    if (subcommands.length > 0) {
        const key = `${first} ${second ?? ''}`;
        if (isCommandKey(key))
            return { kind: 'command', key, args: others };
        // `gateway` is a command of its own as well as the word before `gateway check`.
        if (isCommandKey(first))
            return { kind: 'command', key: first, args: rest };
        if (isHelpFlag(second))
            return { kind: 'help', topic: first };
        if (second === undefined) {
            throw new errors/* UsageError */.eb('USAGE', `${first}: missing a command: expected ${quotedList(subcommands)}; run 'remediate ${first} --help'`);
        }
        throw new errors/* UsageError */.eb('USAGE', `unknown command '${first} ${second.slice(0, 80)}': expected ${quotedList(subcommands)}${subcommands.length > 1 ? didYouMeanSubcommand(first, second) : ''}`);
    }
    if (isCommandKey(first))
        return { kind: 'command', key: first, args: rest };
    throw new errors/* UsageError */.eb('USAGE', `unknown command '${first.slice(0, 80)}'${didYouMean(first, firstWords()) || "; run 'remediate help' for the list"}`);
}
/** `remediate help [<command>...]` and `remediate --help [<command>...]`: which help to print. */
function helpTopic(words) {
    const [first, ...rest] = words.filter((word) => !isHelpFlag(word));
    if (first === undefined)
        return { kind: 'help' };
    if (rest.length === 0 && Object.hasOwn(COMMAND_GROUPS, first))
        return { kind: 'help', topic: first };
    const resolved = resolveCommand(first, rest);
    if (resolved.kind === 'help')
        return resolved;
    const [extra] = resolved.args;
    if (extra !== undefined) {
        throw new errors/* UsageError */.eb('USAGE', `unknown command '${resolved.key} ${extra.slice(0, 80)}'${didYouMeanSubcommand(resolved.key, extra) || "; run 'remediate help' for the list"}`);
    }
    return { kind: 'help', topic: resolved.key };
}
/**
 * Whether the arguments ask for the command's help: `--help` or `-h` given as an option (not as
 * the value of another option, nor after `--`). Help wins over any other mistake on the line.
 */
function wantsHelp(key, args) {
    const { tokens } = (0,external_node_util_.parseArgs)({
        args: [...args],
        options: parseArgsOptions(commandSpec(key).options),
        allowPositionals: true,
        strict: false,
        tokens: true,
    });
    return tokens.some((token) => token.kind === 'option' && token.name === 'help');
}
/** The error for arguments parseArgs refused, naming the command and, for a typo, the option meant. */
function optionError(key, args, error) {
    const options = parseArgsOptions(commandSpec(key).options);
    const { tokens } = (0,external_node_util_.parseArgs)({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
    const unknown = tokens.find((token) => token.kind === 'option' && !Object.hasOwn(options, token.name));
    if (unknown?.kind === 'option') {
        const known = Object.keys(options).map((name) => `--${name}`);
        return new errors/* UsageError */.eb('USAGE', `unknown option '${unknown.rawName.slice(0, 80)}' for ${key}${didYouMean(unknown.rawName, known) || `; run 'remediate ${key} --help'`}`, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new errors/* UsageError */.eb('USAGE', `${key}: ${message}; run 'remediate ${key} --help'`, { cause: error });
}
/**
 * Parses a command's arguments against its table entry: strict options, then the positional
 * arguments and the required options the table names. The help flag has been handled before.
 */
function parseCommand(key, args) {
    const spec = commandSpec(key);
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: [...args],
            options: parseArgsOptions(spec.options),
            allowPositionals: true,
            strict: true,
        });
    }
    catch (error) {
        throw optionError(key, args, error);
    }
    const given = parsed.values;
    checkArguments(key, parsed.positionals, given);
    for (const [name, option] of Object.entries(spec.options)) {
        const value = given[name];
        if (option.required && (value === undefined || value === '')) {
            throw new errors/* UsageError */.eb('USAGE', `${key}: missing ${optionLabel(name, option)}: ${option.description}`);
        }
    }
    // parseArgs saw the options through CommandSpec; the table's literal types say which are flags
    // and which repeat, exactly as parseArgsOptions configured them.
    return { values: given, positionals: parsed.positionals };
}
/** The positional arguments against the table: `run: missing <name@version>`. */
function checkArguments(key, positionals, given) {
    const spec = commandSpec(key);
    const omittedWith = spec.arguments.find((a) => a.omittedWith !== undefined && given[a.omittedWith] !== undefined);
    const expected = omittedWith === undefined ? spec.arguments : [];
    const needed = expected.filter((a) => !a.optional);
    const name = (a) => (a.variadic ? `${a.name}...` : a.name);
    if (positionals.length < needed.length) {
        throw new errors/* UsageError */.eb('USAGE', `${key}: missing ${needed.slice(positionals.length).map(name).join(' ')}`);
    }
    const extra = positionals[expected.length];
    if (extra !== undefined && !expected.some((a) => a.variadic)) {
        const takes = expected.length === 0
            ? `takes no arguments${omittedWith === undefined ? '' : ` with --${omittedWith.omittedWith}`}`
            : `takes ${expected.map(name).join(' ')}`;
        throw new errors/* UsageError */.eb('USAGE', `${key}: unexpected argument '${extra.slice(0, 80)}' (${key} ${takes})${(expected.length === 0 && didYouMeanSubcommand(key, extra)) || `; run 'remediate ${key} --help'`}`);
    }
}
/**
 * Parses argv (without node and script), and from `env` REMEDIATE_SIGN_KEY and the default record
 * folder (XDG_STATE_HOME, HOME), into a command; throws UsageError (exit 2).
 */
function parseCommandLine(argv, cwd, env) {
    const [first, ...rest] = argv;
    // `help --help` and `help -h` are help's own usage, as for any command; `--help` alone the global one.
    if (first === 'help' && rest.length > 0 && rest.every(isHelpFlag))
        return { command: 'help', topic: 'help' };
    if (first === undefined || first === 'help' || isHelpFlag(first))
        return helpCommand(helpTopic(rest));
    if (first === 'version' || first === '--version') {
        // Anything after it is ignored, as it always was; only a help flag changes what is printed.
        return rest.some(isHelpFlag) ? { command: 'help', topic: 'version' } : { command: 'version' };
    }
    const resolved = resolveCommand(first, rest);
    if (resolved.kind === 'help')
        return helpCommand(resolved);
    if (wantsHelp(resolved.key, resolved.args))
        return { command: 'help', topic: resolved.key };
    return buildCommand(resolved.key, resolved.args, cwd, env);
}
function helpCommand(help) {
    return help.topic === undefined ? { command: 'help' } : { command: 'help', topic: help.topic };
}
/** The settings of one command from its arguments; help and unknown commands are handled before. */
function buildCommand(key, args, cwd, env) {
    const path = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p));
    const signKeyFrom = (given) => {
        const fromEnv = env['REMEDIATE_SIGN_KEY'];
        const signKey = given ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
        return signKey === undefined ? undefined : path(signKey);
    };
    const optionalPath = (p) => (p === undefined ? undefined : path(p));
    switch (key) {
        case 'help':
        case 'version':
            // parseCommandLine answers these before any command is resolved.
            return key === 'help' ? { command: 'help' } : { command: 'version' };
        case 'keygen': {
            const { values } = parseCommand(key, args);
            return { command: 'keygen', out: path(values.out ?? '') };
        }
        case 'digest': {
            const { values, positionals } = parseCommand(key, args);
            return {
                command: 'digest',
                name: (0,version_ref/* assertRemediationName */.J3)(positionals[0] ?? ''),
                ref: values.ref,
                output: outputMode(values),
            };
        }
        case 'init': {
            const { positionals } = parseCommand(key, args);
            return { command: 'init', name: (0,version_ref/* assertRemediationName */.J3)(positionals[0] ?? '') };
        }
        case 'try': {
            const { values, positionals } = parseCommand(key, args);
            return {
                command: 'try',
                name: (0,version_ref/* assertRemediationName */.J3)(positionals[0] ?? ''),
                cliParams: parseParamPairs(values.param ?? []),
                paramsFile: optionalPath(values['params-file']),
                outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out),
                dryRun: values['dry-run'] ?? false,
                force: values.force ?? false,
                checkOnly: values['check-only'] ?? false,
                target: parseRunTarget(values.target, '--target'),
                targetFacts: (0,targets_config/* parseTargetFacts */.AB)(values['target-facts'] ?? '', '--target-facts'),
                ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
                signKey: signKeyFrom(values['sign-key']),
            };
        }
        case 'release': {
            const { values, positionals } = parseCommand(key, args);
            const fromTag = values['from-tag'];
            const ref = fromTag === undefined
                ? (0,version_ref/* assertReleasable */.$Z)((0,version_ref/* makeVersionRef */.AK)(positionals[0] ?? '', positionals[1] ?? ''))
                : (0,version_ref/* assertReleasable */.$Z)(refFromTag(fromTag));
            return {
                command: 'release',
                ref,
                keys: (values.key ?? []).map(path),
                manifest: optionalPath(values.manifest),
                lifetimeMs: values.expires === undefined ? DEFAULT_EXPIRY_MS : parseLifetime(values.expires),
                existingTag: fromTag !== undefined,
                manifestOut: optionalPath(values['manifest-out']),
                firstRelease: values['first-release'] ?? false,
            };
        }
        case 'targets resolve': {
            const { values } = parseCommand(key, args);
            if ((values.target === undefined) === (values.legs === undefined)) {
                throw new errors/* UsageError */.eb('USAGE', 'targets resolve: expected exactly one of --target <name> or --legs <JSON list>');
            }
            return {
                command: 'targets-resolve',
                route: values.target !== undefined ? { target: values.target } : { legs: values.legs ?? '' },
                file: path(values.file ?? targets_config/* DEFAULT_TARGETS_FILE */.yN),
                githubOutput: optionalPath(values['github-output']),
            };
        }
        case 'dispatch parse': {
            const { values } = parseCommand(key, args);
            return {
                command: 'dispatch-parse',
                event: path(values.event ?? ''),
                githubOutput: optionalPath(values['github-output']),
            };
        }
        case 'validate': {
            const { values } = parseCommand(key, args);
            return {
                command: 'validate',
                base: values.base,
                summary: optionalPath(values.summary),
                output: outputMode(values),
            };
        }
        case 'summarize': {
            const { values, positionals } = parseCommand(key, args);
            return { command: 'summarize', dirs: positionals.map(path), summary: optionalPath(values.summary) };
        }
        case 'blast-radius': {
            const { values, positionals } = parseCommand(key, args);
            return {
                command: 'blast-radius',
                // No folder at all is allowed: then every target left no record, which the gate counts.
                dirs: positionals.map(path),
                maxUnhealthy: (0,blast_radius/* parseMaxUnhealthy */.eD)(values['max-unhealthy'] ?? '', '--max-unhealthy'),
                total: integerOption(values.total ?? '', '--total', 0, 1),
                legs: values.legs === undefined ? undefined : (0,blast_radius/* parseLegs */.t4)(values.legs, '--legs'),
                holdAll: values['hold-all'] ?? false,
                githubOutput: optionalPath(values['github-output']),
                summary: optionalPath(values.summary),
            };
        }
        case 'github newest-manifest': {
            const { values } = parseCommand(key, args);
            return {
                command: 'newest-manifest',
                out: path(values.out ?? ''),
                trustedKeys: (values['trusted-key'] ?? []).map(path),
            };
        }
        case 'github publish-manifest': {
            const { values } = parseCommand(key, args);
            return {
                command: 'publish-manifest',
                manifest: path(values.manifest ?? ''),
                trustedKeys: (values['trusted-key'] ?? []).map(path),
                target: values.target ?? 'HEAD',
            };
        }
        case 'github publish-release': {
            const { values } = parseCommand(key, args);
            return {
                command: 'publish-release',
                tag: values.tag ?? '',
                assets: (values.asset ?? []).map(path),
                notesFile: optionalPath(values['notes-file']),
                prerelease: values.prerelease ?? false,
            };
        }
        case 'github fleet-gate': {
            const { values } = parseCommand(key, args);
            const maxFailures = Number(values['max-failures']);
            if (!Number.isSafeInteger(maxFailures) || maxFailures < 1)
                throw new errors/* UsageError */.eb('USAGE', `--max-failures: expected a whole number of at least 1, got '${values['max-failures']}'`);
            return {
                command: 'fleet-gate',
                legPrefix: values['leg-prefix'] ?? '',
                maxFailures,
                gateStep: values['gate-step'] ?? '',
                githubOutput: optionalPath(values['github-output']),
                summary: optionalPath(values.summary),
            };
        }
        case 'github download-records': {
            const { values } = parseCommand(key, args);
            const suffixPrefix = values['suffix-prefix'];
            const skipSuffixPrefix = values['skip-suffix-prefix'];
            if (suffixPrefix !== undefined && skipSuffixPrefix !== undefined)
                throw new errors/* UsageError */.eb('USAGE', 'github download-records: give --suffix-prefix or --skip-suffix-prefix, not both');
            if (suffixPrefix === '' || skipSuffixPrefix === '')
                throw new errors/* UsageError */.eb('USAGE', 'github download-records: a suffix prefix cannot be empty');
            const runId = values['run-id'];
            if (runId === undefined && values.attempt !== undefined)
                throw new errors/* UsageError */.eb('USAGE', 'github download-records --attempt needs --run-id <workflow run id>');
            return {
                command: 'download-records',
                dir: path(values.dir ?? ''),
                suffixPrefix,
                skipSuffixPrefix,
                run: runId === undefined
                    ? undefined
                    : {
                        runId: integerOption(runId, '--run-id', 0, 1),
                        attempt: integerOption(values.attempt, '--attempt', 1, 1),
                    },
            };
        }
        case 'yank': {
            const { values, positionals } = parseCommand(key, args);
            return {
                command: 'yank',
                ref: (0,version_ref/* parseVersionRef */.PL)(positionals[0] ?? ''),
                keys: (values.key ?? []).map(path),
                reason: values.reason ?? '',
                replacement: values.replacement === undefined ? undefined : (0,version_ref/* assertVersion */.bT)(values.replacement),
                manifest: optionalPath(values.manifest),
                lifetimeMs: values.expires === undefined ? DEFAULT_EXPIRY_MS : parseLifetime(values.expires),
            };
        }
        case 'verify': {
            const { values, positionals } = parseCommand(key, args);
            return {
                command: 'verify',
                ref: (0,version_ref/* parseVersionRef */.PL)(positionals[0] ?? ''),
                ...trustSettings(values, path),
                output: outputMode(values),
            };
        }
        case 'run': {
            const { values, positionals } = parseCommand(key, args);
            return {
                command: 'run',
                signKey: signKeyFrom(values['sign-key']),
                ref: (0,version_ref/* parseVersionRef */.PL)(positionals[0] ?? ''),
                ...trustSettings(values, path),
                cliParams: parseParamPairs(values.param ?? []),
                paramsFile: optionalPath(values['params-file']),
                outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out),
                dryRun: values['dry-run'] ?? false,
                force: values.force ?? false,
                checkOnly: values['check-only'] ?? false,
                target: parseRunTarget(values.target, '--target'),
                ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
                idempotencyKey: values['idempotency-key'] === undefined
                    ? undefined
                    : (0,idempotency_key/* parseIdempotencyKey */.wb)(values['idempotency-key'], '--idempotency-key'),
                targetFacts: (0,targets_config/* parseTargetFacts */.AB)(values['target-facts'] ?? '', '--target-facts'),
                ...(values['plan-digest'] !== undefined ? { planDigest: planDigestOption(values['plan-digest']) } : {}),
                output: outputMode(values),
            };
        }
        case 'replay': {
            // --trusted-key keeps its meaning of `run` (the release keys the manifest is checked with);
            // the run keys that authenticate the record's receipt are --receipt-key.
            const { values, positionals } = parseCommand(key, args);
            return {
                command: 'replay',
                dir: path(positionals[0] ?? ''),
                anchors: {
                    snapshotDigest: values['snapshot-digest'],
                    trustedKeys: (values['receipt-key'] ?? []).map(path),
                    attestation: attestationOptions(key, values, path),
                },
                unanchored: values.unanchored ?? false,
                ...trustSettings(values, path),
                outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out),
                dryRun: values['dry-run'] ?? false,
                force: values.force ?? false,
                ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
                signKey: signKeyFrom(values['sign-key']),
                output: outputMode(values),
            };
        }
        case 'demo': {
            const { values } = parseCommand(key, args);
            return { command: 'demo', clean: values.clean ?? false };
        }
        case 'show':
        case 'verify-run':
            return recordCommand(key, key, args, path);
        case 'runs show':
            return recordCommand('show', key, args, path);
        case 'runs verify':
            return recordCommand('verify-run', key, args, path);
        case 'runs list':
            return runsListCommand(args, path, env);
        case 'manifest show':
        case 'versions': {
            const { values, positionals } = parseCommand(key, args);
            return {
                command: key === 'versions' ? 'versions' : 'manifest-show',
                ...(key === 'versions' ? { name: (0,version_ref/* assertRemediationName */.J3)(positionals[0] ?? '') } : {}),
                manifest: optionalPath(values.manifest),
                trustedKeys: (values['trusted-key'] ?? []).map(path),
                threshold: parseThreshold(values.threshold, '--threshold'),
                json: values.json === true,
            };
        }
        case 'manifest check': {
            const { values } = parseCommand(key, args);
            if ((values.previous === undefined) === (values['previous-ref'] === undefined)) {
                throw new errors/* UsageError */.eb('USAGE', 'manifest check: expected exactly one of --previous <path> or --previous-ref <git ref>');
            }
            return {
                command: 'manifest-check',
                manifest: path(values.manifest ?? ''),
                previous: optionalPath(values.previous),
                previousRef: values['previous-ref'],
            };
        }
        case 'gateway':
        case 'gateway check':
        case 'gateway replay-dead': {
            const { values } = parseCommand(key, args);
            return {
                command: key === 'gateway' ? 'gateway' : key === 'gateway check' ? 'gateway-check' : 'gateway-replay-dead',
                config: path(values.config ?? ''),
            };
        }
    }
}
/**
 * A command reading one record: `show` and `runs show`, `verify-run` and `runs verify`.
 * `label` is the command as typed: its table entry, and the name errors give.
 */
function recordCommand(command, label, args, path) {
    const { values, positionals } = parseCommand(label, args);
    const record = positionals[0] ?? '';
    // `runs show|verify <run id> --repo OWNER/REPO`: the record that GitHub run published, fetched
    // from that repository; --repo is then also the repository an attestation must name, and needs
    // --trusted-root only when an attestation is to be checked.
    const published = label.startsWith('runs ') && PUBLISHED_RUN.test(record);
    if (published && values.repo === undefined) {
        throw new errors/* UsageError */.eb('USAGE', `${label} ${record}: a run id names a record published on GitHub; add --repo OWNER/REPO (the repository the run belongs to)`);
    }
    const { repo: fetchRepo, ...withoutRepo } = values;
    const anchorValues = published && values['trusted-root'] === undefined ? withoutRepo : values;
    const fetchFrom = published ? parseRepository(fetchRepo ?? '', '--repo') : undefined;
    const settings = {
        record,
        ...(fetchFrom !== undefined ? { fetchFrom } : {}),
        snapshotDigest: values['snapshot-digest'],
        trustedKeys: (values['trusted-key'] ?? []).map(path),
        attestation: attestationOptions(label, anchorValues, path),
    };
    return { command, ...settings, output: { json: 'json' in values && values.json === true, quiet: false } };
}
/** --json and --quiet, for a command whose table entry has them (the others print text). */
function outputMode(values) {
    return { json: values.json === true, quiet: values.quiet === true };
}
/** `runs list`: where the records are, and which to list. */
function runsListCommand(args, path, env) {
    const { values } = parseCommand('runs list', args);
    if (values.repo !== undefined && values.out !== undefined) {
        throw new errors/* UsageError */.eb('USAGE', 'runs list: give --out (local records) or --repo (published records), not both');
    }
    const statuses = (values.status ?? []).map((status) => {
        if (!run_list/* LISTED_STATUSES */.Lq.includes(status)) {
            throw new errors/* UsageError */.eb('USAGE', `--status: expected one of ${run_list/* LISTED_STATUSES */.Lq.join(', ')}, got '${status.slice(0, 60)}'`);
        }
        return status;
    });
    const target = parseRunTarget(values.target, '--target');
    // With --repo no local folder is read, so none is needed (nor refused for want of a HOME).
    const where = values.repo === undefined
        ? { outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out), repo: undefined }
        : { outDir: undefined, repo: parseRepository(values.repo, '--repo') };
    return {
        command: 'runs-list',
        ...where,
        filter: {
            ...(values.name !== undefined ? { name: (0,version_ref/* assertRemediationName */.J3)(values.name) } : {}),
            ...(target !== undefined ? { target } : {}),
            statuses,
            ...(values.since !== undefined ? { since: (0,run_list/* parseSince */.m1)(values.since) } : {}),
            ...(values.limit !== undefined ? { limit: integerOption(values.limit, '--limit', 0, 1) } : {}),
        },
        json: values.json ?? false,
    };
}
/**
 * Where run records go when --out is not given: `$XDG_STATE_HOME/remediate/runs`, else
 * `$HOME/.local/state/remediate/runs`. Outside the repository, so a run (a refusal caused by a
 * typo too) never leaves files in the working tree. A relative XDG_STATE_HOME is ignored, as the
 * XDG Base Directory spec says; throws UsageError (exit 2) when neither gives an absolute path.
 */
function defaultRecordsDir(env) {
    const stateHome = env['XDG_STATE_HOME'];
    if (stateHome !== undefined && (0,external_node_path_.isAbsolute)(stateHome))
        return (0,external_node_path_.join)(stateHome, 'remediate', 'runs');
    const home = env['HOME'];
    if (home !== undefined && (0,external_node_path_.isAbsolute)(home))
        return (0,external_node_path_.join)(home, '.local', 'state', 'remediate', 'runs');
    throw new errors/* UsageError */.eb('USAGE', 'no folder for run records: HOME is not set and XDG_STATE_HOME is not an absolute path; give --out <dir>');
}
/** Parses repeated `--param key=value`; the value may contain '=' and any bytes. */
function parseParamPairs(pairs) {
    const entries = new Map();
    for (const pair of pairs) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new errors/* UsageError */.eb('USAGE', `--param: expected key=value, got '${pair.slice(0, 60)}'`);
        const key = pair.slice(0, eq);
        if (entries.has(key))
            throw new errors/* UsageError */.eb('USAGE', `--param: '${key}' given twice`);
        entries.set(key, pair.slice(eq + 1));
    }
    // Own data properties only: `--param __proto__=x` stays an (unknown, refused) parameter name.
    return Object.fromEntries(entries);
}
/** Turns parsed trust options into settings. */
function trustSettings(values, path) {
    return {
        trustedKeys: (values['trusted-key'] ?? []).map(path),
        threshold: parseThreshold(values.threshold, '--threshold'),
        minSerial: integerOption(values['min-serial'], '--min-serial', 0, 0),
        manifest: values.manifest === undefined ? undefined : path(values.manifest),
    };
}
/** Parses a whole-number option with a lower bound. */
function integerOption(text, name, fallback, min) {
    if (text === undefined)
        return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) < min) {
        throw new errors/* UsageError */.eb('USAGE', `${name}: expected a whole number >= ${min}, got '${text}'`);
    }
    return Number(text);
}
/** A release tag `<name>/<version>` as a version reference. */
function refFromTag(tag) {
    const slash = tag.indexOf('/');
    if (slash <= 0)
        throw new errors/* UsageError */.eb('INVALID_REFERENCE', `--from-tag: expected <name>/v<semver>, got '${tag.slice(0, 80)}'`);
    return (0,version_ref/* makeVersionRef */.AK)(tag.slice(0, slash), tag.slice(slash + 1));
}
/**
 * verify-run's attestation options. A bundle is only as good as the roots it is checked against
 * and the signer it must name, so both are required: without a trusted root nothing can be
 * verified offline, and without a signer workflow any workflow of any repository could have
 * attested a forged record (every GitHub user can get a certificate from the same CA).
 */
function attestationOptions(command, values, path) {
    const bundle = values.attestation;
    const trustedRoot = values['trusted-root'];
    const signerWorkflow = values['signer-workflow']?.trim();
    const repository = values.repo?.trim();
    if (trustedRoot === undefined) {
        const given = ['attestation', 'signer-workflow', 'repo', 'source-ref'].find((k) => values[k] !== undefined);
        if (given !== undefined) {
            throw new errors/* UsageError */.eb('USAGE', `${command} --${given} needs --trusted-root <file>: Sigstore's trusted roots, which 'gh attestation trusted-root > trusted_root.jsonl' saves (check an attestation online with 'gh attestation verify <record>/snapshot.json --repo OWNER/REPO' instead)`);
        }
        return undefined;
    }
    // Any workflow of any repository can get a certificate and attest something: the workflow that
    // may vouch for the record, and the repository it must have run for, are named, never assumed.
    if (signerWorkflow === undefined || signerWorkflow === '') {
        throw new errors/* UsageError */.eb('USAGE', `${command} --trusted-root needs --signer-workflow OWNER/REPO/.github/workflows/<file>: the workflow that must have attested the record (any GitHub workflow can attest something)`);
    }
    if (repository === undefined || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
        throw new errors/* UsageError */.eb('USAGE', `${command} --trusted-root needs --repo OWNER/REPO: the repository whose run must have attested the record (a reusable workflow can be called from any repository)${repository === undefined ? '' : `; got '${repository.slice(0, 80)}'`}`);
    }
    return {
        bundle: bundle === undefined ? undefined : path(bundle),
        trustedRoot: path(trustedRoot),
        signerWorkflow,
        repository,
        sourceRef: values['source-ref'],
    };
}
/** `OWNER/REPO` as GitHub spells a repository; `label` names the option. */
function parseRepository(text, label) {
    if (!/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(text) || /(^|\/)\.\.?($|\/)/.test(text)) {
        throw new errors/* UsageError */.eb('USAGE', `${label}: expected OWNER/REPO, got '${text.slice(0, 80)}'`);
    }
    return text;
}
/** `--plan-digest`: the shape of a plan digest, or a usage error saying where one comes from. */
function planDigestOption(text) {
    if (!plan_digest/* PLAN_DIGEST_PATTERN */.c.test(text)) {
        throw new errors/* UsageError */.eb('USAGE', `--plan-digest: expected the approved plan's digest (sha256:<64 hex>, printed by run --dry-run), got '${text.slice(0, 80)}'`);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/cli/report.ts
// How a reporting command prints (verify, run, replay, verify-run, digest, validate): as text, or
// with --json as one JSON document on standard output while every human line goes to standard
// error; --quiet leaves out the detail. A command writes its lines through a Report and ends with
// its document, so no command tests `json` itself. README "JSON output" lists the documents.


/** No --json, no --quiet: what a command without those options prints in. */
const TEXT_OUTPUT = { json: false, quiet: false };
/** A reporting command's output in the mode asked for. */
class Report {
    mode;
    #streams;
    #documented = false;
    /** What the command has learned so far, for the document of an error that ends it. */
    #known = {};
    constructor(mode, streams) {
        this.mode = mode;
        this.#streams = streams;
    }
    /** A line of the human result: stdout, or stderr under --json (stdout holds the document then). */
    line = (text) => {
        (this.mode.json ? this.#streams.err : this.#streams.out)(text);
    };
    /** A line of detail: as `line`, left out under --quiet. */
    detail = (text) => {
        if (!this.mode.quiet)
            this.line(text);
    };
    /** A warning or diagnostic: always stderr. */
    note = (text) => {
        this.#streams.err(text);
    };
    /**
     * Notes fields the document has whatever happens next (the record being checked, the results
     * before a refusal): an error's document carries them too.
     */
    know(fields) {
        this.#known = { ...this.#known, ...fields };
    }
    /** Whether the document was printed (then an error after it prints none). */
    get documented() {
        return this.#documented;
    }
    /** Ends the command: under --json prints `document` on stdout (once); returns its exit code. */
    finish(document) {
        if (this.mode.json && !this.#documented) {
            // The four fields every document has come first, whatever the command added.
            const { status, exitCode, code, message, ...rest } = document;
            this.#streams.out(jsonText({ status, exitCode, code, message, ...this.#known, ...rest }));
        }
        this.#documented = true;
        return document.exitCode;
    }
    /**
     * Under --json, the document of a command that threw (its human lines are on stderr already):
     * `refused` for a trust refusal, `invalid` for an invalid definition (with its issues), `error`
     * otherwise; with what the command knew (`know`).
     */
    failed(error, exitCode) {
        if (!this.mode.json || this.#documented)
            return;
        this.finish({ ...errorFields(error, exitCode), exitCode });
    }
}
/** status, code and message (and issues) of a thrown value, classified as error-report.ts does. */
function errorFields(error, exitCode) {
    if (error instanceof definition_parser/* DefinitionError */.gk) {
        return { status: 'invalid', code: error.code, message: error.message, issues: error.issues };
    }
    const known = error instanceof errors/* RemediateError */.j2 ? error : (0,errors/* usageErrorFromSystem */.tz)(error);
    if (known)
        return { status: exitCode === errors/* ExitCode */.yU.refused ? 'refused' : 'error', code: known.code, message: known.message };
    return { status: 'error', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
/**
 * A value as the JSON document printed: indented, and with `::` and `##[` inside strings written
 * as escapes (it parses to the same text). Printed by a CLI running in a GitHub `run:` step, a
 * value a step or a record wrote (`::add-mask::`, `::error`) must not act as a workflow command;
 * a `::stop-commands::` fence would make the output something other than one JSON document.
 */
function jsonText(value) {
    // Outside strings this JSON has neither `#` nor two colons in a row: only string content changes.
    // C1 controls (U+009B is a CSI to a terminal), bidi overrides and line separators, which
    // JSON.stringify leaves raw, are written as escapes too (found by review): a document shown on
    // a terminal or in a viewer cannot redraw or reorder what it says.
    return JSON.stringify(value, null, 2)
        .replaceAll('##[', '\\u0023\\u0023[')
        .replaceAll('::', '\\u003a\\u003a')
        .replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

;// CONCATENATED MODULE: ./src/cli/progress.ts

const ansi = (open, close) => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
/**
 * The palette for a stream: colour only on a terminal, and never with NO_COLOR set to anything
 * non-empty (https://no-color.org). A file or a pipe gets plain text.
 */
function paletteFor(isTerminal, noColor) {
    if (!isTerminal || noColor) {
        const plain = (text) => text;
        return { ok: plain, failed: plain, skipped: plain, dim: plain };
    }
    return { ok: ansi(32, 39), failed: ansi(31, 39), skipped: ansi(33, 39), dim: ansi(2, 22) };
}
/** The colour of a step's outcome: a failure continue-on-error let pass is not shown as one. */
function outcomeColour(palette, outcome, continueOnError) {
    if (outcome === 'succeeded')
        return palette.ok;
    if (outcome === 'drift' || continueOnError)
        return palette.skipped;
    return palette.failed;
}
/** The colour of a run's final status. */
function statusColour(palette, status) {
    if (status === 'succeeded' || status === 'healthy')
        return palette.ok;
    if (status === 'unhealthy')
        return palette.skipped;
    return palette.failed;
}
/** `== steps`: shown before the first step of each stage. */
function stageLine(stage) {
    return `== ${stage}`;
}
/** `-> steps/restart (Restart the unit)`: a step started. Names come from the definition: escaped. */
function stepStartLine(step) {
    return `-> ${step.stage}/${(0,terminal_text/* oneLine */.TN)(step.id)}${step.name !== undefined ? ` (${(0,terminal_text/* oneLine */.TN)(step.name)})` : ''}`;
}
/** `<- steps/restart failed, exit 3 (1.2 s)`: a step ended, with why when it did not start. */
function stepEndLine(step, palette) {
    const how = step.signal !== null ? `killed by ${step.signal}` : step.exitCode !== null ? `exit ${step.exitCode}` : undefined;
    const outcome = outcomeColour(palette, step.outcome, step.continueOnError)(step.outcome);
    const allowed = step.outcome !== 'succeeded' && step.outcome !== 'drift' && step.continueOnError;
    const why = step.error !== undefined ? `: ${(0,terminal_text/* oneLine */.TN)(step.error)}` : '';
    return `<- ${step.stage}/${(0,terminal_text/* oneLine */.TN)(step.id)} ${outcome}${how !== undefined ? `, ${how}` : ''}${allowed ? ' (continue-on-error)' : ''}${why} ${palette.dim(`(${(0,terminal_text/* formatDuration */.a3)(step.durationMs)})`)}`;
}
/**
 * One line of a step's output, as recorded (redacted), under its step. Escaped: a step's output is
 * whatever the target said, and must not redraw the terminal. The `|` is not a space, so a line
 * `::add-mask::x` cannot act as a workflow command when the CLI runs in a GitHub step (the runner
 * trims leading spaces before it looks for `::`).
 */
function outputLine(text) {
    return `   | ${(0,terminal_text/* oneLine */.TN)(text)}`;
}
/** What the stages concluded, as the console says it: the check's finding, the rollback's result. */
function concludedLines(facts, palette) {
    const lines = [];
    if (facts.check === 'healthy')
        lines.push(`check: ${palette.ok('healthy')}; nothing to remediate`);
    if (facts.check === 'drift')
        lines.push(`check: ${palette.skipped('drift')}; remediating`);
    if (facts.check === 'forced')
        lines.push(`check: healthy, but --force: ${palette.skipped('remediating anyway')}`);
    if (facts.check === 'error')
        lines.push(`check: ${palette.failed('failed')}; nothing was changed`);
    if (facts.error !== undefined)
        lines.push(`${palette.failed('failed')} [${facts.error.code}]: ${(0,terminal_text/* oneLine */.TN)(facts.error.message)}`);
    if (facts.rollback === 'succeeded')
        lines.push(`rollback: ${palette.ok('succeeded')}`);
    if (facts.rollback === 'failed')
        lines.push(`rollback: ${palette.failed('failed')}: the target may be half-changed`);
    return lines;
}
/**
 * The lines that say why a recorded run did not succeed and what its rollback did: the record's
 * error and rollback, shown with the result (also under --quiet), not only the record's path.
 */
function failureLines(snapshot, palette) {
    const lines = [];
    if (snapshot.error !== undefined)
        lines.push(`  reason:   ${palette.failed(`[${snapshot.error.code}]`)} ${(0,terminal_text/* oneLine */.TN)(snapshot.error.message)}`);
    const rollback = snapshot.rollback;
    if (rollback === 'succeeded')
        lines.push(`  rollback: ${palette.ok('succeeded')}`);
    else if (rollback === 'failed')
        lines.push(`  rollback: ${palette.failed('failed')} (the target may be half-changed)`);
    else if (rollback === 'none' && snapshot.error !== undefined)
        lines.push('  rollback: none ran');
    return lines;
}
/**
 * Turns the recorder's events into console lines, written through `write` as they happen. With
 * `showOutput` false, only stage and step lines (no step output).
 */
/** Most characters of one output line the console shows (run.log keeps every byte). */
const MAX_CONSOLE_LINE = 8192;
class RunConsole {
    #write;
    #palette;
    #showOutput;
    #stage;
    #partial = '';
    /** Characters of the current line past MAX_CONSOLE_LINE, not shown. */
    #dropped = 0;
    #decoder = new TextDecoder('utf-8');
    constructor(write, palette, showOutput = true) {
        this.#write = write;
        this.#palette = palette;
        this.#showOutput = showOutput;
    }
    stepStarted = (step) => {
        if (step.stage !== this.#stage) {
            this.#stage = step.stage;
            this.#write(stageLine(step.stage));
        }
        this.#write(stepStartLine(step));
    };
    output = (bytes) => {
        if (!this.#showOutput)
            return;
        // Decoded as a stream: a character split across two chunks is shown whole. Only the new text
        // is scanned, and the unfinished line is capped: output without newlines (a progress bar
        // drawn with \r, binary, minified JSON) must not make each chunk copy the whole line again
        // (quadratic time, the event loop blocked, memory without bound).
        const text = this.#decoder.decode(bytes, { stream: true });
        let start = 0;
        for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
            this.#append(text.slice(start, end));
            this.#flushLine();
            start = end + 1;
        }
        this.#append(text.slice(start));
    };
    stepEnded = (step) => {
        this.#append(this.#decoder.decode());
        if (this.#showOutput && (this.#partial !== '' || this.#dropped > 0))
            this.#flushLine();
        this.#partial = '';
        this.#dropped = 0;
        this.#write(stepEndLine(step, this.#palette));
    };
    /** Adds text to the unfinished line, up to MAX_CONSOLE_LINE characters; counts the rest. */
    #append(piece) {
        const room = MAX_CONSOLE_LINE - this.#partial.length;
        if (room >= piece.length)
            this.#partial += piece;
        else {
            if (room > 0)
                this.#partial += piece.slice(0, room);
            this.#dropped += piece.length - Math.max(room, 0);
        }
    }
    #flushLine() {
        const cut = this.#dropped > 0 ? ` [${this.#dropped} more characters on this line: run.log has them all]` : '';
        this.#write(`${outputLine(this.#partial)}${cut}`);
        this.#partial = '';
        this.#dropped = 0;
    }
    concluded = (facts) => {
        for (const line of concludedLines(facts, this.#palette))
            this.#write(line);
    };
}

;// CONCATENATED MODULE: ./src/cli/commands.ts




































/** Runs one command line and returns its exit code; never throws, never exits the process. */
async function runCli(argv, context) {
    // Undefined until the command line is parsed: a usage error in it is text on stderr only.
    let report;
    try {
        const { command, github, noColor } = readCliSettings(argv, context.cwd, context.env);
        report = new Report('output' in command ? command.output : TEXT_OUTPUT, context);
        return await commands_execute(command, github, { ...context, noColor, report });
    }
    catch (error) {
        const code = reportError(error, context);
        // Under --json, an error still ends stdout with one document (its human line is on stderr).
        report?.failed(error, code);
        return code;
    }
}
async function commands_execute(command, github, context) {
    const { out, report } = context;
    switch (command.command) {
        case 'help':
            out(helpText(command.topic));
            return errors/* ExitCode */.yU.ok;
        case 'version':
            out(TOOL_VERSION);
            return errors/* ExitCode */.yU.ok;
        case 'keygen': {
            const { keyid, publicPath } = await writeKeyPair(command.out);
            out(`private key: ${command.out} (mode 0600; keep it secret)`);
            out(`public key:  ${publicPath}`);
            out(`keyid:       ${keyid}`);
            return errors/* ExitCode */.yU.ok;
        }
        case 'digest': {
            const git = gitIn(context);
            const root = await git.topLevel();
            report.know({ name: command.name, ref: command.ref ?? null });
            const done = { status: 'ok', exitCode: errors/* ExitCode */.yU.ok, code: null, message: null };
            if (command.ref === undefined) {
                const digest = (0,tree_digest/* treeDigest */.fZ)(await (0,remediation_source/* readRemediationFromWorkingTree */.jR)(root, command.name));
                report.line(`${digest}  remediations/${command.name}/ (working tree, unreleased: may differ from any tag)`);
                return report.finish({ ...done, digest, commit: null });
            }
            const commit = await git.tryResolveCommit(command.ref);
            if (!commit)
                throw new errors/* UsageError */.eb('NOT_FOUND', `--ref ${command.ref} names no commit in this repository`);
            const digest = (0,tree_digest/* treeDigest */.fZ)(await (0,remediation_source/* readRemediationAtCommit */.k_)(git, commit, command.name));
            report.line(`${digest}  remediations/${command.name}/ at ${command.ref} (${commit})`);
            return report.finish({ ...done, digest, commit });
        }
        case 'init': {
            const root = await gitIn(context).topLevel();
            const result = await initRemediation(root, command.name);
            out(`wrote ${result.dir}/:`);
            for (const file of result.files)
                out(`  ${file}`);
            out(`  schema: ${result.schema}`);
            out('next:');
            out(`  1. edit ${result.dir}/remediation.yml, check.sh and fix.sh`);
            out('  2. remediate validate');
            out(`  3. remediate try ${command.name} --param path=/tmp/${command.name}.flag   (runs the working tree, UNRELEASED)`);
            out(`  4. commit, review, then remediate release ${command.name} v1.0.0 --key <private key> (or push the tag ${command.name}/v1.0.0 for release.yml)`);
            return errors/* ExitCode */.yU.ok;
        }
        case 'try':
            return tryCommand(command, github, context);
        case 'release': {
            const git = gitIn(context);
            const root = await git.topLevel();
            const keys = await (0,load_keys/* loadSigningKeys */.qk)(command.keys);
            const manifestPath = command.manifest ?? (0,external_node_path_.join)(root, manifest_file/* DEFAULT_MANIFEST_PATH */.e);
            const result = await releaseVersion(git, keys, {
                ref: command.ref,
                manifestPath,
                lifetimeMs: command.lifetimeMs,
                existingTag: command.existingTag,
                firstRelease: command.firstRelease,
                ...(command.manifestOut ? { manifestOut: command.manifestOut } : {}),
            }, context.now());
            out(`released ${(0,version_ref/* formatRef */.rq)(command.ref)}`);
            out(`  tag:      ${command.ref.tag} -> ${result.commit}`);
            out(`  digest:   ${result.digest}`);
            out(`  manifest: ${command.manifestOut ?? manifestPath} (serial ${result.serial}, signed by ${result.signers.join(', ')})`);
            if (!command.existingTag)
                out(`next: commit the manifest and push the tag: git push origin ${command.ref.tag}`);
            return errors/* ExitCode */.yU.ok;
        }
        case 'yank': {
            const git = gitIn(context);
            const keys = await (0,load_keys/* loadSigningKeys */.qk)(command.keys);
            const manifestPath = command.manifest ?? (0,external_node_path_.join)(await git.topLevel(), manifest_file/* DEFAULT_MANIFEST_PATH */.e);
            const { serial } = await yankVersion(keys, {
                ref: command.ref,
                reason: command.reason,
                manifestPath,
                lifetimeMs: command.lifetimeMs,
                ...(command.replacement !== undefined ? { replacement: command.replacement } : {}),
            }, context.now());
            out(`yanked ${(0,version_ref/* formatRef */.rq)(command.ref)}: ${command.reason}`);
            if (command.replacement !== undefined)
                out(`  replacement: ${command.ref.name}@${command.replacement}`);
            out(`  manifest: ${manifestPath} (serial ${serial}); runners pinning --min-serial ${serial} can no longer be shown the old one`);
            return errors/* ExitCode */.yU.ok;
        }
        case 'verify': {
            report.know({ name: command.ref.name, version: command.ref.version });
            const git = gitIn(context);
            const manifestPath = command.manifest ?? (0,external_node_path_.join)(await git.topLevel(), manifest_file/* DEFAULT_MANIFEST_PATH */.e);
            const keys = await (0,load_keys/* loadTrustedKeys */.CW)(command.trustedKeys);
            const { release } = await resolveRelease(git, command.ref, await (0,manifest_file/* readManifest */.WI)(manifestPath), keys, {
                threshold: command.threshold,
                minSerial: command.minSerial,
                now: context.now(),
            });
            const m = release.manifest;
            report.line(`verified ${(0,version_ref/* formatRef */.rq)(command.ref)}`);
            report.line(`  tag:       ${command.ref.tag} -> ${release.commit} (matches the signed commit)`);
            report.line(`  digest:    ${release.digest} (recomputed from git objects; matches)`);
            report.line(`  manifest:  ${manifestPath} serial ${m.payload.serial} (>= ${command.minSerial}), expires ${m.payload.expires}`);
            report.line(`  signers:   ${m.signers.join(', ')} (${m.signers.length} of threshold ${command.threshold})`);
            report.line(`  released:  ${release.entry.released}; not yanked`);
            return report.finish({
                status: 'verified',
                exitCode: errors/* ExitCode */.yU.ok,
                code: null,
                message: null,
                tag: command.ref.tag,
                commit: release.commit,
                digest: release.digest,
                released: release.entry.released,
                manifest: {
                    file: manifestPath,
                    serial: m.payload.serial,
                    expires: m.payload.expires,
                    signers: m.signers,
                    threshold: command.threshold,
                    minSerial: command.minSerial,
                },
            });
        }
        case 'run':
            return runCommand(command, github, context);
        case 'replay':
            return replayCommand(command, github, context);
        case 'demo':
            return (await __webpack_require__.e(/* import() */ 155).then(__webpack_require__.bind(__webpack_require__, 71155))).runDemo(context, command.clean, runCli);
        case 'show': {
            // Loaded only here, as verify-run is: it brings the large snapshot validator.
            const { showRunRecordWithFacts } = await __webpack_require__.e(/* import() */ 239).then(__webpack_require__.bind(__webpack_require__, 71239));
            const resolved = await resolveRecordArgument(command.record, recordArgumentSettings(command, github, context));
            try {
                if (resolved.kind === 'published')
                    report.note(`fetched artifact ${resolved.artifact} from ${command.fetchFrom}`);
                const { lines, verified } = await showRunRecordWithFacts(resolved.dir, loadAnchors(command));
                lines.forEach((line) => report.line(line));
                // A reader: an unauthenticated record is shown (under its banner, `authenticated: false`),
                // exit 0; verify-run refuses it. The document carries the verified snapshot itself.
                return report.finish({
                    status: verified.anchors.length > 0 ? 'authenticated' : 'unauthenticated',
                    exitCode: errors/* ExitCode */.yU.ok,
                    code: null,
                    message: null,
                    record: resolved.dir,
                    ...recordFields(verified.snapshot),
                    authenticated: verified.anchors.length > 0,
                    anchors: verified.anchors,
                    complete: verified.complete,
                    snapshotDigest: verified.snapshotDigest,
                    snapshot: verified.snapshot,
                });
            }
            finally {
                await resolved.done();
            }
        }
        case 'runs-list':
            return commands_runsListCommand(command, github, context);
        // The workflow-pack commands load only when called: a run does not pay for them.
        case 'dispatch-parse':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).dispatchParse(command.event, command.githubOutput, github, context);
        case 'targets-resolve':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).targetsResolveCommand(command, github, context);
        case 'validate':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).validateCommand(command.base, command.summary, github, context, report);
        case 'summarize':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).summarizeCommand(command.dirs, command.summary, context);
        case 'newest-manifest':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).newestManifestCommand(command.out, command.trustedKeys, github, context);
        case 'publish-release':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).publishReleaseCommand(command, github, context);
        case 'publish-manifest':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).publishManifestCommand(command, github, context);
        case 'fleet-gate':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).fleetGateCommand(command, github, context);
        case 'download-records':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).downloadRecordsCommand(command, github, context, command.run);
        case 'blast-radius':
            return (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 2297))).blastRadiusCommand(command, github, context);
        case 'verify-run': {
            // Loaded only here: the snapshot validator is large, and no other command needs it.
            const { verifyRunRecord } = await __webpack_require__.e(/* import() */ 59).then(__webpack_require__.bind(__webpack_require__, 79059));
            const resolved = await resolveRecordArgument(command.record, recordArgumentSettings(command, github, context));
            const { dir } = resolved;
            report.know({ record: dir });
            if (resolved.kind === 'published')
                report.note(`fetched artifact ${resolved.artifact} from ${command.fetchFrom}`);
            try {
                const result = await verifyRunRecord(dir, loadAnchors(command));
                const verdict = `${result.anchors.length > 0 ? 'intact' : 'consistent'}${result.snapshot.unreleased === true ? ' UNRELEASED record (remediate try)' : ''}`;
                report.line(`${result.complete ? verdict : `${verdict} but incomplete (the run was interrupted; its valid prefix verifies)`}: status ${result.status}, ${result.steps} step(s), ${result.log.bytes} log bytes in ${result.log.blocks} chained block(s), head ${result.log.head.slice(0, 16)}, snapshot ${result.snapshotDigest}`);
                // Consistency alone proves nothing: whoever can write the folder can recompute all of it.
                const { snapshot } = result;
                report.know({
                    ...recordFields(snapshot),
                    complete: result.complete,
                    log: { bytes: result.log.bytes, blocks: result.log.blocks, head: result.log.head },
                    snapshotDigest: result.snapshotDigest,
                    anchors: result.anchors,
                });
                if (result.anchors.length === 0 && result.unpinnedLog) {
                    throw new errors/* TrustError */.Ru('UNANCHORED', `${dir} is consistent, and its snapshot matches the digest given, but NOT authenticated: the run was killed before its log was closed, so the snapshot pins no byte of run.log (a receipt or an attestation would)`);
                }
                if (result.anchors.length === 0) {
                    throw new errors/* TrustError */.Ru('UNANCHORED', `${dir} is consistent but NOT authenticated: nothing outside the record vouches for it. Give --trusted-key <the run key's public key> (a signed receipt.dsse.json), --snapshot-digest <sha256 printed when it ran>, or --trusted-root <gh attestation trusted-root output> --signer-workflow OWNER/REPO/.github/workflows/<file> --repo OWNER/REPO for its attestation (online: gh attestation verify ${dir}/snapshot.json --repo OWNER/REPO)`);
                }
                // An unreleased record (remediate try) is authenticated as a record, but it never reads as
                // a released version: no tag, manifest or signature vouched for what ran.
                if (snapshot.unreleased === true) {
                    report.know({ unreleased: true });
                    report.line(`  run:           ${snapshot.remediation.name} UNRELEASED (remediate try of a working tree, digest ${snapshot.remediation.digest ?? '(none)'}; not a released version) (${snapshot.runId})`);
                }
                else {
                    report.line(`  run:           ${snapshot.remediation.name}@${snapshot.remediation.version} (${snapshot.runId})`);
                }
                for (const anchor of result.anchors)
                    report.line(`  authenticated: ${anchor}`);
                // A gate that reads only `status` must not take a working-tree run for a released one.
                return report.finish({
                    status: snapshot.unreleased === true ? 'intact-unreleased' : 'intact',
                    exitCode: errors/* ExitCode */.yU.ok,
                    code: null,
                    message: null,
                });
            }
            finally {
                await resolved.done();
            }
        }
        // The gateway loads only for its commands: node:sqlite, http and its core stay out of a run.
        case 'gateway':
            return (await __webpack_require__.e(/* import() */ 279).then(__webpack_require__.bind(__webpack_require__, 74279))).gatewayCommand(command.config, context);
        case 'gateway-check':
            return (await __webpack_require__.e(/* import() */ 279).then(__webpack_require__.bind(__webpack_require__, 74279))).gatewayCheckCommand(command.config, context);
        case 'gateway-replay-dead':
            return (await __webpack_require__.e(/* import() */ 279).then(__webpack_require__.bind(__webpack_require__, 74279))).gatewayReplayDeadCommand(command.config, context);
        case 'manifest-show':
        case 'versions': {
            const manifestPath = command.manifest ?? (0,external_node_path_.join)(await gitIn(context).topLevel(), manifest_file/* DEFAULT_MANIFEST_PATH */.e);
            const view = viewManifest(manifestPath, await (0,manifest_file/* readManifest */.WI)(manifestPath), command.trustedKeys.length
                ? { trustedKeys: await (0,load_keys/* loadTrustedKeys */.CW)(command.trustedKeys), threshold: command.threshold }
                : undefined, context.now());
            if (command.command === 'manifest-show') {
                if (command.json)
                    out(JSON.stringify(view, null, 2));
                else
                    for (const line of manifestLines(view))
                        out(line);
                return errors/* ExitCode */.yU.ok;
            }
            const versions = versionsOf(view, command.name ?? '');
            if (command.json)
                out(JSON.stringify(versions, null, 2));
            else {
                if (!view.signatures.checked)
                    context.err('note: signatures not checked (give --trusted-key to authenticate)');
                for (const v of versions)
                    out(versionLine(v));
            }
            return errors/* ExitCode */.yU.ok;
        }
        case 'manifest-check': {
            const next = await (0,manifest_file/* readManifest */.WI)(command.manifest);
            let previousBytes;
            if (command.previousRef !== undefined) {
                const git = gitIn(context);
                const root = await git.topLevel();
                const relative = command.manifest.startsWith(`${root}/`)
                    ? command.manifest.slice(root.length + 1)
                    : command.manifest;
                previousBytes = await git.tryReadFileAt(command.previousRef, relative);
                if (!previousBytes) {
                    throw new errors/* UsageError */.eb('NOT_FOUND', `${relative} does not exist at ${command.previousRef}`);
                }
            }
            else {
                previousBytes = await (0,manifest_file/* readManifest */.WI)(command.previous ?? '');
            }
            const previous = (0,manifest_verifier/* readPayloadUnverified */.GH)(previousBytes);
            const summary = (0,append_check/* checkAppendOnly */.T)(previous, (0,manifest_verifier/* readPayloadUnverified */.GH)(next).payload);
            out(`append-only: ok (serial ${previous.payload.serial} -> ${previous.payload.serial + 1})`);
            out(`  added:  ${summary.added.join(', ') || '(none)'}`);
            out(`  yanked: ${summary.yanked.join(', ') || '(none)'}`);
            return errors/* ExitCode */.yU.ok;
        }
    }
}
/**
 * `remediate replay`: reads and checks the record, then runs its version with its parameters and
 * target through the same path as `run`, recording which record it replays.
 */
async function replayCommand(command, github, context) {
    const { report } = context;
    if (!command.dryRun)
        checkOutFolder(command.outDir, '--out');
    // Loaded only here, as verify-run is: it brings the large snapshot validator.
    const { readReplayRequest } = await __webpack_require__.e(/* import() */ 740).then(__webpack_require__.bind(__webpack_require__, 35740));
    const request = await readReplayRequest(command.dir, loadAnchors(command.anchors), {
        unanchored: command.unanchored,
    });
    const { of } = request.replay;
    report.detail(`replaying ${(0,version_ref/* formatRef */.rq)(request.ref)} run ${of.runId} (snapshot ${of.snapshotDigest})`);
    for (const anchor of request.anchors)
        report.detail(`  authenticated: ${anchor}`);
    if (!of.authenticated) {
        report.note(`warning: ${command.dir} is NOT authenticated (--unanchored): its parameters are checked against the signed definition, but nothing vouches that they are the ones that ran; the new record says so`);
    }
    return runCommand({
        ...command,
        command: 'run',
        ref: request.ref,
        cliParams: {},
        paramsFile: undefined,
        target: request.target,
        // The record's facts: a run that reached its host over SSH is repeated on that host.
        targetFacts: request.targetFacts,
        // A replay fixes what a person chose to repeat: it is never a check-only run, and it takes
        // no alert's idempotency key (the original's would refuse it as a duplicate).
        checkOnly: false,
        idempotencyKey: undefined,
    }, github, context, request);
}
async function runCommand(command, github, context, replay) {
    const { report } = context;
    const { ref } = command;
    report.know({
        name: ref.name,
        version: ref.version,
        ...(replay !== undefined
            ? { replayOf: { runId: replay.replay.of.runId, snapshotDigest: replay.replay.of.snapshotDigest } }
            : {}),
    });
    // Before anything is verified or run: a record that cannot be written would otherwise fail the
    // run after its checks (under /proc, only once mkdir fails). A dry run writes no record.
    if (!command.dryRun)
        checkOutFolder(command.outDir, '--out');
    const git = gitIn(context);
    const root = await git.topLevel();
    const manifestPath = command.manifest ?? (0,external_node_path_.join)(root, manifest_file/* DEFAULT_MANIFEST_PATH */.e);
    const trustedKeys = await (0,load_keys/* loadTrustedKeys */.CW)(command.trustedKeys);
    const manifestBytes = await (0,manifest_file/* readManifest */.WI)(manifestPath);
    const params = replay !== undefined ? replay.params : command.paramsFile === undefined ? {} : readParamsFile(command.paramsFile);
    // Read before anything runs: a wrong key path must not surface only after the steps changed things.
    const signKey = readSignKey(command.signKey, command.dryRun);
    context.setCancellable(true);
    try {
        const outcome = await runRemediation(await buildRunSettings({
            ref: command.ref,
            threshold: command.threshold,
            minSerial: command.minSerial,
            params,
            cliParams: command.cliParams,
            outDir: command.outDir,
            dryRun: command.dryRun,
            force: command.force,
            checkOnly: command.checkOnly,
            ...(command.target !== undefined ? { target: command.target } : {}),
            targetFacts: command.targetFacts,
            ignoreCircuitBreaker: command.ignoreCircuitBreaker,
            ...(command.idempotencyKey !== undefined ? { idempotencyKey: command.idempotencyKey } : {}),
            ...(command.planDigest !== undefined ? { approvedPlanDigest: command.planDigest } : {}),
            // In a GitHub job the record is named by the job's run, as the Action names it.
            runId: github.actions && github.runId ? githubRunId(github.runId, github.runAttempt ?? '1') : undefined,
            github,
            toolPath: context.toolPath,
            ...(signKey !== undefined ? { signKey } : {}),
            ...(replay !== undefined ? { replay: replay.replay } : {}),
        }), buildRunDeps({
            git,
            manifestBytes,
            trustedKeys,
            callerEnv: context.env,
            scratchRoot: (0,external_node_os_.tmpdir)(),
            clock: context.now,
            cancel: context.cancel,
            ...consoleDeps(context),
        }));
        if (outcome.kind === 'planned') {
            return report.finish({
                status: 'planned',
                exitCode: outcome.exitCode,
                code: null,
                message: null,
                commit: 'commit' in outcome.plan.release ? outcome.plan.release.commit : null,
                digest: outcome.digest,
                manifestSerial: outcome.manifestSerial,
                planDigest: outcome.planDigest,
                params: outcome.recordedParams,
                force: outcome.plan.force,
                checkOnly: outcome.plan.checkOnly === true,
                steps: ['check', 'steps', 'verify', 'rollback'].flatMap((stage) => outcome.plan.definition[stage].map((step) => ({
                    stage,
                    id: step.id,
                    ...(step.name !== undefined ? { name: step.name } : {}),
                }))),
            });
        }
        report.know({
            record: outcome.recordDir,
            snapshotDigest: outcome.snapshotDigest,
            runId: outcome.snapshot.runId,
            receipt: outcome.receipt ?? null,
        });
        if (outcome.refusal !== undefined)
            return reportRefusal(outcome, outcome.refusal, context);
        report.line(`${(0,version_ref/* formatRef */.rq)(command.ref)}: ${outcome.status}`);
        // Why it failed and what the rollback did, with the result (also under --quiet).
        for (const line of failureLines(outcome.snapshot, paletteFor(false, true)))
            report.line(line);
        printOutputs(outcome.outputs, report.line);
        report.line(`  record:   ${outcome.recordDir}`);
        report.line(`  snapshot: ${outcome.snapshotDigest}`);
        if (replay !== undefined)
            report.detail(`  replays:  run ${replay.replay.of.runId} (${replay.replay.of.snapshotDigest})`);
        const failed = receiptExit(outcome, context);
        if (outcome.receipt !== undefined && 'keyid' in outcome.receipt) {
            report.detail(`  receipt:  ${outcome.receipt.file} (signed by ${outcome.receipt.keyid.slice(0, 16)})`);
            report.detail(`  check it: remediate verify-run ${outcome.recordDir} --trusted-key <the run key's .pub>`);
        }
        else {
            report.detail(`  check it: remediate verify-run ${outcome.recordDir} --snapshot-digest ${outcome.snapshotDigest}`);
        }
        const error = outcome.snapshot.error;
        const receiptError = outcome.receipt !== undefined && 'error' in outcome.receipt
            ? { code: 'RECEIPT_WRITE_FAILED', message: outcome.receipt.error }
            : undefined;
        const reason = error ?? receiptError;
        return report.finish({
            ...recordFields(outcome.snapshot),
            status: outcome.status,
            exitCode: failed ?? outcome.exitCode,
            code: reason?.code ?? null,
            message: reason?.message ?? null,
            outputs: outcome.outputs,
        });
    }
    finally {
        context.setCancellable(false);
    }
}
/**
 * `remediate try`: the working tree's remediations/<name>/ (uncommitted edits included), validated
 * as `validate` does, run through the same run path as `run` (guards, executor, recorder) with no
 * release check, and recorded as unreleased.
 */
async function tryCommand(command, github, context) {
    // Attack: a workflow (or a copied pipeline step) calling `remediate try` on whatever a branch
    // or pull request checked out, so that unreviewed bytes run with the job's secrets and
    // credentials without a release, a review or a signature. On GitHub only released versions run
    // (`run`, the Action): refused before anything is read or run. This stops the mistake of wiring
    // try into a workflow, not an attacker who already runs code in the job (who can unset the
    // variable, or run the scripts directly): that job's secrets are the trust boundary there.
    if (github.actions) {
        throw new errors/* TrustError */.Ru('UNRELEASED_ON_GITHUB', `remediate try runs unreleased files and is refused in a GitHub Actions job (GITHUB_ACTIONS=true): release ${command.name} and run the released version (remediate run ${command.name}@v<version>, or the Action)`);
    }
    if (!command.dryRun)
        checkOutFolder(command.outDir, '--out');
    const git = gitIn(context);
    const root = await git.topLevel();
    // Attack (found by review): a file git ignores (a local .env with a production token) would be
    // digested, given to the steps and copied unredacted into the record's definition.tar, and the
    // try would pass with a file no release can hold. Only what git would release is read.
    const ignored = new Set(await git.ignoredPaths(`remediations/${command.name}`));
    const files = (await (0,remediation_source/* readRemediationFromWorkingTree */.jR)(root, command.name)).filter((f) => !ignored.has(`remediations/${command.name}/${f.path}`));
    if (ignored.size > 0) {
        context.err(`left out, as a release would (git ignores them): ${[...ignored].slice(0, 10).map(terminal_text/* oneLine */.TN).join(', ')}${ignored.size > 10 ? `, and ${ignored.size - 10} more` : ''}`);
    }
    const file = `remediations/${command.name}/remediation.yml`;
    const yml = files.find((f) => f.path === 'remediation.yml');
    if (yml === undefined) {
        throw new errors/* UsageError */.eb('NOT_FOUND', `${file} does not exist; remediate init ${command.name} writes a new one`);
    }
    // Checked as validate and release check it (schema, semantics, every script's syntax): a script
    // that cannot parse is refused here rather than half-way through the run.
    const definition = await (0,check_definition/* checkDefinition */.QU)(file, yml.content, command.name);
    const params = command.paramsFile === undefined ? {} : readParamsFile(command.paramsFile);
    const signKey = readSignKey(command.signKey, command.dryRun);
    const banner = `UNRELEASED: ${command.name} from the working tree (${(0,tree_digest/* treeDigest */.fZ)(files)}); no release, tag or signature vouches for it`;
    context.err(banner);
    context.setCancellable(true);
    try {
        const outcome = await runRemediation(await buildRunSettings({
            ref: (0,version_ref/* makeVersionRef */.AK)(command.name, version_ref/* UNRELEASED_VERSION */.up),
            // No manifest is read: the trust policy does not apply and is not recorded.
            threshold: 1,
            minSerial: 0,
            params,
            cliParams: command.cliParams,
            outDir: command.outDir,
            dryRun: command.dryRun,
            force: command.force,
            checkOnly: command.checkOnly,
            ...(command.target !== undefined ? { target: command.target } : {}),
            targetFacts: command.targetFacts,
            ignoreCircuitBreaker: command.ignoreCircuitBreaker,
            runId: undefined,
            github,
            toolPath: context.toolPath,
            ...(signKey !== undefined ? { signKey } : {}),
        }), buildRunDeps({
            git,
            // Not read for an unreleased run: nothing is verified against a manifest.
            manifestBytes: new Uint8Array(),
            trustedKeys: [],
            callerEnv: context.env,
            scratchRoot: (0,external_node_os_.tmpdir)(),
            clock: context.now,
            cancel: context.cancel,
            ...consoleDeps(context),
        }), { files, definition });
        if (outcome.kind === 'planned')
            return outcome.exitCode;
        if (outcome.refusal !== undefined)
            return reportRefusal(outcome, outcome.refusal, context);
        context.out(`${command.name} UNRELEASED (working tree): ${outcome.status}`);
        // Why it failed and what the rollback did, as run says it.
        for (const line of failureLines(outcome.snapshot, paletteFor(false, true)))
            context.out(line);
        printOutputs(outcome.outputs, context.out);
        context.out(`  record:   ${outcome.recordDir} (unreleased: true)`);
        context.out(`  snapshot: ${outcome.snapshotDigest}`);
        const failed = receiptExit(outcome, context);
        if (outcome.receipt !== undefined && 'keyid' in outcome.receipt) {
            context.out(`  receipt:  ${outcome.receipt.file} (signed by ${outcome.receipt.keyid.slice(0, 16)})`);
        }
        context.out(`  to ship it: commit, review, then remediate release ${command.name} v<version>`);
        return failed ?? outcome.exitCode;
    }
    finally {
        context.setCancellable(false);
    }
}
/** The run key of --sign-key, read before anything runs (a wrong path must not surface after the steps); none for a dry run. */
function readSignKey(file, dryRun) {
    return file === undefined || dryRun ? undefined : (0,keys/* parsePrivateKey */.QW)((0,load_keys/* readKeyFile */.ml)(file), file);
}
/** The console's part of a run (run, replay, try): the human lines, and live progress on a terminal. */
function consoleDeps(context) {
    const { report } = context;
    return {
        // The plan of a dry run and the guards' notes are the human result.
        out: report.line,
        // Live progress is for someone watching a terminal; a pipe or a file gets the result only.
        ...(context.errIsTerminal === true && !report.mode.quiet
            ? { observer: new RunConsole(context.err, paletteFor(true, context.noColor)) }
            : {}),
    };
}
/** A run refused before any step: the reason and where it is recorded, on stderr; its document. */
function reportRefusal(outcome, refusal, context) {
    const { report } = context;
    report.note(`refused [${refusal.code}]: ${refusal.message}`);
    report.note(`  nothing ran; the refusal is recorded in ${outcome.recordDir} (snapshot ${outcome.snapshotDigest})`);
    return report.finish({
        status: 'refused',
        exitCode: receiptExit(outcome, context) ?? outcome.exitCode,
        code: refusal.code,
        message: refusal.message,
    });
}
/**
 * The fields of a run record every document that reports one shares (`run`, `replay`,
 * `verify-run`): what ran, what the check found, what the rollback did, and each step.
 */
function recordFields(snapshot) {
    return {
        name: snapshot.remediation.name,
        version: snapshot.remediation.version,
        runId: snapshot.runId,
        runStatus: snapshot.status,
        ...(snapshot.unreleased === true ? { unreleased: true } : {}),
        error: snapshot.error ?? null,
        check: snapshot.check ?? null,
        rollback: snapshot.rollback ?? null,
        steps: snapshot.steps.map(stepFields),
    };
}
/** One step as a document lists it. */
function stepFields(step) {
    return {
        stage: step.stage,
        id: step.id,
        ...(step.name !== undefined ? { name: step.name } : {}),
        outcome: step.outcome,
        exitCode: step.exitCode,
        signal: step.signal,
        durationMs: step.durationMs,
        attempts: step.attempts,
        ...(step.error !== undefined ? { error: step.error } : {}),
    };
}
/**
 * `runs list`: the rows go to standard output (the table, or one JSON array); everything said
 * about them (records that could not be read, an empty listing) to standard error, so the
 * output stays parseable. An unreadable record is named there and does not fail the listing.
 */
async function commands_runsListCommand(command, github, context) {
    // Loaded only here: reading records brings the snapshot validator.
    const { localRunListSource } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 23483));
    const { formatRunList, listRuns, sinceTime } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 38839));
    const where = command.repo === undefined ? command.outDir : `the artifacts of ${command.repo}`;
    const source = command.repo === undefined
        ? localRunListSource(command.outDir)
        : await publishedListSource(command.repo, command.filter, github, context);
    const { entries, skipped } = await source();
    // A hostile record's problem quotes its bytes: one line, escaped (no terminal escapes, no `\n::`).
    for (const { location, problem } of skipped)
        context.err(`skipped ${(0,terminal_text/* oneLine */.TN)(location)}: ${(0,terminal_text/* oneLine */.TN)(problem)}`);
    const { since, ...filter } = command.filter;
    const rows = listRuns(entries, {
        ...filter,
        ...(since !== undefined ? { since: sinceTime(since, context.now()) } : {}),
    });
    if (rows.length === 0) {
        context.err(entries.length === 0 ? `no run records in ${where}` : `no run matches (${entries.length} record(s) in ${where})`);
    }
    for (const line of formatRunList(rows, command.json))
        context.out(line);
    return errors/* ExitCode */.yU.ok;
}
/**
 * `runs list --repo`: the records published as the repository's workflow artifacts, read through
 * GitHub's REST API with GITHUB_TOKEN (GITHUB_API_URL, else api.github.com). Bounded by --limit
 * (default LIST_DEFAULT_LIMIT): one list request per 100 artifacts, one download per record.
 */
async function publishedListSource(repo, filter, github, context) {
    if (!github.token) {
        throw new errors/* UsageError */.eb('USAGE', `runs list --repo ${repo}: set GITHUB_TOKEN to a token that can read the repository's Actions artifacts (for example GITHUB_TOKEN=$(gh auth token))`);
    }
    const { publishedRunListSource, LIST_DEFAULT_LIMIT } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 16758));
    const { sinceTime } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 38839));
    const { OctokitGitHubApi } = await __webpack_require__.e(/* import() */ 804).then(__webpack_require__.bind(__webpack_require__, 44804));
    const { DEFAULT_RETRY } = await __webpack_require__.e(/* import() */ 378).then(__webpack_require__.bind(__webpack_require__, 16378));
    const { artifactDownloaderFor } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 66083));
    const { mkdtemp } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    const api = new OctokitGitHubApi(getOctokit(github.token, { baseUrl: github.apiUrl ?? 'https://api.github.com' }), repo, DEFAULT_RETRY, (line) => context.err(line));
    const download = artifactDownloaderFor(github.token, repo);
    const scratch = await mkdtemp((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'remediate-runs-'));
    return publishedRunListSource({ listArtifactsPage: (page) => api.listArtifactsPage(page), download }, scratch, {
        ...(filter.name !== undefined ? { name: filter.name } : {}),
        ...(filter.since !== undefined ? { since: sinceTime(filter.since, context.now()) } : {}),
        limit: filter.limit ?? LIST_DEFAULT_LIMIT,
    });
}
/** Where a record argument is looked for: the cwd, or the repository `runs show|verify --repo` names. */
function recordArgumentSettings(command, github, context) {
    return {
        cwd: context.cwd,
        ...(command.fetchFrom !== undefined ? { fetchFrom: { repository: command.fetchFrom, token: github.token } } : {}),
    };
}
/** Reads the anchors' files (run keys, trusted roots) named on the command line. */
function loadAnchors(settings) {
    const { attestation } = settings;
    return {
        ...(settings.snapshotDigest !== undefined ? { snapshotDigest: settings.snapshotDigest } : {}),
        trustedKeys: settings.trustedKeys.map((path) => (0,keys/* parsePublicKey */.ee)((0,load_keys/* readKeyFile */.ml)(path), path)),
        ...(attestation !== undefined
            ? {
                attestation: {
                    ...(attestation.bundle !== undefined ? { bundle: attestation.bundle } : {}),
                    trustedRoot: (0,bounded_file/* readBoundedFile */.M)(attestation.trustedRoot, {
                        label: 'trusted root',
                        maxBytes: receipt/* MAX_ATTESTATION_BYTES */.mq,
                    }),
                    signerWorkflow: attestation.signerWorkflow,
                    repository: attestation.repository,
                    ...(attestation.sourceRef !== undefined ? { sourceRef: attestation.sourceRef } : {}),
                },
            }
            : {}),
    };
}
/**
 * When the receipt could not be written, says so and returns exit 1: the run happened and is
 * recorded, but its record cannot be authenticated with the run key.
 */
function receiptExit(outcome, context) {
    if (outcome.receipt === undefined || !('error' in outcome.receipt))
        return undefined;
    context.err(`error [RECEIPT_WRITE_FAILED]: the run ended ${outcome.status}, but its receipt could not be signed and written: ${outcome.receipt.error}`);
    context.err(`  the record is in ${outcome.recordDir}; pin it with its snapshot digest ${outcome.snapshotDigest}`);
    return errors/* ExitCode */.yU.failed;
}
/**
 * Prints run outputs as `output name=value`. A value is whatever a step wrote, and a line of a
 * multi-line one starting with `::` (`::error title=x::`, `::add-mask::`) would act as a workflow
 * command when the CLI runs in a GitHub `run:` step (or in a container one, where GITHUB_ACTIONS is
 * not set): multi-line values are printed inside a `::stop-commands::` fence, as the Action fences
 * step output. A single-line value cannot start a line, so it needs none.
 */
function printOutputs(outputs, out) {
    // Terminal escapes, bare CRs and bidi overrides escaped (app/terminal-text.ts terminalSafe);
    // line feeds kept, inside the fence.
    const entries = Object.entries(outputs).map(([name, value]) => [(0,terminal_text/* oneLine */.TN)(name), (0,terminal_text/* terminalSafe */.kJ)(value)]);
    const values = entries.map(([, value]) => value);
    const token = values.some((value) => value.includes('\n')) ? (0,github_output/* stopCommandsToken */.Q)(values) : undefined;
    if (token !== undefined)
        out(`::stop-commands::${token}`);
    for (const [name, value] of entries)
        out(`  output ${name}=${value}`);
    if (token !== undefined)
        out(`::${token}::`);
}
function readParamsFile(path) {
    // Bounded before it is read, with the limit of the parser: /dev/zero or a FIFO is refused, not
    // read until memory runs out or forever.
    const bytes = (0,bounded_file/* readBoundedFile */.M)(path, {
        label: '--params-file',
        maxBytes: dispatch_payload/* MAX_PAYLOAD_BYTES */.qY,
        tooLargeCode: 'INVALID_PARAMS',
    });
    return parseParamsJson(bytes.toString('utf8'), `--params-file ${path}`);
}
function gitIn(context) {
    return new git_client/* GitCli */.Tq(context.cwd, (0,git_client/* gitEnvironment */._K)(context.env));
}
/** Prints an error with its code and returns the exit code it maps to. */
function reportError(error, context) {
    return reportThrown(error, {
        invalidDefinition: (issues) => issues.forEach((issue) => context.err(`error: ${(0,definition_parser/* formatIssue */.Hd)(issue)}`)),
        failed: (line) => context.err(line),
        // A bug in remediate: the stack trace is for the bug report, and the exit code is not 2, so a
        // script never takes a crash of the tool for a mistake in its call.
        internal: (error) => {
            context.err(`error [INTERNAL]: ${(0,errors/* describeError */.Uc)(error)}`);
            if (error instanceof Error && error.stack)
                context.err(error.stack);
        },
    });
}

;// CONCATENATED MODULE: ./src/cli/output-lines.ts
// Writing the CLI's lines to stdout and stderr when whoever reads them may stop reading.

/**
 * Writes lines to `stream`, surviving its reader going away. `remediate verify ... | head -1`
 * closes the pipe after one line: the next write fails with EPIPE, which Node raises as an
 * 'error' event that, unhandled, crashed the tool with a stack trace. Like other CLIs, the tool
 * then stops writing and finishes quietly; a running remediation is not interrupted by a reader
 * that left. Any other write failure is kept for `failure()` and reported by the caller.
 */
function outputLines(stream) {
    let closed = false;
    let failed;
    stream.on('error', (error) => {
        closed = true;
        if (error.code !== 'EPIPE')
            failed ??= error;
    });
    return {
        write: (line) => {
            if (!closed)
                stream.write(`${line}\n`);
        },
        failure: () => failed,
    };
}
/** The one line that reports a failed standard stream (`name` is stdout or stderr). */
function describeOutputFailure(name, error) {
    const known = (0,errors/* usageErrorFromSystem */.tz)(error, `cannot write to ${name}`);
    return `error [${known?.code ?? 'IO_ERROR'}]: ${known?.message ?? `cannot write to ${name}: ${error.message}`}`;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The CLI's process wiring: hands argv, environment, streams and a cancel signal to runCli, and
// sets the exit code. GitHub cancels a job with SIGINT, then SIGTERM; a closed terminal or an
// ended SSH session sends SIGHUP. All three stop the running step's process group and still
// finish the record (status `cancelled`, exit 4).





/** Runs the CLI for this process. */
async function main() {
    const cancel = new AbortController();
    let cancellable = false;
    const stop = (signal) => {
        if (cancellable)
            cancel.abort();
        else
            process.exit(128 + external_node_os_.constants.signals[signal]);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Node's default for SIGHUP is to exit at once: the step would go on running and the record
    // would stay `running`. Handled like SIGTERM instead.
    process.on('SIGHUP', stop);
    const stdout = outputLines(process.stdout);
    const stderr = outputLines(process.stderr);
    const code = await runCli(process.argv.slice(2), {
        cwd: process.cwd(),
        env: process.env,
        out: stdout.write,
        err: stderr.write,
        errIsTerminal: process.stderr.isTTY === true,
        now: () => new Date(),
        cancel: cancel.signal,
        setCancellable: (active) => {
            cancellable = active;
        },
        toolPath: (0,external_node_url_.fileURLToPath)(import.meta.url),
    });
    // A reader that left (EPIPE) is not a failure; output lost otherwise (`> /dev/full`) is one.
    // Writes to files and pipes are synchronous on Linux, but their errors arrive as events on a
    // later tick: wait one turn so the last line's failure is seen.
    await new Promise((resolve) => setImmediate(resolve));
    const lost = stdout.failure();
    if (lost)
        stderr.write(describeOutputFailure('standard output', lost));
    process.exitCode = lost && code === errors/* ExitCode */.yU.ok ? errors/* ExitCode */.yU.usage : code;
}


/***/ }),

/***/ 50078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ checkAppendOnly)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84414);


/**
 * Proves a new manifest only appends to the previous one: serial grows by exactly one, `previous`
 * names the old payload, no released entry's tag, commit, digest or release time changed, none
 * disappeared, and no yank was undone. This stops a release job from quietly re-pointing an
 * already released version, or un-yanking one, while signing something else.
 */
function checkAppendOnly(previous, next) {
    const refuse = (message) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('NOT_APPEND_ONLY', message);
    };
    if (next.serial !== previous.payload.serial + 1) {
        refuse(`serial: expected ${previous.payload.serial + 1}, got ${next.serial}`);
    }
    const expectedPrevious = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .manifestDigest */ .It)(previous.payloadBytes);
    if (next.previous !== expectedPrevious)
        refuse(`previous: expected ${expectedPrevious}, got ${next.previous}`);
    const yanked = [];
    for (const [name, versions] of Object.entries(previous.payload.remediations)) {
        for (const [version, old] of Object.entries(versions)) {
            const at = `${name}@${version}`;
            const now = Object.hasOwn(next.remediations, name) ? next.remediations[name]?.[version] : undefined;
            if (!now)
                return refuse(`${at}: removed; released versions must stay in the manifest (yank instead)`);
            for (const field of ['tag', 'commit', 'digest', 'released']) {
                if (now[field] !== old[field])
                    refuse(`${at}.${field}: expected ${old[field]} (released), got ${now[field]}`);
            }
            if (old.yanked && !now.yanked)
                refuse(`${at}.yanked: a yank cannot be undone; release a new version instead`);
            if (old.yanked && now.yanked && JSON.stringify(old.yanked) !== JSON.stringify(now.yanked)) {
                refuse(`${at}.yanked: expected the recorded yank to stay as it was`);
            }
            if (!old.yanked && now.yanked)
                yanked.push(at);
        }
    }
    const added = [];
    for (const [name, versions] of Object.entries(next.remediations)) {
        for (const version of Object.keys(versions)) {
            const existed = Object.hasOwn(previous.payload.remediations, name) && previous.payload.remediations[name]?.[version];
            if (!existed)
                added.push(`${name}@${version}`);
        }
    }
    return { added, yanked };
}


/***/ }),

/***/ 24324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gk: () => (/* binding */ DefinitionError),
  Hd: () => (/* reexport */ yaml_issues/* formatIssue */.Hd),
  QZ: () => (/* binding */ locateValue),
  JA: () => (/* binding */ parseDefinition)
});

// UNUSED EXPORTS: MAX_DEFINITION_BYTES

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/equal.js
var equal = __webpack_require__(24951);
;// CONCATENATED MODULE: ./src/generated/remediation-validator.js
// Generated from remediations/remediation.schema.json by scripts/build-validators.mjs; do not edit.
/* eslint-disable */


const runtime = (m) => (typeof m === "function" ? m : m.default);
"use strict";const validate = (/* unused pure expression or super */ null && (validate10));/* harmony default export */ const remediation_validator = (validate10);const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://remediate.dev/schemas/remediation-v1.json","title":"Remediation definition (remediations/<name>/remediation.yml)","type":"object","additionalProperties":false,"required":["name","description","steps"],"properties":{"name":{"description":"Must equal the folder name under remediations/.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},"description":{"type":"string","minLength":1,"maxLength":2000},"inputs":{"description":"Typed parameters. Each reaches the steps only as the environment variable PARAM_<NAME>.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"maxProperties":64,"additionalProperties":{"$ref":"#/definitions/input"}},"secrets":{"description":"Names of caller environment variables that the steps may see. Their values are redacted from every record.","type":"array","maxItems":32,"uniqueItems":true,"items":{"$ref":"#/definitions/envName"}},"optional-secrets":{"description":"Names of caller environment variables that the steps may see when they are set, and that a run does not require (an SSH key needed only when a host is reached over SSH). Redacted like `secrets`; a name is in one list or the other.","type":"array","maxItems":32,"uniqueItems":true,"items":{"$ref":"#/definitions/envName"}},"env":{"$ref":"#/definitions/env"},"timeout":{"description":"Whole-run time limit.","$ref":"#/definitions/duration"},"circuit-breaker":{"description":"Stops a remediation that keeps firing: when `max-runs` runs of this remediation (any version) started their fix stage within `within`, per target or for the remediation as a whole, the next run is refused (CIRCUIT_OPEN) before any step. Part of the signed version.","type":"object","additionalProperties":false,"required":["max-runs","within"],"properties":{"max-runs":{"description":"Runs whose fix stage (`steps`) started that are allowed within the window.","type":"integer","minimum":1,"maximum":10000},"within":{"description":"The window, ending at the run's start.","$ref":"#/definitions/duration"},"per":{"description":"`target` (default): count runs with the same --target; `remediation`: count every run of the remediation.","enum":["target","remediation"]}}},"outputs":{"description":"Outputs the run exposes, each taken from a step's REMEDIATION_OUTPUT key.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":"object","additionalProperties":false,"required":["step","key"],"properties":{"description":{"type":"string"},"step":{"type":"string"},"key":{"type":"string"}}}},"check":{"$ref":"#/definitions/stage"},"steps":{"type":"array","$ref":"#/definitions/stage","minItems":1},"verify":{"$ref":"#/definitions/stage"},"rollback":{"$ref":"#/definitions/stage"}},"definitions":{"envName":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"},"env":{"type":"object","maxProperties":64,"propertyNames":{"$ref":"#/definitions/envName"},"additionalProperties":{"type":"string","maxLength":4096}},"duration":{"description":"A duration like 500ms, 30s, 5m or 2h.","type":"string","pattern":"^[1-9][0-9]{0,6}(ms|s|m|h)$"},"input":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["string","integer","number","boolean"]},"description":{"type":"string"},"required":{"type":"boolean"},"default":{"type":["string","number","boolean"]},"pattern":{"type":"string","maxLength":1024},"enum":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]}},"minimum":{"type":"number"},"maximum":{"type":"number"},"min-length":{"type":"integer","minimum":0},"max-length":{"type":"integer","minimum":1,"maximum":65536}}},"stage":{"type":"array","maxItems":100,"items":{"$ref":"#/definitions/step"}},"step":{"type":"object","additionalProperties":false,"required":["id","run"],"properties":{"id":{"type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"type":"string","maxLength":200},"run":{"type":"string","minLength":1,"maxLength":65536},"shell":{"enum":["bash","sh"]},"env":{"$ref":"#/definitions/env"},"timeout":{"$ref":"#/definitions/duration"},"retries":{"type":"integer","minimum":0,"maximum":10},"continue-on-error":{"type":"boolean"},"working-directory":{"description":"A relative path inside the run's fresh workspace.","type":"string","pattern":"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"}}}}};const schema12 = {"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["string","integer","number","boolean"]},"description":{"type":"string"},"required":{"type":"boolean"},"default":{"type":["string","number","boolean"]},"pattern":{"type":"string","maxLength":1024},"enum":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]}},"minimum":{"type":"number"},"maximum":{"type":"number"},"min-length":{"type":"integer","minimum":0},"max-length":{"type":"integer","minimum":1,"maximum":65536}}};const schema13 = {"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"};const schema17 = {"description":"A duration like 500ms, 30s, 5m or 2h.","type":"string","pattern":"^[1-9][0-9]{0,6}(ms|s|m|h)$"};const func2 = Object.prototype.hasOwnProperty;const func3 = runtime(ucs2length);const func0 = runtime(equal);const pattern0 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", "u");const pattern1 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");const pattern2 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,127}$", "u");const pattern5 = new RegExp("^[1-9][0-9]{0,6}(ms|s|m|h)$", "u");const schema15 = {"type":"object","maxProperties":64,"propertyNames":{"$ref":"#/definitions/envName"},"additionalProperties":{"type":"string","maxLength":4096}};function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(Object.keys(data).length > 64){const err0 = {instancePath,schemaPath:"#/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema15,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){const _errs1 = errors;if(typeof key0 === "string"){if(!pattern2.test(key0)){const err1 = {instancePath,schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema13,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {instancePath,schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}var valid0 = _errs1 === errors;if(!valid0){const err3 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema15.propertyNames,parentSchema:schema15,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}for(const key1 in data){let data0 = data[key1];if(typeof data0 === "string"){if(func3(data0) > 4096){const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema15.additionalProperties,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.additionalProperties.type,parentSchema:schema15.additionalProperties,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}validate11.errors = vErrors;return errors === 0;}const schema19 = {"type":"array","maxItems":100,"items":{"$ref":"#/definitions/step"}};const schema20 = {"type":"object","additionalProperties":false,"required":["id","run"],"properties":{"id":{"type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"type":"string","maxLength":200},"run":{"type":"string","minLength":1,"maxLength":65536},"shell":{"enum":["bash","sh"]},"env":{"$ref":"#/definitions/env"},"timeout":{"$ref":"#/definitions/duration"},"retries":{"type":"integer","minimum":0,"maximum":10},"continue-on-error":{"type":"boolean"},"working-directory":{"description":"A relative path inside the run's fresh workspace.","type":"string","pattern":"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"}}};const pattern10 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$", "u");function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.id === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema20.required,parentSchema:schema20,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.run === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run"},message:"must have required property '"+"run"+"'",schema:schema20.required,parentSchema:schema20,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(func2.call(schema20.properties, key0))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.id !== undefined){let data0 = data.id;if(typeof data0 === "string"){if(!pattern1.test(data0)){const err3 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema20.properties.id,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.id.type,parentSchema:schema20.properties.id,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 === "string"){if(func3(data1) > 200){const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema20.properties.name,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.name.type,parentSchema:schema20.properties.name,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.run !== undefined){let data2 = data.run;if(typeof data2 === "string"){if(func3(data2) > 65536){const err7 = {instancePath:instancePath+"/run",schemaPath:"#/properties/run/maxLength",keyword:"maxLength",params:{limit: 65536},message:"must NOT have more than 65536 characters",schema:65536,parentSchema:schema20.properties.run,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(func3(data2) < 1){const err8 = {instancePath:instancePath+"/run",schemaPath:"#/properties/run/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.run,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/run",schemaPath:"#/properties/run/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.run.type,parentSchema:schema20.properties.run,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.shell !== undefined){let data3 = data.shell;if(!((data3 === "bash") || (data3 === "sh"))){const err10 = {instancePath:instancePath+"/shell",schemaPath:"#/properties/shell/enum",keyword:"enum",params:{allowedValues: schema20.properties.shell.enum},message:"must be equal to one of the allowed values",schema:schema20.properties.shell.enum,parentSchema:schema20.properties.shell,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.env !== undefined){if(!(validate11(data.env, {instancePath:instancePath+"/env",parentData:data,parentDataProperty:"env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data.timeout !== undefined){let data5 = data.timeout;if(typeof data5 === "string"){if(!pattern5.test(data5)){const err11 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]{0,6}(ms|s|m|h)$"},message:"must match pattern \""+"^[1-9][0-9]{0,6}(ms|s|m|h)$"+"\"",schema:"^[1-9][0-9]{0,6}(ms|s|m|h)$",parentSchema:schema17,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.retries !== undefined){let data6 = data.retries;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err13 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.properties.retries.type,parentSchema:schema20.properties.retries,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 10 || isNaN(data6)){const err14 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema20.properties.retries,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if(data6 < 0 || isNaN(data6)){const err15 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20.properties.retries,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}if(data["continue-on-error"] !== undefined){let data7 = data["continue-on-error"];if(typeof data7 !== "boolean"){const err16 = {instancePath:instancePath+"/continue-on-error",schemaPath:"#/properties/continue-on-error/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema20.properties["continue-on-error"].type,parentSchema:schema20.properties["continue-on-error"],data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data["working-directory"] !== undefined){let data8 = data["working-directory"];if(typeof data8 === "string"){if(!pattern10.test(data8)){const err17 = {instancePath:instancePath+"/working-directory",schemaPath:"#/properties/working-directory/pattern",keyword:"pattern",params:{pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"},message:"must match pattern \""+"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"+"\"",schema:"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$",parentSchema:schema20.properties["working-directory"],data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/working-directory",schemaPath:"#/properties/working-directory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties["working-directory"].type,parentSchema:schema20.properties["working-directory"],data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}validate14.errors = vErrors;return errors === 0;}function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(Array.isArray(data)){if(data.length > 100){const err0 = {instancePath,schemaPath:"#/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema19,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}const len0 = data.length;for(let i0=0; i0<len0; i0++){if(!(validate14(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);errors = vErrors.length;}}}else {const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.type,parentSchema:schema19,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}validate13.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://remediate.dev/schemas/remediation-v1.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.description === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "description"},message:"must have required property '"+"description"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.steps === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!(func2.call(schema11.properties, key0))){const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",parentSchema:schema11.properties.name,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.name.type,parentSchema:schema11.properties.name,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.description !== undefined){let data1 = data.description;if(typeof data1 === "string"){if(func3(data1) > 2000){const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(func3(data1) < 1){const err7 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.description.type,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.inputs !== undefined){let data2 = data.inputs;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(Object.keys(data2).length > 64){const err9 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.inputs,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}for(const key1 in data2){const _errs8 = errors;if(typeof key1 === "string"){if(!pattern1.test(key1)){const err10 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema11.properties.inputs.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}var valid1 = _errs8 === errors;if(!valid1){const err11 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema11.properties.inputs.propertyNames,parentSchema:schema11.properties.inputs,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}for(const key2 in data2){let data3 = data2[key2];if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.type === undefined){const err12 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/input/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema12.required,parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}for(const key3 in data3){if(!(func2.call(schema12.properties, key3))){const err13 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/input/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data3.type !== undefined){let data4 = data3.type;if(!((((data4 === "string") || (data4 === "integer")) || (data4 === "number")) || (data4 === "boolean"))){const err14 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/input/properties/type/enum",keyword:"enum",params:{allowedValues: schema12.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.type.enum,parentSchema:schema12.properties.type,data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data3.description !== undefined){let data5 = data3.description;if(typeof data5 !== "string"){const err15 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/input/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data3.required !== undefined){let data6 = data3.required;if(typeof data6 !== "boolean"){const err16 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/required",schemaPath:"#/definitions/input/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties.required.type,parentSchema:schema12.properties.required,data:data6};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data3.default !== undefined){let data7 = data3.default;if(((typeof data7 !== "string") && (!((typeof data7 == "number") && (isFinite(data7))))) && (typeof data7 !== "boolean")){const err17 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/default",schemaPath:"#/definitions/input/properties/default/type",keyword:"type",params:{type: schema12.properties.default.type},message:"must be string,number,boolean",schema:schema12.properties.default.type,parentSchema:schema12.properties.default,data:data7};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data3.pattern !== undefined){let data8 = data3.pattern;if(typeof data8 === "string"){if(func3(data8) > 1024){const err18 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/pattern",schemaPath:"#/definitions/input/properties/pattern/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema12.properties.pattern,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/pattern",schemaPath:"#/definitions/input/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.pattern.type,parentSchema:schema12.properties.pattern,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data3.enum !== undefined){let data9 = data3.enum;if(Array.isArray(data9)){if(data9.length < 1){const err20 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/definitions/input/properties/enum/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.enum,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}const len0 = data9.length;for(let i0=0; i0<len0; i0++){let data10 = data9[i0];if(((typeof data10 !== "string") && (!((typeof data10 == "number") && (isFinite(data10))))) && (typeof data10 !== "boolean")){const err21 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum/" + i0,schemaPath:"#/definitions/input/properties/enum/items/type",keyword:"type",params:{type: schema12.properties.enum.items.type},message:"must be string,number,boolean",schema:schema12.properties.enum.items.type,parentSchema:schema12.properties.enum.items,data:data10};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/definitions/input/properties/enum/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.enum.type,parentSchema:schema12.properties.enum,data:data9};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data3.minimum !== undefined){let data11 = data3.minimum;if(!((typeof data11 == "number") && (isFinite(data11)))){const err23 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/minimum",schemaPath:"#/definitions/input/properties/minimum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.minimum.type,parentSchema:schema12.properties.minimum,data:data11};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data3.maximum !== undefined){let data12 = data3.maximum;if(!((typeof data12 == "number") && (isFinite(data12)))){const err24 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/maximum",schemaPath:"#/definitions/input/properties/maximum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.maximum.type,parentSchema:schema12.properties.maximum,data:data12};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data3["min-length"] !== undefined){let data13 = data3["min-length"];if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){const err25 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/min-length",schemaPath:"#/definitions/input/properties/min-length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties["min-length"].type,parentSchema:schema12.properties["min-length"],data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if((typeof data13 == "number") && (isFinite(data13))){if(data13 < 0 || isNaN(data13)){const err26 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/min-length",schemaPath:"#/definitions/input/properties/min-length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties["min-length"],data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}if(data3["max-length"] !== undefined){let data14 = data3["max-length"];if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err27 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max-length",schemaPath:"#/definitions/input/properties/max-length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties["max-length"].type,parentSchema:schema12.properties["max-length"],data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 > 65536 || isNaN(data14)){const err28 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max-length",schemaPath:"#/definitions/input/properties/max-length/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65536},message:"must be <= 65536",schema:65536,parentSchema:schema12.properties["max-length"],data:data14};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(data14 < 1 || isNaN(data14)){const err29 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max-length",schemaPath:"#/definitions/input/properties/max-length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties["max-length"],data:data14};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}}else {const err30 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/input/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}}else {const err31 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.inputs.type,parentSchema:schema11.properties.inputs,data:data2};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data.secrets !== undefined){let data15 = data.secrets;if(Array.isArray(data15)){if(data15.length > 32){const err32 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/maxItems",keyword:"maxItems",params:{limit: 32},message:"must NOT have more than 32 items",schema:32,parentSchema:schema11.properties.secrets,data:data15};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}const len1 = data15.length;for(let i1=0; i1<len1; i1++){let data16 = data15[i1];if(typeof data16 === "string"){if(!pattern2.test(data16)){const err33 = {instancePath:instancePath+"/secrets/" + i1,schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema13,data:data16};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}else {const err34 = {instancePath:instancePath+"/secrets/" + i1,schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data16};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}let i2 = data15.length;let j0;if(i2 > 1){outer0:for(;i2--;){for(j0 = i2; j0--;){if(func0(data15[i2], data15[j0])){const err35 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)",schema:true,parentSchema:schema11.properties.secrets,data:data15};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;break outer0;}}}}}else {const err36 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.secrets.type,parentSchema:schema11.properties.secrets,data:data15};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data["optional-secrets"] !== undefined){let data17 = data["optional-secrets"];if(Array.isArray(data17)){if(data17.length > 32){const err37 = {instancePath:instancePath+"/optional-secrets",schemaPath:"#/properties/optional-secrets/maxItems",keyword:"maxItems",params:{limit: 32},message:"must NOT have more than 32 items",schema:32,parentSchema:schema11.properties["optional-secrets"],data:data17};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}const len2 = data17.length;for(let i3=0; i3<len2; i3++){let data18 = data17[i3];if(typeof data18 === "string"){if(!pattern2.test(data18)){const err38 = {instancePath:instancePath+"/optional-secrets/" + i3,schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema13,data:data18};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}else {const err39 = {instancePath:instancePath+"/optional-secrets/" + i3,schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data18};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}let i4 = data17.length;let j1;if(i4 > 1){outer1:for(;i4--;){for(j1 = i4; j1--;){if(func0(data17[i4], data17[j1])){const err40 = {instancePath:instancePath+"/optional-secrets",schemaPath:"#/properties/optional-secrets/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i4+" are identical)",schema:true,parentSchema:schema11.properties["optional-secrets"],data:data17};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;break outer1;}}}}}else {const err41 = {instancePath:instancePath+"/optional-secrets",schemaPath:"#/properties/optional-secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["optional-secrets"].type,parentSchema:schema11.properties["optional-secrets"],data:data17};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data.env !== undefined){if(!(validate11(data.env, {instancePath:instancePath+"/env",parentData:data,parentDataProperty:"env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data.timeout !== undefined){let data20 = data.timeout;if(typeof data20 === "string"){if(!pattern5.test(data20)){const err42 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]{0,6}(ms|s|m|h)$"},message:"must match pattern \""+"^[1-9][0-9]{0,6}(ms|s|m|h)$"+"\"",schema:"^[1-9][0-9]{0,6}(ms|s|m|h)$",parentSchema:schema17,data:data20};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}else {const err43 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data20};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data["circuit-breaker"] !== undefined){let data21 = data["circuit-breaker"];if(data21 && typeof data21 == "object" && !Array.isArray(data21)){if(data21["max-runs"] === undefined){const err44 = {instancePath:instancePath+"/circuit-breaker",schemaPath:"#/properties/circuit-breaker/required",keyword:"required",params:{missingProperty: "max-runs"},message:"must have required property '"+"max-runs"+"'",schema:schema11.properties["circuit-breaker"].required,parentSchema:schema11.properties["circuit-breaker"],data:data21};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}if(data21.within === undefined){const err45 = {instancePath:instancePath+"/circuit-breaker",schemaPath:"#/properties/circuit-breaker/required",keyword:"required",params:{missingProperty: "within"},message:"must have required property '"+"within"+"'",schema:schema11.properties["circuit-breaker"].required,parentSchema:schema11.properties["circuit-breaker"],data:data21};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}for(const key4 in data21){if(!(((key4 === "max-runs") || (key4 === "within")) || (key4 === "per"))){const err46 = {instancePath:instancePath+"/circuit-breaker",schemaPath:"#/properties/circuit-breaker/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["circuit-breaker"],data:data21};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data21["max-runs"] !== undefined){let data22 = data21["max-runs"];if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){const err47 = {instancePath:instancePath+"/circuit-breaker/max-runs",schemaPath:"#/properties/circuit-breaker/properties/max-runs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties["circuit-breaker"].properties["max-runs"].type,parentSchema:schema11.properties["circuit-breaker"].properties["max-runs"],data:data22};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}if((typeof data22 == "number") && (isFinite(data22))){if(data22 > 10000 || isNaN(data22)){const err48 = {instancePath:instancePath+"/circuit-breaker/max-runs",schemaPath:"#/properties/circuit-breaker/properties/max-runs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema11.properties["circuit-breaker"].properties["max-runs"],data:data22};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}if(data22 < 1 || isNaN(data22)){const err49 = {instancePath:instancePath+"/circuit-breaker/max-runs",schemaPath:"#/properties/circuit-breaker/properties/max-runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties["circuit-breaker"].properties["max-runs"],data:data22};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}if(data21.within !== undefined){let data23 = data21.within;if(typeof data23 === "string"){if(!pattern5.test(data23)){const err50 = {instancePath:instancePath+"/circuit-breaker/within",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]{0,6}(ms|s|m|h)$"},message:"must match pattern \""+"^[1-9][0-9]{0,6}(ms|s|m|h)$"+"\"",schema:"^[1-9][0-9]{0,6}(ms|s|m|h)$",parentSchema:schema17,data:data23};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}else {const err51 = {instancePath:instancePath+"/circuit-breaker/within",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data23};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data21.per !== undefined){let data24 = data21.per;if(!((data24 === "target") || (data24 === "remediation"))){const err52 = {instancePath:instancePath+"/circuit-breaker/per",schemaPath:"#/properties/circuit-breaker/properties/per/enum",keyword:"enum",params:{allowedValues: schema11.properties["circuit-breaker"].properties.per.enum},message:"must be equal to one of the allowed values",schema:schema11.properties["circuit-breaker"].properties.per.enum,parentSchema:schema11.properties["circuit-breaker"].properties.per,data:data24};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}}else {const err53 = {instancePath:instancePath+"/circuit-breaker",schemaPath:"#/properties/circuit-breaker/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["circuit-breaker"].type,parentSchema:schema11.properties["circuit-breaker"],data:data21};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data.outputs !== undefined){let data25 = data.outputs;if(data25 && typeof data25 == "object" && !Array.isArray(data25)){for(const key5 in data25){const _errs60 = errors;if(typeof key5 === "string"){if(!pattern1.test(key5)){const err54 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema11.properties.outputs.propertyNames,data:key5,propertyName:key5};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}var valid18 = _errs60 === errors;if(!valid18){const err55 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames",keyword:"propertyNames",params:{propertyName: key5},message:"property name must be valid",schema:schema11.properties.outputs.propertyNames,parentSchema:schema11.properties.outputs,data:data25};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}for(const key6 in data25){let data26 = data25[key6];if(data26 && typeof data26 == "object" && !Array.isArray(data26)){if(data26.step === undefined){const err56 = {instancePath:instancePath+"/outputs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/required",keyword:"required",params:{missingProperty: "step"},message:"must have required property '"+"step"+"'",schema:schema11.properties.outputs.additionalProperties.required,parentSchema:schema11.properties.outputs.additionalProperties,data:data26};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}if(data26.key === undefined){const err57 = {instancePath:instancePath+"/outputs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema11.properties.outputs.additionalProperties.required,parentSchema:schema11.properties.outputs.additionalProperties,data:data26};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}for(const key7 in data26){if(!(((key7 === "description") || (key7 === "step")) || (key7 === "key"))){const err58 = {instancePath:instancePath+"/outputs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.outputs.additionalProperties,data:data26};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}if(data26.description !== undefined){let data27 = data26.description;if(typeof data27 !== "string"){const err59 = {instancePath:instancePath+"/outputs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/outputs/additionalProperties/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.properties.description.type,parentSchema:schema11.properties.outputs.additionalProperties.properties.description,data:data27};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data26.step !== undefined){let data28 = data26.step;if(typeof data28 !== "string"){const err60 = {instancePath:instancePath+"/outputs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/step",schemaPath:"#/properties/outputs/additionalProperties/properties/step/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.properties.step.type,parentSchema:schema11.properties.outputs.additionalProperties.properties.step,data:data28};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data26.key !== undefined){let data29 = data26.key;if(typeof data29 !== "string"){const err61 = {instancePath:instancePath+"/outputs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/key",schemaPath:"#/properties/outputs/additionalProperties/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.properties.key.type,parentSchema:schema11.properties.outputs.additionalProperties.properties.key,data:data29};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}}else {const err62 = {instancePath:instancePath+"/outputs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.outputs.additionalProperties.type,parentSchema:schema11.properties.outputs.additionalProperties,data:data26};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}}else {const err63 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.outputs.type,parentSchema:schema11.properties.outputs,data:data25};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}if(data.check !== undefined){if(!(validate13(data.check, {instancePath:instancePath+"/check",parentData:data,parentDataProperty:"check",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.steps !== undefined){let data31 = data.steps;if(!(validate13(data31, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}if(Array.isArray(data31)){if(data31.length < 1){const err64 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.steps,data:data31};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}else {const err65 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.steps.type,parentSchema:schema11.properties.steps,data:data31};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}if(data.verify !== undefined){if(!(validate13(data.verify, {instancePath:instancePath+"/verify",parentData:data,parentDataProperty:"verify",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.rollback !== undefined){if(!(validate13(data.rollback, {instancePath:instancePath+"/rollback",parentData:data,parentDataProperty:"rollback",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}}else {const err66 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}validate10.errors = vErrors;return errors === 0;}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/core/definition.ts
var definition = __webpack_require__(64286);
// EXTERNAL MODULE: ./src/core/param-validation.ts
var param_validation = __webpack_require__(19980);
// EXTERNAL MODULE: ./src/core/schema-errors.ts
var schema_errors = __webpack_require__(16386);
// EXTERNAL MODULE: ./src/core/yaml-issues.ts
var yaml_issues = __webpack_require__(87161);
;// CONCATENATED MODULE: ./src/core/definition-parser.ts

// Precompiled from remediations/remediation.schema.json at build time (scripts/build-validators.mjs):
// compiling the schema at run time was a noticeable part of every run's start-up.







/** Largest remediation.yml accepted: a definition is a page of YAML, not a data set. */
const MAX_DEFINITION_BYTES = 256 * 1024;
/** Alias expansions allowed: stops "billion laughs" documents that expand to gigabytes. */
const MAX_ALIAS_COUNT = 50;
/** A definition failed validation; `issues` carries every problem found, with file positions. */
class DefinitionError extends errors/* RemediateError */.j2 {
    name = 'DefinitionError';
    code = 'INVALID_DEFINITION';
    exitCode = errors/* ExitCode */.yU.usage;
    issues;
    constructor(issues) {
        super(issues.map(yaml_issues/* formatIssue */.Hd).join('\n'));
        this.issues = issues;
    }
}
/**
 * Parses and validates remediation.yml bytes. Pure: the caller reads the bytes (from git objects
 * or the working tree) and says which folder they came from.
 */
function parseDefinition(file, bytes, folderName) {
    const issueAt = (line, column, path, message) => ({
        file,
        line,
        column,
        path,
        message,
    });
    if (bytes.byteLength > MAX_DEFINITION_BYTES) {
        throw new DefinitionError([
            issueAt(1, 1, '', `file is ${bytes.byteLength} bytes; at most ${MAX_DEFINITION_BYTES} are accepted`),
        ]);
    }
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new DefinitionError([issueAt(1, 1, '', 'file is not valid UTF-8')]);
    }
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const position = (offset) => lines.linePos(offset);
    if (doc.errors.length) {
        throw new DefinitionError(doc.errors.map((e) => {
            const { line, col } = position(e.pos[0]);
            return issueAt(line, col, '', e.message.split('\n')[0] ?? e.message);
        }));
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        throw new DefinitionError([
            issueAt(1, 1, '', `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`),
        ]);
    }
    const locate = (path, key = false) => {
        const { node, keyNode } = (0,yaml_issues/* findNode */.cy)(doc, path);
        const target = key && keyNode ? keyNode : node;
        const offset = target?.range?.[0] ?? 0;
        const { line, col } = position(offset);
        return { line, column: col };
    };
    const issue = (path, message, key = false) => {
        const { line, column } = locate(path, key);
        return issueAt(line, column, (0,schema_errors/* formatPath */.jV)(path), message);
    };
    if (!remediation_validator(data)) {
        throw new DefinitionError((0,yaml_issues/* dedupeIssues */.kk)((remediation_validator.errors ?? []).map((e) => (0,yaml_issues/* schemaIssue */.h)(e, issue))));
    }
    const definition = normalise(data);
    const problems = semanticIssues(definition, folderName, issue);
    if (problems.length)
        throw new DefinitionError(problems);
    return definition;
}
function normalise(raw) {
    return {
        name: raw.name,
        description: raw.description,
        inputs: raw.inputs ?? {},
        secrets: raw.secrets ?? [],
        ...(raw['optional-secrets'] !== undefined ? { 'optional-secrets': raw['optional-secrets'] } : {}),
        env: raw.env ?? {},
        ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
        ...(raw['circuit-breaker'] !== undefined
            ? { 'circuit-breaker': { per: 'target', ...raw['circuit-breaker'] } }
            : {}),
        outputs: raw.outputs ?? {},
        check: raw.check ?? [],
        steps: raw.steps,
        verify: raw.verify ?? [],
        rollback: raw.rollback ?? [],
    };
}
// Checks JSON Schema cannot express.
function semanticIssues(def, folderName, issue) {
    const problems = [];
    // A definition that claims another name could be released under a tag it was not reviewed as.
    if (def.name !== folderName) {
        problems.push(issue(['name'], `expected '${folderName}' (the folder name), got '${def.name}'`));
    }
    for (const [input, spec] of Object.entries(def.inputs)) {
        if (spec.default !== undefined) {
            const problem = (0,param_validation/* checkInputValue */.oW)(spec, spec.default);
            if (problem)
                problems.push(issue(['inputs', input, 'default'], `default fails its own constraints: ${problem}`));
        }
        if (spec.pattern !== undefined) {
            try {
                new RegExp(spec.pattern, 'u');
            }
            catch {
                problems.push(issue(['inputs', input, 'pattern'], `expected a valid regular expression, got '${spec.pattern}'`));
            }
        }
        if (spec.required && spec.default !== undefined) {
            problems.push(issue(['inputs', input, 'required'], 'a required input cannot have a default'));
        }
    }
    const secretLists = [
        ['secrets', def.secrets],
        ['optional-secrets', def['optional-secrets'] ?? []],
    ];
    for (const [list, names] of secretLists) {
        names.forEach((name, index) => {
            if ((0,definition/* runnerCredentialName */.Hh)(name)) {
                problems.push(issue([list, index], `'${name}' is reserved (ACTIONS_* are the runner's own credentials, never handed to a step); name the secret otherwise`));
            }
            else if ((0,definition/* reservedSecretName */.SV)(name)) {
                problems.push(issue([list, index], `'${name}' is reserved (PARAM_*, STEP_*, REMEDIATION_* and REMEDIATE_* are set by remediate itself); name the secret otherwise`));
            }
        });
    }
    // A name in both lists: whether a run without it is refused would depend on which list is read.
    (def['optional-secrets'] ?? []).forEach((name, index) => {
        if (def.secrets.includes(name)) {
            problems.push(issue(['optional-secrets', index], `'${name}' is also in secrets; list it in one of the two`));
        }
    });
    if (def.timeout !== undefined)
        problems.push(...durationIssue(def.timeout, ['timeout'], issue));
    const breaker = def['circuit-breaker'];
    if (breaker !== undefined)
        problems.push(...durationIssue(breaker.within, ['circuit-breaker', 'within'], issue));
    // Two inputs that map to one variable (a-b and a_b are both PARAM_A_B) would let one silently
    // replace the other in the step environment.
    const envNames = new Map();
    for (const input of Object.keys(def.inputs)) {
        const name = (0,definition/* paramEnvName */.o2)(input);
        const other = envNames.get(name);
        if (other)
            problems.push(issue(['inputs', input], `'${input}' and '${other}' both become ${name}; rename one`, true));
        envNames.set(name, input);
    }
    const ids = new Map();
    const stepEnvNames = new Map();
    for (const stage of definition/* STAGES */.an) {
        def[stage].forEach((step, index) => {
            if (step.timeout !== undefined)
                problems.push(...durationIssue(step.timeout, [stage, index, 'timeout'], issue));
            // Outputs reach later steps as STEP_<ID>_<KEY>: ids that normalise alike (fix-a, fix_a) would clash.
            const normalised = step.id.toUpperCase().replaceAll('-', '_');
            const clash = stepEnvNames.get(normalised);
            if (clash && clash !== step.id) {
                problems.push(issue([stage, index, 'id'], `'${step.id}' and '${clash}' both become STEP_${normalised}_*; rename one`));
            }
            stepEnvNames.set(normalised, step.id);
            const seen = ids.get(step.id);
            if (seen) {
                problems.push(issue([stage, index, 'id'], `duplicate step id '${step.id}' (first used in ${seen})`));
            }
            else {
                ids.set(step.id, `${stage}[${index}]`);
            }
            problems.push(...expressionIssues(step, [stage, index], issue));
        });
    }
    // Declared outputs read STEP_<ID>_<KEY> names; two that normalise alike (key K2 and k2 of one
    // step) would read one value under two names while the step meant two.
    const outputEnvNames = new Map();
    for (const [output, spec] of Object.entries(def.outputs)) {
        if (!ids.has(spec.step)) {
            problems.push(issue(['outputs', output, 'step'], `expected the id of a step, got '${spec.step}'`));
        }
        const envName = `STEP_${spec.step}_${spec.key}`.toUpperCase().replaceAll('-', '_');
        const other = outputEnvNames.get(envName);
        if (other !== undefined && other !== `${spec.step}/${spec.key}`) {
            problems.push(issue(['outputs', output, 'key'], `'${spec.step}/${spec.key}' and '${other}' both become ${envName}; rename one`));
        }
        else {
            outputEnvNames.set(envName, `${spec.step}/${spec.key}`);
        }
    }
    problems.push(...expressionIssuesIn(def.env, ['env'], issue));
    return problems;
}
// `${{ }}` looks like GitHub's expression language but nothing here evaluates it: a step relying
// on it would run with the literal text, and a workflow author might expect interpolation of
// untrusted values. Parameters are environment variables ($PARAM_X); say so.
function expressionIssues(step, at, issue) {
    const found = [];
    if (step.run.includes('${{')) {
        found.push(issue([...at, 'run'], expressionMessage(step.run)));
    }
    // A name is only shown, but `${{ }}` there reads as a promise of interpolation all the same.
    if (step.name?.includes('${{')) {
        found.push(issue([...at, 'name'], expressionMessage(step.name)));
    }
    // A NUL cannot reach a process: the shell gets the script as an argument and the env as C
    // strings, so everything after it would be cut off silently (or the spawn fails mid-run, after
    // earlier steps changed the system). YAML can write one ("\0"); refuse it before any step runs.
    if (step.run.includes('\0'))
        found.push(issue([...at, 'run'], NUL_MESSAGE));
    // The working directory is a path, not a template; a NUL in a name would cut the log line short.
    const directory = step['working-directory'];
    if (directory?.includes('${{'))
        found.push(issue([...at, 'working-directory'], expressionMessage(directory)));
    if (step.name?.includes('\0'))
        found.push(issue([...at, 'name'], NUL_MESSAGE));
    found.push(...expressionIssuesIn(step.env ?? {}, [...at, 'env'], issue));
    return found;
}
const NUL_MESSAGE = 'contains a NUL byte, which a process cannot receive; remove it';
function durationIssue(text, at, issue) {
    try {
        (0,definition/* parseDuration */.E9)(text);
        return [];
    }
    catch (error) {
        return [issue(at, error.message)];
    }
}
function expressionIssuesIn(env, at, issue) {
    return Object.entries(env).flatMap(([key, value]) => [
        ...(value.includes('${{') ? [issue([...at, key], expressionMessage(value))] : []),
        ...(value.includes('\0') ? [issue([...at, key], NUL_MESSAGE)] : []),
    ]);
}
function expressionMessage(text) {
    const expr = /\$\{\{[^}]*\}?\}?/.exec(text)?.[0] ?? '${{ }}';
    return `'${expr.slice(0, 60)}' is not evaluated here: this is not GitHub's expression language; read parameters from $PARAM_<NAME> and outputs from $STEP_<ID>_<KEY> instead`;
}
/**
 * Where the YAML node at `path` starts in remediation.yml bytes that parsed before, and where the
 * text of a block scalar (`run: |`) begins: the line after its header, so that line N of a script
 * is line `firstLine + N - 1` of the file.
 */
function locateValue(bytes, path) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(Buffer.from(bytes).toString('utf8'), { lineCounter: lines, prettyErrors: false });
    const { node } = (0,yaml_issues/* findNode */.cy)(doc, path);
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    const block = (0,dist/* isScalar */.jn)(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
    return { line, column: col, firstLine: block && node.type === 'BLOCK_LITERAL' ? line + 1 : undefined };
}


/***/ }),

/***/ 64286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Hh: () => (/* binding */ runnerCredentialName),
/* harmony export */   SV: () => (/* binding */ reservedSecretName),
/* harmony export */   an: () => (/* binding */ STAGES),
/* harmony export */   o2: () => (/* binding */ paramEnvName)
/* harmony export */ });
/* unused harmony export MAX_DURATION_MS */
/** Types of a parsed, validated remediation definition (remediation.yml). */
const STAGES = ['check', 'steps', 'verify', 'rollback'];
/**
 * Longest duration accepted: Node's timers hold at most 2^31-1 ms (about 24.8 days) and fire at
 * once beyond that, which would turn a long timeout into an immediate one.
 */
const MAX_DURATION_MS = 24 * 24 * 3_600_000;
/** Parses a duration like `500ms`, `30s`, `5m`, `2h` into milliseconds (at most 24 days). */
function parseDuration(text) {
    const match = /^([1-9][0-9]{0,6})(ms|s|m|h)$/.exec(text);
    if (!match)
        throw new Error(`expected a duration like 30s or 5m, got '${text}'`);
    const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2]];
    const ms = Number(match[1]) * unit;
    if (ms > MAX_DURATION_MS)
        throw new Error(`expected a duration of at most 576h (24 days), got '${text}'`);
    return ms;
}
/**
 * Names a declared secret may not have: the tool sets these itself (parameters, outputs of
 * earlier steps, the run's own variables) or holds the bundle of every secret under one of them.
 * A version declaring `REMEDIATION_SECRETS` would receive every other team's secrets, and one
 * declaring `PARAM_X` would silently replace a validated parameter.
 */
function reservedSecretName(name) {
    return /^(PARAM_|STEP_|REMEDIATION_|REMEDIATE_)/i.test(name) || runnerCredentialName(name);
}
/**
 * The runner's own variables (`ACTIONS_ID_TOKEN_REQUEST_TOKEN`, `ACTIONS_RUNTIME_TOKEN`, ...),
 * which no step may be handed as a secret. Attack: a version declaring the OIDC request token and
 * URL could mint the workflow's identity and attest a forged record as if the tool had; one
 * declaring the runtime token could upload artifacts under the record's name first.
 */
function runnerCredentialName(name) {
    return /^ACTIONS_/i.test(name);
}
/** The environment variable a parameter reaches steps as: PARAM_<NAME>, upper-cased, '-' -> '_'. */
function paramEnvName(input) {
    return `PARAM_${input.toUpperCase().replaceAll('-', '_')}`;
}


/***/ }),

/***/ 77670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ TARGET_RULE),
/* harmony export */   AF: () => (/* binding */ MAX_PAYLOAD_PROPERTIES),
/* harmony export */   Qn: () => (/* binding */ TARGET),
/* harmony export */   f6: () => (/* binding */ alertKeyOfEvent),
/* harmony export */   gX: () => (/* binding */ parseDispatchPayload),
/* harmony export */   qY: () => (/* binding */ MAX_PAYLOAD_BYTES)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _idempotency_key_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40884);
/* harmony import */ var _version_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89715);




/** GitHub's limits on repository_dispatch: 10 top-level client_payload properties, under 64 KB. */
const MAX_PAYLOAD_PROPERTIES = 10;
/** GitHub's size limit of a client_payload; also the limit of a params JSON object (params-json.ts). */
const MAX_PAYLOAD_BYTES = 64 * 1024;
/**
 * A run's target (a host, a service, `db:primary`, `team/app`): one plain token, compared as is,
 * recorded and printed. The pattern keeps it one line with no shell or Markdown meaning, and no
 * leading `-` or `.` that could read as an option or a hidden file. The same pattern everywhere a
 * target enters: the payload, `--target`, the Action's `target` input, and the workflows' plans.
 */
const TARGET = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/;
/** The rule above, as error messages say it. */
const TARGET_RULE = 'letters, digits and . _ : @ / -, starting with a letter or digit, at most 200';
const ALLOWED = new Set(['remediation', 'params', 'target', 'alert']);
/**
 * Validates the `client_payload` of a repository_dispatch event before anything acts on it:
 * only the four known properties, an exact version, a plain target, objects where objects
 * belong. Anything else is refused (exit 2) with a message saying what to send.
 */
function parseDispatchPayload(event) {
    const refuse = (message) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('INVALID_PARAMS', `repository_dispatch payload: ${message}; expected client_payload {remediation: "name@vX.Y.Z", params?: {...}, target?: "host-1", alert?: {id?: "...", fingerprint?: "...", startsAt?: "...", ...}}`);
    };
    if (!isObject(event))
        return refuse('the event is not a JSON object');
    const payload = event.client_payload;
    if (!isObject(payload))
        return refuse('client_payload is missing or not an object');
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    if (bytes >= MAX_PAYLOAD_BYTES)
        refuse(`client_payload is ${bytes} bytes; GitHub accepts less than ${MAX_PAYLOAD_BYTES}`);
    const keys = Object.keys(payload);
    if (keys.length > MAX_PAYLOAD_PROPERTIES)
        refuse(`client_payload has ${keys.length} top-level properties; GitHub accepts at most ${MAX_PAYLOAD_PROPERTIES}`);
    const unknown = keys.filter((k) => !ALLOWED.has(k));
    if (unknown.length)
        refuse(`unknown propert${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((k) => `'${k.slice(0, 40)}'`).join(', ')}`);
    if (typeof payload.remediation !== 'string')
        return refuse('remediation must be a string like "reapply-config@v1.0.0"');
    const ref = (0,_version_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .parseVersionRef */ .PL)(payload.remediation);
    if (payload.params !== undefined && !isObject(payload.params))
        refuse('params must be an object of parameter values');
    if (payload.target !== undefined && (typeof payload.target !== 'string' || !TARGET.test(payload.target))) {
        refuse(`target must be ${TARGET_RULE}`);
    }
    if (payload.alert !== undefined && !isObject(payload.alert))
        refuse('alert must be an object');
    // Attack/mistake: a sender that posts resolutions as well (Alertmanager's send_resolved, a
    // Grafana or gateway rule sending to the fix's event type) would start the fix when the alert
    // ends. A resolved alert never starts a run; its evidence says so, so the runner refuses it.
    // Attack: compared exactly, `Resolved`, `RESOLVED` or `resolved ` from a sender other than the
    // gateway passed as firing; the status is compared trimmed and without case.
    const status = isObject(payload.alert) ? payload.alert['status'] : undefined;
    if (typeof status === 'string' && status.trim().toLowerCase() === 'resolved') {
        refuse(`alert.status is ${JSON.stringify(status.slice(0, 20))}: a resolved alert never starts a fix (send only firing alerts here)`);
    }
    const alertKey = isObject(payload.alert) ? (0,_idempotency_key_js__WEBPACK_IMPORTED_MODULE_2__/* .idempotencyKeyFromAlert */ .Z_)(payload.alert) : undefined;
    // A key field of the wrong type or shape is refused here, where the alert source learns of it at
    // its first dispatch, rather than silently giving no key and no duplicate check.
    if (alertKey?.kind === 'invalid')
        refuse(alertKey.problem);
    return {
        remediation: `${ref.name}@${ref.version}`,
        params: payload.params ?? {},
        target: payload.target ?? '',
        alertDigest: payload.alert === undefined
            ? ''
            : `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(payload.alert)).digest('hex')}`,
        idempotencyKey: alertKey?.kind === 'key' ? alertKey.key : '',
    };
}
/**
 * The idempotency key a GitHub event's payload carries: that of `client_payload.alert` when the
 * event has one (a repository_dispatch), else none. The run derives its key with this, from the
 * same payload `dispatch parse` validated, so both agree on it.
 */
function alertKeyOfEvent(event) {
    const payload = isObject(event) ? event['client_payload'] : undefined;
    const alert = isObject(payload) ? payload['alert'] : undefined;
    if (alert === undefined)
        return { kind: 'none', reason: 'the event payload has no client_payload.alert' };
    if (!isObject(alert))
        return { kind: 'invalid', problem: 'client_payload.alert must be an object' };
    return (0,_idempotency_key_js__WEBPACK_IMPORTED_MODULE_2__/* .idempotencyKeyFromAlert */ .Z_)(alert);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 99394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YX: () => (/* binding */ serialiseEnvelope),
/* harmony export */   Yj: () => (/* binding */ signEnvelope),
/* harmony export */   j5: () => (/* binding */ decodeBase64OrRefuse),
/* harmony export */   lk: () => (/* binding */ countValidSignatures),
/* harmony export */   mE: () => (/* binding */ parseEnvelope),
/* harmony export */   qD: () => (/* binding */ MANIFEST_PAYLOAD_TYPE)
/* harmony export */ });
/* unused harmony exports pae, decodeBase64Strict */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/** The payload type of a remediation manifest inside its DSSE envelope. */
const MANIFEST_PAYLOAD_TYPE = 'application/vnd.remediate.manifest.v1+json';
/**
 * DSSE's Pre-Authentication Encoding: `DSSEv1 SP LEN(type) SP type SP LEN(body) SP body`,
 * lengths as ASCII decimal byte counts. Signing PAE instead of the raw payload binds the type,
 * so a signature over some other document cannot be replayed as a manifest.
 */
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.byteLength} `, 'ascii'),
        type,
        Buffer.from(` ${payload.byteLength} `, 'ascii'),
        payload,
    ]);
}
/** Serialises an envelope the way it is stored: pretty JSON with a trailing newline. */
function serialiseEnvelope(envelope) {
    return Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
}
/**
 * Strict, canonical base64 decoding: Node's decoder skips junk and ignores non-zero padding bits,
 * so two different texts could decode to the same bytes and an envelope could be altered without
 * any signature or digest noticing. Only the one canonical encoding of the bytes is accepted.
 */
function decodeBase64Strict(text, what) {
    const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : undefined;
    if (!bytes || bytes.toString('base64') !== text)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('USAGE', `${what} is not valid base64`);
    return bytes;
}
/**
 * Signs a payload with each distinct key: the one signing routine of the manifest and the run
 * receipt (Ed25519 over PAE, so any DSSE verifier, or `openssl pkeyutl -verify -rawin` over the
 * PAE bytes, can check it).
 */
function signEnvelope(payloadType, payload, keys) {
    const message = pae(payloadType, payload);
    const seen = new Set();
    const signatures = keys
        .filter((k) => !seen.has(k.keyid) && seen.add(k.keyid))
        .map((k) => ({ keyid: k.keyid, sig: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)(null, message, k.key).toString('base64') }));
    return { payloadType, payload: Buffer.from(payload).toString('base64'), signatures };
}
/** Parses envelope JSON (strict UTF-8); `what` names the document in errors ("manifest", "receipt"). */
function parseEnvelope(bytes, what = 'manifest') {
    let value;
    try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TrustError */ .Ru('MALFORMED', `${what} is not a JSON DSSE envelope`, { cause: error });
    }
    const v = value;
    if (typeof v !== 'object' ||
        v === null ||
        typeof v.payloadType !== 'string' ||
        typeof v.payload !== 'string' ||
        !Array.isArray(v.signatures) ||
        !v.signatures.every((s) => typeof s === 'object' && s !== null && typeof s.keyid === 'string' && typeof s.sig === 'string')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TrustError */ .Ru('MALFORMED', `${what}: expected {payloadType, payload, signatures: [{keyid, sig}]}`);
    }
    return v;
}
/** Strict base64 (decodeBase64Strict) whose failure is a MALFORMED trust error. */
function decodeBase64OrRefuse(text, what) {
    try {
        return decodeBase64Strict(text, what);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TrustError */ .Ru('MALFORMED', `${what} is not valid base64`, { cause: error });
    }
}
/**
 * Checks an envelope's signatures over PAE(payloadType, payload) against trusted keys.
 * Forgery and edits: only a signature that verifies under a key the caller trusts counts, and
 * each trusted key counts once however many signatures claim it (no threshold by duplication).
 * A keyid is only a lookup hint: a signature under a trusted keyid by another key fails.
 */
function countValidSignatures(envelope, payload, trusted, what) {
    const signed = pae(envelope.payloadType, payload);
    const valid = new Set();
    let invalidFromTrusted = 0;
    let untrusted = 0;
    for (const signature of envelope.signatures) {
        const key = trusted.get(signature.keyid);
        if (!key) {
            untrusted++;
            continue;
        }
        const sig = decodeBase64OrRefuse(signature.sig, `${what} signature by ${signature.keyid}`);
        if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(null, signed, key.key, sig))
            valid.add(key.keyid);
        else
            invalidFromTrusted++;
    }
    return { valid, invalidFromTrusted, untrusted };
}


/***/ }),

/***/ 40884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z_: () => (/* binding */ idempotencyKeyFromAlert),
/* harmony export */   g6: () => (/* binding */ IDEMPOTENCY_KEY),
/* harmony export */   wb: () => (/* binding */ parseIdempotencyKey)
/* harmony export */ });
/* unused harmony export MAX_IDEMPOTENCY_KEY_LENGTH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// The idempotency key of an alert: what makes two deliveries of one alert the same request.
// Alerting systems re-send (Alertmanager retries on 5xx and re-notifies every repeat_interval; an
// HA pair of Alertmanagers both send), so a run remembers the key it was started for and a later
// run with the same key is refused as a duplicate (record/duplicate-alert.ts). Pure: an alert
// object in, a key or a problem out.

/** Longest idempotency key: an id, or a fingerprint, '@' and a start time, all in one. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 256;
/**
 * An idempotency key: 1-256 visible ASCII characters (`!` to `~`), so it is one line with no
 * space, control character or invisible Unicode in it. It is recorded verbatim in snapshot.json
 * and the receipt, printed in refusals, and compared byte for byte.
 */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,256}$/;
/**
 * Derives the idempotency key of a dispatch payload's `alert` object: `alert.id` when present,
 * else `alert.fingerprint` + '@' + `alert.startsAt` when both are present, else none. Values are
 * trimmed. A key field of another type than a string, empty, longer than 256 with the rest of the
 * key, or holding anything but visible ASCII is `invalid` (the payload is refused): a bridge that
 * sends `id: 123` or a multi-line id has a bug, and ignoring the field would turn the duplicate
 * check off without anyone noticing. A lone `fingerprint` or `startsAt` gives no key: either one
 * alone is ordinary evidence (a fingerprint names an alert series, every firing of it alike; a
 * start time names nothing), and alert objects sent before the key existed carry them.
 */
function idempotencyKeyFromAlert(alert) {
    if (Object.hasOwn(alert, 'id')) {
        const id = keyPart(alert['id'], 'alert.id');
        if (typeof id !== 'string')
            return id;
        return checked(id, 'alert.id', 'id');
    }
    const hasFingerprint = Object.hasOwn(alert, 'fingerprint');
    const hasStartsAt = Object.hasOwn(alert, 'startsAt');
    if (!hasFingerprint && !hasStartsAt) {
        return { kind: 'none', reason: 'the alert has no id, fingerprint or startsAt' };
    }
    const fingerprint = hasFingerprint ? keyPart(alert['fingerprint'], 'alert.fingerprint') : undefined;
    if (fingerprint !== undefined && typeof fingerprint !== 'string')
        return fingerprint;
    const startsAt = hasStartsAt ? keyPart(alert['startsAt'], 'alert.startsAt') : undefined;
    if (startsAt !== undefined && typeof startsAt !== 'string')
        return startsAt;
    if (fingerprint === undefined || startsAt === undefined) {
        return {
            kind: 'none',
            reason: `the alert has ${hasFingerprint ? 'a fingerprint but no startsAt' : 'a startsAt but no fingerprint'} (a key needs both, or an id)`,
        };
    }
    return checked(`${fingerprint}@${startsAt}`, 'alert.fingerprint and alert.startsAt', 'fingerprint');
}
/**
 * Checks an idempotency key given as text (`label`: `--idempotency-key`, `input 'idempotency-key'`):
 * trimmed, then 1-256 visible ASCII characters. Throws UsageError (exit 2) otherwise.
 */
function parseIdempotencyKey(text, label) {
    const key = text.trim();
    // Attack: a key with a newline, a terminal escape or a workflow command (`\n::set-output`) is
    // printed in refusals and logs; one line of visible ASCII can only ever be read as data.
    if (!IDEMPOTENCY_KEY.test(key)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `${label}: ${describeBadKey(key)}`);
    }
    return key;
}
/** A key field as a trimmed string, or the problem with it. */
function keyPart(value, field) {
    // Type confusion: a number, object or null where a string belongs is refused, not coerced:
    // `1e21`, `{}` and `null` have no one text form every sender would agree on.
    if (typeof value !== 'string') {
        return { kind: 'invalid', problem: `${field} must be a string, got ${typeOf(value)}` };
    }
    return value.trim();
}
function checked(key, fields, from) {
    if (IDEMPOTENCY_KEY.test(key))
        return { kind: 'key', key, from };
    return { kind: 'invalid', problem: `${fields}: ${describeBadKey(key)}` };
}
function describeBadKey(key) {
    if (key === '')
        return 'expected an idempotency key, got an empty value';
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        return `expected an idempotency key of at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${key.length}`;
    }
    return 'expected an idempotency key of visible ASCII characters (no spaces, control characters or other Unicode)';
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}


/***/ }),

/***/ 91483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QW: () => (/* binding */ parsePrivateKey),
/* harmony export */   TZ: () => (/* binding */ generateKeyPair),
/* harmony export */   ee: () => (/* binding */ parsePublicKey)
/* harmony export */ });
/* unused harmony export keyIdOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _tree_digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40460);



/** keyid = hex sha256 of the SPKI DER encoding of the public key. */
function keyIdOf(publicKey) {
    return (0,_tree_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Hex */ .fg)(publicKey.export({ type: 'spki', format: 'der' }));
}
/** Parses an SPKI PEM Ed25519 public key; other algorithms are refused (no algorithm confusion). */
function parsePublicKey(pem, source) {
    // Node derives a public key from a private PEM without complaint; accepting one would mean the
    // signing key sits wherever trusted keys are kept (workflow inputs, the repository).
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem.toString())) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('INVALID_KEY', `${source}: this is a private key; trust the public key instead (the .pub file \`remediate keygen\` writes next to it, or \`openssl pkey -in <key> -pubout\`), and keep the private key out of here`);
    }
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: pem, format: 'pem' });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('INVALID_KEY', `${source}: expected an Ed25519 public key in PEM (SPKI)`, { cause: error });
    }
    if (key.asymmetricKeyType !== 'ed25519') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('INVALID_KEY', `${source}: expected an ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    return { keyid: keyIdOf(key), key };
}
/** Parses a PKCS#8 PEM Ed25519 private key (as `openssl genpkey -algorithm ed25519` writes). */
function parsePrivateKey(pem, source) {
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('INVALID_KEY', `${source}: expected an Ed25519 private key in PEM (PKCS#8)`, {
            cause: error,
        });
    }
    if (key.asymmetricKeyType !== 'ed25519') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('INVALID_KEY', `${source}: expected an ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    const publicKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key);
    return { keyid: keyIdOf(publicKey), key, publicKey };
}
/** Generates a new Ed25519 key pair as PEM strings. */
function generateKeyPair() {
    const { privateKey, publicKey } = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPairSync)('ed25519');
    return {
        privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        keyid: keyIdOf(publicKey),
    };
}


/***/ }),

/***/ 4933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GH: () => (/* binding */ readPayloadUnverified),
/* harmony export */   Rq: () => (/* binding */ authenticateManifest),
/* harmony export */   TX: () => (/* binding */ verifyManifest),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES)
/* harmony export */ });
/* unused harmony export checkManifestFreshness */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _dsse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99394);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84414);



/** Largest manifest envelope accepted (10,000 versions take about 3 MB). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/**
 * Verifies a DSSE manifest envelope. Pure: bytes and keys in, verified payload out, or a
 * TrustError whose code names the failed check. It never fetches anything.
 */
function verifyManifest(envelopeBytes, trustedKeys, policy) {
    const verified = authenticateManifest(envelopeBytes, trustedKeys, policy.threshold);
    checkManifestFreshness(verified.payload, policy);
    return verified;
}
/**
 * Checks only who signed a manifest (signatures, trusted keys, threshold) and its shape, not
 * whether it is still current: used to find which of several published manifests is the newest
 * authentic one, which `checkManifestFreshness` must then accept on its own.
 */
function authenticateManifest(envelopeBytes, trustedKeys, threshold) {
    const policy = { threshold };
    const trusted = new Map(trustedKeys.map((k) => [k.keyid, k]));
    // A threshold of 0, or above the number of distinct trusted keys, would make the check vacuous
    // or impossible; both are configuration mistakes, refused before looking at the manifest.
    if (!Number.isSafeInteger(policy.threshold) || policy.threshold < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `threshold: expected an integer >= 1, got ${policy.threshold}`);
    }
    if (policy.threshold > trusted.size) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('USAGE', `threshold ${policy.threshold} needs at least that many distinct trusted keys, got ${trusted.size}`);
    }
    // Bounds the work an attacker-supplied file can cause before any signature is checked.
    if (envelopeBytes.byteLength > MAX_MANIFEST_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('MALFORMED', `manifest is ${envelopeBytes.byteLength} bytes; at most ${MAX_MANIFEST_BYTES}`);
    }
    const envelope = (0,_dsse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEnvelope */ .mE)(envelopeBytes);
    // Type confusion: a signature made for another kind of DSSE payload must not authorise a run.
    if (envelope.payloadType !== _dsse_js__WEBPACK_IMPORTED_MODULE_1__/* .MANIFEST_PAYLOAD_TYPE */ .qD) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('MALFORMED', `manifest payloadType: expected ${_dsse_js__WEBPACK_IMPORTED_MODULE_1__/* .MANIFEST_PAYLOAD_TYPE */ .qD}, got ${JSON.stringify(envelope.payloadType)}`);
    }
    const payloadBytes = (0,_dsse_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeBase64OrRefuse */ .j5)(envelope.payload, 'manifest payload');
    const { valid, invalidFromTrusted, untrusted } = (0,_dsse_js__WEBPACK_IMPORTED_MODULE_1__/* .countValidSignatures */ .lk)(envelope, payloadBytes, trusted, 'manifest');
    if (valid.size < policy.threshold) {
        if (valid.size === 0 && invalidFromTrusted > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('SIGNATURE_INVALID', `manifest signature check: expected a valid signature from a trusted key, got ${invalidFromTrusted} that do not verify (the manifest was changed after signing, or signed with another key under a trusted keyid)`);
        }
        if (valid.size === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('UNTRUSTED_KEY', `manifest signer check: expected a signature from one of ${[...trusted.keys()].map(short).join(', ')}, got ${untrusted ? `only untrusted keys (${envelope.signatures.map((s) => short(s.keyid)).join(', ')})` : 'no signatures'}`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('THRESHOLD_NOT_MET', `manifest threshold check: expected valid signatures from ${policy.threshold} distinct trusted keys, got ${valid.size} (${[...valid].map(short).join(', ')})`);
    }
    const payload = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePayload */ .ex)(payloadBytes);
    return { payload, payloadBytes, digest: (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestDigest */ .It)(payloadBytes), signers: [...valid].sort() };
}
/** Refuses an authentic manifest that has expired or is older than the caller pins. */
function checkManifestFreshness(payload, policy) {
    // Freeze attack: an old manifest kept around would hide later yanks forever; it must expire.
    if (Date.parse(payload.expires) <= policy.now.getTime()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('EXPIRED', `manifest expiry check: expected a manifest valid at ${policy.now.toISOString()}, got serial ${payload.serial}, which expired at ${payload.expires}; renew it by signing serial ${payload.serial + 1} with a new expiry (release the next version, or \`remediate yank\`/\`release\` with --expires on a trusted machine) and publish it`);
    }
    // Rollback attack: replaying an older, validly signed manifest (say, one from before a yank).
    if (payload.serial < policy.minSerial) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('SERIAL_ROLLBACK', `manifest serial check: expected serial >= ${policy.minSerial}, got ${payload.serial}`);
    }
    // Rollback past what the repository published: an older, validly signed manifest (a file
    // replayed into the checkout or named as input, or the one found once the newest manifest
    // release was deleted or replaced) would undo every yank since. No caller has to pin this by
    // hand. Only the exact serial a caller names for recovery passes, and the record says so.
    const { published } = policy;
    if (published !== undefined && payload.serial < published.serial && payload.serial !== policy.acceptOlderSerial) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('SERIAL_ROLLBACK', `manifest serial check: expected serial >= ${published.serial}, the highest published (${published.source}), got ${payload.serial}; an older manifest may lack later yanks. If that newer manifest is lost and you have checked why, accept serial ${payload.serial} once with the Action's accept-older-serial input (recorded)`);
    }
}
function short(keyid) {
    return keyid.slice(0, 16);
}
/**
 * The payload of an envelope WITHOUT checking signatures: only for comparing two manifests'
 * structure (the append-only check) or reading a serial, never for deciding what may run.
 */
function readPayloadUnverified(envelopeBytes) {
    const envelope = (0,_dsse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEnvelope */ .mE)(envelopeBytes);
    const payloadBytes = (0,_dsse_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeBase64OrRefuse */ .j5)(envelope.payload, 'manifest payload');
    return { payload: (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePayload */ .ex)(payloadBytes), payloadBytes };
}


/***/ }),

/***/ 84414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ manifestDigest),
/* harmony export */   b3: () => (/* binding */ MANIFEST_TYPE),
/* harmony export */   ex: () => (/* binding */ parsePayload),
/* harmony export */   ks: () => (/* binding */ serialisePayload),
/* harmony export */   w4: () => (/* binding */ findEntry)
/* harmony export */ });
/* unused harmony export isIsoTime */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _tree_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40460);


/** The `_type` of a manifest payload; bumped only with a format change. */
const MANIFEST_TYPE = 'https://remediate.dev/manifest/v1';
/** Digest of a manifest: sha256 of its payload bytes (what the signatures cover). */
function manifestDigest(payloadBytes) {
    return (0,_tree_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Digest */ .sI)(payloadBytes);
}
/** Serialises a payload deterministically (keys in insertion order, sorted by the editor). */
function serialisePayload(payload) {
    return Buffer.from(JSON.stringify(payload), 'utf8');
}
const HEX40 = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const VERSION = /^v\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/**
 * A real UTC time in ISO 8601 form. The calendar is checked too: `2020-13-45` parses to NaN, and
 * a NaN expiry would never compare as past, so a manifest could never expire.
 */
function isIsoTime(value) {
    if (typeof value !== 'string' || !ISO.test(value))
        return false;
    const ms = Date.parse(value);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}
/**
 * Checks the payload's shape after its signatures verified. A signed but malformed payload is
 * still refused: a signer's tooling bug must not turn into a run of an unchecked version.
 */
function parsePayload(bytes) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('MALFORMED', 'manifest payload is not JSON', { cause: error });
    }
    const fail = (what) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('MALFORMED', `manifest payload: ${what}`);
    };
    if (!isRecord(value))
        return fail('expected an object');
    if (value._type !== MANIFEST_TYPE)
        fail(`expected _type ${MANIFEST_TYPE}, got ${JSON.stringify(value._type)}`);
    if (!Number.isSafeInteger(value.serial) || value.serial < 1)
        fail('serial: expected an integer >= 1');
    if (!isIsoTime(value.issued))
        fail('issued: expected an ISO 8601 UTC time');
    if (!isIsoTime(value.expires))
        fail('expires: expected an ISO 8601 UTC time');
    if (value.previous !== null && (typeof value.previous !== 'string' || !DIGEST.test(value.previous))) {
        fail('previous: expected null or a sha256: digest');
    }
    if (!isRecord(value.remediations))
        return fail('remediations: expected an object');
    for (const [name, versions] of Object.entries(value.remediations)) {
        if (!isRecord(versions))
            return fail(`remediations.${name}: expected an object`);
        for (const [version, entry] of Object.entries(versions)) {
            const at = `remediations.${name}.${version}`;
            if (!isRecord(entry))
                return fail(`${at}: expected an object`);
            if (entry.tag !== `${name}/${version}`)
                fail(`${at}.tag: expected ${name}/${version}`);
            if (typeof entry.commit !== 'string' || !HEX40.test(entry.commit))
                fail(`${at}.commit: expected a full commit id`);
            if (typeof entry.digest !== 'string' || !DIGEST.test(entry.digest))
                fail(`${at}.digest: expected sha256:<hex>`);
            if (!isIsoTime(entry.released))
                fail(`${at}.released: expected a time`);
            const yanked = entry.yanked;
            if (yanked !== false && !(isRecord(yanked) && typeof yanked.reason === 'string' && isIsoTime(yanked.at))) {
                fail(`${at}.yanked: expected false or {reason, at}`);
            }
            // The replacement is printed in refusals as what to run: it must be a plain version.
            if (isRecord(yanked) && yanked.replacement !== undefined) {
                if (typeof yanked.replacement !== 'string' || !VERSION.test(yanked.replacement))
                    fail(`${at}.yanked.replacement: expected a version like v1.2.0`);
            }
        }
    }
    return value;
}
/** Looks up one version's entry. */
function findEntry(payload, name, version) {
    const versions = Object.hasOwn(payload.remediations, name) ? payload.remediations[name] : undefined;
    return versions && Object.hasOwn(versions, version) ? versions[version] : undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 19980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zz: () => (/* binding */ paramToEnvValue),
/* harmony export */   oW: () => (/* binding */ checkInputValue),
/* harmony export */   r0: () => (/* binding */ coerceCliValue),
/* harmony export */   xg: () => (/* binding */ resolveParams)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_PARAM_BYTES, HARD_MAX_PARAM_BYTES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _definition_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64286);


/** Largest accepted parameter value, in UTF-8 bytes, when an input sets no max-length. */
const DEFAULT_MAX_PARAM_BYTES = 4096;
/** Hard ceiling on any one parameter value: keeps env blocks and records small. */
const HARD_MAX_PARAM_BYTES = 65536;
/**
 * Checks one value against its declared input; returns an error message, or undefined when valid.
 * Used both for caller parameters and for a definition's own defaults.
 */
function checkInputValue(spec, value) {
    switch (spec.type) {
        case 'boolean':
            if (typeof value !== 'boolean')
                return `expected a boolean, got ${describe(value)}`;
            break;
        case 'integer':
            if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
                return `expected an integer, got ${describe(value)}`;
            }
            break;
        case 'number':
            if (typeof value !== 'number' || !Number.isFinite(value)) {
                return `expected a number, got ${describe(value)}`;
            }
            break;
        case 'string':
            if (typeof value !== 'string')
                return `expected a string, got ${describe(value)}`;
            break;
    }
    if (typeof value === 'number') {
        if (spec.minimum !== undefined && value < spec.minimum)
            return `expected at least ${spec.minimum}, got ${value}`;
        if (spec.maximum !== undefined && value > spec.maximum)
            return `expected at most ${spec.maximum}, got ${value}`;
    }
    if (typeof value === 'string') {
        // A NUL byte cannot be carried in an environment variable; refusing it stops truncation tricks.
        if (value.includes('\0'))
            return 'expected no NUL bytes in the value';
        const bytes = Buffer.byteLength(value, 'utf8');
        const max = Math.min(spec['max-length'] ?? DEFAULT_MAX_PARAM_BYTES, HARD_MAX_PARAM_BYTES);
        if (bytes > max)
            return `expected at most ${max} bytes, got ${bytes}`;
        if (spec['min-length'] !== undefined && [...value].length < spec['min-length']) {
            return `expected at least ${spec['min-length']} characters, got ${[...value].length}`;
        }
        if (spec.pattern !== undefined && !new RegExp(spec.pattern, 'u').test(value)) {
            return `expected a value matching /${spec.pattern}/, got ${describe(value)}`;
        }
    }
    if (spec.enum !== undefined && !spec.enum.includes(value)) {
        return `expected one of ${spec.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`;
    }
    return undefined;
}
/**
 * Coerces a command-line `key=value` string to the input's type. JSON parameters keep their
 * JSON type and are not coerced, so `"5"` stays a string and fails an integer input.
 */
function coerceCliValue(spec, text) {
    if (!spec)
        return text;
    switch (spec.type) {
        case 'boolean':
            return text === 'true' ? true : text === 'false' ? false : text;
        case 'integer':
        case 'number':
            return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
        case 'string':
            return text;
    }
}
/**
 * Validates caller parameters against the declared inputs and fills in defaults.
 * Unknown names, wrong types, missing required values and oversized values are refused (exit 2),
 * so a hostile dispatch payload never reaches a step as anything but checked data.
 */
function resolveParams(inputs, given) {
    const problems = [];
    const resolved = {};
    for (const name of Object.keys(given)) {
        if (!Object.hasOwn(inputs, name)) {
            const known = Object.keys(inputs);
            problems.push(`unknown parameter '${printable(name)}'; declared inputs: ${known.length ? known.join(', ') : '(none)'}`);
        }
    }
    for (const [name, spec] of Object.entries(inputs)) {
        // An explicit null is refused rather than read as "not given": a hostile payload must not be
        // able to strip a safe default.
        if (Object.hasOwn(given, name) && given[name] === null) {
            problems.push(`parameter '${name}': expected a ${spec.type}, got null`);
            continue;
        }
        const value = Object.hasOwn(given, name) ? given[name] : spec.default;
        if (value === undefined) {
            if (spec.required)
                problems.push(`missing required parameter '${name}' (${(0,_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .paramEnvName */ .o2)(name)})`);
            continue;
        }
        const problem = checkInputValue(spec, value);
        if (problem)
            problems.push(`parameter '${name}': ${problem}`);
        else
            resolved[name] = value;
    }
    if (problems.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('INVALID_PARAMS', problems.join('; '));
    return resolved;
}
/** Renders a resolved value as the string its PARAM_ variable carries. */
function paramToEnvValue(value) {
    return typeof value === 'string' ? value : String(value);
}
function describe(value) {
    if (typeof value === 'string')
        return `'${printable(value)}'`;
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'an object';
    return String(value);
}
function printable(text) {
    const shown = JSON.stringify(text).slice(1, -1);
    return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}


/***/ }),

/***/ 39137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ planDigest),
/* harmony export */   c: () => (/* binding */ PLAN_DIGEST_PATTERN)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// The plan digest (issue 17): one sha256 over what an approved run will do, so that a reviewer
// approves "this version, these parameters, on this target, under this manifest" and the job that
// runs after the approval can prove it runs exactly that. Pure.
//
// Attack it serves: between the plan a reviewer read and the job that runs after the approval,
// something changes what would run (a new manifest re-points the version or yanks it and signs a
// replacement, a tag moves, the payload's parameters, target or target facts differ in a re-run,
// `force` or the breaker override is flipped). The apply job recomputes the digest from what it verified itself and refuses
// (PLAN_CHANGED) on any difference: an approval never carries over to another plan.

/** The shape of a plan digest as passed between jobs and people: `sha256:` and 64 lower-case hex. */
const PLAN_DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
/** Versioned domain tag: a digest of this format never equals one of another structure. */
const PLAN_DIGEST_DOMAIN = 'remediate-plan/v1';
/** The plan digest: sha256 of a JSON array in a fixed order, so no field can stand in for another. */
function planDigest(facts) {
    const canonical = JSON.stringify([
        PLAN_DIGEST_DOMAIN,
        facts.remediation,
        facts.commit,
        facts.digest,
        facts.paramsDigest,
        facts.manifestSerial,
        facts.target,
        Object.entries(facts.targetFacts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        facts.force,
        facts.checkOnly,
        // Only when set, so every plan digest of a run that does not override the breaker is what it
        // was before this field existed (records made then still verify).
        ...(facts.ignoreCircuitBreaker === true ? ['ignore-circuit-breaker'] : []),
    ]);
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex')}`;
}


/***/ }),

/***/ 16386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ readSchemaError),
/* harmony export */   TA: () => (/* binding */ expectedForm),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   ox: () => (/* binding */ pointerToPath)
/* harmony export */ });
// Reads ajv's errors into plain problems: where, which keyword failed, and the values its params
// carry. The wording stays with each caller: a definition speaks of keys at YAML positions
// (definition-parser.ts), a snapshot of fields (record/snapshot-schema.ts).
/** Reads one ajv error: its path, its keyword and the values that keyword's params carry. */
function readSchemaError(error) {
    const base = {
        path: pointerToPath(error.instancePath),
        data: error.data,
        message: error.message ?? 'is invalid',
    };
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties':
            return { ...base, keyword: 'additionalProperties', key: params.additionalProperty };
        case 'required':
            return { ...base, keyword: 'required', key: params.missingProperty };
        case 'propertyNames':
            return { ...base, keyword: 'propertyNames', name: params.propertyName };
        case 'pattern':
            return {
                ...base,
                keyword: 'pattern',
                pattern: params.pattern,
                description: error.parentSchema?.description,
                definition: /^#\/definitions\/([A-Za-z0-9]+)\/pattern$/.exec(error.schemaPath)?.[1],
            };
        case 'type': {
            const type = params.type;
            return { ...base, keyword: 'type', types: Array.isArray(type) ? type : [type] };
        }
        case 'enum':
            return { ...base, keyword: 'enum', values: params.allowedValues };
        case 'const':
            return { ...base, keyword: 'const', value: params.allowedValue };
        case 'false schema':
            return { ...base, keyword: 'false schema' };
        default:
            return { ...base, keyword: 'other' };
    }
}
/**
 * What a pattern expects, for `expected X`: the schema's description (`a duration like 500ms`)
 * reads better than its regex, which is the fallback.
 */
function expectedForm(pattern, description) {
    return description
        ? description.charAt(0).toLowerCase() + description.slice(1).replace(/\.$/, '')
        : `a value matching /${pattern}/`;
}
/** A JSON pointer (`/steps/1/timeout`) as a path (`['steps', 1, 'timeout']`). */
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
/** Formats a path like `steps[1].timeout`. */
function formatPath(path) {
    return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}


/***/ }),

/***/ 98326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yN: () => (/* binding */ DEFAULT_TARGETS_FILE),
  pf: () => (/* binding */ MAX_TARGETS_FILE_BYTES),
  rO: () => (/* binding */ TargetsConfigError),
  yr: () => (/* binding */ factConflicts),
  AB: () => (/* binding */ parseTargetFacts),
  Kq: () => (/* binding */ parseTargetsConfig),
  u1: () => (/* binding */ resolveTarget),
  kQ: () => (/* binding */ targetFactEnvName)
});

// UNUSED EXPORTS: FACT_NAME, MAX_FACTS, MAX_FACT_CHARS

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/equal.js
var equal = __webpack_require__(24951);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
;// CONCATENATED MODULE: ./src/generated/targets-validator.js
// Generated from remediations/targets.schema.json by scripts/build-validators.mjs; do not edit.
/* eslint-disable */


const runtime = (m) => (typeof m === "function" ? m : m.default);
"use strict";const validate = (/* unused pure expression or super */ null && (validate10));/* harmony default export */ const targets_validator = (validate10);const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://remediate.dev/schemas/targets-v1.json","title":"Targets file (remediations/targets.yml): where each target's runs go","description":"Routes each run to the runners of the target it is about. `remediate targets resolve` reads it in the workflows' plan jobs (input `targets-file`): an unknown target is refused before any runner is requested. Not part of any signed version: review changes to it as you review workflow changes.","type":"object","additionalProperties":false,"required":["targets"],"properties":{"targets":{"description":"Target name -> its route. Names are compared exactly; two names that differ only in case are refused (GitHub compares concurrency groups without case).","type":"object","minProperties":1,"maxProperties":4096,"propertyNames":{"description":"A target: letters, digits and . _ : @ / -, starting with a letter or digit, at most 200.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$"},"additionalProperties":{"$ref":"#/definitions/target"}}},"definitions":{"label":{"description":"A runner label: letters, digits and . _ -, starting with a letter or digit, at most 100.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},"target":{"type":"object","additionalProperties":false,"required":["runs-on"],"properties":{"runs-on":{"description":"The runner labels of the machines that run this target's remediations (a self-hosted runner on or near the host): one label, or a list every runner label of which must match, as a job's runs-on.","type":["string","array"],"if":{"type":"string"},"then":{"$ref":"#/definitions/label"},"else":{"minItems":1,"maxItems":16,"uniqueItems":true,"items":{"$ref":"#/definitions/label"}}},"facts":{"description":"Data the steps receive as TARGET_<NAME> environment variables (an SSH host, a zone, a service name): never script text, and not secret (this file is in the repository).","type":"object","maxProperties":32,"propertyNames":{"description":"A fact name: lower-case letters, digits and _, starting with a letter, at most 63.","type":"string","pattern":"^[a-z][a-z0-9_]{0,62}$"},"additionalProperties":{"description":"A fact value: a string of at most 4096 characters on one line (no control characters).","type":"string","maxLength":4096,"pattern":"^[^\\u0000-\\u001f\\u007f]*$"}}}}}};const pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$", "u");const schema12 = {"type":"object","additionalProperties":false,"required":["runs-on"],"properties":{"runs-on":{"description":"The runner labels of the machines that run this target's remediations (a self-hosted runner on or near the host): one label, or a list every runner label of which must match, as a job's runs-on.","type":["string","array"],"if":{"type":"string"},"then":{"$ref":"#/definitions/label"},"else":{"minItems":1,"maxItems":16,"uniqueItems":true,"items":{"$ref":"#/definitions/label"}}},"facts":{"description":"Data the steps receive as TARGET_<NAME> environment variables (an SSH host, a zone, a service name): never script text, and not secret (this file is in the repository).","type":"object","maxProperties":32,"propertyNames":{"description":"A fact name: lower-case letters, digits and _, starting with a letter, at most 63.","type":"string","pattern":"^[a-z][a-z0-9_]{0,62}$"},"additionalProperties":{"description":"A fact value: a string of at most 4096 characters on one line (no control characters).","type":"string","maxLength":4096,"pattern":"^[^\\u0000-\\u001f\\u007f]*$"}}}};const schema13 = {"description":"A runner label: letters, digits and . _ -, starting with a letter or digit, at most 100.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"};const pattern1 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");const pattern3 = new RegExp("^[a-z][a-z0-9_]{0,62}$", "u");const pattern4 = new RegExp("^[^\\u0000-\\u001f\\u007f]*$", "u");const func0 = runtime(equal);const func3 = runtime(ucs2length);function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data["runs-on"] === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runs-on"},message:"must have required property '"+"runs-on"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((key0 === "runs-on") || (key0 === "facts"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data["runs-on"] !== undefined){let data0 = data["runs-on"];if((typeof data0 !== "string") && (!(Array.isArray(data0)))){const err2 = {instancePath:instancePath+"/runs-on",schemaPath:"#/properties/runs-on/type",keyword:"type",params:{type: schema12.properties["runs-on"].type},message:"must be string,array",schema:schema12.properties["runs-on"].type,parentSchema:schema12.properties["runs-on"],data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}const _errs4 = errors;let valid1 = true;const _errs5 = errors;if(typeof data0 !== "string"){const err3 = {};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}var _valid0 = _errs5 === errors;errors = _errs4;if(vErrors !== null){if(_errs4){vErrors.length = _errs4;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs7 = errors;if(typeof data0 === "string"){if(!pattern1.test(data0)){const err4 = {instancePath:instancePath+"/runs-on",schemaPath:"#/definitions/label/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",parentSchema:schema13,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/runs-on",schemaPath:"#/definitions/label/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}var _valid0 = _errs7 === errors;valid1 = _valid0;ifClause0 = "then";}else {const _errs10 = errors;if(Array.isArray(data0)){if(data0.length > 16){const err6 = {instancePath:instancePath+"/runs-on",schemaPath:"#/properties/runs-on/else/maxItems",keyword:"maxItems",params:{limit: 16},message:"must NOT have more than 16 items",schema:16,parentSchema:schema12.properties["runs-on"].else,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(data0.length < 1){const err7 = {instancePath:instancePath+"/runs-on",schemaPath:"#/properties/runs-on/else/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties["runs-on"].else,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}const len0 = data0.length;for(let i0=0; i0<len0; i0++){let data1 = data0[i0];if(typeof data1 === "string"){if(!pattern1.test(data1)){const err8 = {instancePath:instancePath+"/runs-on/" + i0,schemaPath:"#/definitions/label/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",parentSchema:schema13,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/runs-on/" + i0,schemaPath:"#/definitions/label/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}let i1 = data0.length;let j0;if(i1 > 1){outer0:for(;i1--;){for(j0 = i1; j0--;){if(func0(data0[i1], data0[j0])){const err10 = {instancePath:instancePath+"/runs-on",schemaPath:"#/properties/runs-on/else/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema12.properties["runs-on"].else,data:data0};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;break outer0;}}}}}var _valid0 = _errs10 === errors;valid1 = _valid0;ifClause0 = "else";}if(!valid1){const err11 = {instancePath:instancePath+"/runs-on",schemaPath:"#/properties/runs-on/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema12.properties["runs-on"].if,parentSchema:schema12.properties["runs-on"],data:data0};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.facts !== undefined){let data2 = data.facts;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(Object.keys(data2).length > 32){const err12 = {instancePath:instancePath+"/facts",schemaPath:"#/properties/facts/maxProperties",keyword:"maxProperties",params:{limit: 32},message:"must NOT have more than 32 properties",schema:32,parentSchema:schema12.properties.facts,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}for(const key1 in data2){const _errs16 = errors;if(typeof key1 === "string"){if(!pattern3.test(key1)){const err13 = {instancePath:instancePath+"/facts",schemaPath:"#/properties/facts/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_]{0,62}$",parentSchema:schema12.properties.facts.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/facts",schemaPath:"#/properties/facts/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.facts.propertyNames.type,parentSchema:schema12.properties.facts.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}var valid7 = _errs16 === errors;if(!valid7){const err15 = {instancePath:instancePath+"/facts",schemaPath:"#/properties/facts/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema12.properties.facts.propertyNames,parentSchema:schema12.properties.facts,data:data2};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}for(const key2 in data2){let data3 = data2[key2];if(typeof data3 === "string"){if(func3(data3) > 4096){const err16 = {instancePath:instancePath+"/facts/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/facts/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema12.properties.facts.additionalProperties,data:data3};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(!pattern4.test(data3)){const err17 = {instancePath:instancePath+"/facts/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/facts/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000-\\u001f\\u007f]*$"},message:"must match pattern \""+"^[^\\u0000-\\u001f\\u007f]*$"+"\"",schema:"^[^\\u0000-\\u001f\\u007f]*$",parentSchema:schema12.properties.facts.additionalProperties,data:data3};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/facts/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/facts/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.facts.additionalProperties.type,parentSchema:schema12.properties.facts.additionalProperties,data:data3};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath:instancePath+"/facts",schemaPath:"#/properties/facts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.facts.type,parentSchema:schema12.properties.facts,data:data2};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}validate11.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://remediate.dev/schemas/targets-v1.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.targets === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "targets"},message:"must have required property '"+"targets"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(key0 === "targets")){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.targets !== undefined){let data0 = data.targets;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(Object.keys(data0).length > 4096){const err2 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/maxProperties",keyword:"maxProperties",params:{limit: 4096},message:"must NOT have more than 4096 properties",schema:4096,parentSchema:schema11.properties.targets,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(Object.keys(data0).length < 1){const err3 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema11.properties.targets,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key1 in data0){const _errs4 = errors;if(typeof key1 === "string"){if(!pattern0.test(key1)){const err4 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$",parentSchema:schema11.properties.targets.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.targets.propertyNames.type,parentSchema:schema11.properties.targets.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}var valid1 = _errs4 === errors;if(!valid1){const err6 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema11.properties.targets.propertyNames,parentSchema:schema11.properties.targets,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}for(const key2 in data0){if(!(validate11(data0[key2], {instancePath:instancePath+"/targets/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data0,parentDataProperty:key2,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}else {const err7 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.targets.type,parentSchema:schema11.properties.targets,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}else {const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}validate10.errors = vErrors;return errors === 0;}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/core/dispatch-payload.ts
var dispatch_payload = __webpack_require__(77670);
// EXTERNAL MODULE: ./src/core/schema-errors.ts
var schema_errors = __webpack_require__(16386);
// EXTERNAL MODULE: ./src/core/yaml-issues.ts
var yaml_issues = __webpack_require__(87161);
;// CONCATENATED MODULE: ./src/core/targets-config.ts
// The targets file (remediations/targets.yml, issue 17): which runners each target's runs go to,
// and the facts its steps receive as TARGET_<NAME> variables. Pure: the caller reads the bytes.
// Routing is operational data, not part of a signed version: it decides where a verified version
// runs, never what runs.
// Precompiled from remediations/targets.schema.json (scripts/build-validators.mjs).





/** Where `remediate targets resolve` looks for the targets file when --file is not given (from the current folder). */
const DEFAULT_TARGETS_FILE = 'remediations/targets.yml';
/** Largest targets file accepted: thousands of hosts fit; a data dump does not. */
const MAX_TARGETS_FILE_BYTES = 1024 * 1024;
/** A fact's name, as the schema says; its variable is TARGET_ and the name upper-cased. */
const FACT_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** Most facts one target (or the Action's `target-facts` input) carries. */
const MAX_FACTS = 32;
/** Longest fact value, in characters. */
const MAX_FACT_CHARS = 4096;
/** Control characters a fact value may not hold (one line, no NUL), as the schema says. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/u;
/** A targets file failed validation: `issues` holds every problem, each at file:line:col. */
class TargetsConfigError extends errors/* UsageError */.eb {
    issues;
    constructor(issues) {
        super('INVALID_CONFIG', issues.map(yaml_issues/* formatIssue */.Hd).join('\n'));
        this.issues = issues;
    }
}
/**
 * Parses and validates targets file bytes: UTF-8, bounded, unique keys, no alias bombs, the
 * schema (remediations/targets.schema.json), then target names unique without case. Throws
 * TargetsConfigError (INVALID_CONFIG, exit 2) listing every problem.
 */
function parseTargetsConfig(bytes, file) {
    const issueAt = (line, column, path, message) => ({
        file,
        line,
        column,
        path,
        message,
    });
    // Attack: a huge file (or one that grows while read) costing the plan job its memory.
    if (bytes.byteLength > MAX_TARGETS_FILE_BYTES) {
        throw new TargetsConfigError([
            issueAt(1, 1, '', `file is ${bytes.byteLength} bytes; at most ${MAX_TARGETS_FILE_BYTES} are accepted`),
        ]);
    }
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new TargetsConfigError([issueAt(1, 1, '', 'file is not valid UTF-8')]);
    }
    // uniqueKeys: a target listed twice would route to whichever entry the reader kept.
    // Attack: a value quoted in a message (a fact with a newline and `::error::...`) printing a
    // line of its own, which the runner would read as a workflow command. One line, escaped.
    const read = (0,yaml_issues/* readYamlConfig */.Qn)(text, file, oneLine);
    if (!read.ok)
        throw new TargetsConfigError(read.issues);
    const { data, issue } = read;
    // The schema refuses target names that are not plain labels (a leading '-', a newline, '../',
    // '${{', non-ASCII), runner labels of another form, and facts that are not one-line strings.
    if (!targets_validator(data)) {
        throw new TargetsConfigError((0,yaml_issues/* dedupeIssues */.kk)((targets_validator.errors ?? [])
            // Each reports a problem that the error of its inner schema words better (at the key, by its rule).
            .filter((e) => e.keyword !== 'propertyNames' && e.keyword !== 'if')
            .map((e) => {
            if (e.keyword === 'minProperties' && e.instancePath === '/targets') {
                return issue(['targets'], 'expected at least one target: an empty file would refuse every run');
            }
            if (e.keyword === 'minItems') {
                return issue((0,schema_errors/* pointerToPath */.ox)(e.instancePath), 'expected at least one runner label');
            }
            const name = e.propertyName;
            if (e.keyword === 'pattern' && name !== undefined) {
                const rule = e.parentSchema?.description ?? 'a valid name';
                return issue([...(0,schema_errors/* pointerToPath */.ox)(e.instancePath), name], `expected ${rule.charAt(0).toLowerCase()}${rule.slice(1).replace(/\.$/, '')}, got ${(0,yaml_issues/* showValue */.vp)(name)}`, true);
            }
            return (0,yaml_issues/* schemaIssue */.h)(e, issue);
        })));
    }
    const raw = data;
    const problems = [];
    const seen = new Map();
    for (const name of Object.keys(raw.targets)) {
        const folded = name.toLowerCase();
        const first = seen.get(folded);
        // Attack: `web-1` and `WEB-1` routed to different runners. GitHub compares concurrency groups
        // (and expression object keys) without case, so the two would share a group and a lookup,
        // and which route an alert took would depend on how its sender spelled the host.
        if (first !== undefined) {
            problems.push(issue(['targets', name], `'${name}' differs from '${first}' only in case; list it once`, true));
        }
        else
            seen.set(folded, name);
    }
    if (problems.length)
        throw new TargetsConfigError(problems);
    const targets = new Map();
    for (const [name, target] of Object.entries(raw.targets)) {
        const runsOn = typeof target['runs-on'] === 'string' ? [target['runs-on']] : [...target['runs-on']];
        targets.set(name, { runsOn, facts: nullObject(Object.entries(target.facts ?? {})) });
    }
    return { targets };
}
/**
 * The route of `target`. Throws UsageError (USAGE, exit 2) for a name that is not a plain target,
 * and TrustError (UNKNOWN_TARGET, exit 3) for one the file does not list: there is no default
 * route, so a misspelt or invented target never runs on some other machine.
 */
function resolveTarget(config, target, file) {
    // Attack: a hostile target from an alert payload (`-oProxyCommand=...`, a newline with a
    // workflow command, `../`, `${{ }}`, megabytes, look-alike Unicode) reaching runner labels,
    // job names, logs or a shell. Refused by the one target rule every entry point applies.
    if (target === '') {
        throw new errors/* UsageError */.eb('USAGE', 'no target given: with a targets file, every run must name the target it is about');
    }
    if (!dispatch_payload/* TARGET */.Qn.test(target)) {
        throw new errors/* UsageError */.eb('USAGE', `target ${showTarget(target)}: expected ${dispatch_payload/* TARGET_RULE */.$_}`);
    }
    // A Map lookup: `constructor`, `toString` or `hasOwnProperty` match only if listed.
    const route = config.targets.get(target);
    if (route === undefined) {
        throw new errors/* TrustError */.Ru('UNKNOWN_TARGET', `target '${target}' is not listed in ${file}: no runner is requested for it (names are compared exactly; add it with its runs-on labels, or fix the target the alert names)`);
    }
    return route;
}
/** The variable a fact reaches steps as: TARGET_ and its name upper-cased (`ssh_host` -> TARGET_SSH_HOST). */
function targetFactEnvName(name) {
    return `TARGET_${name.toUpperCase()}`;
}
/**
 * Parses facts handed over as a JSON object (the Action's `target-facts` input, `run
 * --target-facts`): the same rules as the targets file, so a fact that could not be written there
 * cannot be smuggled in here. '' and `null` are no facts. Throws UsageError (INVALID_PARAMS) naming `label`.
 */
function parseTargetFacts(text, label) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === 'null')
        return nullObject([]);
    const refuse = (message) => {
        throw new errors/* UsageError */.eb('INVALID_PARAMS', `${label}: ${message}`);
    };
    // Attack: a huge input (many facts of the largest size is well under this).
    if (trimmed.length > MAX_FACTS * (MAX_FACT_CHARS + 128))
        refuse('too large to be target facts');
    let value;
    try {
        value = JSON.parse(trimmed);
    }
    catch {
        return refuse('expected a JSON object of fact names to string values, like {"ssh_host": "web-1.internal"}');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return refuse('expected a JSON object of fact names to string values');
    }
    const entries = Object.entries(value);
    if (entries.length > MAX_FACTS)
        refuse(`expected at most ${MAX_FACTS} facts, got ${entries.length}`);
    for (const [name, item] of entries) {
        // Attack: a name that is not a fact name becoming another variable (`x; PATH`, `__proto__`,
        // `=`), or colliding with another fact once upper-cased.
        if (!FACT_NAME.test(name)) {
            refuse(`fact name ${JSON.stringify(name.slice(0, 64))}: expected lower-case letters, digits and _, starting with a letter (at most 63)`);
        }
        // Attack: a value that is not one line of text: a NUL cannot enter a process environment (the
        // spawn error would quote it into the record), and a newline could forge log lines.
        if (typeof item !== 'string')
            refuse(`fact '${name}': expected a string value`);
        const fact = item;
        if (fact.length > MAX_FACT_CHARS)
            refuse(`fact '${name}': expected at most ${MAX_FACT_CHARS} characters`);
        if (CONTROL.test(fact))
            refuse(`fact '${name}': expected one line without control characters`);
        if (!fact.isWellFormed())
            refuse(`fact '${name}': expected valid Unicode text`);
    }
    return nullObject(entries);
}
/**
 * The facts' variable names that the signed definition already uses (its `env`, a step's `env`, a
 * declared secret), in order; empty when none. Each would silently replace, or be replaced by,
 * what the definition sets, so the caller refuses a run with any of them.
 */
function factConflicts(facts, taken) {
    const names = new Set(taken);
    return Object.keys(facts)
        .map(targetFactEnvName)
        .filter((env) => names.has(env));
}
/** Text as one line: control characters written as JSON escapes (`\n`, `\u0000`). */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    return text.replace(/[\u0000-\u001f\u007f]/gu, (c) => JSON.stringify(c).slice(1, -1));
}
/** A target as an error message shows it: JSON-quoted (control characters escaped) and cut short. */
function showTarget(target) {
    return JSON.stringify(target.length > 60 ? `${target.slice(0, 57)}...` : target);
}
/** Own data properties only, no prototype: a fact named `constructor` is only ever a fact. */
function nullObject(entries) {
    const object = Object.create(null);
    for (const [k, v] of entries)
        object[k] = v;
    return object;
}


/***/ }),

/***/ 40460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Py: () => (/* binding */ treeFile),
/* harmony export */   dF: () => (/* binding */ treeListing),
/* harmony export */   fZ: () => (/* binding */ treeDigest),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   sI: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** A TreeFile, with the hash of its content: the only way files enter the digest. */
function treeFile(path, mode, content) {
    return { path, mode, content, sha256: sha256Hex(content) };
}
/** Hex sha256 of bytes. */
function sha256Hex(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}
/** `sha256:<hex>` of bytes: the form every digest in this project takes. */
function sha256Digest(bytes) {
    return `sha256:${sha256Hex(bytes)}`;
}
/** The listing line of each file, sorted by path bytes: `<mode> <sha256 of content> <path>`. */
function treeListing(files) {
    return [...files]
        .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
        .map((file) => ({ path: file.path, mode: file.mode, sha256: file.sha256 }));
}
/**
 * The definition digest (docs/architecture.md, "Formats"; README "Versions and tags"): sha256 over the sorted listing
 * `<mode> <sha256 of content> <path>\n` of every file. Mode is included so a script that loses or
 * gains its executable bit is a different version.
 */
function treeDigest(files) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const line of treeListing(files))
        hash.update(`${line.mode} ${line.sha256} ${line.path}\n`);
    return `sha256:${hash.digest('hex')}`;
}


/***/ }),

/***/ 89715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Z: () => (/* binding */ assertReleasable),
/* harmony export */   AK: () => (/* binding */ makeVersionRef),
/* harmony export */   J3: () => (/* binding */ assertRemediationName),
/* harmony export */   PL: () => (/* binding */ parseVersionRef),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   bT: () => (/* binding */ assertVersion),
/* harmony export */   rq: () => (/* binding */ formatRef),
/* harmony export */   tI: () => (/* binding */ isRemediationName),
/* harmony export */   up: () => (/* binding */ UNRELEASED_VERSION)
/* harmony export */ });
/* unused harmony export tagFor */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

// Names become folder names, tag prefixes, env-safe artifact names: keep them boring.
// Refusing `.`/`..`/slashes stops path traversal out of remediations/ (`../x`).
const NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
// semver.org's grammar, with the mandatory `v` prefix.
const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const HOW_TO_PIN = 'pin an exact released version, e.g. restart-service@v1.2.0';
/** Whether `name` is one a remediation can have (as assertRemediationName checks). */
function isRemediationName(name) {
    return NAME.test(name);
}
/** Checks a remediation name; refuses traversal and anything unsafe as a path or tag part. */
function assertRemediationName(name) {
    if (!isRemediationName(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('INVALID_REFERENCE', `invalid remediation name '${truncate(name)}': expected lower-case letters, digits and '-' (at most 64)`);
    }
    return name;
}
/** Checks an exact semver version with a `v` prefix. */
function assertVersion(version) {
    if (!SEMVER.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('INVALID_REFERENCE', `invalid version '${truncate(version)}': expected an exact version like v1.2.0 (${HOW_TO_PIN}); ranges, 'latest', branches and commit SHAs are not accepted`);
    }
    return version;
}
/** Parses `name@vX.Y.Z`; anything floating (latest, ranges, branches, SHAs) is refused. */
/** The version every `remediate try` record carries: never a release (app/run.ts). */
const UNRELEASED_VERSION = 'v0.0.0-unreleased';
/**
 * Refuses the version `try` records carry (found by review). Attack: a released
 * `x@v0.0.0-unreleased` would share its version string, tag name and record-folder prefix with
 * working-tree runs, and whoever reads only a receipt's version could not tell them apart.
 */
function assertReleasable(ref) {
    if (ref.version === UNRELEASED_VERSION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('INVALID_REFERENCE', `${ref.version} is reserved for unreleased runs (remediate try); release ${ref.name} under another version`);
    }
    return ref;
}
function parseVersionRef(text) {
    const at = text.lastIndexOf('@');
    if (at <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('INVALID_REFERENCE', `invalid reference '${truncate(text)}': expected <name>@v<semver> (${HOW_TO_PIN})`);
    }
    const name = assertRemediationName(text.slice(0, at));
    const version = assertVersion(text.slice(at + 1));
    return assertReleasable({ name, version, tag: tagFor(name, version) });
}
/** Builds a reference from separate name and version arguments. */
function makeVersionRef(name, version) {
    assertRemediationName(name);
    assertVersion(version);
    return { name, version, tag: tagFor(name, version) };
}
/** The release tag of a version. */
function tagFor(name, version) {
    return `${name}/${version}`;
}
/** Formats a reference for messages: `name@version`. */
function formatRef(ref) {
    return `${ref.name}@${ref.version}`;
}
function truncate(text) {
    const printable = JSON.stringify(text).slice(1, -1);
    return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}
/**
 * Orders two versions by semver precedence (https://semver.org/#spec-item-11): numeric
 * major.minor.patch, a pre-release before its release, pre-release identifiers compared
 * numerically or as text; build metadata ignored. Negative when `a` comes first.
 */
function compareVersions(a, b) {
    const pa = SEMVER.exec(a);
    const pb = SEMVER.exec(b);
    if (!pa || !pb)
        return a < b ? -1 : a > b ? 1 : 0;
    for (let i = 1; i <= 3; i++) {
        const d = Number(pa[i]) - Number(pb[i]);
        if (d !== 0)
            return d;
    }
    const [preA, preB] = [pa[4], pb[4]];
    if (preA === undefined || preB === undefined)
        return preA === preB ? 0 : preA === undefined ? 1 : -1;
    const ia = preA.split('.');
    const ib = preB.split('.');
    for (let i = 0; i < Math.max(ia.length, ib.length); i++) {
        const [x, y] = [ia[i], ib[i]];
        if (x === undefined)
            return -1;
        if (y === undefined)
            return 1;
        const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
        if (nx && ny && Number(x) !== Number(y))
            return Number(x) - Number(y);
        if (nx !== ny)
            return nx ? -1 : 1;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}


/***/ }),

/***/ 87161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ formatIssue),
/* harmony export */   Qn: () => (/* binding */ readYamlConfig),
/* harmony export */   cy: () => (/* binding */ findNode),
/* harmony export */   h: () => (/* binding */ schemaIssue),
/* harmony export */   kk: () => (/* binding */ dedupeIssues),
/* harmony export */   vp: () => (/* binding */ showValue)
/* harmony export */ });
/* unused harmony export MAX_ALIAS_COUNT */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _schema_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16386);
// Located problems in a YAML document a user wrote (a remediation.yml, a gateway config): each at
// `file:line:col path: expected X, got Y`, the one form editors, annotations and people read.
// Shared by core/definition-parser.ts, core/gateway-config.ts and core/targets-config.ts, so both word schema problems
// alike; each keeps its own semantic checks.


/** Formats an issue as `file:line:col: path: message`, the shape editors and annotations expect. */
function formatIssue(issue) {
    return `${issue.file}:${issue.line}:${issue.column}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}
/** Words one ajv error as a located issue: unknown keys at the key, expected/got elsewhere. */
function schemaIssue(error, issue) {
    const problem = (0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .readSchemaError */ .C_)(error);
    const { path } = problem;
    const got = showValue(problem.data);
    switch (problem.keyword) {
        case 'additionalProperties':
            return issue([...path, problem.key], `unknown key '${problem.key}'`, true);
        case 'required':
            return issue(path, `missing required key '${problem.key}'`);
        case 'pattern':
            return issue(path, `expected ${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .expectedForm */ .TA)(problem.pattern, problem.description)}, got ${got}`);
        case 'propertyNames':
            return issue([...path, problem.name], `invalid key '${problem.name}'`, true);
        case 'type':
            // Only the first comma becomes "or" ('string or number,boolean'): the wording as it was
            // before this code was shared with the snapshot schema, kept unchanged.
            return issue(path, `expected ${problem.types.join(',').replace(',', ' or ')}, got ${got}`);
        case 'enum':
            return issue(path, `expected one of ${problem.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`);
        default:
            return issue(path, `${problem.message}, got ${got}`);
    }
}
/** The YAML node at `path` (and the key node naming it), or the deepest node on the way there. */
function findNode(doc, path) {
    let node = doc.contents;
    let keyNode;
    for (const part of path) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === String(part));
            if (!pair)
                return { node: node };
            keyNode = pair.key;
            node = pair.value ?? pair.key;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof part === 'number') {
            const next = node.items[part];
            if (!next)
                return { node: node };
            keyNode = undefined;
            node = next;
        }
        else {
            break;
        }
    }
    return { node: node, ...(keyNode ? { keyNode } : {}) };
}
/** A value as a message shows it after "got": quoted and cut short, or its kind. */
function showValue(value) {
    if (typeof value === 'string')
        return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return String(value);
}
/** Drops issues reported twice (ajv reports one problem under several keywords at times). */
function dedupeIssues(issues) {
    const seen = new Set();
    return issues.filter((i) => {
        const key = formatIssue(i);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Alias expansions allowed in a config: stops "billion laughs" documents that expand to gigabytes. */
const MAX_ALIAS_COUNT = 50;
/**
 * Reads a config a user wrote (gateway.yml, targets.yml) for schema validation. Attacks it stops:
 * a key written twice (which entry counts would be the reader's guess, so both are refused) and
 * aliases expanding a small file to gigabytes (at most MAX_ALIAS_COUNT expansions). `escape`, when
 * given, is applied to every path and message of the issue maker (for output that reaches a job log).
 */
function readYamlConfig(text, file, escape = (t) => t) {
    const at = (line, column, path, message) => ({
        file,
        line,
        column,
        path,
        message,
    });
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) {
        return {
            ok: false,
            issues: doc.errors.map((e) => {
                const { line, col } = lines.linePos(e.pos[0]);
                return at(line, col, '', e.message.split('\n')[0] ?? e.message);
            }),
        };
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        return {
            ok: false,
            issues: [at(1, 1, '', `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`)],
        };
    }
    const issue = (path, message, key = false) => {
        const { node, keyNode } = findNode(doc, path);
        const target = key && keyNode ? keyNode : node;
        const { line, col } = lines.linePos(target?.range?.[0] ?? 0);
        return at(line, col, escape((0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)(path)), escape(message));
    };
    return { ok: true, data, issue };
}


/***/ }),

/***/ 637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Me: () => (/* binding */ MAX_BUNDLE_BYTES),
/* harmony export */   OD: () => (/* binding */ checkDefinitionBundle),
/* harmony export */   ZQ: () => (/* binding */ writeDefinitionBundle),
/* harmony export */   bq: () => (/* binding */ DEFINITION_FILE),
/* harmony export */   kL: () => (/* binding */ readDefinitionBundle)
/* harmony export */ });
/* unused harmony exports MAX_COPIED_FILE_BYTES, MAX_COPIED_TOTAL_BYTES, isSafeRelativePath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_tree_digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40460);
// The verified definition's files, copied into the record as one tar file (definition.tar), so
// the record shows the exact logic that ran to someone without the repository. One file, because
// release assets are flat (no folders) and a receipt subject names one file; tar, because anyone
// can read it (`tar -tvf`, `tar -xf`) and it keeps each file's mode, so the definition digest can
// be recomputed from it. The receipt covers it; snapshot.json says which files were too large.
//
// Format: POSIX ustar, written deterministically (owner 0, mtime 0, sorted by path, no folder
// entries), regular files only, modes 0644 or 0755 as in git.



/** Most bytes a bundle can take: the copies' limit and a header and padding per file. */
const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;
/** The bundle's file in a record folder. */
const DEFINITION_FILE = 'definition.tar';
/** Files larger than this are not copied (the definition itself may hold up to 128 MiB). */
const MAX_COPIED_FILE_BYTES = 4 * 1024 * 1024;
/** Copies stop before their total passes this, so a record stays small enough to publish. */
const MAX_COPIED_TOTAL_BYTES = 16 * 1024 * 1024;
const BLOCK = 512;
const NAME_BYTES = 100;
const PREFIX_BYTES = 155;
/**
 * Writes `recordDir/definition.tar` (never over an existing file) and returns what the snapshot
 * says about it, and the file's sha256 (the record's seal). Files are copied in path order while they fit the bounds above; the others, and
 * any whose path ustar cannot hold (over 255 bytes), are listed as omitted.
 */
function writeDefinitionBundle(recordDir, files) {
    const parts = [];
    const omitted = [];
    let total = 0;
    for (const file of [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))) {
        const size = file.content.byteLength;
        const header = size > MAX_COPIED_FILE_BYTES || total + size > MAX_COPIED_TOTAL_BYTES ? undefined : tarHeader(file);
        if (header === undefined) {
            omitted.push(file.path);
            continue;
        }
        parts.push(header, file.content, Buffer.alloc(padding(size)));
        total += size;
    }
    parts.push(Buffer.alloc(2 * BLOCK));
    const bytes = Buffer.concat(parts);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(recordDir, DEFINITION_FILE), bytes, { flag: 'wx', mode: 0o644 });
    return { definition: { file: DEFINITION_FILE, omitted }, sha256: (0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Hex */ .fg)(bytes) };
}
/** The ustar header of a file, or undefined when its path does not fit ustar's name fields. */
function tarHeader(file) {
    const split = splitPath(file.path);
    if (split === undefined)
        return undefined;
    const header = Buffer.alloc(BLOCK);
    header.write(split.name, 0, 'utf8');
    header.write(file.mode === '100755' ? '0000755\0' : '0000644\0', 100, 'ascii');
    header.write('0000000\0', 108, 'ascii');
    header.write('0000000\0', 116, 'ascii');
    header.write(`${file.content.byteLength.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
    header.write('00000000000\0', 136, 'ascii');
    header.write('0', 156, 'ascii');
    header.write('ustar\0', 257, 'ascii');
    header.write('00', 263, 'ascii');
    header.write(split.prefix, 345, 'utf8');
    header.write(`${checksum(header).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    return header;
}
/** ustar keeps a path as `prefix/name` (at most 155 and 100 bytes). */
function splitPath(path) {
    const bytes = Buffer.byteLength(path);
    if (bytes <= NAME_BYTES)
        return { prefix: '', name: path };
    for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
        const prefix = path.slice(0, at);
        const name = path.slice(at + 1);
        if (Buffer.byteLength(prefix) <= PREFIX_BYTES && Buffer.byteLength(name) <= NAME_BYTES && name !== '') {
            return { prefix, name };
        }
    }
    return undefined;
}
/** Sum of the header's bytes with the checksum field read as spaces. */
function checksum(header) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : header[i];
    return sum;
}
function padding(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
/**
 * Reads a bundle back. Pure, and strict: it accepts only what writeDefinitionBundle writes
 * (ustar regular files with a valid checksum, safe relative paths, each once, then the end
 * blocks), and throws an Error naming the first thing that is not. A bundle is input like any
 * other record file: a crafted one must not make a reader write outside a folder or show a file
 * twice.
 */
function readDefinitionBundle(bytes) {
    const files = [];
    const seen = new Set();
    let offset = 0;
    for (;;) {
        if (offset + BLOCK > bytes.byteLength)
            throw new Error('definition.tar ends without its end blocks');
        const header = bytes.subarray(offset, offset + BLOCK);
        if (header.every((b) => b === 0))
            break;
        if (header.toString('ascii', 257, 263) !== 'ustar\0')
            throw new Error(`definition.tar: no ustar header at byte ${offset}`);
        const stored = parseOctal(header.subarray(148, 156));
        if (stored !== checksum(header))
            throw new Error(`definition.tar: bad header checksum at byte ${offset}`);
        const name = cString(header.subarray(0, 100));
        const prefix = cString(header.subarray(345, 500));
        const path = prefix === '' ? name : `${prefix}/${name}`;
        // Attack: `../x` or `/etc/x` in a crafted bundle, extracted by a reader, would write outside.
        if (!isSafeRelativePath(path))
            throw new Error(`definition.tar: unsafe path ${JSON.stringify(path)}`);
        if (seen.has(path))
            throw new Error(`definition.tar: ${path} appears twice`);
        seen.add(path);
        if (header.toString('ascii', 156, 157) !== '0')
            throw new Error(`definition.tar: ${path} is not a regular file`);
        const mode = parseOctal(header.subarray(100, 108));
        if (mode !== 0o644 && mode !== 0o755)
            throw new Error(`definition.tar: ${path} has mode ${mode.toString(8)}`);
        const size = parseOctal(header.subarray(124, 136));
        const start = offset + BLOCK;
        if (start + size > bytes.byteLength)
            throw new Error(`definition.tar: ${path} is cut short`);
        const content = Buffer.from(bytes.subarray(start, start + size));
        files.push({ path, mode: mode === 0o755 ? '100755' : '100644', content, sha256: (0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Hex */ .fg)(content) });
        offset = start + size + padding(size);
    }
    if (!bytes.subarray(offset).every((b) => b === 0) || bytes.byteLength - offset < 2 * BLOCK) {
        throw new Error('definition.tar: bytes after its end');
    }
    return files;
}
function parseOctal(field) {
    const text = field.toString('ascii').replace(/[\0 ]+$/, '');
    if (!/^[0-7]{1,11}$/.test(text))
        throw new Error(`definition.tar: bad number field ${JSON.stringify(text)}`);
    return parseInt(text, 8);
}
function cString(field) {
    const end = field.indexOf(0);
    return field.subarray(0, end === -1 ? field.byteLength : end).toString('utf8');
}
/** `a/b.sh`: no empty, `.` or `..` segment, no leading `/`, no NUL or backslash. */
function isSafeRelativePath(path) {
    if (path.length === 0 || path.includes('\0') || path.includes('\\'))
        return false;
    return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
/**
 * Checks a bundle against the snapshot's listing of the verified files (whose digest the signed
 * manifest released): every copy must be a listed file with its sha256 and mode, and every listed
 * file not copied must be named in `omitted`. Returns the first problem, or undefined.
 * Attack: a definition.tar edited to show other logic than what ran. The listing is pinned by the
 * definition digest, so even without an anchor a copy that is not the released bytes shows here.
 */
function checkDefinitionBundle(bytes, snapshot) {
    if (snapshot.definition === undefined) {
        return bytes === undefined
            ? undefined
            : `${DEFINITION_FILE} is in the record, but snapshot.json lists no definition copy`;
    }
    if (bytes === undefined)
        return `snapshot.json lists a definition copy, but ${DEFINITION_FILE} is missing`;
    let files;
    try {
        files = readDefinitionBundle(bytes);
    }
    catch (error) {
        return error.message;
    }
    const listed = new Map((snapshot.remediation.files ?? []).map((file) => [file.path, file]));
    for (const file of files) {
        const entry = listed.get(file.path);
        if (entry === undefined)
            return `${DEFINITION_FILE} holds ${file.path}, which is not a file of the verified definition`;
        if (entry.sha256 !== file.sha256 || entry.mode !== file.mode) {
            return `${DEFINITION_FILE}: ${file.path} is not the verified file (sha256 ${file.sha256}, mode ${file.mode}; released ${entry.sha256}, ${entry.mode})`;
        }
    }
    const copied = new Set(files.map((file) => file.path));
    const expected = [...listed.keys()].filter((path) => !copied.has(path)).sort();
    const omitted = [...snapshot.definition.omitted].sort();
    if (JSON.stringify(expected) !== JSON.stringify(omitted)) {
        return `${DEFINITION_FILE} leaves out ${JSON.stringify(expected)}, but snapshot.json says ${JSON.stringify(omitted)}`;
    }
    return undefined;
}


/***/ }),

/***/ 77863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ chainLink),
/* harmony export */   Zl: () => (/* binding */ parseChainLine),
/* harmony export */   hw: () => (/* binding */ GENESIS),
/* harmony export */   rX: () => (/* binding */ formatChainLine)
/* harmony export */ });
/* harmony import */ var _core_tree_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40460);
// Tamper-evident run log: the log bytes plus a hash chain over consecutive blocks of them.
// This file is the format, shared by the writer (log-chain-writer.ts) and the verifier
// (log-chain-verifier.ts), so that verifying a record loads neither the writer nor its worker.
//
// Format (a stable contract: change it only with a version bump):
//   The record folder holds `run.log`, the human-readable log bytes (already redacted), and
//   `run.log.chain`, JSON Lines with one line per block of run.log, in order:
//     {"i":<index from 0>,"start":<byte offset>,"end":<byte offset, exclusive>,"sha256":"<hex>","chain":"<hex>"}
//   - `sha256` is the lower-case hex SHA-256 of run.log bytes [start, end).
//   - `chain` = lower-case hex SHA-256 of the UTF-8 string
//       prevChain + "\n" + i + "\n" + start + "\n" + end + "\n" + sha256
//     (numbers in decimal), where prevChain is the previous line's `chain`, and GENESIS (64 zeros)
//     for i = 0.
//   - Blocks are contiguous and non-empty: block 0 starts at 0, block i+1 starts where block i ends.
//   - Every line ends with "\n". The `chain` of the last line is the head; an empty log has no
//     lines and head GENESIS.
//   - The writer appends a block's log bytes first and its chain line second, so a writer killed at
//     any moment leaves a valid prefix: complete lines covering a prefix of run.log, then possibly
//     unchained log bytes and a partial last line.
//
// The chain is not keyed: whoever can rewrite both files can recompute it. It detects edits when
// the head (and byte count) are compared against a value kept elsewhere, i.e. snapshot.json, whose
// digest is published in the job summary.

/** The `prevChain` of block 0, and the head of an empty log. */
const GENESIS = '0'.repeat(64);
/** Computes a block's `chain` value from the previous one. */
function chainLink(prevChain, i, start, end, sha256) {
    return (0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg)(`${prevChain}\n${i}\n${start}\n${end}\n${sha256}`);
}
/** Formats a block as its line of run.log.chain, newline included. */
function formatChainLine(block) {
    const { i, start, end, sha256, chain } = block;
    return `${JSON.stringify({ i, start, end, sha256, chain })}\n`;
}
const HEX64 = /^[0-9a-f]{64}$/;
/** The keys of a chain line, sorted. */
const BLOCK_KEYS = 'chain,end,i,sha256,start';
/** Parses one chain line (without its newline); undefined when it is not exactly a block record. */
function parseChainLine(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return undefined;
    const record = value;
    if (Object.keys(record).sort().join(',') !== BLOCK_KEYS)
        return undefined;
    const { i, start, end, sha256, chain } = record;
    const isOffset = (n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if (!isOffset(i) || !isOffset(start) || !isOffset(end))
        return undefined;
    if (typeof sha256 !== 'string' || !HEX64.test(sha256) || typeof chain !== 'string' || !HEX64.test(chain)) {
        return undefined;
    }
    return { i, start, end, sha256, chain };
}


/***/ }),

/***/ 81142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ verifyLogChain),
/* harmony export */   p: () => (/* binding */ describeRange)
/* harmony export */ });
/* harmony import */ var _core_tree_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40460);
/* harmony import */ var _log_chain_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77863);
/* harmony import */ var _record_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18374);
// Verifies run.log against run.log.chain (the format is in log-chain-format.ts). Pure: it gets the
// bytes, does no I/O, and loads neither the writer nor its hashing worker.



/** Describes a byte range the way people read it: inclusive at both ends. */
function describeRange(range) {
    return range.end - range.start <= 1 ? `byte ${range.start}` : `bytes ${range.start}-${range.end - 1}`;
}
/**
 * Verifies run.log against run.log.chain. Pure. Reports the first problem in log order.
 * Without `expected`, an interrupted writer's valid prefix (unchained trailing bytes, a partial
 * last line) is accepted as incomplete; with it, the chain must cover the whole log and match.
 */
function verifyLogChain(log, chainText, expected) {
    const lines = chainText.split('\n');
    // The text after the last "\n": empty for a well-formed file, else a line the writer never finished.
    const partial = lines.pop() ?? '';
    const partialLine = partial.length > 0;
    const claimedEnd = Math.max(lastClaimedEnd(lines), expected?.bytes ?? 0);
    let head = _log_chain_format_js__WEBPACK_IMPORTED_MODULE_1__/* .GENESIS */ .hw;
    let offset = 0;
    for (let k = 0; k < lines.length; k++) {
        const where = `${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .CHAIN_FILE */ .Hv} line ${k + 1}`;
        const block = (0,_log_chain_format_js__WEBPACK_IMPORTED_MODULE_1__/* .parseChainLine */ .Zl)(lines[k]);
        // A forged or mangled line cannot be trusted for anything after it.
        if (block === undefined)
            return fail(`${where} is not a valid block record`);
        // A gap means log bytes were left out of the chain (a line removed, or blocks reordered).
        if (block.start > offset) {
            return fail(`${describeRange({ start: offset, end: block.start })} of ${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .LOG_FILE */ .UP} are not covered by ${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .CHAIN_FILE */ .Hv} (${where} starts at ${block.start}, expected ${offset}): a chain line was removed or reordered`, { start: offset, end: block.start });
        }
        // An overlap would let the same bytes be counted twice, hiding a replaced block.
        if (block.start < offset) {
            return fail(`${where} starts at byte ${block.start}, expected ${offset}: chain lines were duplicated or reordered`, { start: block.start, end: Math.max(offset, block.start + 1) });
        }
        // Indexes bind each line to its position, so lines cannot be dropped and renumbered silently.
        if (block.i !== k) {
            return fail(`${where} has block index ${block.i}, expected ${k}: chain lines were removed or reordered`, {
                start: block.start,
                end: Math.max(block.end, block.start + 1),
            });
        }
        if (block.end <= block.start)
            return fail(`${where} describes an empty block (${block.start}-${block.end})`);
        // A log shorter than the chain says was truncated; everything from its end is missing.
        if (block.end > log.length) {
            const missing = { start: log.length, end: Math.max(claimedEnd, block.end) };
            return fail(`${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .LOG_FILE */ .UP} is truncated: ${describeRange(missing)} are missing`, missing);
        }
        const range = { start: block.start, end: block.end };
        // The block hash pins every byte of the block: any edit, insertion or deletion changes it.
        if ((0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg)(log.subarray(block.start, block.end)) !== block.sha256) {
            return fail(`${describeRange(range)} of ${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .LOG_FILE */ .UP} were altered (block ${k} does not match its hash)`, range);
        }
        // The link pins the line to all earlier lines, so an edited chain line shows here.
        const link = (0,_log_chain_format_js__WEBPACK_IMPORTED_MODULE_1__/* .chainLink */ .C9)(head, block.i, block.start, block.end, block.sha256);
        if (link !== block.chain) {
            return fail(`${where} breaks the chain (expected chain ${link}, got ${block.chain}): ${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .CHAIN_FILE */ .Hv} was edited`, range);
        }
        head = link;
        offset = block.end;
    }
    const unchainedBytes = log.length - offset;
    if (expected !== undefined) {
        // With a recorded summary, anything not covered is an addition or a truncation, not a crash.
        if (partialLine)
            return fail(`${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .CHAIN_FILE */ .Hv} ends with a partial line after line ${lines.length}`);
        if (expected.bytes !== undefined && expected.bytes !== offset) {
            const range = { start: Math.min(offset, expected.bytes), end: Math.max(offset, expected.bytes) };
            return fail(`${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .CHAIN_FILE */ .Hv} covers ${offset} bytes, expected ${expected.bytes}`, range);
        }
        if (unchainedBytes > 0) {
            return fail(`${describeRange({ start: offset, end: log.length })} of ${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .LOG_FILE */ .UP} are not covered by ${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .CHAIN_FILE */ .Hv}`, { start: offset, end: log.length });
        }
        // Matching head proves the whole chain is the one recorded, not a consistent rewrite.
        if (expected.head !== undefined && expected.head !== head) {
            return fail(`${_record_files_js__WEBPACK_IMPORTED_MODULE_2__/* .CHAIN_FILE */ .Hv} head is ${head}, expected ${expected.head}: the log and chain were rewritten`);
        }
    }
    return {
        ok: true,
        complete: unchainedBytes === 0 && !partialLine,
        blocks: lines.length,
        bytes: offset,
        head,
        unchainedBytes,
        partialLine,
    };
}
function fail(problem, range) {
    return range === undefined ? { ok: false, problem } : { ok: false, problem, range };
}
/** The end offset the chain claims overall, for reporting how much of a truncated log is missing. */
function lastClaimedEnd(lines) {
    const last = lines.at(-1);
    return last === undefined ? 0 : ((0,_log_chain_format_js__WEBPACK_IMPORTED_MODULE_1__/* .parseChainLine */ .Zl)(last)?.end ?? 0);
}


/***/ }),

/***/ 82170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseSnapshot)
/* harmony export */ });
/* unused harmony export readSnapshot */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _record_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18374);
/* harmony import */ var _snapshot_schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27295);





/**
 * Parses snapshot.json bytes read back from disk (to publish, close, or summarize a record) and
 * checks them against the published schema: a record folder is input like any other, and a
 * malformed or edited snapshot must be refused with what is wrong, not trusted by a cast.
 */
function parseSnapshot(bytes, where) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TrustError */ .Ru('MALFORMED', `${where}: snapshot.json is not JSON`);
    }
    const validation = (0,_snapshot_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .validateSnapshot */ .D)(value);
    if (!validation.ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TrustError */ .Ru('MALFORMED', `${where}: snapshot.json does not match the run snapshot schema: ${validation.problems.slice(0, 5).join('; ')}`);
    }
    return value;
}
/** Reads and validates a record folder's snapshot.json; also returns its bytes (for its digest). */
async function readSnapshot(recordDir) {
    const bytes = await readFile(join(recordDir, SNAPSHOT_FILE));
    return { snapshot: parseSnapshot(bytes, recordDir), bytes };
}


/***/ }),

/***/ 24109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ ATTESTATION_BUNDLE_FILE),
/* harmony export */   It: () => (/* binding */ checkStatement),
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   Tp: () => (/* binding */ statementBytes),
/* harmony export */   _2: () => (/* binding */ receiptStatement),
/* harmony export */   aH: () => (/* binding */ RECEIPT_FILE),
/* harmony export */   mq: () => (/* binding */ MAX_ATTESTATION_BYTES)
/* harmony export */ });
/* unused harmony exports IN_TOTO_STATEMENT_TYPE, RECEIPT_PREDICATE_TYPE, receiptPredicate, REQUIRED_SUBJECTS, OPTIONAL_SUBJECTS, canonicalJson */
// The run receipt: an in-toto Statement v1 about a closed run record. Pure: subjects (file names
// and digests) and the snapshot in, the Statement out; and the check of a Statement against a
// record. The receipt is signed as a DSSE envelope (receipt.dsse.json, record/receipt-writer.ts)
// with a run key, or attested on GitHub with the workflow's identity (action/attest-record.ts).
//
// Why a predicate of our own and not in-toto Link v0.3: a Link describes one supply-chain step
// (materials in, products out, a command, byproducts as free-form strings) for in-toto layouts to
// check. A remediation run is not a build step: what an auditor asks is which signed version ran,
// under which manifest and trust policy, triggered by whom, with which parameters, and how it
// ended. A Link has no typed field for any of that (it would all go into untyped `environment`
// and `byproducts`), and no layout ever checks it. A versioned predicate with a published JSON
// Schema (remediations/run-receipt.schema.json) says it exactly, and `gh attestation verify
// --predicate-type` can select it.
/** `_type` of an in-toto Statement v1. */
const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** DSSE payloadType of an in-toto Statement. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** Our predicate type; bumped only with a format change (schema: remediations/run-receipt.schema.json). */
const RECEIPT_PREDICATE_TYPE = 'https://remediate.dev/run-receipt/v1';
/** The signed receipt's file in a record folder. */
const RECEIPT_FILE = 'receipt.dsse.json';
/**
 * The Sigstore bundle of the record's GitHub artifact attestation, in the record folder. Not a
 * subject: it signs the subjects, so it cannot be one of them.
 */
const ATTESTATION_BUNDLE_FILE = 'receipt.sigstore.json';
/** Largest attestation bundle or trusted-root file read: real ones are a few KB, a receipt's subjects add a few hundred KB. */
const MAX_ATTESTATION_BYTES = 16 * 1024 * 1024;
/** The predicate of a snapshot: the fields an auditor needs, none of the step details. */
function receiptPredicate(snapshot) {
    const { name, version, tag, commit, digest } = snapshot.remediation;
    return {
        runId: snapshot.runId,
        status: snapshot.status,
        ...(snapshot.error !== undefined ? { error: snapshot.error } : {}),
        remediation: {
            name,
            version,
            tag,
            ...(commit !== undefined ? { commit } : {}),
            ...(digest !== undefined ? { digest } : {}),
        },
        ...(snapshot.manifest !== undefined ? { manifest: snapshot.manifest } : {}),
        ...(snapshot.params !== undefined ? { params: { digest: snapshot.params.digest } } : {}),
        forced: snapshot.forced,
        ...(snapshot.unreleased === true ? { unreleased: true } : {}),
        ...(snapshot.checkOnly === true ? { checkOnly: true } : {}),
        ...(snapshot.target !== undefined ? { target: snapshot.target } : {}),
        ...(snapshot.idempotencyKey !== undefined ? { idempotencyKey: snapshot.idempotencyKey } : {}),
        ...(snapshot.circuitBreaker !== undefined ? { circuitBreaker: snapshot.circuitBreaker } : {}),
        ...(snapshot.replayOf !== undefined ? { replayOf: snapshot.replayOf } : {}),
        ...(snapshot.plan !== undefined ? { plan: snapshot.plan } : {}),
        ...(snapshot.approval !== undefined ? { approval: snapshot.approval } : {}),
        trigger: snapshot.trigger,
        runner: snapshot.runner,
        tool: snapshot.tool,
        started: snapshot.started,
        ...(snapshot.ended !== undefined ? { ended: snapshot.ended } : {}),
        ...(snapshot.durationMs !== undefined ? { durationMs: snapshot.durationMs } : {}),
        log: snapshot.log,
        ...(snapshot.definition !== undefined ? { definition: snapshot.definition } : {}),
    };
}
/** The Statement about a record: its files as subjects (sorted by name), the snapshot as predicate. */
function receiptStatement(subjects, snapshot) {
    return {
        _type: IN_TOTO_STATEMENT_TYPE,
        subject: [...subjects].sort((a, b) => compareNames(a.name, b.name)),
        predicateType: RECEIPT_PREDICATE_TYPE,
        predicate: receiptPredicate(snapshot),
    };
}
/** The Statement's bytes as signed: compact JSON, UTF-8. */
function statementBytes(statement) {
    return Buffer.from(JSON.stringify(statement), 'utf8');
}
/** Files a receipt must cover, whatever else the record holds. */
const REQUIRED_SUBJECTS = ['snapshot.json', 'run.log', 'run.log.chain'];
/** Covered when present: the definition's copy (absent from refusals and older records). */
const OPTIONAL_SUBJECTS = (/* unused pure expression or super */ null && (['definition.tar']));
/**
 * Checks an (authenticated) Statement against a record folder's contents; returns the first
 * problem, or undefined when it covers exactly this record.
 * - Attack: a record rewritten after the run (snapshot fields edited, the chain recomputed). The
 *   signed subjects pin each file's sha256, so any changed byte shows here.
 * - Attack: a valid receipt of another run laid next to this record, or a receipt whose predicate
 *   says something the snapshot does not. The predicate must equal the one this snapshot yields.
 * - Attack: a definition.tar laid into a record whose receipt has none, to be shown as what ran.
 *   Every record file present must be a subject.
 */
function checkStatement(statement, record) {
    if (!isObject(statement))
        return { problem: 'the receipt payload is not a JSON object' };
    if (statement['_type'] !== IN_TOTO_STATEMENT_TYPE) {
        return { problem: `the receipt is not an in-toto Statement v1 (_type ${show(statement['_type'])})` };
    }
    // Type confusion: a signed statement of another kind (a build provenance) is not a run receipt.
    if (statement['predicateType'] !== RECEIPT_PREDICATE_TYPE) {
        return {
            problem: `the receipt's predicateType is ${show(statement['predicateType'])}, expected ${RECEIPT_PREDICATE_TYPE}`,
        };
    }
    const subjects = statement['subject'];
    if (!Array.isArray(subjects))
        return { problem: 'the receipt has no subject list' };
    const covered = new Map();
    for (const subject of subjects) {
        if (!isObject(subject) || typeof subject['name'] !== 'string' || !isObject(subject['digest'])) {
            return { problem: `the receipt has a malformed subject ${show(subject)}` };
        }
        const sha256 = subject['digest']['sha256'];
        if (typeof sha256 !== 'string')
            return { problem: `subject ${show(subject['name'])} has no sha256 digest` };
        if (covered.has(subject['name']))
            return { problem: `subject ${show(subject['name'])} is listed twice` };
        covered.set(subject['name'], sha256);
    }
    for (const name of REQUIRED_SUBJECTS) {
        if (!covered.has(name))
            return { problem: `the receipt does not cover ${name}`, at: name };
    }
    for (const [name, sha256] of covered) {
        const actual = record.files.get(name);
        if (actual === undefined)
            return { problem: `${name} is covered by the receipt but missing from the record`, at: name };
        if (actual !== sha256) {
            return {
                problem: `${name} has sha256 ${actual}, but the receipt signed ${sha256}: it changed after the run`,
                at: name,
            };
        }
    }
    for (const name of record.files.keys()) {
        if (!covered.has(name))
            return { problem: `${name} is in the record but not covered by the receipt`, at: name };
    }
    const expected = canonicalJson(receiptPredicate(record.snapshot));
    const signed = canonicalJson(statement['predicate']);
    if (signed !== expected) {
        return { problem: "the receipt's predicate does not match snapshot.json (a receipt of another run, or edited)" };
    }
    return undefined;
}
/** JSON with object keys sorted at every level: equal values give equal text. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, inner) => isObject(inner)
        ? Object.fromEntries(Object.keys(inner)
            .sort(compareNames)
            .map((key) => [key, inner[key]]))
        : inner);
}
function compareNames(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function show(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}


/***/ }),

/***/ 18374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hv: () => (/* binding */ CHAIN_FILE),
/* harmony export */   QX: () => (/* binding */ SNAPSHOT_FILE),
/* harmony export */   UP: () => (/* binding */ LOG_FILE),
/* harmony export */   aE: () => (/* binding */ readRecord),
/* harmony export */   iV: () => (/* binding */ MAX_RECORD_FILE_BYTES)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79144);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
// Reading a run record folder: the only I/O of verification. Everything it returns is checked by
// the pure verifier (record-verifier.ts), so this file trusts nothing it reads.




/** What ran and why, written by the executor. */
const SNAPSHOT_FILE = 'snapshot.json';
/** The redacted, human-readable log. */
const LOG_FILE = 'run.log';
/** The hash chain over run.log (format in log-chain-format.ts). */
const CHAIN_FILE = 'run.log.chain';
/**
 * Largest record file read: what readFile could read before the reads were bounded. The verifier
 * holds the whole log in memory, so this is a memory bound, not a format limit.
 */
const MAX_RECORD_FILE_BYTES = 2 ** 31 - 1;
/** Reads snapshot.json, run.log and run.log.chain from a record folder. */
async function readRecord(dir) {
    checkRecordFolder(dir);
    const snapshot = readRecordFile(dir, SNAPSHOT_FILE);
    const log = readRecordFile(dir, LOG_FILE);
    const chainBytes = readRecordFile(dir, CHAIN_FILE);
    return { snapshot, log, chain: chainBytes.toString('utf8'), chainBytes };
}
const RECORD_FOLDER_HINT = `pass the folder of a run record (it holds ${SNAPSHOT_FILE}, ${LOG_FILE} and ${CHAIN_FILE})`;
// A file given where the record folder belongs (verify-run /etc/passwd) is named as such, not
// reported as a failed open of /etc/passwd/snapshot.json.
function checkRecordFolder(dir) {
    let isFolder;
    try {
        isFolder = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory();
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('NOT_FOUND', `${dir} does not exist: ${RECORD_FOLDER_HINT}`, { cause: error });
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .usageErrorFromSystem */ .tz)(error, `record folder ${dir}`) ?? error;
    }
    if (!isFolder)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('NOT_A_FOLDER', `${dir} is not a folder: ${RECORD_FOLDER_HINT}`);
}
// Bounded, and only regular files: a record folder can come from anywhere, and a FIFO or a
// device named run.log must not hang the verifier or fill its memory.
function readRecordFile(dir, name) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
    const bytes = (0,_adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_2__/* .tryReadBoundedFile */ .D)(path, { label: 'record file', maxBytes: MAX_RECORD_FILE_BYTES });
    if (bytes === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('NOT_FOUND', `${path} not found: ${RECORD_FOLDER_HINT}`);
    return bytes;
}


/***/ }),

/***/ 48711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RC: () => (/* binding */ verifyRecord),
/* harmony export */   he: () => (/* binding */ snapshotDigest)
/* harmony export */ });
/* unused harmony export assertRecordIntact */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _log_chain_verifier_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81142);
/* harmony import */ var _record_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18374);
// Verifies a run record (snapshot.json + run.log + run.log.chain). Pure: readRecord does the I/O.
//
// What it relies on in snapshot.json (written by the executor):
//   status: string                       final status of the run
//   log: { file: "run.log", bytes, blocks, head, complete? }
//                                        the ChainedLogWriter summary; absent, or complete: false,
//                                        when the run was killed before finishing (only the log's
//                                        valid prefix is then verified, and the record is incomplete)
//   steps[]: { log?: { start, end } }    each step's byte range of run.log, in execution order
// The snapshot's own digest is not inside it: snapshotDigest() is printed by the executor (job
// summary) and passed back in to pin the snapshot, which in turn pins the log through log.head.




const DIGEST = /^sha256:[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** `sha256:<hex>` of the exact snapshot.json bytes: the value that pins a record. */
function snapshotDigest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** Verifies a run record; returns the first problem, or what was verified. Pure. */
function verifyRecord(files, options = {}) {
    const digest = snapshotDigest(files.snapshot);
    if (options.snapshotDigest !== undefined) {
        const expected = options.snapshotDigest.toLowerCase();
        if (!DIGEST.test(expected)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('USAGE', `invalid snapshot digest '${options.snapshotDigest.slice(0, 80)}': expected sha256:<64 hex digits> as printed by the run`);
        }
        // Pinning the snapshot stops a consistent rewrite of snapshot, log and chain together.
        if (digest !== expected)
            return problem(`${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_FILE */ .QX} digest is ${digest}, expected ${expected}`);
    }
    let snapshot;
    try {
        snapshot = JSON.parse(files.snapshot.toString('utf8'));
    }
    catch {
        return problem(`${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_FILE */ .QX} is not valid JSON`);
    }
    if (!isObject(snapshot))
        return problem(`${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_FILE */ .QX} is not a JSON object`);
    // A record without a status cannot say whether the remediation worked.
    if (typeof snapshot['status'] !== 'string' || snapshot['status'].length === 0) {
        return fieldProblem('status', `expected a status string, got ${describe(snapshot['status'])}`);
    }
    const status = snapshot['status'];
    const recorded = readLogSummary(snapshot['log']);
    if ('problem' in recorded)
        return recorded;
    const chain = (0,_log_chain_verifier_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyLogChain */ .V)(files.log, files.chain);
    if (!chain.ok)
        return problem(chain.problem, chain.range);
    if (recorded.prefix !== undefined) {
        // The prefix pinned at closing must be exactly what the chain covers now.
        const { bytes, blocks, head } = recorded.prefix;
        if (chain.bytes !== bytes || chain.blocks !== blocks || chain.head !== head) {
            const range = {
                start: Math.min(chain.bytes, bytes),
                end: Math.max(chain.bytes, bytes, Math.min(chain.bytes, bytes) + 1),
            };
            return fieldProblem('log.head', `expected the chain to cover ${bytes} bytes in ${blocks} block(s) with head ${head} (pinned when the record was closed), got ${chain.bytes} bytes in ${chain.blocks} with head ${chain.head}: ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_FILE */ .UP} and ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .CHAIN_FILE */ .Hv} were rewritten`, range);
        }
    }
    if (recorded.summary !== undefined) {
        const { bytes, blocks, head } = recorded.summary;
        // A finished run's chain must end exactly where the snapshot says: no lines dropped or added.
        if (chain.partialLine)
            return problem(`${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .CHAIN_FILE */ .Hv} ends with a partial line, but the run finished`);
        if (chain.bytes !== bytes) {
            const range = { start: Math.min(chain.bytes, bytes), end: Math.max(chain.bytes, bytes) };
            const what = chain.bytes < bytes
                ? `${(0,_log_chain_verifier_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRange */ .p)(range)} of ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_FILE */ .UP} are missing from ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .CHAIN_FILE */ .Hv} (truncated or lines removed)`
                : `${(0,_log_chain_verifier_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRange */ .p)(range)} of ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_FILE */ .UP} were appended after the run`;
            return fieldProblem('log.bytes', `expected ${chain.bytes}, got ${bytes}: ${what}`, range);
        }
        // Bytes after the recorded end were added after the run finished.
        if (chain.unchainedBytes > 0) {
            const range = { start: chain.bytes, end: files.log.length };
            return problem(`${(0,_log_chain_verifier_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRange */ .p)(range)} of ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_FILE */ .UP} are not covered by ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .CHAIN_FILE */ .Hv}`, range);
        }
        // The head pins the whole chain: a log rewritten with a freshly computed chain differs here.
        if (chain.head !== head) {
            return fieldProblem('log.head', `expected ${chain.head}, got ${head}: ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_FILE */ .UP} and ${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .CHAIN_FILE */ .Hv} do not match the snapshot`);
        }
        if (chain.blocks !== blocks)
            return fieldProblem('log.blocks', `expected ${chain.blocks}, got ${blocks}`);
    }
    const steps = checkSteps(snapshot['steps'], chain.bytes);
    if (typeof steps !== 'number')
        return steps;
    return {
        ok: true,
        complete: recorded.summary !== undefined && chain.complete,
        status,
        snapshotDigest: digest,
        log: { bytes: chain.bytes, blocks: chain.blocks, head: chain.head, unchainedBytes: chain.unchainedBytes },
        steps,
    };
}
/** Like verifyRecord, but throws TrustError('RECORD_TAMPERED') naming the first problem. */
function assertRecordIntact(files, options = {}) {
    const result = verifyRecord(files, options);
    if (!result.ok)
        throw new TrustError('RECORD_TAMPERED', `run record failed verification: ${result.problem}`);
    return result;
}
/** Reads snapshot.log; `summary` is undefined when the run did not finish its log. */
function readLogSummary(value) {
    if (value === undefined)
        return { summary: undefined };
    if (!isObject(value))
        return fieldProblem('log', `expected an object, got ${describe(value)}`);
    const complete = value['complete'];
    if (complete !== undefined && typeof complete !== 'boolean') {
        return fieldProblem('log.complete', `expected a boolean, got ${describe(complete)}`);
    }
    if (complete === false) {
        // A prefix pinned when the record was closed (the Action's post step): checked as such.
        if (value['head'] === undefined)
            return { summary: undefined };
        const { bytes, blocks, head } = value;
        if (!isCount(bytes))
            return fieldProblem('log.bytes', `expected a byte count, got ${describe(bytes)}`);
        if (!isCount(blocks))
            return fieldProblem('log.blocks', `expected a block count, got ${describe(blocks)}`);
        if (typeof head !== 'string' || !HEX64.test(head)) {
            return fieldProblem('log.head', `expected 64 lower-case hex digits, got ${describe(head)}`);
        }
        return { summary: undefined, prefix: { bytes, blocks, head } };
    }
    // Only run.log is chained; a snapshot pointing elsewhere would vouch for an unverified file.
    if (value['file'] !== _record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_FILE */ .UP)
        return fieldProblem('log.file', `expected '${_record_files_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_FILE */ .UP}', got ${describe(value['file'])}`);
    const { bytes, blocks, head } = value;
    if (!isCount(bytes))
        return fieldProblem('log.bytes', `expected a byte count, got ${describe(bytes)}`);
    if (!isCount(blocks))
        return fieldProblem('log.blocks', `expected a block count, got ${describe(blocks)}`);
    if (typeof head !== 'string' || !HEX64.test(head)) {
        return fieldProblem('log.head', `expected 64 lower-case hex digits, got ${describe(head)}`);
    }
    return { summary: { bytes, blocks, head } };
}
/** Checks each step's log range lies in the verified log, in order; returns the step count. */
function checkSteps(value, logBytes) {
    if (value === undefined)
        return 0;
    if (!Array.isArray(value))
        return fieldProblem('steps', `expected an array, got ${describe(value)}`);
    let previousEnd = 0;
    for (const [k, step] of value.entries()) {
        const at = `steps[${k}]`;
        if (!isObject(step))
            return fieldProblem(at, `expected an object, got ${describe(step)}`);
        const range = step['log'];
        if (range === undefined)
            continue;
        if (!isObject(range))
            return fieldProblem(`${at}.log`, `expected { start, end }, got ${describe(range)}`);
        const { start, end } = range;
        if (!isCount(start))
            return fieldProblem(`${at}.log.start`, `expected a byte offset, got ${describe(start)}`);
        if (!isCount(end))
            return fieldProblem(`${at}.log.end`, `expected a byte offset, got ${describe(end)}`);
        // Ranges in execution order stop a step's output being attributed to another step.
        if (start < previousEnd) {
            return fieldProblem(`${at}.log.start`, `expected at least ${previousEnd} (end of the previous step), got ${start}`);
        }
        if (end < start)
            return fieldProblem(`${at}.log.end`, `expected at least ${start} (its start), got ${end}`);
        // A range past the chained log would point at bytes nobody can vouch for.
        if (end > logBytes) {
            return fieldProblem(`${at}.log.end`, `expected at most ${logBytes} (end of the chained log), got ${end}`, {
                start: logBytes,
                end,
            });
        }
        previousEnd = end;
    }
    return value.length;
}
function problem(text, range) {
    return range === undefined ? { ok: false, problem: text } : { ok: false, problem: text, range };
}
function fieldProblem(field, text, range) {
    const base = { ok: false, problem: `snapshot field '${field}': ${text}`, field };
    return range === undefined ? base : { ...base, range };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function describe(value) {
    if (value === undefined)
        return 'nothing';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}


/***/ }),

/***/ 82429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ InterleavedRedactor),
/* harmony export */   FI: () => (/* binding */ redactValue),
/* harmony export */   Rd: () => (/* binding */ redactText),
/* harmony export */   XF: () => (/* binding */ REDACTED)
/* harmony export */ });
/* unused harmony exports MIN_PARTIAL_FORM_LENGTH, secretForms, StreamRedactor */
// Streaming secret redaction for everything that ends up in a run record.
//
// `::add-mask::` only masks the runner's own log; records are uploaded raw, so every byte a step
// prints goes through a StreamRedactor before it is hashed and written. Matching works on bytes,
// so secrets with multi-byte UTF-8 and output split anywhere (even inside a character) are handled.
//
// Every maximal run of bytes covered by one or more occurrences (overlapping or back to back)
// becomes a single `***`. The output does not depend on how the input was split into chunks.
//
// Very short secrets redact aggressively: a one-character secret replaces every occurrence of that
// character. That is deliberate; leaking a secret is worse than an unreadable log.
//
// Search: a Wu-Manber style skip scan over all forms at once (one Buffer.indexOf pass per form is
// several times slower with 10 secrets). The scan looks at one 2-byte block per step and jumps up
// to (shortest form - 1) bytes, so long secrets scan fastest; BENCHMARKS.md has the throughput.
// Nothing large is copied: the bytes held back from one chunk are joined to the start of the next
// in a small buffer, and what is released is handed out as views of the chunk.
/** What every redacted occurrence is replaced with. */
const REDACTED = '***';
const MARKER = Buffer.from(REDACTED, 'utf8');
/**
 * A form that shows only part of a secret (one line of a multi-line secret or of a wrapped
 * encoding, the middle of a secret's base64 inside a longer base64 text) is redacted only when it
 * has at least this many characters: shorter parts (a `}` line, two base64 characters) occur in
 * unrelated text all the time, and the record would lose its meaning without hiding more.
 * Forms of the whole secret are redacted at any length.
 */
const MIN_PARTIAL_FORM_LENGTH = 8;
/** Columns at which tools wrap base64: coreutils `base64` and MIME at 76, `openssl base64` and PEM at 64. */
const BASE64_WRAP_COLUMNS = [76, 64];
/** Column at which `xxd -p` wraps hex. */
const HEX_WRAP_COLUMN = 60;
/**
 * Every form of one secret that is redacted, derived here and nowhere else; deduplicated, forms of
 * the whole secret first. Empty secrets have no forms. Each form is there because a common tool
 * prints the secret that way; together they stop the leaks below:
 *
 * - As printed: the value; the value without trailing line breaks (`$(cat key)` strips them); a
 *   multi-line value with LF and with CRLF line ends (a key file from Windows); and each line of a
 *   multi-line value, with surrounding whitespace trimmed, so `sed -n 2p`, `head`, `grep` or
 *   `diff` cannot print a key line by line.
 * - base64 (of the value and of the value without trailing line breaks): standard with padding,
 *   base64url without; of the value followed by `\n` (`echo "$S" | base64`); wrapped at 76 and 64
 *   columns as `base64` and `openssl base64` print them, with LF or CRLF, and each full line of
 *   the wrapped text on its own.
 * - base64 and base64url inside a longer encoded text (HTTP Basic `user:secret`, a JWT claim): the
 *   secret can start at any of the three byte positions of a base64 group, so for each the
 *   characters that depend on the secret alone. The one character at each end that also holds
 *   bits of a neighbouring byte stays visible (at most the top 4 bits of the secret's first byte
 *   and the low 4 bits of its last).
 * - hex, lower and upper case; lower case wrapped at 60 columns as `xxd -p` prints it.
 * - URL encoding: `encodeURIComponent`, RFC 3986 (curl, Python `quote`), RFC 3986 keeping `/`
 *   (Python `quote`'s default) and WHATWG form encoding, each with `%20` and with `+` for a space.
 * - JSON string escaping as JavaScript, Python (`\uXXXX` for non-ASCII), PHP (also `\/`) and Go
 *   (also `<`, `>`, `&`) print it, without the quotes.
 *
 * Partial forms shorter than MIN_PARTIAL_FORM_LENGTH are left out (see there). The last, shorter
 * line of a wrapped encoding is not a form on its own: printed alone (`base64 | tail -1`) it stays
 * visible. As a form it would be as short as a few characters for any secret, and the skip scan
 * can never jump further than the shortest form, so it would slow the redaction of every log.
 */
function secretForms(value) {
    if (value.length === 0)
        return [];
    // A lone surrogate (possible in REMEDIATION_SECRETS JSON) reaches a step, like every string
    // turned into UTF-8, as U+FFFD; encodeURIComponent would throw on it and fail the whole run.
    const secret = value.toWellFormed();
    const whole = new Set();
    const partial = new Set();
    // A multi-line form also leaks with other line ends (a CRLF file, `unix2dos`).
    const addLineEnds = (form) => {
        const lf = form.replaceAll('\r\n', '\n');
        whole.add(form);
        whole.add(lf);
        whole.add(lf.replaceAll('\n', '\r\n'));
    };
    const addEncoded = (encoded, columns) => {
        if (columns === undefined || encoded.length <= columns) {
            whole.add(encoded);
            return;
        }
        addLineEnds(wrap(encoded, columns));
        // `head -2`, `sed -n 3p` of the wrapped text: each full line shows columns characters of it.
        for (let at = 0; at + columns <= encoded.length; at += columns)
            partial.add(encoded.slice(at, at + columns));
    };
    const texts = [...new Set([secret, withoutTrailingLineBreaks(secret)])].filter((text) => text.length > 0);
    for (const text of texts) {
        addLineEnds(text);
        // A multi-line value leaks line by line (`sed -n 2p`, `head`, `diff`).
        if (/[\r\n]/.test(text))
            for (const line of text.split(/[\r\n]/))
                partial.add(line.trim());
        for (const form of urlEncodings(text))
            whole.add(form);
        for (const form of jsonEscapes(text))
            whole.add(form);
        const bytes = Buffer.from(text, 'utf8');
        for (const data of [bytes, Buffer.concat([bytes, Buffer.from('\n')])]) {
            const base64 = data.toString('base64');
            addEncoded(base64);
            for (const columns of BASE64_WRAP_COLUMNS)
                addEncoded(base64, columns);
            addEncoded(data.toString('hex'), HEX_WRAP_COLUMN);
        }
        addEncoded(bytes.toString('base64url'));
        // Unwrapped; `addEncoded` with columns adds only the wrapped text when the hex is longer.
        addEncoded(bytes.toString('hex'));
        addEncoded(bytes.toString('hex').toUpperCase());
        for (const shift of [0, 1, 2]) {
            partial.add(embeddedBase64(bytes, shift, 'base64'));
            partial.add(embeddedBase64(bytes, shift, 'base64url'));
        }
    }
    const forms = [...whole];
    for (const form of partial) {
        if (form.length >= MIN_PARTIAL_FORM_LENGTH && !whole.has(form))
            forms.push(form);
    }
    return forms;
}
/** `text` without the line breaks it ends with (a loop: a regular expression can take quadratic time). */
function withoutTrailingLineBreaks(text) {
    let end = text.length;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r'))
        end--;
    return text.slice(0, end);
}
/** `text` broken into lines of `columns` characters (the last may be shorter), joined by `\n`. */
function wrap(text, columns) {
    const lines = [];
    for (let at = 0; at < text.length; at += columns)
        lines.push(text.slice(at, at + columns));
    return lines.join('\n');
}
/**
 * The characters of the encoding of a longer text that depend on `bytes` alone, when `bytes`
 * starts `shift` bytes into a 3-byte base64 group. Leading: none at shift 0; at shift 1 the first
 * two characters hold neighbouring bits; at shift 2 the first three. Trailing: when the secret
 * ends inside a group, the last character holds bits of the next byte. Those are left out.
 */
function embeddedBase64(bytes, shift, alphabet) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes])
        .toString(alphabet)
        .replace(/=+$/, '');
    const lead = [0, 2, 3][shift];
    const trail = (shift + bytes.length) % 3 === 0 ? 0 : 1;
    return encoded.slice(lead, Math.max(lead, encoded.length - trail));
}
/** Percent-encodings of `text` as common tools produce them, with `%20` and with `+` for a space. */
function urlEncodings(text) {
    const component = encodeURIComponent(text);
    // RFC 3986 unreserved characters only (curl --data-urlencode, Python quote, Go QueryEscape).
    const rfc3986 = component.replace(/[!'()*]/g, percentEncode);
    // WHATWG application/x-www-form-urlencoded (URLSearchParams): `*` stays, `~` is encoded.
    const whatwg = rfc3986.replaceAll('%2A', '*').replaceAll('~', '%7E');
    // Python's `quote` keeps `/` by default (safe='/'), as do URL path encoders; base64 text and
    // AWS-style keys often hold a `/`.
    const pathSafe = rfc3986.replaceAll('%2F', '/');
    return [component, rfc3986, whatwg, pathSafe].flatMap((form) => [form, form.replaceAll('%20', '+')]);
}
function percentEncode(char) {
    return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
/** JSON string escapings of `text` (without the quotes) as common serializers print them. */
function jsonEscapes(text) {
    const plain = JSON.stringify(text).slice(1, -1);
    // Python's json.dumps (ensure_ascii) and PHP: every UTF-16 unit above 0x7f as \uXXXX.
    const ascii = plain.replace(/[\u0080-\uffff]/g, unicodeEscape);
    // PHP's json_encode also escapes `/`.
    const php = ascii.replaceAll('/', '\\/');
    // Go's encoding/json escapes HTML-sensitive characters and the JavaScript line separators.
    const go = plain.replace(/[<>&\u2028\u2029]/g, unicodeEscape);
    return [plain, ascii, php, go];
}
function unicodeEscape(char) {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** All distinct forms of all secrets, as bytes. */
function compileForms(secrets) {
    const unique = new Set();
    for (const secret of secrets)
        for (const form of secretForms(secret))
            unique.add(form);
    return [...unique].map((form) => Buffer.from(form, 'utf8'));
}
/** The matcher for `secrets`, or undefined when there is nothing to redact. */
function compileMatcher(secrets) {
    const forms = compileForms(secrets);
    return forms.length > 0 ? new FormMatcher(forms) : undefined;
}
/** Finds every complete occurrence of any form, and where a form may start but not yet end. */
class FormMatcher {
    forms;
    /** Length of the longest form: a chunk tail shorter than this may start an occurrence. */
    longest;
    /** Window width: the shortest form's length, capped so that shifts fit a byte. */
    width;
    /** For each 2-byte block: how far the window may jump when its last block is this one. */
    #shift;
    /** For blocks with shift 0: the forms whose window-prefix ends with that block. */
    #candidates = new Map();
    /** For each byte: the forms that start with it (for tails shorter than the window). */
    #byFirstByte = [];
    constructor(forms) {
        this.forms = forms;
        let shortest = Infinity;
        let longest = 0;
        const byFirstByte = [];
        for (const form of forms) {
            shortest = Math.min(shortest, form.length);
            longest = Math.max(longest, form.length);
            (byFirstByte[form[0] ?? 0] ??= []).push(form);
        }
        this.#byFirstByte = byFirstByte;
        this.longest = longest;
        this.width = Math.min(shortest, 256);
        this.#shift = new Uint8Array(this.width >= 2 ? 65536 : 0).fill(this.width - 1);
        forms.forEach((form, index) => {
            if (this.width < 2) {
                addTo(this.#candidates, form[0] ?? 0, index);
                return;
            }
            for (let end = 1; end < this.width; end++) {
                const block = ((form[end - 1] ?? 0) << 8) | (form[end] ?? 0);
                const shift = this.width - 1 - end;
                if (shift < (this.#shift[block] ?? 0))
                    this.#shift[block] = shift;
                if (shift === 0)
                    addTo(this.#candidates, block, index);
            }
        });
    }
    /**
     * Looks at the occurrences that start in [from, to). Appends [start, end) of each complete one
     * to `out`, by start, until it meets the first start from which the rest of `data` is a proper
     * prefix of some form: it returns that start (those bytes must wait for the next chunk), or
     * data.length when there is none. Occurrences starting there or later are not reported.
     * With `final` (nothing follows `data`) partial tails are plain text: every complete occurrence
     * is reported and it returns data.length.
     */
    scan(data, from, to, out, final = false) {
        const width = this.width;
        const n = data.length;
        const shiftOf = this.#shift;
        // Windows that fit in the data: the skip scan, which also sees long partial tails because
        // their first `width` bytes are a form's window.
        const stop = Math.min(n, to + width - 1);
        let pos = from + width - 1;
        while (pos < stop) {
            let key;
            if (width >= 2) {
                key = ((data[pos - 1] ?? 0) << 8) | (data[pos] ?? 0);
                const shift = shiftOf[key] ?? 0;
                if (shift !== 0) {
                    pos += shift;
                    continue;
                }
            }
            else {
                key = data[pos] ?? 0;
            }
            const candidates = this.#candidates.get(key);
            if (candidates !== undefined) {
                const start = pos - width + 1;
                let end = -1;
                for (const index of candidates) {
                    const form = this.forms[index];
                    const formEnd = start + form.length;
                    if (formEnd <= n) {
                        if (formEnd > end && startsWith(form, data, start, form.length))
                            end = formEnd;
                    }
                    else if (!final && startsWith(form, data, start, n - start)) {
                        return start;
                    }
                }
                if (end !== -1)
                    out.push(start, end);
            }
            pos++;
        }
        // Starts too close to the end for a window: only a partial tail can begin there.
        if (final)
            return n;
        for (let start = Math.max(from, n - width + 1); start < to; start++) {
            const forms = this.#byFirstByte[data[start] ?? 0];
            if (forms === undefined)
                continue;
            const tail = n - start;
            for (const form of forms)
                if (form.length > tail && startsWith(form, data, start, tail))
                    return start;
        }
        return n;
    }
}
/** Whether the first `length` bytes of `form` equal data[start, start + length). */
function startsWith(form, data, start, length) {
    // A plain loop beats a native call for the usual mismatch in the first byte or two.
    for (let i = 0; i < length; i++)
        if (data[start + i] !== form[i])
            return false;
    return true;
}
function addTo(map, key, value) {
    const list = map.get(key);
    if (list === undefined)
        map.set(key, [value]);
    else
        list.push(value);
}
/**
 * The carry-over state of one redacted stream. `joinsOnly` is for a stream made of pieces that
 * are already redacted (see InterleavedRedactor): it looks only for occurrences that start in the
 * bytes it held back, that is across the joins between pieces, and so never rescans a piece.
 */
class RedactionState {
    #matcher;
    #joinsOnly;
    /** Bytes held back from the previous push: a possible start of an occurrence. */
    #carry = Buffer.alloc(0);
    /** How many leading carry bytes are already known to be inside an occurrence. */
    #coveredUntil = 0;
    /** Whether the last byte released was redacted, so an adjacent occurrence extends that `***`. */
    #endsRedacted = false;
    constructor(matcher, joinsOnly) {
        this.#matcher = matcher;
        this.#joinsOnly = joinsOnly;
    }
    push(chunk) {
        const matcher = this.#matcher;
        const carry = this.#carry;
        const held = carry.length;
        const found = [];
        // `cut`: the first byte that may start a form which the next chunk could complete. Holding
        // back from there stops a secret split across chunks (any split, even inside a character)
        // from being released in two harmless-looking halves.
        let cut = held + chunk.length;
        if (held > 0) {
            // Occurrences starting in the carry end within `longest` bytes of it: join just that much
            // of the chunk to it, so the chunk itself is never copied. When the chunk is shorter, the
            // joined buffer is all the data and its partial tails are the real ones.
            const head = Buffer.concat([carry, chunk.subarray(0, matcher.longest + matcher.width)]);
            const partialAt = matcher.scan(head, 0, held, found);
            if (partialAt < held)
                cut = partialAt;
        }
        if (cut >= held) {
            // Pieces that are already redacted cannot hold a whole form; only the joins can, where two
            // streams' outputs meet. So only this piece's tail is scanned, for what may start one at the
            // next join: that stops a secret whose start one stream printed and whose rest the other did.
            const from = this.#joinsOnly ? Math.max(0, chunk.length - matcher.longest + 1) : 0;
            const inChunk = [];
            cut = Math.min(cut, held + matcher.scan(chunk, from, chunk.length, inChunk));
            for (const offset of inChunk)
                found.push(held + offset);
        }
        return this.#release(carry, chunk, found, cut);
    }
    /** Releases the held-back tail at end of stream and resets, so the state can be reused. */
    end() {
        const carry = this.#carry;
        const found = [];
        // At the end nothing more can arrive: the remainder is redacted in full as the end of this
        // stream (a partial tail is plain text), so no held-back byte leaves unchecked.
        this.#matcher.scan(carry, 0, carry.length, found, true);
        const out = this.#release(Buffer.alloc(0), carry, found, carry.length);
        this.#carry = Buffer.alloc(0);
        this.#coveredUntil = 0;
        this.#endsRedacted = false;
        return out;
    }
    /**
     * Emits bytes [0, cut) of carry + chunk with occurrences replaced and keeps [cut, end) as the
     * new carry. `found` holds [start, end) pairs by start, in carry + chunk offsets.
     */
    #release(carry, chunk, found, cut) {
        const held = carry.length;
        const parts = [];
        const emit = (from, to) => {
            if (from < held)
                parts.push(carry.subarray(from, Math.min(to, held)));
            if (to > held)
                parts.push(chunk.subarray(Math.max(from, held) - held, to - held));
        };
        let runStart = -1;
        let runEnd = -1;
        let runMarked = false;
        if (this.#coveredUntil > 0 || this.#endsRedacted) {
            // An occurrence released by the previous call continues (or may be extended) here.
            runStart = 0;
            runEnd = this.#coveredUntil;
            runMarked = true;
        }
        let pos = 0;
        for (let k = 0; k < found.length; k += 2) {
            const start = found[k];
            const end = found[k + 1];
            // Occurrences from the cut on are found again with the next chunk.
            if (start >= cut)
                break;
            if (runStart !== -1 && start <= runEnd) {
                runEnd = Math.max(runEnd, end);
                continue;
            }
            if (runStart !== -1) {
                if (!runMarked)
                    parts.push(MARKER);
                pos = runEnd;
            }
            if (start > pos)
                emit(pos, start);
            runStart = start;
            runEnd = end;
            runMarked = false;
        }
        if (runStart !== -1) {
            if (!runMarked && runStart < cut)
                parts.push(MARKER);
            if (runEnd >= cut) {
                // The redacted run reaches the cut: the bytes after it stay redacted when released later.
                this.#coveredUntil = runEnd - cut;
                this.#endsRedacted = runStart < cut || runMarked;
                pos = cut;
            }
            else {
                pos = runEnd;
            }
        }
        if (pos < cut) {
            emit(pos, cut);
            this.#coveredUntil = 0;
            this.#endsRedacted = false;
        }
        // Copy the small tail so the (possibly large) chunk is not kept alive: memory stays constant.
        const tail = [];
        if (cut < held)
            tail.push(carry.subarray(cut));
        tail.push(chunk.subarray(Math.max(0, cut - held)));
        this.#carry = Buffer.concat(tail);
        return parts;
    }
}
/**
 * Redacts a byte stream chunk by chunk in constant memory. Holds back only a tail that could be
 * the start of a secret (never more than longest form - 1 bytes). Use one per output stream, and
 * an InterleavedRedactor when several streams are written to one output.
 */
class StreamRedactor {
    #state;
    #longest;
    /** Prepares the forms of every secret; empty secrets are ignored. */
    constructor(secrets) {
        const matcher = compileMatcher(secrets);
        this.#state = matcher && new RedactionState(matcher, false);
        this.#longest = matcher?.longest ?? 0;
    }
    /** Length in bytes of the longest redacted form (0 without secrets). */
    get longestForm() {
        return this.#longest;
    }
    /**
     * Redacts the next chunk; returns the bytes that are safe to write now, in order. Unchanged
     * bytes are views of `chunk`, so nothing large is copied; a held-back tail waits for the next
     * chunk, which stops a secret split across chunks from leaking.
     */
    push(chunk) {
        return this.#state?.push(chunk) ?? [chunk];
    }
    /** Releases the held-back tail at end of stream and resets, so the redactor can be reused. */
    end() {
        return this.#state?.end() ?? [];
    }
}
/**
 * Redacts several streams that are written, interleaved, to one output (a step's stdout and
 * stderr into run.log). Each stream is redacted on its own, so a secret split across chunks of
 * one stream is caught even with the other stream's output in between. That alone is not enough:
 * a stream releases bytes that may begin a secret when its own next bytes show they do not
 * (`abcab` releases `abc` and holds `ab`), and the other stream may print the rest right after.
 * So the joined output runs through one more redactor that looks only across the joins, at a
 * cost of a few bytes per chunk.
 */
class InterleavedRedactor {
    #streams;
    #joins;
    /** Prepares the forms of every secret for `streams` streams, numbered from 0. */
    constructor(secrets, streams) {
        const matcher = compileMatcher(secrets);
        this.#streams = matcher ? Array.from({ length: streams }, () => new RedactionState(matcher, false)) : [];
        this.#joins = matcher && new RedactionState(matcher, true);
    }
    /** Redacts the next chunk of one stream; returns the bytes of the joined output that are safe to write now. */
    push(stream, chunk) {
        const joins = this.#joins;
        if (joins === undefined)
            return [chunk];
        const state = this.#streams[stream];
        if (state === undefined)
            throw new RangeError(`expected a stream number below ${this.#streams.length}, got ${stream}`);
        return state.push(chunk).flatMap((piece) => joins.push(piece));
    }
    /**
     * Ends every stream and releases what is held back, then resets. Each stream's remainder is
     * redacted in full as the end of its own stream, and the remainders are joined through the
     * join redactor like any other output: two remainders that are harmless apart (`ab` and `ab`
     * for a secret `abab`) cannot make a secret together.
     */
    end() {
        const joins = this.#joins;
        if (joins === undefined)
            return [];
        const out = this.#streams.flatMap((state) => state.end().flatMap((piece) => joins.push(piece)));
        out.push(...joins.end());
        return out;
    }
}
/** Redacts every form of every secret in a whole string (error messages, outputs, snapshot fields). */
function redactText(text, secrets) {
    return redactWith(new StreamRedactor(secrets), text);
}
function redactWith(redactor, text) {
    const head = redactor.push(Buffer.from(text, 'utf8'));
    return Buffer.concat([...head, ...redactor.end()]).toString('utf8');
}
/** Deep-redacts every string (values and keys) inside a JSON-like value; other values are kept. */
function redactValue(value, secrets) {
    const redactor = new StreamRedactor(secrets);
    if (redactor.longestForm === 0)
        return value;
    const ancestors = new Set();
    const visit = (item) => {
        if (typeof item === 'string')
            return redactWith(redactor, item);
        if (typeof item !== 'object' || item === null)
            return item;
        // A cycle is not JSON-like; refusing it avoids unbounded recursion.
        if (ancestors.has(item))
            throw new TypeError('cannot redact a value that contains a cycle');
        ancestors.add(item);
        let result;
        if (Array.isArray(item)) {
            result = item.map(visit);
        }
        else {
            // Own data properties only: a key named `__proto__` (a step output, a JSON parameter) is
            // copied as a key, not turned into a write to the copy's prototype that drops the value.
            result = Object.fromEntries(Object.entries(item).map(([key, child]) => [redactWith(redactor, key), visit(child)]));
        }
        ancestors.delete(item);
        return result;
    };
    return visit(value);
}


/***/ }),

/***/ 12177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IN: () => (/* binding */ checkSnapshotDigests),
/* harmony export */   hB: () => (/* binding */ paramsDigest),
/* harmony export */   z9: () => (/* binding */ checkClaimsAgainstLog)
/* harmony export */ });
/* unused harmony export digestOfListing */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_plan_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39137);


/** Digest of recorded parameter values: sha256 of their JSON with keys sorted. */
function paramsDigest(values) {
    const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(sorted)).digest('hex')}`;
}
/** The definition digest recomputed from the snapshot's file listing (same rule as treeDigest). */
function digestOfListing(files) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
    for (const file of sorted)
        hash.update(`${file.mode} ${file.sha256} ${file.path}\n`);
    return `sha256:${hash.digest('hex')}`;
}
/**
 * Recomputes the digests a snapshot carries about itself (definition listing, parameters) and
 * returns the first field that does not match: an edit to what the record says ran.
 */
function checkSnapshotDigests(snapshot) {
    if (typeof snapshot !== 'object' || snapshot === null)
        return undefined;
    const s = snapshot;
    // The tag is what was resolved; a name or version edited alone would name another remediation.
    const { name, version, tag } = s.remediation ?? {};
    if (typeof name === 'string' && typeof version === 'string' && tag !== `${name}/${version}`) {
        return {
            field: 'remediation.tag',
            problem: `expected '${name}/${version}' (from remediation.name and .version), got ${JSON.stringify(tag)}`,
        };
    }
    const files = s.remediation?.files;
    if (Array.isArray(files) && typeof s.remediation?.digest === 'string') {
        const recomputed = digestOfListing(files);
        if (recomputed !== s.remediation.digest) {
            return {
                field: 'remediation.digest',
                problem: `expected ${recomputed} (recomputed from remediation.files), got ${s.remediation.digest}`,
            };
        }
    }
    const values = s.params?.values;
    if (typeof values === 'object' && values !== null && typeof s.params?.digest === 'string') {
        const recomputed = paramsDigest(values);
        if (recomputed !== s.params.digest) {
            return {
                field: 'params.digest',
                problem: `expected ${recomputed} (recomputed from params.values), got ${s.params.digest}`,
            };
        }
    }
    // The plan digest an approval was bound to is recomputed from what the record says was verified:
    // an edit to any of those facts, or to the digest, is caught.
    const r = s.remediation;
    if (typeof s.plan?.digest === 'string' &&
        typeof r?.name === 'string' &&
        typeof r.version === 'string' &&
        typeof r.commit === 'string' &&
        typeof r.digest === 'string' &&
        typeof s.params?.digest === 'string' &&
        typeof s.manifest?.serial === 'number') {
        const recomputed = (0,_core_plan_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .planDigest */ .G)({
            remediation: `${r.name}@${r.version}`,
            commit: r.commit,
            digest: r.digest,
            paramsDigest: s.params.digest,
            manifestSerial: s.manifest.serial,
            target: typeof s.target === 'string' ? s.target : '',
            targetFacts: typeof s.targetFacts === 'object' && s.targetFacts !== null ? s.targetFacts : {},
            force: s.forced === true,
            checkOnly: s.checkOnly === true,
            ignoreCircuitBreaker: s.circuitBreaker?.ignored === true,
        });
        if (recomputed !== s.plan.digest) {
            return {
                field: 'plan.digest',
                problem: `expected ${recomputed} (recomputed from the remediation, manifest, params, target, its facts and flags), got ${s.plan.digest}`,
            };
        }
    }
    return undefined;
}
/** How much of the end of a range is searched for markers (they are its last lines). */
const TAIL_BYTES = 64 * 1024;
/**
 * Checks what the snapshot claims against the chained log's markers: each step's outcome, exit
 * code and signal against the last `<== stage/id ...` marker in its byte range, and the final
 * status against the closing `run <status>` line. The log is pinned by the chain, so an edit
 * that turns a failed run into a succeeded one in snapshot.json alone is caught here.
 */
function checkClaimsAgainstLog(snapshot, log, complete) {
    if (typeof snapshot !== 'object' || snapshot === null)
        return undefined;
    const s = snapshot;
    const steps = Array.isArray(s.steps) ? s.steps : [];
    const closing = [
        ...log
            .subarray(Math.max(0, log.byteLength - TAIL_BYTES))
            .toString('utf8')
            .matchAll(/^\[[^\]]+\] run (\S+)$/gm),
    ].at(-1)?.[1];
    // A run whose log could not be written (a full disk) was closed at its last complete block: the
    // log has no closing line, and the steps that ran from that point on (the stopped step, the
    // rollback) have no end marker in it. Accepted only where the log really lacks a closing line
    // and the snapshot says why, and only for steps whose range reaches the end of the log: an
    // edit of snapshot.json alone cannot claim it for a log that has its closing line.
    const cutShort = s.error?.code === 'RECORD_WRITE_FAILED' && closing === undefined;
    for (const [index, step] of steps.entries()) {
        const start = Number(step.log?.start);
        const end = Number(step.log?.end);
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end))
            continue;
        // The engine's end marker is the step's last line but for a few engine notes: read only the
        // tail of the range, so a step that printed gigabytes is checked without decoding all of it.
        const text = log.subarray(Math.max(start, end - TAIL_BYTES), end).toString('utf8');
        const marker = [...text.matchAll(/^\[[^\]]+\] <== (\S+) (.*) \(([a-z-]+)\)$/gm)]
            .filter((m) => m[1] === `${String(step.stage)}/${String(step.id)}`)
            .at(-1);
        const field = `steps[${index}]`;
        if (!marker && cutShort && end === log.byteLength)
            continue;
        if (!marker) {
            if (step.exitCode !== null && step.exitCode !== undefined) {
                return {
                    field: `${field}.exitCode`,
                    problem: `the log has no end marker for ${String(step.stage)}/${String(step.id)}, yet an exit code is claimed`,
                };
            }
            continue;
        }
        const [, , result = '', outcome] = marker;
        if (outcome !== step.outcome) {
            return {
                field: `${field}.outcome`,
                problem: `expected '${outcome}' (the log's end marker), got '${String(step.outcome)}'`,
            };
        }
        const exit = /^exit (\d+)$/.exec(result);
        if (exit && Number(exit[1]) !== step.exitCode) {
            return {
                field: `${field}.exitCode`,
                problem: `expected ${exit[1]} (the log's end marker), got ${String(step.exitCode)}`,
            };
        }
        const killed = /^killed by (\S+)$/.exec(result);
        if (killed && killed[1] !== step.signal) {
            return {
                field: `${field}.signal`,
                problem: `expected ${killed[1]} (the log's end marker), got ${String(step.signal)}`,
            };
        }
    }
    // An interrupted run's log may still hold its closing line (written just before the process was
    // killed, or before the log could not be closed): the status may then only say it was cut off.
    if (!complete && closing !== undefined && closing !== s.status && !closedAfterCut(s)) {
        return {
            field: 'status',
            problem: `expected '${closing}' (the log's closing line), got '${String(s.status)}'`,
        };
    }
    if (complete && !cutShort) {
        if (closing !== undefined && closing !== s.status) {
            return { field: 'status', problem: `expected '${closing}' (the log's closing line), got '${String(s.status)}'` };
        }
        if (closing === undefined)
            return { field: 'status', problem: "the log has no closing 'run <status>' line" };
    }
    return undefined;
}
/** A record closed by the post step or after a failed write: `cancelled` or `crashed`, saying why. */
function closedAfterCut(s) {
    return ((s.status === 'cancelled' || s.status === 'crashed') &&
        ['CANCELLED', 'CRASHED', 'RECORD_WRITE_FAILED'].includes(String(s.error?.code)));
}


/***/ }),

/***/ 27295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ validateSnapshot)
});

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/equal.js
var equal = __webpack_require__(24951);
;// CONCATENATED MODULE: ./src/generated/run-snapshot-validator.js
// Generated from remediations/run-snapshot.schema.json by scripts/build-validators.mjs; do not edit.
/* eslint-disable */


const runtime = (m) => (typeof m === "function" ? m : m.default);
"use strict";const validate = (/* unused pure expression or super */ null && (validate10));/* harmony default export */ const run_snapshot_validator = (validate10);const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://remediate.dev/schemas/run-snapshot-v1.json","title":"Run snapshot (snapshot.json in a run record folder)","description":"What ran, why, with what, and how it ended. Written by `remediate run` next to run.log and run.log.chain, rewritten atomically as the run goes (after each step) and a last time when it ends. `remediate verify-run` checks run.log against `log` and recomputes `remediation.digest` and `params.digest`; the digest of this file's bytes is published in the job summary.","type":"object","additionalProperties":false,"required":["schema","runId","status","remediation","secrets","forced","trigger","runner","tool","started","steps","outputs","log"],"properties":{"schema":{"description":"Format of this file. A reader that does not know the value must not interpret the rest.","const":"https://remediate.dev/schemas/run-snapshot-v1.json"},"runId":{"description":"Id of the run, also the end of the record folder's name: `<UTC time>-<6 hex>` locally (e.g. 20250101T120000Z-1a2b3c), `<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>` on GitHub Actions.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"},"status":{"description":"State of the run. `running` while it runs (and left so if the process was killed); `succeeded`: the steps and verify stage passed; `healthy`: the check found nothing to remediate, so no step changed anything; `unhealthy`: a check-only run (`checkOnly`) found drift (or the version has no check, so its fix would always run), and nothing was changed; `failed`: a check, step or verify step failed, or the record could not be written (see `error` and `rollback`); `refused`: verification of the release failed, or its circuit breaker was open (CIRCUIT_OPEN), and nothing ran; `cancelled`: the run was stopped (SIGINT, SIGTERM or SIGHUP; job cancelled); `timed-out`: the run or a failing step hit its time limit; `crashed`: the engine itself failed, or could not complete the record (see `error`).","enum":["running","succeeded","healthy","unhealthy","failed","refused","cancelled","timed-out","crashed"]},"error":{"description":"Why the run did not succeed: set for `refused` (the failed trust check), `failed` (CHECK_FAILED, STEP_FAILED, VERIFY_FAILED or RECORD_WRITE_FAILED: run.log or snapshot.json could not be written, and the log ends at its last complete block), `crashed`, and `timed-out` when a step timed out. Secrets are redacted from the message.","type":"object","additionalProperties":false,"required":["code","message"],"properties":{"code":{"description":"Stable, machine-readable error code (e.g. UNTRUSTED_KEY, STEP_FAILED, INTERNAL).","type":"string","pattern":"^[A-Z][A-Z0-9_]{0,63}$"},"message":{"description":"Human-readable explanation.","type":"string"}}},"remediation":{"description":"Which remediation version was asked for and, once verified, exactly which bytes ran. A refused run records only name, version and tag.","type":"object","additionalProperties":false,"required":["name","version","tag"],"properties":{"name":{"description":"Remediation name (its folder under remediations/).","$ref":"#/definitions/remediationName"},"version":{"description":"Exact released version, with its `v` prefix (e.g. v1.2.0).","$ref":"#/definitions/version"},"tag":{"description":"The git tag that released the version: `<name>/<version>`.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$"},"commit":{"description":"Commit the tag points at and the signed manifest released (40 hex for SHA-1 repositories, 64 for SHA-256).","$ref":"#/definitions/commit"},"digest":{"description":"Definition digest: sha256 over the sorted listing `<mode> <sha256> <path>\\n` of `files`. Equal to the digest the manifest signed.","$ref":"#/definitions/sha256Digest"},"files":{"description":"Every file of the remediation folder that ran, sorted by path bytes. The executed bytes are exactly these.","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["path","mode","sha256"],"properties":{"path":{"description":"Path relative to remediations/<name>/, with `/` separators.","type":"string","minLength":1,"pattern":"^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$"},"mode":{"description":"Git file mode: 100644 (regular) or 100755 (executable).","enum":["100644","100755"]},"sha256":{"description":"Lower-case hex sha256 of the file's content.","$ref":"#/definitions/hex64"}}}}}},"manifest":{"description":"The signed release manifest the run was verified against, and the trust policy applied. Absent when refused.","type":"object","additionalProperties":false,"required":["serial","digest","signers","threshold","minSerial"],"dependencies":{"acceptedBelowPublished":["publishedSerial"]},"properties":{"serial":{"description":"Manifest serial (starts at 1, +1 per release or yank).","type":"integer","minimum":1},"digest":{"description":"sha256 of the manifest payload bytes (what the signatures cover).","$ref":"#/definitions/sha256Digest"},"signers":{"description":"keyids (hex sha256 of the SPKI DER public key) of the distinct trusted keys whose signatures verified, sorted.","type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/hex64"}},"threshold":{"description":"Valid signatures from distinct trusted keys that were required (--threshold).","type":"integer","minimum":1},"minSerial":{"description":"Lowest manifest serial accepted (--min-serial); stops replay of an older manifest.","type":"integer","minimum":0},"publishedSerial":{"description":"The highest serial the repository had published as a manifest/s<serial> release when the run started (learned by the Action); a lower manifest is refused unless accepted by name.","type":"integer","minimum":1},"acceptedBelowPublished":{"description":"Set (true) when serial is below publishedSerial and the run went ahead only because the caller named exactly this serial (the Action's accept-older-serial input): a recovery to review.","const":true}}},"params":{"description":"Parameters the steps received (defaults applied, types checked). Absent when refused.","type":"object","additionalProperties":false,"required":["values","digest"],"properties":{"values":{"description":"Parameter name -> value, with secret values redacted as `***`.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":["string","number","boolean"]}},"digest":{"description":"sha256 of the JSON of `values` with keys sorted; recomputed by verify-run.","$ref":"#/definitions/sha256Digest"}}},"secrets":{"description":"Names (never values) of the caller environment variables the steps received as secrets: every one the definition declared in `secrets`, and those of its `optional-secrets` that were set. Their values are redacted from this file and run.log.","type":"array","uniqueItems":true,"items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"}},"forced":{"description":"Whether --force was given: remediate even when the check reports healthy.","type":"boolean"},"unreleased":{"description":"Set on a run of `remediate try`: the working tree's files of remediations/<name>/ ran, and no tag, commit, manifest or signature vouched for them (a development run, never a release). Absent on every run of a released version.","const":true},"checkOnly":{"description":"Set on a check-only run (`remediate run --check-only`, the Action's `check-only` input): only the check stage ran, and the status says what it found (`healthy`, `unhealthy`); no step, verify or rollback ran. Absent on every other run.","const":true},"target":{"description":"What the run acts on (`remediate run --target`): a short label such as a host or service name. The circuit breaker counts runs per target; runs without one count as one target.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$"},"targetFacts":{"description":"Facts about the target the steps received as TARGET_<NAME> variables (the targets file's `facts` for `target`, through the Action's `target-facts` input or `remediate run --target-facts`), with secret values redacted. Absent when there were none, and on a refusal.","type":"object","maxProperties":32,"propertyNames":{"pattern":"^[a-z][a-z0-9_]{0,62}$"},"additionalProperties":{"type":"string","maxLength":4096}},"idempotencyKey":{"description":"The alert's idempotency key, verbatim: `remediate run --idempotency-key`, or in a GitHub job derived from the repository_dispatch payload's `alert` (`id`, else `fingerprint` + `@` + `startsAt`). A later run of this remediation (any version) with the same key is refused as DUPLICATE_ALERT once this run's fix stage started.","type":"string","pattern":"^[!-~]{1,256}$"},"circuitBreaker":{"description":"Set when the definition declares a `circuit-breaker` (its policy is in the signed definition): how many earlier runs it counted within its window when this run started, and whether `--ignore-circuit-breaker` let the run pass it. A run refused with CIRCUIT_OPEN has `ignored: false` and `counted` at or over `max-runs`.","type":"object","additionalProperties":false,"required":["counted","ignored"],"properties":{"counted":{"description":"Runs of this remediation (any version; same target with `per: target`) whose fix stage started within the window, this run not included.","type":"integer","minimum":0},"ignored":{"description":"Whether --ignore-circuit-breaker was given.","type":"boolean"}}},"replayOf":{"description":"Set when this run replays an earlier record (`remediate replay`, the Action's `replay-of`): the same version with the parameters that record holds, verified again as for any run. Names the record replayed directly (a replay of a replay names the replay). `authenticated` says whether an anchor outside that record (a run key's receipt, a snapshot digest given, an attestation) vouched for it; false only with `remediate replay --unanchored`.","type":"object","additionalProperties":false,"required":["runId","snapshotDigest","authenticated"],"properties":{"runId":{"description":"The replayed record's `runId`.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"},"snapshotDigest":{"description":"sha256 of the replayed record's snapshot.json as it was read and checked: compare it with that record's own snapshot digest.","$ref":"#/definitions/sha256Digest"},"authenticated":{"description":"Whether an anchor held when the replayed record was checked (see `remediate verify-run`).","type":"boolean"}}},"plan":{"description":"Set when the run was given an approved plan digest (the pack's approval mode): `approved` is the digest the plan job computed and the reviewer approved, `digest` the one this run computed from what it verified (remediation, commit, definition digest, parameters digest, manifest serial, target, force, check-only; core/plan-digest.ts). Equal in a run that went ahead; a PLAN_CHANGED refusal records both.","type":"object","additionalProperties":false,"required":["digest","approved"],"properties":{"digest":{"$ref":"#/definitions/sha256Digest"},"approved":{"$ref":"#/definitions/sha256Digest"}}},"approval":{"description":"Set with `plan` on GitHub: the reviews of the workflow run's protected environments, as GitHub's approvals API listed them when the run started (`readAt`; the API gives no review times, and every review came before the job started), or why they could not be read.","type":"object","additionalProperties":false,"required":["readAt"],"properties":{"readAt":{"$ref":"#/definitions/isoTime"},"reviews":{"type":"array","maxItems":100,"items":{"type":"object","additionalProperties":false,"required":["state","user","environments","comment"],"properties":{"state":{"enum":["approved","rejected","pending"]},"user":{"type":"string","maxLength":100},"environments":{"type":"array","maxItems":50,"items":{"type":"string","maxLength":255}},"comment":{"type":"string","maxLength":4096}}}},"unavailable":{"type":"string","maxLength":1000}}},"trigger":{"description":"What started the run: a person at a terminal (`local`) or a GitHub Actions event (`github`).","type":"object","required":["kind"],"properties":{"kind":{"description":"`local` or `github`.","enum":["local","github"]}},"if":{"properties":{"kind":{"const":"github"}}},"then":{"$ref":"#/definitions/githubTrigger"},"else":{"$ref":"#/definitions/localTrigger"}},"runner":{"description":"The machine the run executed on.","type":"object","additionalProperties":false,"required":["os","arch","node"],"properties":{"os":{"description":"Node's `os.platform()` (e.g. linux, darwin, win32).","type":"string","minLength":1},"arch":{"description":"Node's `os.arch()` (e.g. x64, arm64).","type":"string","minLength":1},"node":{"description":"Node version running the tool (`process.version`, e.g. v24.1.0).","type":"string","pattern":"^v\\d+\\.\\d+\\.\\d+"},"name":{"description":"The GitHub Actions runner's name (RUNNER_NAME), on GitHub only.","type":"string","maxLength":256},"runnerOs":{"description":"The runner's operating system as GitHub reports it (RUNNER_OS: Linux, Windows, macOS), on GitHub only.","type":"string","maxLength":64}}},"tool":{"description":"The remediate build that ran and wrote this record.","type":"object","additionalProperties":false,"required":["name","version","bundleDigest"],"properties":{"name":{"description":"Always `remediate`.","const":"remediate"},"version":{"description":"Tool version (package version, no `v`).","type":"string","pattern":"^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$"},"bundleDigest":{"description":"sha256 of the file the process executed (the bundled action or CLI entry).","$ref":"#/definitions/sha256Digest"}}},"started":{"description":"When the run started (UTC, ISO 8601 with milliseconds).","$ref":"#/definitions/isoTime"},"ended":{"description":"When the run ended; absent while running.","$ref":"#/definitions/isoTime"},"durationMs":{"description":"Wall-clock milliseconds from `started` to `ended`.","type":"integer","minimum":0},"check":{"description":"What the check stage concluded: `healthy` (nothing to do), `drift` (a check exited 1: remediation needed), `forced` (healthy, but --force), `none` (the definition has no check), `error` (a check step failed otherwise; nothing was changed). Absent when refused, or stopped during the check.","enum":["healthy","drift","forced","none","error"]},"rollback":{"description":"`not-needed` (steps and verify passed), `succeeded`/`failed` (a step or verify failed and the rollback stage ran), `none` (a step failed and the definition has no rollback, or the run was stopped: rollback is skipped on cancellation). Absent when no step stage ran (refused, healthy, check error).","enum":["not-needed","succeeded","failed","none"]},"steps":{"description":"Every step that started, in order, across the check, steps, verify and rollback stages.","type":"array","items":{"$ref":"#/definitions/step"}},"definition":{"description":"The copy of the verified definition's files in this record folder: `definition.tar`, a POSIX ustar file (owner 0, mtime 0, sorted by path, modes 0644/0755 as in git) holding each file byte for byte, covered by the run receipt. A file is copied when it is at most 4 MiB, the copies stay within 16 MiB in all, and its path fits ustar (255 bytes); the others are listed in `omitted` and identified only by their sha256 in `remediation.files`. Absent when the run was refused.","type":"object","additionalProperties":false,"required":["file","omitted"],"properties":{"file":{"description":"The bundle's file name in the record folder.","const":"definition.tar"},"omitted":{"description":"Paths (as in `remediation.files`) not copied into the bundle.","type":"array","uniqueItems":true,"items":{"type":"string","minLength":1}}}},"outputs":{"description":"The run's declared outputs (definition `outputs`), taken from steps' REMEDIATION_OUTPUT; secrets redacted.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":"string"}},"log":{"description":"Summary of the hash-chained run.log. `{file, complete: false}` until the run ends; then the byte count, block count and chain head that verify-run compares run.log and run.log.chain against.","type":"object","required":["file"],"properties":{"file":{"description":"Always `run.log`, relative to the record folder.","const":"run.log"}},"if":{"required":["complete"],"properties":{"complete":true}},"then":{"$ref":"#/definitions/logOpen"},"else":{"$ref":"#/definitions/logClosed"}}},"allOf":[{"$comment":"A refusal happens before anything runs: only the requested reference, the refusal and the log.","if":{"required":["status"],"properties":{"status":{"const":"refused"}}},"then":{"required":["error"],"properties":{"error":true,"remediation":{"type":"object","properties":{"commit":false,"digest":false,"files":false}},"manifest":false,"params":false,"targetFacts":false,"definition":false,"check":false,"rollback":false,"secrets":{"type":"array","maxItems":0},"steps":{"type":"array","maxItems":0},"outputs":{"type":"object","maxProperties":0}}},"else":{"required":["params"],"properties":{"params":true,"remediation":{"type":"object","required":["digest","files"],"properties":{"digest":true,"files":true}}}}},{"$comment":"`remediate try` ran the working tree: nothing was verified, so the record names no commit, manifest, replay or approved plan, and its version is v0.0.0-unreleased. Every other run that was not refused names the commit and the manifest that vouched for it.","if":{"required":["unreleased"],"properties":{"unreleased":{"const":true}}},"then":{"properties":{"remediation":{"type":"object","properties":{"version":{"const":"v0.0.0-unreleased"},"commit":false}},"manifest":false,"replayOf":false,"plan":false,"approval":false}},"else":{"if":{"required":["status"],"properties":{"status":{"const":"refused"}}},"else":{"required":["manifest"],"properties":{"manifest":true,"remediation":{"type":"object","required":["commit"],"properties":{"commit":true}}}}}},{"$comment":"The snapshot is saved as `running` (log open) during the run and once more, final, when the log is closed.","if":{"required":["status"],"properties":{"status":{"const":"running"}}},"then":{"properties":{"ended":false,"durationMs":false,"log":{"type":"object","required":["complete"],"properties":{"complete":true}}}}},{"if":{"required":["status"],"properties":{"status":{"enum":["succeeded","healthy","unhealthy","failed","cancelled","timed-out","crashed"]}}},"then":{"required":["ended","durationMs"],"properties":{"ended":true,"durationMs":true}}},{"$comment":"A run that ended on its own closed its log. Only `cancelled` and `crashed` may keep an open log: the Action's post step closes the snapshot of a main step that was killed, and the log stays the valid prefix it is.","if":{"required":["status"],"properties":{"status":{"enum":["succeeded","healthy","unhealthy","failed","timed-out"]}}},"then":{"properties":{"log":{"type":"object","required":["bytes","blocks","head"],"properties":{"bytes":true,"blocks":true,"head":true}}}}},{"$comment":"finish() stamps `ended` before it closes the log.","if":{"required":["log"],"properties":{"log":{"type":"object","required":["head"],"properties":{"head":true}}}},"then":{"required":["ended","durationMs"],"properties":{"ended":true,"durationMs":true}}},{"if":{"required":["status"],"properties":{"status":{"const":"succeeded"}}},"then":{"required":["check","rollback"],"properties":{"check":{"enum":["none","drift","forced"]},"rollback":{"const":"not-needed"}}}},{"if":{"required":["status"],"properties":{"status":{"const":"healthy"}}},"then":{"required":["check"],"properties":{"check":{"const":"healthy"},"rollback":false}}},{"$comment":"Only a check-only run ends `unhealthy`: its check found drift (or there is no check).","if":{"required":["status"],"properties":{"status":{"const":"unhealthy"}}},"then":{"required":["check","checkOnly"],"properties":{"check":{"enum":["drift","none"]},"checkOnly":true,"rollback":false}}},{"$comment":"A check-only run runs nothing but its check: never forced, never a fix, verify or rollback step.","if":{"required":["checkOnly"],"properties":{"checkOnly":true}},"then":{"properties":{"status":{"not":{"const":"succeeded"}},"forced":{"const":false},"check":{"not":{"const":"forced"}},"rollback":false,"steps":{"type":"array","items":{"type":"object","properties":{"stage":{"const":"check"}}}}}}},{"if":{"required":["status"],"properties":{"status":{"enum":["failed","crashed"]}}},"then":{"required":["error"],"properties":{"error":true}}},{"$comment":"Only --force turns a healthy check into a remediation.","if":{"required":["check"],"properties":{"check":{"const":"forced"}}},"then":{"properties":{"forced":{"const":true}}}},{"$comment":"A step's `ended` is stamped when it finishes; an engine crash can leave the running step with `ended: \"\"`.","if":{"required":["status"],"properties":{"status":{"not":{"const":"crashed"}}}},"then":{"properties":{"steps":{"type":"array","items":{"type":"object","properties":{"ended":{"$ref":"#/definitions/isoTime"}}}}}}}],"definitions":{"sha256Digest":{"description":"`sha256:` and 64 lower-case hex digits.","type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"hex64":{"description":"64 lower-case hex digits.","type":"string","pattern":"^[0-9a-f]{64}$"},"commit":{"description":"A full git object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.","type":"string","pattern":"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"},"isoTime":{"description":"A UTC time as JavaScript's toISOString() writes it, e.g. 2025-01-01T12:00:00.000Z.","type":"string","pattern":"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},"remediationName":{"description":"Lower-case letters, digits and `-`, at most 64.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},"version":{"description":"An exact semantic version with a `v` prefix.","type":"string","pattern":"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"},"localTrigger":{"type":"object","additionalProperties":false,"required":["kind","user","host"],"properties":{"kind":{"description":"`local`: started from a terminal.","const":"local"},"user":{"description":"OS user name that ran the command.","type":"string"},"host":{"description":"Host name of the machine.","type":"string"}}},"githubTrigger":{"type":"object","additionalProperties":false,"required":["kind","event","runId","attempt","actor","workflowRef","repository"],"properties":{"kind":{"description":"`github`: started by a GitHub Actions workflow.","const":"github"},"event":{"description":"GITHUB_EVENT_NAME (e.g. workflow_dispatch, repository_dispatch, schedule), or `unknown`.","type":"string"},"action":{"description":"The event payload's `action`, when it has one (at most 100 characters).","type":"string","maxLength":100},"runId":{"description":"GITHUB_RUN_ID, or `unknown`.","type":"string"},"attempt":{"description":"GITHUB_RUN_ATTEMPT (default 1).","type":"string"},"actor":{"description":"GITHUB_ACTOR: who triggered the workflow, or `unknown`.","type":"string"},"workflowRef":{"description":"GITHUB_WORKFLOW_REF: the workflow file and ref that ran, or `unknown`.","type":"string"},"repository":{"description":"GITHUB_REPOSITORY (owner/name), or `unknown`.","type":"string"},"payloadDigest":{"description":"sha256 of the event payload file; the payload itself is not stored.","$ref":"#/definitions/sha256Digest"}}},"logOpen":{"type":"object","additionalProperties":false,"required":["file","complete"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"complete":{"description":"Always false: the log is still being written (or the writer was killed).","const":false},"bytes":{"description":"Set when the Action's post step closed the record of a killed main step: the bytes of run.log its chain covered then (its valid prefix), pinned with `blocks` and `head`.","type":"integer","minimum":0},"blocks":{"description":"Chain blocks of that prefix.","type":"integer","minimum":0},"head":{"description":"Chain head of that prefix.","$ref":"#/definitions/hex64"}},"dependencies":{"bytes":["blocks","head"],"blocks":["bytes","head"],"head":["bytes","blocks"]}},"logClosed":{"type":"object","additionalProperties":false,"required":["file","bytes","blocks","head"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"bytes":{"description":"Length of run.log in bytes, all covered by the chain.","type":"integer","minimum":0},"blocks":{"description":"Number of lines (blocks) in run.log.chain.","type":"integer","minimum":0},"head":{"description":"`chain` of the last line of run.log.chain (64 zeros for an empty log).","$ref":"#/definitions/hex64"}}},"step":{"description":"One step and all its attempts.","type":"object","additionalProperties":false,"required":["stage","id","started","ended","durationMs","attempts","exitCode","signal","outcome","continueOnError","outputs","log"],"properties":{"stage":{"description":"Stage the step belongs to.","enum":["check","steps","verify","rollback"]},"id":{"description":"Step id from the definition.","type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"description":"Step name from the definition, when it has one.","type":"string","maxLength":200},"started":{"description":"When the step started.","$ref":"#/definitions/isoTime"},"ended":{"description":"When the step's last attempt ended. Empty only in a `crashed` run, for the step the engine was running when it failed.","type":"string","pattern":"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"},"durationMs":{"description":"Wall-clock milliseconds over all attempts, including retry delays.","type":"integer","minimum":0},"attempts":{"description":"Attempts made (1 + retries at most; 0 if the run was stopped before the first).","type":"integer","minimum":0,"maximum":11},"exitCode":{"description":"Exit code of the last attempt; null if it was killed by a signal or never started.","type":["integer","null"],"minimum":0,"maximum":255},"signal":{"description":"Signal that ended the last attempt (e.g. SIGKILL), or null.","type":["string","null"],"pattern":"^SIG[A-Z0-9]+$"},"outcome":{"description":"How the step ended: `succeeded` (exit 0), `failed`, `timed-out`, `cancelled`, or `drift` (a check step that exited 1: remediation needed).","enum":["succeeded","failed","timed-out","cancelled","drift"]},"continueOnError":{"description":"Whether the definition let the run continue past this step's failure.","type":"boolean"},"outputs":{"description":"Key/value outputs the step wrote to REMEDIATION_OUTPUT (kept even from a failed attempt); secrets redacted.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]{0,99}$"},"additionalProperties":{"type":"string"}},"log":{"description":"Byte range of run.log holding this step's markers and output; `end` is exclusive.","type":"object","additionalProperties":false,"required":["start","end"],"properties":{"start":{"description":"Offset of the step's first byte in run.log.","type":"integer","minimum":0},"end":{"description":"Offset just past the step's last byte in run.log.","type":"integer","minimum":0}}},"error":{"description":"Why the process could not be started (spawning failed, or its copy of the definition changed before it started), why the engine stopped it (`stopped: ...`: the record could not be written), or the engine fault around it; secrets redacted.","type":"string"}}}}};const schema12 = {"description":"A UTC time as JavaScript's toISOString() writes it, e.g. 2025-01-01T12:00:00.000Z.","type":"string","pattern":"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"};const schema13 = {"description":"Lower-case letters, digits and `-`, at most 64.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"};const schema14 = {"description":"An exact semantic version with a `v` prefix.","type":"string","pattern":"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"};const schema15 = {"description":"A full git object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.","type":"string","pattern":"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"};const schema16 = {"description":"`sha256:` and 64 lower-case hex digits.","type":"string","pattern":"^sha256:[0-9a-f]{64}$"};const schema17 = {"description":"64 lower-case hex digits.","type":"string","pattern":"^[0-9a-f]{64}$"};const schema27 = {"type":"object","additionalProperties":false,"required":["kind","user","host"],"properties":{"kind":{"description":"`local`: started from a terminal.","const":"local"},"user":{"description":"OS user name that ran the command.","type":"string"},"host":{"description":"Host name of the machine.","type":"string"}}};const pattern0 = new RegExp("^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$", "u");const pattern1 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", "u");const pattern2 = new RegExp("^[A-Z][A-Z0-9_]{0,63}$", "u");const pattern3 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", "u");const pattern4 = new RegExp("^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$", "u");const pattern5 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$", "u");const pattern6 = new RegExp("^(?:[0-9a-f]{40}|[0-9a-f]{64})$", "u");const pattern7 = new RegExp("^sha256:[0-9a-f]{64}$", "u");const pattern8 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$", "u");const pattern9 = new RegExp("^[0-9a-f]{64}$", "u");const pattern12 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");const pattern14 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,127}$", "u");const pattern15 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$", "u");const pattern16 = new RegExp("^[a-z][a-z0-9_]{0,62}$", "u");const pattern17 = new RegExp("^[!-~]{1,256}$", "u");const pattern24 = new RegExp("^v\\d+\\.\\d+\\.\\d+", "u");const pattern25 = new RegExp("^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$", "u");const func2 = Object.prototype.hasOwnProperty;const func3 = runtime(ucs2length);const func0 = runtime(equal);const schema25 = {"type":"object","additionalProperties":false,"required":["kind","event","runId","attempt","actor","workflowRef","repository"],"properties":{"kind":{"description":"`github`: started by a GitHub Actions workflow.","const":"github"},"event":{"description":"GITHUB_EVENT_NAME (e.g. workflow_dispatch, repository_dispatch, schedule), or `unknown`.","type":"string"},"action":{"description":"The event payload's `action`, when it has one (at most 100 characters).","type":"string","maxLength":100},"runId":{"description":"GITHUB_RUN_ID, or `unknown`.","type":"string"},"attempt":{"description":"GITHUB_RUN_ATTEMPT (default 1).","type":"string"},"actor":{"description":"GITHUB_ACTOR: who triggered the workflow, or `unknown`.","type":"string"},"workflowRef":{"description":"GITHUB_WORKFLOW_REF: the workflow file and ref that ran, or `unknown`.","type":"string"},"repository":{"description":"GITHUB_REPOSITORY (owner/name), or `unknown`.","type":"string"},"payloadDigest":{"description":"sha256 of the event payload file; the payload itself is not stored.","$ref":"#/definitions/sha256Digest"}}};function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.kind === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.event === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event"},message:"must have required property '"+"event"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.runId === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runId"},message:"must have required property '"+"runId"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.attempt === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attempt"},message:"must have required property '"+"attempt"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.actor === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "actor"},message:"must have required property '"+"actor"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.workflowRef === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "workflowRef"},message:"must have required property '"+"workflowRef"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.repository === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "repository"},message:"must have required property '"+"repository"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key0 in data){if(!(func2.call(schema25.properties, key0))){const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.kind !== undefined){let data0 = data.kind;if("github" !== data0){const err8 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "github"},message:"must be equal to constant",schema:"github",parentSchema:schema25.properties.kind,data:data0};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.event !== undefined){let data1 = data.event;if(typeof data1 !== "string"){const err9 = {instancePath:instancePath+"/event",schemaPath:"#/properties/event/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.event.type,parentSchema:schema25.properties.event,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.action !== undefined){let data2 = data.action;if(typeof data2 === "string"){if(func3(data2) > 100){const err10 = {instancePath:instancePath+"/action",schemaPath:"#/properties/action/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema25.properties.action,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/action",schemaPath:"#/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.action.type,parentSchema:schema25.properties.action,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.runId !== undefined){let data3 = data.runId;if(typeof data3 !== "string"){const err12 = {instancePath:instancePath+"/runId",schemaPath:"#/properties/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.runId.type,parentSchema:schema25.properties.runId,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.attempt !== undefined){let data4 = data.attempt;if(typeof data4 !== "string"){const err13 = {instancePath:instancePath+"/attempt",schemaPath:"#/properties/attempt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.attempt.type,parentSchema:schema25.properties.attempt,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.actor !== undefined){let data5 = data.actor;if(typeof data5 !== "string"){const err14 = {instancePath:instancePath+"/actor",schemaPath:"#/properties/actor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.actor.type,parentSchema:schema25.properties.actor,data:data5};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.workflowRef !== undefined){let data6 = data.workflowRef;if(typeof data6 !== "string"){const err15 = {instancePath:instancePath+"/workflowRef",schemaPath:"#/properties/workflowRef/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.workflowRef.type,parentSchema:schema25.properties.workflowRef,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.repository !== undefined){let data7 = data.repository;if(typeof data7 !== "string"){const err16 = {instancePath:instancePath+"/repository",schemaPath:"#/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.repository.type,parentSchema:schema25.properties.repository,data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.payloadDigest !== undefined){let data8 = data.payloadDigest;if(typeof data8 === "string"){if(!pattern7.test(data8)){const err17 = {instancePath:instancePath+"/payloadDigest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/payloadDigest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}validate11.errors = vErrors;return errors === 0;}const schema31 = {"description":"One step and all its attempts.","type":"object","additionalProperties":false,"required":["stage","id","started","ended","durationMs","attempts","exitCode","signal","outcome","continueOnError","outputs","log"],"properties":{"stage":{"description":"Stage the step belongs to.","enum":["check","steps","verify","rollback"]},"id":{"description":"Step id from the definition.","type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"description":"Step name from the definition, when it has one.","type":"string","maxLength":200},"started":{"description":"When the step started.","$ref":"#/definitions/isoTime"},"ended":{"description":"When the step's last attempt ended. Empty only in a `crashed` run, for the step the engine was running when it failed.","type":"string","pattern":"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"},"durationMs":{"description":"Wall-clock milliseconds over all attempts, including retry delays.","type":"integer","minimum":0},"attempts":{"description":"Attempts made (1 + retries at most; 0 if the run was stopped before the first).","type":"integer","minimum":0,"maximum":11},"exitCode":{"description":"Exit code of the last attempt; null if it was killed by a signal or never started.","type":["integer","null"],"minimum":0,"maximum":255},"signal":{"description":"Signal that ended the last attempt (e.g. SIGKILL), or null.","type":["string","null"],"pattern":"^SIG[A-Z0-9]+$"},"outcome":{"description":"How the step ended: `succeeded` (exit 0), `failed`, `timed-out`, `cancelled`, or `drift` (a check step that exited 1: remediation needed).","enum":["succeeded","failed","timed-out","cancelled","drift"]},"continueOnError":{"description":"Whether the definition let the run continue past this step's failure.","type":"boolean"},"outputs":{"description":"Key/value outputs the step wrote to REMEDIATION_OUTPUT (kept even from a failed attempt); secrets redacted.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]{0,99}$"},"additionalProperties":{"type":"string"}},"log":{"description":"Byte range of run.log holding this step's markers and output; `end` is exclusive.","type":"object","additionalProperties":false,"required":["start","end"],"properties":{"start":{"description":"Offset of the step's first byte in run.log.","type":"integer","minimum":0},"end":{"description":"Offset just past the step's last byte in run.log.","type":"integer","minimum":0}}},"error":{"description":"Why the process could not be started (spawning failed, or its copy of the definition changed before it started), why the engine stopped it (`stopped: ...`: the record could not be written), or the engine fault around it; secrets redacted.","type":"string"}}};const pattern31 = new RegExp("^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$", "u");const pattern32 = new RegExp("^SIG[A-Z0-9]+$", "u");const pattern33 = new RegExp("^[A-Za-z_][A-Za-z0-9_-]{0,99}$", "u");function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.stage === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "stage"},message:"must have required property '"+"stage"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.id === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.started === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "started"},message:"must have required property '"+"started"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.ended === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ended"},message:"must have required property '"+"ended"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.durationMs === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "durationMs"},message:"must have required property '"+"durationMs"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.attempts === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attempts"},message:"must have required property '"+"attempts"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.exitCode === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "exitCode"},message:"must have required property '"+"exitCode"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(data.signal === undefined){const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "signal"},message:"must have required property '"+"signal"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data.outcome === undefined){const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "outcome"},message:"must have required property '"+"outcome"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data.continueOnError === undefined){const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "continueOnError"},message:"must have required property '"+"continueOnError"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data.outputs === undefined){const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "outputs"},message:"must have required property '"+"outputs"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data.log === undefined){const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "log"},message:"must have required property '"+"log"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}for(const key0 in data){if(!(func2.call(schema31.properties, key0))){const err12 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.stage !== undefined){let data0 = data.stage;if(!((((data0 === "check") || (data0 === "steps")) || (data0 === "verify")) || (data0 === "rollback"))){const err13 = {instancePath:instancePath+"/stage",schemaPath:"#/properties/stage/enum",keyword:"enum",params:{allowedValues: schema31.properties.stage.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.stage.enum,parentSchema:schema31.properties.stage,data:data0};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.id !== undefined){let data1 = data.id;if(typeof data1 === "string"){if(!pattern12.test(data1)){const err14 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema31.properties.id,data:data1};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.id.type,parentSchema:schema31.properties.id,data:data1};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.name !== undefined){let data2 = data.name;if(typeof data2 === "string"){if(func3(data2) > 200){const err16 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema31.properties.name,data:data2};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.name.type,parentSchema:schema31.properties.name,data:data2};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.started !== undefined){let data3 = data.started;if(typeof data3 === "string"){if(!pattern0.test(data3)){const err18 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.ended !== undefined){let data4 = data.ended;if(typeof data4 === "string"){if(!pattern31.test(data4)){const err20 = {instancePath:instancePath+"/ended",schemaPath:"#/properties/ended/pattern",keyword:"pattern",params:{pattern: "^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"},message:"must match pattern \""+"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"+"\"",schema:"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$",parentSchema:schema31.properties.ended,data:data4};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/ended",schemaPath:"#/properties/ended/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.ended.type,parentSchema:schema31.properties.ended,data:data4};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data.durationMs !== undefined){let data5 = data.durationMs;if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){const err22 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.durationMs.type,parentSchema:schema31.properties.durationMs,data:data5};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if((typeof data5 == "number") && (isFinite(data5))){if(data5 < 0 || isNaN(data5)){const err23 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.durationMs,data:data5};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}if(data.attempts !== undefined){let data6 = data.attempts;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err24 = {instancePath:instancePath+"/attempts",schemaPath:"#/properties/attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.attempts.type,parentSchema:schema31.properties.attempts,data:data6};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 11 || isNaN(data6)){const err25 = {instancePath:instancePath+"/attempts",schemaPath:"#/properties/attempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 11},message:"must be <= 11",schema:11,parentSchema:schema31.properties.attempts,data:data6};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if(data6 < 0 || isNaN(data6)){const err26 = {instancePath:instancePath+"/attempts",schemaPath:"#/properties/attempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.attempts,data:data6};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}if(data.exitCode !== undefined){let data7 = data.exitCode;if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){const err27 = {instancePath:instancePath+"/exitCode",schemaPath:"#/properties/exitCode/type",keyword:"type",params:{type: schema31.properties.exitCode.type},message:"must be integer,null",schema:schema31.properties.exitCode.type,parentSchema:schema31.properties.exitCode,data:data7};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if((typeof data7 == "number") && (isFinite(data7))){if(data7 > 255 || isNaN(data7)){const err28 = {instancePath:instancePath+"/exitCode",schemaPath:"#/properties/exitCode/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema31.properties.exitCode,data:data7};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(data7 < 0 || isNaN(data7)){const err29 = {instancePath:instancePath+"/exitCode",schemaPath:"#/properties/exitCode/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.exitCode,data:data7};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}if(data.signal !== undefined){let data8 = data.signal;if((typeof data8 !== "string") && (data8 !== null)){const err30 = {instancePath:instancePath+"/signal",schemaPath:"#/properties/signal/type",keyword:"type",params:{type: schema31.properties.signal.type},message:"must be string,null",schema:schema31.properties.signal.type,parentSchema:schema31.properties.signal,data:data8};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(typeof data8 === "string"){if(!pattern32.test(data8)){const err31 = {instancePath:instancePath+"/signal",schemaPath:"#/properties/signal/pattern",keyword:"pattern",params:{pattern: "^SIG[A-Z0-9]+$"},message:"must match pattern \""+"^SIG[A-Z0-9]+$"+"\"",schema:"^SIG[A-Z0-9]+$",parentSchema:schema31.properties.signal,data:data8};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}if(data.outcome !== undefined){let data9 = data.outcome;if(!(((((data9 === "succeeded") || (data9 === "failed")) || (data9 === "timed-out")) || (data9 === "cancelled")) || (data9 === "drift"))){const err32 = {instancePath:instancePath+"/outcome",schemaPath:"#/properties/outcome/enum",keyword:"enum",params:{allowedValues: schema31.properties.outcome.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.outcome.enum,parentSchema:schema31.properties.outcome,data:data9};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data.continueOnError !== undefined){let data10 = data.continueOnError;if(typeof data10 !== "boolean"){const err33 = {instancePath:instancePath+"/continueOnError",schemaPath:"#/properties/continueOnError/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema31.properties.continueOnError.type,parentSchema:schema31.properties.continueOnError,data:data10};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.outputs !== undefined){let data11 = data.outputs;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){for(const key1 in data11){const _errs25 = errors;if(typeof key1 === "string"){if(!pattern33.test(key1)){const err34 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]{0,99}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]{0,99}$",parentSchema:schema31.properties.outputs.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}var valid2 = _errs25 === errors;if(!valid2){const err35 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema31.properties.outputs.propertyNames,parentSchema:schema31.properties.outputs,data:data11};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}for(const key2 in data11){let data12 = data11[key2];if(typeof data12 !== "string"){const err36 = {instancePath:instancePath+"/outputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.outputs.additionalProperties.type,parentSchema:schema31.properties.outputs.additionalProperties,data:data12};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}}else {const err37 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.outputs.type,parentSchema:schema31.properties.outputs,data:data11};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data.log !== undefined){let data13 = data.log;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.start === undefined){const err38 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'",schema:schema31.properties.log.required,parentSchema:schema31.properties.log,data:data13};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}if(data13.end === undefined){const err39 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'",schema:schema31.properties.log.required,parentSchema:schema31.properties.log,data:data13};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}for(const key3 in data13){if(!((key3 === "start") || (key3 === "end"))){const err40 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.log,data:data13};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data13.start !== undefined){let data14 = data13.start;if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err41 = {instancePath:instancePath+"/log/start",schemaPath:"#/properties/log/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.log.properties.start.type,parentSchema:schema31.properties.log.properties.start,data:data14};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 < 0 || isNaN(data14)){const err42 = {instancePath:instancePath+"/log/start",schemaPath:"#/properties/log/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.log.properties.start,data:data14};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}}if(data13.end !== undefined){let data15 = data13.end;if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){const err43 = {instancePath:instancePath+"/log/end",schemaPath:"#/properties/log/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.log.properties.end.type,parentSchema:schema31.properties.log.properties.end,data:data15};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}if((typeof data15 == "number") && (isFinite(data15))){if(data15 < 0 || isNaN(data15)){const err44 = {instancePath:instancePath+"/log/end",schemaPath:"#/properties/log/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.log.properties.end,data:data15};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}}else {const err45 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.log.type,parentSchema:schema31.properties.log,data:data13};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data.error !== undefined){let data16 = data.error;if(typeof data16 !== "string"){const err46 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.error.type,parentSchema:schema31.properties.error,data:data16};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}}else {const err47 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}validate13.errors = vErrors;return errors === 0;}const schema33 = {"type":"object","additionalProperties":false,"required":["file","complete"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"complete":{"description":"Always false: the log is still being written (or the writer was killed).","const":false},"bytes":{"description":"Set when the Action's post step closed the record of a killed main step: the bytes of run.log its chain covered then (its valid prefix), pinned with `blocks` and `head`.","type":"integer","minimum":0},"blocks":{"description":"Chain blocks of that prefix.","type":"integer","minimum":0},"head":{"description":"Chain head of that prefix.","$ref":"#/definitions/hex64"}},"dependencies":{"bytes":["blocks","head"],"blocks":["bytes","head"],"head":["bytes","blocks"]}};function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.file === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema33.required,parentSchema:schema33,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.complete === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "complete"},message:"must have required property '"+"complete"+"'",schema:schema33.required,parentSchema:schema33,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((((key0 === "file") || (key0 === "complete")) || (key0 === "bytes")) || (key0 === "blocks")) || (key0 === "head"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.bytes !== undefined){if(data.blocks === undefined){const err3 = {instancePath,schemaPath:"#/dependencies",keyword:"dependencies",params:{property: "bytes",
    missingProperty: "blocks",
    depsCount: 2,
    deps: "blocks, head"},message:"must have properties blocks, head when property bytes is present",schema:schema33.dependencies,parentSchema:schema33,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.head === undefined){const err4 = {instancePath,schemaPath:"#/dependencies",keyword:"dependencies",params:{property: "bytes",
    missingProperty: "head",
    depsCount: 2,
    deps: "blocks, head"},message:"must have properties blocks, head when property bytes is present",schema:schema33.dependencies,parentSchema:schema33,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.blocks !== undefined){if(data.bytes === undefined){const err5 = {instancePath,schemaPath:"#/dependencies",keyword:"dependencies",params:{property: "blocks",
    missingProperty: "bytes",
    depsCount: 2,
    deps: "bytes, head"},message:"must have properties bytes, head when property blocks is present",schema:schema33.dependencies,parentSchema:schema33,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.head === undefined){const err6 = {instancePath,schemaPath:"#/dependencies",keyword:"dependencies",params:{property: "blocks",
    missingProperty: "head",
    depsCount: 2,
    deps: "bytes, head"},message:"must have properties bytes, head when property blocks is present",schema:schema33.dependencies,parentSchema:schema33,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.head !== undefined){if(data.bytes === undefined){const err7 = {instancePath,schemaPath:"#/dependencies",keyword:"dependencies",params:{property: "head",
    missingProperty: "bytes",
    depsCount: 2,
    deps: "bytes, blocks"},message:"must have properties bytes, blocks when property head is present",schema:schema33.dependencies,parentSchema:schema33,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data.blocks === undefined){const err8 = {instancePath,schemaPath:"#/dependencies",keyword:"dependencies",params:{property: "head",
    missingProperty: "blocks",
    depsCount: 2,
    deps: "bytes, blocks"},message:"must have properties bytes, blocks when property head is present",schema:schema33.dependencies,parentSchema:schema33,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.file !== undefined){let data0 = data.file;if("run.log" !== data0){const err9 = {instancePath:instancePath+"/file",schemaPath:"#/properties/file/const",keyword:"const",params:{allowedValue: "run.log"},message:"must be equal to constant",schema:"run.log",parentSchema:schema33.properties.file,data:data0};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.complete !== undefined){let data1 = data.complete;if(false !== data1){const err10 = {instancePath:instancePath+"/complete",schemaPath:"#/properties/complete/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema33.properties.complete,data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.bytes !== undefined){let data2 = data.bytes;if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){const err11 = {instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bytes.type,parentSchema:schema33.properties.bytes,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if((typeof data2 == "number") && (isFinite(data2))){if(data2 < 0 || isNaN(data2)){const err12 = {instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.bytes,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}if(data.blocks !== undefined){let data3 = data.blocks;if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){const err13 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.blocks.type,parentSchema:schema33.properties.blocks,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if((typeof data3 == "number") && (isFinite(data3))){if(data3 < 0 || isNaN(data3)){const err14 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.blocks,data:data3};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}if(data.head !== undefined){let data4 = data.head;if(typeof data4 === "string"){if(!pattern9.test(data4)){const err15 = {instancePath:instancePath+"/head",schemaPath:"#/definitions/hex64/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:schema17,data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/head",schemaPath:"#/definitions/hex64/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data4};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}validate15.errors = vErrors;return errors === 0;}const schema35 = {"type":"object","additionalProperties":false,"required":["file","bytes","blocks","head"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"bytes":{"description":"Length of run.log in bytes, all covered by the chain.","type":"integer","minimum":0},"blocks":{"description":"Number of lines (blocks) in run.log.chain.","type":"integer","minimum":0},"head":{"description":"`chain` of the last line of run.log.chain (64 zeros for an empty log).","$ref":"#/definitions/hex64"}}};function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.file === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema35.required,parentSchema:schema35,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.bytes === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bytes"},message:"must have required property '"+"bytes"+"'",schema:schema35.required,parentSchema:schema35,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.blocks === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "blocks"},message:"must have required property '"+"blocks"+"'",schema:schema35.required,parentSchema:schema35,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.head === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "head"},message:"must have required property '"+"head"+"'",schema:schema35.required,parentSchema:schema35,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key0 in data){if(!((((key0 === "file") || (key0 === "bytes")) || (key0 === "blocks")) || (key0 === "head"))){const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.file !== undefined){let data0 = data.file;if("run.log" !== data0){const err5 = {instancePath:instancePath+"/file",schemaPath:"#/properties/file/const",keyword:"const",params:{allowedValue: "run.log"},message:"must be equal to constant",schema:"run.log",parentSchema:schema35.properties.file,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.bytes !== undefined){let data1 = data.bytes;if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){const err6 = {instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.bytes.type,parentSchema:schema35.properties.bytes,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if((typeof data1 == "number") && (isFinite(data1))){if(data1 < 0 || isNaN(data1)){const err7 = {instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.bytes,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}if(data.blocks !== undefined){let data2 = data.blocks;if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){const err8 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.blocks.type,parentSchema:schema35.properties.blocks,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if((typeof data2 == "number") && (isFinite(data2))){if(data2 < 0 || isNaN(data2)){const err9 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.blocks,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}if(data.head !== undefined){let data3 = data.head;if(typeof data3 === "string"){if(!pattern9.test(data3)){const err10 = {instancePath:instancePath+"/head",schemaPath:"#/definitions/hex64/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:schema17,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/head",schemaPath:"#/definitions/hex64/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}validate17.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://remediate.dev/schemas/run-snapshot-v1.json" */;let vErrors = null;let errors = 0;const _errs3 = errors;let valid1 = true;const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.status === undefined) && (missing0 = "status")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}else {if(data.status !== undefined){if("refused" !== data.status){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}}var _valid0 = _errs4 === errors;errors = _errs3;if(vErrors !== null){if(_errs3){vErrors.length = _errs3;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs6 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.error === undefined){const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:schema11.allOf[0].then.required,parentSchema:schema11.allOf[0].then,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.remediation !== undefined){let data1 = data.remediation;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.commit !== undefined){const err3 = {instancePath:instancePath+"/remediation/commit",schemaPath:"#/allOf/0/then/properties/remediation/properties/commit/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.remediation.properties.commit,data:data1.commit};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data1.digest !== undefined){const err4 = {instancePath:instancePath+"/remediation/digest",schemaPath:"#/allOf/0/then/properties/remediation/properties/digest/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.remediation.properties.digest,data:data1.digest};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data1.files !== undefined){const err5 = {instancePath:instancePath+"/remediation/files",schemaPath:"#/allOf/0/then/properties/remediation/properties/files/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.remediation.properties.files,data:data1.files};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/then/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[0].then.properties.remediation.type,parentSchema:schema11.allOf[0].then.properties.remediation,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.manifest !== undefined){const err7 = {instancePath:instancePath+"/manifest",schemaPath:"#/allOf/0/then/properties/manifest/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.manifest,data:data.manifest};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data.params !== undefined){const err8 = {instancePath:instancePath+"/params",schemaPath:"#/allOf/0/then/properties/params/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.params,data:data.params};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data.targetFacts !== undefined){const err9 = {instancePath:instancePath+"/targetFacts",schemaPath:"#/allOf/0/then/properties/targetFacts/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.targetFacts,data:data.targetFacts};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data.definition !== undefined){const err10 = {instancePath:instancePath+"/definition",schemaPath:"#/allOf/0/then/properties/definition/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.definition,data:data.definition};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data.check !== undefined){const err11 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/0/then/properties/check/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.check,data:data.check};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(data.rollback !== undefined){const err12 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/0/then/properties/rollback/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[0].then.properties.rollback,data:data.rollback};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(data.secrets !== undefined){let data11 = data.secrets;if(Array.isArray(data11)){if(data11.length > 0){const err13 = {instancePath:instancePath+"/secrets",schemaPath:"#/allOf/0/then/properties/secrets/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema11.allOf[0].then.properties.secrets,data:data11};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/secrets",schemaPath:"#/allOf/0/then/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.allOf[0].then.properties.secrets.type,parentSchema:schema11.allOf[0].then.properties.secrets,data:data11};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.steps !== undefined){let data12 = data.steps;if(Array.isArray(data12)){if(data12.length > 0){const err15 = {instancePath:instancePath+"/steps",schemaPath:"#/allOf/0/then/properties/steps/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema11.allOf[0].then.properties.steps,data:data12};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/steps",schemaPath:"#/allOf/0/then/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.allOf[0].then.properties.steps.type,parentSchema:schema11.allOf[0].then.properties.steps,data:data12};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.outputs !== undefined){let data13 = data.outputs;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(Object.keys(data13).length > 0){const err17 = {instancePath:instancePath+"/outputs",schemaPath:"#/allOf/0/then/properties/outputs/maxProperties",keyword:"maxProperties",params:{limit: 0},message:"must NOT have more than 0 properties",schema:0,parentSchema:schema11.allOf[0].then.properties.outputs,data:data13};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/outputs",schemaPath:"#/allOf/0/then/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[0].then.properties.outputs.type,parentSchema:schema11.allOf[0].then.properties.outputs,data:data13};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}var _valid0 = _errs6 === errors;valid1 = _valid0;ifClause0 = "then";}else {const _errs15 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.params === undefined){const err19 = {instancePath,schemaPath:"#/allOf/0/else/required",keyword:"required",params:{missingProperty: "params"},message:"must have required property '"+"params"+"'",schema:schema11.allOf[0].else.required,parentSchema:schema11.allOf[0].else,data};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if(data.remediation !== undefined){let data14 = data.remediation;if(data14 && typeof data14 == "object" && !Array.isArray(data14)){if(data14.digest === undefined){const err20 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/else/properties/remediation/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:schema11.allOf[0].else.properties.remediation.required,parentSchema:schema11.allOf[0].else.properties.remediation,data:data14};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(data14.files === undefined){const err21 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/else/properties/remediation/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.allOf[0].else.properties.remediation.required,parentSchema:schema11.allOf[0].else.properties.remediation,data:data14};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/else/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[0].else.properties.remediation.type,parentSchema:schema11.allOf[0].else.properties.remediation,data:data14};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}var _valid0 = _errs15 === errors;valid1 = _valid0;ifClause0 = "else";}if(!valid1){const err23 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema11.allOf[0].if,parentSchema:schema11.allOf[0],data};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}const _errs20 = errors;let valid6 = true;const _errs21 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing1;if((data.unreleased === undefined) && (missing1 = "unreleased")){const err24 = {};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}else {if(data.unreleased !== undefined){if(true !== data.unreleased){const err25 = {};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}}var _valid1 = _errs21 === errors;errors = _errs20;if(vErrors !== null){if(_errs20){vErrors.length = _errs20;}else {vErrors = null;}}let ifClause1;if(_valid1){const _errs23 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.remediation !== undefined){let data16 = data.remediation;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.version !== undefined){let data17 = data16.version;if("v0.0.0-unreleased" !== data17){const err26 = {instancePath:instancePath+"/remediation/version",schemaPath:"#/allOf/1/then/properties/remediation/properties/version/const",keyword:"const",params:{allowedValue: "v0.0.0-unreleased"},message:"must be equal to constant",schema:"v0.0.0-unreleased",parentSchema:schema11.allOf[1].then.properties.remediation.properties.version,data:data17};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data16.commit !== undefined){const err27 = {instancePath:instancePath+"/remediation/commit",schemaPath:"#/allOf/1/then/properties/remediation/properties/commit/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[1].then.properties.remediation.properties.commit,data:data16.commit};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/1/then/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[1].then.properties.remediation.type,parentSchema:schema11.allOf[1].then.properties.remediation,data:data16};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.manifest !== undefined){const err29 = {instancePath:instancePath+"/manifest",schemaPath:"#/allOf/1/then/properties/manifest/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[1].then.properties.manifest,data:data.manifest};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if(data.replayOf !== undefined){const err30 = {instancePath:instancePath+"/replayOf",schemaPath:"#/allOf/1/then/properties/replayOf/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[1].then.properties.replayOf,data:data.replayOf};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(data.plan !== undefined){const err31 = {instancePath:instancePath+"/plan",schemaPath:"#/allOf/1/then/properties/plan/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[1].then.properties.plan,data:data.plan};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}if(data.approval !== undefined){const err32 = {instancePath:instancePath+"/approval",schemaPath:"#/allOf/1/then/properties/approval/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[1].then.properties.approval,data:data.approval};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}var _valid1 = _errs23 === errors;valid6 = _valid1;ifClause1 = "then";}else {const _errs27 = errors;const _errs28 = errors;let valid10 = true;const _errs29 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing2;if((data.status === undefined) && (missing2 = "status")){const err33 = {};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}else {if(data.status !== undefined){if("refused" !== data.status){const err34 = {};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}}var _valid2 = _errs29 === errors;errors = _errs28;if(vErrors !== null){if(_errs28){vErrors.length = _errs28;}else {vErrors = null;}}if(!_valid2){const _errs31 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.manifest === undefined){const err35 = {instancePath,schemaPath:"#/allOf/1/else/else/required",keyword:"required",params:{missingProperty: "manifest"},message:"must have required property '"+"manifest"+"'",schema:schema11.allOf[1].else.else.required,parentSchema:schema11.allOf[1].else.else,data};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}if(data.remediation !== undefined){let data24 = data.remediation;if(data24 && typeof data24 == "object" && !Array.isArray(data24)){if(data24.commit === undefined){const err36 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/1/else/else/properties/remediation/required",keyword:"required",params:{missingProperty: "commit"},message:"must have required property '"+"commit"+"'",schema:schema11.allOf[1].else.else.properties.remediation.required,parentSchema:schema11.allOf[1].else.else.properties.remediation,data:data24};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/1/else/else/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[1].else.else.properties.remediation.type,parentSchema:schema11.allOf[1].else.else.properties.remediation,data:data24};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}}var _valid2 = _errs31 === errors;valid10 = _valid2;}if(!valid10){const err38 = {instancePath,schemaPath:"#/allOf/1/else/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema",schema:schema11.allOf[1].else.if,parentSchema:schema11.allOf[1].else,data};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}var _valid1 = _errs27 === errors;valid6 = _valid1;ifClause1 = "else";}if(!valid6){const err39 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: ifClause1},message:"must match \""+ifClause1+"\" schema",schema:schema11.allOf[1].if,parentSchema:schema11.allOf[1],data};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}const _errs36 = errors;let valid13 = true;const _errs37 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing3;if((data.status === undefined) && (missing3 = "status")){const err40 = {};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}else {if(data.status !== undefined){if("running" !== data.status){const err41 = {};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}}}var _valid3 = _errs37 === errors;errors = _errs36;if(vErrors !== null){if(_errs36){vErrors.length = _errs36;}else {vErrors = null;}}if(_valid3){const _errs39 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.ended !== undefined){const err42 = {instancePath:instancePath+"/ended",schemaPath:"#/allOf/2/then/properties/ended/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[2].then.properties.ended,data:data.ended};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}if(data.durationMs !== undefined){const err43 = {instancePath:instancePath+"/durationMs",schemaPath:"#/allOf/2/then/properties/durationMs/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[2].then.properties.durationMs,data:data.durationMs};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}if(data.log !== undefined){let data28 = data.log;if(data28 && typeof data28 == "object" && !Array.isArray(data28)){if(data28.complete === undefined){const err44 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/2/then/properties/log/required",keyword:"required",params:{missingProperty: "complete"},message:"must have required property '"+"complete"+"'",schema:schema11.allOf[2].then.properties.log.required,parentSchema:schema11.allOf[2].then.properties.log,data:data28};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}else {const err45 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/2/then/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[2].then.properties.log.type,parentSchema:schema11.allOf[2].then.properties.log,data:data28};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}var _valid3 = _errs39 === errors;valid13 = _valid3;}if(!valid13){const err46 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[2].if,parentSchema:schema11.allOf[2],data};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}const _errs43 = errors;let valid16 = true;const _errs44 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing4;if((data.status === undefined) && (missing4 = "status")){const err47 = {};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}else {if(data.status !== undefined){let data29 = data.status;if(!(((((((data29 === "succeeded") || (data29 === "healthy")) || (data29 === "unhealthy")) || (data29 === "failed")) || (data29 === "cancelled")) || (data29 === "timed-out")) || (data29 === "crashed"))){const err48 = {};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}}var _valid4 = _errs44 === errors;errors = _errs43;if(vErrors !== null){if(_errs43){vErrors.length = _errs43;}else {vErrors = null;}}if(_valid4){const _errs46 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.ended === undefined){const err49 = {instancePath,schemaPath:"#/allOf/3/then/required",keyword:"required",params:{missingProperty: "ended"},message:"must have required property '"+"ended"+"'",schema:schema11.allOf[3].then.required,parentSchema:schema11.allOf[3].then,data};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}if(data.durationMs === undefined){const err50 = {instancePath,schemaPath:"#/allOf/3/then/required",keyword:"required",params:{missingProperty: "durationMs"},message:"must have required property '"+"durationMs"+"'",schema:schema11.allOf[3].then.required,parentSchema:schema11.allOf[3].then,data};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}var _valid4 = _errs46 === errors;valid16 = _valid4;}if(!valid16){const err51 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[3].if,parentSchema:schema11.allOf[3],data};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}const _errs49 = errors;let valid18 = true;const _errs50 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing5;if((data.status === undefined) && (missing5 = "status")){const err52 = {};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}else {if(data.status !== undefined){let data30 = data.status;if(!(((((data30 === "succeeded") || (data30 === "healthy")) || (data30 === "unhealthy")) || (data30 === "failed")) || (data30 === "timed-out"))){const err53 = {};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}}}var _valid5 = _errs50 === errors;errors = _errs49;if(vErrors !== null){if(_errs49){vErrors.length = _errs49;}else {vErrors = null;}}if(_valid5){const _errs52 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.log !== undefined){let data31 = data.log;if(data31 && typeof data31 == "object" && !Array.isArray(data31)){if(data31.bytes === undefined){const err54 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/4/then/properties/log/required",keyword:"required",params:{missingProperty: "bytes"},message:"must have required property '"+"bytes"+"'",schema:schema11.allOf[4].then.properties.log.required,parentSchema:schema11.allOf[4].then.properties.log,data:data31};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}if(data31.blocks === undefined){const err55 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/4/then/properties/log/required",keyword:"required",params:{missingProperty: "blocks"},message:"must have required property '"+"blocks"+"'",schema:schema11.allOf[4].then.properties.log.required,parentSchema:schema11.allOf[4].then.properties.log,data:data31};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}if(data31.head === undefined){const err56 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/4/then/properties/log/required",keyword:"required",params:{missingProperty: "head"},message:"must have required property '"+"head"+"'",schema:schema11.allOf[4].then.properties.log.required,parentSchema:schema11.allOf[4].then.properties.log,data:data31};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}else {const err57 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/4/then/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[4].then.properties.log.type,parentSchema:schema11.allOf[4].then.properties.log,data:data31};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}}var _valid5 = _errs52 === errors;valid18 = _valid5;}if(!valid18){const err58 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[4].if,parentSchema:schema11.allOf[4],data};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}const _errs57 = errors;let valid21 = true;const _errs58 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing6;if((data.log === undefined) && (missing6 = "log")){const err59 = {};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}else {if(data.log !== undefined){let data32 = data.log;const _errs59 = errors;if(errors === _errs59){if(data32 && typeof data32 == "object" && !Array.isArray(data32)){let missing7;if((data32.head === undefined) && (missing7 = "head")){const err60 = {};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}else {const err61 = {};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}}}}var _valid6 = _errs58 === errors;errors = _errs57;if(vErrors !== null){if(_errs57){vErrors.length = _errs57;}else {vErrors = null;}}if(_valid6){const _errs61 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.ended === undefined){const err62 = {instancePath,schemaPath:"#/allOf/5/then/required",keyword:"required",params:{missingProperty: "ended"},message:"must have required property '"+"ended"+"'",schema:schema11.allOf[5].then.required,parentSchema:schema11.allOf[5].then,data};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}if(data.durationMs === undefined){const err63 = {instancePath,schemaPath:"#/allOf/5/then/required",keyword:"required",params:{missingProperty: "durationMs"},message:"must have required property '"+"durationMs"+"'",schema:schema11.allOf[5].then.required,parentSchema:schema11.allOf[5].then,data};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}var _valid6 = _errs61 === errors;valid21 = _valid6;}if(!valid21){const err64 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[5].if,parentSchema:schema11.allOf[5],data};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}const _errs63 = errors;let valid23 = true;const _errs64 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing8;if((data.status === undefined) && (missing8 = "status")){const err65 = {};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}else {if(data.status !== undefined){if("succeeded" !== data.status){const err66 = {};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}}}var _valid7 = _errs64 === errors;errors = _errs63;if(vErrors !== null){if(_errs63){vErrors.length = _errs63;}else {vErrors = null;}}if(_valid7){const _errs66 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.check === undefined){const err67 = {instancePath,schemaPath:"#/allOf/6/then/required",keyword:"required",params:{missingProperty: "check"},message:"must have required property '"+"check"+"'",schema:schema11.allOf[6].then.required,parentSchema:schema11.allOf[6].then,data};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}if(data.rollback === undefined){const err68 = {instancePath,schemaPath:"#/allOf/6/then/required",keyword:"required",params:{missingProperty: "rollback"},message:"must have required property '"+"rollback"+"'",schema:schema11.allOf[6].then.required,parentSchema:schema11.allOf[6].then,data};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}if(data.check !== undefined){let data34 = data.check;if(!(((data34 === "none") || (data34 === "drift")) || (data34 === "forced"))){const err69 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/6/then/properties/check/enum",keyword:"enum",params:{allowedValues: schema11.allOf[6].then.properties.check.enum},message:"must be equal to one of the allowed values",schema:schema11.allOf[6].then.properties.check.enum,parentSchema:schema11.allOf[6].then.properties.check,data:data34};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}if(data.rollback !== undefined){let data35 = data.rollback;if("not-needed" !== data35){const err70 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/6/then/properties/rollback/const",keyword:"const",params:{allowedValue: "not-needed"},message:"must be equal to constant",schema:"not-needed",parentSchema:schema11.allOf[6].then.properties.rollback,data:data35};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}}var _valid7 = _errs66 === errors;valid23 = _valid7;}if(!valid23){const err71 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[6].if,parentSchema:schema11.allOf[6],data};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}const _errs70 = errors;let valid26 = true;const _errs71 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing9;if((data.status === undefined) && (missing9 = "status")){const err72 = {};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}else {if(data.status !== undefined){if("healthy" !== data.status){const err73 = {};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}}}var _valid8 = _errs71 === errors;errors = _errs70;if(vErrors !== null){if(_errs70){vErrors.length = _errs70;}else {vErrors = null;}}if(_valid8){const _errs73 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.check === undefined){const err74 = {instancePath,schemaPath:"#/allOf/7/then/required",keyword:"required",params:{missingProperty: "check"},message:"must have required property '"+"check"+"'",schema:schema11.allOf[7].then.required,parentSchema:schema11.allOf[7].then,data};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}if(data.check !== undefined){let data37 = data.check;if("healthy" !== data37){const err75 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/7/then/properties/check/const",keyword:"const",params:{allowedValue: "healthy"},message:"must be equal to constant",schema:"healthy",parentSchema:schema11.allOf[7].then.properties.check,data:data37};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}if(data.rollback !== undefined){const err76 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/7/then/properties/rollback/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[7].then.properties.rollback,data:data.rollback};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}var _valid8 = _errs73 === errors;valid26 = _valid8;}if(!valid26){const err77 = {instancePath,schemaPath:"#/allOf/7/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[7].if,parentSchema:schema11.allOf[7],data};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}const _errs77 = errors;let valid29 = true;const _errs78 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing10;if((data.status === undefined) && (missing10 = "status")){const err78 = {};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}else {if(data.status !== undefined){if("unhealthy" !== data.status){const err79 = {};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}}}}var _valid9 = _errs78 === errors;errors = _errs77;if(vErrors !== null){if(_errs77){vErrors.length = _errs77;}else {vErrors = null;}}if(_valid9){const _errs80 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.check === undefined){const err80 = {instancePath,schemaPath:"#/allOf/8/then/required",keyword:"required",params:{missingProperty: "check"},message:"must have required property '"+"check"+"'",schema:schema11.allOf[8].then.required,parentSchema:schema11.allOf[8].then,data};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}if(data.checkOnly === undefined){const err81 = {instancePath,schemaPath:"#/allOf/8/then/required",keyword:"required",params:{missingProperty: "checkOnly"},message:"must have required property '"+"checkOnly"+"'",schema:schema11.allOf[8].then.required,parentSchema:schema11.allOf[8].then,data};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}if(data.check !== undefined){let data40 = data.check;if(!((data40 === "drift") || (data40 === "none"))){const err82 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/8/then/properties/check/enum",keyword:"enum",params:{allowedValues: schema11.allOf[8].then.properties.check.enum},message:"must be equal to one of the allowed values",schema:schema11.allOf[8].then.properties.check.enum,parentSchema:schema11.allOf[8].then.properties.check,data:data40};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data.rollback !== undefined){const err83 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/8/then/properties/rollback/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[8].then.properties.rollback,data:data.rollback};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}var _valid9 = _errs80 === errors;valid29 = _valid9;}if(!valid29){const err84 = {instancePath,schemaPath:"#/allOf/8/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[8].if,parentSchema:schema11.allOf[8],data};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}const _errs84 = errors;let valid32 = true;const _errs85 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing11;if((data.checkOnly === undefined) && (missing11 = "checkOnly")){const err85 = {};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}}var _valid10 = _errs85 === errors;errors = _errs84;if(vErrors !== null){if(_errs84){vErrors.length = _errs84;}else {vErrors = null;}}if(_valid10){const _errs86 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.status !== undefined){let data42 = data.status;const _errs88 = errors;const _errs89 = errors;if("succeeded" !== data42){const err86 = {};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}var valid34 = _errs89 === errors;if(valid34){const err87 = {instancePath:instancePath+"/status",schemaPath:"#/allOf/9/then/properties/status/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.allOf[9].then.properties.status.not,parentSchema:schema11.allOf[9].then.properties.status,data:data42};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}else {errors = _errs88;if(vErrors !== null){if(_errs88){vErrors.length = _errs88;}else {vErrors = null;}}}}if(data.forced !== undefined){let data43 = data.forced;if(false !== data43){const err88 = {instancePath:instancePath+"/forced",schemaPath:"#/allOf/9/then/properties/forced/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema11.allOf[9].then.properties.forced,data:data43};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}if(data.check !== undefined){let data44 = data.check;const _errs92 = errors;const _errs93 = errors;if("forced" !== data44){const err89 = {};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}var valid35 = _errs93 === errors;if(valid35){const err90 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/9/then/properties/check/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.allOf[9].then.properties.check.not,parentSchema:schema11.allOf[9].then.properties.check,data:data44};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}else {errors = _errs92;if(vErrors !== null){if(_errs92){vErrors.length = _errs92;}else {vErrors = null;}}}}if(data.rollback !== undefined){const err91 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/9/then/properties/rollback/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema11.allOf[9].then.properties.rollback,data:data.rollback};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}if(data.steps !== undefined){let data46 = data.steps;if(Array.isArray(data46)){const len0 = data46.length;for(let i0=0; i0<len0; i0++){let data47 = data46[i0];if(data47 && typeof data47 == "object" && !Array.isArray(data47)){if(data47.stage !== undefined){let data48 = data47.stage;if("check" !== data48){const err92 = {instancePath:instancePath+"/steps/" + i0+"/stage",schemaPath:"#/allOf/9/then/properties/steps/items/properties/stage/const",keyword:"const",params:{allowedValue: "check"},message:"must be equal to constant",schema:"check",parentSchema:schema11.allOf[9].then.properties.steps.items.properties.stage,data:data48};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}}}else {const err93 = {instancePath:instancePath+"/steps/" + i0,schemaPath:"#/allOf/9/then/properties/steps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[9].then.properties.steps.items.type,parentSchema:schema11.allOf[9].then.properties.steps.items,data:data47};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}}else {const err94 = {instancePath:instancePath+"/steps",schemaPath:"#/allOf/9/then/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.allOf[9].then.properties.steps.type,parentSchema:schema11.allOf[9].then.properties.steps,data:data46};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}}}var _valid10 = _errs86 === errors;valid32 = _valid10;}if(!valid32){const err95 = {instancePath,schemaPath:"#/allOf/9/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[9].if,parentSchema:schema11.allOf[9],data};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}const _errs100 = errors;let valid39 = true;const _errs101 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing12;if((data.status === undefined) && (missing12 = "status")){const err96 = {};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}else {if(data.status !== undefined){let data49 = data.status;if(!((data49 === "failed") || (data49 === "crashed"))){const err97 = {};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}}}var _valid11 = _errs101 === errors;errors = _errs100;if(vErrors !== null){if(_errs100){vErrors.length = _errs100;}else {vErrors = null;}}if(_valid11){const _errs103 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.error === undefined){const err98 = {instancePath,schemaPath:"#/allOf/10/then/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:schema11.allOf[10].then.required,parentSchema:schema11.allOf[10].then,data};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}var _valid11 = _errs103 === errors;valid39 = _valid11;}if(!valid39){const err99 = {instancePath,schemaPath:"#/allOf/10/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[10].if,parentSchema:schema11.allOf[10],data};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}const _errs106 = errors;let valid41 = true;const _errs107 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing13;if((data.check === undefined) && (missing13 = "check")){const err100 = {};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}else {if(data.check !== undefined){if("forced" !== data.check){const err101 = {};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}}}var _valid12 = _errs107 === errors;errors = _errs106;if(vErrors !== null){if(_errs106){vErrors.length = _errs106;}else {vErrors = null;}}if(_valid12){const _errs109 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.forced !== undefined){let data51 = data.forced;if(true !== data51){const err102 = {instancePath:instancePath+"/forced",schemaPath:"#/allOf/11/then/properties/forced/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema11.allOf[11].then.properties.forced,data:data51};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}}var _valid12 = _errs109 === errors;valid41 = _valid12;}if(!valid41){const err103 = {instancePath,schemaPath:"#/allOf/11/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[11].if,parentSchema:schema11.allOf[11],data};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}const _errs113 = errors;let valid44 = true;const _errs114 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing14;if((data.status === undefined) && (missing14 = "status")){const err104 = {};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}else {if(data.status !== undefined){const _errs116 = errors;const _errs117 = errors;if("crashed" !== data.status){const err105 = {};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}var valid46 = _errs117 === errors;if(valid46){const err106 = {};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}else {errors = _errs116;if(vErrors !== null){if(_errs116){vErrors.length = _errs116;}else {vErrors = null;}}}}}}var _valid13 = _errs114 === errors;errors = _errs113;if(vErrors !== null){if(_errs113){vErrors.length = _errs113;}else {vErrors = null;}}if(_valid13){const _errs118 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.steps !== undefined){let data53 = data.steps;if(Array.isArray(data53)){const len1 = data53.length;for(let i1=0; i1<len1; i1++){let data54 = data53[i1];if(data54 && typeof data54 == "object" && !Array.isArray(data54)){if(data54.ended !== undefined){let data55 = data54.ended;if(typeof data55 === "string"){if(!pattern0.test(data55)){const err107 = {instancePath:instancePath+"/steps/" + i1+"/ended",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:schema12,data:data55};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}}else {const err108 = {instancePath:instancePath+"/steps/" + i1+"/ended",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data55};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}}else {const err109 = {instancePath:instancePath+"/steps/" + i1,schemaPath:"#/allOf/12/then/properties/steps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.allOf[12].then.properties.steps.items.type,parentSchema:schema11.allOf[12].then.properties.steps.items,data:data54};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}}else {const err110 = {instancePath:instancePath+"/steps",schemaPath:"#/allOf/12/then/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.allOf[12].then.properties.steps.type,parentSchema:schema11.allOf[12].then.properties.steps,data:data53};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}}var _valid13 = _errs118 === errors;valid44 = _valid13;}if(!valid44){const err111 = {instancePath,schemaPath:"#/allOf/12/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema11.allOf[12].if,parentSchema:schema11.allOf[12],data};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.schema === undefined){const err112 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "schema"},message:"must have required property '"+"schema"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}if(data.runId === undefined){const err113 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runId"},message:"must have required property '"+"runId"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}if(data.status === undefined){const err114 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}if(data.remediation === undefined){const err115 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "remediation"},message:"must have required property '"+"remediation"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}if(data.secrets === undefined){const err116 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "secrets"},message:"must have required property '"+"secrets"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}if(data.forced === undefined){const err117 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "forced"},message:"must have required property '"+"forced"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}if(data.trigger === undefined){const err118 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trigger"},message:"must have required property '"+"trigger"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}if(data.runner === undefined){const err119 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runner"},message:"must have required property '"+"runner"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}if(data.tool === undefined){const err120 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tool"},message:"must have required property '"+"tool"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}if(data.started === undefined){const err121 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "started"},message:"must have required property '"+"started"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}if(data.steps === undefined){const err122 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}if(data.outputs === undefined){const err123 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "outputs"},message:"must have required property '"+"outputs"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}if(data.log === undefined){const err124 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "log"},message:"must have required property '"+"log"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}for(const key0 in data){if(!(func2.call(schema11.properties, key0))){const err125 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}if(data.schema !== undefined){let data56 = data.schema;if("https://remediate.dev/schemas/run-snapshot-v1.json" !== data56){const err126 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/const",keyword:"const",params:{allowedValue: "https://remediate.dev/schemas/run-snapshot-v1.json"},message:"must be equal to constant",schema:"https://remediate.dev/schemas/run-snapshot-v1.json",parentSchema:schema11.properties.schema,data:data56};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}}if(data.runId !== undefined){let data57 = data.runId;if(typeof data57 === "string"){if(!pattern1.test(data57)){const err127 = {instancePath:instancePath+"/runId",schemaPath:"#/properties/runId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$",parentSchema:schema11.properties.runId,data:data57};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}}else {const err128 = {instancePath:instancePath+"/runId",schemaPath:"#/properties/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.runId.type,parentSchema:schema11.properties.runId,data:data57};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}}if(data.status !== undefined){let data58 = data.status;if(!(((((((((data58 === "running") || (data58 === "succeeded")) || (data58 === "healthy")) || (data58 === "unhealthy")) || (data58 === "failed")) || (data58 === "refused")) || (data58 === "cancelled")) || (data58 === "timed-out")) || (data58 === "crashed"))){const err129 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema11.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.status.enum,parentSchema:schema11.properties.status,data:data58};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}}if(data.error !== undefined){let data59 = data.error;if(data59 && typeof data59 == "object" && !Array.isArray(data59)){if(data59.code === undefined){const err130 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema11.properties.error.required,parentSchema:schema11.properties.error,data:data59};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}if(data59.message === undefined){const err131 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema11.properties.error.required,parentSchema:schema11.properties.error,data:data59};if(vErrors === null){vErrors = [err131];}else {vErrors.push(err131);}errors++;}for(const key1 in data59){if(!((key1 === "code") || (key1 === "message"))){const err132 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.error,data:data59};if(vErrors === null){vErrors = [err132];}else {vErrors.push(err132);}errors++;}}if(data59.code !== undefined){let data60 = data59.code;if(typeof data60 === "string"){if(!pattern2.test(data60)){const err133 = {instancePath:instancePath+"/error/code",schemaPath:"#/properties/error/properties/code/pattern",keyword:"pattern",params:{pattern: "^[A-Z][A-Z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Z][A-Z0-9_]{0,63}$"+"\"",schema:"^[A-Z][A-Z0-9_]{0,63}$",parentSchema:schema11.properties.error.properties.code,data:data60};if(vErrors === null){vErrors = [err133];}else {vErrors.push(err133);}errors++;}}else {const err134 = {instancePath:instancePath+"/error/code",schemaPath:"#/properties/error/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.error.properties.code.type,parentSchema:schema11.properties.error.properties.code,data:data60};if(vErrors === null){vErrors = [err134];}else {vErrors.push(err134);}errors++;}}if(data59.message !== undefined){let data61 = data59.message;if(typeof data61 !== "string"){const err135 = {instancePath:instancePath+"/error/message",schemaPath:"#/properties/error/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.error.properties.message.type,parentSchema:schema11.properties.error.properties.message,data:data61};if(vErrors === null){vErrors = [err135];}else {vErrors.push(err135);}errors++;}}}else {const err136 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.error.type,parentSchema:schema11.properties.error,data:data59};if(vErrors === null){vErrors = [err136];}else {vErrors.push(err136);}errors++;}}if(data.remediation !== undefined){let data62 = data.remediation;if(data62 && typeof data62 == "object" && !Array.isArray(data62)){if(data62.name === undefined){const err137 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.remediation.required,parentSchema:schema11.properties.remediation,data:data62};if(vErrors === null){vErrors = [err137];}else {vErrors.push(err137);}errors++;}if(data62.version === undefined){const err138 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.properties.remediation.required,parentSchema:schema11.properties.remediation,data:data62};if(vErrors === null){vErrors = [err138];}else {vErrors.push(err138);}errors++;}if(data62.tag === undefined){const err139 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/required",keyword:"required",params:{missingProperty: "tag"},message:"must have required property '"+"tag"+"'",schema:schema11.properties.remediation.required,parentSchema:schema11.properties.remediation,data:data62};if(vErrors === null){vErrors = [err139];}else {vErrors.push(err139);}errors++;}for(const key2 in data62){if(!((((((key2 === "name") || (key2 === "version")) || (key2 === "tag")) || (key2 === "commit")) || (key2 === "digest")) || (key2 === "files"))){const err140 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.remediation,data:data62};if(vErrors === null){vErrors = [err140];}else {vErrors.push(err140);}errors++;}}if(data62.name !== undefined){let data63 = data62.name;if(typeof data63 === "string"){if(!pattern3.test(data63)){const err141 = {instancePath:instancePath+"/remediation/name",schemaPath:"#/definitions/remediationName/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",parentSchema:schema13,data:data63};if(vErrors === null){vErrors = [err141];}else {vErrors.push(err141);}errors++;}}else {const err142 = {instancePath:instancePath+"/remediation/name",schemaPath:"#/definitions/remediationName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data63};if(vErrors === null){vErrors = [err142];}else {vErrors.push(err142);}errors++;}}if(data62.version !== undefined){let data64 = data62.version;if(typeof data64 === "string"){if(!pattern4.test(data64)){const err143 = {instancePath:instancePath+"/remediation/version",schemaPath:"#/definitions/version/pattern",keyword:"pattern",params:{pattern: "^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"},message:"must match pattern \""+"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"+"\"",schema:"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$",parentSchema:schema14,data:data64};if(vErrors === null){vErrors = [err143];}else {vErrors.push(err143);}errors++;}}else {const err144 = {instancePath:instancePath+"/remediation/version",schemaPath:"#/definitions/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data64};if(vErrors === null){vErrors = [err144];}else {vErrors.push(err144);}errors++;}}if(data62.tag !== undefined){let data65 = data62.tag;if(typeof data65 === "string"){if(!pattern5.test(data65)){const err145 = {instancePath:instancePath+"/remediation/tag",schemaPath:"#/properties/remediation/properties/tag/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$",parentSchema:schema11.properties.remediation.properties.tag,data:data65};if(vErrors === null){vErrors = [err145];}else {vErrors.push(err145);}errors++;}}else {const err146 = {instancePath:instancePath+"/remediation/tag",schemaPath:"#/properties/remediation/properties/tag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.remediation.properties.tag.type,parentSchema:schema11.properties.remediation.properties.tag,data:data65};if(vErrors === null){vErrors = [err146];}else {vErrors.push(err146);}errors++;}}if(data62.commit !== undefined){let data66 = data62.commit;if(typeof data66 === "string"){if(!pattern6.test(data66)){const err147 = {instancePath:instancePath+"/remediation/commit",schemaPath:"#/definitions/commit/pattern",keyword:"pattern",params:{pattern: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$"},message:"must match pattern \""+"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"+"\"",schema:"^(?:[0-9a-f]{40}|[0-9a-f]{64})$",parentSchema:schema15,data:data66};if(vErrors === null){vErrors = [err147];}else {vErrors.push(err147);}errors++;}}else {const err148 = {instancePath:instancePath+"/remediation/commit",schemaPath:"#/definitions/commit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data66};if(vErrors === null){vErrors = [err148];}else {vErrors.push(err148);}errors++;}}if(data62.digest !== undefined){let data67 = data62.digest;if(typeof data67 === "string"){if(!pattern7.test(data67)){const err149 = {instancePath:instancePath+"/remediation/digest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data67};if(vErrors === null){vErrors = [err149];}else {vErrors.push(err149);}errors++;}}else {const err150 = {instancePath:instancePath+"/remediation/digest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data67};if(vErrors === null){vErrors = [err150];}else {vErrors.push(err150);}errors++;}}if(data62.files !== undefined){let data68 = data62.files;if(Array.isArray(data68)){if(data68.length < 1){const err151 = {instancePath:instancePath+"/remediation/files",schemaPath:"#/properties/remediation/properties/files/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.remediation.properties.files,data:data68};if(vErrors === null){vErrors = [err151];}else {vErrors.push(err151);}errors++;}const len2 = data68.length;for(let i2=0; i2<len2; i2++){let data69 = data68[i2];if(data69 && typeof data69 == "object" && !Array.isArray(data69)){if(data69.path === undefined){const err152 = {instancePath:instancePath+"/remediation/files/" + i2,schemaPath:"#/properties/remediation/properties/files/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema11.properties.remediation.properties.files.items.required,parentSchema:schema11.properties.remediation.properties.files.items,data:data69};if(vErrors === null){vErrors = [err152];}else {vErrors.push(err152);}errors++;}if(data69.mode === undefined){const err153 = {instancePath:instancePath+"/remediation/files/" + i2,schemaPath:"#/properties/remediation/properties/files/items/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema11.properties.remediation.properties.files.items.required,parentSchema:schema11.properties.remediation.properties.files.items,data:data69};if(vErrors === null){vErrors = [err153];}else {vErrors.push(err153);}errors++;}if(data69.sha256 === undefined){const err154 = {instancePath:instancePath+"/remediation/files/" + i2,schemaPath:"#/properties/remediation/properties/files/items/required",keyword:"required",params:{missingProperty: "sha256"},message:"must have required property '"+"sha256"+"'",schema:schema11.properties.remediation.properties.files.items.required,parentSchema:schema11.properties.remediation.properties.files.items,data:data69};if(vErrors === null){vErrors = [err154];}else {vErrors.push(err154);}errors++;}for(const key3 in data69){if(!(((key3 === "path") || (key3 === "mode")) || (key3 === "sha256"))){const err155 = {instancePath:instancePath+"/remediation/files/" + i2,schemaPath:"#/properties/remediation/properties/files/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.remediation.properties.files.items,data:data69};if(vErrors === null){vErrors = [err155];}else {vErrors.push(err155);}errors++;}}if(data69.path !== undefined){let data70 = data69.path;if(typeof data70 === "string"){if(func3(data70) < 1){const err156 = {instancePath:instancePath+"/remediation/files/" + i2+"/path",schemaPath:"#/properties/remediation/properties/files/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.remediation.properties.files.items.properties.path,data:data70};if(vErrors === null){vErrors = [err156];}else {vErrors.push(err156);}errors++;}if(!pattern8.test(data70)){const err157 = {instancePath:instancePath+"/remediation/files/" + i2+"/path",schemaPath:"#/properties/remediation/properties/files/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$"},message:"must match pattern \""+"^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$"+"\"",schema:"^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$",parentSchema:schema11.properties.remediation.properties.files.items.properties.path,data:data70};if(vErrors === null){vErrors = [err157];}else {vErrors.push(err157);}errors++;}}else {const err158 = {instancePath:instancePath+"/remediation/files/" + i2+"/path",schemaPath:"#/properties/remediation/properties/files/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.remediation.properties.files.items.properties.path.type,parentSchema:schema11.properties.remediation.properties.files.items.properties.path,data:data70};if(vErrors === null){vErrors = [err158];}else {vErrors.push(err158);}errors++;}}if(data69.mode !== undefined){let data71 = data69.mode;if(!((data71 === "100644") || (data71 === "100755"))){const err159 = {instancePath:instancePath+"/remediation/files/" + i2+"/mode",schemaPath:"#/properties/remediation/properties/files/items/properties/mode/enum",keyword:"enum",params:{allowedValues: schema11.properties.remediation.properties.files.items.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.remediation.properties.files.items.properties.mode.enum,parentSchema:schema11.properties.remediation.properties.files.items.properties.mode,data:data71};if(vErrors === null){vErrors = [err159];}else {vErrors.push(err159);}errors++;}}if(data69.sha256 !== undefined){let data72 = data69.sha256;if(typeof data72 === "string"){if(!pattern9.test(data72)){const err160 = {instancePath:instancePath+"/remediation/files/" + i2+"/sha256",schemaPath:"#/definitions/hex64/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:schema17,data:data72};if(vErrors === null){vErrors = [err160];}else {vErrors.push(err160);}errors++;}}else {const err161 = {instancePath:instancePath+"/remediation/files/" + i2+"/sha256",schemaPath:"#/definitions/hex64/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data72};if(vErrors === null){vErrors = [err161];}else {vErrors.push(err161);}errors++;}}}else {const err162 = {instancePath:instancePath+"/remediation/files/" + i2,schemaPath:"#/properties/remediation/properties/files/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.remediation.properties.files.items.type,parentSchema:schema11.properties.remediation.properties.files.items,data:data69};if(vErrors === null){vErrors = [err162];}else {vErrors.push(err162);}errors++;}}}else {const err163 = {instancePath:instancePath+"/remediation/files",schemaPath:"#/properties/remediation/properties/files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.remediation.properties.files.type,parentSchema:schema11.properties.remediation.properties.files,data:data68};if(vErrors === null){vErrors = [err163];}else {vErrors.push(err163);}errors++;}}}else {const err164 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.remediation.type,parentSchema:schema11.properties.remediation,data:data62};if(vErrors === null){vErrors = [err164];}else {vErrors.push(err164);}errors++;}}if(data.manifest !== undefined){let data73 = data.manifest;if(data73 && typeof data73 == "object" && !Array.isArray(data73)){if(data73.serial === undefined){const err165 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "serial"},message:"must have required property '"+"serial"+"'",schema:schema11.properties.manifest.required,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err165];}else {vErrors.push(err165);}errors++;}if(data73.digest === undefined){const err166 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:schema11.properties.manifest.required,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err166];}else {vErrors.push(err166);}errors++;}if(data73.signers === undefined){const err167 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "signers"},message:"must have required property '"+"signers"+"'",schema:schema11.properties.manifest.required,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err167];}else {vErrors.push(err167);}errors++;}if(data73.threshold === undefined){const err168 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "threshold"},message:"must have required property '"+"threshold"+"'",schema:schema11.properties.manifest.required,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err168];}else {vErrors.push(err168);}errors++;}if(data73.minSerial === undefined){const err169 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "minSerial"},message:"must have required property '"+"minSerial"+"'",schema:schema11.properties.manifest.required,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err169];}else {vErrors.push(err169);}errors++;}for(const key4 in data73){if(!(((((((key4 === "serial") || (key4 === "digest")) || (key4 === "signers")) || (key4 === "threshold")) || (key4 === "minSerial")) || (key4 === "publishedSerial")) || (key4 === "acceptedBelowPublished"))){const err170 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err170];}else {vErrors.push(err170);}errors++;}}if(data73.acceptedBelowPublished !== undefined){if(data73.publishedSerial === undefined){const err171 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/dependencies",keyword:"dependencies",params:{property: "acceptedBelowPublished",
    missingProperty: "publishedSerial",
    depsCount: 1,
    deps: "publishedSerial"},message:"must have property publishedSerial when property acceptedBelowPublished is present",schema:schema11.properties.manifest.dependencies,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err171];}else {vErrors.push(err171);}errors++;}}if(data73.serial !== undefined){let data74 = data73.serial;if(!(((typeof data74 == "number") && (!(data74 % 1) && !isNaN(data74))) && (isFinite(data74)))){const err172 = {instancePath:instancePath+"/manifest/serial",schemaPath:"#/properties/manifest/properties/serial/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.manifest.properties.serial.type,parentSchema:schema11.properties.manifest.properties.serial,data:data74};if(vErrors === null){vErrors = [err172];}else {vErrors.push(err172);}errors++;}if((typeof data74 == "number") && (isFinite(data74))){if(data74 < 1 || isNaN(data74)){const err173 = {instancePath:instancePath+"/manifest/serial",schemaPath:"#/properties/manifest/properties/serial/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.manifest.properties.serial,data:data74};if(vErrors === null){vErrors = [err173];}else {vErrors.push(err173);}errors++;}}}if(data73.digest !== undefined){let data75 = data73.digest;if(typeof data75 === "string"){if(!pattern7.test(data75)){const err174 = {instancePath:instancePath+"/manifest/digest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data75};if(vErrors === null){vErrors = [err174];}else {vErrors.push(err174);}errors++;}}else {const err175 = {instancePath:instancePath+"/manifest/digest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data75};if(vErrors === null){vErrors = [err175];}else {vErrors.push(err175);}errors++;}}if(data73.signers !== undefined){let data76 = data73.signers;if(Array.isArray(data76)){if(data76.length < 1){const err176 = {instancePath:instancePath+"/manifest/signers",schemaPath:"#/properties/manifest/properties/signers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.manifest.properties.signers,data:data76};if(vErrors === null){vErrors = [err176];}else {vErrors.push(err176);}errors++;}const len3 = data76.length;for(let i3=0; i3<len3; i3++){let data77 = data76[i3];if(typeof data77 === "string"){if(!pattern9.test(data77)){const err177 = {instancePath:instancePath+"/manifest/signers/" + i3,schemaPath:"#/definitions/hex64/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:schema17,data:data77};if(vErrors === null){vErrors = [err177];}else {vErrors.push(err177);}errors++;}}else {const err178 = {instancePath:instancePath+"/manifest/signers/" + i3,schemaPath:"#/definitions/hex64/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data77};if(vErrors === null){vErrors = [err178];}else {vErrors.push(err178);}errors++;}}let i4 = data76.length;let j0;if(i4 > 1){outer0:for(;i4--;){for(j0 = i4; j0--;){if(func0(data76[i4], data76[j0])){const err179 = {instancePath:instancePath+"/manifest/signers",schemaPath:"#/properties/manifest/properties/signers/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i4+" are identical)",schema:true,parentSchema:schema11.properties.manifest.properties.signers,data:data76};if(vErrors === null){vErrors = [err179];}else {vErrors.push(err179);}errors++;break outer0;}}}}}else {const err180 = {instancePath:instancePath+"/manifest/signers",schemaPath:"#/properties/manifest/properties/signers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.manifest.properties.signers.type,parentSchema:schema11.properties.manifest.properties.signers,data:data76};if(vErrors === null){vErrors = [err180];}else {vErrors.push(err180);}errors++;}}if(data73.threshold !== undefined){let data78 = data73.threshold;if(!(((typeof data78 == "number") && (!(data78 % 1) && !isNaN(data78))) && (isFinite(data78)))){const err181 = {instancePath:instancePath+"/manifest/threshold",schemaPath:"#/properties/manifest/properties/threshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.manifest.properties.threshold.type,parentSchema:schema11.properties.manifest.properties.threshold,data:data78};if(vErrors === null){vErrors = [err181];}else {vErrors.push(err181);}errors++;}if((typeof data78 == "number") && (isFinite(data78))){if(data78 < 1 || isNaN(data78)){const err182 = {instancePath:instancePath+"/manifest/threshold",schemaPath:"#/properties/manifest/properties/threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.manifest.properties.threshold,data:data78};if(vErrors === null){vErrors = [err182];}else {vErrors.push(err182);}errors++;}}}if(data73.minSerial !== undefined){let data79 = data73.minSerial;if(!(((typeof data79 == "number") && (!(data79 % 1) && !isNaN(data79))) && (isFinite(data79)))){const err183 = {instancePath:instancePath+"/manifest/minSerial",schemaPath:"#/properties/manifest/properties/minSerial/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.manifest.properties.minSerial.type,parentSchema:schema11.properties.manifest.properties.minSerial,data:data79};if(vErrors === null){vErrors = [err183];}else {vErrors.push(err183);}errors++;}if((typeof data79 == "number") && (isFinite(data79))){if(data79 < 0 || isNaN(data79)){const err184 = {instancePath:instancePath+"/manifest/minSerial",schemaPath:"#/properties/manifest/properties/minSerial/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.manifest.properties.minSerial,data:data79};if(vErrors === null){vErrors = [err184];}else {vErrors.push(err184);}errors++;}}}if(data73.publishedSerial !== undefined){let data80 = data73.publishedSerial;if(!(((typeof data80 == "number") && (!(data80 % 1) && !isNaN(data80))) && (isFinite(data80)))){const err185 = {instancePath:instancePath+"/manifest/publishedSerial",schemaPath:"#/properties/manifest/properties/publishedSerial/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.manifest.properties.publishedSerial.type,parentSchema:schema11.properties.manifest.properties.publishedSerial,data:data80};if(vErrors === null){vErrors = [err185];}else {vErrors.push(err185);}errors++;}if((typeof data80 == "number") && (isFinite(data80))){if(data80 < 1 || isNaN(data80)){const err186 = {instancePath:instancePath+"/manifest/publishedSerial",schemaPath:"#/properties/manifest/properties/publishedSerial/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.manifest.properties.publishedSerial,data:data80};if(vErrors === null){vErrors = [err186];}else {vErrors.push(err186);}errors++;}}}if(data73.acceptedBelowPublished !== undefined){let data81 = data73.acceptedBelowPublished;if(true !== data81){const err187 = {instancePath:instancePath+"/manifest/acceptedBelowPublished",schemaPath:"#/properties/manifest/properties/acceptedBelowPublished/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema11.properties.manifest.properties.acceptedBelowPublished,data:data81};if(vErrors === null){vErrors = [err187];}else {vErrors.push(err187);}errors++;}}}else {const err188 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.manifest.type,parentSchema:schema11.properties.manifest,data:data73};if(vErrors === null){vErrors = [err188];}else {vErrors.push(err188);}errors++;}}if(data.params !== undefined){let data82 = data.params;if(data82 && typeof data82 == "object" && !Array.isArray(data82)){if(data82.values === undefined){const err189 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'",schema:schema11.properties.params.required,parentSchema:schema11.properties.params,data:data82};if(vErrors === null){vErrors = [err189];}else {vErrors.push(err189);}errors++;}if(data82.digest === undefined){const err190 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:schema11.properties.params.required,parentSchema:schema11.properties.params,data:data82};if(vErrors === null){vErrors = [err190];}else {vErrors.push(err190);}errors++;}for(const key5 in data82){if(!((key5 === "values") || (key5 === "digest"))){const err191 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.params,data:data82};if(vErrors === null){vErrors = [err191];}else {vErrors.push(err191);}errors++;}}if(data82.values !== undefined){let data83 = data82.values;if(data83 && typeof data83 == "object" && !Array.isArray(data83)){for(const key6 in data83){const _errs191 = errors;if(typeof key6 === "string"){if(!pattern12.test(key6)){const err192 = {instancePath:instancePath+"/params/values",schemaPath:"#/properties/params/properties/values/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema11.properties.params.properties.values.propertyNames,data:key6,propertyName:key6};if(vErrors === null){vErrors = [err192];}else {vErrors.push(err192);}errors++;}}var valid71 = _errs191 === errors;if(!valid71){const err193 = {instancePath:instancePath+"/params/values",schemaPath:"#/properties/params/properties/values/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema11.properties.params.properties.values.propertyNames,parentSchema:schema11.properties.params.properties.values,data:data83};if(vErrors === null){vErrors = [err193];}else {vErrors.push(err193);}errors++;}}for(const key7 in data83){let data84 = data83[key7];if(((typeof data84 !== "string") && (!((typeof data84 == "number") && (isFinite(data84))))) && (typeof data84 !== "boolean")){const err194 = {instancePath:instancePath+"/params/values/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/params/properties/values/additionalProperties/type",keyword:"type",params:{type: schema11.properties.params.properties.values.additionalProperties.type},message:"must be string,number,boolean",schema:schema11.properties.params.properties.values.additionalProperties.type,parentSchema:schema11.properties.params.properties.values.additionalProperties,data:data84};if(vErrors === null){vErrors = [err194];}else {vErrors.push(err194);}errors++;}}}else {const err195 = {instancePath:instancePath+"/params/values",schemaPath:"#/properties/params/properties/values/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.params.properties.values.type,parentSchema:schema11.properties.params.properties.values,data:data83};if(vErrors === null){vErrors = [err195];}else {vErrors.push(err195);}errors++;}}if(data82.digest !== undefined){let data85 = data82.digest;if(typeof data85 === "string"){if(!pattern7.test(data85)){const err196 = {instancePath:instancePath+"/params/digest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data85};if(vErrors === null){vErrors = [err196];}else {vErrors.push(err196);}errors++;}}else {const err197 = {instancePath:instancePath+"/params/digest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data85};if(vErrors === null){vErrors = [err197];}else {vErrors.push(err197);}errors++;}}}else {const err198 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.params.type,parentSchema:schema11.properties.params,data:data82};if(vErrors === null){vErrors = [err198];}else {vErrors.push(err198);}errors++;}}if(data.secrets !== undefined){let data86 = data.secrets;if(Array.isArray(data86)){const len4 = data86.length;for(let i5=0; i5<len4; i5++){let data87 = data86[i5];if(typeof data87 === "string"){if(!pattern14.test(data87)){const err199 = {instancePath:instancePath+"/secrets/" + i5,schemaPath:"#/properties/secrets/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema11.properties.secrets.items,data:data87};if(vErrors === null){vErrors = [err199];}else {vErrors.push(err199);}errors++;}}else {const err200 = {instancePath:instancePath+"/secrets/" + i5,schemaPath:"#/properties/secrets/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.secrets.items.type,parentSchema:schema11.properties.secrets.items,data:data87};if(vErrors === null){vErrors = [err200];}else {vErrors.push(err200);}errors++;}}let i6 = data86.length;let j1;if(i6 > 1){const indices0 = {};for(;i6--;){let item0 = data86[i6];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j1 = indices0[item0];const err201 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/uniqueItems",keyword:"uniqueItems",params:{i: i6, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i6+" are identical)",schema:true,parentSchema:schema11.properties.secrets,data:data86};if(vErrors === null){vErrors = [err201];}else {vErrors.push(err201);}errors++;break;}indices0[item0] = i6;}}}else {const err202 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.secrets.type,parentSchema:schema11.properties.secrets,data:data86};if(vErrors === null){vErrors = [err202];}else {vErrors.push(err202);}errors++;}}if(data.forced !== undefined){let data88 = data.forced;if(typeof data88 !== "boolean"){const err203 = {instancePath:instancePath+"/forced",schemaPath:"#/properties/forced/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.forced.type,parentSchema:schema11.properties.forced,data:data88};if(vErrors === null){vErrors = [err203];}else {vErrors.push(err203);}errors++;}}if(data.unreleased !== undefined){let data89 = data.unreleased;if(true !== data89){const err204 = {instancePath:instancePath+"/unreleased",schemaPath:"#/properties/unreleased/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema11.properties.unreleased,data:data89};if(vErrors === null){vErrors = [err204];}else {vErrors.push(err204);}errors++;}}if(data.checkOnly !== undefined){let data90 = data.checkOnly;if(true !== data90){const err205 = {instancePath:instancePath+"/checkOnly",schemaPath:"#/properties/checkOnly/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema11.properties.checkOnly,data:data90};if(vErrors === null){vErrors = [err205];}else {vErrors.push(err205);}errors++;}}if(data.target !== undefined){let data91 = data.target;if(typeof data91 === "string"){if(!pattern15.test(data91)){const err206 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$",parentSchema:schema11.properties.target,data:data91};if(vErrors === null){vErrors = [err206];}else {vErrors.push(err206);}errors++;}}else {const err207 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.target.type,parentSchema:schema11.properties.target,data:data91};if(vErrors === null){vErrors = [err207];}else {vErrors.push(err207);}errors++;}}if(data.targetFacts !== undefined){let data92 = data.targetFacts;if(data92 && typeof data92 == "object" && !Array.isArray(data92)){if(Object.keys(data92).length > 32){const err208 = {instancePath:instancePath+"/targetFacts",schemaPath:"#/properties/targetFacts/maxProperties",keyword:"maxProperties",params:{limit: 32},message:"must NOT have more than 32 properties",schema:32,parentSchema:schema11.properties.targetFacts,data:data92};if(vErrors === null){vErrors = [err208];}else {vErrors.push(err208);}errors++;}for(const key8 in data92){const _errs210 = errors;if(typeof key8 === "string"){if(!pattern16.test(key8)){const err209 = {instancePath:instancePath+"/targetFacts",schemaPath:"#/properties/targetFacts/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_]{0,62}$",parentSchema:schema11.properties.targetFacts.propertyNames,data:key8,propertyName:key8};if(vErrors === null){vErrors = [err209];}else {vErrors.push(err209);}errors++;}}var valid77 = _errs210 === errors;if(!valid77){const err210 = {instancePath:instancePath+"/targetFacts",schemaPath:"#/properties/targetFacts/propertyNames",keyword:"propertyNames",params:{propertyName: key8},message:"property name must be valid",schema:schema11.properties.targetFacts.propertyNames,parentSchema:schema11.properties.targetFacts,data:data92};if(vErrors === null){vErrors = [err210];}else {vErrors.push(err210);}errors++;}}for(const key9 in data92){let data93 = data92[key9];if(typeof data93 === "string"){if(func3(data93) > 4096){const err211 = {instancePath:instancePath+"/targetFacts/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/targetFacts/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.targetFacts.additionalProperties,data:data93};if(vErrors === null){vErrors = [err211];}else {vErrors.push(err211);}errors++;}}else {const err212 = {instancePath:instancePath+"/targetFacts/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/targetFacts/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.targetFacts.additionalProperties.type,parentSchema:schema11.properties.targetFacts.additionalProperties,data:data93};if(vErrors === null){vErrors = [err212];}else {vErrors.push(err212);}errors++;}}}else {const err213 = {instancePath:instancePath+"/targetFacts",schemaPath:"#/properties/targetFacts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.targetFacts.type,parentSchema:schema11.properties.targetFacts,data:data92};if(vErrors === null){vErrors = [err213];}else {vErrors.push(err213);}errors++;}}if(data.idempotencyKey !== undefined){let data94 = data.idempotencyKey;if(typeof data94 === "string"){if(!pattern17.test(data94)){const err214 = {instancePath:instancePath+"/idempotencyKey",schemaPath:"#/properties/idempotencyKey/pattern",keyword:"pattern",params:{pattern: "^[!-~]{1,256}$"},message:"must match pattern \""+"^[!-~]{1,256}$"+"\"",schema:"^[!-~]{1,256}$",parentSchema:schema11.properties.idempotencyKey,data:data94};if(vErrors === null){vErrors = [err214];}else {vErrors.push(err214);}errors++;}}else {const err215 = {instancePath:instancePath+"/idempotencyKey",schemaPath:"#/properties/idempotencyKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.idempotencyKey.type,parentSchema:schema11.properties.idempotencyKey,data:data94};if(vErrors === null){vErrors = [err215];}else {vErrors.push(err215);}errors++;}}if(data.circuitBreaker !== undefined){let data95 = data.circuitBreaker;if(data95 && typeof data95 == "object" && !Array.isArray(data95)){if(data95.counted === undefined){const err216 = {instancePath:instancePath+"/circuitBreaker",schemaPath:"#/properties/circuitBreaker/required",keyword:"required",params:{missingProperty: "counted"},message:"must have required property '"+"counted"+"'",schema:schema11.properties.circuitBreaker.required,parentSchema:schema11.properties.circuitBreaker,data:data95};if(vErrors === null){vErrors = [err216];}else {vErrors.push(err216);}errors++;}if(data95.ignored === undefined){const err217 = {instancePath:instancePath+"/circuitBreaker",schemaPath:"#/properties/circuitBreaker/required",keyword:"required",params:{missingProperty: "ignored"},message:"must have required property '"+"ignored"+"'",schema:schema11.properties.circuitBreaker.required,parentSchema:schema11.properties.circuitBreaker,data:data95};if(vErrors === null){vErrors = [err217];}else {vErrors.push(err217);}errors++;}for(const key10 in data95){if(!((key10 === "counted") || (key10 === "ignored"))){const err218 = {instancePath:instancePath+"/circuitBreaker",schemaPath:"#/properties/circuitBreaker/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.circuitBreaker,data:data95};if(vErrors === null){vErrors = [err218];}else {vErrors.push(err218);}errors++;}}if(data95.counted !== undefined){let data96 = data95.counted;if(!(((typeof data96 == "number") && (!(data96 % 1) && !isNaN(data96))) && (isFinite(data96)))){const err219 = {instancePath:instancePath+"/circuitBreaker/counted",schemaPath:"#/properties/circuitBreaker/properties/counted/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.circuitBreaker.properties.counted.type,parentSchema:schema11.properties.circuitBreaker.properties.counted,data:data96};if(vErrors === null){vErrors = [err219];}else {vErrors.push(err219);}errors++;}if((typeof data96 == "number") && (isFinite(data96))){if(data96 < 0 || isNaN(data96)){const err220 = {instancePath:instancePath+"/circuitBreaker/counted",schemaPath:"#/properties/circuitBreaker/properties/counted/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.circuitBreaker.properties.counted,data:data96};if(vErrors === null){vErrors = [err220];}else {vErrors.push(err220);}errors++;}}}if(data95.ignored !== undefined){let data97 = data95.ignored;if(typeof data97 !== "boolean"){const err221 = {instancePath:instancePath+"/circuitBreaker/ignored",schemaPath:"#/properties/circuitBreaker/properties/ignored/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.circuitBreaker.properties.ignored.type,parentSchema:schema11.properties.circuitBreaker.properties.ignored,data:data97};if(vErrors === null){vErrors = [err221];}else {vErrors.push(err221);}errors++;}}}else {const err222 = {instancePath:instancePath+"/circuitBreaker",schemaPath:"#/properties/circuitBreaker/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.circuitBreaker.type,parentSchema:schema11.properties.circuitBreaker,data:data95};if(vErrors === null){vErrors = [err222];}else {vErrors.push(err222);}errors++;}}if(data.replayOf !== undefined){let data98 = data.replayOf;if(data98 && typeof data98 == "object" && !Array.isArray(data98)){if(data98.runId === undefined){const err223 = {instancePath:instancePath+"/replayOf",schemaPath:"#/properties/replayOf/required",keyword:"required",params:{missingProperty: "runId"},message:"must have required property '"+"runId"+"'",schema:schema11.properties.replayOf.required,parentSchema:schema11.properties.replayOf,data:data98};if(vErrors === null){vErrors = [err223];}else {vErrors.push(err223);}errors++;}if(data98.snapshotDigest === undefined){const err224 = {instancePath:instancePath+"/replayOf",schemaPath:"#/properties/replayOf/required",keyword:"required",params:{missingProperty: "snapshotDigest"},message:"must have required property '"+"snapshotDigest"+"'",schema:schema11.properties.replayOf.required,parentSchema:schema11.properties.replayOf,data:data98};if(vErrors === null){vErrors = [err224];}else {vErrors.push(err224);}errors++;}if(data98.authenticated === undefined){const err225 = {instancePath:instancePath+"/replayOf",schemaPath:"#/properties/replayOf/required",keyword:"required",params:{missingProperty: "authenticated"},message:"must have required property '"+"authenticated"+"'",schema:schema11.properties.replayOf.required,parentSchema:schema11.properties.replayOf,data:data98};if(vErrors === null){vErrors = [err225];}else {vErrors.push(err225);}errors++;}for(const key11 in data98){if(!(((key11 === "runId") || (key11 === "snapshotDigest")) || (key11 === "authenticated"))){const err226 = {instancePath:instancePath+"/replayOf",schemaPath:"#/properties/replayOf/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.replayOf,data:data98};if(vErrors === null){vErrors = [err226];}else {vErrors.push(err226);}errors++;}}if(data98.runId !== undefined){let data99 = data98.runId;if(typeof data99 === "string"){if(!pattern1.test(data99)){const err227 = {instancePath:instancePath+"/replayOf/runId",schemaPath:"#/properties/replayOf/properties/runId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$",parentSchema:schema11.properties.replayOf.properties.runId,data:data99};if(vErrors === null){vErrors = [err227];}else {vErrors.push(err227);}errors++;}}else {const err228 = {instancePath:instancePath+"/replayOf/runId",schemaPath:"#/properties/replayOf/properties/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.replayOf.properties.runId.type,parentSchema:schema11.properties.replayOf.properties.runId,data:data99};if(vErrors === null){vErrors = [err228];}else {vErrors.push(err228);}errors++;}}if(data98.snapshotDigest !== undefined){let data100 = data98.snapshotDigest;if(typeof data100 === "string"){if(!pattern7.test(data100)){const err229 = {instancePath:instancePath+"/replayOf/snapshotDigest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data100};if(vErrors === null){vErrors = [err229];}else {vErrors.push(err229);}errors++;}}else {const err230 = {instancePath:instancePath+"/replayOf/snapshotDigest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data100};if(vErrors === null){vErrors = [err230];}else {vErrors.push(err230);}errors++;}}if(data98.authenticated !== undefined){let data101 = data98.authenticated;if(typeof data101 !== "boolean"){const err231 = {instancePath:instancePath+"/replayOf/authenticated",schemaPath:"#/properties/replayOf/properties/authenticated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.replayOf.properties.authenticated.type,parentSchema:schema11.properties.replayOf.properties.authenticated,data:data101};if(vErrors === null){vErrors = [err231];}else {vErrors.push(err231);}errors++;}}}else {const err232 = {instancePath:instancePath+"/replayOf",schemaPath:"#/properties/replayOf/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.replayOf.type,parentSchema:schema11.properties.replayOf,data:data98};if(vErrors === null){vErrors = [err232];}else {vErrors.push(err232);}errors++;}}if(data.plan !== undefined){let data102 = data.plan;if(data102 && typeof data102 == "object" && !Array.isArray(data102)){if(data102.digest === undefined){const err233 = {instancePath:instancePath+"/plan",schemaPath:"#/properties/plan/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:schema11.properties.plan.required,parentSchema:schema11.properties.plan,data:data102};if(vErrors === null){vErrors = [err233];}else {vErrors.push(err233);}errors++;}if(data102.approved === undefined){const err234 = {instancePath:instancePath+"/plan",schemaPath:"#/properties/plan/required",keyword:"required",params:{missingProperty: "approved"},message:"must have required property '"+"approved"+"'",schema:schema11.properties.plan.required,parentSchema:schema11.properties.plan,data:data102};if(vErrors === null){vErrors = [err234];}else {vErrors.push(err234);}errors++;}for(const key12 in data102){if(!((key12 === "digest") || (key12 === "approved"))){const err235 = {instancePath:instancePath+"/plan",schemaPath:"#/properties/plan/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.plan,data:data102};if(vErrors === null){vErrors = [err235];}else {vErrors.push(err235);}errors++;}}if(data102.digest !== undefined){let data103 = data102.digest;if(typeof data103 === "string"){if(!pattern7.test(data103)){const err236 = {instancePath:instancePath+"/plan/digest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data103};if(vErrors === null){vErrors = [err236];}else {vErrors.push(err236);}errors++;}}else {const err237 = {instancePath:instancePath+"/plan/digest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data103};if(vErrors === null){vErrors = [err237];}else {vErrors.push(err237);}errors++;}}if(data102.approved !== undefined){let data104 = data102.approved;if(typeof data104 === "string"){if(!pattern7.test(data104)){const err238 = {instancePath:instancePath+"/plan/approved",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data104};if(vErrors === null){vErrors = [err238];}else {vErrors.push(err238);}errors++;}}else {const err239 = {instancePath:instancePath+"/plan/approved",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data104};if(vErrors === null){vErrors = [err239];}else {vErrors.push(err239);}errors++;}}}else {const err240 = {instancePath:instancePath+"/plan",schemaPath:"#/properties/plan/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.plan.type,parentSchema:schema11.properties.plan,data:data102};if(vErrors === null){vErrors = [err240];}else {vErrors.push(err240);}errors++;}}if(data.approval !== undefined){let data105 = data.approval;if(data105 && typeof data105 == "object" && !Array.isArray(data105)){if(data105.readAt === undefined){const err241 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/required",keyword:"required",params:{missingProperty: "readAt"},message:"must have required property '"+"readAt"+"'",schema:schema11.properties.approval.required,parentSchema:schema11.properties.approval,data:data105};if(vErrors === null){vErrors = [err241];}else {vErrors.push(err241);}errors++;}for(const key13 in data105){if(!(((key13 === "readAt") || (key13 === "reviews")) || (key13 === "unavailable"))){const err242 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.approval,data:data105};if(vErrors === null){vErrors = [err242];}else {vErrors.push(err242);}errors++;}}if(data105.readAt !== undefined){let data106 = data105.readAt;if(typeof data106 === "string"){if(!pattern0.test(data106)){const err243 = {instancePath:instancePath+"/approval/readAt",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:schema12,data:data106};if(vErrors === null){vErrors = [err243];}else {vErrors.push(err243);}errors++;}}else {const err244 = {instancePath:instancePath+"/approval/readAt",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data106};if(vErrors === null){vErrors = [err244];}else {vErrors.push(err244);}errors++;}}if(data105.reviews !== undefined){let data107 = data105.reviews;if(Array.isArray(data107)){if(data107.length > 100){const err245 = {instancePath:instancePath+"/approval/reviews",schemaPath:"#/properties/approval/properties/reviews/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema11.properties.approval.properties.reviews,data:data107};if(vErrors === null){vErrors = [err245];}else {vErrors.push(err245);}errors++;}const len5 = data107.length;for(let i7=0; i7<len5; i7++){let data108 = data107[i7];if(data108 && typeof data108 == "object" && !Array.isArray(data108)){if(data108.state === undefined){const err246 = {instancePath:instancePath+"/approval/reviews/" + i7,schemaPath:"#/properties/approval/properties/reviews/items/required",keyword:"required",params:{missingProperty: "state"},message:"must have required property '"+"state"+"'",schema:schema11.properties.approval.properties.reviews.items.required,parentSchema:schema11.properties.approval.properties.reviews.items,data:data108};if(vErrors === null){vErrors = [err246];}else {vErrors.push(err246);}errors++;}if(data108.user === undefined){const err247 = {instancePath:instancePath+"/approval/reviews/" + i7,schemaPath:"#/properties/approval/properties/reviews/items/required",keyword:"required",params:{missingProperty: "user"},message:"must have required property '"+"user"+"'",schema:schema11.properties.approval.properties.reviews.items.required,parentSchema:schema11.properties.approval.properties.reviews.items,data:data108};if(vErrors === null){vErrors = [err247];}else {vErrors.push(err247);}errors++;}if(data108.environments === undefined){const err248 = {instancePath:instancePath+"/approval/reviews/" + i7,schemaPath:"#/properties/approval/properties/reviews/items/required",keyword:"required",params:{missingProperty: "environments"},message:"must have required property '"+"environments"+"'",schema:schema11.properties.approval.properties.reviews.items.required,parentSchema:schema11.properties.approval.properties.reviews.items,data:data108};if(vErrors === null){vErrors = [err248];}else {vErrors.push(err248);}errors++;}if(data108.comment === undefined){const err249 = {instancePath:instancePath+"/approval/reviews/" + i7,schemaPath:"#/properties/approval/properties/reviews/items/required",keyword:"required",params:{missingProperty: "comment"},message:"must have required property '"+"comment"+"'",schema:schema11.properties.approval.properties.reviews.items.required,parentSchema:schema11.properties.approval.properties.reviews.items,data:data108};if(vErrors === null){vErrors = [err249];}else {vErrors.push(err249);}errors++;}for(const key14 in data108){if(!((((key14 === "state") || (key14 === "user")) || (key14 === "environments")) || (key14 === "comment"))){const err250 = {instancePath:instancePath+"/approval/reviews/" + i7,schemaPath:"#/properties/approval/properties/reviews/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.approval.properties.reviews.items,data:data108};if(vErrors === null){vErrors = [err250];}else {vErrors.push(err250);}errors++;}}if(data108.state !== undefined){let data109 = data108.state;if(!(((data109 === "approved") || (data109 === "rejected")) || (data109 === "pending"))){const err251 = {instancePath:instancePath+"/approval/reviews/" + i7+"/state",schemaPath:"#/properties/approval/properties/reviews/items/properties/state/enum",keyword:"enum",params:{allowedValues: schema11.properties.approval.properties.reviews.items.properties.state.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.approval.properties.reviews.items.properties.state.enum,parentSchema:schema11.properties.approval.properties.reviews.items.properties.state,data:data109};if(vErrors === null){vErrors = [err251];}else {vErrors.push(err251);}errors++;}}if(data108.user !== undefined){let data110 = data108.user;if(typeof data110 === "string"){if(func3(data110) > 100){const err252 = {instancePath:instancePath+"/approval/reviews/" + i7+"/user",schemaPath:"#/properties/approval/properties/reviews/items/properties/user/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.approval.properties.reviews.items.properties.user,data:data110};if(vErrors === null){vErrors = [err252];}else {vErrors.push(err252);}errors++;}}else {const err253 = {instancePath:instancePath+"/approval/reviews/" + i7+"/user",schemaPath:"#/properties/approval/properties/reviews/items/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.approval.properties.reviews.items.properties.user.type,parentSchema:schema11.properties.approval.properties.reviews.items.properties.user,data:data110};if(vErrors === null){vErrors = [err253];}else {vErrors.push(err253);}errors++;}}if(data108.environments !== undefined){let data111 = data108.environments;if(Array.isArray(data111)){if(data111.length > 50){const err254 = {instancePath:instancePath+"/approval/reviews/" + i7+"/environments",schemaPath:"#/properties/approval/properties/reviews/items/properties/environments/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items",schema:50,parentSchema:schema11.properties.approval.properties.reviews.items.properties.environments,data:data111};if(vErrors === null){vErrors = [err254];}else {vErrors.push(err254);}errors++;}const len6 = data111.length;for(let i8=0; i8<len6; i8++){let data112 = data111[i8];if(typeof data112 === "string"){if(func3(data112) > 255){const err255 = {instancePath:instancePath+"/approval/reviews/" + i7+"/environments/" + i8,schemaPath:"#/properties/approval/properties/reviews/items/properties/environments/items/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters",schema:255,parentSchema:schema11.properties.approval.properties.reviews.items.properties.environments.items,data:data112};if(vErrors === null){vErrors = [err255];}else {vErrors.push(err255);}errors++;}}else {const err256 = {instancePath:instancePath+"/approval/reviews/" + i7+"/environments/" + i8,schemaPath:"#/properties/approval/properties/reviews/items/properties/environments/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.approval.properties.reviews.items.properties.environments.items.type,parentSchema:schema11.properties.approval.properties.reviews.items.properties.environments.items,data:data112};if(vErrors === null){vErrors = [err256];}else {vErrors.push(err256);}errors++;}}}else {const err257 = {instancePath:instancePath+"/approval/reviews/" + i7+"/environments",schemaPath:"#/properties/approval/properties/reviews/items/properties/environments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.approval.properties.reviews.items.properties.environments.type,parentSchema:schema11.properties.approval.properties.reviews.items.properties.environments,data:data111};if(vErrors === null){vErrors = [err257];}else {vErrors.push(err257);}errors++;}}if(data108.comment !== undefined){let data113 = data108.comment;if(typeof data113 === "string"){if(func3(data113) > 4096){const err258 = {instancePath:instancePath+"/approval/reviews/" + i7+"/comment",schemaPath:"#/properties/approval/properties/reviews/items/properties/comment/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.approval.properties.reviews.items.properties.comment,data:data113};if(vErrors === null){vErrors = [err258];}else {vErrors.push(err258);}errors++;}}else {const err259 = {instancePath:instancePath+"/approval/reviews/" + i7+"/comment",schemaPath:"#/properties/approval/properties/reviews/items/properties/comment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.approval.properties.reviews.items.properties.comment.type,parentSchema:schema11.properties.approval.properties.reviews.items.properties.comment,data:data113};if(vErrors === null){vErrors = [err259];}else {vErrors.push(err259);}errors++;}}}else {const err260 = {instancePath:instancePath+"/approval/reviews/" + i7,schemaPath:"#/properties/approval/properties/reviews/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.approval.properties.reviews.items.type,parentSchema:schema11.properties.approval.properties.reviews.items,data:data108};if(vErrors === null){vErrors = [err260];}else {vErrors.push(err260);}errors++;}}}else {const err261 = {instancePath:instancePath+"/approval/reviews",schemaPath:"#/properties/approval/properties/reviews/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.approval.properties.reviews.type,parentSchema:schema11.properties.approval.properties.reviews,data:data107};if(vErrors === null){vErrors = [err261];}else {vErrors.push(err261);}errors++;}}if(data105.unavailable !== undefined){let data114 = data105.unavailable;if(typeof data114 === "string"){if(func3(data114) > 1000){const err262 = {instancePath:instancePath+"/approval/unavailable",schemaPath:"#/properties/approval/properties/unavailable/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters",schema:1000,parentSchema:schema11.properties.approval.properties.unavailable,data:data114};if(vErrors === null){vErrors = [err262];}else {vErrors.push(err262);}errors++;}}else {const err263 = {instancePath:instancePath+"/approval/unavailable",schemaPath:"#/properties/approval/properties/unavailable/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.approval.properties.unavailable.type,parentSchema:schema11.properties.approval.properties.unavailable,data:data114};if(vErrors === null){vErrors = [err263];}else {vErrors.push(err263);}errors++;}}}else {const err264 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.approval.type,parentSchema:schema11.properties.approval,data:data105};if(vErrors === null){vErrors = [err264];}else {vErrors.push(err264);}errors++;}}if(data.trigger !== undefined){let data115 = data.trigger;const _errs266 = errors;let valid92 = true;const _errs267 = errors;if(data115 && typeof data115 == "object" && !Array.isArray(data115)){if(data115.kind !== undefined){if("github" !== data115.kind){const err265 = {};if(vErrors === null){vErrors = [err265];}else {vErrors.push(err265);}errors++;}}}var _valid14 = _errs267 === errors;errors = _errs266;if(vErrors !== null){if(_errs266){vErrors.length = _errs266;}else {vErrors = null;}}let ifClause2;if(_valid14){const _errs269 = errors;if(!(validate11(data115, {instancePath:instancePath+"/trigger",parentData:data,parentDataProperty:"trigger",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}var _valid14 = _errs269 === errors;valid92 = _valid14;ifClause2 = "then";}else {const _errs270 = errors;if(data115 && typeof data115 == "object" && !Array.isArray(data115)){if(data115.kind === undefined){const err266 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema27.required,parentSchema:schema27,data:data115};if(vErrors === null){vErrors = [err266];}else {vErrors.push(err266);}errors++;}if(data115.user === undefined){const err267 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/required",keyword:"required",params:{missingProperty: "user"},message:"must have required property '"+"user"+"'",schema:schema27.required,parentSchema:schema27,data:data115};if(vErrors === null){vErrors = [err267];}else {vErrors.push(err267);}errors++;}if(data115.host === undefined){const err268 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema27.required,parentSchema:schema27,data:data115};if(vErrors === null){vErrors = [err268];}else {vErrors.push(err268);}errors++;}for(const key15 in data115){if(!(((key15 === "kind") || (key15 === "user")) || (key15 === "host"))){const err269 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema27,data:data115};if(vErrors === null){vErrors = [err269];}else {vErrors.push(err269);}errors++;}}if(data115.kind !== undefined){let data117 = data115.kind;if("local" !== data117){const err270 = {instancePath:instancePath+"/trigger/kind",schemaPath:"#/definitions/localTrigger/properties/kind/const",keyword:"const",params:{allowedValue: "local"},message:"must be equal to constant",schema:"local",parentSchema:schema27.properties.kind,data:data117};if(vErrors === null){vErrors = [err270];}else {vErrors.push(err270);}errors++;}}if(data115.user !== undefined){let data118 = data115.user;if(typeof data118 !== "string"){const err271 = {instancePath:instancePath+"/trigger/user",schemaPath:"#/definitions/localTrigger/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.user.type,parentSchema:schema27.properties.user,data:data118};if(vErrors === null){vErrors = [err271];}else {vErrors.push(err271);}errors++;}}if(data115.host !== undefined){let data119 = data115.host;if(typeof data119 !== "string"){const err272 = {instancePath:instancePath+"/trigger/host",schemaPath:"#/definitions/localTrigger/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.host.type,parentSchema:schema27.properties.host,data:data119};if(vErrors === null){vErrors = [err272];}else {vErrors.push(err272);}errors++;}}}else {const err273 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data:data115};if(vErrors === null){vErrors = [err273];}else {vErrors.push(err273);}errors++;}var _valid14 = _errs270 === errors;valid92 = _valid14;ifClause2 = "else";}if(!valid92){const err274 = {instancePath:instancePath+"/trigger",schemaPath:"#/properties/trigger/if",keyword:"if",params:{failingKeyword: ifClause2},message:"must match \""+ifClause2+"\" schema",schema:schema11.properties.trigger.if,parentSchema:schema11.properties.trigger,data:data115};if(vErrors === null){vErrors = [err274];}else {vErrors.push(err274);}errors++;}if(data115 && typeof data115 == "object" && !Array.isArray(data115)){if(data115.kind === undefined){const err275 = {instancePath:instancePath+"/trigger",schemaPath:"#/properties/trigger/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema11.properties.trigger.required,parentSchema:schema11.properties.trigger,data:data115};if(vErrors === null){vErrors = [err275];}else {vErrors.push(err275);}errors++;}if(data115.kind !== undefined){let data120 = data115.kind;if(!((data120 === "local") || (data120 === "github"))){const err276 = {instancePath:instancePath+"/trigger/kind",schemaPath:"#/properties/trigger/properties/kind/enum",keyword:"enum",params:{allowedValues: schema11.properties.trigger.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.trigger.properties.kind.enum,parentSchema:schema11.properties.trigger.properties.kind,data:data120};if(vErrors === null){vErrors = [err276];}else {vErrors.push(err276);}errors++;}}}else {const err277 = {instancePath:instancePath+"/trigger",schemaPath:"#/properties/trigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.trigger.type,parentSchema:schema11.properties.trigger,data:data115};if(vErrors === null){vErrors = [err277];}else {vErrors.push(err277);}errors++;}}if(data.runner !== undefined){let data121 = data.runner;if(data121 && typeof data121 == "object" && !Array.isArray(data121)){if(data121.os === undefined){const err278 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/required",keyword:"required",params:{missingProperty: "os"},message:"must have required property '"+"os"+"'",schema:schema11.properties.runner.required,parentSchema:schema11.properties.runner,data:data121};if(vErrors === null){vErrors = [err278];}else {vErrors.push(err278);}errors++;}if(data121.arch === undefined){const err279 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/required",keyword:"required",params:{missingProperty: "arch"},message:"must have required property '"+"arch"+"'",schema:schema11.properties.runner.required,parentSchema:schema11.properties.runner,data:data121};if(vErrors === null){vErrors = [err279];}else {vErrors.push(err279);}errors++;}if(data121.node === undefined){const err280 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/required",keyword:"required",params:{missingProperty: "node"},message:"must have required property '"+"node"+"'",schema:schema11.properties.runner.required,parentSchema:schema11.properties.runner,data:data121};if(vErrors === null){vErrors = [err280];}else {vErrors.push(err280);}errors++;}for(const key16 in data121){if(!(((((key16 === "os") || (key16 === "arch")) || (key16 === "node")) || (key16 === "name")) || (key16 === "runnerOs"))){const err281 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.runner,data:data121};if(vErrors === null){vErrors = [err281];}else {vErrors.push(err281);}errors++;}}if(data121.os !== undefined){let data122 = data121.os;if(typeof data122 === "string"){if(func3(data122) < 1){const err282 = {instancePath:instancePath+"/runner/os",schemaPath:"#/properties/runner/properties/os/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.runner.properties.os,data:data122};if(vErrors === null){vErrors = [err282];}else {vErrors.push(err282);}errors++;}}else {const err283 = {instancePath:instancePath+"/runner/os",schemaPath:"#/properties/runner/properties/os/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.runner.properties.os.type,parentSchema:schema11.properties.runner.properties.os,data:data122};if(vErrors === null){vErrors = [err283];}else {vErrors.push(err283);}errors++;}}if(data121.arch !== undefined){let data123 = data121.arch;if(typeof data123 === "string"){if(func3(data123) < 1){const err284 = {instancePath:instancePath+"/runner/arch",schemaPath:"#/properties/runner/properties/arch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.runner.properties.arch,data:data123};if(vErrors === null){vErrors = [err284];}else {vErrors.push(err284);}errors++;}}else {const err285 = {instancePath:instancePath+"/runner/arch",schemaPath:"#/properties/runner/properties/arch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.runner.properties.arch.type,parentSchema:schema11.properties.runner.properties.arch,data:data123};if(vErrors === null){vErrors = [err285];}else {vErrors.push(err285);}errors++;}}if(data121.node !== undefined){let data124 = data121.node;if(typeof data124 === "string"){if(!pattern24.test(data124)){const err286 = {instancePath:instancePath+"/runner/node",schemaPath:"#/properties/runner/properties/node/pattern",keyword:"pattern",params:{pattern: "^v\\d+\\.\\d+\\.\\d+"},message:"must match pattern \""+"^v\\d+\\.\\d+\\.\\d+"+"\"",schema:"^v\\d+\\.\\d+\\.\\d+",parentSchema:schema11.properties.runner.properties.node,data:data124};if(vErrors === null){vErrors = [err286];}else {vErrors.push(err286);}errors++;}}else {const err287 = {instancePath:instancePath+"/runner/node",schemaPath:"#/properties/runner/properties/node/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.runner.properties.node.type,parentSchema:schema11.properties.runner.properties.node,data:data124};if(vErrors === null){vErrors = [err287];}else {vErrors.push(err287);}errors++;}}if(data121.name !== undefined){let data125 = data121.name;if(typeof data125 === "string"){if(func3(data125) > 256){const err288 = {instancePath:instancePath+"/runner/name",schemaPath:"#/properties/runner/properties/name/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema11.properties.runner.properties.name,data:data125};if(vErrors === null){vErrors = [err288];}else {vErrors.push(err288);}errors++;}}else {const err289 = {instancePath:instancePath+"/runner/name",schemaPath:"#/properties/runner/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.runner.properties.name.type,parentSchema:schema11.properties.runner.properties.name,data:data125};if(vErrors === null){vErrors = [err289];}else {vErrors.push(err289);}errors++;}}if(data121.runnerOs !== undefined){let data126 = data121.runnerOs;if(typeof data126 === "string"){if(func3(data126) > 64){const err290 = {instancePath:instancePath+"/runner/runnerOs",schemaPath:"#/properties/runner/properties/runnerOs/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema11.properties.runner.properties.runnerOs,data:data126};if(vErrors === null){vErrors = [err290];}else {vErrors.push(err290);}errors++;}}else {const err291 = {instancePath:instancePath+"/runner/runnerOs",schemaPath:"#/properties/runner/properties/runnerOs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.runner.properties.runnerOs.type,parentSchema:schema11.properties.runner.properties.runnerOs,data:data126};if(vErrors === null){vErrors = [err291];}else {vErrors.push(err291);}errors++;}}}else {const err292 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.runner.type,parentSchema:schema11.properties.runner,data:data121};if(vErrors === null){vErrors = [err292];}else {vErrors.push(err292);}errors++;}}if(data.tool !== undefined){let data127 = data.tool;if(data127 && typeof data127 == "object" && !Array.isArray(data127)){if(data127.name === undefined){const err293 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.tool.required,parentSchema:schema11.properties.tool,data:data127};if(vErrors === null){vErrors = [err293];}else {vErrors.push(err293);}errors++;}if(data127.version === undefined){const err294 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.properties.tool.required,parentSchema:schema11.properties.tool,data:data127};if(vErrors === null){vErrors = [err294];}else {vErrors.push(err294);}errors++;}if(data127.bundleDigest === undefined){const err295 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/required",keyword:"required",params:{missingProperty: "bundleDigest"},message:"must have required property '"+"bundleDigest"+"'",schema:schema11.properties.tool.required,parentSchema:schema11.properties.tool,data:data127};if(vErrors === null){vErrors = [err295];}else {vErrors.push(err295);}errors++;}for(const key17 in data127){if(!(((key17 === "name") || (key17 === "version")) || (key17 === "bundleDigest"))){const err296 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tool,data:data127};if(vErrors === null){vErrors = [err296];}else {vErrors.push(err296);}errors++;}}if(data127.name !== undefined){let data128 = data127.name;if("remediate" !== data128){const err297 = {instancePath:instancePath+"/tool/name",schemaPath:"#/properties/tool/properties/name/const",keyword:"const",params:{allowedValue: "remediate"},message:"must be equal to constant",schema:"remediate",parentSchema:schema11.properties.tool.properties.name,data:data128};if(vErrors === null){vErrors = [err297];}else {vErrors.push(err297);}errors++;}}if(data127.version !== undefined){let data129 = data127.version;if(typeof data129 === "string"){if(!pattern25.test(data129)){const err298 = {instancePath:instancePath+"/tool/version",schemaPath:"#/properties/tool/properties/version/pattern",keyword:"pattern",params:{pattern: "^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$"},message:"must match pattern \""+"^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$"+"\"",schema:"^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$",parentSchema:schema11.properties.tool.properties.version,data:data129};if(vErrors === null){vErrors = [err298];}else {vErrors.push(err298);}errors++;}}else {const err299 = {instancePath:instancePath+"/tool/version",schemaPath:"#/properties/tool/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tool.properties.version.type,parentSchema:schema11.properties.tool.properties.version,data:data129};if(vErrors === null){vErrors = [err299];}else {vErrors.push(err299);}errors++;}}if(data127.bundleDigest !== undefined){let data130 = data127.bundleDigest;if(typeof data130 === "string"){if(!pattern7.test(data130)){const err300 = {instancePath:instancePath+"/tool/bundleDigest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema16,data:data130};if(vErrors === null){vErrors = [err300];}else {vErrors.push(err300);}errors++;}}else {const err301 = {instancePath:instancePath+"/tool/bundleDigest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data130};if(vErrors === null){vErrors = [err301];}else {vErrors.push(err301);}errors++;}}}else {const err302 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tool.type,parentSchema:schema11.properties.tool,data:data127};if(vErrors === null){vErrors = [err302];}else {vErrors.push(err302);}errors++;}}if(data.started !== undefined){let data131 = data.started;if(typeof data131 === "string"){if(!pattern0.test(data131)){const err303 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:schema12,data:data131};if(vErrors === null){vErrors = [err303];}else {vErrors.push(err303);}errors++;}}else {const err304 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data131};if(vErrors === null){vErrors = [err304];}else {vErrors.push(err304);}errors++;}}if(data.ended !== undefined){let data132 = data.ended;if(typeof data132 === "string"){if(!pattern0.test(data132)){const err305 = {instancePath:instancePath+"/ended",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:schema12,data:data132};if(vErrors === null){vErrors = [err305];}else {vErrors.push(err305);}errors++;}}else {const err306 = {instancePath:instancePath+"/ended",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data132};if(vErrors === null){vErrors = [err306];}else {vErrors.push(err306);}errors++;}}if(data.durationMs !== undefined){let data133 = data.durationMs;if(!(((typeof data133 == "number") && (!(data133 % 1) && !isNaN(data133))) && (isFinite(data133)))){const err307 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.durationMs.type,parentSchema:schema11.properties.durationMs,data:data133};if(vErrors === null){vErrors = [err307];}else {vErrors.push(err307);}errors++;}if((typeof data133 == "number") && (isFinite(data133))){if(data133 < 0 || isNaN(data133)){const err308 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.durationMs,data:data133};if(vErrors === null){vErrors = [err308];}else {vErrors.push(err308);}errors++;}}}if(data.check !== undefined){let data134 = data.check;if(!(((((data134 === "healthy") || (data134 === "drift")) || (data134 === "forced")) || (data134 === "none")) || (data134 === "error"))){const err309 = {instancePath:instancePath+"/check",schemaPath:"#/properties/check/enum",keyword:"enum",params:{allowedValues: schema11.properties.check.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.check.enum,parentSchema:schema11.properties.check,data:data134};if(vErrors === null){vErrors = [err309];}else {vErrors.push(err309);}errors++;}}if(data.rollback !== undefined){let data135 = data.rollback;if(!((((data135 === "not-needed") || (data135 === "succeeded")) || (data135 === "failed")) || (data135 === "none"))){const err310 = {instancePath:instancePath+"/rollback",schemaPath:"#/properties/rollback/enum",keyword:"enum",params:{allowedValues: schema11.properties.rollback.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rollback.enum,parentSchema:schema11.properties.rollback,data:data135};if(vErrors === null){vErrors = [err310];}else {vErrors.push(err310);}errors++;}}if(data.steps !== undefined){let data136 = data.steps;if(Array.isArray(data136)){const len7 = data136.length;for(let i9=0; i9<len7; i9++){if(!(validate13(data136[i9], {instancePath:instancePath+"/steps/" + i9,parentData:data136,parentDataProperty:i9,rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}}else {const err311 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.steps.type,parentSchema:schema11.properties.steps,data:data136};if(vErrors === null){vErrors = [err311];}else {vErrors.push(err311);}errors++;}}if(data.definition !== undefined){let data138 = data.definition;if(data138 && typeof data138 == "object" && !Array.isArray(data138)){if(data138.file === undefined){const err312 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema11.properties.definition.required,parentSchema:schema11.properties.definition,data:data138};if(vErrors === null){vErrors = [err312];}else {vErrors.push(err312);}errors++;}if(data138.omitted === undefined){const err313 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/required",keyword:"required",params:{missingProperty: "omitted"},message:"must have required property '"+"omitted"+"'",schema:schema11.properties.definition.required,parentSchema:schema11.properties.definition,data:data138};if(vErrors === null){vErrors = [err313];}else {vErrors.push(err313);}errors++;}for(const key18 in data138){if(!((key18 === "file") || (key18 === "omitted"))){const err314 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.definition,data:data138};if(vErrors === null){vErrors = [err314];}else {vErrors.push(err314);}errors++;}}if(data138.file !== undefined){let data139 = data138.file;if("definition.tar" !== data139){const err315 = {instancePath:instancePath+"/definition/file",schemaPath:"#/properties/definition/properties/file/const",keyword:"const",params:{allowedValue: "definition.tar"},message:"must be equal to constant",schema:"definition.tar",parentSchema:schema11.properties.definition.properties.file,data:data139};if(vErrors === null){vErrors = [err315];}else {vErrors.push(err315);}errors++;}}if(data138.omitted !== undefined){let data140 = data138.omitted;if(Array.isArray(data140)){const len8 = data140.length;for(let i10=0; i10<len8; i10++){let data141 = data140[i10];if(typeof data141 === "string"){if(func3(data141) < 1){const err316 = {instancePath:instancePath+"/definition/omitted/" + i10,schemaPath:"#/properties/definition/properties/omitted/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.definition.properties.omitted.items,data:data141};if(vErrors === null){vErrors = [err316];}else {vErrors.push(err316);}errors++;}}else {const err317 = {instancePath:instancePath+"/definition/omitted/" + i10,schemaPath:"#/properties/definition/properties/omitted/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.definition.properties.omitted.items.type,parentSchema:schema11.properties.definition.properties.omitted.items,data:data141};if(vErrors === null){vErrors = [err317];}else {vErrors.push(err317);}errors++;}}let i11 = data140.length;let j2;if(i11 > 1){const indices1 = {};for(;i11--;){let item1 = data140[i11];if(typeof item1 !== "string"){continue;}if(typeof indices1[item1] == "number"){j2 = indices1[item1];const err318 = {instancePath:instancePath+"/definition/omitted",schemaPath:"#/properties/definition/properties/omitted/uniqueItems",keyword:"uniqueItems",params:{i: i11, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i11+" are identical)",schema:true,parentSchema:schema11.properties.definition.properties.omitted,data:data140};if(vErrors === null){vErrors = [err318];}else {vErrors.push(err318);}errors++;break;}indices1[item1] = i11;}}}else {const err319 = {instancePath:instancePath+"/definition/omitted",schemaPath:"#/properties/definition/properties/omitted/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.definition.properties.omitted.type,parentSchema:schema11.properties.definition.properties.omitted,data:data140};if(vErrors === null){vErrors = [err319];}else {vErrors.push(err319);}errors++;}}}else {const err320 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.definition.type,parentSchema:schema11.properties.definition,data:data138};if(vErrors === null){vErrors = [err320];}else {vErrors.push(err320);}errors++;}}if(data.outputs !== undefined){let data142 = data.outputs;if(data142 && typeof data142 == "object" && !Array.isArray(data142)){for(const key19 in data142){const _errs325 = errors;if(typeof key19 === "string"){if(!pattern12.test(key19)){const err321 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema11.properties.outputs.propertyNames,data:key19,propertyName:key19};if(vErrors === null){vErrors = [err321];}else {vErrors.push(err321);}errors++;}}var valid108 = _errs325 === errors;if(!valid108){const err322 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames",keyword:"propertyNames",params:{propertyName: key19},message:"property name must be valid",schema:schema11.properties.outputs.propertyNames,parentSchema:schema11.properties.outputs,data:data142};if(vErrors === null){vErrors = [err322];}else {vErrors.push(err322);}errors++;}}for(const key20 in data142){let data143 = data142[key20];if(typeof data143 !== "string"){const err323 = {instancePath:instancePath+"/outputs/" + key20.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.type,parentSchema:schema11.properties.outputs.additionalProperties,data:data143};if(vErrors === null){vErrors = [err323];}else {vErrors.push(err323);}errors++;}}}else {const err324 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.outputs.type,parentSchema:schema11.properties.outputs,data:data142};if(vErrors === null){vErrors = [err324];}else {vErrors.push(err324);}errors++;}}if(data.log !== undefined){let data144 = data.log;const _errs331 = errors;let valid110 = true;const _errs332 = errors;if(data144 && typeof data144 == "object" && !Array.isArray(data144)){let missing16;if((data144.complete === undefined) && (missing16 = "complete")){const err325 = {};if(vErrors === null){vErrors = [err325];}else {vErrors.push(err325);}errors++;}}var _valid15 = _errs332 === errors;errors = _errs331;if(vErrors !== null){if(_errs331){vErrors.length = _errs331;}else {vErrors = null;}}let ifClause3;if(_valid15){const _errs333 = errors;if(!(validate15(data144, {instancePath:instancePath+"/log",parentData:data,parentDataProperty:"log",rootData}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}var _valid15 = _errs333 === errors;valid110 = _valid15;ifClause3 = "then";}else {const _errs334 = errors;if(!(validate17(data144, {instancePath:instancePath+"/log",parentData:data,parentDataProperty:"log",rootData}))){vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);errors = vErrors.length;}var _valid15 = _errs334 === errors;valid110 = _valid15;ifClause3 = "else";}if(!valid110){const err326 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/if",keyword:"if",params:{failingKeyword: ifClause3},message:"must match \""+ifClause3+"\" schema",schema:schema11.properties.log.if,parentSchema:schema11.properties.log,data:data144};if(vErrors === null){vErrors = [err326];}else {vErrors.push(err326);}errors++;}if(data144 && typeof data144 == "object" && !Array.isArray(data144)){if(data144.file === undefined){const err327 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema11.properties.log.required,parentSchema:schema11.properties.log,data:data144};if(vErrors === null){vErrors = [err327];}else {vErrors.push(err327);}errors++;}if(data144.file !== undefined){let data145 = data144.file;if("run.log" !== data145){const err328 = {instancePath:instancePath+"/log/file",schemaPath:"#/properties/log/properties/file/const",keyword:"const",params:{allowedValue: "run.log"},message:"must be equal to constant",schema:"run.log",parentSchema:schema11.properties.log.properties.file,data:data145};if(vErrors === null){vErrors = [err328];}else {vErrors.push(err328);}errors++;}}}else {const err329 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.log.type,parentSchema:schema11.properties.log,data:data144};if(vErrors === null){vErrors = [err329];}else {vErrors.push(err329);}errors++;}}}else {const err330 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err330];}else {vErrors.push(err330);}errors++;}validate10.errors = vErrors;return errors === 0;}

// EXTERNAL MODULE: ./src/core/schema-errors.ts
var schema_errors = __webpack_require__(16386);
;// CONCATENATED MODULE: ./src/record/snapshot-schema.ts
// Precompiled from the schema at build time (scripts/build-validators.mjs): no compile at run time.


/** Checks parsed snapshot.json against the published schema; problems read `<path>: <message>`. */
function validateSnapshot(value) {
    if (run_snapshot_validator(value))
        return { ok: true };
    // An `if` error only says "must match then/else"; the failing keyword inside is reported on its own.
    const problems = (run_snapshot_validator.errors ?? [])
        .filter((error) => error.keyword !== 'if')
        .map((error) => describe(error, value));
    return { ok: false, problems: [...new Set(problems)] };
}
function describe(error, root) {
    const problem = (0,schema_errors/* readSchemaError */.C_)(error);
    const { path } = problem;
    const got = show(valueAt(root, path));
    switch (problem.keyword) {
        case 'additionalProperties':
            return `${where([...path, problem.key])}: unknown field`;
        case 'required':
            return `${where([...path, problem.key])}: missing required field`;
        case 'false schema':
            return `${where(path)}: not allowed in a snapshot with status ${show(valueAt(root, ['status']))}`;
        case 'enum':
            return `${where(path)}: expected one of ${problem.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
        case 'const':
            return `${where(path)}: expected ${JSON.stringify(problem.value)}, got ${got}`;
        case 'pattern': {
            // A shared format's description (`64 lower-case hex digits`) says what is expected; a
            // field's own description says what the field is for, so its regex is shown instead.
            const description = problem.definition === undefined ? undefined : problem.description;
            return `${where(path)}: expected ${(0,schema_errors/* expectedForm */.TA)(problem.pattern, description)}, got ${got}`;
        }
        case 'propertyNames':
            return `${where([...path, problem.name])}: invalid name`;
        case 'type':
            return `${where(path)}: expected ${problem.types.join(' or ')}, got ${got}`;
        default:
            return `${where(path)}: ${problem.message}, got ${got}`;
    }
}
function where(path) {
    return path.length === 0 ? '(snapshot)' : (0,schema_errors/* formatPath */.jV)(path);
}
function valueAt(root, path) {
    let node = root;
    for (const part of path) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[part];
    }
    return node;
}
function show(value) {
    if (value === undefined)
        return 'nothing';
    if (typeof value === 'string')
        return `'${value.length > 80 ? `${value.slice(0, 77)}...` : value}'`;
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    return String(value);
}


/***/ })

};
