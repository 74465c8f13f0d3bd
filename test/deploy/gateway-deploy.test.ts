// The gateway's deployment files, checked with what can run here. No container engine exists on
// this machine, so the Dockerfile is not built; instead its COPY lines are carried out into a
// temporary root and its ENTRYPOINT runs from there (`gateway check` on the shipped config), which
// shows the image needs nothing but the committed bundle and node. The systemd unit is checked by
// systemd's own `systemd-analyze verify` (a missing tool fails the test: .ci/run installs it).
import { spawnSync } from 'node:child_process';
import { cpSync, globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPLOY = join(ROOT, 'deploy/gateway');
const work = mkdtempSync(join(tmpdir(), 'gateway-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The Dockerfile's instructions, in order (no line continuations are used in it). */
function instructions(): { op: string; args: string }[] {
  return readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [op = '', ...rest] = line.trim().split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

describe('deploy/gateway/Dockerfile', () => {
  const steps = instructions();
  const one = (op: string) => steps.filter((s) => s.op === op).map((s) => s.args);

  it('runs as the unprivileged node user, its state on a volume, stopped by SIGTERM', () => {
    expect(one('USER')).toEqual(['node']);
    expect(one('VOLUME')).toEqual(['/var/lib/remediate-gateway']);
    expect(one('STOPSIGNAL')).toEqual(['SIGTERM']);
    // The state folder belongs to that user before the volume is declared, so a new volume is writable.
    expect(one('RUN').join('\n')).toContain('chown node:node /var/lib/remediate-gateway');
    // Only the bundle and the schemas go in: no node_modules, no sources, no keys.
    for (const copy of one('COPY')) expect(copy).toMatch(/^(dist\/cli|remediations\/\*\.schema\.json) /);
  });

  it('its ENTRYPOINT starts the gateway from the copied files alone (COPY carried out into a temp root)', () => {
    const image = join(work, 'image');
    for (const copy of one('COPY')) {
      const [source = '', target = ''] = copy.split(' ');
      const matches = globSync(source, { cwd: ROOT });
      expect(matches.length, source).toBeGreaterThan(0);
      for (const match of matches) {
        const into = target.endsWith('/') ? join(image, target, match.split('/').at(-1) ?? '') : join(image, target);
        mkdirSync(dirname(into), { recursive: true });
        cpSync(join(ROOT, match), into, { recursive: true });
      }
    }
    const entry = JSON.parse(one('ENTRYPOINT')[0] ?? '[]') as string[];
    expect(entry.slice(0, 3)).toEqual(['node', '/opt/remediate/dist/cli/index.js', 'gateway']);
    const config = join(work, 'gateway.yml');
    writeFileSync(config, readFileSync(join(DEPLOY, 'gateway.yml')));
    // The entry point with `check` added: validates the shipped config and prints its rules.
    const result = spawnSync(process.execPath, [join(image, entry[1] ?? ''), 'gateway', 'check', '--config', config], {
      encoding: 'utf8',
      cwd: work,
      env: { PATH: process.env.PATH ?? '', HOME: work },
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('reapply-config@v1.0.0');
  });
});

describe('deploy/gateway/remediate-gateway.service', () => {
  const verify = (unit: string) =>
    spawnSync('systemd-analyze', ['verify', '--man=no', unit], {
      encoding: 'utf8',
      env: { ...process.env, SYSTEMD_LOG_COLOR: '0' },
    });

  it("passes systemd's own verify, with no warning", () => {
    const result = verify(join(DEPLOY, 'remediate-gateway.service'));
    expect(result.error, 'systemd-analyze is not installed (apt-get install systemd)').toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('negative: the same check reports a misspelt key in a copy', () => {
    const unit = join(work, 'remediate-gateway.service');
    writeFileSync(
      unit,
      readFileSync(join(DEPLOY, 'remediate-gateway.service'), 'utf8').replace('ProtectHome=', 'ProtectHom='),
    );
    const result = verify(unit);
    expect(result.stderr).toMatch(/ProtectHom/);
  });

  it('runs unprivileged and sandboxed, with its state where the config keeps it', () => {
    const unit = readFileSync(join(DEPLOY, 'remediate-gateway.service'), 'utf8');
    for (const line of [
      'DynamicUser=yes',
      'StateDirectory=remediate-gateway',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
    ])
      expect(unit).toContain(line);
  });
});
