// Attesting a run record on GitHub, offline: the Action's main step in process with the real
// @actions/attest (Sigstore keyless signing against @sigstore/mock's Fulcio and TSA through nock,
// a loopback OIDC token endpoint) storing the attestation in the REST double (checked against
// GitHub's OpenAPI description); then the record verified with @sigstore/verify against a
// trusted root of the mock's keys, through verify-run as a user runs it.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MainDeps } from '../../src/action/deps.ts';
import type { GitHubApi } from '../../src/adapters/github-api.ts';
import { attestWithActionsToolkit } from '../../src/action/lazy-clients.ts';
import { runMain } from '../../src/action/main-run.ts';
import { verifyRunRecord } from '../../src/app/verify-run.ts';
import { signerMatches } from '../../src/app/verify-attestation.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { rejected } from '../helpers/errors.ts';
import { FakeActionIo } from '../helpers/fake-action-io.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';
import { SIGNER_SAN, SIGNER_WORKFLOW, startSigstoreDouble, type SigstoreDouble } from '../helpers/sigstore-double.ts';

const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');
const TOKEN = 'ghs_test_token_0123456789';
const DEFINITION = [
  'name: svc',
  'description: fixes something',
  'steps:',
  '  - { id: fix, run: sh "$REMEDIATION_DIR/fix.sh" }',
  '',
].join('\n');

let sigstore: SigstoreDouble;
let repo: TempRepo;
let github: GitHubDouble;
const cleanups: (() => void)[] = [];
/** Runner folders (and the records in them) live until the file's tests are done. */
const runnerDirs: string[] = [];

beforeAll(async () => {
  sigstore = await startSigstoreDouble();
  repo = await releaseInProcess('svc', DEFINITION, { 'fix.sh': '#!/bin/sh\necho fixed\n' });
  github = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: 'octo-org/repo' });
});
afterAll(async () => {
  await github.close();
  await sigstore.close();
  repo.remove();
  for (const dir of runnerDirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Runs the Action's main step in process; `idToken`: the job has `id-token: write`. */
async function runAction(inputs: Record<string, string>, idToken: boolean): Promise<FakeActionIo> {
  const runner = new RunnerFiles('repository_dispatch');
  runnerDirs.push(runner.dir);
  const env: NodeJS.ProcessEnv = {
    ...runner.env(repo.dir, {}),
    GITHUB_API_URL: github.url,
    ...(idToken ? sigstore.idTokenEnv : {}),
  };
  // @actions/attest reads the runner's variables from process.env (the Action's deps.env is
  // process.env on a runner); the test stubs them for the one call.
  for (const [name, value] of Object.entries(env)) if (value !== undefined) vi.stubEnv(name, value);
  if (!idToken) {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', undefined);
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', undefined);
  }
  const io = new FakeActionIo({
    remediation: 'svc@v1.0.0',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    publish: 'none',
    'github-token': TOKEN,
    ...inputs,
  });
  const deps: MainDeps = {
    io,
    env,
    // The manifest is in the workspace; the API is asked only for the highest published serial (none).
    connectApi: () => () =>
      Promise.resolve({
        listMatchingRefs: () => Promise.resolve([]),
        listArtifactsPage: () => Promise.reject(new Error('not needed: the manifest is in the workspace')),
      } as unknown as GitHubApi),
    uploadArtifact: () => Promise.reject(new Error('publish is none')),
    downloadArtifact: () => () => Promise.reject(new Error('this test reads no history')),
    attest: attestWithActionsToolkit,
    cancel: new AbortController().signal,
    toolPath: MAIN_SOURCE,
    now: () => new Date(),
  };
  await runMain(deps);
  return io;
}

function trustedRootFile(text = sigstore.trustedRoot): string {
  const dir = mkdtempSync(join(tmpdir(), 'trusted-root-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'trusted_root.jsonl');
  writeFileSync(file, `${text}\n`);
  return file;
}

describe('attest: auto with id-token: write', () => {
  let io: FakeActionIo;
  let record: string;
  beforeAll(async () => {
    io = await runAction({}, true);
    record = io.outputs['record-path']!;
  });

  it('attests the closed record, stores it through the REST API and reports the id and URL', () => {
    expect(io.failures).toEqual([]);
    expect(io.warnings).toEqual([]);
    expect(io.outputs.status).toBe('succeeded');
    // The REST double received the bundle, and nothing it saw broke GitHub's OpenAPI description.
    const stored = github.requests.filter((r) => r.operationId === 'repos/create-attestation');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.status).toBe(201);
    expect(github.violations).toEqual([]);
    expect(github.attestations).toHaveLength(1);
    const id = String(github.attestations[0]!.id);
    expect(io.outputs['attestation-id']).toBe(id);
    expect(io.outputs['attestation-url']).toBe(`https://github.com/octo-org/repo/attestations/${id}`);
    expect(io.summaries.join('\n')).toContain(`[${id}](https://github.com/octo-org/repo/attestations/${id})`);
    // Signed with the job's OIDC identity, requested with the runner's request token.
    expect(sigstore.tokenRequests).toContain(`Bearer ${sigstore.idTokenEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`);
    // The bundle in the record is the one stored on GitHub.
    const bundle: unknown = JSON.parse(readFileSync(join(record, 'receipt.sigstore.json'), 'utf8'));
    expect(bundle).toEqual(github.attestations[0]!.bundle);
  });

  it('verifies with verify-run against the trusted root and the signer workflow', async () => {
    const root = trustedRootFile();
    const result = await cli(repo.dir, [
      'verify-run',
      record,
      '--trusted-root',
      root,
      '--signer-workflow',
      SIGNER_WORKFLOW,
      '--repo',
      'octo-org/remediations',
      '--source-ref',
      'refs/heads/main',
    ]);
    expect(result.context.errLines).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.context.outLines[0]).toMatch(/^intact: status succeeded/);
    expect(result.context.outLines).toContain(
      `  authenticated: attested by ${SIGNER_SAN} for https://github.com/octo-org/remediations at refs/heads/main`,
    );
  });

  // Attack: the signer workflow is a public reusable workflow (any repository may call it), or a
  // workflow file someone changed on a branch of their own: the certificate's source repository
  // and ref say whose run attested, and must be the ones asked for.
  it('refuses an attestation made for another repository or another ref', async () => {
    const trustedRoot = readFileSync(trustedRootFile());
    const attestation = { trustedRoot, signerWorkflow: SIGNER_WORKFLOW };
    expect(
      await expectRefused(
        verifyRunRecord(record, { attestation: { ...attestation, repository: 'mallory/anything' } }),
        'ATTESTATION_INVALID',
      ),
    ).toContain('made for https://github.com/octo-org/remediations, expected https://github.com/mallory/anything');
    expect(
      await expectRefused(
        verifyRunRecord(record, {
          attestation: { ...attestation, repository: 'octo-org/remediations', sourceRef: 'refs/heads/release' },
        }),
        'ATTESTATION_INVALID',
      ),
    ).toContain('made for ref refs/heads/main, expected refs/heads/release');
    // The owner and name compare without case, as GitHub's do.
    const held = await verifyRunRecord(record, {
      attestation: { ...attestation, repository: 'Octo-Org/Remediations' },
    });
    expect(held.anchors).toEqual([
      `attested by ${SIGNER_SAN} for https://github.com/octo-org/remediations at refs/heads/main`,
    ]);
  });

  it('refuses a record whose snapshot was rewritten after the attestation (RECORD_TAMPERED)', async () => {
    const copy = copyRecord(record);
    // The log chain and the snapshot still agree: only the attested subjects catch this.
    const path = join(copy, 'snapshot.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"actor": "[^"]*"/, '"actor": "someone-else"'));
    expect(readFileSync(path, 'utf8')).toContain('"actor": "someone-else"');
    const message = await expectRefused(
      verifyRunRecord(copy, {
        attestation: { trustedRoot: readFileSync(trustedRootFile()), signerWorkflow: SIGNER_WORKFLOW },
      }),
      'RECORD_TAMPERED',
    );
    expect(message).toMatch(/snapshot\.json has sha256 [0-9a-f]{64}, but the receipt signed/);
  });

  it('refuses a bundle with one changed byte (ATTESTATION_INVALID)', async () => {
    const copy = copyRecord(record);
    const file = join(copy, 'receipt.sigstore.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { dsseEnvelope: { payload: string } };
    // A different Statement in the same envelope: its signature no longer verifies.
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
    payload[payload.indexOf('"status":"succeeded"') + 10] = 'S'.charCodeAt(0);
    bundle.dsseEnvelope.payload = payload.toString('base64');
    writeFileSync(file, JSON.stringify(bundle));
    await expectRefused(
      verifyRunRecord(copy, {
        attestation: { trustedRoot: readFileSync(trustedRootFile()), signerWorkflow: SIGNER_WORKFLOW },
      }),
      'ATTESTATION_INVALID',
    );
  });

  it('refuses an attestation by another workflow, or checked against another trusted root', async () => {
    const trustedRoot = readFileSync(trustedRootFile());
    for (const signerWorkflow of [
      'octo-org/remediations/.github/workflows/other.yml',
      'octo-org/remediations/.github/workflows/remediate', // no prefix match inside a file name
      `https://github.com/${SIGNER_WORKFLOW}@refs/heads/evil`,
    ]) {
      await expectRefused(
        verifyRunRecord(record, { attestation: { trustedRoot, signerWorkflow } }),
        'ATTESTATION_INVALID',
      );
    }
    // A root of another Sigstore instance (another CA and TSA) vouches for nothing here.
    const other = await startSigstoreDouble();
    const otherRoot = other.trustedRoot;
    await other.close();
    // other.close() cleared this file's interceptors too; nothing below signs again.
    await expectRefused(
      verifyRunRecord(record, {
        attestation: { trustedRoot: Buffer.from(otherRoot), signerWorkflow: SIGNER_WORKFLOW },
      }),
      'ATTESTATION_INVALID',
    );
  });
});

describe('attest without id-token: write', () => {
  it('auto: attests nothing, warns of nothing, and the run succeeds', async () => {
    const before = github.attestations.length;
    const io = await runAction({ attest: 'auto' }, false);
    expect(io.failures).toEqual([]);
    expect(io.warnings).toEqual([]);
    expect(io.outputs).toMatchObject({ status: 'succeeded', 'attestation-id': '', 'attestation-url': '' });
    expect(existsSync(join(io.outputs['record-path']!, 'receipt.sigstore.json'))).toBe(false);
    expect(github.attestations).toHaveLength(before);
  });

  it('true: fails the step saying which permissions to grant, and still records the run', async () => {
    const io = await runAction({ attest: 'true' }, false);
    expect(io.outputs.status).toBe('succeeded');
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toContain('id-token: write');
    expect(io.failures[0]).toContain('attestations: write');
    expect(io.failures[0]).toContain('GitHub Enterprise Cloud');
    expect(io.summaries.join('\n')).toContain('Not attested');
    expect(existsSync(join(io.outputs['record-path']!, 'snapshot.json'))).toBe(true);
  });
});

describe('verify-run options', () => {
  it('refuses --attestation without --trusted-root, saying how to get one', async () => {
    const result = await cli(repo.dir, ['verify-run', repo.dir, '--attestation', 'bundle.json']);
    expect(result.code).toBe(2);
    expect(result.context.errLines.join('\n')).toContain('gh attestation trusted-root > trusted_root.jsonl');
  });

  it('refuses --trusted-root without --signer-workflow (any workflow can attest something)', async () => {
    const result = await cli(repo.dir, ['verify-run', repo.dir, '--trusted-root', 'root.jsonl']);
    expect(result.code).toBe(2);
    expect(result.context.errLines.join('\n')).toContain('--signer-workflow');
  });

  it('refuses --trusted-root without --repo (a reusable workflow can be called from any repository)', async () => {
    for (const command of ['verify-run', 'show']) {
      const result = await cli(repo.dir, [
        command,
        repo.dir,
        '--trusted-root',
        'root.jsonl',
        '--signer-workflow',
        SIGNER_WORKFLOW,
      ]);
      expect(result.code).toBe(2);
      expect(result.context.errLines.join('\n')).toContain(`${command} --trusted-root needs --repo OWNER/REPO`);
    }
  });

  it('matches signer workflows as gh does: whole URI, or up to the ref', () => {
    expect(signerMatches(SIGNER_SAN, SIGNER_WORKFLOW)).toBe(true);
    expect(signerMatches(SIGNER_SAN, `https://github.com/${SIGNER_WORKFLOW}`)).toBe(true);
    expect(signerMatches(SIGNER_SAN, SIGNER_SAN)).toBe(true);
    expect(signerMatches(`${SIGNER_SAN.replace('.yml@', '.yml.evil.yml@')}`, SIGNER_WORKFLOW)).toBe(false);
    expect(signerMatches(SIGNER_SAN, 'octo-org/remediations')).toBe(false);
  });
});

/** A copy of a record folder, to change without spoiling the others' tests. */
function copyRecord(record: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'record-copy-')), 'record');
  cleanups.push(() => rmSync(dirname(copy), { recursive: true, force: true }));
  cpSync(record, copy, { recursive: true });
  return copy;
}

/** Asserts that `promise` rejects with a tool error of this code; returns its message. */
async function expectRefused(promise: Promise<unknown>, code: string): Promise<string> {
  const error = await rejected(promise);
  expect(error?.code, error?.message).toBe(code);
  return error!.message;
}
