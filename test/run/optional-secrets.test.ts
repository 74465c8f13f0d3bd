// `optional-secrets`: secrets a step receives when the caller sets them and that a run does not
// require (the example remediations' SSH key, needed only when a host is reached over SSH).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDefinition, type DefinitionError } from '../../src/core/definition-parser.ts';
import { collectSecrets } from '../../src/run/step-environment.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { thrown } from '../helpers/errors.ts';
import { gitTestEnv, type TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const parse = (text: string) => parseDefinition('s/remediation.yml', Buffer.from(text), 's');
const issuesOf = (text: string) =>
  ((thrown(() => parse(text)) as DefinitionError | undefined)?.issues ?? []).map(
    (i) => `${i.line}:${i.column} ${i.path}: ${i.message}`,
  );

describe('optional-secrets in a definition', () => {
  it('is read next to secrets; absent when not given', () => {
    const def = parse(
      'name: s\ndescription: x\nsecrets: [A]\noptional-secrets: [SSH_KEY]\nsteps: [{id: a, run: "true"}]\n',
    );
    expect(def.secrets).toEqual(['A']);
    expect(def['optional-secrets']).toEqual(['SSH_KEY']);
    expect(parse('name: s\ndescription: x\nsteps: [{id: a, run: "true"}]\n')).not.toHaveProperty('optional-secrets');
  });

  it('refuses the names remediate reserves, as in secrets (the bundle, parameters, the runner credentials)', () => {
    expect(
      issuesOf(
        'name: s\ndescription: x\noptional-secrets: [REMEDIATION_SECRETS, PARAM_X, ACTIONS_ID_TOKEN_REQUEST_TOKEN]\nsteps: [{id: a, run: "true"}]\n',
      ),
    ).toEqual([
      "3:20 optional-secrets[0]: 'REMEDIATION_SECRETS' is reserved (PARAM_*, STEP_*, REMEDIATION_* and REMEDIATE_* are set by remediate itself); name the secret otherwise",
      "3:41 optional-secrets[1]: 'PARAM_X' is reserved (PARAM_*, STEP_*, REMEDIATION_* and REMEDIATE_* are set by remediate itself); name the secret otherwise",
      "3:50 optional-secrets[2]: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' is reserved (ACTIONS_* are the runner's own credentials, never handed to a step); name the secret otherwise",
    ]);
  });

  it('refuses a name in both lists', () => {
    expect(
      issuesOf('name: s\ndescription: x\nsecrets: [KEY]\noptional-secrets: [KEY]\nsteps: [{id: a, run: "true"}]\n'),
    ).toEqual(["4:20 optional-secrets[0]: 'KEY' is also in secrets; list it in one of the two"]);
  });
});

describe('collectSecrets with optional names', () => {
  it('passes an optional secret that is set (from the environment or the bundle), and never requires one', () => {
    expect(collectSecrets(['A'], { A: 'a' }, ['SSH_KEY'])).toEqual({ secrets: { A: 'a' }, missing: [], masked: ['a'] });
    const fromBundle = collectSecrets([], { REMEDIATION_SECRETS: '{"SSH_KEY": "k", "OTHER": "o"}' }, ['SSH_KEY']);
    expect(fromBundle.secrets).toEqual({ SSH_KEY: 'k' });
    expect(fromBundle.masked.sort()).toEqual(['k', 'o']);
    expect(collectSecrets(['A'], {}, ['SSH_KEY']).missing).toEqual(['A']);
  });
});

describe('a run with an optional secret', () => {
  const repos: TempRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));
  const DEFINITION = [
    'name: svc',
    'description: uses a key when it has one',
    'optional-secrets: [SSH_PRIVATE_KEY]',
    'steps:',
    '  - id: use',
    '    run: echo "key=${SSH_PRIVATE_KEY:-none}"',
    '',
  ].join('\n');

  it('runs without it (the step sees none), and with it (redacted, named in the record)', async () => {
    const repo = await releaseInProcess('svc', DEFINITION);
    repos.push(repo);
    const run = async (env: NodeJS.ProcessEnv) => {
      const before = new Set(readdirSync(repo.dir).includes('runs') ? readdirSync(repo.path('runs')) : []);
      const result = await cli(repo.dir, ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'], {
        env: { ...gitTestEnv(), ...env },
      });
      expect(result.context.errLines).toEqual([]);
      expect(result.code).toBe(0);
      const dir = repo.path(
        join(
          'runs',
          readdirSync(repo.path('runs')).find((d) => !before.has(d))!,
        ),
      );
      return {
        log: readFileSync(join(dir, 'run.log'), 'utf8'),
        snapshot: JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as RunSnapshot,
      };
    };
    const without = await run({ SSH_PRIVATE_KEY: '' });
    expect(without.log).toContain('key=none');
    expect(without.snapshot.secrets).toEqual([]);
    const withKey = await run({ SSH_PRIVATE_KEY: 'very-secret-key-material' });
    expect(withKey.log).toContain('key=***');
    expect(withKey.log).not.toContain('very-secret-key-material');
    expect(withKey.snapshot.secrets).toEqual(['SSH_PRIVATE_KEY']);
  });
});
