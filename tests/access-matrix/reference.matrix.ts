import { all, fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { upsertRegion } from '../../src/server/db/reference-data.js';

/** A fresh region (kind province: no one-network rule) holding Brugge; its version is 1. */
async function regionWithBrugge(f: MatrixFixture) {
  const code = `matrix-${f.unique()}`;
  await upsertRegion(f.ctx.database.db, { code, name: `Matrix ${code}`, kind: 'province' }, ['31005']);
  return code;
}
const platformOnly = { ...fullSession(403), platformAdmin: 200 };

/** Reference data, health and the API documentation: public, the same for everyone; editing a region's municipalities: platform admins. */
export const rows: MatrixRow[] = [
  { route: 'GET /api/health', expect: all(200) },
  { route: 'GET /api/regions', expect: all(200) },
  { route: 'GET /api/regions/:code', request: () => ({ url: '/api/regions/bestaat-niet' }), expect: all(404) },
  { route: 'GET /api/sectors', expect: all(200) },
  {
    route: 'POST /api/regions/:code/municipalities',
    request: async (f) => ({ url: `/api/regions/${await regionWithBrugge(f)}/municipalities`, payload: { nisCode: '31006', version: 1 } }),
    note: 'platform admins keep regions (product.md); coordinators too are 403',
    expect: platformOnly,
  },
  {
    route: 'DELETE /api/regions/:code/municipalities/:nisCode',
    request: async (f) => ({ url: `/api/regions/${await regionWithBrugge(f)}/municipalities/31005?version=1` }),
    expect: platformOnly,
  },
  { route: 'GET /api/openapi.json', expect: all(200) },
  { route: 'GET /api/docs', expect: all(200) },
  { route: 'GET /api/docs/json', expect: all(200) },
  { route: 'GET /api/docs/yaml', expect: all(200) },
  { route: 'GET /api/docs/static/index.html', expect: all(302), note: 'redirects to /api/docs' },
  { route: 'GET /api/docs/static/swagger-initializer.js', expect: all(200) },
  { route: 'GET /api/docs/static/*', request: () => ({ url: '/api/docs/static/swagger-ui.css' }), expect: all(200) },
];
