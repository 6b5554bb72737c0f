import { randomUUID } from 'node:crypto';
import { makeFamily } from '../helpers/families.js';
import { fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';

/**
 * Correcting a journal note's marking (issue 11). None of the generic actors is on the family's
 * team, so it is 404 for all of them, as for a family that does not exist; who on the team may is
 * in families.marking.consent-rows.ts and journal-marking.test.ts.
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

export const rows: MatrixRow[] = [
  {
    route: 'PATCH /api/families/:id/journal/:noteId/marking',
    request: async (f) => ({ url: `/api/families/${await familyOf(f)}/journal/${randomUUID()}/marking`, payload: { version: 1, disclosure: 'confidential' } }),
    expect: fullSession(404),
  },
];
