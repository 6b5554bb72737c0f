import { all, type MatrixRow } from './matrix.js';

/** Reference data, health and the API documentation: public, the same for everyone. */
export const rows: MatrixRow[] = [
  { route: 'GET /api/health', expect: all(200) },
  { route: 'GET /api/regions', expect: all(200) },
  { route: 'GET /api/regions/:code', request: () => ({ url: '/api/regions/bestaat-niet' }), expect: all(404) },
  { route: 'GET /api/sectors', expect: all(200) },
  { route: 'GET /api/openapi.json', expect: all(200) },
  { route: 'GET /api/docs', expect: all(200) },
  { route: 'GET /api/docs/json', expect: all(200) },
  { route: 'GET /api/docs/yaml', expect: all(200) },
  { route: 'GET /api/docs/static/index.html', expect: all(302), note: 'redirects to /api/docs' },
  { route: 'GET /api/docs/static/swagger-initializer.js', expect: all(200) },
  { route: 'GET /api/docs/static/*', request: () => ({ url: '/api/docs/static/swagger-ui.css' }), expect: all(200) },
];
