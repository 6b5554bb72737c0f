import { fullSession, type MatrixRow } from './matrix.js';

/**
 * Organisations and people. Platform admins reach everything; organisation admins their own
 * organisation (A), and a record of A is 404 for the admin of B; everyone else is 403.
 */
export const rows: MatrixRow[] = [
  { route: 'GET /api/admin/organisations', expect: { ...fullSession(403), orgAdminOther: 200, orgAdmin: 200, platformAdmin: 200 } },
  {
    route: 'POST /api/admin/organisations',
    request: (f) => ({ url: '/api/admin/organisations', payload: { name: `Organisatie ${f.unique()}` } }),
    expect: { ...fullSession(403), platformAdmin: 201 },
  },
  {
    route: 'GET /api/admin/organisations/:id',
    request: (f) => ({ url: `/api/admin/organisations/${f.orgA}` }),
    expect: { ...fullSession(403), orgAdminOther: 404, orgAdmin: 200, platformAdmin: 200 },
  },
  {
    route: 'PATCH /api/admin/organisations/:id',
    request: async (f) => ({
      url: `/api/admin/organisations/${f.orgA}`,
      payload: { version: await f.organisationVersion(f.orgA), sectorCodes: [] },
    }),
    expect: { ...fullSession(403), orgAdminOther: 404, orgAdmin: 200, platformAdmin: 200 },
  },
  { route: 'GET /api/admin/people', expect: { ...fullSession(403), orgAdminOther: 200, orgAdmin: 200, platformAdmin: 200 } },
  {
    route: 'POST /api/admin/people',
    request: (f) => ({
      url: '/api/admin/people',
      payload: { name: `Persoon ${f.unique()}`, email: `p-${f.unique()}@example.test`, organisationId: f.orgA, orgRoles: ['professional'] },
    }),
    expect: { ...fullSession(403), orgAdminOther: 404, orgAdmin: 201, platformAdmin: 201 },
  },
  {
    route: 'GET /api/admin/people/:id',
    request: async (f) => ({ url: `/api/admin/people/${(await f.makePersonInA()).personId}` }),
    expect: { ...fullSession(403), orgAdminOther: 404, orgAdmin: 200, platformAdmin: 200 },
  },
  {
    route: 'PATCH /api/admin/people/:id',
    request: async (f) => {
      const { personId } = await f.makePersonInA();
      return { url: `/api/admin/people/${personId}`, payload: { version: await f.personVersion(personId), phone: '+32 50 00 00 00' } };
    },
    expect: { ...fullSession(403), orgAdminOther: 404, orgAdmin: 200, platformAdmin: 200 },
  },
  {
    route: 'POST /api/admin/people/:id/disable',
    request: async (f) => ({ url: `/api/admin/people/${(await f.makePersonInA()).personId}/disable` }),
    stepUp: true,
    expect: { ...fullSession(403), orgAdminOther: 404, orgAdmin: 200, platformAdmin: 200 },
  },
  {
    route: 'POST /api/admin/people/:id/enable',
    note: 'a person an organisation admin disabled; one a platform admin disabled is lifted by a platform admin only (identity.test.ts)',
    request: async (f) => ({ url: `/api/admin/people/${(await f.makePersonInA({ disabledBy: 'organisation' })).personId}/enable` }),
    stepUp: true,
    expect: { ...fullSession(403), orgAdminOther: 404, orgAdmin: 200, platformAdmin: 200 },
  },
];
