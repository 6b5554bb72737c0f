import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZHealth } from '../../../shared/schemas/health.js';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('GET /api/health', () => {
  it('reports ok and the database engine in use; the version only to a full session (tests/platform/hardening.test.ts)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = ZHealth.parse(res.json());
    expect(body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.version).toBeUndefined();
  });

  it('answers 503 in the error format when the database is gone', async () => {
    const other = await createTestApp();
    await other.database.close();
    const res = await other.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'unavailable' } });
    await other.app.close();
  });
});
