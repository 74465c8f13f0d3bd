import { describe, expect, it } from 'vitest';
import { gitEnvironment } from '../../src/adapters/git-client.ts';

describe('gitEnvironment', () => {
  it('drops variables that point git at other repositories or object stores', () => {
    const env = gitEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/x',
      GIT_DIR: '/tmp/evil/.git',
      GIT_OBJECT_DIRECTORY: '/tmp/evil/objects',
      GIT_ALTERNATE_OBJECT_DIRECTORIES: '/tmp/evil/objects',
      GIT_REPLACE_REF_BASE: 'refs/evil/',
      GIT_CONFIG_PARAMETERS: "'core.hooksPath=/tmp/evil'",
      GIT_AUTHOR_NAME: 'Release Bot',
    });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/home/x',
      GIT_AUTHOR_NAME: 'Release Bot',
      GIT_NO_REPLACE_OBJECTS: '1',
    });
    for (const key of [
      'GIT_DIR',
      'GIT_OBJECT_DIRECTORY',
      'GIT_ALTERNATE_OBJECT_DIRECTORIES',
      'GIT_REPLACE_REF_BASE',
      'GIT_CONFIG_PARAMETERS',
    ]) {
      expect(env).not.toHaveProperty(key);
    }
  });
});
