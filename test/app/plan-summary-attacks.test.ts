// Attack (approval mode, found by review): the reviewer approves what the plan job's summary
// shows. A parameter comes from whoever sends the dispatch, and a string input without a pattern
// takes any character but NUL; JSON.stringify leaves Unicode's invisible and direction-changing
// characters as they are. A right-to-left override (U+202E) makes the rendered value read
// differently from the bytes the step receives (the "Trojan Source" trick); a zero-width or
// line-separator character hides that two values differ. The summary shows each such character
// as a visible <U+XXXX> and says it did, in values, step names and commands alike.
import { describe, expect, it } from 'vitest';
import { renderPlanSummary } from '../../src/app/plan-summary.ts';
import type { Definition, StepSpec } from '../../src/core/definition.ts';
import type { RunPlan } from '../../src/run/plan.ts';

function planWith(steps: StepSpec[]): RunPlan {
  const definition: Definition = {
    name: 'clean',
    description: 'cleans a folder',
    inputs: { path: { type: 'string', required: true } },
    secrets: [],
    env: {},
    outputs: {},
    check: [],
    steps,
    verify: [],
    rollback: [],
  };
  return {
    name: 'clean',
    version: 'v1.0.0',
    runId: 'r1',
    release: {
      commit: 'a'.repeat(40),
      digest: `sha256:${'b'.repeat(64)}`,
      manifestSerial: 3,
      manifestDigest: `sha256:${'c'.repeat(64)}`,
      signers: ['k1'],
    },
    definition,
    files: [],
    params: {},
    secrets: {},
    force: false,
  };
}

const render = (value: string, steps: StepSpec[] = [{ id: 'clean', run: 'rm -rf -- "$PARAM_PATH"' }]) =>
  renderPlanSummary({
    plan: planWith(steps),
    planDigest: `sha256:${'d'.repeat(64)}`,
    recordedParams: { path: value },
    target: 'web-1',
  });

describe('the plan a reviewer approves shows every character of what will run', () => {
  it('shows a right-to-left override in a parameter instead of letting it reorder the value', () => {
    // Rendered as is, this reads "/var/cache/tmp" (the override reverses "pmt/ehcac/"), while the
    // step receives "/var/lib/\u202Epmt/ehcac/": another folder.
    const value = '/var/lib/\u202Epmt/ehcac/';
    const summary = render(value);
    expect(summary).not.toContain('\u202E');
    expect(summary).toContain('/var/lib/&lt;U+202E&gt;pmt/ehcac/');
    expect(summary).toMatch(/invisible or direction-changing character/);
  });

  it('shows zero-width, line-separator, C1 control and byte-order-mark characters', () => {
    for (const [char, code] of [
      ['\u200B', '200B'],
      ['\u2028', '2028'],
      ['\u0085', '0085'],
      ['\uFEFF', 'FEFF'],
      ['\u2066', '2066'],
      ['\u00A0', '00A0'],
    ]) {
      const summary = render(`web${char}-1`);
      expect(summary, code).not.toContain(char);
      expect(summary, code).toContain(`web&lt;U+${code}&gt;-1`);
    }
  });

  it('shows them in step names and in the commands too', () => {
    const summary = render('/tmp/x', [{ id: 'clean', name: 'safe\u202E', run: 'echo "\u2067hidden\u2069"\n' }]);
    expect(summary).not.toMatch(/[\u202E\u2067\u2069]/);
    expect(summary).toContain('**clean** (safe&lt;U+202E&gt;)');
    expect(summary).toContain('echo "<U+2067>hidden<U+2069>"');
  });

  it('leaves ordinary text, and the absence of a warning, alone', () => {
    const summary = render('/var/tmp/ünïcödé 日本');
    expect(summary).toContain('| path | "/var/tmp/ünïcödé 日本" |');
    expect(summary).not.toMatch(/invisible or direction-changing/);
  });
});

describe('the plan says when it overrides the circuit breaker', () => {
  it('shows a reviewer the override the digest covers, and nothing when there is none', () => {
    const view = (ignore: boolean) =>
      renderPlanSummary({
        plan: { ...planWith([{ id: 'clean', run: 'true' }]), ...(ignore ? { ignoreCircuitBreaker: true } : {}) },
        planDigest: `sha256:${'d'.repeat(64)}`,
        recordedParams: { path: '/tmp/x' },
        target: 'web-1',
      });
    expect(view(true)).toContain(
      '| ignore circuit breaker | **true**: runs even if the circuit breaker is open (recorded) |',
    );
    expect(view(false)).not.toContain('ignore circuit breaker');
  });
});
