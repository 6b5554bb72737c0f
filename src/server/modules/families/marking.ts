import type { Tx } from '../../db/client.js';
import { brusselsDate } from '../../platform/clock.js';
import type { FullContext } from '../../platform/context.js';
import { Invalid, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import type { TDisclosure } from '../../../shared/schemas/families/enums.js';
import { ageOn } from './care-common.js';
import { SELF_CONSENT_AGE } from './family.service.js';
import { journalRepo } from './journal.repo.js';

/**
 * The marking of a journal note, wait or atelier: what the family sees of it in the portal
 * (`disclosure`), and for `youth_own` the youth it belongs to. One rule for all three: the youth
 * is a current child of THIS family aged 12 or older today (else 400, nothing written).
 */
export interface Marking {
  disclosure: TDisclosure;
  youthMemberId: string | null;
}

/** The stored marking after a change: the new class (or the current one) with its youth, checked. */
export async function resolveMarking(
  tx: Tx,
  ctx: FullContext,
  familyId: string,
  current: Marking,
  input: { disclosure?: TDisclosure | undefined; youthMemberId?: string | null | undefined },
): Promise<Marking> {
  // The contract sends the youth only with the class; without a class nothing about the marking
  // changes (and a stored youth who has since left does not block a change of another field).
  if (input.disclosure === undefined) return current;
  const disclosure = input.disclosure;
  const youthMemberId = disclosure === 'youth_own' ? (input.youthMemberId ?? null) : null;
  if (disclosure === 'youth_own') {
    const youth = youthMemberId ? await journalRepo.member(tx, familyId, youthMemberId) : undefined;
    if (!youth || youth.role !== 'child' || !youth.birthDate || ageOn(youth.birthDate, brusselsDate(ctx.now)) < SELF_CONSENT_AGE) {
      const message = tr(ctx, 'Kies een jongere van 12 jaar of ouder uit dit gezin.', 'Choose a youth aged 12 or older of this family.');
      throw new Invalid(message, [{ path: detailPath('body', 'youthMemberId'), message: 'not_a_youth' }]);
    }
  }
  return { disclosure, youthMemberId };
}

/** Whether a change altered the marking. */
export const markingChanged = (a: Marking, b: Marking) => a.disclosure !== b.disclosure || a.youthMemberId !== b.youthMemberId;

/** The audit details of a changed marking: before → after (ids only, never content). */
export const markingChange = (before: Marking, after: Marking) => ({
  marking: { from: { disclosure: before.disclosure, youthMemberId: before.youthMemberId }, to: { disclosure: after.disclosure, youthMemberId: after.youthMemberId } },
});
