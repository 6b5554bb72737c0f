import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { decodeCursor, toPage } from '../../db/paging.js';
import { familyMember, journalNote, organisation, person } from '../../db/schema/index.js';
import type { DISCLOSURES, NOTE_VISIBILITIES } from '../../../shared/schemas/families/enums.js';

const noteColumns = {
  id: journalNote.id,
  authorPersonId: journalNote.authorPersonId,
  authorName: person.name,
  authorOrganisationId: journalNote.authorOrganisationId,
  authorOrganisationName: organisation.name,
  visibility: journalNote.visibility,
  disclosure: journalNote.disclosure,
  youthMemberId: journalNote.youthMemberId,
  body: journalNote.body,
  version: journalNote.version,
  createdAt: sql<string>`to_char(${journalNote.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  /** The exact created_at as text, for the cursor (microseconds kept). */
  sortKey: sql<string>`${journalNote.createdAt}::text`,
};

/**
 * The notes the reader may see: every note for the whole team, and notes for the organisation
 * only when the reader is on the team for the author's organisation.
 */
function visibleTo(readerOrganisationId: string) {
  return sql`(${journalNote.visibility} = 'team' or ${journalNote.authorOrganisationId} = ${readerOrganisationId})`;
}

export const journalRepo = {
  /** A page of the family's notes the reader may see, newest first (keyset on created_at, id). */
  async page(db: DbOrTx, familyId: string, readerOrganisationId: string, opts: { cursor?: string | undefined; limit: number; noteId?: string }) {
    const k = opts.cursor ? decodeCursor(opts.cursor) : undefined;
    const rows = await db
      .select(noteColumns)
      .from(journalNote)
      .innerJoin(person, eq(person.id, journalNote.authorPersonId))
      .innerJoin(organisation, eq(organisation.id, journalNote.authorOrganisationId))
      .where(
        and(
          eq(journalNote.familyId, familyId),
          visibleTo(readerOrganisationId),
          opts.noteId ? eq(journalNote.id, opts.noteId) : undefined,
          k ? sql`(${journalNote.createdAt}, ${journalNote.id}) < (${k.key}::timestamptz, ${k.id}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(journalNote.createdAt), desc(journalNote.id))
      .limit(opts.limit + 1);
    const page = toPage(rows, opts.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _sortKey, ...note }) => note), nextCursor: page.nextCursor };
  },

  /** A current member of the family (for the youth a `youth_own` note belongs to). */
  async member(db: DbOrTx, familyId: string, memberId: string) {
    const [row] = await db
      .select({ role: familyMember.role, birthDate: familyMember.birthDate })
      .from(familyMember)
      .where(and(eq(familyMember.id, memberId), eq(familyMember.familyId, familyId), isNull(familyMember.endedAt)));
    return row;
  },

  /** One note the reader may see, locked for a change of its marking. */
  async lockNote(db: DbOrTx, familyId: string, noteId: string, readerOrganisationId: string) {
    const [row] = await db
      .select({ id: journalNote.id, authorPersonId: journalNote.authorPersonId, disclosure: journalNote.disclosure, youthMemberId: journalNote.youthMemberId, version: journalNote.version })
      .from(journalNote)
      .where(and(eq(journalNote.id, noteId), eq(journalNote.familyId, familyId), visibleTo(readerOrganisationId)))
      .for('update');
    return row;
  },

  /** Sets the marking when the version matches; false when somebody else changed the note first. */
  async updateMarking(db: DbOrTx, noteId: string, version: number, values: { disclosure: (typeof DISCLOSURES)[number]; youthMemberId: string | null }, now: Date): Promise<boolean> {
    const rows = await db
      .update(journalNote)
      .set({ ...values, updatedAt: now, version: sql`${journalNote.version} + 1` })
      .where(and(eq(journalNote.id, noteId), eq(journalNote.version, version)))
      .returning({ id: journalNote.id });
    return rows.length === 1;
  },

  async insert(
    db: DbOrTx,
    values: {
      familyId: string;
      authorPersonId: string;
      authorOrganisationId: string;
      visibility: (typeof NOTE_VISIBILITIES)[number];
      disclosure: (typeof DISCLOSURES)[number];
      youthMemberId: string | null;
      body: string;
    },
    now: Date,
  ): Promise<string> {
    const [row] = await db.insert(journalNote).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: journalNote.id });
    if (!row) throw new Error('journal note not inserted');
    return row.id;
  },
};
