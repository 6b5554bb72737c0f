import { journalNote } from '../../src/server/db/schema/index.js';
import { readers, type FamilyMatrixRow, type FamilyWorld } from './families.consent-matrix.js';

/**
 * Correcting a journal note's marking (journal.routes.ts, issue 11) in the family access matrix.
 * The note is written for the whole team by teamWithConsent (its author); the contact person has
 * no journal scope here, so the journal is closed to them (403) — with it they could correct any note.
 */
async function aNote(w: FamilyWorld) {
  const [row] = await w.db
    .insert(journalNote)
    .values({ familyId: w.familyId, authorPersonId: w.personOf.teamWithConsent!, authorOrganisationId: w.orgB, visibility: 'team', body: 'Huisbezoek' })
    .returning();
  return row!.id;
}

export const rows: FamilyMatrixRow[] = [
  {
    route: 'PATCH /api/families/:id/journal/:noteId/marking',
    request: async (w) => ({ url: `/api/families/${w.familyId}/journal/${await aNote(w)}/marking`, payload: { version: 1, disclosure: 'confidential' } }),
    expect: readers(200, { contactPerson: 403 }),
  },
];
