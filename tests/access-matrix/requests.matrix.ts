import { familyRequest } from '../../src/server/db/schema/index.js';
import { brusselsDate } from '../../src/server/platform/clock.js';
import { oneMonthAfter } from '../../src/shared/schemas/families/requests.js';
import type { TRequestStatus } from '../../src/shared/schemas/families/enums.js';
import { testRegion } from '../helpers/families.js';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';

/**
 * Requests (aanmeldingen). The matrix's coordinator coordinates every region, so they reach each
 * request; everyone else is no coordinator and not the family's contact person: 404 on a request,
 * 403 on the coordinator's routes, an empty list (200) on the board. Contact persons and
 * coordinators of another region are covered in requests.test.ts.
 */

/** A request of the test region in the given status (no family, no contact person), inserted directly. */
async function requestIn(f: MatrixFixture, status: TRequestStatus): Promise<{ id: string; version: number }> {
  const db = f.ctx.database.db;
  const regionId = await testRegion(db);
  const today = brusselsDate(f.ctx.clock.now());
  const [row] = await db
    .insert(familyRequest)
    .values({
      regionId, municipalityNis: '31005', receivedOn: today, dueOn: oneMonthAfter(today), channel: 'self', familyName: `Gezin ${f.unique()}`,
      question: 'Een vraag', status, ...(status === 'first_contact' ? { firstContactOn: today } : {}),
    })
    .returning({ id: familyRequest.id, version: familyRequest.version });
  if (!row) throw new Error('request not created');
  return row;
}

const coordinatorOnly = { ...fullSession(403), coordinator: 200 };
const coordinatorReaches = { ...fullSession(404), coordinator: 200 };

export const rows: MatrixRow[] = [
  { route: 'GET /api/families/life-domains', expect: fullSession(200) },
  { route: 'GET /api/requests', expect: fullSession(200), note: 'filtered in the query: only the requests the caller may see' },
  { route: 'GET /api/requests/counts', expect: coordinatorOnly },
  { route: 'GET /api/requests/contact-candidates', request: () => ({ url: '/api/requests/contact-candidates?q=Test' }), expect: coordinatorOnly },
  {
    route: 'POST /api/requests',
    request: async (f) => {
      await testRegion(f.ctx.database.db); // the network region of Brugge
      const today = brusselsDate(f.ctx.clock.now());
      return { url: '/api/requests', payload: { receivedOn: today, channel: 'self', familyName: `Gezin ${f.unique()}`, question: 'Een vraag', municipalityNis: '31005' } };
    },
    expect: { ...coordinatorOnly, coordinator: 201 },
  },
  {
    route: 'GET /api/requests/:id',
    request: async (f) => ({ url: `/api/requests/${(await requestIn(f, 'received')).id}` }),
    expect: coordinatorReaches,
  },
  {
    route: 'POST /api/requests/:id/triage',
    request: async (f) => {
      const r = await requestIn(f, 'received');
      return { url: `/api/requests/${r.id}/triage`, payload: { version: r.version } };
    },
    expect: coordinatorReaches,
  },
  {
    route: 'POST /api/requests/:id/assign-contact',
    request: async (f) => {
      const r = await requestIn(f, 'triage');
      const { personId } = await f.makePersonInA();
      return { url: `/api/requests/${r.id}/assign-contact`, payload: { version: r.version, personId, organisationId: f.orgA } };
    },
    expect: coordinatorReaches,
  },
  {
    route: 'POST /api/requests/:id/first-contact',
    request: async (f) => {
      const r = await requestIn(f, 'contact_assigned');
      return { url: `/api/requests/${r.id}/first-contact`, payload: { version: r.version, on: brusselsDate(f.ctx.clock.now()) } };
    },
    expect: coordinatorReaches,
  },
  {
    route: 'POST /api/requests/:id/answer',
    request: async (f) => {
      const r = await requestIn(f, 'first_contact');
      return { url: `/api/requests/${r.id}/answer`, payload: { version: r.version, outcome: 'advice_only' } };
    },
    expect: coordinatorReaches,
  },
];
