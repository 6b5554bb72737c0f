import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit/audit.js';
import { failureReason, OidcFailure, type OidcClient } from '../../platform/auth/oidc.js';
import { sessionRepo } from '../../platform/auth/session.repo.js';
import { safeEqual, sha256 } from '../../platform/auth/tokens.js';
import { oidcRepo } from './oidc.repo.js';
import { forgiveAttempt, LIMITS, takeAttempt } from '../../platform/auth/throttle.js';

const throttleKey = (ctx: RequestContext) => `oidc:ip:${ctx.ip}`;

/** How long a started login may take at the provider. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;
const STATE_CLEANUP_AFTER_MS = 24 * 60 * 60_000;

/** Where the browser goes after the callback; the web app reads `fout` to explain a refusal. */
export const OIDC_REDIRECTS = {
  failed: '/aanmelden?fout=oidc',
  unknownIdentity: '/aanmelden?fout=oidc-onbekend',
  mfa: '/aanmelden/code',
  mfaEnrol: '/aanmelden/instellen',
  linked: '/account',
  linkFailed: '/account?fout=oidc',
  linkTaken: '/account?fout=oidc-bezet',
} as const;

/**
 * A return path we may redirect to after login: a same-site path starting with a single `/`.
 * Anything else (`//host`, `/\host`, schemes, control characters, very long) is ignored.
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const base = 'http://samenplan.invalid';
    if (new URL(value, base).origin !== base) return null;
  } catch {
    return null;
  }
  return value;
}

export interface OidcCallbackOutcome {
  redirect: string;
  /** A new session to set as cookie (login mode, success only). */
  session?: { token: string; csrfToken: string };
}

/** External login and account linking with an OpenID Connect provider. */
export function createOidcService(db: Db, oidc: OidcClient, opts: { strongAuth: boolean }) {
  /** Starts a login (or, with linkAccountId, a link): stores state hash, nonce and verifier; returns the provider URL. */
  async function start(ctx: RequestContext, input: { linkAccountId: string | null; returnTo: unknown }) {
    const { now } = ctx;
    // Linking asks the provider to authenticate again, so an existing (possibly planted) provider session cannot link silently.
    const auth = await oidc.authorizationUrl(input.linkAccountId ? { prompt: 'login' } : {});
    await oidcRepo.deleteExpiredStates(db, new Date(now.getTime() - STATE_CLEANUP_AFTER_MS));
    await oidcRepo.insertState(db, {
      stateHash: sha256(auth.state),
      nonce: auth.nonce,
      codeVerifier: auth.codeVerifier,
      linkAccountId: input.linkAccountId,
      returnTo: input.linkAccountId ? null : safeReturnTo(input.returnTo),
      now,
      expiresAt: new Date(now.getTime() + OIDC_STATE_TTL_MS),
    });
    return { url: auth.url.toString(), state: auth.state };
  }

  async function fail(ctx: RequestContext, action: 'auth.login' | 'auth.oidc_link', reason: string, extra: { accountId?: string | null; personId?: string | null } = {}) {
    await recordAuditAlone(db, {
      action,
      resourceType: 'account',
      resourceId: extra.accountId ?? null,
      actorAccountId: extra.accountId ?? null,
      actorPersonId: extra.personId ?? null,
      actorLabel: 'oidc',
      ip: ctx.ip,
      outcome: 'failed',
      reason,
    });
  }

  /**
   * Handles the provider's redirect. Never throws for a refused login: every refusal is audited
   * and answered with a redirect to the login page; no session is created.
   */
  async function callback(ctx: RequestContext, input: { query: URLSearchParams; boundState: string | undefined }): Promise<OidcCallbackOutcome> {
    const { now } = ctx;
    // Attempts count per IP like password attempts do, taken and decided in one statement, so the
    // callback cannot be hammered in parallel either; a successful one is forgiven.
    if ((await takeAttempt(db, throttleKey(ctx), LIMITS.ip, now)) > 0) {
      await fail(ctx, 'auth.login', 'throttled');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const outcome = await handleCallback(ctx, input);
    if (outcome.session || outcome.redirect === OIDC_REDIRECTS.linked) await forgiveAttempt(db, throttleKey(ctx), now);
    return outcome;
  }

  async function handleCallback(ctx: RequestContext, input: { query: URLSearchParams; boundState: string | undefined }): Promise<OidcCallbackOutcome> {
    const { query } = input;
    const state = query.get('state');
    if (!state || state.length > 512) {
      await fail(ctx, 'auth.login', 'state_missing');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    // The state must come back to the browser that started the login (login CSRF / session swap).
    if (!input.boundState || !safeEqual(input.boundState, state)) {
      await fail(ctx, 'auth.login', 'state_not_bound');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const stateHash = sha256(state);
    const started = await oidcRepo.consumeState(db, stateHash, ctx.now);
    if (!started) {
      const known = await oidcRepo.findState(db, stateHash);
      await fail(ctx, 'auth.login', !known ? 'state_unknown' : known.usedAt ? 'state_reused' : 'state_expired');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const linking = started.linkAccountId !== null;
    const action = linking ? 'auth.oidc_link' : 'auth.login';

    let identity;
    try {
      identity = await oidc.callback(query, { state, nonce: started.nonce, codeVerifier: started.codeVerifier });
    } catch (err) {
      await fail(ctx, action, err instanceof OidcFailure ? err.reason : failureReason(err), { accountId: started.linkAccountId });
      return { redirect: linking ? OIDC_REDIRECTS.linkFailed : OIDC_REDIRECTS.failed };
    }

    if (started.linkAccountId) return link(ctx, started.linkAccountId, identity);
    return login(ctx, identity, started.returnTo);
  }

  async function link(ctx: RequestContext, accountId: string, identity: { issuer: string; subject: string }): Promise<OidcCallbackOutcome> {
    const { actor, now } = ctx;
    // Only the full session that started the link may finish it.
    if (!actor || actor.level !== 'full' || actor.accountId !== accountId) {
      await fail(ctx, 'auth.oidc_link', 'link_session_mismatch', { accountId });
      return { redirect: OIDC_REDIRECTS.linkFailed };
    }
    const target = await oidcRepo.accountWithPerson(db, accountId);
    if (!target || target.accountStatus !== 'active' || (target.personId && target.personStatus !== 'active')) {
      await fail(ctx, 'auth.oidc_link', 'account_disabled', { accountId });
      return { redirect: OIDC_REDIRECTS.linkFailed };
    }
    const outcome = await db.transaction(async (tx) => {
      const inserted = await oidcRepo.insertLink(tx, { ...identity, accountId, now });
      if (!inserted) {
        const owner = await oidcRepo.findLinkOwner(tx, identity.issuer, identity.subject);
        if (owner !== accountId) return 'taken' as const;
      }
      // The subject is not written to the audit trail: for eID-based providers it can be a national number.
      await recordAudit(tx, {
        action: 'auth.oidc_link', resourceType: 'account', resourceId: accountId, actorAccountId: accountId, actorPersonId: actor.personId,
        ip: ctx.ip, outcome: 'success', details: { issuer: identity.issuer, alreadyLinked: !inserted },
      });
      return 'linked' as const;
    });
    if (outcome === 'taken') {
      await fail(ctx, 'auth.oidc_link', 'subject_linked_elsewhere', { accountId, personId: actor.personId });
      return { redirect: OIDC_REDIRECTS.linkTaken };
    }
    return { redirect: OIDC_REDIRECTS.linked };
  }

  async function login(ctx: RequestContext, identity: { issuer: string; subject: string }, returnTo: string | null): Promise<OidcCallbackOutcome> {
    const { actor, now } = ctx;
    // Keyed by issuer + subject only: an identity nobody linked is refused, never matched by e-mail.
    const acct = await oidcRepo.findLinkedAccount(db, identity.issuer, identity.subject);
    if (!acct) {
      await fail(ctx, 'auth.login', 'oidc_unlinked');
      return { redirect: OIDC_REDIRECTS.unknownIdentity };
    }
    if (acct.accountStatus !== 'active' || (acct.personId && acct.personStatus !== 'active')) {
      await fail(ctx, 'auth.login', 'account_disabled', { accountId: acct.accountId, personId: acct.personId });
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const level = opts.strongAuth ? ('full' as const) : ('password' as const);
    const session = await db.transaction(async (tx) => {
      // A new session id at every login; whatever session the browser had is ended.
      if (actor) await sessionRepo.revoke(tx, actor.sessionId, now);
      const created = await sessionRepo.create(tx, { accountId: acct.accountId, level, ip: ctx.ip, userAgent: ctx.userAgent, now });
      await recordAudit(tx, {
        action: 'auth.login', resourceType: 'account', resourceId: acct.accountId, actorAccountId: acct.accountId, actorPersonId: acct.personId,
        ip: ctx.ip, outcome: 'success', reason: 'oidc', details: { issuer: identity.issuer, level },
      });
      return created;
    });
    const redirect = level === 'full' ? (returnTo ?? '/') : acct.mfaEnabledAt ? OIDC_REDIRECTS.mfa : OIDC_REDIRECTS.mfaEnrol;
    return { redirect, session: { token: session.token, csrfToken: session.csrfToken } };
  }

  return { start, callback };
}
export type OidcService = ReturnType<typeof createOidcService>;
