import { all, type MatrixRow } from './matrix.js';

const NO_SUCH = '10000000-0000-4000-8000-00000000ffff';

/** The Open Referral HSDS export of the directory: public and read-only, the same for everyone. */
export const rows: MatrixRow[] = [
  { route: 'GET /api/hsds', expect: all(200) },
  { route: 'GET /api/hsds/organizations', expect: all(200) },
  { route: 'GET /api/hsds/organizations/:id', request: () => ({ url: `/api/hsds/organizations/${NO_SUCH}` }), expect: all(404) },
  { route: 'GET /api/hsds/services', expect: all(200) },
  { route: 'GET /api/hsds/services/:id', request: () => ({ url: `/api/hsds/services/${NO_SUCH}` }), expect: all(404) },
  { route: 'GET /api/hsds/service_at_locations', expect: all(200) },
];
