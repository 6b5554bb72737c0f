import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { learningExchangeOffer, learningExchangeRequest, organisationSector, sector } from '../../src/server/db/schema/index.js';
import { makeUser } from '../helpers/factories.js';
import { addDays, brusselsDate } from '../../src/server/platform/clock.js';

/**
 * Exchange learning. Offers of organisation A are published, changed and withdrawn by A's
 * admins; every full session reads published ones (a withdrawn one is 404 except for A's admins);
 * anyone working in ANOTHER organisation asks for a day (A's own people: 403; callers without an
 * organisation: 403). A request of a person of B to A is known only to that person and A's admins
 * (404 for everyone else); the host's steps are A's admins', cancelling is the visitor's (403 for
 * the host). The matrix is for coordinators and platform admins.
 */

const day = (f: MatrixFixture, n: number) => addDays(brusselsDate(f.ctx.clock.now()), n);

async function sectorOfA(f: MatrixFixture): Promise<string> {
  const db = f.ctx.database.db;
  const [s] = await db.select({ id: sector.id, code: sector.code }).from(sector).orderBy(sector.position).limit(1);
  if (!s) throw new Error('no sectors');
  await db.insert(organisationSector).values({ organisationId: f.orgA, sectorId: s.id }).onConflictDoNothing();
  return s.code;
}

async function makeOffer(f: MatrixFixture, status: 'published' | 'withdrawn' = 'published'): Promise<string> {
  const code = await sectorOfA(f);
  const [row] = await f.ctx.database.db
    .insert(learningExchangeOffer)
    .values({ organisationId: f.orgA, sectorCode: code, team: `Team ${f.unique()}`, description: 'Meedraaien', dates: [day(f, 10)], visitorsPerDay: 2, status })
    .returning({ id: learningExchangeOffer.id });
  if (!row) throw new Error('offer not created');
  return row.id;
}

/** A request of a new person of organisation B to an offer of A. */
async function makeRequest(f: MatrixFixture, opts: { status?: 'requested' | 'accepted'; dayOffset?: number } = {}): Promise<string> {
  const offerId = await makeOffer(f);
  const db = f.ctx.database.db;
  const visitor = await makeUser(db, { organisationId: f.orgB, orgRoles: ['professional'] });
  const code = await sectorOfA(f);
  const [row] = await db
    .insert(learningExchangeRequest)
    .values({
      offerId, hostOrganisationId: f.orgA, hostSectorCode: code, visitorPersonId: visitor.person.id, visitorOrganisationId: f.orgB,
      day: day(f, opts.dayOffset ?? 10), motivation: 'Nieuwsgierig', status: opts.status ?? 'requested',
    })
    .returning({ id: learningExchangeRequest.id });
  if (!row) throw new Error('request not created');
  return row.id;
}

/** Only A's admins. */
const hostOnly = (status: number) => ({ ...fullSession(403), orgAdmin: status });
/** A request of B's person to A: known to A's admins only. */
const hostKnows = (status: number) => ({ ...fullSession(404), orgAdmin: status });

const R = '/api/learning/exchanges/requests';

export const rows: MatrixRow[] = [
  { route: 'GET /api/learning/exchanges/offers', expect: fullSession(200) },
  {
    route: 'POST /api/learning/exchanges/offers',
    request: async (f) => ({
      url: '/api/learning/exchanges/offers',
      payload: { organisationId: f.orgA, sector: await sectorOfA(f), team: `Team ${f.unique()}`, description: 'Meedraaien', dates: [day(f, 10)], visitorsPerDay: 1 },
    }),
    expect: hostOnly(201),
    note: 'the admin of B is 403 in the service (not their organisation)',
  },
  { route: 'GET /api/learning/exchanges/offers/:id', request: async (f) => ({ url: `/api/learning/exchanges/offers/${await makeOffer(f, 'withdrawn')}` }), expect: hostKnows(200), note: 'a withdrawn offer; a published one is 200 for every full session' },
  {
    route: 'PATCH /api/learning/exchanges/offers/:id',
    request: async (f) => ({ url: `/api/learning/exchanges/offers/${await makeOffer(f)}`, payload: { version: 1, visitorsPerDay: 3 } }),
    expect: hostOnly(200),
  },
  {
    route: 'POST /api/learning/exchanges/offers/:id/withdraw',
    request: async (f) => ({ url: `/api/learning/exchanges/offers/${await makeOffer(f)}/withdraw`, payload: { version: 1 } }),
    expect: hostOnly(200),
  },
  {
    route: 'POST /api/learning/exchanges/offers/:id/requests',
    request: async (f) => ({ url: `/api/learning/exchanges/offers/${await makeOffer(f)}/requests`, payload: { day: day(f, 10), motivation: 'Nieuwsgierig naar jullie werking' } }),
    expect: { ...fullSession(403), orgAdminOther: 201 },
    note: 'people of A cannot ask their own organisation; callers without an organisation cannot ask',
  },
  { route: 'GET /api/learning/exchanges/requests', expect: fullSession(200), note: 'my requests and those to organisations I administer' },
  { route: 'GET /api/learning/exchanges/requests/:requestId', request: async (f) => ({ url: `${R}/${await makeRequest(f)}` }), expect: hostKnows(200) },
  { route: 'POST /api/learning/exchanges/requests/:requestId/accept', request: async (f) => ({ url: `${R}/${await makeRequest(f)}/accept`, payload: { version: 1 } }), expect: hostKnows(200) },
  { route: 'POST /api/learning/exchanges/requests/:requestId/decline', request: async (f) => ({ url: `${R}/${await makeRequest(f)}/decline`, payload: { version: 1 } }), expect: hostKnows(200) },
  {
    route: 'POST /api/learning/exchanges/requests/:requestId/propose',
    request: async (f) => ({ url: `${R}/${await makeRequest(f)}/propose`, payload: { version: 1, day: day(f, 20) } }),
    expect: hostKnows(200),
  },
  {
    route: 'POST /api/learning/exchanges/requests/:requestId/cancel',
    request: async (f) => ({ url: `${R}/${await makeRequest(f)}/cancel`, payload: { version: 1 } }),
    expect: hostKnows(403),
    note: 'cancelling is the visitor\'s step (exchange.test.ts); the host sees the request but may not',
  },
  {
    route: 'PUT /api/learning/exchanges/requests/:requestId/reflection',
    request: async (f) => ({ url: `${R}/${await makeRequest(f, { status: 'accepted', dayOffset: -1 })}/reflection`, payload: { version: 1, text: 'Leerrijk bezoek.' } }),
    expect: hostKnows(200),
    note: 'the host\'s reflection after the visit day; the visitor\'s own: exchange.test.ts',
  },
  { route: 'GET /api/learning/exchanges/matrix', expect: { ...fullSession(403), coordinator: 200, platformAdmin: 200 } },
];
