import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keysDir, loadOrCreateKeyFile } from './key-file.js';

/**
 * Secrets at rest (TOTP secrets, later other credentials): AES-256-GCM under the current key.
 * A sealed value reads `sp1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>`; the key id says which
 * key sealed it, so old keys keep opening old values until `samenplan keys rotate` re-seals them.
 * The purpose (e.g. `account.mfa_secret`) is authenticated data: a value cannot be moved to
 * another column and still open.
 */
const PREFIX = 'sp1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key problem named plainly: missing key, wrong key, tampered value. */
export class SecretKeyError extends Error {}

export interface SecretBox {
  /** Id of the current key (first 12 hex characters of a hash of it); sealed values name it. */
  readonly keyId: string;
  /** Ids of every key that can open values: the current one first. */
  readonly keyIds: readonly string[];
  seal(plain: string, purpose: string): string;
  open(sealed: string, purpose: string): string;
}

/** Whether a stored value is sealed (any key), as opposed to a plain value left from before. */
export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

/** The key id a sealed value names, or null for a plain value. */
export function sealedKeyId(value: string): string | null {
  if (!isSealed(value)) return null;
  return value.split(':')[1] ?? null;
}

/** The prefix every value sealed under keyId starts with (for SQL `like`). */
export function sealedPrefix(keyId: string): string {
  return `${PREFIX}:${keyId}:`;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('samenplan.secret-key.v1\n').update(key).digest('hex').slice(0, 12);
}

/** A 32-byte key from base64 text; the error names where it came from. */
export function parseSecretKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9+/=_-]+$/.test(text.trim())) {
    throw new SecretKeyError(`${source} must be the base64 of 32 random bytes (make one with: samenplan keys generate)`);
  }
  return key;
}

/** A new random key, as base64 text. */
export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}

/** A box that seals under `current` and opens values of `current` and every key in `old`. */
export function createSecretBox(current: Buffer, old: Buffer[] = []): SecretBox {
  const keys = new Map<string, Buffer>();
  const keyId = keyIdOf(current);
  keys.set(keyId, current);
  for (const k of old) if (!keys.has(keyIdOf(k))) keys.set(keyIdOf(k), k);
  const aad = (purpose: string) => Buffer.from(`samenplan.secret.v1\n${purpose}`, 'utf8');
  return {
    keyId,
    keyIds: [...keys.keys()],
    seal(plain, purpose) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(aad(purpose));
      const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}:${keyId}:${body.toString('base64url')}`;
    },
    open(sealed, purpose) {
      const [prefix, id, data] = sealed.split(':');
      if (prefix !== PREFIX || !id || data === undefined) throw new SecretKeyError(`A ${purpose} value is not sealed (run the server once, or: samenplan keys rotate)`);
      const key = keys.get(id);
      if (!key) {
        throw new SecretKeyError(
          `A ${purpose} value was sealed with key ${id}, which is not configured (current key ${keyId}); ` +
            'set SAMENPLAN_SECRET_KEY to that key, or list it in SAMENPLAN_SECRET_KEYS_OLD',
        );
      }
      const body = Buffer.from(data, 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES) throw new SecretKeyError(`A ${purpose} value sealed with key ${id} is damaged`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
        decipher.setAAD(aad(purpose));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError(`A ${purpose} value sealed with key ${id} does not open: it was altered or belongs elsewhere`);
      }
    },
  };
}

export interface SecretKeyConfig {
  dataDir: string;
  /** Base64 of 32 bytes; else the key file `<data dir>/keys/secret.key` (created with mode 0600). */
  secretKey: string | undefined;
  /** Keys that may still open old values (base64), until `samenplan keys rotate` ran. */
  oldSecretKeys: string[];
}

export function secretKeyPath(dataDir: string): string {
  return join(keysDir(dataDir), 'secret.key');
}

/**
 * The configured key, else the key file (created at first use). When a key is configured and a key
 * file exists too, the file's key still opens old values, so moving from the file to configuration
 * is: set SAMENPLAN_SECRET_KEY, run `samenplan keys rotate`, then remove the file.
 */
export function loadSecretBox(config: SecretKeyConfig): SecretBox {
  const old = config.oldSecretKeys.map((k, i) => parseSecretKey(k, `SAMENPLAN_SECRET_KEYS_OLD (key ${i + 1})`));
  const path = secretKeyPath(config.dataDir);
  if (config.secretKey) {
    const current = parseSecretKey(config.secretKey, 'SAMENPLAN_SECRET_KEY');
    if (existsSync(path)) old.push(parseSecretKey(readFileSync(path, 'utf8'), `key file ${path}`));
    return createSecretBox(current, old);
  }
  const text = loadOrCreateKeyFile(path, () => Buffer.from(`${generateSecretKey()}\n`, 'utf8')).toString('utf8');
  return createSecretBox(parseSecretKey(text, `key file ${path}`), old);
}
