import { createHash } from 'node:crypto';
import { githubTimestamp } from './state.ts';
import { zipFiles } from './zip.ts';

/** One step of a job, as the jobs API lists it. */
export interface StoredStep {
  readonly name: string;
  readonly number: number;
  readonly status: 'queued' | 'in_progress' | 'completed';
  readonly conclusion: string | null;
}

/** One job of a workflow run attempt. */
export interface StoredJob {
  readonly id: number;
  readonly runId: number;
  readonly attempt: number;
  readonly name: string;
  readonly status: 'queued' | 'in_progress' | 'completed' | 'waiting';
  readonly conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out' | null;
  readonly steps: readonly StoredStep[];
  readonly createdAt: string;
}

/** One artifact of a workflow run: its files, zipped as GitHub serves them. */
export interface StoredArtifact {
  readonly id: number;
  readonly runId: number;
  readonly name: string;
  readonly zip: Buffer;
  /** `sha256:<hex>` of the zip, as GitHub reports an artifact's digest. */
  readonly digest: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly expired: boolean;
}

/** A job to seed. */
export interface SeedJob {
  readonly runId: number;
  readonly attempt: number;
  readonly name: string;
  /** Default `completed`. */
  readonly status?: StoredJob['status'];
  /** Default `success` for completed jobs, null otherwise. */
  readonly conclusion?: StoredJob['conclusion'];
  /** Steps by name with their conclusion, in order. */
  readonly steps?: readonly { readonly name: string; readonly conclusion: string | null }[];
}

/** An artifact to seed: file path inside the artifact -> content. */
export interface SeedArtifact {
  readonly runId: number;
  readonly name: string;
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  readonly expired?: boolean;
  /** When it was uploaded; default the store's clock. Artifacts are listed in the order added. */
  readonly createdAt?: Date;
}

/**
 * Workflow jobs and artifacts of the served repository, in memory. Tests seed them (the double
 * cannot run workflows); the server lists and serves them. No I/O and no HTTP.
 */
export class ActionsStore {
  readonly #jobs: StoredJob[] = [];
  readonly #artifacts: StoredArtifact[] = [];
  readonly #now: () => Date;
  #nextJobId = 1000;
  #nextArtifactId = 5000;

  constructor(now: () => Date) {
    this.#now = now;
  }

  addJob(seed: SeedJob): StoredJob {
    const status = seed.status ?? 'completed';
    const job: StoredJob = {
      id: this.#nextJobId++,
      runId: seed.runId,
      attempt: seed.attempt,
      name: seed.name,
      status,
      conclusion: seed.conclusion !== undefined ? seed.conclusion : status === 'completed' ? 'success' : null,
      steps: (seed.steps ?? []).map((s, i) => ({
        name: s.name,
        number: i + 1,
        status: s.conclusion === null ? 'in_progress' : 'completed',
        conclusion: s.conclusion,
      })),
      createdAt: githubTimestamp(this.#now()),
    };
    this.#jobs.push(job);
    return job;
  }

  /** The jobs of one run attempt, in the order they were added. */
  jobs(runId: number, attempt: number): StoredJob[] {
    return this.#jobs.filter((j) => j.runId === runId && j.attempt === attempt);
  }

  addArtifact(seed: SeedArtifact): StoredArtifact {
    const zip = zipFiles(seed.files);
    const now = seed.createdAt ?? this.#now();
    const artifact: StoredArtifact = {
      id: this.#nextArtifactId++,
      runId: seed.runId,
      name: seed.name,
      zip,
      digest: `sha256:${createHash('sha256').update(zip).digest('hex')}`,
      createdAt: githubTimestamp(now),
      expiresAt: githubTimestamp(new Date(now.getTime() + 90 * 86_400_000)),
      expired: seed.expired ?? false,
    };
    this.#artifacts.push(artifact);
    return artifact;
  }

  /** A run's artifacts, newest first (GitHub's default `direction=desc`). */
  artifacts(runId: number): StoredArtifact[] {
    return this.#artifacts.filter((a) => a.runId === runId).reverse();
  }

  /**
   * Every artifact of the repository, newest first: GitHub's documentation gives no order for
   * this list, and it answers newest first (by id), which readers of the run history rely on.
   */
  allArtifacts(): StoredArtifact[] {
    return [...this.#artifacts].reverse();
  }

  artifact(id: number): StoredArtifact | undefined {
    return this.#artifacts.find((a) => a.id === id);
  }
}
