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

import type { RunSnapshot } from './snapshot.ts';

/** `_type` of an in-toto Statement v1. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** DSSE payloadType of an in-toto Statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** Our predicate type; bumped only with a format change (schema: remediations/run-receipt.schema.json). */
export const RECEIPT_PREDICATE_TYPE = 'https://remediate.dev/run-receipt/v1';
/** The signed receipt's file in a record folder. */
export const RECEIPT_FILE = 'receipt.dsse.json';
/**
 * The Sigstore bundle of the record's GitHub artifact attestation, in the record folder. Not a
 * subject: it signs the subjects, so it cannot be one of them.
 */
export const ATTESTATION_BUNDLE_FILE = 'receipt.sigstore.json';
/** Largest attestation bundle or trusted-root file read: real ones are a few KB, a receipt's subjects add a few hundred KB. */
export const MAX_ATTESTATION_BYTES = 16 * 1024 * 1024;

/** An in-toto ResourceDescriptor naming one record file by its sha256. */
export interface Subject {
  readonly name: string;
  readonly digest: { readonly sha256: string };
}

/** What ran and why, restated from snapshot.json (which the subjects also pin). */
export interface ReceiptPredicate {
  readonly runId: string;
  readonly status: RunSnapshot['status'];
  readonly error?: RunSnapshot['error'];
  /** The snapshot's remediation without its file listing (snapshot.json, a subject, holds it). */
  readonly remediation: Omit<RunSnapshot['remediation'], 'files'>;
  readonly manifest?: RunSnapshot['manifest'];
  readonly params?: { readonly digest: string };
  readonly forced: boolean;
  readonly unreleased?: true;
  readonly checkOnly?: true;
  readonly target?: string;
  readonly idempotencyKey?: string;
  readonly circuitBreaker?: RunSnapshot['circuitBreaker'];
  readonly replayOf?: RunSnapshot['replayOf'];
  readonly plan?: RunSnapshot['plan'];
  readonly approval?: RunSnapshot['approval'];
  readonly trigger: RunSnapshot['trigger'];
  readonly runner: RunSnapshot['runner'];
  readonly tool: RunSnapshot['tool'];
  readonly started: string;
  readonly ended?: string;
  readonly durationMs?: number;
  readonly log: RunSnapshot['log'];
  readonly definition?: RunSnapshot['definition'];
}

/** An in-toto Statement v1 with our predicate. */
export interface ReceiptStatement {
  readonly _type: typeof IN_TOTO_STATEMENT_TYPE;
  readonly subject: readonly Subject[];
  readonly predicateType: typeof RECEIPT_PREDICATE_TYPE;
  readonly predicate: ReceiptPredicate;
}

/** The predicate of a snapshot: the fields an auditor needs, none of the step details. */
export function receiptPredicate(snapshot: RunSnapshot): ReceiptPredicate {
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
    ...(snapshot.unreleased === true ? { unreleased: true as const } : {}),
    ...(snapshot.checkOnly === true ? { checkOnly: true as const } : {}),
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
export function receiptStatement(subjects: readonly Subject[], snapshot: RunSnapshot): ReceiptStatement {
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [...subjects].sort((a, b) => compareNames(a.name, b.name)),
    predicateType: RECEIPT_PREDICATE_TYPE,
    predicate: receiptPredicate(snapshot),
  };
}

/** The Statement's bytes as signed: compact JSON, UTF-8. */
export function statementBytes(statement: ReceiptStatement): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/** A problem found when checking a Statement against a record. */
export interface ReceiptProblem {
  readonly problem: string;
  /** The record file or snapshot field at fault. */
  readonly at?: string;
}

/** What a Statement must agree with: the record's files by name and sha256, and its parsed snapshot. */
export interface RecordContents {
  /** The record files a receipt covers (snapshot.json, run.log, run.log.chain, definition.tar), by name. */
  readonly files: ReadonlyMap<string, string>;
  readonly snapshot: RunSnapshot;
}

/** Files a receipt must cover, whatever else the record holds. */
export const REQUIRED_SUBJECTS = ['snapshot.json', 'run.log', 'run.log.chain'] as const;
/** Covered when present: the definition's copy (absent from refusals and older records). */
export const OPTIONAL_SUBJECTS = ['definition.tar'] as const;

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
export function checkStatement(statement: unknown, record: RecordContents): ReceiptProblem | undefined {
  if (!isObject(statement)) return { problem: 'the receipt payload is not a JSON object' };
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
  if (!Array.isArray(subjects)) return { problem: 'the receipt has no subject list' };
  const covered = new Map<string, string>();
  for (const subject of subjects as unknown[]) {
    if (!isObject(subject) || typeof subject['name'] !== 'string' || !isObject(subject['digest'])) {
      return { problem: `the receipt has a malformed subject ${show(subject)}` };
    }
    const sha256 = subject['digest']['sha256'];
    if (typeof sha256 !== 'string') return { problem: `subject ${show(subject['name'])} has no sha256 digest` };
    if (covered.has(subject['name'])) return { problem: `subject ${show(subject['name'])} is listed twice` };
    covered.set(subject['name'], sha256);
  }
  for (const name of REQUIRED_SUBJECTS) {
    if (!covered.has(name)) return { problem: `the receipt does not cover ${name}`, at: name };
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
    if (!covered.has(name)) return { problem: `${name} is in the record but not covered by the receipt`, at: name };
  }
  const expected = canonicalJson(receiptPredicate(record.snapshot));
  const signed = canonicalJson(statement['predicate']);
  if (signed !== expected) {
    return { problem: "the receipt's predicate does not match snapshot.json (a receipt of another run, or edited)" };
  }
  return undefined;
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort(compareNames)
            .map((key) => [key, inner[key]]),
        )
      : inner,
  );
}

function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
