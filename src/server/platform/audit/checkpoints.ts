import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DbOrTx } from '../../db/client.js';
import { keysDir, loadOrCreateKeyFile } from '../keys/key-file.js';
import { chainHead, sealAt, type ChainHead } from './audit.js';

/**
 * A signed statement "the audit chain had `position` rows ending in `hash` at `at`", kept outside
 * the database. Whoever can rewrite the database cannot rewrite these: cutting off the newest rows
 * or restoring an older copy of the database leaves a checkpoint the chain no longer holds.
 */
export interface Checkpoint {
  position: number;
  hash: string;
  at: string;
  /** First 16 hex characters of SHA-256 over the public key (SPKI), to tell keys apart after rotation. */
  keyId: string;
  /** Ed25519 over checkpointMessage(), base64. */
  signature: string;
}

export interface CheckpointConfig {
  dataDir: string;
  signingKey: string | undefined;
}

export function signingKeyPath(dataDir: string): string {
  return join(keysDir(dataDir), 'audit-signing.key');
}

/** The bytes that are signed: a fixed prefix, so the key cannot be made to sign anything else. */
function checkpointMessage(c: Pick<Checkpoint, 'position' | 'hash' | 'at'>): Buffer {
  return Buffer.from(`samenplan.audit-checkpoint.v1\n${c.position}\n${c.hash}\n${c.at}`, 'utf8');
}

/** An Ed25519 private key from PEM (PKCS#8) or base64 of the 32-byte seed. */
export function parseSigningKey(value: string): KeyObject {
  const text = value.trim();
  if (text.startsWith('-----BEGIN')) return createPrivateKey(text);
  const seed = Buffer.from(text, 'base64');
  if (seed.length !== 32) throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 PKCS#8 PEM or the base64 of a 32-byte seed');
  // PKCS#8 wrapper of a raw Ed25519 seed (RFC 8410).
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** The configured key, else the key file in the data dir (created with mode 0600 at first use). */
export function loadSigningKey(config: CheckpointConfig): KeyObject {
  if (config.signingKey) return parseSigningKey(config.signingKey);
  const pem = loadOrCreateKeyFile(signingKeyPath(config.dataDir), () =>
    Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' })),
  );
  return createPrivateKey(pem);
}

/** The public key to check checkpoints with, without creating a key when there is none. */
export function loadVerifyKey(config: CheckpointConfig): KeyObject | null {
  if (config.signingKey) return createPublicKey(parseSigningKey(config.signingKey));
  const path = signingKeyPath(config.dataDir);
  return existsSync(path) ? createPublicKey(createPrivateKey(readFileSync(path))) : null;
}

export function keyIdOf(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ format: 'der', type: 'spki' })).digest('hex').slice(0, 16);
}

export function signCheckpoint(key: KeyObject, head: ChainHead, at: Date): Checkpoint {
  const body = { position: head.position, hash: head.hash, at: at.toISOString() };
  return { ...body, keyId: keyIdOf(key), signature: sign(null, checkpointMessage(body), key).toString('base64') };
}

/** Appends to the JSON-lines log and, when configured, posts to the witness; failures are reported, not thrown. */
export async function publishCheckpoint(
  checkpoint: Checkpoint,
  target: { file: string; url?: string | undefined },
  onError: (err: unknown, where: string) => void,
): Promise<void> {
  try {
    mkdirSync(dirname(target.file), { recursive: true });
    appendFileSync(target.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o640 });
  } catch (err) {
    onError(err, target.file);
  }
  if (target.url) {
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(checkpoint),
        signal: AbortSignal.timeout(5_000),
      });
      if (!res.ok) onError(new Error(`HTTP ${res.status}`), target.url);
    } catch (err) {
      onError(err, target.url);
    }
  }
}

export type CheckpointProblem = 'malformed' | 'bad_signature' | 'missing_from_chain' | 'hash_differs';

export interface CheckpointVerification {
  ok: boolean;
  checked: number;
  newest: Checkpoint | null;
  head: ChainHead | null;
  firstProblem?: { line: number; position: number | null; problem: CheckpointProblem };
}

function isCheckpoint(v: unknown): v is Checkpoint {
  const c = v as Checkpoint;
  return (
    typeof c === 'object' && c !== null && Number.isSafeInteger(c.position) && c.position > 0 &&
    typeof c.hash === 'string' && typeof c.at === 'string' && typeof c.signature === 'string'
  );
}

/** Checks every checkpoint in a log: signed by our key, and still held by the chain. */
export async function verifyCheckpoints(db: DbOrTx, file: string, publicKey: KeyObject): Promise<CheckpointVerification> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const head = await chainHead(db);
  let checked = 0;
  let newest: Checkpoint | null = null;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const fail = (problem: CheckpointProblem, position: number | null): CheckpointVerification => ({
      ok: false,
      checked,
      newest,
      head,
      firstProblem: { line: i + 1, position, problem },
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return fail('malformed', null);
    }
    if (!isCheckpoint(parsed)) return fail('malformed', null);
    const c = parsed;
    if (!verify(null, checkpointMessage(c), publicKey, Buffer.from(c.signature, 'base64'))) return fail('bad_signature', c.position);
    const seal = await sealAt(db, c.position);
    if (!seal) return fail('missing_from_chain', c.position);
    if (seal.hash !== c.hash) return fail('hash_differs', c.position);
    checked++;
    if (!newest || c.position >= newest.position) newest = c;
  }
  return { ok: true, checked, newest, head };
}
