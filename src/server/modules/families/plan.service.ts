import { tr } from '../../platform/i18n.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, Invalid, NotFound, VersionConflict, detailPath, isUniqueViolation, type Detail } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, boundLimit } from '../../db/paging.js';
import {
  EMPTY_PLAN,
  ZPlanContent,
  diffPlans,
  type TPlanAbilities,
  type TPlanContent,
  type TPlanVersion,
  type TPlanVersionSummary,
} from '../../../shared/schemas/families/plan.js';
import type { FamilyFacts } from './access.repo.js';
import { auditFamily, inFamily } from './family-gate.js';
import { familyPolicy } from './families.policy.js';
import { planRepo } from './plan.repo.js';

/** A stale save: carries the version somebody else saved first (the route puts it in the 409 body). */
export class PlanVersionConflict extends VersionConflict {
  constructor(readonly current: TPlanVersion) {
    super();
  }
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

type VersionRow = NonNullable<Awaited<ReturnType<typeof planRepo.version>>>;
function toVersion(row: VersionRow): TPlanVersion {
  return {
    number: row.number,
    author: row.authorPersonId || row.authorName ? { personId: row.authorPersonId, name: row.authorName ?? '' } : null,
    createdAt: iso(row.createdAt),
    summary: row.summary,
    // The stored content was valid when saved; parsing fills defaults of fields added later.
    content: ZPlanContent.parse(row.content),
  };
}

const EMPTY_VERSION: TPlanVersion = { number: 0, author: null, createdAt: null, summary: '', content: EMPTY_PLAN };

function abilitiesOf(ctx: RequestContext, facts: FamilyFacts): TPlanAbilities {
  const a = familyPolicy.abilitiesOf(ctx, facts);
  return { readPlan: a.readPlan, editPlan: a.editPlan, agreePlan: a.agreePlan };
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The family's local calendar day (Belgium) at `now`. */
function today(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** How far back a new date may lie and how far ahead (a typo like 2062 or 1925 is refused). */
const DATE_PAST_DAYS = 366;
const DATE_FUTURE_DAYS = 5 * 366;

/**
 * The family's one plan. Every use case goes through `inFamily` (transaction first, consent gate,
 * 404/403) and writes its audit row in the same transaction, reads included. A save locks the
 * family, compares `basedOn` with the current version (409 with that version when stale), checks
 * the references against this family's team, members, network and the life domains, and writes
 * the new version, the plan row, the action rows and the family's last plan change together. The
 * unique (plan_id, number) index is the last line of defence against two saves of one version.
 */
export function createPlanService(db: Db) {
  async function currentVersion(tx: DbOrTx, familyId: string, number: number): Promise<TPlanVersion> {
    if (number === 0) return EMPTY_VERSION;
    const row = await planRepo.version(tx, familyId, number);
    if (!row) throw new Error(`plan version ${number} of ${familyId} missing`);
    return toVersion(row);
  }

  /** References and dates a contract cannot check: 422 (unknown reference) or 400 (date out of range). */
  async function checkContent(tx: DbOrTx, ctx: { lang: 'nl' | 'en' }, familyId: string, content: TPlanContent, previous: TPlanContent, now: Date) {
    const refs: Detail[] = [];
    const dates: Detail[] = [];
    const at = (...parts: (string | number)[]) => detailPath('body', 'content', ...parts);

    const oldGoals = new Map(previous.goals.map((g) => [g.key, g]));
    const domains = await planRepo.activeDomains(tx, [...new Set(content.goals.map((g) => g.domain))]);
    content.goals.forEach((g, i) => {
      // A goal kept as it was may keep a life domain that was retired since.
      if (!domains.has(g.domain) && oldGoals.get(g.key)?.domain !== g.domain) refs.push({ path: at('goals', i, 'domain'), message: tr(ctx, 'Onbekend of niet meer gebruikt levensdomein.', 'Unknown life domain, or one no longer in use.') });
    });

    const oldActions = new Map(previous.actions.map((a) => [a.key, a]));
    const ownerKey = (o: TPlanContent['actions'][number]['owner']) => JSON.stringify(o);
    const team = await planRepo.present(tx, 'team', familyId, content.actions.flatMap((a) => (a.owner.kind === 'team' ? [a.owner.personId] : [])));
    const members = await planRepo.present(tx, 'member', familyId, content.actions.flatMap((a) => (a.owner.kind === 'member' ? [a.owner.memberId] : [])));
    const network = await planRepo.present(tx, 'network', familyId, [
      ...content.actions.flatMap((a) => (a.owner.kind === 'network' ? [a.owner.networkPersonId] : [])),
      ...content.network.map((n) => n.networkPersonId),
    ]);
    content.actions.forEach((a, i) => {
      const o = a.owner;
      const known = o.kind === 'team' ? team.has(o.personId) : o.kind === 'member' ? members.has(o.memberId) : network.has(o.networkPersonId);
      // A finished action keeps its owner after they left; open work needs someone who is still there.
      const kept = (a.status === 'done' || a.status === 'dropped') && (() => {
        const old = oldActions.get(a.key);
        return old !== undefined && ownerKey(old.owner) === ownerKey(o);
      })();
      if (!known && !kept) {
        const field = o.kind === 'team' ? 'personId' : o.kind === 'member' ? 'memberId' : 'networkPersonId';
        const message =
          o.kind === 'team'
            ? tr(ctx, 'Staat niet (meer) in het team van dit gezin.', 'Not on the family’s team (any more).')
            : o.kind === 'member'
              ? tr(ctx, 'Is geen gezinslid (meer).', 'Not a member of this family (any more).')
              : tr(ctx, 'Hoort niet (meer) bij het netwerk van dit gezin.', 'Not in this family’s network (any more).');
        refs.push({ path: at('actions', i, 'owner', field), message });
      }
    });
    content.network.forEach((n, i) => {
      if (!network.has(n.networkPersonId)) refs.push({ path: at('network', i, 'networkPersonId'), message: tr(ctx, 'Hoort niet (meer) bij het netwerk van dit gezin.', 'Not in this family’s network (any more).') });
    });
    if (refs.length) throw new AppError(422, 'invalid_reference', undefined, refs);

    const day = today(now);
    const earliest = addDays(day, -DATE_PAST_DAYS);
    const latest = addDays(day, DATE_FUTURE_DAYS);
    const outOfRange = (d: string) => d < earliest || d > latest;
    content.actions.forEach((a, i) => {
      if (a.dueOn && a.dueOn !== oldActions.get(a.key)?.dueOn && outOfRange(a.dueOn)) {
        dates.push({ path: at('actions', i, 'dueOn'), message: tr(ctx, `Kies een datum tussen ${earliest} en ${latest}.`, `Choose a date between ${earliest} and ${latest}.`) });
      }
    });
    const oldEvaluations = new Map(previous.evaluations.map((e) => [e.key, e.on]));
    content.evaluations.forEach((e, i) => {
      if (e.on !== oldEvaluations.get(e.key) && outOfRange(e.on)) dates.push({ path: at('evaluations', i, 'on'), message: tr(ctx, `Kies een datum tussen ${earliest} en ${latest}.`, `Choose a date between ${earliest} and ${latest}.`) });
    });
    if (dates.length) throw new Invalid(undefined, dates);
  }

  /** The first evaluation on or after today (null when none is planned). */
  function nextEvaluation(content: TPlanContent, now: Date): string | null {
    const day = today(now);
    return content.evaluations.map((e) => e.on).filter((d) => d >= day).sort()[0] ?? null;
  }

  async function planView(tx: DbOrTx, ctx: RequestContext, facts: FamilyFacts) {
    const row = await planRepo.plan(tx, facts.id);
    const current = await currentVersion(tx, facts.id, row?.currentVersion ?? 0);
    const { familyName, people } = await planRepo.people(tx, facts.id);
    return {
      data: {
        familyId: facts.id,
        familyName,
        current,
        people,
        agreement: row?.familyAgreedVersion && row.familyAgreedAt ? { version: row.familyAgreedVersion, at: iso(row.familyAgreedAt) } : null,
        nextEvaluationOn: row?.nextEvaluationOn ?? null,
      },
      abilities: abilitiesOf(ctx, facts),
    };
  }

  return {
    /** The current version, the family's agreement and the next evaluation. */
    get(ctx: RequestContext, familyId: string) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, full) => {
        const view = await planView(tx, ctx, facts);
        await auditFamily(tx, full, facts, { action: 'plan.view', resourceType: 'plan', details: { version: view.data.current.number } });
        return view;
      });
    },

    /** Saves a new version based on `basedOn`; 409 with the current version when somebody saved first. */
    async save(ctx: RequestContext, familyId: string, input: { basedOn: number; summary: string; content: TPlanContent }) {
      try {
        return await inFamily(
          db,
          ctx,
          familyId,
          'editPlan',
          async (tx, facts, full) => {
            const row = await planRepo.ensurePlan(tx, facts.id);
            const current = await currentVersion(tx, facts.id, row.currentVersion);
            if (input.basedOn !== row.currentVersion) throw new PlanVersionConflict(current);
            await checkContent(tx, full, facts.id, input.content, current.content, full.now);
            // The family's comments are written in the portal: a save that leaves them out keeps them.
            const content = input.content.comments === undefined && current.content.comments?.length ? { ...input.content, comments: current.content.comments } : input.content;
            const number = row.currentVersion + 1;
            await planRepo.insertVersion(tx, {
              planId: row.id,
              familyId: facts.id,
              number,
              authorPersonId: full.actor.personId ?? null,
              summary: input.summary,
              content,
              createdAt: full.now,
            });
            await planRepo.setCurrent(tx, row.id, { number, nextEvaluationOn: nextEvaluation(input.content, full.now), now: full.now });
            await planRepo.replaceActions(tx, facts.id, input.content.actions);
            await planRepo.touchFamily(tx, facts.id, full.now);
            await auditFamily(tx, full, facts, { action: 'plan.save', resourceType: 'plan', details: { version: number } });
            return planView(tx, ctx, facts);
          },
          { lock: true },
        );
      } catch (err) {
        // Two saves of one version that both passed the check (no lock held): the unique index refused the second.
        if (isUniqueViolation(err)) {
          const row = await planRepo.plan(db, familyId);
          throw new PlanVersionConflict(await currentVersion(db, familyId, row?.currentVersion ?? 0));
        }
        throw err;
      }
    },

    /** The versions, newest first. */
    listVersions(ctx: RequestContext, familyId: string, query: { cursor?: string | undefined; limit?: number | undefined }) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, full) => {
        const limit = boundLimit(query.limit);
        let before: number | undefined;
        if (query.cursor) {
          const k = decodeCursor(query.cursor);
          before = Number(k.key);
          if (!Number.isInteger(before) || before < 1) throw new Invalid(undefined, [{ path: detailPath('query', 'cursor'), message: 'Unknown cursor' }]);
        }
        const rows = await planRepo.versions(tx, facts.id, { ...(before === undefined ? {} : { before }), limit });
        const items: TPlanVersionSummary[] = rows.slice(0, limit).map((r) => ({
          number: r.number,
          author: r.authorPersonId || r.authorName ? { personId: r.authorPersonId, name: r.authorName ?? '' } : null,
          createdAt: iso(r.createdAt),
          summary: r.summary,
        }));
        const last = items[items.length - 1];
        const nextCursor = rows.length > limit && last ? encodeCursor({ key: String(last.number), id: facts.id }) : null;
        await auditFamily(tx, full, facts, { action: 'plan.versions', resourceType: 'plan', details: { count: items.length } });
        return { data: { items, nextCursor }, abilities: {} };
      });
    },

    /** One version with its content. */
    getVersion(ctx: RequestContext, familyId: string, number: number) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, full) => {
        const row = await planRepo.version(tx, facts.id, number);
        if (!row) throw new NotFound();
        await auditFamily(tx, full, facts, { action: 'plan.version.view', resourceType: 'plan', details: { version: number } });
        return { data: toVersion(row), abilities: abilitiesOf(ctx, facts) };
      });
    },

    /** Two versions side by side with what changed from `from` to `to`. */
    compare(ctx: RequestContext, familyId: string, query: { from: number; to: number }) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, full) => {
        const [a, b] = await Promise.all([planRepo.version(tx, facts.id, query.from), planRepo.version(tx, facts.id, query.to)]);
        if (!a || !b) throw new NotFound();
        const from = toVersion(a);
        const to = toVersion(b);
        await auditFamily(tx, full, facts, { action: 'plan.compare', resourceType: 'plan', details: { from: query.from, to: query.to } });
        return { data: { from, to, diff: diffPlans(from.content, to.content) }, abilities: abilitiesOf(ctx, facts) };
      });
    },

    /** Records that the family agrees with version N (the current one); a stale N is 409. */
    agree(ctx: RequestContext, familyId: string, input: { version: number }) {
      return inFamily(
        db,
        ctx,
        familyId,
        'agreePlan',
        async (tx, facts, full) => {
          const row = await planRepo.plan(tx, facts.id, { lock: true });
          if (!row || row.currentVersion === 0) throw new AppError(409, 'conflict', 'There is no plan to agree with yet');
          if (input.version !== row.currentVersion) throw new PlanVersionConflict(await currentVersion(tx, facts.id, row.currentVersion));
          await planRepo.setAgreement(tx, row.id, { number: input.version, at: full.now });
          await auditFamily(tx, full, facts, { action: 'plan.agree', resourceType: 'plan', details: { version: input.version } });
          return planView(tx, ctx, facts);
        },
        { lock: true },
      );
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
