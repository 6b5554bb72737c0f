import { eq } from 'drizzle-orm';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { governanceBody, governancePlan, region } from '../../src/server/db/schema/index.js';

/**
 * The decision items a plan's status change may point at: for those who keep the plan (coordinators
 * and platform admins here); nobody else is a member of the body, so it is 404 for them.
 */
async function makePlan(f: MatrixFixture): Promise<string> {
  const db = f.ctx.database.db;
  const [r] = await db.select({ id: region.id }).from(region).where(eq(region.code, 'west-vlaanderen'));
  if (!r) throw new Error('reference data not loaded');
  const [body] = await db.insert(governanceBody).values({ name: `IROJ ${f.unique()}`, kind: 'iroj', regionId: r.id }).returning({ id: governanceBody.id });
  if (!body) throw new Error('body not created');
  const [plan] = await db.insert(governancePlan).values({ bodyId: body.id, year: 2026, title: 'Regionaal plan 2026' }).returning({ id: governancePlan.id });
  if (!plan) throw new Error('plan not created');
  return plan.id;
}

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/governance/plans/:id/decision-items',
    request: async (f) => ({ url: `/api/governance/plans/${await makePlan(f)}/decision-items` }),
    expect: { ...fullSession(404), coordinator: 200, platformAdmin: 200 },
  },
];
