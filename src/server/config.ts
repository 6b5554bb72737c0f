import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** A rate-limit setting: a whole number from 0 (0 switches that limit off) to 1,000,000. */
function rateLimitNumber(what: string, fallback: number) {
  const message = `must be ${what} between 0 (off) and 1000000`;
  return z.coerce.number({ error: message }).int(message).min(0, message).max(1_000_000, message).default(fallback);
}

const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'must be a whole number between 1 and 65535' })
    .int('must be a whole number between 1 and 65535')
    .min(1, 'must be a whole number between 1 and 65535')
    .max(65535, 'must be a whole number between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  SAMENPLAN_DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ error: 'must be an absolute URL such as https://samenplan.example.be' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.be:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Samenplan <no-reply@samenplan.local>'),
  OIDC_ISSUER: z.url({ error: 'must be the issuer URL of the OpenID Connect provider' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).max(80).default('Aanmelden met je organisatie-account'),
  OIDC_STRONG_AUTH: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_URL: z.url({ error: 'must be the http(s) URL that receives audit checkpoints' }).optional(),
  AUDIT_SEAL_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds between 1 and 3600' })
    .int('must be a number of seconds between 1 and 3600')
    .min(1, 'must be a number of seconds between 1 and 3600')
    .max(3600, 'must be a number of seconds between 1 and 3600')
    .default(2),
  AUDIT_CHECKPOINT_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds between 1 and 86400' })
    .int('must be a number of seconds between 1 and 86400')
    .min(1, 'must be a number of seconds between 1 and 86400')
    .max(86400, 'must be a number of seconds between 1 and 86400')
    .default(300),
  SAMENPLAN_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v.trim(), 'base64').length === 32, 'must be the base64 of 32 random bytes (make one with: samenplan keys generate)')
    .optional(),
  SAMENPLAN_SECRET_KEYS_OLD: z
    .string()
    .refine(
      (v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32),
      'must be a comma-separated list of base64 keys of 32 bytes each',
    )
    .optional(),
  RATE_LIMIT_WINDOW_SECONDS: rateLimitNumber('a number of seconds', 60),
  RATE_LIMIT_IP_MAX: rateLimitNumber('a number of requests', 1200),
  RATE_LIMIT_ANONYMOUS_MAX: rateLimitNumber('a number of requests', 300),
  RATE_LIMIT_SESSION_MAX: rateLimitNumber('a number of requests', 600),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  /** Where people reach the app, for links in mail and enrolment links: PUBLIC_URL, else http://localhost:PORT. */
  baseUrl: string;
  logLevel: z.infer<typeof ZConfig>['LOG_LEVEL'];
  trustProxy: boolean;
  /** SMTP server for outgoing mail; without it, mail lands in the development outbox (never in production). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** External login with OpenID Connect, when configured. */
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string;
        label: string;
        /** The provider's login counts as both factors (e.g. eID, itsme); otherwise TOTP is asked after it. */
        strongAuth: boolean;
      }
    | undefined;
  /** The audit chain's sealer and its signed checkpoints (docs/operations.md). */
  audit: {
    /** Ed25519 key (PKCS#8 PEM or base64 seed); else `<data dir>/keys/audit-signing.key`. */
    signingKey: string | undefined;
    /** JSON-lines log of signed checkpoints, outside the database. */
    checkpointFile: string;
    /** Optional witness that receives each checkpoint by POST. */
    checkpointUrl: string | undefined;
    sealSeconds: number;
    checkpointSeconds: number;
  };
  /** Key that seals secrets at rest (TOTP secrets); else `<data dir>/keys/secret.key`. Old keys open old values until `keys rotate`. */
  secrets: { key: string | undefined; oldKeys: string[] };
  /**
   * General rate limiting (docs/security.md): per IP for everyone, per session for logged-in callers
   * and per IP, stricter, for anonymous ones; each a number of requests per window, 0 = off.
   */
  rateLimit: {
    windowSeconds: number;
    ipMax: number;
    anonymousMax: number;
    sessionMax: number;
  };
  /** Whether the public URL is https: cookies get Secure, HSTS is sent. */
  secure: boolean;
  version: string;
};

/** Raised for an invalid environment; the message is one line naming the variable. */
export class ConfigError extends Error {}

/** Parses the environment into a Config, or throws ConfigError with one clear line. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, so `PORT= npm start` behaves like no PORT.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    const value = typeof issue?.path[0] === 'string' ? env[issue.path[0]] : undefined;
    throw new ConfigError(
      `Invalid configuration: ${name}${value === undefined ? '' : `=${JSON.stringify(value)}`} ${issue?.message ?? 'is invalid'}`,
    );
  }
  const c = parsed.data;
  const oidcSet = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    throw new ConfigError('Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.SAMENPLAN_DATA_DIR,
    publicUrl: c.PUBLIC_URL,
    baseUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
        ? { issuer: c.OIDC_ISSUER, clientId: c.OIDC_CLIENT_ID, clientSecret: c.OIDC_CLIENT_SECRET, label: c.OIDC_LABEL, strongAuth: c.OIDC_STRONG_AUTH }
        : undefined,
    audit: {
      signingKey: c.AUDIT_SIGNING_KEY,
      checkpointFile: c.AUDIT_CHECKPOINT_FILE ?? join(c.SAMENPLAN_DATA_DIR, 'audit-checkpoints.jsonl'),
      checkpointUrl: c.AUDIT_CHECKPOINT_URL,
      sealSeconds: c.AUDIT_SEAL_SECONDS,
      checkpointSeconds: c.AUDIT_CHECKPOINT_SECONDS,
    },
    secrets: {
      key: c.SAMENPLAN_SECRET_KEY,
      oldKeys: (c.SAMENPLAN_SECRET_KEYS_OLD ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    },
    rateLimit: {
      windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
      ipMax: c.RATE_LIMIT_IP_MAX,
      anonymousMax: c.RATE_LIMIT_ANONYMOUS_MAX,
      sessionMax: c.RATE_LIMIT_SESSION_MAX,
    },
    secure: c.PUBLIC_URL?.startsWith('https://') ?? false,
    version: packageVersion(),
  };
}

let cachedVersion: string | undefined;
/** The version from package.json. */
export function packageVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}
