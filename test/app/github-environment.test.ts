// The runner's variables, read once per entry into a typed value.
import { describe, expect, it } from 'vitest';
import { readGitHubEnvironment } from '../../src/app/github-environment.ts';
import { thrown } from '../helpers/errors.ts';

/** What a runner sets for a JavaScript action step. */
const RUNNER: NodeJS.ProcessEnv = {
  GITHUB_ACTIONS: 'true',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'octo-org/repo.js',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_WORKSPACE: '/home/runner/work/repo/repo',
  RUNNER_TEMP: '/home/runner/work/_temp',
  RUNNER_NAME: 'GitHub Actions 12',
  RUNNER_OS: 'Linux',
  GITHUB_EVENT_NAME: 'repository_dispatch',
  GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
  GITHUB_ACTOR: 'alert-bridge[bot]',
  GITHUB_WORKFLOW_REF: 'octo-org/repo.js/.github/workflows/remediate.yml@refs/heads/main',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
  GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
};

describe('readGitHubEnvironment', () => {
  it('reads every variable the tool uses into its field', () => {
    expect(readGitHubEnvironment({ ...RUNNER, GITHUB_TOKEN: 'ghs_x' })).toEqual({
      actions: true,
      runId: '4242',
      runAttempt: '2',
      repository: 'octo-org/repo.js',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      workspace: '/home/runner/work/repo/repo',
      runnerTemp: '/home/runner/work/_temp',
      runnerName: 'GitHub Actions 12',
      runnerOs: 'Linux',
      eventName: 'repository_dispatch',
      eventPath: '/home/runner/work/_temp/_github_workflow/event.json',
      actor: 'alert-bridge[bot]',
      workflowRef: 'octo-org/repo.js/.github/workflows/remediate.yml@refs/heads/main',
      sha: 'a'.repeat(40),
      stepSummary: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
      output: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
      token: 'ghs_x',
    });
  });

  it('outside a job: not on GitHub, and every field unset', () => {
    const local = readGitHubEnvironment({ HOME: '/home/me', PATH: '/usr/bin' });
    expect(local.actions).toBe(false);
    expect(Object.entries(local).filter(([, value]) => value !== undefined)).toEqual([['actions', false]]);
    expect(readGitHubEnvironment({ GITHUB_ACTIONS: 'false' }).actions).toBe(false);
  });

  it('takes an empty variable as unset, so defaults apply and GH_TOKEN still counts', () => {
    const github = readGitHubEnvironment({
      GITHUB_RUN_ATTEMPT: '',
      GITHUB_OUTPUT: '',
      GITHUB_TOKEN: '',
      GH_TOKEN: 'gho_y',
    });
    expect(github.runAttempt).toBeUndefined();
    expect(github.output).toBeUndefined();
    expect(github.token).toBe('gho_y');
    expect(readGitHubEnvironment({ GITHUB_TOKEN: 'a', GH_TOKEN: 'b' }).token).toBe('a');
  });

  it('refuses a relative path in a variable the tool reads or writes as a file or folder', () => {
    for (const name of [
      'GITHUB_WORKSPACE',
      'RUNNER_TEMP',
      'GITHUB_EVENT_PATH',
      'GITHUB_STEP_SUMMARY',
      'GITHUB_OUTPUT',
    ]) {
      const error = thrown(() => readGitHubEnvironment({ ...RUNNER, [name]: 'work/../x' }));
      expect(error?.code, name).toBe('USAGE');
      expect(error?.message, name).toBe(`${name}: expected an absolute path, got 'work/../x'`);
    }
  });

  it('refuses a repository that is not owner/name', () => {
    for (const repository of [
      'octo-org',
      'octo-org/repo/extra',
      '../repo',
      'octo-org/..',
      'o/r?x=1',
      'o/r#x',
      ' o/r',
    ]) {
      const error = thrown(() => readGitHubEnvironment({ GITHUB_REPOSITORY: repository }));
      expect(error?.code, repository).toBe('USAGE');
      expect(error?.message, repository).toMatch(/^GITHUB_REPOSITORY: expected owner\/name, got /);
    }
    expect(readGitHubEnvironment({ GITHUB_REPOSITORY: 'my_org-1/.github' }).repository).toBe('my_org-1/.github');
  });
});
