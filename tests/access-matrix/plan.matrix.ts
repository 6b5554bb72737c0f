import { makeFamily } from '../helpers/families.js';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';

/**
 * The family's plan. None of the generic actors is on a family's team, so every one of them gets
 * 404 (not 403: the family stays hidden), coordinators and platform admins included. Who on the
 * team gets what (consent, read-only, withdrawn) is in plan.test.ts and the family consent matrix.
 */
const familyId = async (f: MatrixFixture) => (await makeFamily(f.ctx.database.db)).family.id;
const hidden = fullSession(404);

export const rows: MatrixRow[] = [
  { route: 'GET /api/families/:id/plan', request: async (f) => ({ url: `/api/families/${await familyId(f)}/plan` }), expect: hidden },
  {
    route: 'PUT /api/families/:id/plan',
    request: async (f) => ({ url: `/api/families/${await familyId(f)}/plan`, payload: { basedOn: 0, summary: 'Eerste plan', content: {} } }),
    expect: hidden,
  },
  { route: 'GET /api/families/:id/plan/versions', request: async (f) => ({ url: `/api/families/${await familyId(f)}/plan/versions` }), expect: hidden },
  { route: 'GET /api/families/:id/plan/versions/:number', request: async (f) => ({ url: `/api/families/${await familyId(f)}/plan/versions/1` }), expect: hidden },
  { route: 'GET /api/families/:id/plan/compare', request: async (f) => ({ url: `/api/families/${await familyId(f)}/plan/compare?from=1&to=1` }), expect: hidden },
  {
    route: 'POST /api/families/:id/plan/agreement',
    request: async (f) => ({ url: `/api/families/${await familyId(f)}/plan/agreement`, payload: { version: 1 } }),
    expect: hidden,
  },
];
