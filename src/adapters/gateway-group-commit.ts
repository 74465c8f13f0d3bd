// Group commit for the gateway: alerts accepted while the event loop is busy are written in one
// transaction and one sync, instead of one sync each. Every caller's promise settles only after
// that transaction is on disk, so "answered 2xx only once synced" still holds per alert; a failed
// write rejects every alert of the batch (each request answers 5xx and its sender retries).
import type { AcceptEntry, AlertOutcome, GatewayStore } from './gateway-store.ts';

/** The most alerts one transaction takes: bounds how long one commit blocks the event loop. */
const DEFAULT_MAX_BATCH = 500;

interface Pending {
  readonly entry: AcceptEntry;
  readonly resolve: (outcome: AlertOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Batches `accept` calls made in one turn of the event loop into one `acceptMany`. */
export class GroupCommit {
  readonly #store: Pick<GatewayStore, 'acceptMany'>;
  readonly #maxBatch: number;
  #pending: Pending[] = [];
  #scheduled = false;

  constructor(store: Pick<GatewayStore, 'acceptMany'>, maxBatch: number = DEFAULT_MAX_BATCH) {
    this.#store = store;
    this.#maxBatch = maxBatch;
  }

  /** Accepts one alert; settles once the batch holding it is synced (or failed). */
  accept(alert: AcceptEntry['alert'], outcome: AcceptEntry['outcome']): Promise<AlertOutcome> {
    return new Promise<AlertOutcome>((resolve, reject) => {
      this.#pending.push({ entry: { alert, outcome }, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // setImmediate runs after the I/O callbacks of this turn: every request parsed in it joins.
        setImmediate(() => this.#flush());
      }
    });
  }

  /** Writes everything pending now (also what `close` should call before closing the store). */
  flush(): void {
    this.#flush();
  }

  #flush(): void {
    this.#scheduled = false;
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#maxBatch);
      let outcomes: AlertOutcome[];
      try {
        outcomes = this.#store.acceptMany(batch.map((p) => p.entry));
      } catch (error) {
        // One bad entry (an invalid time) must not fail the others: retry them one by one.
        if (batch.length > 1) {
          for (const one of batch) this.#one(one);
        } else {
          batch[0]?.reject(error);
        }
        continue;
      }
      batch.forEach((p, i) => {
        const outcome = outcomes[i];
        if (outcome === undefined)
          p.reject(new Error(`acceptMany returned ${outcomes.length} outcomes for ${batch.length}`));
        else p.resolve(outcome);
      });
    }
  }

  #one(pending: Pending): void {
    try {
      const [outcome] = this.#store.acceptMany([pending.entry]);
      if (outcome === undefined) throw new Error('acceptMany returned no outcome for one entry');
      pending.resolve(outcome);
    } catch (error) {
      pending.reject(error);
    }
  }
}
