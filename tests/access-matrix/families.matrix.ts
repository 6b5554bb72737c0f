import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { makeFamily, testRegion } from '../helpers/families.js';

/**
 * The family core in the generic matrix. None of the generic actors is on a family's team, so
 * every family route answers 404 to each of them (coordinators and platform admins included);
 * "my families" is an empty 200 list. Who DOES get a family's data is the family access matrix
 * (families.consent-matrix.ts, run by families.consent-matrix.test.ts).
 */
const family = async (f: MatrixFixture) => (await makeFamily(f.ctx.database.db, { regionId: await testRegion(f.ctx.database.db) })).family.id;
const nobody = fullSession(404);
const id = '00000000-0000-4000-8000-000000000001';

export const rows: MatrixRow[] = [
  { route: 'GET /api/families', expect: fullSession(200) },
  { route: 'GET /api/work', note: 'my work: only families whose file the caller may open; none here', expect: fullSession(200) },
  { route: 'GET /api/families/:id', request: async (f) => ({ url: `/api/families/${await family(f)}` }), expect: nobody },
  { route: 'GET /api/families/:id/history', request: async (f) => ({ url: `/api/families/${await family(f)}/history` }), expect: nobody },
  { route: 'GET /api/families/:id/candidates', request: async (f) => ({ url: `/api/families/${await family(f)}/candidates?q=a` }), expect: nobody },
  { route: 'POST /api/families/:id/members', request: async (f) => ({ url: `/api/families/${await family(f)}/members`, payload: { role: 'other', name: 'Oom' } }), expect: nobody },
  { route: 'PATCH /api/families/:id/members/:memberId', request: async (f) => ({ url: `/api/families/${await family(f)}/members/${id}`, payload: { version: 1, name: 'X' } }), expect: nobody },
  { route: 'POST /api/families/:id/members/:memberId/end', request: async (f) => ({ url: `/api/families/${await family(f)}/members/${id}/end`, payload: { version: 1 } }), expect: nobody },
  { route: 'POST /api/families/:id/network', request: async (f) => ({ url: `/api/families/${await family(f)}/network`, payload: { name: 'Oma', relation: 'grootmoeder' } }), expect: nobody },
  { route: 'PATCH /api/families/:id/network/:networkId', request: async (f) => ({ url: `/api/families/${await family(f)}/network/${id}`, payload: { version: 1, name: 'X' } }), expect: nobody },
  { route: 'POST /api/families/:id/network/:networkId/end', request: async (f) => ({ url: `/api/families/${await family(f)}/network/${id}/end`, payload: { version: 1 } }), expect: nobody },
  { route: 'POST /api/families/:id/team', request: async (f) => ({ url: `/api/families/${await family(f)}/team`, payload: { personId: id, organisationId: f.orgA } }), expect: nobody },
  { route: 'POST /api/families/:id/team/:teamMemberId/end', request: async (f) => ({ url: `/api/families/${await family(f)}/team/${id}/end` }), expect: nobody },
  {
    route: 'POST /api/families/:id/consent',
    request: async (f) => ({ url: `/api/families/${await family(f)}/consent`, payload: { subjectMemberId: id, givenByMemberId: id, organisationId: f.orgA, scopes: ['read_plan'] } }),
    expect: nobody,
  },
  { route: 'POST /api/families/:id/consent/:consentId/withdraw', request: async (f) => ({ url: `/api/families/${await family(f)}/consent/${id}/withdraw`, payload: {} }), expect: nobody },
  {
    route: 'POST /api/families/:id/overrides',
    stepUp: true,
    request: async (f) => ({ url: `/api/families/${await family(f)}/overrides`, payload: { basis: 'danger', reason: 'Acuut gevaar gemeld door de school vandaag.', hours: 4, scopes: ['read_plan'] } }),
    expect: nobody,
  },
  { route: 'GET /api/families/:id/access', request: async (f) => ({ url: `/api/families/${await family(f)}/access` }), expect: nobody },
  {
    route: 'POST /api/families/:id/contact',
    note: 'the generic coordinator coordinates every region (no region on the role), so may hand over: 400 for a person who is not of the organisation',
    request: async (f) => ({ url: `/api/families/${await family(f)}/contact`, payload: { personId: id, organisationId: f.orgA, version: 1 } }),
    expect: { ...nobody, coordinator: 400 },
  },
];
