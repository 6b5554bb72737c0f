import { describe, expect, it } from 'vitest';
import { ZHealth } from '../../src/shared/schemas/health.js';
import { ZRegionListResponse } from '../../src/shared/schemas/reference.js';
import { cliEnv, exited, freePort, runCli, startCli } from '../helpers/cli.js';

describe('samenplan CLI', { timeout: 120_000 }, () => {
  it('prints help for every command', async () => {
    const env = await cliEnv();
    const top = await runCli(['--help'], env);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'demo', 'backup', 'restore']) expect(top.stdout).toContain(cmd);
    const serve = await runCli(['serve', '--help'], env);
    expect(serve.code).toBe(0);
    expect(serve.stdout).toContain('--demo-if-empty');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://nope'],
    ['PUBLIC_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
  ])('stops with one clear line when %s=%s is invalid', async (name, value) => {
    const res = await runCli(['serve'], await cliEnv({ [name]: value }));
    expect(res.code).not.toBe(0);
    const lines = res.stderr.trim().split('\n').filter((l) => !l.includes('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toContain('Invalid configuration');
  });

  it('refuses an unknown command', async () => {
    const res = await runCli(['fly'], await cliEnv());
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/unknown command/i);
  });

  it('refuses demo data when NODE_ENV=production', async () => {
    const res = await runCli(['demo'], await cliEnv({ NODE_ENV: 'production' }));
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('NODE_ENV=production');
  });

  it('migrates, serves with demo data once, and shuts down cleanly on SIGTERM', async () => {
    const env = await cliEnv();
    const migrate = await runCli(['migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('up to date');

    const port = String(await freePort());
    const first = await startCli(['serve', '--demo-if-empty'], { ...env, PORT: port });
    const health = ZHealth.parse(await (await fetch(`${first.baseUrl}/api/health`)).json());
    expect(health.status).toBe('ok');
    const regions = ZRegionListResponse.parse(await (await fetch(`${first.baseUrl}/api/regions`)).json()).data;
    expect(regions.some((r) => r.code === 'noord-west-vlaanderen')).toBe(true);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    // It said that it loaded the demo, and how to log in.
    expect(first.output()).toContain('demo data was loaded');
    for (const text of ['beheer@samenplan.demo', 'nieuw@samenplan.demo', 'Samenplan-demo-2026', 'SAMENPLANDEMOTOTPSECRETKEY234567']) {
      expect(first.output()).toContain(text);
    }

    // A second start finds the demo data and adds nothing.
    const second = await startCli(['serve', '--demo-if-empty'], { ...env, PORT: port });
    const again = ZRegionListResponse.parse(await (await fetch(`${second.baseUrl}/api/regions`)).json()).data;
    expect(again).toEqual(regions);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(second.output()).not.toContain('demo data was loaded');
  });
});
