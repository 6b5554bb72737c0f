import { lifeDomain } from '../../src/server/db/schema/index.js';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';

/**
 * The platform admin's life-domain list (/api/admin/life-domains): platform admins only; everyone
 * else with a full session 403 (it is no record of theirs to hide), anonymous callers 401.
 * Refusals, inactive domains and "in use" are covered in lifedomains.test.ts.
 */

const platformAdminOnly = (status: number) => ({ ...fullSession(403), platformAdmin: status });

/** A new unused domain of its own for each caller (the rows change or delete it). */
async function domain(f: MatrixFixture): Promise<string> {
  const code = `matrix_${f.unique().toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 40);
  await f.ctx.database.db.insert(lifeDomain).values({ code, nameNl: 'Matrixdomein', nameEn: 'Matrix domain', position: 999 });
  return code;
}

export const rows: MatrixRow[] = [
  { route: 'GET /api/admin/life-domains', expect: platformAdminOnly(200) },
  {
    route: 'POST /api/admin/life-domains',
    request: (f) => ({ url: '/api/admin/life-domains', payload: { code: `matrix_new_${f.unique().toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 40), nameNl: 'Nieuw domein', nameEn: 'New domain' } }),
    expect: platformAdminOnly(201),
  },
  {
    route: 'PUT /api/admin/life-domains/order',
    request: async (f) => {
      const codes = (await f.ctx.database.db.select({ code: lifeDomain.code }).from(lifeDomain)).map((d) => d.code);
      return { url: '/api/admin/life-domains/order', payload: { codes } };
    },
    expect: platformAdminOnly(200),
    note: 'every code of the list, as it stands when the row runs',
  },
  {
    route: 'PATCH /api/admin/life-domains/:code',
    request: async (f) => ({ url: `/api/admin/life-domains/${await domain(f)}`, payload: { nameEn: 'Renamed domain' } }),
    expect: platformAdminOnly(200),
  },
  {
    route: 'DELETE /api/admin/life-domains/:code',
    request: async (f) => ({ url: `/api/admin/life-domains/${await domain(f)}` }),
    expect: platformAdminOnly(200),
  },
];
