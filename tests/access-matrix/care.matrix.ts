import { randomUUID } from 'node:crypto';
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
];
