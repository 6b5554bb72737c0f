import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { loginAs, loginUser, type LoggedIn } from '../../../../tests/helpers/login.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { loadReferenceData, upsertRegion } from '../../db/reference-data.js';
import { attachment, engagementDeclaration, organisation, platformRole, region } from '../../db/schema/index.js';
import { brusselsDate } from '../../platform/clock.js';
import { ENGAGEMENT_DOCUMENT_MAX_BYTES, ZEngagementListResponse, ZEngagementOverviewResponse, ZEngagementResponse } from '../../../shared/schemas/directory/engagement.js';

let ctx: TestContext;
let orgA: string;
let orgB: string;
let regionX: string;
let regionY: string;
let province: string;
let adminA: LoggedIn;
let adminB: LoggedIn;
let platform: LoggedIn;
let coordinatorAll: LoggedIn;
let coordinatorX: LoggedIn;
let coordinatorY: LoggedIn;
let professional: LoggedIn;
let anonymous: LoggedIn;

const M = '/api/directory/manage';
const db = () => ctx.database.db;
const send = (who: LoggedIn, method: 'PATCH' | 'PUT', url: string, payload: unknown) => who.client.request({ method, url, payload: payload as Record<string, unknown> });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const b64 = (b: Buffer) => b.toString('base64');
const today = () => brusselsDate(ctx.clock.now());
const dayOffset = (days: number) => brusselsDate(new Date(ctx.clock.now().getTime() + days * 86_400_000));

async function coordinatorOf(regionId: string): Promise<LoggedIn> {
  const user = await makeUser(db());
  await db().insert(platformRole).values({ personId: user.person.id, role: 'network_coordinator', regionId });
  return { role: 'network-coordinator', client: await loginUser(ctx, user), user, organisationId: null };
}

async function declare(who: LoggedIn, org: string, body: Record<string, unknown>) {
  const res = await who.client.post(`${M}/organisations/${org}/engagements`, body);
  expect(res.statusCode, res.body).toBe(201);
  return ZEngagementResponse.parse(res.json()).data;
}

/** A fresh organisation in region X with its admin, for tests that need a declaration of their own. */
async function freshOrg() {
  const [org] = await db().insert(organisation).values({ name: `Organisatie ${Math.random().toString(36).slice(2, 10)}`, regionId: regionX }).returning({ id: organisation.id });
  if (!org) throw new Error('no org');
  return { id: org.id, admin: await loginAs(ctx, 'org-admin', { organisationId: org.id }) };
}

beforeAll(async () => {
  ctx = await createTestApp();
  await loadReferenceData(db());
  regionX = await upsertRegion(db(), { code: 'netwerk-x', name: 'Netwerk X', kind: 'network' }, ['31005']);
  regionY = await upsertRegion(db(), { code: 'netwerk-y', name: 'Netwerk Y', kind: 'network' }, ['35013']);
  const [p] = await db().select({ id: region.id }).from(region).where(eq(region.code, 'west-vlaanderen'));
  province = p!.id;
  orgA = (await makeOrganisation(db())).id;
  orgB = (await makeOrganisation(db())).id;
  await db().update(organisation).set({ regionId: regionX }).where(eq(organisation.id, orgA));
  adminA = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  adminB = await loginAs(ctx, 'org-admin', { organisationId: orgB });
  platform = await loginAs(ctx, 'platform-admin');
  coordinatorAll = await loginAs(ctx, 'network-coordinator');
  coordinatorX = await coordinatorOf(regionX);
  coordinatorY = await coordinatorOf(regionY);
  professional = await loginAs(ctx, 'professional', { organisationId: orgA });
  anonymous = await loginAs(ctx, 'anonymous');
});
afterAll(() => ctx.close());

describe('declarations', () => {
  it('the organisation admin adds, reads, lists, changes and deletes a declaration; every change audited', async () => {
    const { id: org, admin } = await freshOrg();
    const d = await declare(admin, org, { regionId: regionX, status: 'expected', expectedBy: dayOffset(30), note: 'Na de gemeenteraad.' });
    expect(d).toMatchObject({ organisation: { id: org }, region: { id: regionX, code: 'netwerk-x' }, status: 'expected', expectedBy: dayOffset(30), receivedOn: null, overdue: false, document: null, version: 1 });
    await expectAudited(db(), 'directory.engagement.create', { resourceId: d.id, organisationId: org, outcome: 'success', details: { regionId: regionX, status: 'expected' } });

    const got = await admin.client.get(`${M}/engagements/${d.id}`);
    expect(got.statusCode).toBe(200);
    expect(ZEngagementResponse.parse(got.json()).abilities).toEqual({ view: true, update: true, delete: true, upload: true, download: true });

    const list = ZEngagementListResponse.parse((await admin.client.get(`${M}/organisations/${org}/engagements`)).json());
    expect(list.data.map((x) => x.id)).toEqual([d.id]);
    expect(list.abilities[d.id]?.update).toBe(true);

    // Received: the expected-by day is cleared, the received day is needed.
    const changed = await send(admin, 'PATCH', `${M}/engagements/${d.id}`, { version: 1, status: 'received', receivedOn: today() });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(ZEngagementResponse.parse(changed.json()).data).toMatchObject({ status: 'received', receivedOn: today(), expectedBy: null, note: 'Na de gemeenteraad.', version: 2 });
    await expectAudited(db(), 'directory.engagement.update', { resourceId: d.id, details: { status: 'received', fields: expect.arrayContaining(['status', 'receivedOn']) } });

    const del = await admin.client.delete(`${M}/engagements/${d.id}`);
    expect(del.statusCode).toBe(204);
    expect(await db().select().from(engagementDeclaration).where(eq(engagementDeclaration.id, d.id))).toEqual([]);
    await expectAudited(db(), 'directory.engagement.delete', { resourceId: d.id, organisationId: org });
  });

  it('refuses a status without its date, an unknown or provincial region, a second declaration for a region, and bad input — in Dutch, changing nothing', async () => {
    const { id: org, admin } = await freshOrg();
    const url = `${M}/organisations/${org}/engagements`;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ regionId: regionX, status: 'received' }, 400, 'body.receivedOn'],
      [{ regionId: regionX, status: 'expected', expectedBy: null }, 400, 'body.expectedBy'],
      [{ regionId: regionX, status: 'maybe' }, 400, 'body.status'],
      [{ regionId: regionX, status: 'under_consideration', note: 'a\u0000b' }, 400, 'body.note'],
      [{ regionId: regionX, status: 'received', receivedOn: '2026-02-30' }, 400, 'body.receivedOn'],
      [{ regionId: regionX, status: 'received', receivedOn: '99999-01-01' }, 400, 'body.receivedOn'],
      [{ regionId: 'not-a-uuid', status: 'under_consideration' }, 400, 'body.regionId'],
      [{ regionId: regionX, status: 'under_consideration', organisationId: orgB }, 400, 'body'],
      [{ regionId: province, status: 'under_consideration' }, 400, 'body.regionId'],
      [{ regionId: '00000000-0000-4000-8000-000000000000', status: 'under_consideration' }, 400, 'body.regionId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await admin.client.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      const err = res.json().error;
      expect(err.details?.map((x: { path: string }) => x.path).join(' '), JSON.stringify(body)).toContain(path);
    }
    expect(await db().select().from(engagementDeclaration).where(eq(engagementDeclaration.organisationId, org))).toEqual([]);
    const provincial = await admin.client.post(url, { regionId: province, status: 'under_consideration' });
    expect(provincial.json().error.message).toBe('Kies een regio (1 Gezin 1 Plan-netwerk).');

    await declare(admin, org, { regionId: regionX, status: 'under_consideration' });
    const twice = await admin.client.post(url, { regionId: regionX, status: 'received', receivedOn: today() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'duplicate', message: 'Deze organisatie heeft al een engagementsverklaring voor deze regio.' });

    // A change to "expected" without a day is refused in Dutch, by the server (the contract cannot know the stored dates).
    const [row] = await db().select().from(engagementDeclaration).where(eq(engagementDeclaration.organisationId, org));
    const noDay = await send(admin, 'PATCH', `${M}/engagements/${row!.id}`, { version: 1, status: 'expected' });
    expect(noDay.statusCode).toBe(400);
    expect(noDay.json().error).toMatchObject({ code: 'validation_failed', message: 'Geef de datum waartegen de verklaring verwacht wordt.' });
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const { id: org, admin } = await freshOrg();
    const d = await declare(admin, org, { regionId: regionX, status: 'under_consideration' });
    expect((await send(admin, 'PATCH', `${M}/engagements/${d.id}`, { version: 1, note: 'Eerste' })).statusCode).toBe(200);
    const stale = await send(admin, 'PATCH', `${M}/engagements/${d.id}`, { version: 1, note: 'Tweede' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const staleUpload = await send(admin, 'PUT', `${M}/engagements/${d.id}/document`, { version: 1, fileName: 'verklaring.pdf', content: b64(PDF) });
    expect(staleUpload.statusCode).toBe(409);
    const [row] = await db().select().from(engagementDeclaration).where(eq(engagementDeclaration.id, d.id));
    expect(row).toMatchObject({ note: 'Eerste', version: 2, attachmentId: null });
  });

  it("another organisation's admin gets 404 on every route; professionals 403; anonymous 401; coordinators read but do not change", async () => {
    const d = await declare(adminA, orgA, { regionId: regionX, status: 'received', receivedOn: today() });
    for (const res of [
      await adminB.client.get(`${M}/engagements/${d.id}`),
      await send(adminB, 'PATCH', `${M}/engagements/${d.id}`, { version: 1, note: 'x' }),
      await adminB.client.delete(`${M}/engagements/${d.id}`),
      await send(adminB, 'PUT', `${M}/engagements/${d.id}/document`, { version: 1, fileName: 'x.pdf', content: b64(PDF) }),
      await adminB.client.get(`${M}/engagements/${d.id}/document`),
      await adminB.client.get(`${M}/organisations/${orgA}/engagements`),
      await adminB.client.post(`${M}/organisations/${orgA}/engagements`, { regionId: regionY, status: 'under_consideration' }),
      await coordinatorY.client.get(`${M}/engagements/${d.id}`),
    ]) expect(res.statusCode).toBe(404);
    expect((await professional.client.get(`${M}/engagements/${d.id}`)).statusCode).toBe(403);
    expect((await professional.client.get(`${M}/organisations/${orgA}/engagements`)).statusCode).toBe(403);
    expect((await anonymous.client.get(`${M}/engagements/${d.id}`)).statusCode).toBe(401);
    // The coordinator of the region reads it, but may not change it (and cannot reach the keeper's routes at all).
    const seen = await coordinatorX.client.get(`${M}/engagements/${d.id}`);
    expect(seen.statusCode).toBe(200);
    expect(ZEngagementResponse.parse(seen.json()).abilities).toEqual({ view: true, update: false, delete: false, upload: false, download: true });
    expect((await send(coordinatorX, 'PATCH', `${M}/engagements/${d.id}`, { version: 1, note: 'x' })).statusCode).toBe(403);
    expect((await coordinatorAll.client.get(`${M}/engagements/${d.id}`)).statusCode).toBe(200);
    const [row] = await db().select().from(engagementDeclaration).where(eq(engagementDeclaration.id, d.id));
    expect(row).toMatchObject({ version: 1, note: '' });
    // The platform admin keeps every organisation's declarations.
    expect((await send(platform, 'PATCH', `${M}/engagements/${d.id}`, { version: 1, note: 'Nagekeken' })).statusCode).toBe(200);
  });
});

describe('the signed document', () => {
  it('uploads a PDF, downloads it (owner, coordinator of the region, platform admin), replaces it with a new attachment row', async () => {
    const { id: org, admin } = await freshOrg();
    const d = await declare(admin, org, { regionId: regionX, status: 'received', receivedOn: today() });
    const none = await admin.client.get(`${M}/engagements/${d.id}/document`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe('Er is nog geen ondertekende verklaring opgeladen.');

    const up = await send(admin, 'PUT', `${M}/engagements/${d.id}/document`, { version: 1, fileName: 'Engagementsverklaring ondertekend.pdf', content: b64(PDF) });
    expect(up.statusCode, up.body).toBe(200);
    const first = ZEngagementResponse.parse(up.json()).data;
    expect(first.document).toMatchObject({ fileName: 'Engagementsverklaring ondertekend.pdf', sizeBytes: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(first.version).toBe(2);
    await expectAudited(db(), 'directory.engagement.upload', { resourceId: d.id, organisationId: org, details: { sizeBytes: PDF.length, attachmentId: first.document!.id } });

    for (const who of [admin, coordinatorX, coordinatorAll, platform]) {
      const res = await who.client.get(`${M}/engagements/${d.id}/document`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toContain('attachment;');
      expect(res.rawPayload.equals(PDF)).toBe(true);
    }
    await expectAudited(db(), 'directory.engagement.download', { resourceId: d.id, actorPersonId: coordinatorX.user!.person.id });
    expect((await coordinatorY.client.get(`${M}/engagements/${d.id}/document`)).statusCode).toBe(404);
    expect((await adminB.client.get(`${M}/engagements/${d.id}/document`)).statusCode).toBe(404);

    const second = Buffer.concat([PDF, Buffer.from('% tweede versie\n')]);
    const re = await send(admin, 'PUT', `${M}/engagements/${d.id}/document`, { version: 2, fileName: 'v2.pdf', content: b64(second) });
    expect(re.statusCode, re.body).toBe(200);
    const replaced = ZEngagementResponse.parse(re.json()).data;
    expect(replaced.document!.id).not.toBe(first.document!.id);
    const rows = await db().select({ id: attachment.id }).from(attachment).where(and(eq(attachment.resourceType, 'engagement_declaration'), eq(attachment.resourceId, d.id)));
    expect(rows).toHaveLength(2);
    expect((await admin.client.get(`${M}/engagements/${d.id}/document`)).rawPayload.equals(second)).toBe(true);

    // Deleting the declaration deletes its documents too.
    expect((await admin.client.delete(`${M}/engagements/${d.id}`)).statusCode).toBe(204);
    expect(await db().select({ id: attachment.id }).from(attachment).where(eq(attachment.resourceId, d.id))).toEqual([]);
  });

  it('refuses a file that is not a PDF by its content (400), a file over 5 MiB (413), bad base64 and names — in Dutch, storing nothing', async () => {
    const { id: org, admin } = await freshOrg();
    const d = await declare(admin, org, { regionId: regionX, status: 'under_consideration' });
    const url = `${M}/engagements/${d.id}/document`;
    const put = (body: Record<string, unknown>) => send(admin, 'PUT', url, { version: 1, fileName: 'verklaring.pdf', ...body });

    for (const content of [Buffer.from('PK\u0003\u0004 a zip named .pdf'), Buffer.from('%PD'), Buffer.from('\u0000%PDF-1.4'), Buffer.from('<html>%PDF-</html>')]) {
      const res = await put({ content: b64(content) });
      expect(res.statusCode, content.toString()).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', message: 'Dit bestand is geen PDF. Laad de ondertekende verklaring op als PDF-bestand.' });
    }
    const big = Buffer.concat([PDF, Buffer.alloc(ENGAGEMENT_DOCUMENT_MAX_BYTES + 1 - PDF.length, 0x20)]);
    const tooBig = await put({ content: b64(big) });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({ code: 'payload_too_large', message: 'Het bestand is te groot: een engagementsverklaring mag ten hoogste 5 MB zijn.' });
    // Exactly the limit is fine.
    const exact = Buffer.concat([PDF, Buffer.alloc(ENGAGEMENT_DOCUMENT_MAX_BYTES - PDF.length, 0x20)]);
    // (checked below, after the refusals, so the version stays 1 for them)
    const hugeBody = await put({ content: 'A'.repeat(9 * 1024 * 1024) });
    expect(hugeBody.statusCode).toBe(413);
    expect(hugeBody.json().error.code).toBe('payload_too_large');

    for (const [body, path] of [
      [{ content: 'not base64!' }, 'body.content'],
      [{ content: '' }, 'body.content'],
      [{ content: b64(PDF), fileName: 'map/verklaring.pdf' }, 'body.fileName'],
      [{ content: b64(PDF), fileName: 'verklaring\u0000.pdf' }, 'body.fileName'],
      [{ content: b64(PDF), version: 2 ** 40 }, 'body.version'],
      [{ content: b64(PDF), mediaType: 'application/pdf' }, 'body'],
    ] as [Record<string, unknown>, string][]) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.details.map((x: { path: string }) => x.path).join(' ')).toContain(path);
    }
    expect(await db().select({ id: attachment.id }).from(attachment).where(eq(attachment.resourceId, d.id))).toEqual([]);
    await expectNotAudited(db(), 'directory.engagement.upload', { resourceId: d.id });

    const ok = await put({ content: b64(exact) });
    expect(ok.statusCode, ok.body.slice(0, 200)).toBe(200);
    expect(ZEngagementResponse.parse(ok.json()).data.document?.sizeBytes).toBe(ENGAGEMENT_DOCUMENT_MAX_BYTES);
  });
});

describe("a region's overview", () => {
  it('lists the organisations of the region with received / expected (overdue flagged) / under consideration / none, with counts and filters', async () => {
    const regionId = await upsertRegion(db(), { code: 'netwerk-overzicht', name: 'Netwerk Overzicht', kind: 'network' }, []);
    const mk = async (name: string) => {
      const [o] = await db().insert(organisation).values({ name: `${name} ${Math.random().toString(36).slice(2, 6)}`, regionId }).returning({ id: organisation.id, name: organisation.name });
      return o!;
    };
    const a = await mk('Aa ontvangen');
    const b = await mk('Bb verwacht');
    const c = await mk('Cc te laat');
    const dd = await mk('Dd in overweging');
    const e = await mk('Ee geen');
    const archived = await mk('Ff gearchiveerd');
    await db().update(organisation).set({ status: 'archived' }).where(eq(organisation.id, archived.id));
    // An organisation of another region with a declaration for this one is listed too.
    const [outsider] = await db().insert(organisation).values({ name: `Gg elders ${Math.random().toString(36).slice(2, 6)}`, regionId: regionY }).returning({ id: organisation.id });
    const ins = (organisationId: string, values: Partial<typeof engagementDeclaration.$inferInsert>) =>
      db().insert(engagementDeclaration).values({ organisationId, regionId, status: 'under_consideration', ...values });
    await ins(a.id, { status: 'received', receivedOn: dayOffset(-10) });
    await ins(b.id, { status: 'expected', expectedBy: dayOffset(10) });
    await ins(c.id, { status: 'expected', expectedBy: dayOffset(-1) });
    await ins(dd.id, {});
    await ins(outsider!.id, { status: 'received', receivedOn: dayOffset(-3) });

    const coordinator = await coordinatorOf(regionId);
    const res = await coordinator.client.get(`${M}/regions/${regionId}/engagements`);
    expect(res.statusCode, res.body).toBe(200);
    const o = ZEngagementOverviewResponse.parse(res.json()).data;
    expect(o.region).toMatchObject({ id: regionId, code: 'netwerk-overzicht' });
    expect(o.counts).toEqual({ received: 2, expected: 2, overdue: 1, under_consideration: 1, none: 1 });
    expect(o.items.map((i) => [i.organisation.id, i.declaration?.status ?? null, i.declaration?.overdue ?? null])).toEqual([
      [a.id, 'received', false],
      [b.id, 'expected', false],
      [c.id, 'expected', true],
      [dd.id, 'under_consideration', false],
      [e.id, null, null],
      [outsider!.id, 'received', false],
    ]);

    const overdue = ZEngagementOverviewResponse.parse((await coordinator.client.get(`${M}/regions/${regionId}/engagements?status=overdue`)).json()).data;
    expect(overdue.items.map((i) => i.organisation.id)).toEqual([c.id]);
    const nothing = ZEngagementOverviewResponse.parse((await coordinator.client.get(`${M}/regions/${regionId}/engagements?status=none`)).json()).data;
    expect(nothing.items.map((i) => i.organisation.id)).toEqual([e.id]);

    // Keyset paging by name.
    const p1 = ZEngagementOverviewResponse.parse((await platform.client.get(`${M}/regions/${regionId}/engagements?limit=4`)).json()).data;
    expect(p1.items).toHaveLength(4);
    const p2 = ZEngagementOverviewResponse.parse((await platform.client.get(`${M}/regions/${regionId}/engagements?limit=4&cursor=${p1.nextCursor}`)).json()).data;
    expect(p2.items.map((i) => i.organisation.id)).toEqual([e.id, outsider!.id]);
    expect(p2.nextCursor).toBeNull();

    // Other regions' coordinators 404; organisation admins and professionals 403; bad filters 400.
    expect((await coordinatorX.client.get(`${M}/regions/${regionId}/engagements`)).statusCode).toBe(404);
    expect((await coordinatorAll.client.get(`${M}/regions/${regionId}/engagements`)).statusCode).toBe(200);
    expect((await adminA.client.get(`${M}/regions/${regionId}/engagements`)).statusCode).toBe(403);
    expect((await professional.client.get(`${M}/regions/${regionId}/engagements`)).statusCode).toBe(403);
    expect((await platform.client.get(`${M}/regions/00000000-0000-4000-8000-000000000000/engagements`)).statusCode).toBe(404);
    expect((await platform.client.get(`${M}/regions/${regionId}/engagements?status=late`)).statusCode).toBe(400);
    expect((await platform.client.get(`${M}/regions/${regionId}/engagements?limit=99999999999999999999`)).statusCode).toBe(400);
    expect((await platform.client.get(`${M}/regions/${regionId}/engagements?cursor=bm9wZQ`)).statusCode).toBe(400);
  });
});
