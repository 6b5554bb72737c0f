import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { loadReferenceData } from '../../db/reference-data.js';
import {
  location,
  organisation,
  organisationMunicipality,
  organisationSector,
  sector,
  service,
  serviceLocation,
  zinplek,
  contactPoint,
} from '../../db/schema/index.js';
import {
  ZDirectoryFacetsResponse,
  ZDirectorySearchResponse,
  ZPublicOrganisationResponse,
  ZPublicServiceResponse,
  ZPublicZinplekResponse,
  type TDirectoryHit,
} from '../../../shared/schemas/directory/public.js';
import { eq, inArray } from 'drizzle-orm';
import { singularsOf, tsqueryOf, wordsOf } from './public.service.js';

let ctx: TestContext;
type Key = 'orgA' | 'orgB' | 'orgC' | 'orgD' | 's1' | 's2' | 's3' | 's4' | 's5' | 'sC' | 'sD' | 'z1' | 'zD';
const ids = {} as Record<Key, string>;
const DAY = 24 * 3600 * 1000;

async function org(name: string, values: Partial<typeof organisation.$inferInsert>, sectorCode: string | null) {
  const db = ctx.database.db;
  const [row] = await db.insert(organisation).values({ name, ...values }).returning();
  if (!row) throw new Error('no organisation');
  if (sectorCode) {
    const [s] = await db.select().from(sector).where(eq(sector.code, sectorCode));
    await db.insert(organisationSector).values({ organisationId: row.id, sectorId: s!.id });
  }
  return row.id;
}

async function place(organisationId: string, name: string, nisCode: string, postalCode: string) {
  const [row] = await ctx.database.db.insert(location).values({ organisationId, name, street: 'Markt 1', postalCode, city: name, nisCode }).returning();
  return row!.id;
}

async function offer(organisationId: string, values: Omit<typeof service.$inferInsert, 'organisationId'>, locationId?: string) {
  const [row] = await ctx.database.db.insert(service).values({ organisationId, ...values }).returning();
  if (locationId) await ctx.database.db.insert(serviceLocation).values({ serviceId: row!.id, locationId });
  return row!.id;
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  await loadReferenceData(db);
  const now = ctx.clock.now().getTime();

  const a = await org('Huis der Gezinnen Brugge', { description: 'Een huis voor alle gezinnen in Brugge.' }, 'kind-en-gezin');
  ids.orgA = a;
  const brugge = await place(a, 'Brugge', '31005', '8000');
  await db.insert(organisationMunicipality).values({ organisationId: a, nisCode: '31005' });
  ids.s1 = await offer(a, { name: 'Opvoedingsondersteuning voor gezinnen', description: 'Hulp bij de opvoeding voor jonge ouders.', minAge: 0, maxAge: 12, directAccess: true }, brugge);
  ids.s2 = await offer(a, { name: 'Crèche De Zonnebloem', description: 'Kinderopvang voor baby’s en peuters.', minAge: 0, maxAge: 3, directAccess: true, waitingDays: 30, waitingConfirmedOn: '2026-11-01' }, brugge);
  ids.s3 = await offer(a, { name: 'Oude gezinsdienst', description: 'Voor elk gezin, maar gestopt.', status: 'inactive' }, brugge);
  ids.s5 = await offer(a, { name: 'Algemeen onthaal', description: 'Onthaal voor iedereen met een vraag.', directAccess: true });
  await db.insert(contactPoint).values({ organisationId: a, function: 'intake', title: 'Onthaal Brugge', email: 'onthaal@example.test' });

  const b = await org('Jeugdhulp Gent vzw', {}, 'jeugdhulp');
  ids.orgB = b;
  const gent = await place(b, 'Gent', '44021', '9000');
  ids.s4 = await offer(
    b,
    { name: 'Centrum voor jeugdhulp', description: 'Begeleiding van jongeren en hun gezin.', minAge: 12, maxAge: 18, confirmedAt: new Date(now - 220 * DAY) },
    gent,
  );
  const [z1] = await db
    .insert(zinplek)
    .values({ organisationId: b, locationId: gent, name: 'Zinplek De Haven', activities: 'Sport, koken en huiswerkbegeleiding voor jongeren.', forWhom: 'Jongeren van 12 tot 18', minAge: 12, maxAge: 18 })
    .returning();
  ids.z1 = z1!.id;

  const c = await org('Gearchiveerde gezinsdienst', { status: 'archived' }, 'kind-en-gezin');
  ids.orgC = c;
  ids.sC = await offer(c, { name: 'Gezinsondersteuning archief', description: 'Voor elk gezin.' }, await place(c, 'Brugge', '31005', '8000'));

  const d = await org('Verborgen gezinshulp', { listed: false }, 'kind-en-gezin');
  ids.orgD = d;
  ids.sD = await offer(d, { name: 'Gezinshulp verborgen', description: 'Voor elk gezin.' }, await place(d, 'Brugge', '31005', '8000'));
  const [zD] = await db.insert(zinplek).values({ organisationId: d, name: 'Verborgen zinplek gezin', activities: 'Voor elk gezin.' }).returning();
  ids.zD = zD!.id;
});
afterAll(() => ctx.close());

async function search(query: string) {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/directory/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return ZDirectorySearchResponse.parse(res.json()).data;
}
const idsOf = (items: TDirectoryHit[]) => items.map((h) => h.id);
const hidden = () => [ids.s3, ids.sC, ids.sD, ids.zD];

describe('GET /api/directory/search: words', () => {
  it('stems Dutch words: "gezinnen" finds the singular "gezin", with name matches first', async () => {
    const data = await search('q=gezinnen');
    const found = idsOf(data.items);
    expect(found).toContain(ids.s1);
    expect(found).toContain(ids.s4); // "hun gezin" in the description only
    expect(found.indexOf(ids.s1)).toBeLessThan(found.indexOf(ids.s4));
    expect(found[0]).toBe(ids.s1);
    expect(data.total).toBe(found.length);
    for (const h of hidden()) expect(found).not.toContain(h);
  });

  it('marks the matched words in the name and the snippet, as plain text that joins back to the original', async () => {
    const data = await search('q=gezinnen');
    const s1 = data.items.find((h) => h.id === ids.s1)!;
    expect(s1.nameHighlight.map((p) => p.text).join('')).toBe(s1.name);
    expect(s1.nameHighlight).toContainEqual({ text: 'gezinnen', match: true });
    const s4 = data.items.find((h) => h.id === ids.s4)!;
    expect(s4.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['gezin']);
    expect(s4.nameHighlight).toEqual([{ text: 'Centrum voor jeugdhulp', match: false }]);
  });

  it('ignores accents both ways: "creche" and "crèche" find "Crèche"', async () => {
    for (const q of ['creche', 'cr%C3%A8che', 'CRECHE']) {
      const data = await search(`q=${q}`);
      expect(idsOf(data.items), q).toEqual([ids.s2]);
      expect(data.items[0]!.nameHighlight).toContainEqual({ text: 'Crèche', match: true });
    }
  });

  it('matches the last word as a prefix while typing', async () => {
    expect(idsOf((await search('q=opvoedingsond')).items)).toEqual([ids.s1]);
    expect(idsOf((await search('q=crèche%20zonneb')).items)).toEqual([ids.s2]);
    expect(idsOf((await search('q=jeugdh')).items)).toEqual([ids.s4]);
  });

  it('tolerates typos in names through trigram similarity ("jeugdhlp" finds "jeugdhulp")', async () => {
    const data = await search('q=jeugdhlp');
    expect(idsOf(data.items)).toEqual([ids.s4]);
    expect((await search('q=zonnebloen')).items.map((h) => h.id)).toEqual([ids.s2]);
  });

  it('finds nothing for a word that is nowhere, and total is 0', async () => {
    const data = await search('q=astronaut');
    expect(data).toEqual({ items: [], nextCursor: null, total: 0, totalCapped: false });
  });

  it('treats tsquery syntax in q as plain words', async () => {
    const data = await search(`q=${encodeURIComponent("gezin & !( ' :* |")}`);
    expect(idsOf(data.items)).toContain(ids.s4);
  });
});

describe('GET /api/directory/search: filters and listing', () => {
  it('without q lists every active service and zinplek of listed, active organisations, by name', async () => {
    const data = await search('limit=50');
    expect(new Set(idsOf(data.items))).toEqual(new Set([ids.s1, ids.s2, ids.s4, ids.s5, ids.z1]));
    expect(data.total).toBe(5);
    expect(data.items.map((h) => h.name)).toEqual([...data.items.map((h) => h.name)].sort((x, y) => x.localeCompare(y, 'nl')));
  });

  it('filters on sector, region, municipality, age, direct access and kind', async () => {
    expect(new Set(idsOf((await search('sector=jeugdhulp')).items))).toEqual(new Set([ids.s4, ids.z1]));
    expect(new Set(idsOf((await search('region=oost-vlaanderen')).items))).toEqual(new Set([ids.s4, ids.z1]));
    expect(new Set(idsOf((await search('region=west-vlaanderen')).items))).toEqual(new Set([ids.s1, ids.s2]));
    expect(new Set(idsOf((await search('municipality=31005')).items))).toEqual(new Set([ids.s1, ids.s2]));
    expect(new Set(idsOf((await search('municipality=44021')).items))).toEqual(new Set([ids.s4, ids.z1]));
    // Services without ages are for everyone.
    expect(new Set(idsOf((await search('age=15')).items))).toEqual(new Set([ids.s4, ids.z1, ids.s5]));
    expect(new Set(idsOf((await search('age=2')).items))).toEqual(new Set([ids.s1, ids.s2, ids.s5]));
    expect(new Set(idsOf((await search('directAccess=true')).items))).toEqual(new Set([ids.s1, ids.s2, ids.s5]));
    expect(new Set(idsOf((await search('directAccess=false')).items))).toEqual(new Set([ids.s4, ids.z1]));
    expect(idsOf((await search('zinplek=true')).items)).toEqual([ids.z1]);
    expect(new Set(idsOf((await search('zinplek=false')).items))).toEqual(new Set([ids.s1, ids.s2, ids.s4, ids.s5]));
    expect((await search('sector=bestaat-niet')).total).toBe(0);
  });

  it('combines filters with AND (and with the words)', async () => {
    expect(idsOf((await search('q=gezin&sector=kind-en-gezin&age=5')).items)).toEqual([ids.s1]);
    expect(idsOf((await search('q=gezin&sector=jeugdhulp')).items)).toEqual([ids.s4]);
    expect(idsOf((await search('q=jongeren&zinplek=true&age=14&municipality=44021')).items)).toEqual([ids.z1]);
    expect((await search('q=gezin&sector=jeugdhulp&age=5')).items).toEqual([]);
    expect((await search('directAccess=true&zinplek=true')).total).toBe(0);
  });

  it('describes a hit: organisation, sectors, municipalities, waiting time, stale flag', async () => {
    const items = (await search('limit=50')).items;
    const s2 = items.find((h) => h.id === ids.s2)!;
    expect(s2).toMatchObject({
      kind: 'service',
      organisation: { id: ids.orgA, name: 'Huis der Gezinnen Brugge' },
      sectors: [{ code: 'kind-en-gezin', nameNl: 'Kind en Gezin' }],
      municipalities: [{ nisCode: '31005', nameNl: 'Brugge' }],
      waitingDays: 30,
      waitingConfirmedOn: '2026-11-01',
      stale: false,
      directAccess: true,
    });
    expect(items.find((h) => h.id === ids.s4)!.stale).toBe(true);
    expect(items.find((h) => h.id === ids.z1)).toMatchObject({ kind: 'zinplek', municipalities: [{ nisCode: '44021' }], directAccess: false });
  });
});

describe('GET /api/directory/search: paging', () => {
  async function allPages(query: string, limit: number) {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const data = await search(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(data.items.length).toBeLessThanOrEqual(limit);
      seen.push(...idsOf(data.items));
      cursor = data.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return seen;
  }

  it('pages by keyset without duplicates or gaps, in the order of one big page', async () => {
    for (const query of ['q=', 'q=gezin', 'q=jongeren']) {
      const whole = idsOf((await search(`${query}&limit=50`)).items);
      for (const limit of [1, 2, 3]) {
        const paged = await allPages(query, limit);
        expect(paged, `${query} by ${limit}`).toEqual(whole);
      }
    }
  });

  it('over 1,000 hits: the total is capped (totalCapped), names still come first, and keyset paging has no duplicates or holes', async () => {
    const db = ctx.database.db;
    // 1,030 services with the word in the description, 40 of them with it in the name too; names repeat (the id breaks ties).
    const inserted = await db.execute(sql`insert into ${service} (organisation_id, name, description)
      select ${ids.orgB}::uuid, case when g <= 40 then 'Breedwoordpunt ' || (g % 7) else 'Dienst ' || (g % 300) end, 'Een dienst voor breedwoord.'
      from generate_series(1, 1030) g returning id`);
    const extra = (inserted as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    try {
      const first = await search('q=breedwoord&limit=50');
      expect(first).toMatchObject({ total: 1000, totalCapped: true });
      const walk = async (limit: number, capped = true) => {
        const seen: TDirectoryHit[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 100; pages += 1) {
          const data = await search(`q=breedwoord&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...data.items);
          cursor = data.nextCursor;
          if (!cursor) break;
          expect(data.totalCapped).toBe(capped);
        }
        return seen;
      };
      const paged = await walk(50);
      expect(paged).toHaveLength(1030);
      expect(new Set(idsOf(paged)).size).toBe(1030);
      // The 40 name matches first, then the rest; each part by name (then id).
      expect(paged.slice(0, 40).every((h) => h.name.startsWith('Breedwoordpunt'))).toBe(true);
      const byName = (a: TDirectoryHit, b: TDirectoryHit) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      expect(idsOf(paged.slice(40))).toEqual(idsOf([...paged.slice(40)].sort(byName)));
      expect(idsOf(paged.slice(0, 40))).toEqual(idsOf([...paged.slice(0, 40)].sort(byName)));
      // Another page size walks the same order.
      expect(idsOf(await walk(37))).toEqual(idsOf(paged));

      // Under the cap the total is exact, and paging (through the text index) is the same order.
      const few = await search('q=breedwoord&zinplek=false&sector=bestaat-niet');
      expect(few).toMatchObject({ total: 0, totalCapped: false, items: [] });
      await db.delete(service).where(inArray(service.id, extra.slice(0, 100)));
      const under = await search('q=breedwoord&limit=50');
      expect(under).toMatchObject({ total: 930, totalCapped: false });
      const underPaged = await walk(50, false);
      expect(underPaged).toHaveLength(930);
      expect(idsOf(underPaged)).toEqual(idsOf(paged).filter((id) => !extra.slice(0, 100).includes(id)));
    } finally {
      await db.delete(service).where(inArray(service.id, extra));
    }
  });

  it('keeps paging in the typo fallback on the next pages', async () => {
    const db = ctx.database.db;
    const extra = [
      await offer(ids.orgB, { name: 'Jeugdhulp thuis', description: 'Aan huis.' }),
      await offer(ids.orgB, { name: 'Jeugdhulp op school', description: 'In de klas.' }),
    ];
    try {
      const whole = await search('q=jeugdhlp&limit=50');
      expect(new Set(idsOf(whole.items))).toEqual(new Set([ids.s4, ...extra]));
      expect(whole.total).toBe(3);
      const first = await search('q=jeugdhlp&limit=2');
      expect(first.total).toBe(3);
      expect(first.nextCursor).not.toBeNull();
      const second = await search(`q=jeugdhlp&limit=2&cursor=${first.nextCursor}`);
      expect(second.total).toBe(3);
      expect(second.nextCursor).toBeNull();
      expect([...idsOf(first.items), ...idsOf(second.items)]).toEqual(idsOf(whole.items));
    } finally {
      await db.delete(service).where(inArray(service.id, extra));
    }
  });

  it('refuses a cursor it did not make', async () => {
    for (const cursor of ['nonsense', Buffer.from(JSON.stringify(['x', '00000000-0000-4000-8000-000000000000'])).toString('base64url')]) {
      const res = await ctx.app.inject({ url: `/api/directory/search?cursor=${cursor}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('query.cursor');
    }
  });
});

describe('GET /api/directory/search: bad input', () => {
  it.each([
    ['limit too high', 'limit=51', 'query.limit'],
    ['limit zero', 'limit=0', 'query.limit'],
    ['NUL byte in q', 'q=gezin%00', 'query.q'],
    ['q longer than 100 characters', `q=${'a'.repeat(101)}`, 'query.q'],
    ['municipality not a NIS code', 'municipality=abc', 'query.municipality'],
    ['age out of range', 'age=121', 'query.age'],
    ['directAccess not a boolean', 'directAccess=ja', 'query.directAccess'],
  ])('answers 400 for %s', async (_label, query, path) => {
    const res = await ctx.app.inject({ url: `/api/directory/search?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('detail pages', () => {
  it('shows a service with its organisation, locations and contact points', async () => {
    const res = await ctx.app.inject({ url: `/api/directory/services/${ids.s1}` });
    expect(res.statusCode).toBe(200);
    const { data } = ZPublicServiceResponse.parse(res.json());
    expect(data).toMatchObject({ id: ids.s1, name: 'Opvoedingsondersteuning voor gezinnen', stale: false, organisation: { id: ids.orgA } });
    expect(data.locations.map((l) => l.nisCode)).toEqual(['31005']);
    expect(data.contactPoints).toEqual([expect.objectContaining({ function: 'intake', title: 'Onthaal Brugge' })]);
  });

  it('shows a listed organisation with its active services and zinplekken only', async () => {
    const a = ZPublicOrganisationResponse.parse((await ctx.app.inject({ url: `/api/directory/organisations/${ids.orgA}` })).json()).data;
    expect(new Set(a.services.map((s) => s.id))).toEqual(new Set([ids.s1, ids.s2, ids.s5]));
    expect(a.sectors.map((s) => s.code)).toEqual(['kind-en-gezin']);
    expect(a.municipalitiesServed).toEqual([{ nisCode: '31005', nameNl: 'Brugge' }]);
    const b = ZPublicOrganisationResponse.parse((await ctx.app.inject({ url: `/api/directory/organisations/${ids.orgB}` })).json()).data;
    expect(b.zinplekken.map((z) => z.id)).toEqual([ids.z1]);
  });

  it('shows a zinplek with its location', async () => {
    const res = await ctx.app.inject({ url: `/api/directory/zinplekken/${ids.z1}` });
    expect(res.statusCode).toBe(200);
    const { data } = ZPublicZinplekResponse.parse(res.json());
    expect(data).toMatchObject({ name: 'Zinplek De Haven', organisation: { id: ids.orgB }, location: { nisCode: '44021' } });
  });

  it('answers 404 for inactive services, unlisted or archived organisations and unknown ids', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases = [
      `/api/directory/services/${ids.s3}`,
      `/api/directory/services/${ids.sC}`,
      `/api/directory/services/${ids.sD}`,
      `/api/directory/services/${unknown}`,
      `/api/directory/organisations/${ids.orgC}`,
      `/api/directory/organisations/${ids.orgD}`,
      `/api/directory/organisations/${unknown}`,
      `/api/directory/zinplekken/${ids.zD}`,
      `/api/directory/zinplekken/${unknown}`,
      `/api/directory/zinplekken/${ids.s1}`,
    ];
    for (const url of cases) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('answers 400 for malformed ids', async () => {
    for (const url of ['/api/directory/services/abc', "/api/directory/organisations/1'%20or%201=1", '/api/directory/zinplekken/%00']) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].path).toBe('params.id');
    }
  });
});

describe('GET /api/directory/facets', () => {
  it('offers the sectors, the regions with their municipalities, and the municipalities', async () => {
    const res = await ctx.app.inject({ url: '/api/directory/facets' });
    expect(res.statusCode).toBe(200);
    const { data } = ZDirectoryFacetsResponse.parse(res.json());
    expect(data.sectors.map((s) => s.code)).toContain('jeugdhulp');
    const wvl = data.regions.find((r) => r.code === 'west-vlaanderen')!;
    expect(wvl.nisCodes).toContain('31005');
    expect(wvl.nisCodes).not.toContain('44021');
    expect(data.municipalities).toContainEqual({ nisCode: '44021', nameNl: 'Gent' });
  });
});

describe('indexes', () => {
  it('the search document, the trigram names and the filters can be answered from indexes', async () => {
    const db = ctx.database.db;
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(sql`explain select s.id from service s
        where s.search_document @@ to_tsquery('public.samenplan_dutch'::regconfig, 'gezin')
           or public.directory_fold('jeugdhlp') <% s.search_name`);
      return (result as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('service_search_idx');
    expect(plan).toContain('service_search_name_trgm_idx');
  });
});

describe('query words', () => {
  it('adds the singular of Dutch plurals the stemmer keeps apart, and the last word as a prefix', () => {
    expect(singularsOf('gezinnen')).toEqual(['gezin']);
    expect(singularsOf('kinderen')).toEqual(['kind']);
    expect(singularsOf('ouders')).toEqual([]);
    expect(singularsOf('leren')).toEqual([]);
    expect(tsqueryOf(wordsOf('Gezinnen, crèche!')!)).toBe('(gezinnen | gezin) & (crèche | crèche:*)');
    expect(tsqueryOf(['gezin'], 'A')).toBe('(gezin:A | gezin:*A)');
    expect(wordsOf("  ' & | !  ")).toEqual([]);
    expect(wordsOf('   ')).toBeNull();
  });
});

describe('stale entries', () => {
  it('flags an entry once it was not confirmed for STALE_AFTER_MONTHS months (runs last: it moves the clock)', async () => {
    const before = (await search('q=creche')).items[0]!;
    expect(before.stale).toBe(false);
    ctx.clock.advance(190 * DAY);
    const after = (await search('q=creche')).items[0]!;
    expect(after).toMatchObject({ id: ids.s2, stale: true });
    const detail = ZPublicServiceResponse.parse((await ctx.app.inject({ url: `/api/directory/services/${ids.s2}` })).json()).data;
    expect(detail.stale).toBe(true);
    const org = ZPublicOrganisationResponse.parse((await ctx.app.inject({ url: `/api/directory/organisations/${ids.orgA}` })).json()).data;
    expect(org.stale).toBe(true);
  });
});
