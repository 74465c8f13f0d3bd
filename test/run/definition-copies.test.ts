// The read-only copies steps run from, against a same-user process that rewrites them (a daemon
// an earlier step left running with setsid).
import {
  chmodSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupProcessRunner } from '../../src/adapters/process-runner.ts';
import { parseDefinition } from '../../src/core/definition-parser.ts';
import { treeFile, type TreeFile } from '../../src/core/tree-digest.ts';
import { DefinitionCopies } from '../../src/run/definition-copies.ts';
import { executePlan } from '../../src/run/executor.ts';
import { RunRecorder } from '../../src/record/recorder.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';

const dirs: string[] = [];
let current: Released | undefined;
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    unlockAll(dir);
    rmSync(dir, { recursive: true, force: true });
  }
  current?.repo.remove();
  current = undefined;
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'definition-copies-'));
  dirs.push(dir);
  return dir;
}

/** What a same-user process can do first: give itself back every permission a mode took away. */
function unlockAll(path: string): void {
  try {
    chmodSync(path, 0o700);
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory()) unlockAll(join(path, entry.name));
      else chmodSync(join(path, entry.name), 0o600);
    }
  } catch {
    // gone or not a folder
  }
}

const FILES: TreeFile[] = [
  treeFile('remediation.yml', '100644', Buffer.from('name: svc\n')),
  treeFile('bin/fix.sh', '100755', Buffer.from('echo VERIFIED\n')),
];

/** Waits past the coarse clock tick that stamped the copy, as any later change is. */
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('DefinitionCopies', () => {
  it('keeps copies in a folder nobody can list, under names nobody can guess', () => {
    const parent = tempDir();
    const copies = DefinitionCopies.create(parent, FILES);
    const copy = copies.make();
    expect(statSync(join(parent, 'copies')).mode & 0o777).toBe(0o300);
    expect(dirname(copy.dir)).toBe(join(parent, 'copies'));
    expect(basename(copy.dir)).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(copy.dir, 'bin/fix.sh'), 'utf8')).toBe('echo VERIFIED\n');
    expect(copy.problem(true)).toBeUndefined();
    copies.close();
    expect(statSync(join(parent, 'copies')).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['rewritten', (file: string) => writeFileSync(file, 'echo UNVERIFIED\n')],
    ['rewritten and put back', (file: string) => writeFileSync(file, readFileSync(file))],
    [
      'replaced by a rename',
      (file: string) => (writeFileSync(`${file}.new`, 'echo VERIFIED\n'), renameSync(`${file}.new`, file)),
    ],
    ['linked from elsewhere (to be changed later)', (file: string) => linkSync(file, `${dirname(dirname(file))}.link`)],
    ['removed', (file: string) => unlinkSync(file)],
  ])('reports a copy whose file was %s, even with its mode put back', async (_, change) => {
    const parent = tempDir();
    const copies = DefinitionCopies.create(parent, FILES);
    const copy = copies.make();
    await nextTick();
    const file = join(copy.dir, 'bin/fix.sh');
    unlockAll(copy.dir);
    change(file);
    for (const dir of [copy.dir, join(copy.dir, 'bin')]) chmodSync(dir, 0o555);
    try {
      chmodSync(file, 0o555);
    } catch {
      // removed
    }
    expect(copy.problem(true)).toMatch(/bin\/fix\.sh|bin was|the copy itself/);
    expect(copy.problem(false)).toBeDefined();
    rmSync(`${copy.dir}.link`, { force: true });
    copies.close();
  });
});

describe('a copy rewritten before its step starts', () => {
  it('never runs: the step fails to start and says why', async () => {
    const scratchRoot = tempDir();
    const definitionText = [
      'name: svc',
      'description: two steps',
      'steps:',
      '  - { id: first, run: "true" }',
      '  - { id: second, run: "bash \\"$REMEDIATION_DIR/second.sh\\"" }',
      '',
    ].join('\n');
    const files: TreeFile[] = [
      treeFile('remediation.yml', '100644', Buffer.from(definitionText)),
      treeFile('second.sh', '100644', Buffer.from('echo VERIFIED\n')),
    ];
    const definition = parseDefinition('remediation.yml', files[0]!.content, 'svc');
    const snapshot = { status: 'running', steps: [], outputs: {}, log: { file: 'run.log', complete: false } };
    let log = '';
    // The attacker acts at the one moment a copy exists before its step starts: as the engine
    // writes the step's start marker. It finds every second.sh under the scratch root (giving
    // itself the permissions it needs, as a same-user process can) and rewrites it.
    const recorder = await RunRecorder.create(
      join(tempDir(), 'record'),
      [],
      snapshot as unknown as RunSnapshot,
      () => new Date(),
      (bytes) => {
        const text = bytes.toString('utf8');
        log += text;
        if (text.includes('==> steps/second')) {
          unlockAll(scratchRoot);
          for (const path of findFiles(scratchRoot, 'second.sh')) writeFileSync(path, 'echo UNVERIFIED\n');
        }
        return false;
      },
    );
    const { status } = await executePlan(
      {
        name: 'svc',
        version: 'v1.0.0',
        runId: 'test',
        release: {
          commit: '0'.repeat(40),
          digest: `sha256:${'0'.repeat(64)}`,
          manifestSerial: 1,
          manifestDigest: `sha256:${'0'.repeat(64)}`,
          signers: [],
        },
        definition,
        files,
        params: {},
        secrets: {},
        force: false,
      },
      recorder,
      {
        runner: new GroupProcessRunner(),
        callerEnv: { PATH: process.env.PATH },
        scratchRoot,
        clock: () => new Date(),
        retryBackoffMs: 10,
        killGraceMs: 200,
        cancel: new AbortController().signal,
      },
    );
    await recorder.finish();
    expect(log).not.toContain('UNVERIFIED');
    expect(status).toBe('failed');
    const second = recorder.snapshot.steps[1]!;
    expect(second).toMatchObject({ id: 'second', outcome: 'failed', exitCode: null });
    expect(second.error).toMatch(/^its copy of the definition changed before it started: /);
  });
});

function findFiles(dir: string, name: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(path, name));
    else if (entry.name === name) found.push(path);
  }
  return found;
}

describe('a daemon left by an earlier step', () => {
  it("cannot rewrite a later step's copy unnoticed: a change while the step runs is reported", async () => {
    // The determined case: the daemon (setsid, as the README suggests for services) reads the
    // environment of the next step from /proc to find its copy, and rewrites it while it runs.
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: a daemon that goes after the next step',
        'steps:',
        '  - id: first',
        '    run: |',
        '      setsid bash "$REMEDIATION_DIR/daemon.sh" >/dev/null 2>&1 </dev/null &',
        '      echo $! > "$HOME/daemon.pid"',
        '      sleep 0.3',
        '  - id: second',
        '    run: |',
        '      stat -c "copies folder mode %a" "$(dirname "$REMEDIATION_DIR")"',
        '      sleep 1',
        '      bash "$REMEDIATION_DIR/second.sh"',
        '',
      ].join('\n'),
      {
        'second.sh': 'echo VERIFIED\n',
        'daemon.sh': [
          'for i in $(seq 1 300); do',
          '  for env in /proc/[0-9]*/environ; do',
          '    dir="" step=""',
          '    while IFS= read -r -d "" var; do',
          '      case "$var" in REMEDIATION_STEP=*) step="${var#*=}" ;; REMEDIATION_DIR=*) dir="${var#*=}" ;; esac',
          '    done < "$env" 2>/dev/null',
          '    if [ "$step" = second ] && [ -n "$dir" ]; then',
          '      chmod u+w "$dir" "$dir/second.sh"',
          '      echo "echo UNVERIFIED" > "$dir/second.sh"',
          '      exit 0',
          '    fi',
          '  done',
          '  sleep 0.02',
          'done',
          '',
        ].join('\n'),
      },
    );
    const r = current;
    const result = await r.run([], { HOME: r.repo.dir });
    try {
      process.kill(Number(readFileSync(r.repo.path('daemon.pid'), 'utf8')), 'SIGKILL');
    } catch {
      // done already
    }
    expect(result.code).toBe(0);
    const log = readFileSync(join(r.records()[0]!, 'run.log'), 'utf8');
    expect(log).toContain('copies folder mode 300');
    expect(log).toMatch(/^\[[^\]]+\] !! steps\/second: its copy of the definition changed while it ran \(/m);
  });
});
