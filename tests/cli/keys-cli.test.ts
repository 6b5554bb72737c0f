import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, runCli } from '../helpers/cli.js';
import { OTHER_SECRET_KEY, TEST_SECRET_KEY } from '../helpers/secrets.js';
import { createSecretBox, keyIdOf, parseSecretKey } from '../../src/server/platform/keys/secret-box.js';

const keyId = (k: string) => keyIdOf(parseSecretKey(k, 'test'));

describe('samenplan keys', { timeout: 180_000 }, () => {
  it('rotate seals every secret under the new key; then the old key is no longer needed, and a wrong key is named', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samenplan-keys-'));
    const base = await cliEnv({ SAMENPLAN_DATA_DIR: dataDir });
    // Without a configured key the demo's secrets are sealed under a key file made with mode 0600.
    const demo = await runCli(['demo'], base);
    expect(demo.code, demo.stderr).toBe(0);
    const file = join(dataDir, 'keys', 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const fileKey = readFileSync(file, 'utf8').trim();
    expect(createSecretBox(parseSecretKey(fileKey, 'file')).keyId).toMatch(/^[0-9a-f]{12}$/);

    // Move to a configured key: the key file still opens the old values, rotate seals them anew.
    const rotated = await runCli(['keys', 'rotate'], { ...base, SAMENPLAN_SECRET_KEY: TEST_SECRET_KEY });
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(new RegExp(`under key ${keyId(TEST_SECRET_KEY)}: [1-9]\\d* sealed again`));

    // Then to another key, with the previous one listed as old.
    const again = await runCli(['keys', 'rotate'], { ...base, SAMENPLAN_SECRET_KEY: OTHER_SECRET_KEY, SAMENPLAN_SECRET_KEYS_OLD: TEST_SECRET_KEY });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/[1-9]\d* sealed again/);

    // The retired key alone opens nothing any more: a clear one-line refusal naming the key needed.
    const stale = await runCli(['keys', 'rotate'], { ...base, SAMENPLAN_SECRET_KEY: Buffer.alloc(32, 3).toString('base64') });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`under key ${keyId(OTHER_SECRET_KEY)}`);
    expect(stale.stderr).toContain('SAMENPLAN_SECRET_KEYS_OLD');

    // The new key alone is enough.
    const done = await runCli(['keys', 'rotate'], { ...base, SAMENPLAN_SECRET_KEY: OTHER_SECRET_KEY });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(': 0 sealed again');
  });

  it('generate prints a usable key', async () => {
    const res = await runCli(['keys', 'generate'], await cliEnv());
    expect(res.code).toBe(0);
    expect(Buffer.from(res.stdout.trim(), 'base64')).toHaveLength(32);
  });
});
