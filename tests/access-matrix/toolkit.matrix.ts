import { desc } from 'drizzle-orm';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import { learningPartnership, learningPartnershipMember, learningPartnershipRound, learningToolkitContent } from '../../src/server/db/schema/index.js';
import { makeOrganisation } from '../helpers/factories.js';
import { DEFAULT_TOOLKIT_TEXTS } from '../../src/server/modules/learning/toolkit.defaults.js';

/**
 * The collaboration toolkit. Its texts are read by every full session and edited by coordinators
 * and platform admins. A partnership of organisation A and another organisation is known to the
 * people of A and the coordinators only (the admin of B and the platform admin: 404); its name and
 * members are changed by A's admin and coordinators; rounds and A's view are recorded by people of
 * A (the coordinator sees the partnership but is no partner: 403).
 */

async function currentContent(f: MatrixFixture) {
  const db = f.ctx.database.db;
  await db.insert(learningToolkitContent).values({ version: 1, texts: DEFAULT_TOOLKIT_TEXTS }).onConflictDoNothing();
  const [row] = await db.select().from(learningToolkitContent).orderBy(desc(learningToolkitContent.version)).limit(1);
  if (!row) throw new Error('no content');
  return row;
}

/** A partnership of A and a new organisation (not B). */
async function makePartnership(f: MatrixFixture): Promise<string> {
  const db = f.ctx.database.db;
  const other = await makeOrganisation(db);
  const [row] = await db.insert(learningPartnership).values({ name: `Samenwerking ${f.unique()}` }).returning({ id: learningPartnership.id });
  if (!row) throw new Error('partnership not created');
  await db.insert(learningPartnershipMember).values([{ partnershipId: row.id, organisationId: f.orgA }, { partnershipId: row.id, organisationId: other.id }]);
  return row.id;
}

async function makeRound(f: MatrixFixture) {
  const id = await makePartnership(f);
  const content = await currentContent(f);
  const [round] = await f.ctx.database.db.insert(learningPartnershipRound).values({ partnershipId: id, date: '2026-03-01', contentVersion: content.version }).returning({ id: learningPartnershipRound.id });
  if (!round) throw new Error('round not created');
  const t = content.texts;
  const body = {
    version: 0,
    scores: t.criteria.map((c) => ({ criterion: c.key, score: 3, note: '' })),
    phase: t.phases[0]?.key,
    checklist: t.checklist.map((c) => ({ item: c.key, answer: 'yes', note: '' })),
  };
  return { id, roundId: round.id, body };
}

/** A's partnership: A's people and the coordinators know it. */
const partners = (mine: number, coordinator: number) => ({ ...fullSession(404), professional: mine, orgAdmin: mine, coordinator });

const P = '/api/learning/toolkit/partnerships';

export const rows: MatrixRow[] = [
  { route: 'GET /api/learning/toolkit/content', expect: fullSession(200) },
  {
    route: 'PUT /api/learning/toolkit/content',
    request: async (f) => {
      const c = await currentContent(f);
      return { url: '/api/learning/toolkit/content', payload: { version: c.version, ...c.texts } };
    },
    expect: { ...fullSession(403), coordinator: 200, platformAdmin: 200 },
  },
  { route: 'GET /api/learning/toolkit/partnerships', expect: fullSession(200), note: 'the partnerships of my organisations; coordinators: all' },
  {
    route: 'POST /api/learning/toolkit/partnerships',
    request: async (f) => ({ url: P, payload: { name: `Samen ${f.unique()}`, organisationIds: [f.orgA, (await makeOrganisation(f.ctx.database.db)).id] } }),
    expect: { ...fullSession(403), orgAdmin: 201, coordinator: 201 },
    note: 'the admin of B is 403 in the service (no organisation of theirs in the partnership)',
  },
  { route: 'GET /api/learning/toolkit/organisations', expect: { ...fullSession(403), orgAdmin: 200, orgAdminOther: 200, coordinator: 200 }, note: 'the people who may start a partnership' },
  { route: 'GET /api/learning/toolkit/partnerships/:id', request: async (f) => ({ url: `${P}/${await makePartnership(f)}` }), expect: partners(200, 200) },
  {
    route: 'PATCH /api/learning/toolkit/partnerships/:id',
    request: async (f) => ({ url: `${P}/${await makePartnership(f)}`, payload: { version: 1, name: `Nieuwe naam ${f.unique()}` } }),
    expect: { ...partners(200, 200), professional: 403 },
  },
  {
    route: 'POST /api/learning/toolkit/partnerships/:id/rounds',
    request: async (f) => ({ url: `${P}/${await makePartnership(f)}/rounds`, payload: { date: '2026-04-01' } }),
    expect: partners(201, 403),
  },
  {
    route: 'PUT /api/learning/toolkit/partnerships/:id/rounds/:roundId/assessments/:organisationId',
    request: async (f) => {
      const r = await makeRound(f);
      return { url: `${P}/${r.id}/rounds/${r.roundId}/assessments/${f.orgA}`, payload: r.body };
    },
    expect: partners(200, 403),
    note: "A's own view; another partner's view is 403 (toolkit.test.ts)",
  },
  {
    route: 'DELETE /api/learning/toolkit/partnerships/:id/rounds/:roundId',
    request: async (f) => {
      const r = await makeRound(f);
      return { url: `${P}/${r.id}/rounds/${r.roundId}?version=1` };
    },
    expect: partners(200, 200),
    note: 'an empty round; once another partner filled in a view only the coordinator (409 for partners: toolkit-rounds.test.ts)',
  },
];
