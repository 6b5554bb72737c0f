import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { failureReason, OidcFailure, type OidcClient } from '../../platform/auth/oidc.js';
import { sessionRepo } from '../../platform/auth/session.repo.js';
import { safeEqual, sha256 } from '../../platform/auth/tokens.js';
import type { ClientInfo } from './auth.service.js';
import { oidcRepo } from './oidc.repo.js';
import { forgiveAttempt, LIMITS, takeAttempt } from '../../platform/auth/throttle.js';

const throttleKey = (client: ClientInfo) => `oidc:ip:${client.ip}`;

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
export function createOidcService(db: Db, clock: Clock, oidc: OidcClient, opts: { strongAuth: boolean }) {
  /** Starts a login (or, with linkAccountId, a link): stores state hash, nonce and verifier; returns the provider URL. */
  async function start(input: { linkAccountId: string | null; returnTo: unknown }) {
    const now = clock.now();
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

  async function fail(action: 'auth.login' | 'auth.oidc_link', client: ClientInfo, reason: string, extra: { accountId?: string | null; personId?: string | null } = {}) {
    await recordAuditAlone(db, {
      action,
      resourceType: 'account',
      resourceId: extra.accountId ?? null,
      actorAccountId: extra.accountId ?? null,
      actorPersonId: extra.personId ?? null,
      actorLabel: 'oidc',
      ip: client.ip,
      outcome: 'failed',
      reason,
    });
  }

  /**
   * Handles the provider's redirect. Never throws for a refused login: every refusal is audited
   * and answered with a redirect to the login page; no session is created.
   */
  async function callback(input: { query: URLSearchParams; boundState: string | undefined; actor: Actor | null; client: ClientInfo }): Promise<OidcCallbackOutcome> {
    const now = clock.now();
    // Attempts count per IP like password attempts do, taken and decided in one statement, so the
    // callback cannot be hammered in parallel either; a successful one is forgiven.
    if ((await takeAttempt(db, throttleKey(input.client), LIMITS.ip, now)) > 0) {
      await fail('auth.login', input.client, 'throttled');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const outcome = await handleCallback(input, now);
    if (outcome.session || outcome.redirect === OIDC_REDIRECTS.linked) await forgiveAttempt(db, throttleKey(input.client), now);
    return outcome;
  }

  async function handleCallback(input: { query: URLSearchParams; boundState: string | undefined; actor: Actor | null; client: ClientInfo }, now: Date): Promise<OidcCallbackOutcome> {
    const { query, client } = input;
    const state = query.get('state');
    if (!state || state.length > 512) {
      await fail('auth.login', client, 'state_missing');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    // The state must come back to the browser that started the login (login CSRF / session swap).
    if (!input.boundState || !safeEqual(input.boundState, state)) {
      await fail('auth.login', client, 'state_not_bound');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const stateHash = sha256(state);
    const started = await oidcRepo.consumeState(db, stateHash, now);
    if (!started) {
      const known = await oidcRepo.findState(db, stateHash);
      await fail('auth.login', client, !known ? 'state_unknown' : known.usedAt ? 'state_reused' : 'state_expired');
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const linking = started.linkAccountId !== null;
    const action = linking ? 'auth.oidc_link' : 'auth.login';

    let identity;
    try {
      identity = await oidc.callback(query, { state, nonce: started.nonce, codeVerifier: started.codeVerifier });
    } catch (err) {
      await fail(action, client, err instanceof OidcFailure ? err.reason : failureReason(err), { accountId: started.linkAccountId });
      return { redirect: linking ? OIDC_REDIRECTS.linkFailed : OIDC_REDIRECTS.failed };
    }

    if (started.linkAccountId) return link(started.linkAccountId, identity, input.actor, client, now);
    return login(identity, started.returnTo, input.actor, client, now);
  }

  async function link(accountId: string, identity: { issuer: string; subject: string }, actor: Actor | null, client: ClientInfo, now: Date): Promise<OidcCallbackOutcome> {
    // Only the full session that started the link may finish it.
    if (!actor || actor.level !== 'full' || actor.accountId !== accountId) {
      await fail('auth.oidc_link', client, 'link_session_mismatch', { accountId });
      return { redirect: OIDC_REDIRECTS.linkFailed };
    }
    const target = await oidcRepo.accountWithPerson(db, accountId);
    if (!target || target.accountStatus !== 'active' || (target.personId && target.personStatus !== 'active')) {
      await fail('auth.oidc_link', client, 'account_disabled', { accountId });
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
        ip: client.ip, outcome: 'success', details: { issuer: identity.issuer, alreadyLinked: !inserted },
      });
      return 'linked' as const;
    });
    if (outcome === 'taken') {
      await fail('auth.oidc_link', client, 'subject_linked_elsewhere', { accountId, personId: actor.personId });
      return { redirect: OIDC_REDIRECTS.linkTaken };
    }
    return { redirect: OIDC_REDIRECTS.linked };
  }

  async function login(identity: { issuer: string; subject: string }, returnTo: string | null, actor: Actor | null, client: ClientInfo, now: Date): Promise<OidcCallbackOutcome> {
    // Keyed by issuer + subject only: an identity nobody linked is refused, never matched by e-mail.
    const acct = await oidcRepo.findLinkedAccount(db, identity.issuer, identity.subject);
    if (!acct) {
      await fail('auth.login', client, 'oidc_unlinked');
      return { redirect: OIDC_REDIRECTS.unknownIdentity };
    }
    if (acct.accountStatus !== 'active' || (acct.personId && acct.personStatus !== 'active')) {
      await fail('auth.login', client, 'account_disabled', { accountId: acct.accountId, personId: acct.personId });
      return { redirect: OIDC_REDIRECTS.failed };
    }
    const level = opts.strongAuth ? ('full' as const) : ('password' as const);
    const session = await db.transaction(async (tx) => {
      // A new session id at every login; whatever session the browser had is ended.
      if (actor) await sessionRepo.revoke(tx, actor.sessionId, now);
      const created = await sessionRepo.create(tx, { accountId: acct.accountId, level, ip: client.ip, userAgent: client.userAgent, now });
      await recordAudit(tx, {
        action: 'auth.login', resourceType: 'account', resourceId: acct.accountId, actorAccountId: acct.accountId, actorPersonId: acct.personId,
        ip: client.ip, outcome: 'success', reason: 'oidc', details: { issuer: identity.issuer, level },
      });
      return created;
    });
    const redirect = level === 'full' ? (returnTo ?? '/') : acct.mfaEnabledAt ? OIDC_REDIRECTS.mfa : OIDC_REDIRECTS.mfaEnrol;
    return { redirect, session: { token: session.token, csrfToken: session.csrfToken } };
  }

  return { start, callback };
}
export type OidcService = ReturnType<typeof createOidcService>;
