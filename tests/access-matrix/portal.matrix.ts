import { makeFamily } from '../helpers/families.js';
import { all, fullSession, type ActorName, type MatrixFixture, type MatrixRow } from './matrix.js';

/**
 * The family portal. Its routes answer only a family login (portalPolicy): every professional
 * session — password stage, professional, organisation and platform admins, coordinators — gets
 * 403, anonymous callers 401. Who in the family gets what (youth 12+, younger child, parent,
 * confidant, another family) is the portal access matrix in src/server/modules/portal/portal.test.ts.
 * The login steps are public and answer everyone alike; the invitation is a professional's route
 * behind the family's consent gate (none of the generic actors is on a family's team: 404).
 */
const familyOnly: Record<ActorName, number> = { ...all(403), anonymous: 401 };
const NO_ID = '00000000-0000-4000-8000-000000000000';

async function invitation(f: MatrixFixture) {
  const fam = await makeFamily(f.ctx.database.db);
  return { url: `/api/families/${fam.family.id}/members/${fam.parent.id}/portal-access`, payload: { email: `ouder-${f.unique()}@example.test` } };
}

export const rows: MatrixRow[] = [
  { route: 'POST /api/families/:id/members/:memberId/portal-access', request: invitation, expect: fullSession(404) },
  { route: 'GET /api/families/:id/portal-contributions', request: async (f) => ({ url: `/api/families/${(await makeFamily(f.ctx.database.db)).family.id}/portal-contributions` }), expect: fullSession(404) },
  { route: 'POST /api/portal/login', request: (f) => ({ url: '/api/portal/login', payload: { email: `niemand-${f.unique()}@example.test` } }), expect: all(202), note: 'the same answer whether or not the address is known' },
  { route: 'POST /api/portal/login/code', request: (f) => ({ url: '/api/portal/login/code', payload: { email: `niemand-${f.unique()}@example.test`, code: '000000' } }), expect: all(401) },
  { route: 'POST /api/portal/login/link', request: () => ({ url: '/api/portal/login/link', payload: { token: 'x'.repeat(43) } }), expect: all(401) },
  { route: 'POST /api/portal/logout', expect: familyOnly },
  { route: 'GET /api/portal/me', expect: familyOnly },
  { route: 'GET /api/portal/plan', expect: familyOnly },
  { route: 'POST /api/portal/plan/voice', request: () => ({ url: '/api/portal/plan/voice', payload: { kind: 'agree', basedOn: 1 } }), expect: familyOnly },
  { route: 'GET /api/portal/team', expect: familyOnly },
  { route: 'GET /api/portal/consents', expect: familyOnly },
  { route: 'POST /api/portal/consents', request: () => ({ url: '/api/portal/consents', payload: { subjectMemberId: NO_ID, organisationId: NO_ID, scopes: ['read_plan'] } }), expect: familyOnly },
  { route: 'POST /api/portal/consents/:consentId/withdraw', request: () => ({ url: `/api/portal/consents/${NO_ID}/withdraw` }), expect: familyOnly },
  { route: 'POST /api/portal/objections', request: () => ({ url: '/api/portal/objections', payload: { personId: NO_ID } }), expect: familyOnly },
  { route: 'POST /api/portal/objections/:objectionId/withdraw', request: () => ({ url: `/api/portal/objections/${NO_ID}/withdraw` }), expect: familyOnly },
  { route: 'GET /api/portal/confidants', expect: familyOnly },
  { route: 'POST /api/portal/confidants', request: (f) => ({ url: '/api/portal/confidants', payload: { name: 'Coach', email: `coach-${f.unique()}@example.test` } }), expect: familyOnly },
  { route: 'POST /api/portal/confidants/:confidantId/end', request: () => ({ url: `/api/portal/confidants/${NO_ID}/end` }), expect: familyOnly },
  { route: 'GET /api/portal/access-log', expect: familyOnly },
  { route: 'GET /api/portal/export', expect: familyOnly },
  { route: 'GET /api/portal/export.pdf', expect: familyOnly },
];
