import type { Definition } from '../core/definition.ts';
import type { ResolvedParams } from '../core/param-validation.ts';
import type { TreeFile } from '../core/tree-digest.ts';

/** Everything verified and resolved that a run needs: pure data. */
export interface RunPlan {
  readonly name: string;
  readonly version: string;
  readonly runId: string;
  /**
   * What was verified: the commit and digest, and the manifest that vouched for them; or, for
   * `remediate try`, only the digest of the working tree's files (nothing vouches for them).
   */
  readonly release:
    | {
        readonly unreleased?: undefined;
        readonly commit: string;
        readonly digest: string;
        readonly manifestSerial: number;
        readonly manifestDigest: string;
        readonly signers: readonly string[];
      }
    | { readonly unreleased: true; readonly digest: string };
  readonly definition: Definition;
  /** The verified bytes: these, and only these, run. */
  readonly files: readonly TreeFile[];
  readonly params: ResolvedParams;
  /** Facts about the target, each reaching steps as TARGET_<NAME>; none when undefined. */
  readonly targetFacts?: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
  readonly force: boolean;
  /** Run only the check stage and report what it found (`unhealthy` for drift); never a fix step. */
  readonly checkOnly?: boolean;
  /** Runs even if the version's circuit breaker is open (it declares one; recorded). */
  readonly ignoreCircuitBreaker?: boolean;
}
