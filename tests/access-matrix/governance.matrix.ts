import { eq } from 'drizzle-orm';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { governanceBody, governanceMembership, region } from '../../src/server/db/schema/index.js';

/**
 * Governance bodies. Coordinators (of every region, in the matrix) and platform admins reach every
 * body; anyone else only the bodies they are a member of — none here — so a body is 404 for them,
 * and creating one is 403 at the route gate.
 */

/** A new body of the province West-Vlaanderen (reference data), made directly in the database. */
async function makeBody(f: MatrixFixture): Promise<string> {
  const db = f.ctx.database.db;
  const [r] = await db.select({ id: region.id }).from(region).where(eq(region.code, 'west-vlaanderen'));
  if (!r) throw new Error('reference data not loaded');
  const [row] = await db.insert(governanceBody).values({ name: `Werkgroep ${f.unique()}`, kind: 'working_group', regionId: r.id }).returning({ id: governanceBody.id });
  if (!row) throw new Error('body not created');
  return row.id;
}

async function makeMembership(f: MatrixFixture): Promise<{ bodyId: string; membershipId: string }> {
  const bodyId = await makeBody(f);
  const { personId } = await f.makePersonInA();
  const [row] = await f.ctx.database.db
    .insert(governanceMembership)
    .values({ bodyId, personId, organisationId: f.orgA, role: 'member', joinedOn: '2026-01-01' })
    .returning({ id: governanceMembership.id });
  if (!row) throw new Error('membership not created');
  return { bodyId, membershipId: row.id };
}

const governors = { coordinator: 200, platformAdmin: 200 };

export const rows: MatrixRow[] = [
  { route: 'GET /api/governance/bodies', expect: fullSession(200), note: 'everyone sees the bodies they may (possibly none)' },
  {
    route: 'POST /api/governance/bodies',
    request: (f) => ({ url: '/api/governance/bodies', payload: { name: `Stuurgroep ${f.unique()}`, kind: 'steering_group', regionCode: 'west-vlaanderen' } }),
    expect: { ...fullSession(403), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'GET /api/governance/bodies/:id',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PATCH /api/governance/bodies/:id',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}`, payload: { version: 1, description: 'Nieuwe omschrijving' } }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'GET /api/governance/bodies/:id/members',
    request: async (f) => ({ url: `/api/governance/bodies/${(await makeMembership(f)).bodyId}/members` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/bodies/:id/members',
    request: async (f) => ({
      url: `/api/governance/bodies/${await makeBody(f)}/members`,
      payload: { personId: (await f.makePersonInA()).personId, role: 'member', joinedOn: '2026-02-01', organisationId: f.orgA },
    }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'POST /api/governance/bodies/:id/members/:membershipId/leave',
    request: async (f) => {
      const m = await makeMembership(f);
      return { url: `/api/governance/bodies/${m.bodyId}/members/${m.membershipId}/leave`, payload: { leftOn: '2026-03-01' } };
    },
    expect: { ...fullSession(404), ...governors },
  },
];
