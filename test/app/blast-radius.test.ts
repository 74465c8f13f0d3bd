// The blast-radius gate's pure parts: parsing max-unhealthy, the rounding, the count (failing
// closed) and the summary. The command on real records is in test/cli/pack-commands.test.ts.
import { describe, expect, it } from 'vitest';
import {
  allowedUnhealthy,
  decideBlastRadius,
  legsToFix,
  parseLegs,
  parseMaxUnhealthy,
  renderBlastRadius,
  type TargetCheck,
} from '../../src/app/blast-radius.ts';
import { UsageError } from '../../src/errors.ts';

const check = (target: string, status: string | undefined, extra: Partial<TargetCheck> = {}): TargetCheck => ({
  target,
  status,
  checkOnly: true,
  record: `/records/${target}`,
  ...extra,
});

describe('parseMaxUnhealthy', () => {
  it.each([
    ['0', { kind: 'count', count: 0 }],
    ['3', { kind: 'count', count: 3 }],
    ['1000000', { kind: 'count', count: 1_000_000 }],
    ['0%', { kind: 'percent', percent: 0 }],
    ['25%', { kind: 'percent', percent: 25 }],
    ['100%', { kind: 'percent', percent: 100 }],
  ])('takes %j', (text, limit) => {
    expect(parseMaxUnhealthy(text, 'max-unhealthy')).toEqual(limit);
  });

  it.each([
    '',
    ' ',
    '-1',
    '2.5',
    '1e3',
    '0x10',
    '03',
    ' 3',
    '3 ',
    '3 targets',
    '12.5%',
    '101%',
    '-5%',
    '%',
    '25 %',
    '1000001',
    '007%',
    'Infinity',
  ])('refuses %j with a usage error naming the option', (text) => {
    let thrown: unknown;
    try {
      parseMaxUnhealthy(text, '--max-unhealthy');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).code).toBe('USAGE');
    expect((thrown as UsageError).message).toMatch(/^--max-unhealthy: expected a whole number of targets/);
  });
});

describe('allowedUnhealthy (a percent rounds down, as Cluster API does)', () => {
  it.each([
    ['25%', 10, 2],
    ['25%', 3, 0],
    ['25%', 4, 1],
    ['33%', 3, 0],
    ['34%', 3, 1],
    ['50%', 1, 0],
    ['100%', 7, 7],
    ['0%', 256, 0],
    ['3', 2, 3],
    ['0', 5, 0],
  ])('%s of %i targets allows %i', (text, total, allowed) => {
    expect(allowedUnhealthy(parseMaxUnhealthy(text, 'x'), total)).toBe(allowed);
  });
});

describe('decideBlastRadius', () => {
  const limit = parseMaxUnhealthy('1', 'x');

  it('goes ahead at the limit and stops one past it', () => {
    const at = decideBlastRadius([check('a', 'healthy'), check('b', 'unhealthy'), check('c', 'healthy')], 3, limit);
    expect(at).toMatchObject({ counted: 1, allowed: 1, over: false, missing: 0 });
    const past = decideBlastRadius([check('a', 'unhealthy'), check('b', 'unhealthy'), check('c', 'healthy')], 3, limit);
    expect(past).toMatchObject({ counted: 2, over: true });
    expect(past.unhealthy.map((c) => c.target)).toEqual(['a', 'b']);
  });

  it('counts a check without a usable answer, a record that is not check-only, and a missing record as unhealthy', () => {
    const radius = decideBlastRadius(
      [
        check('failed', 'failed'),
        check('refused', 'refused'),
        check('fix-record', 'healthy', { checkOnly: false }),
        check('damaged', undefined, { checkOnly: false, problem: 'unreadable record' }),
        check('fine', 'healthy'),
      ],
      7,
      parseMaxUnhealthy('100%', 'x'),
    );
    expect(radius.unknown.map((c) => c.target)).toEqual(['failed', 'refused', 'fix-record', 'damaged']);
    expect(radius.healthy.map((c) => c.target)).toEqual(['fine']);
    expect(radius).toMatchObject({ missing: 2, counted: 6, allowed: 7, over: false });
    expect(decideBlastRadius([check('fine', 'healthy')], 2, limit)).toMatchObject({ counted: 1, over: false });
    expect(decideBlastRadius([], 2, limit)).toMatchObject({ counted: 2, over: true, missing: 2 });
  });

  it('refuses more records than targets, and a target count below 1', () => {
    expect(() => decideBlastRadius([check('a', 'healthy'), check('b', 'healthy')], 1, limit)).toThrow(UsageError);
    expect(() => decideBlastRadius([], 0, limit)).toThrow(UsageError);
  });
});

describe('renderBlastRadius', () => {
  it('names the unhealthy and unknown targets, escaped, and says no target was fixed', () => {
    const limit = parseMaxUnhealthy('25%', 'x');
    const radius = decideBlastRadius(
      [check('web-1', 'unhealthy'), check('db|<b>', 'unhealthy'), check('web-3', 'failed'), check('web-4', 'healthy')],
      5,
      limit,
    );
    const text = renderBlastRadius(radius, limit);
    expect(text).toMatch(
      /^## ⛔ Blast radius: 4 of 5 target\(s\) .*max-unhealthy 25% of 5 target\(s\) allows 1: no target was fixed/,
    );
    expect(text).toContain('- web-1: drift');
    expect(text).toContain('- db\\|&lt;b&gt;: drift');
    expect(text).toContain('- web-3: status failed');
    expect(text).toContain('1 target(s) left no check record');
    expect(text).not.toContain('web-4:');
  });

  it('says fixing goes ahead within the limit', () => {
    const limit = parseMaxUnhealthy('2', 'x');
    const text = renderBlastRadius(
      decideBlastRadius([check('a', 'unhealthy'), check('b', 'healthy')], 2, limit),
      limit,
    );
    expect(text).toMatch(/^## ✅ Blast radius: 1 of 2 .*fixing goes ahead/);
  });
});

describe('legsToFix (drift.yml approval-environment: only these wait for a reviewer)', () => {
  const leg = (target: string, remediation = 'svc@v1.0.0') => ({ remediation, target, params: {} });
  const ran = (target: string, remediation = 'svc@v1.0.0') => ({ ran: { remediation, target } });

  it('holds every leg but those whose own check-only record says healthy', () => {
    const legs = [leg('web-1'), leg('web-2'), leg('web-3'), leg('')];
    const checks = [
      check('web-1', 'healthy', ran('web-1')),
      check('web-2', 'unhealthy', ran('web-2')),
      check('(none)', 'healthy', ran('')),
    ];
    // web-3 left no record: held.
    expect(legsToFix(legs, checks).map((l) => l.target)).toEqual(['web-2', 'web-3']);
  });

  it('fails closed: a healthy record of another version or target, not check-only, unreadable or errored vouches for nothing', () => {
    const legs = [leg('web-1'), leg('web-2'), leg('web-3'), leg('web-4'), leg('web-5')];
    const checks = [
      check('web-1', 'healthy', ran('web-1', 'svc@v0.9.0')), // another version
      check('web-2', 'healthy', ran('web-9')), // another target (a record laid in for another leg)
      check('web-3', 'healthy', { ...ran('web-3'), checkOnly: false }), // a fix record
      check('web-4', 'healthy', { ...ran('web-4'), problem: 'unreadable record' }),
      check('web-5', 'failed', ran('web-5')), // the check errored
    ];
    expect(legsToFix(legs, checks)).toEqual(legs);
    // Nothing at all: every leg waits.
    expect(legsToFix(legs, [])).toEqual(legs);
  });

  it('holds a leg named by two records, whatever they say, and every leg with holdAll', () => {
    const legs = [leg('web-1'), leg('web-2')];
    const checks = [
      check('web-1', 'healthy', ran('web-1')),
      check('web-2', 'unhealthy', ran('web-2')),
      // Laid in by another leg's runner: a valid healthy record naming web-2.
      check('web-2', 'healthy', ran('web-2')),
    ];
    expect(legsToFix(legs, checks).map((l) => l.target)).toEqual(['web-2']);
    expect(
      legsToFix(legs, [check('web-1', 'healthy', ran('web-1')), check('web-2', 'healthy', ran('web-2'))], true),
    ).toEqual(legs);
  });

  it('parseLegs takes the plan output and refuses anything else (exit 2)', () => {
    expect(parseLegs('[{"remediation":"svc@v1.0.0","target":"","params":{},"extra":1}]', '--legs')).toEqual([leg('')]);
    for (const bad of ['', '{}', '[]', '[{"remediation":"svc@v1.0.0"}]', '[{"remediation":1,"target":"","params":{}}]'])
      expect(() => parseLegs(bad, '--legs'), bad).toThrow(UsageError);
  });
});
