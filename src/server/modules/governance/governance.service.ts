import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Duplicate, Forbidden, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import type { TBody, TBodyCreate, TBodyKind, TBodyMember, TBodyMemberCreate, TBodyMemberLeave, TBodyUpdate } from '../../../shared/schemas/governance.js';
import { bodyPolicy, coordinatedRegions, governsRegion, isCurrentOn, isPlatformAdmin, todayOf, type BodyFacts } from './governance.policy.js';
import { governanceRepo, type MemberRow } from './governance.repo.js';

/** The day after a `YYYY-MM-DD` day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const invalid = (field: string, message: string) => new Invalid(message, [{ path: detailPath('body', field), message }]);

/**
 * Governance bodies and their members. Every change runs transaction first: open the
 * transaction, load and lock the body, check governance.policy.ts inside it, write, audit,
 * commit. Changes to one body's members happen one after the other (the body row is locked), so
 * "already a member" cannot race. Refusals are thrown, never audited here.
 */
export function createGovernanceService(db: Db) {
  async function bodyView(tx: DbOrTx, ctx: FullContext, facts: BodyFacts) {
    const row = await governanceRepo.body(tx, facts.id, todayOf(ctx));
    if (!row) throw new NotFound();
    return { data: row satisfies TBody, abilities: bodyPolicy.abilitiesOf(ctx, facts) };
  }

  const toMember = (row: MemberRow, today: string): TBodyMember => ({ ...row, current: isCurrentOn(row, today) });

  async function oneMember(tx: DbOrTx, bodyId: string, membershipId: string, today: string) {
    const [row] = await governanceRepo.members(tx, bodyId, membershipId);
    if (!row) throw new NotFound();
    return toMember(row, today);
  }

  /** Loads (and with `lock`, locks) a body and checks the action; 404 when absent or out of reach. */
  async function authorizedBody(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update' | 'manageMembers', lock: boolean) {
    const facts = await governanceRepo.bodyFacts(tx, id, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!facts) throw new NotFound();
    bodyPolicy.authorize(ctx, action, facts);
    return { facts, full: ctx };
  }

  /** A person who may sit in a body: exists and is active. */
  async function requireActivePerson(tx: DbOrTx, ctx: FullContext, personId: string, field: string) {
    const status = await governanceRepo.personStatus(tx, personId);
    if (status !== 'active') throw invalid(field, tr(ctx, 'Deze persoon bestaat niet of is uitgeschakeld.', 'This person does not exist or is disabled.'));
  }

  async function refuseIfMember(tx: DbOrTx, ctx: FullContext, bodyId: string, personId: string, fromOn: string, field: string) {
    if (await governanceRepo.memberFrom(tx, bodyId, personId, fromOn)) {
      throw new Duplicate(field, tr(ctx, 'Deze persoon is al lid van dit orgaan.', 'This person is already a member of this body.'));
    }
  }

  return {
    /** The regions the caller may start a body in (none: `createBody` false). */
    async bodyOptions(ctx: FullContext) {
      const regions = coordinatedRegions(ctx.actor);
      const all = isPlatformAdmin(ctx.actor) || regions.all;
      const rows = await governanceRepo.regionsFor(db, all ? null : regions.regionIds);
      return { data: { regions: rows }, abilities: { createBody: rows.length > 0 } };
    },

    /** People to add to a body, by part of their name (those who keep its members; others 403, or 404 out of reach). */
    async candidates(ctx: RequestContext, id: string, q: string) {
      const { facts, full } = await authorizedBody(db, ctx, id, 'manageMembers', false);
      const items = await governanceRepo.candidates(db, q, todayOf(full), 20);
      return { data: { items }, abilities: bodyPolicy.abilitiesOf(full, facts) };
    },

    async listBodies(
      ctx: FullContext,
      query: { kind?: TBodyKind | undefined; regionCode?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
    ) {
      let regionId: string | undefined;
      if (query.regionCode) {
        const found = await governanceRepo.regionByCode(db, query.regionCode);
        if (!found) return { data: { items: [], nextCursor: null }, abilities: {} };
        regionId = found.id;
      }
      const today = todayOf(ctx);
      const page = await governanceRepo.pageBodies(db, {
        scope: bodyPolicy.scope(ctx), today, kind: query.kind, regionId, q: query.q, cursor: query.cursor, limit: boundLimit(query.limit),
      });
      // Abilities per body need the caller's roles in it: one query for the page.
      const roles = await governanceRepo.actorRolesByBody(db, page.items.map((i) => i.id), ctx.actor.personId, today);
      const abilities = bodyPolicy.abilitiesById(ctx, page.items.map((i) => ({ id: i.id, regionId: i.regionId, actorRoles: roles.get(i.id) ?? [] })));
      return { data: page, abilities };
    },

    async getBody(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedBody(db, ctx, id, 'view', false);
      return bodyView(db, full, facts);
    },

    async createBody(ctx: FullContext, input: TBodyCreate) {
      return db.transaction(async (tx) => {
        const found = await governanceRepo.regionByCode(tx, input.regionCode);
        if (!found) throw invalid('regionCode', tr(ctx, 'Deze regio of provincie bestaat niet.', 'This region or province does not exist.'));
        if (!governsRegion(ctx.actor, found.id)) {
          throw new Forbidden(tr(ctx, 'Je coördineert deze regio niet.', 'You do not coordinate this region.'));
        }
        if (await governanceRepo.nameTaken(tx, found.id, input.name)) {
          throw new Duplicate('name', tr(ctx, 'Deze regio heeft al een orgaan met deze naam.', 'This region already has a body with this name.'));
        }
        const id = await governanceRepo.insertBody(tx, { name: input.name, kind: input.kind, regionId: found.id, description: input.description }, ctx.now);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'governance.body.create', resourceType: 'governance_body', resourceId: id, outcome: 'success',
          details: { kind: input.kind, regionId: found.id },
        });
        return bodyView(tx, ctx, { id, regionId: found.id, actorRoles: [] });
      });
    },

    async updateBody(ctx: RequestContext, id: string, input: TBodyUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedBody(tx, ctx, id, 'update', true);
        if (facts.version !== input.version) throw new VersionConflict();
        if (input.name !== undefined && (await governanceRepo.nameTaken(tx, facts.regionId, input.name, id))) {
          throw new Duplicate('name', tr(full, 'Deze regio heeft al een orgaan met deze naam.', 'This region already has a body with this name.'));
        }
        const values = Object.fromEntries(Object.entries({ name: input.name, kind: input.kind, description: input.description }).filter(([, v]) => v !== undefined));
        if (!(await governanceRepo.updateBody(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await recordAudit(tx, {
          ...auditActor(full), action: 'governance.body.update', resourceType: 'governance_body', resourceId: id, outcome: 'success',
          details: { fields: Object.keys(values) },
        });
        return bodyView(tx, full, facts);
      });
    },

    async listMembers(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedBody(db, ctx, id, 'view', false);
      const today = todayOf(full);
      const rows = await governanceRepo.members(db, id);
      const items = rows.map((r) => toMember(r, today));
      // Current members first (by start date), then the ended and the future ones.
      items.sort((a, b) => Number(b.current) - Number(a.current));
      return { data: { items }, abilities: bodyPolicy.abilitiesOf(full, facts) };
    },

    async addMember(ctx: RequestContext, id: string, input: TBodyMemberCreate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedBody(tx, ctx, id, 'manageMembers', true);
        await requireActivePerson(tx, full, input.personId, 'personId');
        if (input.organisationId && !(await governanceRepo.organisationExists(tx, input.organisationId))) {
          throw invalid('organisationId', tr(full, 'Deze organisatie bestaat niet.', 'This organisation does not exist.'));
        }
        let sectorId: string | null = null;
        if (input.sectorCode) {
          sectorId = (await governanceRepo.sectorIdByCode(tx, input.sectorCode)) ?? null;
          if (!sectorId) throw invalid('sectorCode', tr(full, 'Deze sector bestaat niet.', 'This sector does not exist.'));
        }
        await refuseIfMember(tx, full, id, input.personId, input.joinedOn, 'personId');
        const membershipId = await governanceRepo.insertMembership(
          tx,
          { bodyId: id, personId: input.personId, organisationId: input.organisationId ?? null, sectorId, role: input.role, joinedOn: input.joinedOn, successorOf: null },
          full.now,
        );
        await recordAudit(tx, {
          ...auditActor(full), action: 'governance.member.add', resourceType: 'governance_membership', resourceId: membershipId,
          organisationId: input.organisationId ?? null, outcome: 'success',
          details: { bodyId: id, personId: input.personId, role: input.role, joinedOn: input.joinedOn },
        });
        const today = todayOf(full);
        // The caller's own roles may have changed (e.g. a coordinator who added themselves).
        const after = (await governanceRepo.bodyFacts(tx, id, full.actor.personId, today)) ?? facts;
        return { data: await oneMember(tx, id, membershipId, today), abilities: bodyPolicy.abilitiesOf(full, after) };
      });
    },

    async leave(ctx: RequestContext, id: string, membershipId: string, input: TBodyMemberLeave) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedBody(tx, ctx, id, 'manageMembers', true);
        const current = await governanceRepo.lockMembership(tx, id, membershipId);
        if (!current) throw new NotFound();
        if (current.leftOn !== null) {
          throw new Conflict(tr(full, 'Dit lidmaatschap is al beëindigd.', 'This membership has ended already.'));
        }
        if (input.leftOn < current.joinedOn) {
          throw invalid('leftOn', tr(full, 'De einddatum ligt vóór de startdatum van het lidmaatschap.', 'The end date lies before the start of the membership.'));
        }
        const successorFrom = nextDay(input.leftOn);
        if (input.successorPersonId) {
          await requireActivePerson(tx, full, input.successorPersonId, 'successorPersonId');
          await refuseIfMember(tx, full, id, input.successorPersonId, successorFrom, 'successorPersonId');
        }
        if (!(await governanceRepo.endMembership(tx, membershipId, input.leftOn, full.now))) {
          throw new Conflict(tr(full, 'Dit lidmaatschap is al beëindigd.', 'This membership has ended already.'));
        }
        let successorId: string | null = null;
        if (input.successorPersonId) {
          successorId = await governanceRepo.insertMembership(
            tx,
            {
              bodyId: id, personId: input.successorPersonId, organisationId: current.organisationId, sectorId: current.sectorId,
              role: current.role, joinedOn: successorFrom, successorOf: membershipId,
            },
            full.now,
          );
        }
        await recordAudit(tx, {
          ...auditActor(full), action: 'governance.member.leave', resourceType: 'governance_membership', resourceId: membershipId,
          organisationId: current.organisationId, outcome: 'success',
          details: { bodyId: id, personId: current.personId, leftOn: input.leftOn, successorMembershipId: successorId },
        });
        if (successorId && input.successorPersonId) {
          await recordAudit(tx, {
            ...auditActor(full), action: 'governance.member.add', resourceType: 'governance_membership', resourceId: successorId,
            organisationId: current.organisationId, outcome: 'success',
            details: { bodyId: id, personId: input.successorPersonId, role: current.role, joinedOn: successorFrom, successorOf: membershipId },
          });
        }
        const today = todayOf(full);
        const after = await governanceRepo.bodyFacts(tx, id, full.actor.personId, today);
        return {
          data: { ended: await oneMember(tx, id, membershipId, today), successor: successorId ? await oneMember(tx, id, successorId, today) : null },
          abilities: bodyPolicy.abilitiesOf(full, after ?? facts),
        };
      });
    },
  };
}
