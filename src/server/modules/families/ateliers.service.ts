import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound, VersionConflict, detailPath, type Detail } from '../../platform/errors.js';
import type {
  TAtelier,
  TAtelierCreate,
  TAtelierUpdate,
  TCommitment,
  TCommitmentCreate,
  TCommitmentToPlan,
  TCommitmentUpdate,
  TParticipant,
} from '../../../shared/schemas/families/care.js';
import type { TPlanOwner } from '../../../shared/schemas/families/plan.js';
import type { FamilyFacts } from './access.repo.js';
import { familyPolicy } from './families.policy.js';
import { auditFamily, inFamily } from './family-gate.js';
import { dayOf, definedOnly } from './care-common.js';
import { ateliersRepo, type CommitmentRow } from './ateliers.repo.js';
import { createPlanService } from './plan.service.js';
import { markingChange, markingChanged, resolveMarking } from './marking.js';

/**
 * Atelier sessions (Plantrekkers): date, participants — the family's members, its informal
 * network and professionals of the team, of several organisations, checked against THIS family —,
 * ideas, and commitments followed up until done. A commitment can become a plan action: the plan
 * service saves a new version with the action appended (its checks, version and audit apply), and
 * the commitment remembers the action's key. Reading needs `readPlan`, changing `manageAteliers`.
 * An atelier's marking (what the family sees of it in the portal) is set on creation and changed
 * like its other fields; the audit row keeps the marking before and after.
 */
export function createAteliersService(db: Db) {
  const abilities = (ctx: FullContext, facts: FamilyFacts) => {
    const manage = familyPolicy.can(ctx, 'manageAteliers', facts);
    return { manage, toPlan: manage && familyPolicy.can(ctx, 'editPlan', facts) };
  };

  const toCommitment = (row: CommitmentRow, today: string): TCommitment => ({
    ...row,
    overdue: row.status === 'open' && row.dueOn !== null && row.dueOn < today,
  });

  /** The participants as stored: each reference must be a current member, network person or team member of this family. */
  async function resolveParticipants(tx: Tx, familyId: string, refs: { kind: TParticipant['kind']; id: string }[], field = 'participants'): Promise<TParticipant[]> {
    const possible = await ateliersRepo.possibleParticipants(tx, familyId);
    const problems: Detail[] = [];
    const out: TParticipant[] = [];
    const seen = new Set<string>();
    refs.forEach((ref, i) => {
      const found = possible.find((p) => p.kind === ref.kind && p.id === ref.id);
      if (!found) problems.push({ path: detailPath('body', field, i, 'id'), message: 'Not a member, network person or team member of this family' });
      else if (seen.has(`${ref.kind}:${ref.id}`)) problems.push({ path: detailPath('body', field, i, 'id'), message: 'Listed twice' });
      else {
        seen.add(`${ref.kind}:${ref.id}`);
        out.push(found);
      }
    });
    if (problems.length > 0) throw new Invalid(undefined, problems);
    return out;
  }

  /** An owner person must be on the family's open team; a due date not before the atelier. */
  async function checkCommitments(tx: Tx, familyId: string, heldOn: string, items: { ownerPersonId?: string | null | undefined; dueOn?: string | null | undefined }[], at: (i: number) => string[]) {
    const team = new Set((await ateliersRepo.possibleParticipants(tx, familyId)).filter((p) => p.kind === 'professional').map((p) => p.id));
    const problems: Detail[] = [];
    items.forEach((c, i) => {
      if (c.ownerPersonId && !team.has(c.ownerPersonId)) problems.push({ path: detailPath('body', ...at(i), 'ownerPersonId'), message: 'Not on the team of this family' });
      if (c.dueOn && c.dueOn < heldOn) problems.push({ path: detailPath('body', ...at(i), 'dueOn'), message: 'Before the atelier' });
    });
    if (problems.length > 0) throw new Invalid(undefined, problems);
  }

  async function oneAtelier(tx: Tx, ctx: FullContext, facts: FamilyFacts, atelierId: string) {
    const [row] = await ateliersRepo.ateliers(tx, facts.id, atelierId);
    if (!row) throw new NotFound();
    const commitments = await ateliersRepo.commitments(tx, facts.id, { atelierIds: [row.id] });
    return { data: toAtelier(row, commitments, dayOf(ctx.now)), abilities: abilities(ctx, facts) };
  }

  function toAtelier(row: Awaited<ReturnType<typeof ateliersRepo.ateliers>>[number], commitments: CommitmentRow[], today: string): TAtelier {
    const participants = (Array.isArray(row.participants) ? row.participants : []) as Partial<TParticipant>[];
    return {
      ...row,
      participants: participants.map((p) => ({
        kind: p.kind ?? 'member',
        id: p.id ?? '',
        name: p.name ?? '',
        organisationId: p.organisationId ?? null,
        organisationName: p.organisationName ?? null,
      })),
      commitments: commitments.filter((c) => c.atelierId === row.id).map((c) => toCommitment(c, today)),
    };
  }

  async function oneCommitment(tx: Tx, ctx: FullContext, facts: FamilyFacts, commitmentId: string) {
    const [row] = await ateliersRepo.commitments(tx, facts.id, { commitmentId });
    if (!row) throw new NotFound();
    return { data: toCommitment(row, dayOf(ctx.now)), abilities: abilities(ctx, facts) };
  }

  const commitmentValues = (c: TCommitmentCreate) => ({ description: c.description, ownerLabel: c.ownerLabel, ownerPersonId: c.ownerPersonId ?? null, dueOn: c.dueOn ?? null });

  return {
    list(ctx: RequestContext, familyId: string) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, full) => {
        const rows = await ateliersRepo.ateliers(tx, familyId);
        const commitments = await ateliersRepo.commitments(tx, familyId, { atelierIds: rows.map((r) => r.id) });
        await auditFamily(tx, full, facts, { action: 'atelier.list', details: { count: rows.length } });
        const today = dayOf(full.now);
        return { data: { items: rows.map((r) => toAtelier(r, commitments, today)) }, abilities: abilities(full, facts) };
      });
    },

    listCommitments(ctx: RequestContext, familyId: string, query: { status: 'open' | 'done' | 'dropped' | 'all' }) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, full) => {
        const rows = await ateliersRepo.commitments(tx, familyId, query.status === 'all' ? {} : { status: query.status });
        await auditFamily(tx, full, facts, { action: 'commitment.list', details: { status: query.status, count: rows.length } });
        const today = dayOf(full.now);
        return { data: { items: rows.map((r) => toCommitment(r, today)) }, abilities: abilities(full, facts) };
      });
    },

    create(ctx: RequestContext, familyId: string, input: TAtelierCreate) {
      return inFamily(db, ctx, familyId, 'manageAteliers', async (tx, facts, full) => {
        const participants = await resolveParticipants(tx, familyId, input.participants);
        const commitments = input.commitments ?? [];
        await checkCommitments(tx, familyId, input.heldOn, commitments, (i) => ['commitments', String(i)]);
        const marking = await resolveMarking(tx, full, familyId, { disclosure: 'normal', youthMemberId: null }, { disclosure: input.disclosure ?? 'normal', youthMemberId: input.youthMemberId });
        const id = await ateliersRepo.insertAtelier(tx, { familyId, heldOn: input.heldOn, participants, ideas: input.ideas ?? null, createdBy: full.actor.personId, ...marking }, full.now);
        await ateliersRepo.insertCommitments(tx, familyId, id, commitments.map(commitmentValues), full.now);
        await auditFamily(tx, full, facts, {
          action: 'atelier.create', resourceType: 'atelier', resourceId: id,
          details: { participants: participants.length, commitments: commitments.length, disclosure: marking.disclosure, ...(marking.youthMemberId ? { youthMemberId: marking.youthMemberId } : {}) },
        });
        return oneAtelier(tx, full, facts, id);
      });
    },

    update(ctx: RequestContext, familyId: string, atelierId: string, input: TAtelierUpdate) {
      return inFamily(db, ctx, familyId, 'manageAteliers', async (tx, facts, full) => {
        const current = await ateliersRepo.lockAtelier(tx, familyId, atelierId);
        if (!current) throw new NotFound();
        if (current.version !== input.version) throw new VersionConflict();
        const participants = input.participants ? await resolveParticipants(tx, familyId, input.participants) : undefined;
        if (input.heldOn !== undefined && input.heldOn !== current.heldOn) {
          // Moving the atelier must not leave commitments due before it (the rule a new commitment meets).
          const heldOn = input.heldOn;
          const early = (await ateliersRepo.commitments(tx, familyId, { atelierIds: [atelierId] })).filter((c) => c.dueOn !== null && c.dueOn < heldOn);
          if (early.length > 0) throw new Invalid(undefined, [{ path: detailPath('body', 'heldOn'), message: `After the due date of a commitment (${early[0]?.dueOn})` }]);
        }
        const before = { disclosure: current.disclosure, youthMemberId: current.youthMemberId };
        const marking = await resolveMarking(tx, full, familyId, before, input);
        const changed = markingChanged(before, marking);
        const values = definedOnly({ heldOn: input.heldOn, participants, ideas: input.ideas, ...(changed ? marking : {}) });
        if (!(await ateliersRepo.updateAtelier(tx, atelierId, input.version, values, full.now))) throw new VersionConflict();
        await auditFamily(tx, full, facts, {
          action: 'atelier.update', resourceType: 'atelier', resourceId: atelierId,
          details: { fields: Object.keys(values), ...(changed ? markingChange(before, marking) : {}) },
        });
        return oneAtelier(tx, full, facts, atelierId);
      });
    },

    addCommitment(ctx: RequestContext, familyId: string, atelierId: string, input: TCommitmentCreate) {
      return inFamily(db, ctx, familyId, 'manageAteliers', async (tx, facts, full) => {
        const at = await ateliersRepo.lockAtelier(tx, familyId, atelierId);
        if (!at) throw new NotFound();
        await checkCommitments(tx, familyId, at.heldOn, [input], () => []);
        const [id] = await ateliersRepo.insertCommitments(tx, familyId, atelierId, [commitmentValues(input)], full.now);
        await auditFamily(tx, full, facts, { action: 'commitment.create', resourceType: 'commitment', resourceId: id, details: { atelierId } });
        return oneCommitment(tx, full, facts, id ?? '');
      });
    },

    updateCommitment(ctx: RequestContext, familyId: string, commitmentId: string, input: TCommitmentUpdate) {
      return inFamily(db, ctx, familyId, 'manageAteliers', async (tx, facts, full) => {
        const current = await ateliersRepo.lockCommitment(tx, familyId, commitmentId);
        if (!current) throw new NotFound();
        if (current.c.version !== input.version) throw new VersionConflict();
        const values = definedOnly({ description: input.description, ownerLabel: input.ownerLabel, ownerPersonId: input.ownerPersonId, dueOn: input.dueOn, status: input.status });
        await checkCommitments(tx, familyId, current.heldOn, [values], () => []);
        if (!(await ateliersRepo.updateCommitment(tx, commitmentId, input.version, values, full.now))) throw new VersionConflict();
        await auditFamily(tx, full, facts, {
          action: 'commitment.update', resourceType: 'commitment', resourceId: commitmentId,
          details: { fields: Object.keys(values), ...(input.status ? { status: input.status } : {}) },
        });
        return oneCommitment(tx, full, facts, commitmentId);
      });
    },

    /**
     * The commitment becomes an action of the plan: the plan service (in this transaction) saves a
     * new version based on `planBasedOn` with the action appended — a stale plan is its 409 —, then
     * the commitment records the action's key. A commitment becomes an action once.
     */
    toPlan(ctx: RequestContext, familyId: string, commitmentId: string, input: TCommitmentToPlan) {
      return inFamily(db, ctx, familyId, 'manageAteliers', async (tx, facts, full) => {
        familyPolicy.authorize(full, 'editPlan', facts);
        const current = await ateliersRepo.lockCommitment(tx, familyId, commitmentId);
        if (!current) throw new NotFound();
        if (current.c.version !== input.version) throw new VersionConflict();
        if (current.c.planActionKey) throw new Conflict('This commitment is a plan action already');
        const owner: TPlanOwner | undefined = input.owner ?? (current.c.ownerPersonId ? { kind: 'team', personId: current.c.ownerPersonId } : undefined);
        if (!owner) throw new Invalid(undefined, [{ path: detailPath('body', 'owner'), message: 'Who does it: the commitment has no team owner, so name one' }]);
        // The plan service opens its own (nested) transaction on ours: one commit for both.
        const plans = createPlanService(tx as unknown as Db);
        const plan = await plans.get(ctx, familyId);
        const key = randomUUID();
        const content = plan.data.current.content;
        await plans.save(ctx, familyId, {
          basedOn: input.planBasedOn,
          summary: `Engagement uit het atelier van ${current.heldOn} als actie toegevoegd`,
          content: {
            ...content,
            actions: [...content.actions, { key, goalKey: input.goalKey ?? null, what: current.c.description, owner, dueOn: current.c.dueOn, status: 'planned' }],
          },
        });
        if (!(await ateliersRepo.updateCommitment(tx, commitmentId, input.version, { planActionKey: key }, full.now))) throw new VersionConflict();
        await auditFamily(tx, full, facts, { action: 'commitment.to_plan', resourceType: 'commitment', resourceId: commitmentId, details: { planActionKey: key } });
        return oneCommitment(tx, full, facts, commitmentId);
      });
    },
  };
}
