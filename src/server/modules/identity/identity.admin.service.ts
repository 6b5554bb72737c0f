import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { sessionRepo } from '../../platform/auth/session.repo.js';
import { boundLimit } from '../../db/paging.js';
import type { z } from 'zod';
import type { TOrganisation, TPerson, ZPersonUpdate } from '../../../shared/schemas/admin.js';
import { isOrgRole, isPlatformRoleName, type OrgRole, type PlatformRole } from '../../../shared/permissions.js';
import { identityAdminRepo } from './identity.repo.js';
import { createUserWithEnrolment } from './identity.service.js';
import { adminScopeOf, authorizeNewPerson, disableAuthorityOf, organisationPolicy, personPolicy } from './identity.policy.js';


type PersonRow = NonNullable<Awaited<ReturnType<typeof identityAdminRepo.person>>>;
function toPerson(row: PersonRow): TPerson {
  return {
    ...row,
    memberships: row.memberships.map((m) => ({ ...m, roles: m.roles.filter(isOrgRole) })),
    platformRoles: row.platformRoles.filter(isPlatformRoleName),
  };
}

/**
 * Organisations and their staff, for platform admins (everything) and organisation admins
 * (their own). Every change runs transaction first: open the transaction, load and lock the
 * record, check identity.policy.ts inside it, write, audit, commit — so a check cannot race
 * the write. Refusals are thrown, never audited here (the platform audits them once).
 */
export function createIdentityAdminService(db: Db, publicBase: string) {
  async function resolveSectors(tx: DbOrTx, codes: string[]) {
    const found = await identityAdminRepo.sectorIdsByCode(tx, codes);
    const unknown = codes.filter((c) => !found.some((f) => f.code === c));
    if (unknown.length) throw new Invalid(undefined, [{ path: detailPath('body', 'sectorCodes'), message: `Unknown sector: ${unknown.join(', ')}` }]);
    return found.map((f) => f.id);
  }

  /** An organisation with the caller's abilities on it. */
  async function organisationView(tx: DbOrTx, ctx: FullContext, id: string) {
    const row = await identityAdminRepo.organisation(tx, id);
    if (!row) throw new NotFound();
    return { data: row satisfies TOrganisation, abilities: organisationPolicy.abilitiesOf(ctx, row) };
  }

  async function personView(tx: DbOrTx, ctx: FullContext, id: string) {
    const row = await identityAdminRepo.person(tx, id);
    if (!row) throw new NotFound();
    const data = toPerson(row);
    return { data, abilities: personPolicy.abilitiesOf(ctx, data) };
  }

  /** Loads and locks a person, then checks the action; 404 when out of reach. */
  async function lockPerson(tx: DbOrTx, ctx: RequestContext, id: string, action: Parameters<typeof personPolicy.authorize>[1]) {
    const facts = await identityAdminRepo.lockPerson(tx, id);
    if (!facts) throw new NotFound();
    personPolicy.authorize(ctx, action, facts);
    return { facts, ctx: ctx as FullContext };
  }

  return {
    async listOrganisations(ctx: FullContext, query: { q?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const page = await identityAdminRepo.pageOrganisations(db, { scope: organisationPolicy.scope(ctx), q: query.q, cursor: query.cursor, limit: boundLimit(query.limit) });
      return { data: page, abilities: organisationPolicy.abilitiesById(ctx, page.items) };
    },

    async getOrganisation(ctx: FullContext, id: string) {
      const facts = await identityAdminRepo.organisation(db, id);
      if (!facts) throw new NotFound();
      organisationPolicy.authorize(ctx, 'view', facts);
      return organisationView(db, ctx, id);
    },

    async createOrganisation(ctx: FullContext, input: { name: string; regionCode?: string | null | undefined; sectorCodes: string[] }) {
      return db.transaction(async (tx) => {
        const regionId = input.regionCode ? await identityAdminRepo.regionIdByCode(tx, input.regionCode) : null;
        if (input.regionCode && !regionId) throw new Invalid(undefined, [{ path: detailPath('body', 'regionCode'), message: 'Unknown region' }]);
        const sectorIds = await resolveSectors(tx, input.sectorCodes);
        // A taken name fails on the unique index: 409 duplicate on body.name (platform/errors.ts).
        const id = await identityAdminRepo.insertOrganisation(tx, { name: input.name, regionId: regionId ?? null });
        await identityAdminRepo.replaceSectors(tx, id, sectorIds);
        await recordAudit(tx, { ...auditActor(ctx), action: 'organisation.create', resourceType: 'organisation', resourceId: id, organisationId: id, outcome: 'success' });
        return organisationView(tx, ctx, id);
      });
    },

    async updateOrganisation(
      ctx: RequestContext,
      id: string,
      input: { version: number; name?: string | undefined; sectorCodes?: string[] | undefined; status?: 'active' | 'archived' | undefined },
    ) {
      return db.transaction(async (tx) => {
        const facts = await identityAdminRepo.lockOrganisation(tx, id);
        if (!facts) throw new NotFound();
        organisationPolicy.authorize(ctx, 'update', facts);
        const full: FullContext = ctx;
        if (input.status !== undefined && input.status !== facts.status) organisationPolicy.authorize(full, 'archive', facts);
        if (facts.version !== input.version) throw new VersionConflict();
        const sectorIds = input.sectorCodes ? await resolveSectors(tx, input.sectorCodes) : undefined;
        const values = { ...(input.name ? { name: input.name } : {}), ...(input.status ? { status: input.status } : {}) };
        if (!(await identityAdminRepo.updateOrganisation(tx, id, input.version, values, full.now))) throw new VersionConflict();
        if (sectorIds) await identityAdminRepo.replaceSectors(tx, id, sectorIds);
        await recordAudit(tx, {
          ...auditActor(full), action: 'organisation.update', resourceType: 'organisation', resourceId: id, organisationId: id,
          outcome: 'success', details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return organisationView(tx, full, id);
      });
    },

    async listPeople(ctx: FullContext, query: { organisationId?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      if (query.organisationId) {
        // Asking for an organisation out of reach is the same 404 as one that does not exist.
        const org = await identityAdminRepo.organisation(db, query.organisationId);
        if (!org) throw new NotFound();
        organisationPolicy.authorize(ctx, 'view', org);
      }
      const page = await identityAdminRepo.pagePeople(db, {
        scope: personPolicy.scope(ctx), memberOf: query.organisationId, q: query.q, cursor: query.cursor, limit: boundLimit(query.limit),
      });
      const items = page.items.map(toPerson);
      return { data: { items, nextCursor: page.nextCursor }, abilities: personPolicy.abilitiesById(ctx, items) };
    },

    async getPerson(ctx: FullContext, id: string) {
      const row = await identityAdminRepo.person(db, id);
      if (!row) throw new NotFound();
      const data = toPerson(row);
      personPolicy.authorize(ctx, 'view', data);
      return { data, abilities: personPolicy.abilitiesOf(ctx, data) };
    },

    async createPerson(
      ctx: FullContext,
      input: { name: string; email: string; phone?: string | null | undefined; organisationId?: string | undefined; orgRoles: OrgRole[]; platformRoles: PlatformRole[] },
    ) {
      return db.transaction(async (tx) => {
        if (input.organisationId) {
          const org = await identityAdminRepo.lockOrganisation(tx, input.organisationId);
          if (!org) throw new NotFound();
          organisationPolicy.authorize(ctx, 'view', org);
          if (!organisationPolicy.can(ctx, 'addPerson', org)) throw new Conflict('This organisation is archived: nobody can be added to it.');
        } else if (!adminScopeOf(ctx.actor).all) {
          throw new Invalid(undefined, [{ path: detailPath('body', 'organisationId'), message: 'Required' }]);
        }
        authorizeNewPerson(ctx, input);
        const created = await createUserWithEnrolment(
          tx,
          {
            name: input.name, email: input.email, phone: input.phone ?? null, platformRoles: input.platformRoles,
            ...(input.organisationId ? { organisationId: input.organisationId, orgRoles: input.orgRoles } : {}),
          },
          ctx.now,
          auditActor(ctx),
        );
        const view = await personView(tx, ctx, created.person.id);
        return { data: { person: view.data, enrolmentLink: `${publicBase}/inschrijven#${created.enrolmentToken}` }, abilities: view.abilities };
      });
    },

    /**
     * Changes a person's name, e-mail (their login; needs step-up) or phone, and their roles in
     * organisations the caller administers (granting org_admin needs step-up).
     */
    async updatePerson(ctx: RequestContext, id: string, input: z.output<typeof ZPersonUpdate>) {
      return db.transaction(async (tx) => {
        const { facts, ctx: full } = await lockPerson(tx, ctx, id, 'edit');
        let email: string | undefined;
        if (input.email !== undefined && input.email !== (await identityAdminRepo.person(tx, id))?.email) {
          personPolicy.authorize(full, 'changeEmail', facts);
          email = input.email;
        }
        if (facts.version !== input.version) throw new VersionConflict();
        const scope = adminScopeOf(full.actor);
        for (const change of input.orgRoles ?? []) {
          const org = await identityAdminRepo.lockOrganisation(tx, change.organisationId);
          if (!org || (!scope.all && !scope.orgIds.includes(org.id))) throw new NotFound();
          const had = facts.memberships.find((m) => m.organisationId === org.id);
          if (!had && !organisationPolicy.can(full, 'addPerson', org)) throw new Conflict('This organisation is archived: nobody can be added to it.');
          if (change.roles.includes('org_admin') && !had?.roles.includes('org_admin')) personPolicy.authorize(full, 'grantOrgAdmin', facts);
        }
        const values = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(email !== undefined ? { email } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
        };
        if (!(await identityAdminRepo.updatePerson(tx, id, input.version, values, full.now))) throw new VersionConflict();
        for (const change of input.orgRoles ?? []) await identityAdminRepo.setMembershipRoles(tx, id, change.organisationId, change.roles);
        await recordAudit(tx, {
          ...auditActor(full), action: 'person.update', resourceType: 'person', resourceId: id, outcome: 'success',
          details: { fields: Object.keys(values), orgRoles: input.orgRoles ?? [] },
        });
        return personView(tx, full, id);
      });
    },

    /** Disables or re-enables a person and their login; disabling ends their sessions at once. */
    async setPersonStatus(ctx: RequestContext, id: string, status: 'active' | 'disabled') {
      return db.transaction(async (tx) => {
        const { facts, ctx: full } = await lockPerson(tx, ctx, id, status === 'disabled' ? 'disable' : 'enable');
        await identityAdminRepo.setPersonStatus(tx, id, status, status === 'disabled' ? disableAuthorityOf(full) : null, full.now);
        const accountId = await identityAdminRepo.accountIdOfPerson(tx, id);
        const ended = status === 'disabled' && accountId ? await sessionRepo.revokeAll(tx, accountId, full.now) : 0;
        await recordAudit(tx, {
          ...auditActor(full), action: status === 'disabled' ? 'person.disable' : 'person.enable', resourceType: 'person',
          resourceId: id, outcome: 'success',
          details: { sessionsEnded: ended, ...(status === 'disabled' ? { by: disableAuthorityOf(full) } : { liftedDisableBy: facts.disabledBy }) },
        });
        return personView(tx, full, id);
      });
    },
  };
}
