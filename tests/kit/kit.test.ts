import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { expectAudited, expectNotAudited } from '../helpers/audit.js';
import { loginAs, stepUp, TEST_ROLES } from '../helpers/login.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('test kit', () => {
  it('loginAs gives each role the session and roles it names', async () => {
    const seen: Record<string, unknown> = {};
    for (const role of TEST_ROLES) {
      const who = await loginAs(ctx, role);
      const me = await who.client.get('/api/auth/me');
      seen[role] = me.statusCode === 200 ? { level: me.json().data.level, platform: me.json().data.platformRoles.map((r: { role: string }) => r.role), org: me.json().data.memberships.flatMap((m: { roles: string[] }) => m.roles) } : me.statusCode;
    }
    expect(seen).toEqual({
      anonymous: 401,
      'password-only': { level: 'password', platform: [], org: [] }, // roles show only after the second factor
      professional: { level: 'full', platform: [], org: ['professional'] },
      'org-admin': { level: 'full', platform: [], org: ['org_admin'] },
      'network-coordinator': { level: 'full', platform: ['network_coordinator'], org: [] },
      'platform-admin': { level: 'full', platform: ['platform_admin'], org: [] },
    });
  });

  it('loginAs puts organisation roles in the organisation given; stepUp confirms the second factor', async () => {
    const first = await loginAs(ctx, 'org-admin');
    const colleague = await loginAs(ctx, 'professional', { organisationId: first.organisationId ?? '' });
    expect(colleague.organisationId).toBe(first.organisationId);
    await stepUp(ctx, first);
    await expectAudited(ctx.database.db, 'auth.reauth', { actorAccountId: first.user?.account.id, outcome: 'success' }, { count: 1 });
  });

  it('expectAudited finds matching rows, partial details included, and fails on a mismatch', async () => {
    const who = await loginAs(ctx, 'professional');
    const row = await expectAudited(ctx.database.db, 'auth.login', { actorAccountId: who.user?.account.id, outcome: 'success', ip: who.client.ip });
    expect(row.actorAccountId).toBe(who.user?.account.id);
    await expect(expectAudited(ctx.database.db, 'auth.login', { actorAccountId: who.user?.account.id, outcome: 'denied' })).rejects.toThrow(/no audit row/);
    await expect(expectAudited(ctx.database.db, 'auth.login', { actorAccountId: who.user?.account.id }, { count: 7 })).rejects.toThrow();
    await expectNotAudited(ctx.database.db, 'auth.login', { actorAccountId: who.user?.account.id, outcome: 'denied' });
    await expect(expectNotAudited(ctx.database.db, 'auth.login', { actorAccountId: who.user?.account.id })).rejects.toThrow();
  });
});
