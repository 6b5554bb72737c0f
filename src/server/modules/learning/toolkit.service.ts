import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Forbidden, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import {
  criterionSpreads,
  type TAssessmentPut,
  type TPartnershipCreate,
  type TPartnershipDetail,
  type TPartnershipUpdate,
  type TToolkitContent,
  type TToolkitContentUpdate,
  type TToolkitTexts,
} from '../../../shared/schemas/learning-toolkit.js';
import { adminOrganisations } from './learning.policy.js';
import { isCoordinator, mayCreatePartnership, mayEditContent, partnershipPolicy, type PartnershipFacts } from './toolkit.policy.js';
import { toolkitRepo } from './toolkit.repo.js';
import { DEFAULT_TOOLKIT_TEXTS } from './toolkit.defaults.js';

const invalid = (field: string, message: string) => new Invalid(message, [{ path: detailPath('body', field), message }]);
const sameKeys = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The collaboration toolkit: the versioned texts of barometer, phase model and checklist;
 * partnerships; rounds of self-assessment with one view per partner organisation. Transaction
 * first, audited in the same transaction. A round keeps the content version it was made with, and
 * a view is checked against that version's criteria, phases and checklist items.
 */
export function createToolkitService(db: Db) {
  /** The newest content; the first version (the Dutch defaults) is written on first use. */
  async function currentContent(tx: DbOrTx, lock = false): Promise<TToolkitContent> {
    const found = await toolkitRepo.currentContent(tx, lock);
    if (found) return found;
    await toolkitRepo.insertContent(tx, 1, DEFAULT_TOOLKIT_TEXTS, null, new Date(), true);
    const first = await toolkitRepo.currentContent(tx, lock);
    if (!first) throw new Error('toolkit content missing');
    return first;
  }

  async function authorized(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update' | 'assess' | 'deleteRounds', lock: boolean) {
    const row = await toolkitRepo.partnershipFacts(tx, id, lock);
    if (!row) throw new NotFound();
    const facts: PartnershipFacts = { id: row.id, organisationIds: row.organisationIds };
    partnershipPolicy.authorize(ctx, action, facts);
    return { row, facts, full: ctx };
  }

  async function detail(tx: DbOrTx, ctx: FullContext, id: string) {
    const row = await toolkitRepo.partnershipFacts(tx, id);
    if (!row) throw new NotFound();
    const facts: PartnershipFacts = { id: row.id, organisationIds: row.organisationIds };
    const members = (await toolkitRepo.members(tx, [id])).get(id) ?? [];
    const rounds = await toolkitRepo.rounds(tx, id);
    const contents = await toolkitRepo.contents(tx, [...new Set(rounds.map((r) => r.contentVersion))]);
    const data: TPartnershipDetail = {
      id: row.id,
      name: row.name,
      description: row.description,
      members,
      roundCount: rounds.length,
      lastRoundDate: rounds.length ? rounds.map((r) => r.date).sort().at(-1) ?? null : null,
      version: row.version,
      rounds: rounds.map((r) => {
        const content = contents.find((c) => c.version === r.contentVersion);
        return { ...r, spreads: criterionSpreads(content?.criteria.map((c) => c.key) ?? [], r.assessments) };
      }),
      contents,
    };
    return { data, abilities: partnershipPolicy.abilitiesOf(ctx, facts) };
  }

  /** Organisation ids must exist (400 on body.organisationIds otherwise). */
  async function checkOrganisations(tx: DbOrTx, ctx: FullContext, ids: string[]) {
    const found = await toolkitRepo.existingOrganisations(tx, ids);
    if (found.length !== ids.length) throw invalid('organisationIds', tr(ctx, 'Een van de gekozen organisaties bestaat niet.', 'One of the chosen organisations does not exist.'));
  }

  /** An organisation admin (not a coordinator) keeps an organisation they administer in the partnership. */
  function checkOwnOrganisation(ctx: FullContext, ids: string[]) {
    if (isCoordinator(ctx.actor)) return;
    if (!adminOrganisations(ctx.actor).some((o) => ids.includes(o))) {
      throw new Forbidden(tr(ctx, 'Een samenwerking die je start of aanpast, moet een organisatie bevatten die je beheert.', 'A partnership you start or change must include an organisation you administer.'));
    }
  }

  /** A view must answer exactly the round's criteria and checklist items, with one of its phases. */
  function checkAgainst(ctx: FullContext, texts: TToolkitTexts, input: TAssessmentPut) {
    if (!sameKeys(input.scores.map((s) => s.criterion), texts.criteria.map((c) => c.key))) {
      throw invalid('scores', tr(ctx, 'Geef een score voor elk criterium van de barometer, één keer.', 'Give one score for every criterion of the barometer.'));
    }
    if (!texts.phases.some((p) => p.key === input.phase)) throw invalid('phase', tr(ctx, 'Kies een fase uit het fasenmodel.', 'Choose a phase of the phase model.'));
    if (!sameKeys(input.checklist.map((c) => c.item), texts.checklist.map((c) => c.key))) {
      throw invalid('checklist', tr(ctx, 'Beantwoord elke vraag van de checklist, één keer.', 'Answer every item of the checklist once.'));
    }
  }

  return {
    // --- content ------------------------------------------------------------------------------

    async getContent(ctx: FullContext) {
      const data = await db.transaction(async (tx) => currentContent(tx));
      return { data, abilities: { editContent: mayEditContent(ctx.actor), createPartnership: mayCreatePartnership(ctx.actor) } };
    },

    /** Writes the texts as the next content version; rounds made before keep theirs. */
    async updateContent(ctx: FullContext, input: TToolkitContentUpdate) {
      return db.transaction(async (tx) => {
        const current = await currentContent(tx, true);
        if (current.version !== input.version) throw new VersionConflict();
        const { version: _v, ...texts } = input;
        // A criterion partners already scored stays (old rounds keep their wording, but the comparison over time needs it).
        const kept = new Set(texts.criteria.map((c) => c.key));
        const removed = current.criteria.filter((c) => !kept.has(c.key));
        const answered = new Set(await toolkitRepo.answeredCriteria(tx, removed.map((c) => c.key)));
        const blocked = removed.filter((c) => answered.has(c.key));
        if (blocked.length) {
          const titles = blocked.map((c) => `"${c.title}"`).join(', ');
          throw new Conflict(
            tr(ctx, `Dit criterium heeft al antwoorden van partners en kan niet verwijderd worden: ${titles}. Pas de tekst aan in plaats van het te verwijderen.`, `This criterion already has answers from partners and cannot be removed: ${titles}. Change its text instead of removing it.`),
            blocked.map((c) => ({ path: detailPath('body', 'criteria'), message: c.key })),
          );
        }
        const next = current.version + 1;
        await toolkitRepo.insertContent(tx, next, texts, ctx.actor.personId, ctx.now);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'learning.toolkit.content.update', resourceType: 'learning_toolkit_content', resourceId: null,
          outcome: 'success', details: { version: next, criteria: texts.criteria.length, phases: texts.phases.length, checklist: texts.checklist.length },
        });
        const data = await currentContent(tx);
        return { data, abilities: { editContent: true, createPartnership: mayCreatePartnership(ctx.actor) } };
      });
    },

    // --- partnerships -------------------------------------------------------------------------

    async organisationOptions(q: string | undefined) {
      return { data: await toolkitRepo.organisationOptions(db, q) };
    },

    async listPartnerships(ctx: FullContext, query: { cursor?: string | undefined; limit?: number | undefined }) {
      const page = await toolkitRepo.pagePartnerships(db, { scope: partnershipPolicy.scope(ctx), cursor: query.cursor, limit: boundLimit(query.limit) });
      const facts = page.items.map((p) => ({ id: p.id, organisationIds: p.members.map((m) => m.organisationId) }));
      return { data: page, abilities: partnershipPolicy.abilitiesById(ctx, facts) };
    },

    async getPartnership(ctx: RequestContext, id: string) {
      const { full } = await authorized(db, ctx, id, 'view', false);
      return detail(db, full, id);
    },

    async createPartnership(ctx: FullContext, input: TPartnershipCreate) {
      return db.transaction(async (tx) => {
        checkOwnOrganisation(ctx, input.organisationIds);
        await checkOrganisations(tx, ctx, input.organisationIds);
        const id = await toolkitRepo.insertPartnership(tx, { name: input.name, description: input.description }, ctx.actor.personId, ctx.now);
        await toolkitRepo.setMembers(tx, id, input.organisationIds);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'learning.partnership.create', resourceType: 'learning_partnership', resourceId: id,
          outcome: 'success', details: { organisations: input.organisationIds.length },
        });
        return detail(tx, ctx, id);
      });
    },

    async updatePartnership(ctx: RequestContext, id: string, input: TPartnershipUpdate) {
      return db.transaction(async (tx) => {
        const { row, full } = await authorized(tx, ctx, id, 'update', true);
        if (row.version !== input.version) throw new VersionConflict();
        if (input.organisationIds) {
          checkOwnOrganisation(full, input.organisationIds);
          await checkOrganisations(tx, full, input.organisationIds);
        }
        const values: { name?: string; description?: string } = {};
        if (input.name !== undefined) values.name = input.name;
        if (input.description !== undefined) values.description = input.description;
        if (!(await toolkitRepo.updatePartnership(tx, id, input.version, values, full.now))) throw new VersionConflict();
        if (input.organisationIds) await toolkitRepo.setMembers(tx, id, input.organisationIds);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.partnership.update', resourceType: 'learning_partnership', resourceId: id,
          outcome: 'success', details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return detail(tx, full, id);
      });
    },

    // --- rounds and views ---------------------------------------------------------------------

    /** A new round on a day, with the content version of today. */
    async createRound(ctx: RequestContext, id: string, date: string) {
      return db.transaction(async (tx) => {
        const { full } = await authorized(tx, ctx, id, 'assess', true);
        const content = await currentContent(tx);
        const roundId = await toolkitRepo.insertRound(tx, { partnershipId: id, date, contentVersion: content.version }, full.actor.personId, full.now);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.partnership.round.create', resourceType: 'learning_partnership', resourceId: id,
          outcome: 'success', details: { roundId, date, contentVersion: content.version },
        });
        return detail(tx, full, id);
      });
    },

    /**
     * Deletes a round with its views, at the version the caller saw (409 when a view was written since).
     * Coordinators may delete any round; a partner's people only a round in which no other partner
     * filled in a view (409). The partnership row stays locked, as when a view is written, so a view
     * saved at the same moment lands either before (409) or after (404: the round is gone).
     */
    async deleteRound(ctx: RequestContext, id: string, roundId: string, version: number) {
      return db.transaction(async (tx) => {
        const { full } = await authorized(tx, ctx, id, 'deleteRounds', true);
        const round = await toolkitRepo.round(tx, id, roundId);
        if (!round) throw new NotFound();
        if (round.version !== version) throw new VersionConflict();
        const views = await toolkitRepo.roundViewOrganisations(tx, roundId);
        if (!isCoordinator(full.actor)) {
          const own = new Set(full.actor.memberships.map((m) => m.organisationId));
          if (views.some((o) => !own.has(o))) {
            throw new Conflict(
              tr(full, 'Een andere partner vulde in deze ronde al zijn kijk in; de ronde kan niet meer verwijderd worden. Vraag het eventueel aan de netwerkcoördinator.', 'Another partner already filled in their view in this round; the round can no longer be deleted. Ask the network coordinator if needed.'),
            );
          }
        }
        await toolkitRepo.deleteRound(tx, roundId);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.partnership.round.delete', resourceType: 'learning_partnership', resourceId: id,
          outcome: 'success', details: { roundId, date: round.date, contentVersion: round.contentVersion, views: views.length },
        });
        return detail(tx, full, id);
      });
    },

    /** Writes (or changes) the view of one partner organisation in a round: only people working in it. */
    async putAssessment(ctx: RequestContext, id: string, roundId: string, organisationId: string, input: TAssessmentPut) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorized(tx, ctx, id, 'assess', true);
        const round = await toolkitRepo.round(tx, id, roundId);
        if (!round || !facts.organisationIds.includes(organisationId)) throw new NotFound();
        if (!full.actor.memberships.some((m) => m.organisationId === organisationId)) {
          throw new Forbidden(tr(full, 'Je vult alleen de kijk van je eigen organisatie in.', 'You fill in the view of your own organisation only.'));
        }
        const [content] = await toolkitRepo.contents(tx, [round.contentVersion]);
        if (!content) throw new Error('round content missing');
        checkAgainst(full, content, input);
        const values = {
          scores: input.scores.map((s) => ({ criterion: s.criterion, score: s.score, note: s.note })),
          phase: input.phase,
          checklist: input.checklist.map((c) => ({ item: c.item, answer: c.answer, note: c.note })),
        };
        const existing = await toolkitRepo.lockAssessment(tx, roundId, organisationId);
        let action: 'learning.partnership.assessment.create' | 'learning.partnership.assessment.update';
        if (existing) {
          if (existing.version !== input.version || !(await toolkitRepo.updateAssessment(tx, existing.id, input.version, values, full.actor.personId, full.now))) throw new VersionConflict();
          action = 'learning.partnership.assessment.update';
        } else {
          if (input.version !== 0) throw new VersionConflict();
          await toolkitRepo.insertAssessment(tx, { roundId, organisationId, ...values }, full.actor.personId, full.now);
          action = 'learning.partnership.assessment.create';
        }
        await toolkitRepo.touchRound(tx, roundId, full.now);
        await recordAudit(tx, {
          ...auditActor(full), action, resourceType: 'learning_partnership', resourceId: id, organisationId,
          outcome: 'success', details: { roundId, phase: input.phase },
        });
        return detail(tx, full, id);
      });
    },
  };
}
