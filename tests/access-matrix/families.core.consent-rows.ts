import { familyMember, networkPerson } from '../../src/server/db/schema/index.js';
import { readers, type FamilyMatrixRow, type FamilyWorld } from './families.consent-matrix.js';

/**
 * The family core (family.routes.ts) in the family access matrix: the family page, members and
 * network, team, consent, overrides, contact person and history.
 */
async function member(w: FamilyWorld) {
  const [row] = await w.db.insert(familyMember).values({ familyId: w.familyId, role: 'other', name: `Oom ${w.unique()}` }).returning();
  return row!.id;
}
async function network(w: FamilyWorld) {
  const [row] = await w.db.insert(networkPerson).values({ familyId: w.familyId, name: `Buur ${w.unique()}`, relation: 'buurvrouw' }).returning();
  return row!.id;
}

export const rows: FamilyMatrixRow[] = [
  {
    route: 'GET /api/families',
    request: () => ({ url: '/api/families?limit=100' }),
    expect: { ...readers(200), teamWithdrawn: 200, otherOrgProfessional: 200, coordinator: 200, platformAdmin: 200 },
    note: 'everyone logged in gets a list; only the contact person and the team with consent find the family in it',
    verify: (res, w, actor) => {
      if (res.statusCode !== 200) return null;
      const listed = (res.json() as { data: { items: { id: string }[] } }).data.items.some((i) => i.id === w.familyId);
      const should = actor === 'contactPerson' || actor === 'teamWithConsent';
      return listed === should ? null : `family ${listed ? 'listed' : 'not listed'} for ${actor}`;
    },
  },
  { route: 'GET /api/families/:id', request: (w) => ({ url: `/api/families/${w.familyId}` }), expect: readers(200) },
  { route: 'GET /api/families/:id/history', request: (w) => ({ url: `/api/families/${w.familyId}/history` }), expect: readers(200) },
  { route: 'GET /api/families/:id/candidates', request: (w) => ({ url: `/api/families/${w.familyId}/candidates?q=Test` }), expect: readers(200, { teamWithConsent: 403 }) },
  {
    route: 'POST /api/families/:id/members',
    request: (w) => ({ url: `/api/families/${w.familyId}/members`, payload: { role: 'child', name: 'Noor', birthDate: '2019-03-04' } }),
    expect: readers(201),
  },
  {
    route: 'PATCH /api/families/:id/members/:memberId',
    request: async (w) => ({ url: `/api/families/${w.familyId}/members/${await member(w)}`, payload: { version: 1, name: 'Oom Jef' } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/members/:memberId/end',
    request: async (w) => ({ url: `/api/families/${w.familyId}/members/${await member(w)}/end`, payload: { version: 1 } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/network',
    request: (w) => ({ url: `/api/families/${w.familyId}/network`, payload: { name: 'Oma Rita', relation: 'grootmoeder' } }),
    expect: readers(201),
  },
  {
    route: 'PATCH /api/families/:id/network/:networkId',
    request: async (w) => ({ url: `/api/families/${w.familyId}/network/${await network(w)}`, payload: { version: 1, roleInPlan: 'vangt op na school' } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/network/:networkId/end',
    request: async (w) => ({ url: `/api/families/${w.familyId}/network/${await network(w)}/end`, payload: { version: 1 } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/team',
    request: async (w) => ({ url: `/api/families/${w.familyId}/team`, payload: await w.newcomer() }),
    expect: readers(201, { teamWithConsent: 403 }),
  },
  {
    route: 'POST /api/families/:id/team/:teamMemberId/end',
    note: "ends the withdrawn colleague's membership",
    request: (w) => ({ url: `/api/families/${w.familyId}/team/${w.teamRowOf.teamWithdrawn}/end` }),
    expect: readers(200, { teamWithConsent: 403 }),
  },
  {
    route: 'POST /api/families/:id/consent',
    request: (w) => ({
      url: `/api/families/${w.familyId}/consent`,
      payload: { subjectMemberId: w.childId, givenByMemberId: w.childId, organisationId: w.orgD, scopes: ['read_plan'] },
    }),
    expect: readers(201, { teamWithConsent: 403 }),
  },
  {
    route: 'POST /api/families/:id/consent/:consentId/withdraw',
    request: (w) => ({ url: `/api/families/${w.familyId}/consent/${w.consentId}/withdraw`, payload: {} }),
    expect: readers(200, { teamWithConsent: 403 }),
  },
  {
    route: 'POST /api/families/:id/overrides',
    stepUp: true,
    note: 'every open team member may ask for one — the withdrawn colleague included (that is what it is for)',
    request: (w) => ({
      url: `/api/families/${w.familyId}/overrides`,
      payload: { basis: 'danger', reason: 'De school meldt acuut gevaar voor de jongere.', hours: 4, scopes: ['read_plan'] },
    }),
    expect: { ...readers(201), teamWithdrawn: 201 },
  },
  {
    route: 'GET /api/families/:id/access',
    note: 'every open team member learns whether the file opens and whether an override may be asked — the withdrawn colleague included; nothing of the file',
    request: (w) => ({ url: `/api/families/${w.familyId}/access` }),
    expect: { ...readers(200), teamWithdrawn: 200 },
  },
  {
    route: 'POST /api/families/:id/contact',
    note: 'the contact person hands over, and so may the coordinator of the family\'s region',
    request: async (w) => ({ url: `/api/families/${w.familyId}/contact`, payload: { ...(await w.newcomer()), version: 1 } }),
    expect: { ...readers(200, { teamWithConsent: 403 }), coordinator: 200 },
  },
];

