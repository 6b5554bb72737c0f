import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import type { TPublication, TPublishedMeeting, TPublishedPlan } from '../../../shared/schemas/governance.js';
import { meetingPolicy, planPolicy, todayOf } from './governance.policy.js';
import { meetingsRepo } from './meetings.repo.js';
import { plansRepo } from './plans.repo.js';
import { publicationsRepo } from './publications.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof publicationsRepo.ofMeeting>>>;

const toPublication = (row: Row): TPublication => ({
  ...row,
  kind: row.meetingId ? 'meeting_decisions' : 'plan',
  publishedAt: row.publishedAt.toISOString(),
});

/**
 * Publishing: a meeting's decisions and a regional plan (its approved and released actions) are
 * members-only until those who may change them (chair, secretary, the body's coordinators) publish
 * them explicitly; then every logged-in professional reads them, read-only, until withdrawn.
 * Nothing else of the body (agenda, discussion, attendance, draft actions) is ever published.
 */
export function createPublicationsService(db: Db) {
  async function meeting(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update', lock: boolean) {
    const facts = await meetingsRepo.meetingFacts(tx, id, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!facts) throw new NotFound();
    meetingPolicy.authorize(ctx, action, facts);
    return { facts, full: ctx as FullContext };
  }

  async function plan(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update', lock: boolean) {
    const row = await plansRepo.planFacts(tx, id, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!row) throw new NotFound();
    const facts = { id: row.id, bodyId: row.bodyId, regionId: row.regionId, actorRoles: row.actorRoles };
    planPolicy.authorize(ctx, action, facts);
    return { facts, full: ctx as FullContext };
  }

  const audit = (tx: DbOrTx, ctx: FullContext, action: 'publish' | 'unpublish', resourceType: string, resourceId: string, kind: TPublication['kind']) =>
    recordAudit(tx, { ...auditActor(ctx), action: `governance.publication.${action}`, resourceType, resourceId, outcome: 'success', details: { kind } });

  return {
    /** Everything published, newest first: for every logged-in professional. */
    async list(_ctx: RequestContext) {
      const items = (await publicationsRepo.list(db, 200)).map(toPublication);
      return { data: { items } };
    },

    meetingState(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await meeting(tx, ctx, id, 'view', false);
        const row = await publicationsRepo.ofMeeting(tx, id);
        return { data: row ? toPublication(row) : null, abilities: meetingPolicy.abilitiesOf(full, facts) };
      });
    },

    planState(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await plan(tx, ctx, id, 'view', false);
        const row = await publicationsRepo.ofPlan(tx, id);
        return { data: row ? toPublication(row) : null, abilities: planPolicy.abilitiesOf(full, facts) };
      });
    },

    /** Publishes the decisions of a held meeting (409 before it was held, or when already published). */
    publishMeeting(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await meeting(tx, ctx, id, 'update', true);
        if (facts.status !== 'held') {
          throw new Conflict(tr(full, 'Alleen de beslissingen van een gehouden vergadering kunnen gepubliceerd worden.', 'Only the decisions of a meeting that was held can be published.'));
        }
        if (await publicationsRepo.ofMeeting(tx, id)) throw new Conflict(tr(full, 'De beslissingen van deze vergadering zijn al gepubliceerd.', 'The decisions of this meeting are already published.'));
        await publicationsRepo.insert(tx, { bodyId: facts.bodyId, meetingId: id, publishedBy: full.actor.personId, publishedAt: full.now });
        await audit(tx, full, 'publish', 'governance_meeting', id, 'meeting_decisions');
        const row = await publicationsRepo.ofMeeting(tx, id);
        if (!row) throw new NotFound();
        return { data: toPublication(row), abilities: meetingPolicy.abilitiesOf(full, facts) };
      });
    },

    unpublishMeeting(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { full } = await meeting(tx, ctx, id, 'update', true);
        if (!(await publicationsRepo.deleteOf(tx, { meetingId: id }))) throw new Conflict(tr(full, 'Deze vergadering is niet gepubliceerd.', 'This meeting is not published.'));
        await audit(tx, full, 'unpublish', 'governance_meeting', id, 'meeting_decisions');
      });
    },

    /** Publishes a plan: its approved and released actions (409 while it has none, or when already published). */
    publishPlan(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await plan(tx, ctx, id, 'update', true);
        if ((await publicationsRepo.approvedActions(tx, id)).length === 0) {
          throw new Conflict(tr(full, 'Dit plan heeft nog geen goedgekeurde acties: er is niets om te publiceren.', 'This plan has no approved actions yet: there is nothing to publish.'));
        }
        if (await publicationsRepo.ofPlan(tx, id)) throw new Conflict(tr(full, 'Dit plan is al gepubliceerd.', 'This plan is already published.'));
        await publicationsRepo.insert(tx, { bodyId: facts.bodyId, planId: id, publishedBy: full.actor.personId, publishedAt: full.now });
        await audit(tx, full, 'publish', 'governance_plan', id, 'plan');
        const row = await publicationsRepo.ofPlan(tx, id);
        if (!row) throw new NotFound();
        return { data: toPublication(row), abilities: planPolicy.abilitiesOf(full, facts) };
      });
    },

    unpublishPlan(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { full } = await plan(tx, ctx, id, 'update', true);
        if (!(await publicationsRepo.deleteOf(tx, { planId: id }))) throw new Conflict(tr(full, 'Dit plan is niet gepubliceerd.', 'This plan is not published.'));
        await audit(tx, full, 'unpublish', 'governance_plan', id, 'plan');
      });
    },

    /** The published decisions of a meeting, for every professional; 404 when not published. */
    async publishedMeeting(_ctx: RequestContext, id: string): Promise<{ data: TPublishedMeeting }> {
      const row = await publicationsRepo.ofMeeting(db, id);
      if (!row) throw new NotFound();
      const decisions = await publicationsRepo.decisions(db, id);
      // The amendments of the published decision items only (those of other items may correct unpublished parts).
      const amendments = await meetingsRepo.amendments(db, decisions.map((d) => d.itemId));
      return {
        data: {
          publication: toPublication(row),
          decisions: decisions.map((d) => ({
            ...d,
            amendments: amendments.filter((a) => a.agendaItemId === d.itemId).map((a) => ({ text: a.text, createdAt: a.createdAt.toISOString() })),
          })),
        },
      };
    },

    /** The published plan (approved and released actions), for every professional; 404 when not published. */
    async publishedPlan(_ctx: RequestContext, id: string): Promise<{ data: TPublishedPlan }> {
      const row = await publicationsRepo.ofPlan(db, id);
      if (!row) throw new NotFound();
      const actions = (await publicationsRepo.approvedActions(db, id)).map((a) => ({
        number: a.number,
        description: a.description,
        responsible: [a.personName, a.organisationName, a.responsibleText].filter(Boolean).join(', '),
        budgetCents: a.budgetCents,
        conditions: a.conditions,
        status: a.status as TPublishedPlan['actions'][number]['status'],
      }));
      return { data: { publication: toPublication(row), description: await publicationsRepo.planDescription(db, id), actions, totalBudgetCents: actions.reduce((s, a) => s + a.budgetCents, 0) } };
    },
  };
}
