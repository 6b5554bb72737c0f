import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { blockedSignal, family } from '../../src/server/db/schema/index.js';
import { makeFamily } from '../helpers/families.js';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';

/**
 * The care part of a family's file (waits, ateliers, journal, signals). None of the generic actors
 * is on the family's team, so every family route is 404 for all of them — exactly as for a family
 * that does not exist. Who on the team gets what is in families.consent-matrix.ts and the area tests.
 */
const families = new WeakMap<MatrixFixture, Promise<string>>();
function familyOf(f: MatrixFixture): Promise<string> {
  let id = families.get(f);
  if (!id) {
    id = makeFamily(f.ctx.database.db).then((m) => m.family.id);
    families.set(f, id);
  }
  return id;
}
const some = () => randomUUID();

/** An open manual signal of the fixture family (blocked_signal inserted directly). */
async function newSignal(f: MatrixFixture): Promise<string> {
  const db = f.ctx.database.db;
  const [fam] = await db.select().from(family).where(eq(family.id, await familyOf(f)));
  const [row] = await db
    .insert(blockedSignal)
    .values({ familyId: fam!.id, regionId: fam!.regionId, source: 'manual', reason: 'Vastgelopen traject', raisedAt: new Date() })
    .returning({ id: blockedSignal.id });
  return row!.id;
}
const signals = new WeakMap<MatrixFixture, Promise<string>>();
function signalOf(f: MatrixFixture): Promise<string> {
  let id = signals.get(f);
  if (!id) {
    id = newSignal(f);
    signals.set(f, id);
  }
  return id;
}
const notOnTeam = fullSession(404);

export const rows: MatrixRow[] = [
  { route: 'GET /api/families/:id/waits', request: async (f) => ({ url: `/api/families/${await familyOf(f)}/waits` }), expect: notOnTeam },
  {
    route: 'POST /api/families/:id/waits',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/waits`, payload: { serviceText: 'Thuisbegeleiding', sinceOn: '2026-06-01' } }),
    expect: notOnTeam,
  },
  {
    route: 'PATCH /api/families/:id/waits/:waitId',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/waits/${some()}`, payload: { version: 1, status: 'started' } }),
    expect: notOnTeam,
  },
  {
    route: 'POST /api/families/:id/waits/:waitId/bridging',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/waits/${some()}/bridging`, payload: { provider: 'Oma', what: 'Opvang', fromOn: '2026-06-01' } }),
    expect: notOnTeam,
  },
  {
    route: 'PATCH /api/families/:id/waits/:waitId/bridging/:bridgingId',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/waits/${some()}/bridging/${some()}`, payload: { version: 1, what: 'Opvang' } }),
    expect: notOnTeam,
  },
  { route: 'GET /api/families/:id/journal', request: async (f) => ({ url: `/api/families/${await familyOf(f)}/journal` }), expect: notOnTeam },
  {
    route: 'POST /api/families/:id/journal',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/journal`, payload: { body: 'Notitie', visibility: 'team' } }),
    expect: notOnTeam,
  },
  { route: 'GET /api/families/:id/signals', request: async (f) => ({ url: `/api/families/${await familyOf(f)}/signals` }), expect: notOnTeam },
  {
    route: 'POST /api/families/:id/signals',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/signals`, payload: { reason: 'Het traject zit vast' } }),
    expect: notOnTeam,
  },
  {
    route: 'POST /api/families/:id/signals/:signalId/resolve',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/signals/${some()}/resolve`, payload: { version: 1 } }),
    expect: notOnTeam,
  },
  {
    route: 'POST /api/families/:id/signals/:signalId/escalate',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/signals/${some()}/escalate`, payload: { version: 1 } }),
    expect: notOnTeam,
  },
  {
    route: 'GET /api/signals',
    note: 'network coordinators only (the matrix coordinator has no region: every region)',
    expect: { ...fullSession(403), coordinator: 200 },
  },
  {
    route: 'GET /api/signals/:signalId',
    request: async (f) => ({ url: `/api/signals/${await signalOf(f)}` }),
    expect: { ...fullSession(403), coordinator: 200 },
  },
  {
    route: 'POST /api/signals/:signalId/escalate',
    note: 'a new signal per actor, so only the coordinator escalates it',
    request: async (f) => ({ url: `/api/signals/${await newSignal(f)}/escalate`, payload: { version: 1 } }),
    expect: { ...fullSession(403), coordinator: 200 },
  },
  { route: 'GET /api/families/:id/ateliers', request: async (f) => ({ url: `/api/families/${await familyOf(f)}/ateliers` }), expect: notOnTeam },
  {
    route: 'POST /api/families/:id/ateliers',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/ateliers`, payload: { heldOn: '2026-06-10', participants: [{ kind: 'member', id: some() }] } }),
    expect: notOnTeam,
  },
  {
    route: 'PATCH /api/families/:id/ateliers/:atelierId',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/ateliers/${some()}`, payload: { version: 1, ideas: 'Idee' } }),
    expect: notOnTeam,
  },
  {
    route: 'POST /api/families/:id/ateliers/:atelierId/commitments',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/ateliers/${some()}/commitments`, payload: { description: 'Iets doen', ownerLabel: 'Iemand' } }),
    expect: notOnTeam,
  },
  { route: 'GET /api/families/:id/commitments', request: async (f) => ({ url: `/api/families/${await familyOf(f)}/commitments` }), expect: notOnTeam },
  {
    route: 'PATCH /api/families/:id/commitments/:commitmentId',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/commitments/${some()}`, payload: { version: 1, status: 'done' } }),
    expect: notOnTeam,
  },
  {
    route: 'POST /api/families/:id/commitments/:commitmentId/to-plan',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/commitments/${some()}/to-plan`, payload: { version: 1, planBasedOn: 0 } }),
    expect: notOnTeam,
  },
];
