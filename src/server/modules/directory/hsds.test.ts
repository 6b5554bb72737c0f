import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { cliEnv, runCli } from '../../../../tests/helpers/cli.js';
import { DIR, seedDirectory } from '../../../../tests/helpers/directory.js';
import { freshDatabase } from '../../../../tests/helpers/database.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { prepareDatabase } from '../../db/migrate.js';
import { location, organisation, service, zinplek } from '../../db/schema/index.js';
import {
  ZHsdsOrganization,
  ZHsdsOrganizationPage,
  ZHsdsService,
  ZHsdsServiceAtLocationPage,
  ZHsdsServicePage,
  type THsdsDataset,
} from '../../../shared/schemas/directory/hsds.js';
import { createHsdsService } from './hsds.service.js';
import { importHsdsDataset } from './hsds.import.js';
import { hsdsValidators } from './hsds.validate.js';
import { fromTabular, toTabular } from './hsds.tabular.js';

let ctx: TestContext;
let dataset: THsdsDataset;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDirectory(ctx.database.db);
  dataset = await createHsdsService(ctx.database.db).dataset();
});
afterAll(() => ctx.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const NOW = new Date('2026-11-20T12:00:00.000Z');

describe('HSDS export API (public)', () => {
  it('lists only published organisations, paged per the HSDS API reference; every record is valid HSDS 3', async () => {
    const res = await get('/api/hsds/organizations?per_page=1&full=true');
    expect(res.statusCode).toBe(200);
    const page = ZHsdsOrganizationPage.parse(res.json());
    expect(page).toMatchObject({ total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false });
    expect(page.contents[0]!.id).toBe(DIR.cgg);
    const second = ZHsdsOrganizationPage.parse((await get('/api/hsds/organizations?per_page=1&page=2')).json());
    expect(second.contents.map((o) => o.id)).toEqual([DIR.caw]);
    expect(second).toMatchObject({ last_page: true, first_page: false });
    expect(second.contents[0]!.locations).toBeUndefined(); // not nested without full=true
    const beyond = ZHsdsOrganizationPage.parse((await get('/api/hsds/organizations?page=9')).json());
    expect(beyond).toMatchObject({ empty: true, size: 0, total_items: 2 });

    const { organization } = hsdsValidators();
    for (const o of [...page.contents, ...second.contents]) expect(organization(o), JSON.stringify(organization.errors)).toBe(true);
  });

  it('nests what the directory knows: sectors, municipalities, region and flags as attributes; locations with address and NIS; contacts with function', async () => {
    const res = await get(`/api/hsds/organizations/${DIR.cgg}`);
    expect(res.statusCode).toBe(200);
    const org = ZHsdsOrganization.parse(res.json());
    expect(org).toMatchObject({ name: 'CGG Kust en Polders', website: 'https://cgg-kust.example.be', phones: [{ number: '050 11 22 33' }] });
    const terms = org.attributes!.map((a) => `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code}`);
    expect(terms).toEqual(
      expect.arrayContaining(['samenplan-sector:ggz', 'samenplan-sector:jeugdhulp', 'be-nis-municipality:31005', 'samenplan-region:west-vlaanderen', 'samenplan-flag:direct_access', 'samenplan-flag:broad_entry_point']),
    );
    expect(terms).not.toContain('samenplan-flag:mandated');
    const brugge = org.locations!.find((l) => l.id === DIR.brugge)!;
    expect(brugge).toMatchObject({ latitude: 51.2093, external_identifier: '31005', external_identifier_type: 'nis' });
    expect(brugge.addresses[0]).toMatchObject({ address_1: 'Langestraat 12', postal_code: '8000', city: 'Brugge', state_province: 'West-Vlaanderen', country: 'BE' });
    expect(org.contacts!.map((c) => c.title).sort()).toEqual(['Onderwijsambassadeur', 'Onthaal gezinstherapie']);
  });

  it('exports services and zinplekken (flagged) with languages, ages, waiting time and locations; filters by organisation and modification time', async () => {
    const all = ZHsdsServicePage.parse((await get('/api/hsds/services?full=true&per_page=200')).json());
    expect(all.contents.map((s) => s.id).sort()).toEqual([DIR.therapy, DIR.oldGroup, DIR.onthaal, DIR.zinplek].sort());
    const therapy = all.contents.find((s) => s.id === DIR.therapy)!;
    expect(therapy).toMatchObject({ minimum_age: 0, maximum_age: 18, wait_time: '63 dagen', assured_date: '2026-10-15', last_modified: '2026-10-15T09:30:00.123Z', status: 'active' });
    expect(therapy.languages!.map((l) => `${l.code}:${l.name}`)).toEqual(['nl:Nederlands', 'fr:Frans', 'ar:Arabisch']);
    expect(therapy.service_at_locations!.map((s) => s.location_id).sort()).toEqual([DIR.brugge, DIR.oostende].sort());
    expect(therapy.service_at_locations![0]!.location!.addresses).toHaveLength(1);
    expect(therapy.contacts!.map((c) => c.id)).toEqual([DIR.intake]);
    const zin = all.contents.find((s) => s.id === DIR.zinplek)!;
    expect(zin.attributes!.map((a) => a.taxonomy_term.code)).toContain('zinplek');
    expect(all.contents.find((s) => s.id === DIR.oldGroup)!.status).toBe('inactive');
    const { service: validService } = hsdsValidators();
    for (const s of all.contents) expect(validService(s), JSON.stringify(validService.errors)).toBe(true);

    const ofCaw = ZHsdsServicePage.parse((await get(`/api/hsds/services?organization_id=${DIR.caw}`)).json());
    expect(ofCaw.contents.map((s) => s.id)).toEqual([DIR.onthaal]);
    const recent = ZHsdsServicePage.parse((await get('/api/hsds/services?modified_after=2026-10-01T00:00:00Z')).json());
    expect(recent.contents.map((s) => s.id).sort()).toEqual([DIR.therapy, DIR.onthaal].sort());

    const detail = await get(`/api/hsds/services/${DIR.zinplek}`);
    expect(ZHsdsService.parse(detail.json()).service_at_locations!.map((s) => s.location_id)).toEqual([DIR.oostende]);
    const links = ZHsdsServiceAtLocationPage.parse((await get(`/api/hsds/service_at_locations?organization_id=${DIR.cgg}`)).json());
    expect(links.total_items).toBe(3); // therapy × 2 + the zinplek
  });

  it('never shows unlisted or archived organisations or their services; unknown ids are 404', async () => {
    for (const url of [`/api/hsds/organizations/${DIR.unlisted}`, `/api/hsds/organizations/${DIR.archived}`, `/api/hsds/services/${DIR.hidden}`, `/api/hsds/services/${DIR.archivedService}`, `/api/hsds/services/${DIR.brugge}`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const byHidden = ZHsdsServicePage.parse((await get(`/api/hsds/services?organization_id=${DIR.unlisted}`)).json());
    expect(byHidden.total_items).toBe(0);
  });

  it('refuses bad paging and filters with 400', async () => {
    for (const url of [
      '/api/hsds/organizations?per_page=201',
      '/api/hsds/organizations?page=0',
      '/api/hsds/organizations?page=99999999999',
      '/api/hsds/services?organization_id=nope',
      '/api/hsds/services?modified_after=yesterday',
      '/api/hsds/organizations/not-a-uuid',
      '/api/hsds/services?full=maybe',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});

describe('HSDS import', () => {
  it('export → import into an empty database → export gives the same document; importing again changes nothing', async () => {
    const empty = await freshDatabase();
    try {
      await prepareDatabase(empty);
      const report = await importHsdsDataset(empty.db, dataset, { now: NOW, actorLabel: 'test' });
      expect(report).toEqual({ organizations: 2, services: 3, zinplekken: 1, rejected: [], dryRun: false, allOrNothing: false, refused: false });
      expect(await createHsdsService(empty.db).dataset()).toEqual(dataset);
      await expectAudited(empty.db, 'directory.hsds.import', { actorLabel: 'test', details: expect.objectContaining({ organizations: 2, rejected: 0 }) });

      const [before] = await empty.db.select({ version: organisation.version }).from(organisation).where(eq(organisation.id, DIR.cgg));
      const again = await importHsdsDataset(empty.db, dataset, { now: NOW, actorLabel: 'test' });
      expect(again.rejected).toEqual([]);
      expect(await createHsdsService(empty.db).dataset()).toEqual(dataset);
      const [after] = await empty.db.select({ version: organisation.version }).from(organisation).where(eq(organisation.id, DIR.cgg));
      expect(after!.version).toBe(before!.version + 1);
    } finally {
      await empty.close();
    }
  });

  it('reports each rejected record with its reason, leaves it and what depends on it out, and imports the rest', async () => {
    const empty = await freshDatabase();
    try {
      await prepareDatabase(empty);
      const bad: THsdsDataset = structuredClone(dataset);
      const cgg = bad.organizations.find((o) => o.id === DIR.cgg)!;
      cgg.locations![0]!.addresses[0]!.postal_code = 'SW1A 1AA';
      const caw = bad.organizations.find((o) => o.id === DIR.caw)!;
      caw.description = 'Onthaal\u0000met NUL';
      bad.organizations.push({ id: 'not-a-uuid', name: 'Zonder geldige id', description: '' } as never);
      bad.organizations.push({ id: '10000000-0000-4000-8000-0000000000aa', name: 'Onbekende sector', description: '', attributes: [{ ...cgg.attributes![0]!, taxonomy_term: { ...cgg.attributes![0]!.taxonomy_term, code: 'astrologie' } }] });
      bad.organizations.push({ id: '10000000-0000-4000-8000-0000000000bb', name: 'Goede nieuwe vzw', description: 'Deze mag erin.' });
      bad.services.push({ ...bad.services[0]!, id: '30000000-0000-4000-8000-0000000000cc', organization_id: '10000000-0000-4000-8000-0000000000bb', minimum_age: 19, maximum_age: 12, service_at_locations: [] });
      const report = await importHsdsDataset(empty.db, bad, { now: NOW, actorLabel: 'test' });
      const reasons = Object.fromEntries(report.rejected.map((r) => [r.id ?? `#${r.index}`, r.reasonEn]));
      // Each reason has a stable code, the Dutch text (`reason`) and the English (`reasonEn`).
      const byId = Object.fromEntries(report.rejected.map((r) => [r.id ?? `#${r.index}`, r]));
      expect(byId[DIR.cgg]).toMatchObject({ code: 'bad_postal_code', reason: expect.stringMatching(/postcode "SW1A 1AA" is geen Belgische postcode/) });
      expect(byId[DIR.caw]).toMatchObject({ code: 'control_characters', reason: expect.stringMatching(/bevat stuurtekens/) });
      expect(byId['not-a-uuid']).toMatchObject({ code: 'schema', reason: expect.stringMatching(/^Voldoet niet aan het HSDS 3-schema: \/id heeft niet het formaat "uuid"/) });
      expect(byId['10000000-0000-4000-8000-0000000000aa']).toMatchObject({ code: 'unknown_sector', reason: 'onbekende sector "astrologie"' });
      expect(byId['30000000-0000-4000-8000-0000000000cc']).toMatchObject({ code: 'ages_reversed', reason: 'minimum_age 19 is hoger dan maximum_age 12' });
      expect(byId[DIR.therapy]).toMatchObject({ code: 'organization_rejected', reason: `haar organisatie ${DIR.cgg} werd geweigerd` });
      expect(reasons[DIR.cgg]).toMatch(/postal code "SW1A 1AA"/);
      expect(reasons[DIR.caw]).toMatch(/control characters/);
      expect(reasons['not-a-uuid']).toMatch(/HSDS 3 schema: \/id must match format "uuid"/);
      expect(reasons['10000000-0000-4000-8000-0000000000aa']).toMatch(/unknown sector "astrologie"/);
      expect(reasons['30000000-0000-4000-8000-0000000000cc']).toMatch(/minimum_age 19 is above maximum_age 12/);
      // Every service of the rejected organisations is rejected too, with the reason.
      for (const id of [DIR.therapy, DIR.oldGroup, DIR.zinplek, DIR.onthaal]) expect(reasons[id]).toMatch(/was rejected/);
      expect(report).toMatchObject({ organizations: 1, services: 0, zinplekken: 0, dryRun: false });
      const orgs = await empty.db.select({ id: organisation.id }).from(organisation);
      expect(orgs.map((o) => o.id)).toEqual(['10000000-0000-4000-8000-0000000000bb']);
      expect(await empty.db.select().from(location)).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('a contact naming a service that is neither in the dataset nor in the directory (or is another organisation\'s) is a rejection, not a database error', async () => {
    const empty = await freshDatabase();
    try {
      await prepareDatabase(empty);
      const bad: THsdsDataset = structuredClone(dataset);
      const missing = '30000000-0000-4000-8000-0000000000ee';
      const cgg = bad.organizations.find((o) => o.id === DIR.cgg)!;
      cgg.contacts![0]!.service_id = missing;
      // A service whose own contact names another organisation's service.
      const onthaal = bad.services.find((s) => s.id === DIR.onthaal)!;
      onthaal.contacts = [{ id: '40000000-0000-4000-8000-0000000000ee', service_id: DIR.therapy, title: 'Verkeerde dienst' }] as never;
      const report = await importHsdsDataset(empty.db, bad, { now: NOW, actorLabel: 'test' });
      const byId = Object.fromEntries(report.rejected.map((r) => [r.id, r]));
      expect(byId[DIR.cgg]).toMatchObject({
        entity: 'organization',
        code: 'service_missing',
        reason: `contact ${cgg.contacts![0]!.id} verwijst naar dienst ${missing}, die geen dienst van haar organisatie is in de dataset of in de sociale kaart`,
        reasonEn: expect.stringMatching(new RegExp(`names service ${missing}, which is neither a service of its organization`)),
      });
      // The services of the rejected organisation go with it.
      for (const id of [DIR.therapy, DIR.oldGroup, DIR.zinplek]) expect(byId[id]).toMatchObject({ code: 'organization_rejected' });
      expect(byId[DIR.onthaal]).toMatchObject({ entity: 'service', code: 'service_missing', reason: expect.stringMatching(/verwijst naar dienst/) });
      expect(report).toMatchObject({ organizations: 1, services: 0, zinplekken: 0, refused: false });
      expect((await empty.db.select({ id: organisation.id }).from(organisation)).map((o) => o.id)).toEqual([DIR.caw]);
      expect(await empty.db.select({ id: service.id }).from(service)).toEqual([]);

      // A service already in the directory may be named; all-or-nothing refuses the bad one whole.
      const ok = await importHsdsDataset(empty.db, dataset, { now: NOW, actorLabel: 'test' });
      expect(ok.rejected).toEqual([]);
      const again: THsdsDataset = structuredClone(dataset);
      again.services = [];
      expect((await importHsdsDataset(empty.db, again, { now: NOW, actorLabel: 'test' })).rejected).toEqual([]);
      const refused = await importHsdsDataset(empty.db, bad, { now: NOW, actorLabel: 'test', allOrNothing: true });
      expect(refused).toMatchObject({ refused: true, organizations: 0 });
      expect(refused.rejected.map((r) => r.code)).toContain('service_missing');
    } finally {
      await empty.close();
    }
  });

  it('all-or-nothing: one rejected record and nothing is written, every rejection is reported; a clean dataset is written whole', async () => {
    const empty = await freshDatabase();
    try {
      await prepareDatabase(empty);
      const bad: THsdsDataset = structuredClone(dataset);
      bad.organizations.push({ id: '10000000-0000-4000-8000-0000000000bb', name: 'Goede nieuwe vzw', description: 'Deze mag er niet in: alles of niets.' });
      bad.services.push({ ...bad.services[0]!, id: '30000000-0000-4000-8000-0000000000cc', organization_id: '10000000-0000-4000-8000-0000000000bb', minimum_age: 19, maximum_age: 12, service_at_locations: [] });
      bad.services.push({ ...bad.services[0]!, id: '30000000-0000-4000-8000-0000000000dd', organization_id: '10000000-0000-4000-8000-0000000000bb', name: 'Naam met\u0000NUL', service_at_locations: [] });

      // A dry run with all-or-nothing says what the real one would do: refuse.
      const dry = await importHsdsDataset(empty.db, bad, { now: NOW, actorLabel: 'test', dryRun: true, allOrNothing: true });
      expect(dry).toMatchObject({ organizations: 0, services: 0, zinplekken: 0, dryRun: true, allOrNothing: true, refused: true });
      expect(dry.rejected.map((r) => r.id)).toEqual(['30000000-0000-4000-8000-0000000000cc', '30000000-0000-4000-8000-0000000000dd']);

      const refused = await importHsdsDataset(empty.db, bad, { now: NOW, actorLabel: 'test', allOrNothing: true });
      expect(refused).toMatchObject({ organizations: 0, services: 0, zinplekken: 0, dryRun: true, allOrNothing: true, refused: true });
      expect(refused.rejected).toHaveLength(2);
      expect(await empty.db.select({ id: organisation.id }).from(organisation)).toEqual([]);
      expect(await empty.db.select({ id: service.id }).from(service)).toEqual([]);
      await expectAudited(empty.db, 'directory.hsds.import', { actorLabel: 'test', outcome: 'failed', reason: 'all_or_nothing', details: expect.objectContaining({ rejected: 2 }) });

      const whole = await importHsdsDataset(empty.db, dataset, { now: NOW, actorLabel: 'test', allOrNothing: true });
      expect(whole).toEqual({ organizations: 2, services: 3, zinplekken: 1, rejected: [], dryRun: false, allOrNothing: true, refused: false });
      expect(await createHsdsService(empty.db).dataset()).toEqual(dataset);

      // A rejection found only while writing (another organisation's name) refuses the whole import too.
      const clash = await importHsdsDataset(
        empty.db,
        { hsds_version: '3.0', organizations: [{ id: '10000000-0000-4000-8000-0000000000ee', name: 'Nieuw en goed', description: '' }, { id: '10000000-0000-4000-8000-0000000000ff', name: dataset.organizations[0]!.name.toUpperCase(), description: '' }], services: [] },
        { now: NOW, actorLabel: 'test', allOrNothing: true },
      );
      expect(clash).toMatchObject({ refused: true, organizations: 0, rejected: [{ id: '10000000-0000-4000-8000-0000000000ff', code: 'name_taken', reasonEn: expect.stringMatching(/another organisation already has the name/) }] });
      expect(await empty.db.select({ id: organisation.id }).from(organisation)).toHaveLength(2);
    } finally {
      await empty.close();
    }
  });

  it('a dry run writes nothing; a name or id of another organisation is refused; something not a dataset is one clear rejection', async () => {
    const db = ctx.database.db;
    const dry = await importHsdsDataset(db, { ...dataset, organizations: [{ ...dataset.organizations[0]!, description: 'Droog' }] }, { now: NOW, actorLabel: 'test', dryRun: true });
    expect(dry).toMatchObject({ organizations: 1, dryRun: true, rejected: [] });
    const [cgg] = await db.select({ description: organisation.description }).from(organisation).where(eq(organisation.id, DIR.cgg));
    expect(cgg!.description).not.toBe('Droog');

    const takeover = await importHsdsDataset(
      db,
      { hsds_version: '3.0', organizations: [{ id: '10000000-0000-4000-8000-0000000000dd', name: 'cgg kust en polders', description: '' }], services: [{ ...dataset.services.find((s) => s.id === DIR.onthaal)!, organization_id: DIR.cgg }] },
      { now: NOW, actorLabel: 'test' },
    );
    expect(takeover.rejected.map((r) => r.reasonEn)).toEqual(['another organisation already has the name "cgg kust en polders"', 'a record with this id belongs to another organisation']);
    expect(takeover.rejected.map((r) => [r.code, r.reason])).toEqual([
      ['name_taken', 'een andere organisatie heeft al de naam "cgg kust en polders"'],
      ['other_organization', 'een record met deze id hoort bij een andere organisatie'],
    ]);
    const [onthaal] = await db.select({ organisationId: service.organisationId }).from(service).where(eq(service.id, DIR.onthaal));
    expect(onthaal!.organisationId).toBe(DIR.caw);

    const notADataset = await importHsdsDataset(db, [1, 2, 3], { now: NOW, actorLabel: 'test' });
    expect(notADataset).toMatchObject({ organizations: 0, dryRun: true, rejected: [{ entity: 'dataset', code: 'not_a_dataset', reason: expect.stringMatching(/geen HSDS-dataset/) }] });
    expect(await db.select({ id: zinplek.id }).from(zinplek)).toHaveLength(1);
  });

  it('the tabular CSV package: export → import into an empty database → export gives the same document; formulas neutralised and restored', async () => {
    const files = toTabular(dataset);
    expect([...files.keys()].sort()).toEqual(
      ['addresses.csv', 'attributes.csv', 'contacts.csv', 'datapackage.json', 'languages.csv', 'locations.csv', 'organizations.csv', 'phones.csv', 'service_at_location.csv', 'services.csv', 'taxonomy_terms.csv'].sort(),
    );
    const empty = await freshDatabase();
    try {
      await prepareDatabase(empty);
      const report = await importHsdsDataset(empty.db, fromTabular(files), { now: NOW, actorLabel: 'test' });
      expect(report).toEqual({ organizations: 2, services: 3, zinplekken: 1, rejected: [], dryRun: false, allOrNothing: false, refused: false });
      expect(await createHsdsService(empty.db).dataset()).toEqual(dataset);
    } finally {
      await empty.close();
    }

    const tricky: THsdsDataset = structuredClone(dataset);
    const org = tricky.organizations[0]!;
    org.name = '=HYPERLINK("http://evil.example","klik")';
    org.description = "'=al met apostrof";
    org.phones = [{ ...org.phones![0]!, number: '+32 50 11 22 33' }];
    const csv = toTabular(tricky);
    expect(csv.get('organizations.csv')).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csv.get('phones.csv')).toContain("'+32 50 11 22 33");
    const back = fromTabular(csv);
    expect(back.organizations[0]).toMatchObject({ name: org.name, description: org.description, phones: [expect.objectContaining({ number: '+32 50 11 22 33' })] });
    expect(() => fromTabular(new Map([['readme.txt', 'hallo']]))).toThrow(/Not an HSDS tabular package/);
    expect(() => fromTabular(new Map([['organizations.csv', 'id,name\r\n"a,b']]))).toThrow(/organizations.csv is not valid CSV/);
  });

  it('CLI: import hsds into an empty database, then export hsds writes the same document; a bad file changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenplan-hsds-'));
    const input = join(dir, 'in.json');
    const output = join(dir, 'out.json');
    writeFileSync(input, JSON.stringify(dataset));
    const env = await cliEnv();
    const dry = await runCli(['import', 'hsds', '--dry-run', input], env);
    expect(dry.stdout, dry.stderr).toMatch(/Dry run: would import 2 organizations, 3 services, 1 zinplekken/);
    const imported = await runCli(['import', 'hsds', input], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported 2 organizations, 3 services, 1 zinplekken/);
    const exported = await runCli(['export', 'hsds', output], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual(dataset);

    const tabular = join(dir, 'tabular');
    const exportedCsv = await runCli(['export', 'hsds', '--tabular', tabular], env);
    expect(exportedCsv.stdout, exportedCsv.stderr).toMatch(/tabular package written/);
    expect(readFileSync(join(tabular, 'services.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,organization_id,program_id,name,/);
    const dryCsv = await runCli(['import', 'hsds', '--dry-run', tabular], env);
    expect(dryCsv.stdout, dryCsv.stderr).toMatch(/Dry run: would import 2 organizations, 3 services, 1 zinplekken/);

    writeFileSync(input, '{"organizations": [');
    const broken = await runCli(['import', 'hsds', input], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/is not valid JSON/);
    const rejected = { ...dataset, organizations: [{ ...dataset.organizations[1]!, name: 'X' }] };
    writeFileSync(input, JSON.stringify(rejected));
    const partial = await runCli(['import', 'hsds', input], env);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/rejected organization #0 \(10000000-0000-4000-8000-000000000002\): the name needs at least 2 characters/);

    // --all-or-nothing: one rejected record and nothing at all is written.
    const mixed = { ...dataset, organizations: [{ ...dataset.organizations[0]!, description: 'Alles of niets' }, { ...dataset.organizations[1]!, name: 'X' }] };
    writeFileSync(input, JSON.stringify(mixed));
    const strict = await runCli(['import', 'hsds', '--all-or-nothing', input], env);
    expect(strict.code, strict.stderr).toBe(2);
    expect(strict.stdout).toMatch(/All or nothing: refused, \d+ records rejected; nothing was written/);
    expect(strict.stderr).toMatch(/rejected organization #1 \(10000000-0000-4000-8000-000000000002\): the name needs at least 2 characters/);
    const unchanged = await runCli(['export', 'hsds', output], env);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    const after = JSON.parse(readFileSync(output, 'utf8')) as THsdsDataset;
    expect(after.organizations.map((o) => o.description)).not.toContain('Alles of niets');
  }, 300_000);
});
