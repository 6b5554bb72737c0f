import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { ZAuditPage } from '../../../shared/schemas/admin.js';
import { recordAudit } from '../../platform/audit/audit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('audit viewer', () => {
  it('names actors and the people, accounts and organisations a row is about, page by page', async () => {
    const db = ctx.database.db;
    const admin = await makeUser(db, { platformRoles: ['platform_admin'] });
    const subject = await makeUser(db, {});
    const org = await makeOrganisation(db, 'CGG Zeewind Test');
    await db.transaction(async (tx) => {
      await recordAudit(tx, { action: 'person.disable', resourceType: 'person', resourceId: subject.person.id, actorPersonId: admin.person.id, actorAccountId: admin.account.id, outcome: 'success' });
      // Only an account id known (e.g. a failed second factor): the name comes through the account.
      await recordAudit(tx, { action: 'auth.mfa', resourceType: 'account', resourceId: subject.account.id, actorAccountId: subject.account.id, outcome: 'failed' });
      await recordAudit(tx, { action: 'organisation.update', resourceType: 'organisation', resourceId: org.id, actorPersonId: admin.person.id, outcome: 'success' });
      // Not a uuid: shown as it is, and no error.
      await recordAudit(tx, { action: 'request.denied', resourceType: 'route', resourceId: 'GET /api/audit', actorLabel: 'anoniem', outcome: 'denied' });
    });
    const c = new Client(ctx.app, '10.7.0.1');
    await c.login(admin, ctx.clock);
    const page = ZAuditPage.parse((await c.get('/api/audit?limit=50')).json());
    const byAction = Object.fromEntries(page.data.map((r) => [r.action, r]));
    expect(byAction['person.disable']).toMatchObject({ actorName: admin.person.name, resourceName: subject.person.name });
    expect(byAction['auth.mfa']).toMatchObject({ actorName: subject.person.name, resourceName: subject.person.name });
    expect(byAction['organisation.update']).toMatchObject({ actorName: admin.person.name, resourceName: 'CGG Zeewind Test' });
    expect(byAction['request.denied']).toMatchObject({ actorName: null, actorLabel: 'anoniem', resourceName: null, resourceId: 'GET /api/audit' });

    // Keyset paging still walks every row exactly once.
    const seen: number[] = [];
    let before: number | null = 999999999;
    while (before !== null) {
      const p = ZAuditPage.parse((await c.get(`/api/audit?limit=2&before=${before}`)).json());
      seen.push(...p.data.map((r) => r.seq));
      before = p.nextBefore;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });
});
