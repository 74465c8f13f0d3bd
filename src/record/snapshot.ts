import type { Scalar, StageName } from '../core/definition.ts';

/** `schema` of a run snapshot; bumped only with a format change. */
export const SNAPSHOT_SCHEMA = 'https://remediate.dev/schemas/run-snapshot-v1.json';

/** Final (or current) state of a run. */
export type RunStatus =
  'running' | 'succeeded' | 'healthy' | 'unhealthy' | 'failed' | 'refused' | 'cancelled' | 'timed-out' | 'crashed';

/** How one step ended. */
export type StepOutcome = 'succeeded' | 'failed' | 'timed-out' | 'cancelled' | 'drift';

/** What triggered the run: a person at a terminal, or a GitHub event. */
export type Trigger =
  | { readonly kind: 'local'; readonly user: string; readonly host: string }
  | {
      readonly kind: 'github';
      readonly event: string;
      readonly action?: string;
      readonly runId: string;
      readonly attempt: string;
      readonly actor: string;
      readonly workflowRef: string;
      readonly repository: string;
      /** sha256 of the event payload (the payload itself is not stored). */
      readonly payloadDigest?: string;
    };

/** The circuit breaker's verdict as recorded (its policy is in the signed definition). */
export interface CircuitBreakerRecord {
  /** Runs counted within the window when this run started (this run not included). */
  readonly counted: number;
  /** Whether `--ignore-circuit-breaker` was given. */
  readonly ignored: boolean;
}

/** The record a replay was made from (`remediate replay`): it ran that record's version and parameters again. */
export interface ReplayOf {
  /** The replayed record's run id. */
  readonly runId: string;
  /** sha256 of the replayed record's snapshot.json, as read and checked. */
  readonly snapshotDigest: string;
  /** Whether an anchor outside that record vouched for it (false only with --unanchored). */
  readonly authenticated: boolean;
}

/**
 * An approved run's plan (issue 17): the digest the approval was given for, and the one this run
 * computed from what it verified. They are equal in a record that ran; a PLAN_CHANGED refusal
 * records both.
 */
export interface PlanRecord {
  /** The plan digest this run computed (core/plan-digest.ts). */
  readonly digest: string;
  /** The plan digest the approved job was given (the plan job's output). */
  readonly approved: string;
}

/** Who reviewed the workflow run's protected environments, as GitHub's approvals API listed them. */
export interface ApprovalRecord {
  /** When the reviews were read (GitHub's approvals API gives no review times; each came before the job started). */
  readonly readAt: string;
  /** The reviews, in GitHub's order; absent when they could not be read (see `unavailable`). */
  readonly reviews?: readonly ApprovalReview[];
  /** Why the reviews could not be read (no `actions: read`, an outage); the run went ahead, approved by GitHub. */
  readonly unavailable?: string;
}

/** One review of a deployment to one or more environments. */
export interface ApprovalReview {
  readonly state: 'approved' | 'rejected' | 'pending';
  /** The reviewer's GitHub login. */
  readonly user: string;
  readonly environments: readonly string[];
  readonly comment: string;
}

/** One step attempt sequence as recorded. */
export interface StepRecord {
  readonly stage: StageName;
  readonly id: string;
  readonly name?: string;
  readonly started: string;
  readonly ended: string;
  readonly durationMs: number;
  readonly attempts: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly outcome: StepOutcome;
  readonly continueOnError: boolean;
  readonly outputs: Readonly<Record<string, string>>;
  /** Byte range of run.log holding this step's output, end exclusive. */
  readonly log: { readonly start: number; readonly end: number };
  readonly error?: string;
}

/** snapshot.json: what ran, why, with what, and how it ended. */
export interface RunSnapshot {
  readonly schema: typeof SNAPSHOT_SCHEMA;
  readonly runId: string;
  readonly status: RunStatus;
  readonly error?: { readonly code: string; readonly message: string };
  readonly remediation: {
    readonly name: string;
    readonly version: string;
    readonly tag: string;
    readonly commit?: string;
    readonly digest?: string;
    readonly files?: readonly { path: string; mode: string; sha256: string }[];
  };
  readonly manifest?: {
    readonly serial: number;
    readonly digest: string;
    readonly signers: readonly string[];
    readonly threshold: number;
    readonly minSerial: number;
    /** The highest serial the repository had published as a `manifest/s<serial>` release (the Action learns it). */
    readonly publishedSerial?: number;
    /** Set (true) when `serial` is below `publishedSerial` and the caller accepted exactly it (`accept-older-serial`). */
    readonly acceptedBelowPublished?: true;
  };
  readonly params?: { readonly values: Readonly<Record<string, Scalar>>; readonly digest: string };
  readonly secrets: readonly string[];
  readonly forced: boolean;
  /** Set (true) on a check-only run (`--check-only`): only the check stage ran; absent otherwise. */
  readonly checkOnly?: true;
  /**
   * Set (true) when `remediate try` ran the working tree's files: no release, manifest or tag
   * vouched for them, and no commit is named. Absent on every run of a released version.
   */
  readonly unreleased?: true;
  /** What the run acts on (`--target`), as the circuit breaker counts runs per target. */
  readonly target?: string;
  /** Facts about the target the steps received as TARGET_<NAME> (redacted); absent when none, and on a refusal. */
  readonly targetFacts?: Readonly<Record<string, string>>;
  /**
   * The alert's idempotency key (`--idempotency-key`, or derived from a repository_dispatch
   * payload's `alert`), verbatim: a later run of this remediation with the same key is refused as
   * a duplicate once this run's fix stage started.
   */
  readonly idempotencyKey?: string;
  /** Set when the definition declares a circuit breaker: what it counted, and whether it was ignored. */
  readonly circuitBreaker?: CircuitBreakerRecord;
  /** Set when this run replays an earlier record. */
  readonly replayOf?: ReplayOf;
  /** Set when the run was given an approved plan digest (the pack's approval mode). */
  readonly plan?: PlanRecord;
  /** Set with `plan` on GitHub: who approved the run's environment. */
  readonly approval?: ApprovalRecord;
  readonly trigger: Trigger;
  readonly runner: {
    readonly os: string;
    readonly arch: string;
    readonly node: string;
    /** RUNNER_NAME on GitHub. */
    readonly name?: string;
    /** RUNNER_OS on GitHub. */
    readonly runnerOs?: string;
  };
  readonly tool: { readonly name: 'remediate'; readonly version: string; readonly bundleDigest: string };
  readonly started: string;
  readonly ended?: string;
  readonly durationMs?: number;
  /** What the check stage concluded. */
  readonly check?: 'healthy' | 'drift' | 'forced' | 'none' | 'error';
  readonly rollback?: 'not-needed' | 'succeeded' | 'failed' | 'none';
  readonly steps: readonly StepRecord[];
  readonly outputs: Readonly<Record<string, string>>;
  /**
   * The copy of the verified definition's files in the record (definition.tar), so the record
   * shows what ran without the repository; files too large to copy are listed in `omitted` and
   * identified by their sha256 in `remediation.files` only. Absent when nothing was verified.
   */
  readonly definition?: { readonly file: 'definition.tar'; readonly omitted: readonly string[] };
  /** Summary of the chained log; `complete: false` until the run finishes. */
  readonly log:
    | {
        readonly file: 'run.log';
        readonly complete: false;
        /** The valid prefix, pinned when the post step closed a killed run's record. */
        readonly bytes?: number;
        readonly blocks?: number;
        readonly head?: string;
      }
    | { readonly file: 'run.log'; readonly bytes: number; readonly blocks: number; readonly head: string };
}
