import { all, type MatrixRow } from './matrix.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The public directory (sociale kaart): no login, the same answer for everyone. */
export const rows: MatrixRow[] = [
  { route: 'GET /api/directory/search', request: () => ({ url: '/api/directory/search?q=jeugdhulp' }), expect: all(200) },
  { route: 'GET /api/directory/facets', expect: all(200) },
  { route: 'GET /api/directory/services/:id', request: () => ({ url: `/api/directory/services/${UNKNOWN}` }), expect: all(404) },
  { route: 'GET /api/directory/organisations/:id', request: (f) => ({ url: `/api/directory/organisations/${f.orgA}` }), expect: all(200), note: 'organisations are listed by default' },
  { route: 'GET /api/directory/zinplekken/:id', request: () => ({ url: `/api/directory/zinplekken/${UNKNOWN}` }), expect: all(404) },
  { route: 'GET /api/directory/map', request: () => ({ url: '/api/directory/map' }), expect: all(200) },
];
