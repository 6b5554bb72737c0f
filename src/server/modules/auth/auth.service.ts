import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { AppError, NotFound, TooManyRequests, detailPath } from '../../platform/errors.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit/audit.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/password.js';
import { clearFailures, forgiveAttempt, LIMITS, takeAttempt, takeAttempts, type ThrottleLimit } from '../../platform/auth/throttle.js';
import { sessionRepo } from '../../platform/auth/session.repo.js';
import { randomToken, sha256 } from '../../platform/auth/tokens.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { requireStepUp, STEP_UP_WINDOW_MS } from '../../platform/auth/step-up.js';
import { newTotpSecret, totpQrSvg, totpStep, totpUri } from '../../platform/auth/totp.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { abilitiesOf } from '../../../shared/permissions.js';
import type { TMe } from '../../../shared/schemas/auth.js';
import { authRepo } from './auth.repo.js';
import type { SecretBox } from '../../platform/keys/secret-box.js';
import { SECRET_PURPOSE } from '../../platform/keys/sealed-secrets.repo.js';
import { identityRepo } from '../identity/identity.repo.js';

/** A context with a session at any level (password stage or full). */
type SessionContext = RequestContext & { actor: Actor };

/** The context narrowed to a session at any level, or a 401 (the password-stage policy guarantees one). */
function requireSession(ctx: RequestContext): SessionContext {
  if (!ctx.actor) throw new AppError(401, 'unauthenticated');
  // Passwords, second factors and professional sessions are not a family login's (the portal has its own).
  if (ctx.actor.kind !== 'professional') throw new AppError(403, 'forbidden');
  return ctx as SessionContext;
}

const RECOVERY_CODE_COUNT = 10;
/** An address that completed a login to an account within this time is a known-good device for it. */
const KNOWN_DEVICE_MS = 90 * 24 * 60 * 60_000;
const RESET_TTL_MS = 60 * 60_000;
const INVALID_RESET_LINK = 'This link is not valid (any more). Ask for a new one.';

/** The password-reset mail in plain language. */
const RESET_MAIL: Record<'nl' | 'en', (link: string) => { subject: string; body: string }> = {
  nl: (link) => ({
    subject: 'Nieuw wachtwoord voor Samenplan',
    body: `Hallo,\n\nJe vroeg een nieuw wachtwoord voor Samenplan. Kies het via deze link (één uur geldig, één keer te gebruiken):\n\n${link}\n\nNa het nieuwe wachtwoord vragen we ook je code uit je app, zoals altijd.\n\nVroeg je niets? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.\n`,
  }),
  en: (link) => ({
    subject: 'New password for Samenplan',
    body: `Hello,\n\nYou asked for a new Samenplan password. Choose it through this link (valid for one hour, usable once):\n\n${link}\n\nAfter the new password we ask for the code from your app, as always.\n\nDid you not ask? Then do nothing: your password stays the same.\n`,
  }),
};
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/-/g, '');

/** Login with password and second factor, sessions, and password changes. */
export function createAuthService(db: Db, secrets: SecretBox) {
  const openSecret = (sealed: string) => secrets.open(sealed, SECRET_PURPOSE.mfaSecret);

  /**
   * Starts a session after the right password; the same refusal for unknown e-mail and wrong password.
   * Throttled per address, per account from this address, and per account from all unknown addresses
   * together; an address that completed a login to this account before is slowed down, never locked
   * out by others' failures (docs/security.md, 2).
   */
  async function login(ctx: RequestContext, email: string, password: string) {
    const { now } = ctx;
    const replacingSessionId = ctx.actor?.sessionId;
    const acct = await authRepo.findByEmail(db, email);
    const known = acct ? await authRepo.isKnownDevice(db, acct.id, ctx.ip, new Date(now.getTime() - KNOWN_DEVICE_MS)) : false;
    const who = acct?.id ?? email.toLowerCase();
    const pairKey = `login:acct-ip:${who}|${ctx.ip}`;
    const keys: [string, ThrottleLimit][] = [
      [`login:ip:${ctx.ip}`, LIMITS.ip],
      [pairKey, known ? LIMITS.knownDevice : LIMITS.account],
    ];
    if (!known) keys.push([`login:acct:${who}`, LIMITS.accountAnyIp]);
    const wait = await takeAttempts(db, keys, now);
    if (wait > 0) {
      await recordAuditAlone(db, {
        action: 'auth.login', resourceType: 'account', resourceId: acct?.id ?? null, actorLabel: email, ip: ctx.ip, outcome: 'denied', reason: 'throttled',
      });
      throw new TooManyRequests(wait);
    }
    const passwordOk = await verifyPassword(acct?.passwordHash, password);
    if (!acct || !passwordOk || acct.status !== 'active') {
      await recordAuditAlone(db, {
        action: 'auth.login',
        resourceType: 'account',
        resourceId: acct?.id ?? null,
        actorAccountId: acct?.id ?? null,
        actorLabel: email,
        ip: ctx.ip,
        outcome: 'failed',
        reason: !acct ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'account_disabled',
      });
      throw new AppError(401, 'invalid_credentials');
    }
    return db.transaction(async (tx) => {
      // The attempts taken were no failures.
      for (const [key] of keys) await forgiveAttempt(tx, key, now);
      await clearFailures(tx, pairKey, now);
      // A new session id at every login; whatever session the browser had is ended.
      if (replacingSessionId) await sessionRepo.revoke(tx, replacingSessionId, now);
      const created = await sessionRepo.create(tx, { accountId: acct.id, level: 'password', ip: ctx.ip, userAgent: ctx.userAgent, now });
      await recordAudit(tx, {
        action: 'auth.login', resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'success', reason: 'password',
      });
      return { ...created, next: acct.mfaEnabledAt ? ('mfa' as const) : ('mfa_enrol' as const) };
    });
  }

  /** Accepts a TOTP code once (a newer step than any used before) or an unused recovery code. */
  async function checkSecondFactor(tx: DbOrTx, accountId: string, secret: string, code: string, now: Date) {
    if (/^\d{6}$/.test(code)) {
      const step = totpStep(secret, code, now);
      return step !== null && (await authRepo.claimTotpStep(tx, accountId, step)) ? ('totp' as const) : null;
    }
    return (await authRepo.useRecoveryCode(tx, accountId, sha256(normaliseRecoveryCode(code)), now)) ? ('recovery_code' as const) : null;
  }

  /**
   * The second-factor check shared by login and step-up: throttled per account, a failure counted
   * and audited; on success `then` runs in the same transaction as the audit row.
   */
  async function confirmSecondFactor<T>(
    ctx: SessionContext,
    code: string,
    action: string,
    then: (tx: DbOrTx, now: Date) => Promise<T>,
  ): Promise<T> {
    const { actor, now } = ctx;
    const key = `mfa:acct:${actor.accountId}`;
    const acct = await authRepo.findById(db, actor.accountId);
    if (!acct?.mfaSecret || !acct.mfaEnabledAt) throw new AppError(409, 'conflict');
    const wait = await takeAttempt(db, key, LIMITS.mfa, now);
    if (wait > 0) throw new TooManyRequests(wait);
    const secret = openSecret(acct.mfaSecret);
    const result = await db.transaction(async (tx) => {
      const method = await checkSecondFactor(tx, acct.id, secret, code, now);
      if (!method) return { ok: false as const };
      await clearFailures(tx, key, now);
      const value = await then(tx, now);
      await recordAudit(tx, {
        action, resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'success', reason: method,
      });
      return { ok: true as const, value };
    });
    if (result.ok) return result.value;
    await recordAuditAlone(db, { action, resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, ip: ctx.ip, outcome: 'failed' });
    throw new AppError(401, 'invalid_mfa_code').alreadyAudited();
  }

  /** Step-up: confirms the second factor again so sensitive operations are allowed for a few minutes. */
  async function reauthenticate(ctx: FullContext, code: string) {
    return confirmSecondFactor(ctx, code, 'auth.reauth', async (tx, now) => {
      await sessionRepo.markReauthenticated(tx, ctx.actor.sessionId, now);
      return { validUntil: new Date(now.getTime() + STEP_UP_WINDOW_MS).toISOString() };
    });
  }

  /** A refused new password is no guess at the token: the attempt taken for it does not count. */
  async function forgivingWeakPassword<T>(key: string, now: Date, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof AppError && err.code === 'weak_password') await forgiveAttempt(db, key, now);
      throw err;
    }
  }

  /** Raises a session to full: the old session ends and a new id is issued (no fixation across levels). */
  async function upgrade(ctx: SessionContext, tx: DbOrTx) {
    const { actor, now } = ctx;
    await sessionRepo.revoke(tx, actor.sessionId, now);
    return sessionRepo.create(tx, { accountId: actor.accountId, level: 'full', ip: ctx.ip, userAgent: ctx.userAgent, now });
  }

  /** Checks the second factor (TOTP, single use; or a recovery code) and makes the session full. */
  function verifyMfa(ctx: RequestContext, code: string) {
    const session = requireSession(ctx);
    return confirmSecondFactor(session, code, 'auth.mfa', (tx) => upgrade(session, tx));
  }

  /** Starts TOTP enrolment: a new secret (kept until confirmed) and its QR code. */
  async function setupMfa(ctx: RequestContext) {
    const acct = await authRepo.findById(db, requireSession(ctx).actor.accountId);
    if (!acct) throw new NotFound();
    if (acct.mfaEnabledAt) throw new AppError(409, 'conflict', undefined);
    const secret = newTotpSecret();
    await authRepo.setPendingMfaSecret(db, acct.id, secrets.seal(secret, SECRET_PURPOSE.mfaSecret), ctx.now);
    const uri = totpUri(secret, acct.email);
    return { secret, otpauthUri: uri, qrSvg: await totpQrSvg(uri) };
  }

  /** Confirms enrolment with a first code; returns recovery codes (shown once) and a full session. */
  async function enableMfa(ctx: RequestContext, code: string) {
    const session = requireSession(ctx);
    const { actor, now } = session;
    const key = `mfa:acct:${actor.accountId}`;
    const acct = await authRepo.findById(db, actor.accountId);
    if (!acct) throw new NotFound();
    if (acct.mfaEnabledAt || !acct.mfaSecret) throw new AppError(409, 'conflict');
    const wait = await takeAttempt(db, key, LIMITS.mfa, now);
    if (wait > 0) throw new TooManyRequests(wait);
    const step = /^\d{6}$/.test(code) ? totpStep(openSecret(acct.mfaSecret), code, now) : null;
    if (step === null) throw new AppError(400, 'invalid_mfa_code');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    return db.transaction(async (tx) => {
      await clearFailures(tx, key, now);
      await authRepo.enableMfa(tx, acct.id, step, now);
      await authRepo.replaceRecoveryCodes(tx, acct.id, codes.map((c) => sha256(normaliseRecoveryCode(c))));
      const upgraded = await upgrade(session, tx);
      await recordAudit(tx, {
        action: 'auth.mfa_enrol', resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'success',
      });
      return { session: upgraded, recoveryCodes: codes };
    });
  }

  /** New recovery codes after a fresh step-up; the earlier ones stop working in the same transaction. */
  async function renewRecoveryCodes(ctx: FullContext) {
    const { actor, now } = ctx;
    requireStepUp(actor, now);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await db.transaction(async (tx) => {
      await authRepo.replaceRecoveryCodes(tx, actor.accountId, codes.map((c) => sha256(normaliseRecoveryCode(c))));
      await recordAudit(tx, {
        action: 'auth.recovery_codes_renew', resourceType: 'account', resourceId: actor.accountId, actorAccountId: actor.accountId,
        actorPersonId: actor.personId, ip: ctx.ip, outcome: 'success',
      });
    });
    return { recoveryCodes: codes };
  }

  /**
   * Moving the second factor to a new phone, step one (after a fresh step-up): a new secret waits,
   * sealed, next to the current one, which keeps working until the new one is confirmed.
   */
  async function startMfaReplacement(ctx: FullContext) {
    const { actor, now } = ctx;
    requireStepUp(actor, now);
    const acct = await authRepo.findById(db, actor.accountId);
    if (!acct) throw new NotFound();
    if (!acct.mfaEnabledAt) throw new AppError(409, 'conflict');
    const secret = newTotpSecret();
    await authRepo.setReplacementMfaSecret(db, acct.id, secrets.seal(secret, SECRET_PURPOSE.mfaPendingSecret), now);
    const uri = totpUri(secret, acct.email);
    return { secret, otpauthUri: uri, qrSvg: await totpQrSvg(uri) };
  }

  /** Step two: a code from the new phone makes its secret the second factor; the old phone stops working. */
  async function confirmMfaReplacement(ctx: FullContext, code: string) {
    const { actor, now } = ctx;
    const key = `mfa:acct:${actor.accountId}`;
    const acct = await authRepo.findById(db, actor.accountId);
    if (!acct) throw new NotFound();
    const pending = acct.mfaPendingSecret;
    if (!pending || !acct.mfaEnabledAt) throw new AppError(409, 'conflict');
    const wait = await takeAttempt(db, key, LIMITS.mfa, now);
    if (wait > 0) throw new TooManyRequests(wait);
    const step = /^\d{6}$/.test(code) ? totpStep(secrets.open(pending, SECRET_PURPOSE.mfaPendingSecret), code, now) : null;
    if (step === null) {
      await recordAuditAlone(db, {
        action: 'auth.mfa_replace', resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'failed', reason: 'invalid_mfa_code',
      });
      throw new AppError(400, 'invalid_mfa_code');
    }
    const plain = secrets.open(pending, SECRET_PURPOSE.mfaPendingSecret);
    return db.transaction(async (tx) => {
      // Only if the waiting secret is still the one just checked (a new setup meanwhile wins).
      const moved = await authRepo.confirmReplacementMfaSecret(tx, acct.id, pending, secrets.seal(plain, SECRET_PURPOSE.mfaSecret), step, now);
      if (!moved) throw new AppError(409, 'conflict');
      await clearFailures(tx, key, now);
      await recordAudit(tx, {
        action: 'auth.mfa_replace', resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'success',
      });
      return { replacedAt: now.toISOString() };
    });
  }

  /** Sets the first password through a one-time enrolment token; the second factor comes next. */
  async function enrol(ctx: RequestContext, token: string, password: string) {
    const { now } = ctx;
    const key = `enrol:ip:${ctx.ip}`;
    const wait = await takeAttempt(db, key, LIMITS.account, now);
    if (wait > 0) throw new TooManyRequests(wait);
    const hash = await hashPassword(password);
    const result = await forgivingWeakPassword(key, now, () => db.transaction(async (tx) => {
      const accountId = await identityRepo.consumeAuthToken(tx, sha256(token), 'enrolment', now);
      if (!accountId) return null;
      const acct = await authRepo.findById(tx, accountId);
      if (!acct || acct.status !== 'active') return null;
      const problem = passwordProblem(password, acct.email);
      if (problem) throw new AppError(400, 'weak_password', undefined, [{ path: detailPath('body', 'password'), message: problem }]);
      await authRepo.setPassword(tx, acct.id, hash, now);
      await forgiveAttempt(tx, key, now);
      const session = await sessionRepo.create(tx, { accountId: acct.id, level: 'password', ip: ctx.ip, userAgent: ctx.userAgent, now });
      await recordAudit(tx, {
        action: 'auth.enrol', resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'success',
      });
      return { ...session, next: acct.mfaEnabledAt ? ('mfa' as const) : ('mfa_enrol' as const) };
    }));
    if (result) return result;
    await recordAuditAlone(db, { action: 'auth.enrol', resourceType: 'account', ip: ctx.ip, outcome: 'failed', reason: 'invalid_token' });
    throw new AppError(400, 'bad_request', 'This enrolment link is not valid (any more).');
  }

  /**
   * Mails a single-use reset link (valid one hour) when the address belongs to an active account;
   * says nothing either way, and is throttled per address and per IP.
   */
  async function requestPasswordReset(ctx: RequestContext, email: string, mailer: Mailer, link: (token: string) => string) {
    const { now } = ctx;
    const keys = { account: `reset:acct:${email}`, ip: `reset:ip:${ctx.ip}` };
    // Every request counts, so the mail cannot be used to flood someone's inbox.
    const wait = await takeAttempts(db, [[keys.ip, LIMITS.ip], [keys.account, LIMITS.resetPerAccount]], now);
    if (wait > 0) throw new TooManyRequests(wait);
    const acct = await authRepo.findByEmail(db, email);
    const token = randomToken();
    const sent = await db.transaction(async (tx) => {
      const usable = acct && acct.status === 'active' && acct.personId && acct.passwordHash !== null;
      await recordAudit(tx, {
        action: 'auth.password_reset_request', resourceType: 'account', resourceId: acct?.id ?? null, actorLabel: email,
        ip: ctx.ip, outcome: usable ? 'success' : 'failed', reason: usable ? null : 'no_usable_account',
      });
      if (!usable) return false;
      await identityRepo.insertAuthToken(tx, {
        tokenHash: sha256(token), accountId: acct.id, purpose: 'password_reset', expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      });
      return true;
    });
    if (!sent || !acct) return;
    const text = RESET_MAIL[ctx.lang](link(token));
    try {
      await mailer.send({ to: acct.email, subject: text.subject, text: text.body });
    } catch {
      // Said nothing to the caller on purpose: the mail log has the failure.
    }
  }

  /** Sets a new password through a reset token; ends every session; the second factor is still required. */
  async function confirmPasswordReset(ctx: RequestContext, token: string, password: string) {
    const { now } = ctx;
    const key = `reset-confirm:ip:${ctx.ip}`;
    const wait = await takeAttempt(db, key, LIMITS.account, now);
    if (wait > 0) throw new TooManyRequests(wait);
    const hash = await hashPassword(password);
    const result = await forgivingWeakPassword(key, now, () => db.transaction(async (tx) => {
      const accountId = await identityRepo.consumeAuthToken(tx, sha256(token), 'password_reset', now);
      const acct = accountId ? await authRepo.findById(tx, accountId) : undefined;
      if (!acct || acct.status !== 'active') return null;
      const problem = passwordProblem(password, acct.email);
      if (problem) throw new AppError(400, 'weak_password', undefined, [{ path: detailPath('body', 'password'), message: problem }]);
      await authRepo.setPassword(tx, acct.id, hash, now);
      await forgiveAttempt(tx, key, now);
      const ended = await sessionRepo.revokeAll(tx, acct.id, now);
      const session = await sessionRepo.create(tx, { accountId: acct.id, level: 'password', ip: ctx.ip, userAgent: ctx.userAgent, now });
      await recordAudit(tx, {
        action: 'auth.password_reset', resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'success', details: { sessionsEnded: ended },
      });
      return { ...session, next: acct.mfaEnabledAt ? ('mfa' as const) : ('mfa_enrol' as const) };
    }));
    if (result) return result;
    await recordAuditAlone(db, { action: 'auth.password_reset', resourceType: 'account', ip: ctx.ip, outcome: 'failed', reason: 'invalid_token' });
    throw new AppError(400, 'bad_request', INVALID_RESET_LINK);
  }

  async function logout(ctx: RequestContext) {
    const { actor, now } = requireSession(ctx);
    await db.transaction(async (tx) => {
      await sessionRepo.revoke(tx, actor.sessionId, now);
      await recordAudit(tx, {
        action: 'auth.logout', resourceType: 'session', resourceId: actor.sessionId, actorAccountId: actor.accountId,
        actorPersonId: actor.personId, ip: ctx.ip, outcome: 'success',
      });
    });
  }

  async function logoutEverywhere(ctx: FullContext) {
    const { actor, now } = ctx;
    await db.transaction(async (tx) => {
      const ended = await sessionRepo.revokeAll(tx, actor.accountId, now);
      await recordAudit(tx, {
        action: 'auth.logout_all', resourceType: 'account', resourceId: actor.accountId, actorAccountId: actor.accountId,
        actorPersonId: actor.personId, ip: ctx.ip, outcome: 'success', details: { sessionsEnded: ended },
      });
    });
  }

  async function listSessions(ctx: FullContext) {
    const { actor } = ctx;
    const rows = await sessionRepo.listLive(db, actor.accountId, ctx.now);
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      current: r.id === actor.sessionId,
    }));
  }

  async function revokeSession(ctx: FullContext, sessionId: string) {
    const { actor, now } = ctx;
    await db.transaction(async (tx) => {
      if (!(await sessionRepo.revokeOwn(tx, actor.accountId, sessionId, now))) throw new NotFound();
      await recordAudit(tx, {
        action: 'auth.session_revoke', resourceType: 'session', resourceId: sessionId, actorAccountId: actor.accountId,
        actorPersonId: actor.personId, ip: ctx.ip, outcome: 'success',
      });
    });
  }

  /** Changes the password after checking the current one; every other session ends at once. */
  async function changePassword(ctx: FullContext, current: string, next: string) {
    const { actor, now } = ctx;
    const key = `password:acct:${actor.accountId}`;
    const wait = await takeAttempt(db, key, LIMITS.passwordChange, now);
    if (wait > 0) {
      await recordAuditAlone(db, {
        action: 'auth.password_change', resourceType: 'account', resourceId: actor.accountId, actorAccountId: actor.accountId,
        ip: ctx.ip, outcome: 'denied', reason: 'throttled',
      });
      throw new TooManyRequests(wait);
    }
    const acct = await authRepo.findById(db, actor.accountId);
    if (!acct || !(await verifyPassword(acct.passwordHash, current))) {
      await recordAuditAlone(db, {
        action: 'auth.password_change', resourceType: 'account', resourceId: actor.accountId, actorAccountId: actor.accountId,
        ip: ctx.ip, outcome: 'failed', reason: 'wrong_password',
      });
      throw new AppError(401, 'invalid_credentials').alreadyAudited();
    }
    // The current password was right: this attempt was no guess.
    await clearFailures(db, key, now);
    const problem = passwordProblem(next, acct.email);
    if (problem) throw new AppError(400, 'weak_password', undefined, [{ path: detailPath('body', 'newPassword'), message: problem }]);
    const hash = await hashPassword(next);
    await db.transaction(async (tx) => {
      await authRepo.setPassword(tx, acct.id, hash, now);
      const ended = await sessionRepo.revokeAll(tx, acct.id, now, actor.sessionId);
      await recordAudit(tx, {
        action: 'auth.password_change', resourceType: 'account', resourceId: acct.id, actorAccountId: acct.id,
        actorPersonId: acct.personId, ip: ctx.ip, outcome: 'success', details: { sessionsEnded: ended },
      });
    });
  }

  /** Who the session belongs to, with roles and abilities (a session at any level). */
  function me(ctx: RequestContext): TMe {
    const { actor } = requireSession(ctx);
    return {
      account: { id: actor.accountId, email: actor.email, mfaEnabled: actor.mfaEnabled },
      person: actor.personId && actor.personName ? { id: actor.personId, name: actor.personName } : null,
      level: actor.level === 'full' ? 'full' : 'password',
      platformRoles: actor.platformRoles,
      memberships: actor.memberships,
      abilities: actor.level === 'full' ? abilitiesOf(actor) : {},
      csrfToken: actor.csrfToken,
    };
  }

  return { login, reauthenticate, renewRecoveryCodes, startMfaReplacement, confirmMfaReplacement, enrol, requestPasswordReset, confirmPasswordReset, verifyMfa, setupMfa, enableMfa, logout, logoutEverywhere, listSessions, revokeSession, changePassword, me };
}
export type AuthService = ReturnType<typeof createAuthService>;
