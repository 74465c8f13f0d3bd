// Attests a closed run record on GitHub: the same in-toto Statement as the signed receipt
// (record/receipt.ts), signed by Sigstore with the workflow's OIDC identity and stored through
// `POST /repos/{owner}/{repo}/attestations`. The bundle goes into the record folder as
// receipt.sigstore.json before the record is published, so the artifact and the release carry it.
//
// The identity is the job's, never a step's: the OIDC request token and URL reach only the
// tool's heap (the sealed environment keeps them out of the block a step could read, and the step
// environment is an allow-list without them), and the REST token is the `github-token` input.

import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../errors.ts';
import { ATTESTATION_BUNDLE_FILE, type Subject } from '../record/receipt.ts';
import { recordStatement, type RecordSeal } from '../record/receipt-writer.ts';
import { STATE, type ActionIo } from './action-io.ts';
import type { ActionSettings } from './settings.ts';

/** What the attester is asked to sign and store. */
export interface AttestRequest {
  readonly subjects: readonly Subject[];
  readonly predicateType: string;
  readonly predicate: object;
  /** The token the attestation is stored with (the `github-token` input). */
  readonly token: string;
}

/** What signing and storing returned. */
export interface AttestResponse {
  /** The Sigstore bundle, as JSON. */
  readonly bundle: unknown;
  /** The stored attestation's id; undefined if GitHub returned none. */
  readonly attestationId?: string | number;
}

/** Signs a Statement with Sigstore and stores it as a GitHub attestation (@actions/attest, loaded lazily). */
export type Attester = (request: AttestRequest) => Promise<AttestResponse>;

/** What attesting did. */
export type AttestOutcome =
  | { readonly kind: 'skipped'; readonly reason: string }
  | {
      readonly kind: 'attested';
      readonly id: string;
      /** The attestation's page on GitHub ('' without an id). */
      readonly url: string;
      readonly bundleFile: string;
    }
  | {
      readonly kind: 'failed';
      readonly message: string;
      /** `attest: true`: the step fails; `auto`: a warning only. */
      readonly required: boolean;
    };

/** What to do when attesting fails or cannot start, said in every failure. */
export const ATTEST_HELP =
  'give the job `permissions: { id-token: write, attestations: write }` (a workflow that calls a reusable workflow must grant both to the calling job too); attestations on private or internal repositories need GitHub Enterprise Cloud; or set `attest: false`';

/**
 * Attests the closed record in `recordDir` as the settings ask, and writes the bundle into the
 * record. Never throws: a failure is returned, and the caller decides whether it fails the step.
 */
export async function attestRecord(
  recordDir: string,
  settings: Pick<ActionSettings, 'attest' | 'idTokenAvailable' | 'token' | 'serverUrl' | 'repository'>,
  attester: Attester,
  seal?: RecordSeal,
): Promise<AttestOutcome> {
  if (settings.attest === 'false') return { kind: 'skipped', reason: 'attest is false' };
  const required = settings.attest === 'true';
  if (!settings.idTokenAvailable) {
    if (!required) return { kind: 'skipped', reason: 'the job has no id-token: write permission' };
    return {
      kind: 'failed',
      required,
      message: `cannot attest the record: the job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set); ${ATTEST_HELP}`,
    };
  }
  try {
    // Read once from disk after the record is closed, and checked against what was closed: the
    // identity of the workflow must not vouch for bytes a process left behind by a step swapped in.
    const statement = recordStatement(recordDir, seal);
    const response = await attester({
      subjects: statement.subject,
      predicateType: statement.predicateType,
      predicate: statement.predicate,
      token: settings.token,
    });
    const bundleFile = join(recordDir, ATTESTATION_BUNDLE_FILE);
    const temp = join(recordDir, `.${ATTESTATION_BUNDLE_FILE}.tmp`);
    writeFileSync(temp, `${JSON.stringify(response.bundle)}\n`, { mode: 0o644 });
    renameSync(temp, bundleFile);
    const id = response.attestationId === undefined ? '' : String(response.attestationId);
    return {
      kind: 'attested',
      id,
      url: id === '' ? '' : `${settings.serverUrl}/${settings.repository}/attestations/${encodeURIComponent(id)}`,
      bundleFile,
    };
  } catch (error) {
    return {
      kind: 'failed',
      required,
      message: `attesting the record failed: ${describeError(error)}; ${ATTEST_HELP}`,
    };
  }
}

/** The attestation as the job summary and outputs show it. */
export interface AttestationLink {
  readonly id: string;
  readonly url: string;
}

/**
 * Attests a closed record once per job (main, or the post step when main was killed first),
 * before it is published; says what happened in the log. Returns the outcome (a failure under
 * `attest: true` is for the caller to fail the step with, after publishing).
 */
export async function attestClosedRecord(
  settings: Pick<ActionSettings, 'attest' | 'idTokenAvailable' | 'token' | 'serverUrl' | 'repository'>,
  deps: { readonly io: ActionIo; readonly attest: Attester },
  recordDir: string,
  seal?: RecordSeal,
): Promise<AttestOutcome> {
  const { io } = deps;
  // Main attested and was killed before publishing: attesting again would store a second
  // attestation of the same record; the bundle is in the folder already.
  const earlier = io.getState(STATE.attested);
  if (earlier !== '') {
    const link = JSON.parse(earlier) as AttestationLink;
    return { kind: 'attested', ...link, bundleFile: join(recordDir, ATTESTATION_BUNDLE_FILE) };
  }
  const outcome = await attestRecord(recordDir, settings, deps.attest, seal);
  switch (outcome.kind) {
    case 'attested':
      io.saveState(STATE.attested, JSON.stringify({ id: outcome.id, url: outcome.url } satisfies AttestationLink));
      io.info(`record attested on GitHub${outcome.url ? `: ${outcome.url}` : ''} (bundle ${outcome.bundleFile})`);
      break;
    case 'skipped':
      io.info(`record not attested: ${outcome.reason}`);
      break;
    case 'failed':
      if (!outcome.required) io.warning(`${outcome.message} (attest: auto, so the run's outcome stands)`);
      break;
  }
  return outcome;
}
