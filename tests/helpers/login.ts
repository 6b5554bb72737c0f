import type { TestContext } from './app.js';
import { makeOrganisation, makeUser } from './factories.js';
import { Client } from './session.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';

/** Who a test acts as. `password-only` gave the password but not yet the second factor. */
export const TEST_ROLES = ['anonymous', 'password-only', 'professional', 'org-admin', 'network-coordinator', 'platform-admin'] as const;
export type TestRole = (typeof TEST_ROLES)[number];

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export interface LoggedIn {
  role: TestRole;
  /** Keeps the session cookie and CSRF token; `client.ip` is an address of its own. */
  client: Client;
  /** The person behind the session (null when anonymous). */
  user: TestUser | null;
  /** The organisation the person belongs to, for professionals and organisation admins. */
  organisationId: string | null;
}

let nextIp = 0;
/** A distinct client address per session, so throttles and rate limits of one test do not touch another. */
export function freshIp(): string {
  nextIp++;
  return `10.${200 + (nextIp >> 16)}.${(nextIp >> 8) & 255}.${nextIp & 255}`;
}

/**
 * A new user with the given role (made with the factories) and a session for them through the real
 * login API: password, then the TOTP code (the test clock moves one step so codes never repeat).
 * Professionals and organisation admins belong to `organisationId`, or to a new organisation.
 *
 *   const { client } = await loginAs(ctx, 'org-admin', { organisationId: org.id });
 *   expect((await client.get('/api/admin/people')).statusCode).toBe(200);
 */
export async function loginAs(ctx: TestContext, role: TestRole, opts: { organisationId?: string; user?: TestUser } = {}): Promise<LoggedIn> {
  const db = ctx.database.db;
  if (role === 'anonymous') return { role, client: new Client(ctx.app, freshIp()), user: null, organisationId: null };
  let organisationId: string | null = null;
  let user = opts.user;
  if (!user) {
    if (role === 'professional' || role === 'org-admin' || role === 'password-only') {
      organisationId = opts.organisationId ?? (await makeOrganisation(db)).id;
    }
    user = await makeUser(db, {
      ...(organisationId ? { organisationId, orgRoles: [role === 'org-admin' ? 'org_admin' : 'professional'] } : {}),
      platformRoles: role === 'platform-admin' ? ['platform_admin'] : role === 'network-coordinator' ? ['network_coordinator'] : [],
    });
  }
  if (role !== 'password-only') return { role, client: await loginUser(ctx, user), user, organisationId };
  const client = new Client(ctx.app, freshIp());
  ctx.clock.advance(31_000);
  const res = await client.post('/api/auth/login', { email: user.email, password: user.password });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return { role, client, user, organisationId };
}

/**
 * A full session (password and TOTP through the real login API) for a user made with the
 * factories, from an address of its own or `ip`; the test clock moves one step first.
 */
export async function loginUser(ctx: TestContext, user: TestUser, ip: string = freshIp()): Promise<Client> {
  const client = new Client(ctx.app, ip);
  ctx.clock.advance(31_000);
  await client.login(user, ctx.clock);
  return client;
}

/** Step-up: confirms the second factor again so sensitive operations are allowed for a few minutes. */
export async function stepUp(ctx: TestContext, who: Pick<LoggedIn, 'client' | 'user'>): Promise<void> {
  if (!who.user?.totpSecret) throw new Error('step-up needs a user with a second factor');
  ctx.clock.advance(31_000);
  const res = await who.client.post('/api/auth/reauthenticate', { code: totpCode(who.user.totpSecret, ctx.clock.now()) });
  if (res.statusCode !== 200) throw new Error(`step-up failed: ${res.body}`);
}
