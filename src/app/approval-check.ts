// Whether a run that must be approved was approved (issue 17, found by review): pure, over the
// reviews GitHub's approvals API listed for the workflow run (app/run.ts records them).
//
// Attack it stops: GitHub holds a job for a reviewer only when its environment has a
// required-reviewers rule. An environment named with a typo (GitHub creates it on first use, with
// no rules), a new one, or one whose rule was removed lets the job through without asking anyone,
// and the run would still be recorded as "approved". A run told which environment must have
// approved it (the Action's `approved-in`) refuses unless a reviewer approved that environment
// in this workflow run and nobody rejected it there.
import type { ApprovalRecord } from '../record/snapshot.ts';

/** Why the run is not approved in `environment`, or undefined when it is. */
export function approvalProblem(record: ApprovalRecord | undefined, environment: string): string | undefined {
  if (record === undefined || record.reviews === undefined) {
    return `this run must be approved in the environment '${environment}', but its reviews could not be read${record?.unavailable !== undefined ? ` (${record.unavailable})` : ''}; grant actions: read and re-run`;
  }
  // GitHub compares environment names without case.
  const here = record.reviews.filter((review) =>
    review.environments.some((name) => name.toLowerCase() === environment.toLowerCase()),
  );
  const rejected = here.filter((review) => review.state === 'rejected');
  if (rejected.length > 0) {
    return `a reviewer rejected this run in the environment '${environment}' (${rejected.map((r) => r.user).join(', ')}): it does not run`;
  }
  if (!here.some((review) => review.state === 'approved')) {
    return `this run must be approved in the environment '${environment}', but no reviewer approved it there (the workflow run's reviews: ${record.reviews.length === 0 ? 'none' : record.reviews.map((r) => `${r.user} ${r.state} ${r.environments.join('+')}`).join(', ')}). Give the environment required reviewers (Settings -> Environments -> ${environment} -> Required reviewers); a misspelt or new environment holds nobody`;
  }
  return undefined;
}
