import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { learningPractice, sector } from '../../db/schema/index.js';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/schemas/attachments.js';
import { ZPracticeListResponse, ZPracticeResponse, type TPracticeCreate } from '../../../shared/schemas/learning-practices.js';

let ctx: TestContext;
let orgA: string;
let orgB: string;
let proA: LoggedIn;
let proA2: LoggedIn;
let proB: LoggedIn;
let adminA: LoggedIn;
let coordinator: LoggedIn;
let platformAdmin: LoggedIn;
let sectors: string[];

const P = '/api/learning/practices';
const send = (who: LoggedIn, method: 'POST' | 'PATCH', url: string, payload: unknown) => who.client.request({ method, url, payload: payload as Record<string, unknown> });
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(64, 1)]);

let n = 0;
function practice(over: Partial<TPracticeCreate> = {}): TPracticeCreate {
  n++;
  return {
    title: `Brugfiguur tussen CGG en leefgroep ${n}`,
    summary: 'Een therapeut van het CGG komt wekelijks naar de leefgroep voor overleg over jongeren met complexe vragen.',
    goals: 'Sneller passende zorg; de begeleiders voelen zich gesteund.',
    addedValue: 'De jongere hoeft niet te wachten op een aanmelding.',
    bottlenecks: 'Tijd van de therapeut is beperkt; vervanging bij ziekte.',
    contacts: [{ name: 'Noor Testpersoon', function: 'Coördinator', organisation: 'CGG Test', email: 'noor@voorbeeld.test' }],
    sectorCodes: sectors.slice(0, 2),
    organisationIds: [orgA, orgB],
    ...over,
  };
}

async function propose(who: LoggedIn, over: Partial<TPracticeCreate> = {}) {
  const res = await send(who, 'POST', P, practice(over));
  expect(res.statusCode, res.body).toBe(201);
  return ZPracticeResponse.parse(res.json());
}

async function publish(id: string, version: number) {
  const res = await send(coordinator, 'POST', `${P}/${id}/publish`, { version });
  expect(res.statusCode, res.body).toBe(200);
  return ZPracticeResponse.parse(res.json());
}

async function search(who: LoggedIn, query: string) {
  const res = await who.client.get(`${P}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return ZPracticeListResponse.parse(res.json());
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  proA = await loginAs(ctx, 'professional', { organisationId: orgA });
  proA2 = await loginAs(ctx, 'professional', { organisationId: orgA });
  proB = await loginAs(ctx, 'professional', { organisationId: orgB });
  adminA = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  coordinator = await loginAs(ctx, 'network-coordinator');
  platformAdmin = await loginAs(ctx, 'platform-admin');
  sectors = (await db.select({ code: sector.code }).from(sector).orderBy(sector.position)).map((s) => s.code);
  expect(sectors.length).toBeGreaterThanOrEqual(3);
});
afterAll(() => ctx.close());

describe('good practices', () => {
  it('a professional proposes a draft; the coordinator publishes it; every partner reads it; the coordinator withdraws it; audited', async () => {
    const draft = await propose(proA);
    expect(draft.data).toMatchObject({ status: 'draft', authorOrganisationId: orgA, publishedAt: null });
    expect(draft.data.organisations.map((o) => o.id).sort()).toEqual([orgA, orgB].sort());
    expect(draft.data.sectors.map((s) => s.code)).toEqual(sectors.slice(0, 2));
    expect(draft.data.contacts[0]).toEqual({ name: 'Noor Testpersoon', function: 'Coördinator', organisation: 'CGG Test', email: 'noor@voorbeeld.test' });
    expect(draft.abilities).toEqual({ view: true, update: true, publish: false, withdraw: false });
    await expectAudited(ctx.database.db, 'learning.practice.create', { resourceType: 'learning_practice', resourceId: draft.data.id });

    // The draft: the author organisation and the coordinators only.
    expect((await proA2.client.get(`${P}/${draft.data.id}`)).statusCode).toBe(200);
    expect((await coordinator.client.get(`${P}/${draft.data.id}`)).statusCode).toBe(200);
    for (const who of [proB, platformAdmin]) {
      expect((await who.client.get(`${P}/${draft.data.id}`)).statusCode).toBe(404);
      expect((await search(who, 'limit=100')).data.items.map((i) => i.id)).not.toContain(draft.data.id);
    }
    expect((await search(proA, 'limit=100')).data.items.map((i) => i.id)).toContain(draft.data.id);

    // A professional may not publish (403); the coordinator does.
    expect((await send(proA, 'POST', `${P}/${draft.data.id}/publish`, { version: draft.data.version })).statusCode).toBe(403);
    const published = await publish(draft.data.id, draft.data.version);
    expect(published.data.status).toBe('published');
    expect(published.data.publishedAt).not.toBeNull();
    expect(published.abilities).toEqual({ view: true, update: true, publish: false, withdraw: true });
    await expectAudited(ctx.database.db, 'learning.practice.publish', { resourceId: draft.data.id, actorPersonId: coordinator.user?.person.id });

    const seen = await proB.client.get(`${P}/${draft.data.id}`);
    expect(seen.statusCode).toBe(200);
    expect(ZPracticeResponse.parse(seen.json()).abilities).toEqual({ view: true, update: false, publish: false, withdraw: false });
    expect((await search(proB, 'limit=100')).data.items.map((i) => i.id)).toContain(draft.data.id);
    // Another organisation may not change it.
    expect((await send(proB, 'PATCH', `${P}/${draft.data.id}`, { version: published.data.version, title: 'Niet van mij' })).statusCode).toBe(403);

    const withdrawn = await send(coordinator, 'POST', `${P}/${draft.data.id}/withdraw`, { version: published.data.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(ZPracticeResponse.parse(withdrawn.json()).data.status).toBe('withdrawn');
    expect((await proB.client.get(`${P}/${draft.data.id}`)).statusCode).toBe(404);
    await expectAudited(ctx.database.db, 'learning.practice.withdraw', { resourceId: draft.data.id });

    // Withdrawing again (current version): it is done already — 409 that says so, not "no access".
    const again = await send(coordinator, 'POST', `${P}/${draft.data.id}/withdraw`, { version: ZPracticeResponse.parse(withdrawn.json()).data.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Deze praktijk is al ingetrokken.');
  });

  it('two coordinators publish the same draft at once: one publishes, the other gets 409; a professional still gets 403', async () => {
    const draft = await propose(proA);
    const both = await Promise.all([1, 2].map(() => send(coordinator, 'POST', `${P}/${draft.data.id}/publish`, { version: draft.data.version })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const published = ZPracticeResponse.parse(both.find((r) => r.statusCode === 200)!.json()).data;
    const twice = await send(coordinator, 'POST', `${P}/${draft.data.id}/publish`, { version: published.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Deze praktijk is al gepubliceerd.');
    expect((await send(proA, 'POST', `${P}/${draft.data.id}/withdraw`, { version: published.version })).statusCode).toBe(403);
  });

  it('who may propose: not a platform admin without an organisation (403); a coordinator may', async () => {
    expect((await send(platformAdmin, 'POST', P, practice())).statusCode).toBe(403);
    const byCoordinator = await propose(coordinator);
    expect(byCoordinator.data.authorOrganisationId).toBeNull();
    expect((await search(proA, 'limit=100')).propose).toBe(true);
    expect((await search(platformAdmin, 'limit=100')).propose).toBe(false);
  });

  it('the author organisation and the coordinator edit; a stale version is 409 and changes nothing', async () => {
    const draft = await propose(proA);
    const res = await send(proA2, 'PATCH', `${P}/${draft.data.id}`, { version: draft.data.version, title: 'Een nieuwe titel voor de praktijk', sectorCodes: [sectors[2]] });
    expect(res.statusCode, res.body).toBe(200);
    const changed = ZPracticeResponse.parse(res.json()).data;
    expect(changed).toMatchObject({ title: 'Een nieuwe titel voor de praktijk', version: draft.data.version + 1 });
    expect(changed.sectors.map((s) => s.code)).toEqual([sectors[2]]);
    await expectAudited(ctx.database.db, 'learning.practice.update', { resourceId: draft.data.id });

    const stale = await send(adminA, 'PATCH', `${P}/${draft.data.id}`, { version: draft.data.version, title: 'Te laat' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/[a-z]/);
    const [row] = await ctx.database.db.select().from(learningPractice).where(eq(learningPractice.id, draft.data.id));
    expect(row?.title).toBe('Een nieuwe titel voor de praktijk');
    expect((await send(coordinator, 'POST', `${P}/${draft.data.id}/publish`, { version: draft.data.version })).statusCode).toBe(409);
    expect((await send(coordinator, 'PATCH', `${P}/${draft.data.id}`, { version: changed.version, goals: 'Door de coördinator aangevuld.' })).statusCode).toBe(200);
  });

  it('bad input is 400 in Dutch and stores nothing: NUL bytes, huge strings, unknown sector or organisation, bad e-mail', async () => {
    const before = (await ctx.database.db.select({ id: learningPractice.id }).from(learningPractice)).length;
    const bad: Partial<TPracticeCreate>[] = [
      { title: 'Titel met \u0000 erin' },
      { summary: 'Samenvatting met een NUL \u0000 teken' },
      { title: 'x'.repeat(100_000) },
      { bottlenecks: 'y'.repeat(7000) },
      { sectorCodes: ['bestaat-niet'] },
      { organisationIds: ['00000000-0000-4000-8000-000000000000'] },
      { contacts: [{ name: 'Iemand', function: '', organisation: '', email: 'geen-adres' }] },
      { contacts: Array.from({ length: 11 }, () => ({ name: 'Iemand', function: '', organisation: '', email: null })) },
      { summary: 'kort' },
    ];
    for (const over of bad) {
      const res = await proA.client.request({ method: 'POST', url: P, payload: practice(over) as unknown as Record<string, unknown>, headers: { 'accept-language': 'nl' } });
      expect(res.statusCode, JSON.stringify(over).slice(0, 80)).toBe(400);
      expect(typeof res.json().error.message).toBe('string');
    }
    const nl = await proA.client.request({ method: 'POST', url: P, payload: practice({ sectorCodes: ['bestaat-niet'] }) as unknown as Record<string, unknown>, headers: { 'accept-language': 'nl' } });
    expect(nl.json().error.message).toBe('Een van de gekozen sectoren bestaat niet.');
    expect((await ctx.database.db.select({ id: learningPractice.id }).from(learningPractice)).length).toBe(before);
    // Query strings too.
    expect((await proA.client.get(`${P}?q=${'a'.repeat(500)}`)).statusCode).toBe(400);
    expect((await proA.client.get(`${P}?q=%00`)).statusCode).toBe(400);
    expect((await proA.client.get(`${P}?cursor=rommel`)).statusCode).toBe(400);
  });

  it('search: Dutch plurals, accents, sector filter; keyset pages', async () => {
    const a = await propose(proA, { title: 'Samenwerking rond crisisopvang', summary: 'Een gedeeld crisisbed tussen de jeugdpsychiatrie en de jeugdhulp voor acute situaties.', sectorCodes: [sectors[0] ?? ''] });
    await publish(a.data.id, a.data.version);
    const b = await propose(proA, { title: 'Café voor ouders', summary: 'Een maandelijkse ontmoeting van ouders met begeleiders uit verschillende sectoren, met een thema.', goals: 'Ouders leren de diensten kennen.', sectorCodes: [sectors[1] ?? ''] });
    await publish(b.data.id, b.data.version);

    const ids = async (q: string) => (await search(proB, `q=${encodeURIComponent(q)}&limit=100`)).data.items.map((i) => i.id);
    expect(await ids('samenwerkingen')).toContain(a.data.id);
    expect(await ids('crisisopvang')).toContain(a.data.id);
    expect(await ids('cafe')).toContain(b.data.id);
    expect(await ids('café ouders')).toContain(b.data.id);
    expect(await ids('ontmoetingen')).toContain(b.data.id);
    expect(await ids('cafe')).not.toContain(a.data.id);
    expect(await ids('!!!')).toEqual([]);

    const bySector = (await search(proB, `sector=${sectors[1]}&limit=100`)).data.items.map((i) => i.id);
    expect(bySector).toContain(b.data.id);
    expect(bySector).not.toContain(a.data.id);

    // Pages of one walk through all without repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search(coordinator, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.items.map((i) => i.id));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(a.data.id);
  });

  it('attachments: the author organisation uploads a PDF; partners download it once published; wrong kind, wrong name, too large refused', async () => {
    const draft = await propose(proA);
    const up = await send(proA, 'POST', `${P}/${draft.data.id}/attachments`, { fileName: 'Verslag.pdf', content: PDF.toString('base64') });
    expect(up.statusCode, up.body).toBe(201);
    const file = ZPracticeResponse.parse(up.json()).data.attachments[0];
    expect(file).toMatchObject({ fileName: 'Verslag.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    await expectAudited(ctx.database.db, 'learning.practice.attachment.upload', { resourceId: draft.data.id });

    const url = `${P}/${draft.data.id}/attachments/${file?.id}`;
    expect((await proB.client.get(url)).statusCode).toBe(404);
    expect((await send(proB, 'POST', `${P}/${draft.data.id}/attachments`, { fileName: 'x.pdf', content: PDF.toString('base64') })).statusCode).toBe(404);
    await publish(draft.data.id, draft.data.version);
    const down = await proB.client.get(url);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toContain('application/pdf');
    expect(Buffer.from(down.rawPayload).equals(PDF)).toBe(true);
    expect((await send(proB, 'POST', `${P}/${draft.data.id}/attachments`, { fileName: 'x.pdf', content: PDF.toString('base64') })).statusCode).toBe(403);

    expect((await send(proA, 'POST', `${P}/${draft.data.id}/attachments`, { fileName: 'virus.pdf', content: EXE.toString('base64') })).statusCode).toBe(400);
    const wrongName = await send(proA, 'POST', `${P}/${draft.data.id}/attachments`, { fileName: 'Verslag.docx', content: PDF.toString('base64') });
    expect(wrongName.statusCode).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20)]);
    expect((await send(proA, 'POST', `${P}/${draft.data.id}/attachments`, { fileName: 'groot.pdf', content: big.toString('base64') })).statusCode).toBe(413);

    const del = await proA.client.request({ method: 'DELETE', url });
    expect(del.statusCode, del.body).toBe(204);
    expect((await proB.client.get(url)).statusCode).toBe(404);
    await expectAudited(ctx.database.db, 'learning.practice.attachment.delete', { resourceId: draft.data.id });
  });

  it('organisations to choose from: searched by name for whoever may propose; the involved organisations change with a PATCH; an unknown one is 400 in Dutch and changes nothing', async () => {
    const named = await makeOrganisation(ctx.database.db, `Kinderdagcentrum Zonnebloem ${n}`);
    const options = await proA.client.get(`${P}/organisations?q=${encodeURIComponent('zonnebloem')}`);
    expect(options.statusCode, options.body).toBe(200);
    const found = (options.json() as { data: { id: string; name: string }[] }).data;
    expect(found.map((o) => o.id)).toContain(named.id);
    expect(found.every((o) => o.name.toLowerCase().includes('zonnebloem'))).toBe(true);
    expect((await proA.client.get(`${P}/organisations?q=${'z'.repeat(500)}`)).statusCode).toBe(400);
    expect((await platformAdmin.client.get(`${P}/organisations`)).statusCode).toBe(403);

    const draft = await propose(proA, { organisationIds: [orgA] });
    const changed = await send(proA, 'PATCH', `${P}/${draft.data.id}`, { version: draft.data.version, organisationIds: [orgA, named.id] });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = ZPracticeResponse.parse(changed.json()).data;
    expect(after.organisations.map((o) => o.id).sort()).toEqual([orgA, named.id].sort());

    const unknown = await proA.client.request({
      method: 'PATCH', url: `${P}/${draft.data.id}`, headers: { 'accept-language': 'nl' },
      payload: { version: after.version, organisationIds: [orgA, '00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('Een van de gekozen organisaties bestaat niet.');
    const twice = await send(proA, 'PATCH', `${P}/${draft.data.id}`, { version: after.version, organisationIds: [orgA, orgA] });
    expect(twice.statusCode).toBe(400);
    const still = ZPracticeResponse.parse((await proA.client.get(`${P}/${draft.data.id}`)).json()).data;
    expect(still.version).toBe(after.version);
    expect(still.organisations.map((o) => o.id).sort()).toEqual([orgA, named.id].sort());
    // Clearing the list is allowed.
    const cleared = await send(proA, 'PATCH', `${P}/${draft.data.id}`, { version: after.version, organisationIds: [] });
    expect(ZPracticeResponse.parse(cleared.json()).data.organisations).toEqual([]);
  });

  it('deleting a file: the coordinator may, another organisation may not (published: 403, draft: 404); a file of another practice or one already deleted is 404 and nothing is removed', async () => {
    const one = await propose(proA);
    const other = await propose(proA);
    const upload = async (id: string, fileName: string) => {
      const res = await send(proA, 'POST', `${P}/${id}/attachments`, { fileName, content: PDF.toString('base64') });
      expect(res.statusCode, res.body).toBe(201);
      const files = ZPracticeResponse.parse(res.json()).data.attachments;
      return files.find((f) => f.fileName === fileName)?.id ?? '';
    };
    const keep = await upload(one.data.id, 'Blijft.pdf');
    const gone = await upload(one.data.id, 'Weg.pdf');
    const foreign = await upload(other.data.id, 'Ander.pdf');
    const del = (who: LoggedIn, id: string, fileId: string) => who.client.request({ method: 'DELETE', url: `${P}/${id}/attachments/${fileId}` });

    expect((await del(proB, one.data.id, gone)).statusCode).toBe(404);
    expect((await del(proA, one.data.id, foreign)).statusCode).toBe(404);
    const current = await proA.client.get(`${P}/${one.data.id}`);
    await publish(one.data.id, ZPracticeResponse.parse(current.json()).data.version);
    expect((await del(proB, one.data.id, gone)).statusCode).toBe(403);
    expect((await del(adminA, one.data.id, 'not-a-uuid')).statusCode).toBe(400);

    const ok = await del(coordinator, one.data.id, gone);
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await del(coordinator, one.data.id, gone)).statusCode).toBe(404);
    const files = ZPracticeResponse.parse((await proB.client.get(`${P}/${one.data.id}`)).json()).data.attachments.map((f) => f.id);
    expect(files).toEqual([keep]);
    const others = ZPracticeResponse.parse((await proA.client.get(`${P}/${other.data.id}`)).json()).data.attachments.map((f) => f.id);
    expect(others).toEqual([foreign]);
    await expectAudited(ctx.database.db, 'learning.practice.attachment.delete', { resourceId: one.data.id });
  });
});
