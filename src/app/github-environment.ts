// The variables a GitHub runner sets for a step, read once by each entry's settings module and
// passed down typed, so no module below an entry reads the raw environment for them.
import { isAbsolute } from 'node:path';
import { UsageError } from '../errors.ts';

/** The GitHub job a command runs in, from the runner's variables; every field is undefined when unset. */
export interface GitHubEnvironment {
  /** Whether this is a step of a GitHub Actions job (GITHUB_ACTIONS=true). */
  readonly actions: boolean;
  /** The workflow run's id (GITHUB_RUN_ID), as given: it is checked where it names a record folder or is read as a number. */
  readonly runId: string | undefined;
  /** The run's attempt (GITHUB_RUN_ATTEMPT), as given. */
  readonly runAttempt: string | undefined;
  /** `owner/name` of the repository the job belongs to (GITHUB_REPOSITORY). */
  readonly repository: string | undefined;
  /** The GitHub server's web address (GITHUB_SERVER_URL). */
  readonly serverUrl: string | undefined;
  /** The REST API's address (GITHUB_API_URL). */
  readonly apiUrl: string | undefined;
  /** The checked-out repository (GITHUB_WORKSPACE), absolute. */
  readonly workspace: string | undefined;
  /** The runner's scratch folder, emptied after each job (RUNNER_TEMP), absolute. */
  readonly runnerTemp: string | undefined;
  /** The runner's name (RUNNER_NAME). */
  readonly runnerName: string | undefined;
  /** The runner's operating system, `Linux`, `macOS` or `Windows` (RUNNER_OS). */
  readonly runnerOs: string | undefined;
  /** The event that started the workflow (GITHUB_EVENT_NAME). */
  readonly eventName: string | undefined;
  /** The file holding the event's payload (GITHUB_EVENT_PATH), absolute. */
  readonly eventPath: string | undefined;
  /** Who started the run (GITHUB_ACTOR). */
  readonly actor: string | undefined;
  /** The workflow file and ref, `owner/name/.github/workflows/x.yml@refs/heads/main` (GITHUB_WORKFLOW_REF). */
  readonly workflowRef: string | undefined;
  /** The commit the workflow runs at (GITHUB_SHA). */
  readonly sha: string | undefined;
  /** The job summary file (GITHUB_STEP_SUMMARY), absolute. */
  readonly stepSummary: string | undefined;
  /** The step outputs file (GITHUB_OUTPUT), absolute. */
  readonly output: string | undefined;
  /** The CLI's REST API token (GITHUB_TOKEN, else GH_TOKEN); the Action takes its token from an input instead. */
  readonly token: string | undefined;
}

/**
 * Reads the GitHub variables of `env`. An empty variable counts as unset (a runner never sets one
 * empty). Values used as paths must be absolute and the repository must be `owner/name`; anything
 * else is refused with a UsageError naming the variable.
 */
export function readGitHubEnvironment(env: NodeJS.ProcessEnv): GitHubEnvironment {
  const value = (name: string): string | undefined => env[name] || undefined;
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
function absolutePath(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const path = env[name] || undefined;
  if (path !== undefined && !isAbsolute(path)) {
    throw new UsageError('USAGE', `${name}: expected an absolute path, got '${path.slice(0, 200)}'`);
  }
  return path;
}

/** GitHub's owner and repository names: letters, digits, '-', '_' and '.', never '.' or '..' alone. */
const REPOSITORY = /^(?!\.{1,2}\/)[A-Za-z0-9._-]{1,100}\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

// The repository names what the REST API reads and writes (releases, manifests, run records) and
// the links in the job summary: a value with more segments or URL syntax must not point them elsewhere.
function repository(value: string | undefined): string | undefined {
  if (value !== undefined && !REPOSITORY.test(value)) {
    throw new UsageError('USAGE', `GITHUB_REPOSITORY: expected owner/name, got '${value.slice(0, 200)}'`);
  }
  return value;
}
