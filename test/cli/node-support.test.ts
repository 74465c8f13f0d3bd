import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE_MAJOR, nodeVersionRefusal } from '../../src/cli/node-support.ts';

describe('nodeVersionRefusal', () => {
  it.each(['22.0.0', '22.23.5', '24.22.3', '26.1.0', '100.0.0'])('lets Node %s run the CLI', (version) => {
    expect(nodeVersionRefusal(version)).toBeUndefined();
  });

  it.each(['20.20.2', '21.7.3', '18.20.8', '8.0.0'])('refuses Node %s, naming the running version', (version) => {
    expect(nodeVersionRefusal(version)).toBe(`remediate needs Node.js 22 or later (this is v${version})`);
  });

  it('supports the current LTS lines, 22 and 24', () => {
    expect(MINIMUM_NODE_MAJOR).toBe(22);
  });
});
