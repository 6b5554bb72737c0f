import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import {
  authorizeAtProvider,
  CookieJar,
  decodeJwtClaims,
  obtainTokens,
  startOidcProvider,
  type TestOidcProvider,
} from '../../../../tests/helpers/oidc-provider.js';
import { totpCode } from '../../platform/auth/totp.js';
import { account, auditEvent, oidcLink, oidcLoginState, session } from '../../db/schema/index.js';
import { ZAuthProvidersResponse, ZMeResponse } from '../../../shared/schemas/auth.js';

// Our app builds its redirect URI from PUBLIC_URL; the provider has exactly this one registered.
const PUBLIC_URL = 'http://localhost:3999';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const OURS = { client_id: 'samenplan', client_secret: 'samenplan-test-secret-0123456789abcdef', redirect_uris: [REDIRECT_URI] };
// A second, unrelated client of the same provider: its ID tokens carry aud=andere-dienst.
const OTHER = { client_id: 'andere-dienst', client_secret: 'andere-dienst-secret-0123456789abcdef', redirect_uris: ['http://localhost:4888/cb'] };
const ID_TOKEN_TTL_S = 300;

let idp: TestOidcProvider;
let strong: TestContext; // OIDC_STRONG_AUTH=true: the provider's login is both factors
let weak: TestContext; // the provider's login is the first factor; TOTP still asked
let orgId: string;
let weakOrgId: string;

const env = (strongAuth: boolean) => ({
  PUBLIC_URL,
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: OURS.client_id,
  OIDC_CLIENT_SECRET: OURS.client_secret,
  OIDC_LABEL: 'Aanmelden met ACM',
  OIDC_STRONG_AUTH: strongAuth ? 'true' : 'false',
});

beforeAll(async () => {
  idp = await startOidcProvider([OURS, OTHER], { idTokenTtlSeconds: ID_TOKEN_TTL_S });
  strong = await createTestApp(env(true));
  weak = await createTestApp(env(false));
  orgId = (await makeOrganisation(strong.database.db)).id;
  weakOrgId = (await makeOrganisation(weak.database.db)).id;
});
afterAll(async () => {
  await strong?.close();
  await weak?.close();
  await idp?.close();
});

let ipCounter = 0;

/** One browser: cookies for our app, cookies at the provider. */
class Browser {
  readonly cookies = new Map<string, string>();
  readonly idpJar = new CookieJar();
  readonly ip = `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
  constructor(readonly ctx: TestContext) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {}, remoteAddress: this.ip });
    for (const c of res.cookies) {
      if (!c.value || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() <= Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  /** Takes over the session of a password+TOTP login made with the test Client. */
  adopt(client: Client): this {
    const [name, value] = client.cookie!.split('=') as [string, string];
    this.cookies.set(name, value);
    return this;
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get('samenplan_session');
  }

  /** GET start (or link) on our app; returns the provider URL we are sent to. */
  async begin(path = '/api/auth/oidc/start'): Promise<URL> {
    const res = await this.get(path);
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.origin).toBe(idp.issuer);
    return location;
  }

  /** Logs in at the provider as `sub`; returns the callback path the provider sends the browser to. */
  async atProvider(authorizationUrl: URL, sub: string): Promise<string> {
    const back = await authorizeAtProvider(authorizationUrl.toString(), sub, this.idpJar);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    return `${back.pathname}${back.search}`;
  }

  /** The whole round trip: start, provider login, our callback. */
  async loginWithProvider(sub: string, start = '/api/auth/oidc/start'): Promise<LightMyRequestResponse> {
    return this.get(await this.atProvider(await this.begin(start), sub));
  }

  async me() {
    const res = await this.get('/api/auth/me');
    return res.statusCode === 200 ? ZMeResponse.parse(res.json()).data : null;
  }
}

const newSub = () => `sub-${randomUUID()}`;

async function link(ctx: TestContext, accountId: string, subject: string) {
  await ctx.database.db.insert(oidcLink).values({ issuer: idp.issuer, subject, accountId });
}

async function lastAudit(ctx: TestContext, action: string) {
  const [row] = await ctx.database.db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(desc(auditEvent.seq)).limit(1);
  return row;
}

async function sessionsOf(ctx: TestContext, accountId: string) {
  return ctx.database.db.select().from(session).where(eq(session.accountId, accountId));
}

describe('configuration', () => {
  it('tells the web app which provider to offer', async () => {
    const res = await strong.app.inject({ url: '/api/auth/providers' });
    expect(ZAuthProvidersResponse.parse(res.json()).data).toEqual({ oidc: { label: 'Aanmelden met ACM' } });
  });

  it('without OIDC configured: no provider offered, the OIDC routes answer 404', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.app.inject({ url: '/api/auth/providers' })).json()).toEqual({ data: { oidc: null } });
      const start = await plain.app.inject({ url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(404);
      expect(start.json().error.code).toBe('not_found');
      expect((await plain.app.inject({ url: '/api/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('a provider that is down does not stop the app; starting a login goes back to the login page', async () => {
    const down = await createTestApp({ ...env(true), OIDC_ISSUER: 'http://127.0.0.1:9' });
    try {
      expect((await down.app.inject({ url: '/api/auth/providers' })).statusCode).toBe(200);
      const start = await down.app.inject({ url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/aanmelden?fout=oidc');
      expect(await lastAudit(down, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'provider_unavailable' });
    } finally {
      await down.close();
    }
  });

  it('sends the browser to the provider with state, nonce, PKCE S256 and our registered redirect URI', async () => {
    const b = new Browser(strong);
    const url = await b.begin();
    const p = url.searchParams;
    expect(url.pathname).toBe('/auth');
    expect(p.get('client_id')).toBe(OURS.client_id);
    expect(p.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('scope')).toBe('openid email profile');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(p.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    // Only the state's hash is stored; the browser holds the state in a short-lived HttpOnly cookie.
    expect(b.cookies.get('samenplan_oidc')).toBe(p.get('state'));
    const rows = await strong.database.db.select().from(oidcLoginState).where(eq(oidcLoginState.nonce, p.get('nonce')!));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.stateHash).not.toBe(p.get('state'));
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(10 * 60_000);
  });
});

describe('1. login of a linked account', () => {
  it('with a strong provider: a full session, back to returnTo, audited', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    const b = new Browser(strong);
    const res = await b.loginWithProvider(sub, '/api/auth/oidc/start?returnTo=%2Fgezinnen%3Fq%3D1');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/gezinnen?q=1');
    expect(b.sessionCookie).toBeDefined();
    // The state cookie is spent.
    expect(b.cookies.has('samenplan_oidc')).toBe(false);
    const me = await b.me();
    expect(me).toMatchObject({ account: { id: u.account.id }, level: 'full' });
    expect((await b.get('/api/auth/sessions')).statusCode).toBe(200);
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({
      outcome: 'success', reason: 'oidc', actorAccountId: u.account.id, details: { issuer: idp.issuer, level: 'full' },
    });
  });

  it('without strong authentication: a password-level session; the TOTP code is still required', async () => {
    const u = await makeUser(weak.database.db, { organisationId: weakOrgId });
    const sub = newSub();
    await link(weak, u.account.id, sub);
    const b = new Browser(weak);
    const res = await b.loginWithProvider(sub, '/api/auth/oidc/start?returnTo=/gezinnen');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/aanmelden/code');
    const me = await b.me();
    expect(me).toMatchObject({ account: { id: u.account.id }, level: 'password', abilities: {} });
    const blocked = await b.get('/api/auth/sessions');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('mfa_required');
    // The second factor makes it full, as after a password.
    const mfa = await weak.app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { cookie: `samenplan_session=${b.sessionCookie}`, 'x-csrf-token': me!.csrfToken },
      payload: { code: totpCode(u.totpSecret!, weak.clock.now()) },
      remoteAddress: b.ip,
    });
    expect(mfa.statusCode).toBe(200);
    expect(await lastAudit(weak, 'auth.login')).toMatchObject({ outcome: 'success', reason: 'oidc', details: { level: 'password' } });
  });

  it('a disabled account is refused even when linked', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId, status: 'disabled' });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    const b = new Browser(strong);
    const res = await b.loginWithProvider(sub);
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(b.sessionCookie).toBeUndefined();
    expect(await sessionsOf(strong, u.account.id)).toHaveLength(0);
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'account_disabled', actorAccountId: u.account.id });
  });
});

describe('2. linking', () => {
  it('a logged-in account links its identity, then logs in with it; another account cannot take the same subject', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const c = new Client(strong.app, '10.78.0.1');
    await c.login(u, strong.clock);
    const b = new Browser(strong).adopt(c);
    const sub = newSub();

    const to = await b.begin('/api/auth/oidc/link');
    // Linking makes the provider authenticate again, whatever session it already has.
    expect(to.searchParams.get('prompt')).toBe('login');
    const res = await b.get(await b.atProvider(to, sub));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/account');
    const links = await strong.database.db.select().from(oidcLink).where(eq(oidcLink.subject, sub));
    expect(links).toEqual([expect.objectContaining({ issuer: idp.issuer, subject: sub, accountId: u.account.id })]);
    const linkAudit = await lastAudit(strong, 'auth.oidc_link');
    expect(linkAudit).toMatchObject({ outcome: 'success', actorAccountId: u.account.id, details: { issuer: idp.issuer, alreadyLinked: false } });
    // The subject (possibly a national number at eID-based providers) is not in the audit trail.
    expect(JSON.stringify(linkAudit)).not.toContain(sub);

    // A fresh browser now logs in with the provider alone.
    const fresh = new Browser(strong);
    const login = await fresh.loginWithProvider(sub);
    expect(login.headers.location).toBe('/');
    expect(await fresh.me()).toMatchObject({ account: { id: u.account.id }, level: 'full' });

    // A second account tries to link the same subject: refused, the link stays with the first.
    const other = await makeUser(strong.database.db, { organisationId: orgId });
    const c2 = new Client(strong.app, '10.78.0.2');
    await c2.login(other, strong.clock);
    const b2 = new Browser(strong).adopt(c2);
    const refused = await b2.get(await b2.atProvider(await b2.begin('/api/auth/oidc/link'), sub));
    expect(refused.headers.location).toBe('/account?fout=oidc-bezet');
    const after = await strong.database.db.select().from(oidcLink).where(eq(oidcLink.subject, sub));
    expect(after).toEqual([expect.objectContaining({ accountId: u.account.id })]);
    expect(await lastAudit(strong, 'auth.oidc_link')).toMatchObject({
      outcome: 'failed', reason: 'subject_linked_elsewhere', actorAccountId: other.account.id,
    });
  });

  it('linking needs a full session, and only the session that started it may finish it', async () => {
    expect((await new Browser(strong).get('/api/auth/oidc/link')).statusCode).toBe(401);
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const c = new Client(strong.app, '10.78.0.3');
    await c.post('/api/auth/login', { email: u.email, password: u.password });
    const passwordOnly = await new Browser(strong).adopt(c).get('/api/auth/oidc/link');
    expect(passwordOnly.statusCode).toBe(401);
    expect(passwordOnly.json().error.code).toBe('mfa_required');
    // A link started from another site (a cross-site navigation) is refused.
    await c.post('/api/auth/mfa', { code: totpCode(u.totpSecret!, strong.clock.now()) });
    const b = new Browser(strong).adopt(c);
    const crossSite = await strong.app.inject({
      url: '/api/auth/oidc/link', headers: { cookie: `samenplan_session=${b.sessionCookie}`, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);

    // The session logs out between start and callback: the link is refused.
    const back = await b.atProvider(await b.begin('/api/auth/oidc/link'), newSub());
    b.cookies.delete('samenplan_session');
    const res = await b.get(back);
    expect(res.headers.location).toBe('/account?fout=oidc');
    expect(await lastAudit(strong, 'auth.oidc_link')).toMatchObject({ outcome: 'failed', reason: 'link_session_mismatch' });
    expect(await strong.database.db.select().from(oidcLink).where(eq(oidcLink.accountId, u.account.id))).toHaveLength(0);
  });
});

describe('3. unlinked identity', () => {
  it('is refused — never matched by e-mail — with no session and a failed audit row', async () => {
    const sub = newSub();
    // An account whose e-mail equals the e-mail the provider asserts for this subject: still not a match.
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    await strong.database.db.update(account).set({ email: `${sub}@idp.example.test` }).where(eq(account.id, u.account.id));
    const b = new Browser(strong);
    const res = await b.loginWithProvider(sub);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/aanmelden?fout=oidc-onbekend');
    expect(b.sessionCookie).toBeUndefined();
    expect(await b.me()).toBeNull();
    expect(await sessionsOf(strong, u.account.id)).toHaveLength(0);
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'oidc_unlinked', actorAccountId: null });
  });
});

/**
 * Cases 4 and the signature case: our callback must receive a token response it would never get
 * from an honest provider. The test provider's token endpoint is told to answer our app's next
 * code exchange with a token response the same real provider issued to someone else (see
 * tests/helpers/oidc-provider.ts). The control case shows that a genuine token for our client,
 * delivered the same way, is accepted — so the refusals come from the ID-token checks.
 */
describe('4. ID tokens for another audience, or with a broken signature', () => {
  async function callbackWithReplacedTokens(b: Browser, makeTokens: (nonce: string) => Promise<Record<string, unknown>>) {
    const to = await b.begin();
    const tokens = await makeTokens(to.searchParams.get('nonce')!);
    idp.replaceNextTokenResponse(tokens);
    const before = idp.tokenRequests;
    const res = await b.get(
      `/api/auth/oidc/callback?${new URLSearchParams({ code: 'any-code', state: to.searchParams.get('state')!, iss: idp.issuer }).toString()}`,
    );
    expect(idp.tokenRequests).toBe(before + 1);
    return res;
  }

  let sub: string;
  let accountId: string;
  beforeAll(async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    sub = newSub();
    accountId = u.account.id;
    await link(strong, accountId, sub);
  });

  it('control: a genuine token for our client, delivered this way, is accepted', async () => {
    const b = new Browser(strong);
    const res = await callbackWithReplacedTokens(b, (nonce) =>
      obtainTokens(idp.issuer, { clientId: OURS.client_id, clientSecret: OURS.client_secret, redirectUri: REDIRECT_URI, nonce, login: sub }),
    );
    expect(res.headers.location).toBe('/');
    expect(await b.me()).toMatchObject({ account: { id: accountId }, level: 'full' });
  });

  it('an ID token the provider issued to another client (aud) is refused', async () => {
    const b = new Browser(strong);
    let issued: Record<string, unknown> = {};
    const res = await callbackWithReplacedTokens(b, async (nonce) => {
      issued = await obtainTokens(idp.issuer, { clientId: OTHER.client_id, clientSecret: OTHER.client_secret, redirectUri: OTHER.redirect_uris[0]!, nonce, login: sub });
      return issued;
    });
    // The token is real: right issuer, right subject, right nonce — only the audience is someone else.
    expect(decodeJwtClaims(issued.id_token as string)).toMatchObject({ iss: idp.issuer, sub, aud: OTHER.client_id });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(b.sessionCookie).toBeUndefined();
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'id_token_aud' });
  });

  it('an ID token whose signature does not verify is refused', async () => {
    const b = new Browser(strong);
    const res = await callbackWithReplacedTokens(b, async (nonce) => {
      const tokens = await obtainTokens(idp.issuer, { clientId: OURS.client_id, clientSecret: OURS.client_secret, redirectUri: REDIRECT_URI, nonce, login: sub });
      const [h, p, s] = (tokens.id_token as string).split('.') as [string, string, string];
      const sig = Buffer.from(s, 'base64url');
      sig[0] = sig[0]! ^ 0xff;
      return { ...tokens, id_token: `${h}.${p}.${sig.toString('base64url')}` };
    });
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(b.sessionCookie).toBeUndefined();
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'id_token_signature' });
  });

  it('an ID token with altered claims (another subject, original signature) is refused', async () => {
    const b = new Browser(strong);
    const res = await callbackWithReplacedTokens(b, async (nonce) => {
      const tokens = await obtainTokens(idp.issuer, { clientId: OURS.client_id, clientSecret: OURS.client_secret, redirectUri: REDIRECT_URI, nonce, login: newSub() });
      const [h, p, s] = (tokens.id_token as string).split('.') as [string, string, string];
      const claims = { ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub };
      return { ...tokens, id_token: `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}` };
    });
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(b.sessionCookie).toBeUndefined();
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'id_token_signature' });
  });
});

describe('5. expiry and nonce', () => {
  it('an expired ID token is refused (the app clock drives openid-client through its clockSkew)', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    // The provider stamps the token with the real time, while the test clock stood still since the
    // app was built: on a slow run the real time got ahead by more than the shift below, and the
    // "expired" token was still valid (the flake). Bring the app clock up to the real time first.
    strong.clock.advance(Math.max(0, Date.now() - strong.clock.now().getTime()));
    const b = new Browser(strong);
    const back = await b.atProvider(await b.begin(), sub);
    // Past the ID token's lifetime and openid-client's 30 s tolerance, within our 10-minute state.
    const shift = (ID_TOKEN_TTL_S + 60) * 1000;
    strong.clock.advance(shift);
    try {
      const res = await b.get(back);
      expect(res.headers.location).toBe('/aanmelden?fout=oidc');
      expect(b.sessionCookie).toBeUndefined();
      expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'id_token_exp' });
    } finally {
      strong.clock.advance(-shift);
    }
  });

  it('an ID token with another nonce than the one we sent is refused', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    const b = new Browser(strong);
    const to = await b.begin();
    // Someone altered the authorization request on the way: same state and PKCE challenge, other nonce.
    to.searchParams.set('nonce', 'een-andere-nonce-0123456789abcdefghijkl');
    const res = await b.get(await b.atProvider(to, sub));
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(b.sessionCookie).toBeUndefined();
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'id_token_nonce' });
  });

  it('an error from the provider (the person cancelled) is refused cleanly', async () => {
    const b = new Browser(strong);
    const to = await b.begin();
    const res = await b.get(
      `/api/auth/oidc/callback?${new URLSearchParams({ error: 'access_denied', state: to.searchParams.get('state')!, iss: idp.issuer }).toString()}`,
    );
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'provider_access_denied' });
  });
});

describe('6. state', () => {
  it('a callback is used once: replaying it is refused', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    const b = new Browser(strong);
    const to = await b.begin();
    const state = to.searchParams.get('state')!;
    const back = await b.atProvider(to, sub);
    expect((await b.get(back)).headers.location).toBe('/');
    const sessionsAfterFirst = (await sessionsOf(strong, u.account.id)).length;

    const replay = new Browser(strong);
    replay.cookies.set('samenplan_oidc', state);
    const res = await replay.get(back);
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(replay.sessionCookie).toBeUndefined();
    expect(await sessionsOf(strong, u.account.id)).toHaveLength(sessionsAfterFirst);
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'state_reused' });
  });

  it('an unknown state is refused', async () => {
    const b = new Browser(strong);
    b.cookies.set('samenplan_oidc', 'onbekende-state-0123456789');
    const res = await b.get('/api/auth/oidc/callback?code=abc&state=onbekende-state-0123456789');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'state_unknown' });
    const none = await b.get('/api/auth/oidc/callback?code=abc');
    expect(none.headers.location).toBe('/aanmelden?fout=oidc');
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'state_missing' });
  });

  it('a state older than 10 minutes (app clock) is refused', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    const b = new Browser(strong);
    const back = await b.atProvider(await b.begin(), sub);
    strong.clock.advance(10 * 60_000 + 1000);
    try {
      const res = await b.get(back);
      expect(res.headers.location).toBe('/aanmelden?fout=oidc');
      expect(b.sessionCookie).toBeUndefined();
      expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'state_expired' });
    } finally {
      strong.clock.advance(-(10 * 60_000 + 1000));
    }
  });

  it('a callback opened in another browser than the one that started the login is refused (login CSRF)', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    const attacker = new Browser(strong);
    const back = await attacker.atProvider(await attacker.begin(), sub);
    const victim = new Browser(strong);
    const res = await victim.get(back);
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(victim.sessionCookie).toBeUndefined();
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'state_not_bound' });
    // The state was not spent by the refusal: the browser that started it can still finish.
    expect((await attacker.get(back)).headers.location).toBe('/');
  });
});

describe('7. returnTo', () => {
  it.each([
    '//evil.example',
    '//evil.example/path',
    'https://evil.example/',
    '/\\evil.example',
    'evil.example',
    '/\r\nSet-Cookie:x=y',
    'javascript:alert(1)',
  ])('ignores %s', async (returnTo) => {
    const b = new Browser(strong);
    const to = await b.begin(`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    const [row] = await strong.database.db
      .select()
      .from(oidcLoginState)
      .where(and(eq(oidcLoginState.nonce, to.searchParams.get('nonce')!)));
    expect(row!.returnTo).toBeNull();
  });

  it('after a login with returnTo=//evil.example the browser lands on /', async () => {
    const u = await makeUser(strong.database.db, { organisationId: orgId });
    const sub = newSub();
    await link(strong, u.account.id, sub);
    const b = new Browser(strong);
    const res = await b.loginWithProvider(sub, '/api/auth/oidc/start?returnTo=%2F%2Fevil.example');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(b.sessionCookie).toBeDefined();
  });
});

describe('throttling', () => {
  it('stops answering the callback for an IP after 30 failures in 15 minutes, like the password login', async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < 30; i++) {
      await strong.app.inject({ url: `/api/auth/oidc/callback?code=x&state=geraden-${i}-0123456789`, remoteAddress: ip });
    }
    const res = await strong.app.inject({ url: '/api/auth/oidc/callback?code=x&state=nog-een-0123456789', remoteAddress: ip });
    expect(res.headers.location).toBe('/aanmelden?fout=oidc');
    expect(await lastAudit(strong, 'auth.login')).toMatchObject({ outcome: 'failed', reason: 'throttled', ip });
    strong.clock.advance(16 * 60_000);
  });

  it('40 parallel callbacks from one IP: at most 30 are handled, the rest refused as throttled', async () => {
    const ip = '203.0.113.98';
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => strong.app.inject({ url: `/api/auth/oidc/callback?code=x&state=parallel-${i}-0123456789`, remoteAddress: ip })),
    );
    const rows = await strong.database.db
      .select({ reason: auditEvent.reason })
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'auth.login'), eq(auditEvent.ip, ip)));
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.reason === 'throttled')).toHaveLength(10);
    strong.clock.advance(16 * 60_000);
  });
});
