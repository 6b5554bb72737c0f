import type { Db } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { boundLimit } from '../../db/paging.js';
import { Invalid, NotFound, detailPath } from '../../platform/errors.js';
import { brusselsDate } from '../../platform/clock.js';
import { ageOn } from './care-common.js';
import { SELF_CONSENT_AGE } from './family.service.js';
import type { TJournalCreate } from '../../../shared/schemas/families/care.js';
import type { FamilyFacts } from './access.repo.js';
import { familyPolicy } from './families.policy.js';
import { auditFamily, inFamily } from './family-gate.js';
import { journalRepo } from './journal.repo.js';

/**
 * The family's journal: notes for the whole team or for the author's organisation only
 * (filtered in the query). Reading needs the `journal` scope (`readJournal`), writing
 * `writeJournal`. Both are audited without the note's content.
 */
export function createJournalService(db: Db) {
  const abilities = (ctx: FullContext, facts: FamilyFacts) => ({ write: familyPolicy.can(ctx, 'writeJournal', facts) });
  /** Whoever passed readJournal is on the open team, so the organisation is known. */
  const readerOrg = (facts: FamilyFacts) => facts.teamOrganisationId ?? '00000000-0000-0000-0000-000000000000';

  return {
    list(ctx: RequestContext, familyId: string, query: { cursor?: string | undefined; limit?: number | undefined }) {
      return inFamily(db, ctx, familyId, 'readJournal', async (tx, facts, full) => {
        const page = await journalRepo.page(tx, familyId, readerOrg(facts), { cursor: query.cursor, limit: boundLimit(query.limit, 20) });
        await auditFamily(tx, full, facts, { action: 'journal.list', details: { count: page.items.length, ...(query.cursor ? { nextPage: true } : {}) } });
        return { data: page, abilities: abilities(full, facts) };
      });
    },

    add(ctx: RequestContext, familyId: string, input: TJournalCreate) {
      return inFamily(db, ctx, familyId, 'writeJournal', async (tx, facts, full) => {
        // On the open team means a person (the gate refuses accounts without one).
        if (!full.actor.personId) throw new NotFound();
        // A note of a youth's own names that youth: a current child of this family aged 12 or older.
        const youthMemberId = input.disclosure === 'youth_own' ? (input.youthMemberId ?? null) : null;
        if (youthMemberId) {
          const youth = await journalRepo.member(tx, familyId, youthMemberId);
          if (!youth || youth.role !== 'child' || !youth.birthDate || ageOn(youth.birthDate, brusselsDate(full.now)) < SELF_CONSENT_AGE)
            throw new Invalid('Kies een jongere van 12 jaar of ouder uit dit gezin.', [{ path: detailPath('body', 'youthMemberId'), message: 'not_a_youth' }]);
        }
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
        const page = await journalRepo.page(tx, familyId, readerOrg(facts), { limit: 1, noteId: id });
        const note = page.items[0];
        if (!note) throw new Error('journal note not readable after insert');
        return { data: note, abilities: abilities(full, facts) };
      });
    },
  };
}
