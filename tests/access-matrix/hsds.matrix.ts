import { all, fullSession, type MatrixRow } from './matrix.js';

const NO_SUCH = '10000000-0000-4000-8000-00000000ffff';

/** The Open Referral HSDS export of the directory: public and read-only, the same for everyone. */
export const rows: MatrixRow[] = [
  { route: 'GET /api/hsds', expect: all(200) },
  { route: 'GET /api/hsds/organizations', expect: all(200) },
  { route: 'GET /api/hsds/organizations/:id', request: () => ({ url: `/api/hsds/organizations/${NO_SUCH}` }), expect: all(404) },
  { route: 'GET /api/hsds/services', expect: all(200) },
  { route: 'GET /api/hsds/services/:id', request: () => ({ url: `/api/hsds/services/${NO_SUCH}` }), expect: all(404) },
  { route: 'GET /api/hsds/service_at_locations', expect: all(200) },
  // Imports from the admin UI: platform administrators only.
  {
    route: 'POST /api/directory/imports',
    request: () => ({ url: '/api/directory/imports', payload: { fileName: 'leeg.json', dryRun: true, content: { kind: 'json', dataset: { organizations: [], services: [] } } } }),
    expect: { ...fullSession(403), platformAdmin: 202 },
  },
  { route: 'GET /api/directory/imports', expect: { ...fullSession(403), platformAdmin: 200 } },
  { route: 'GET /api/directory/imports/:id', request: () => ({ url: `/api/directory/imports/${NO_SUCH}` }), expect: { ...fullSession(403), platformAdmin: 404 } },
];
