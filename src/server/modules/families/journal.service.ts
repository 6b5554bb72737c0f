import type { Db, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { boundLimit } from '../../db/paging.js';
import { Forbidden, NotFound, VersionConflict } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import type { TJournalCreate, TJournalMark, TJournalNote } from '../../../shared/schemas/families/care.js';
import type { FamilyFacts } from './access.repo.js';
import { familyPolicy } from './families.policy.js';
import { auditFamily, inFamily } from './family-gate.js';
import { journalRepo } from './journal.repo.js';
import { markingChange, markingChanged, resolveMarking } from './marking.js';

/**
 * The family's journal: notes for the whole team or for the author's organisation only
 * (filtered in the query). Reading needs the `journal` scope (`readJournal`), writing
 * `writeJournal`. Both are audited without the note's content.
 *
 * A note's text is never changed after saving (the journal is a record), but its marking — what the
 * family sees of it — can be corrected: by the note's author, or by the family's contact person
 * (who answers for what the family gets to see), each with `writeJournal`. The audit row keeps the
 * marking before and after, so nothing is lost.
 */
export function createJournalService(db: Db) {
  const abilities = (ctx: FullContext, facts: FamilyFacts) => ({ write: familyPolicy.can(ctx, 'writeJournal', facts) });
  /** Whoever passed readJournal is on the open team, so the organisation is known. */
  const readerOrg = (facts: FamilyFacts) => facts.teamOrganisationId ?? '00000000-0000-0000-0000-000000000000';
  /** The note's author or the contact person, when they may write in the journal at all. */
  const mayMark = (ctx: FullContext, facts: FamilyFacts, authorPersonId: string) =>
    familyPolicy.can(ctx, 'writeJournal', facts) && (facts.isContact || (ctx.actor.personId !== null && ctx.actor.personId === authorPersonId));
  const withAbility = (ctx: FullContext, facts: FamilyFacts) => (n: Omit<TJournalNote, 'markable'>): TJournalNote => ({ ...n, markable: mayMark(ctx, facts, n.authorPersonId) });

  async function oneNote(tx: Tx, ctx: FullContext, facts: FamilyFacts, noteId: string) {
    const page = await journalRepo.page(tx, facts.id, readerOrg(facts), { limit: 1, noteId });
    const note = page.items[0];
    if (!note) throw new Error('journal note not readable after the change');
    return { data: withAbility(ctx, facts)(note), abilities: abilities(ctx, facts) };
  }

  return {
    list(ctx: RequestContext, familyId: string, query: { cursor?: string | undefined; limit?: number | undefined }) {
      return inFamily(db, ctx, familyId, 'readJournal', async (tx, facts, full) => {
        const page = await journalRepo.page(tx, familyId, readerOrg(facts), { cursor: query.cursor, limit: boundLimit(query.limit, 20) });
        await auditFamily(tx, full, facts, { action: 'journal.list', details: { count: page.items.length, ...(query.cursor ? { nextPage: true } : {}) } });
        return { data: { items: page.items.map(withAbility(full, facts)), nextCursor: page.nextCursor }, abilities: abilities(full, facts) };
      });
    },

    add(ctx: RequestContext, familyId: string, input: TJournalCreate) {
      return inFamily(db, ctx, familyId, 'writeJournal', async (tx, facts, full) => {
        // On the open team means a person (the gate refuses accounts without one).
        if (!full.actor.personId) throw new NotFound();
        // A note of a youth's own names that youth: a current child of this family aged 12 or older.
        const { youthMemberId } = await resolveMarking(tx, full, familyId, { disclosure: 'normal', youthMemberId: null }, { disclosure: input.disclosure ?? 'normal', youthMemberId: input.youthMemberId });
        const id = await journalRepo.insert(
          tx,
          {
            familyId,
            authorPersonId: full.actor.personId,
            authorOrganisationId: readerOrg(facts),
            visibility: input.visibility,
            disclosure: input.disclosure ?? 'normal',
            youthMemberId,
            body: input.body,
          },
          full.now,
        );
        await auditFamily(tx, full, facts, { action: 'journal.add', resourceType: 'journal_note', resourceId: id, details: { visibility: input.visibility, disclosure: input.disclosure ?? 'normal', ...(youthMemberId ? { youthMemberId } : {}) } });
        return oneNote(tx, full, facts, id);
      });
    },

    /** Corrects a note's marking (author or contact person), based on the version read: stale → 409. */
    mark(ctx: RequestContext, familyId: string, noteId: string, input: TJournalMark) {
      return inFamily(db, ctx, familyId, 'writeJournal', async (tx, facts, full) => {
        const current = await journalRepo.lockNote(tx, familyId, noteId, readerOrg(facts));
        if (!current) throw new NotFound();
        if (!mayMark(full, facts, current.authorPersonId))
          throw new Forbidden(tr(full, 'Alleen wie de notitie schreef of de contactpersoon kan de markering aanpassen.', 'Only the author of the note or the contact person can change its marking.'));
        if (current.version !== input.version) throw new VersionConflict();
        const before = { disclosure: current.disclosure, youthMemberId: current.youthMemberId };
        const after = await resolveMarking(tx, full, familyId, before, input);
        if (markingChanged(before, after)) {
          if (!(await journalRepo.updateMarking(tx, noteId, input.version, after, full.now))) throw new VersionConflict();
        }
        await auditFamily(tx, full, facts, { action: 'journal.mark', resourceType: 'journal_note', resourceId: noteId, details: markingChange(before, after) });
        return oneNote(tx, full, facts, noteId);
      });
    },
  };
}
