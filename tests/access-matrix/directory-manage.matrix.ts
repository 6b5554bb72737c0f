import { eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { attachment, contactPoint, engagementDeclaration, location, service, zinplek } from '../../src/server/db/schema/index.js';
import { upsertRegion } from '../../src/server/db/reference-data.js';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';

/**
 * Keeping the directory (/api/directory/manage). Organisation admins keep their own organisation
 * (A); an entry of A is 404 for the admin of B; platform admins keep all; professionals and network
 * coordinators are 403. The stale list is for coordinators and platform admins (every organisation)
 * and organisation admins (their own).
 */

const M = '/api/directory/manage';
const keeper = (status: number) => ({ ...fullSession(403), orgAdminOther: 404, orgAdmin: status, platformAdmin: status });
const db = (f: MatrixFixture) => f.ctx.database.db;

async function locationInA(f: MatrixFixture) {
  const [row] = await db(f)
    .insert(location)
    .values({ organisationId: f.orgA, name: `Locatie ${f.unique()}`, street: 'Markt 1', postalCode: '8000', city: 'Brugge' })
    .returning({ id: location.id, version: location.version });
  if (!row) throw new Error('no location');
  return row;
}
async function serviceInA(f: MatrixFixture) {
  const [row] = await db(f).insert(service).values({ organisationId: f.orgA, name: `Dienst ${f.unique()}` }).returning({ id: service.id, version: service.version });
  if (!row) throw new Error('no service');
  return row;
}
async function contactPointInA(f: MatrixFixture) {
  const [row] = await db(f)
    .insert(contactPoint)
    .values({ organisationId: f.orgA, function: 'general', title: `Onthaal ${f.unique()}` })
    .returning({ id: contactPoint.id, version: contactPoint.version });
  if (!row) throw new Error('no contact point');
  return row;
}
async function zinplekInA(f: MatrixFixture) {
  const [row] = await db(f).insert(zinplek).values({ organisationId: f.orgA, name: `Zinplek ${f.unique()}` }).returning({ id: zinplek.id, version: zinplek.version });
  if (!row) throw new Error('no zinplek');
  return row;
}

function entryRows(
  path: string,
  make: (f: MatrixFixture) => Promise<{ id: string; version: number }>,
  create: (f: MatrixFixture) => Record<string, unknown>,
  change: Record<string, unknown>,
): MatrixRow[] {
  return [
    { route: `GET ${M}/organisations/:organisationId/${path}`, request: (f) => ({ url: `${M}/organisations/${f.orgA}/${path}` }), expect: keeper(200) },
    { route: `POST ${M}/organisations/:organisationId/${path}`, request: (f) => ({ url: `${M}/organisations/${f.orgA}/${path}`, payload: create(f) }), expect: keeper(201) },
    { route: `GET ${M}/${path}/:id`, request: async (f) => ({ url: `${M}/${path}/${(await make(f)).id}` }), expect: keeper(200) },
    {
      route: `PATCH ${M}/${path}/:id`,
      request: async (f) => {
        const e = await make(f);
        return { url: `${M}/${path}/${e.id}`, payload: { version: e.version, ...change } };
      },
      expect: keeper(200),
    },
    { route: `DELETE ${M}/${path}/:id`, request: async (f) => ({ url: `${M}/${path}/${(await make(f)).id}` }), expect: keeper(204) },
    { route: `POST ${M}/${path}/:id/confirm`, request: async (f) => ({ url: `${M}/${path}/${(await make(f)).id}/confirm` }), expect: keeper(200) },
  ];
}

/** A new 1G1P region (an organisation has one declaration per region at most). */
const networkRegion = (f: MatrixFixture) => upsertRegion(db(f), { code: `netwerk-${f.unique()}`, name: `Netwerk ${f.unique()}`, kind: 'network' }, []);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
async function declarationInA(f: MatrixFixture, withDocument = false) {
  const regionId = await networkRegion(f);
  const [row] = await db(f)
    .insert(engagementDeclaration)
    .values({ organisationId: f.orgA, regionId, status: 'under_consideration' })
    .returning({ id: engagementDeclaration.id, version: engagementDeclaration.version });
  if (!row) throw new Error('no declaration');
  if (withDocument) {
    const [doc] = await db(f)
      .insert(attachment)
      .values({ resourceType: 'engagement_declaration', resourceId: row.id, fileName: 'verklaring.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), content: PDF })
      .returning({ id: attachment.id });
    await db(f).update(engagementDeclaration).set({ attachmentId: doc!.id }).where(eq(engagementDeclaration.id, row.id));
  }
  return row;
}
/** Readers of a declaration: its keepers, and the coordinators of its region (the matrix's coordinator has every region). */
const reader = (status: number) => ({ ...keeper(status), coordinator: status });

async function organisationVersion(f: MatrixFixture) {
  return f.organisationVersion(f.orgA);
}

export const rows: MatrixRow[] = [
  { route: `GET ${M}/organisations/:organisationId`, request: (f) => ({ url: `${M}/organisations/${f.orgA}` }), expect: keeper(200) },
  {
    route: `PATCH ${M}/organisations/:organisationId`,
    request: async (f) => ({ url: `${M}/organisations/${f.orgA}`, payload: { version: await organisationVersion(f), description: 'Wij helpen gezinnen.' } }),
    expect: keeper(200),
  },
  { route: `POST ${M}/organisations/:organisationId/confirm`, request: (f) => ({ url: `${M}/organisations/${f.orgA}/confirm` }), expect: keeper(200) },
  { route: `POST ${M}/organisations/:organisationId/confirm-all`, request: (f) => ({ url: `${M}/organisations/${f.orgA}/confirm-all` }), expect: keeper(200) },
  ...entryRows('locations', locationInA, (f) => ({ name: `Locatie ${f.unique()}`, street: 'Markt 1', postalCode: '8000', city: 'Brugge' }), { city: 'Brugge' }),
  ...entryRows('services', serviceInA, (f) => ({ name: `Dienst ${f.unique()}` }), { cost: 'Gratis' }),
  ...entryRows('contact-points', contactPointInA, (f) => ({ function: 'intake', title: `Onthaal ${f.unique()}` }), { title: 'Onthaal' }),
  ...entryRows('zinplekken', zinplekInA, (f) => ({ name: `Zinplek ${f.unique()}` }), { places: 10 }),
  // Engagement declarations (engagement.test.ts has the coordinator of another region: 404).
  { route: `GET ${M}/organisations/:organisationId/engagements`, request: (f) => ({ url: `${M}/organisations/${f.orgA}/engagements` }), expect: keeper(200) },
  {
    route: `POST ${M}/organisations/:organisationId/engagements`,
    request: async (f) => ({ url: `${M}/organisations/${f.orgA}/engagements`, payload: { regionId: await networkRegion(f), status: 'under_consideration' } }),
    expect: keeper(201),
  },
  { route: `GET ${M}/engagements/:id`, request: async (f) => ({ url: `${M}/engagements/${(await declarationInA(f)).id}` }), expect: reader(200) },
  {
    route: `PATCH ${M}/engagements/:id`,
    request: async (f) => {
      const d = await declarationInA(f);
      return { url: `${M}/engagements/${d.id}`, payload: { version: d.version, note: 'Besproken' } };
    },
    expect: keeper(200),
  },
  { route: `DELETE ${M}/engagements/:id`, request: async (f) => ({ url: `${M}/engagements/${(await declarationInA(f)).id}` }), expect: keeper(204) },
  {
    route: `PUT ${M}/engagements/:id/document`,
    request: async (f) => {
      const d = await declarationInA(f);
      return { url: `${M}/engagements/${d.id}/document`, payload: { version: d.version, fileName: 'verklaring.pdf', content: PDF.toString('base64') } };
    },
    expect: keeper(200),
  },
  { route: `GET ${M}/engagements/:id/document`, request: async (f) => ({ url: `${M}/engagements/${(await declarationInA(f, true)).id}/document` }), expect: reader(200) },
  {
    route: `GET ${M}/regions/:regionId/engagements`,
    request: async (f) => ({ url: `${M}/regions/${await networkRegion(f)}/engagements` }),
    note: 'coordinators of the region and platform admins; a coordinator of another region gets 404 (engagement.test.ts)',
    expect: { ...fullSession(403), coordinator: 200, platformAdmin: 200 },
  },
  {
    route: `GET ${M}/stale`,
    note: 'coordinators and platform admins see every organisation, organisation admins their own (manage.test.ts)',
    expect: { ...fullSession(403), orgAdminOther: 200, orgAdmin: 200, coordinator: 200, platformAdmin: 200 },
  },
];

