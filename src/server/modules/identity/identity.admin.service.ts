import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound, VersionConflict, isUniqueViolation } from '../../platform/errors.js';
import { sessionRepo } from '../../platform/auth/session.repo.js';
import { requireStepUp } from '../../platform/auth/step-up.js';
import type { TOrganisation, TPerson } from '../../../shared/schemas/admin.js';
import { isOrgRole, isPlatformRoleName, type OrgRole, type PlatformRole } from '../../../shared/permissions.js';
import { identityAdminRepo, identityRepo } from './identity.repo.js';
import { createUserWithEnrolment } from './identity.service.js';

/** What an admin may reach: everything (platform admin) or the organisations they administer. */
function scopeOf(actor: Actor): { all: true } | { all: false; orgIds: string[] } {
  if (actor.platformRoles.some((r) => r.role === 'platform_admin')) return { all: true };
  return { all: false, orgIds: actor.memberships.filter((m) => m.roles.includes('org_admin')).map((m) => m.organisationId) };
}

const auditActor = (actor: Actor, ip: string) => ({ actorAccountId: actor.accountId, actorPersonId: actor.personId, ip });

function toPerson(row: Awaited<ReturnType<typeof identityAdminRepo.listPeople>>[number]): TPerson {
  return {
    ...row,
    memberships: row.memberships.map((m) => ({
      ...m,
      roles: m.roles.filter(isOrgRole),
    })),
    platformRoles: row.platformRoles.filter(isPlatformRoleName),
  };
}

/** Organisations and their staff, for platform admins (everything) and organisation admins (their own). */
export function createIdentityAdminService(db: Db, clock: Clock, publicBase: string) {
  async function resolveSectors(codes: string[]) {
    const found = await identityAdminRepo.sectorIdsByCode(db, codes);
    const unknown = codes.filter((c) => !found.some((f) => f.code === c));
    if (unknown.length) throw new Invalid(undefined, [{ path: 'sectorCodes', message: `Unknown sector: ${unknown.join(', ')}` }]);
    return found.map((f) => f.id);
  }

  async function getOrganisation(actor: Actor, id: string): Promise<TOrganisation> {
    const scope = scopeOf(actor);
    if (!scope.all && !scope.orgIds.includes(id)) throw new NotFound();
    const [row] = await identityAdminRepo.listOrganisations(db, [id]);
    if (!row) throw new NotFound();
    return row;
  }

  async function getPerson(actor: Actor, id: string): Promise<TPerson> {
    const scope = scopeOf(actor);
    const [row] = await identityAdminRepo.listPeople(db, { personIds: [id], ...(scope.all ? {} : { memberOf: scope.orgIds }) });
    if (!row) throw new NotFound();
    return toPerson(row);
  }

  return {
    listOrganisations(actor: Actor) {
      const scope = scopeOf(actor);
      return identityAdminRepo.listOrganisations(db, scope.all ? undefined : scope.orgIds);
    },

    getOrganisation,

    async createOrganisation(actor: Actor, input: { name: string; regionCode?: string | null | undefined; sectorCodes: string[] }, ip: string) {
      const regionId = input.regionCode ? await identityAdminRepo.regionIdByCode(db, input.regionCode) : null;
      if (input.regionCode && !regionId) throw new Invalid(undefined, [{ path: 'regionCode', message: 'Unknown region' }]);
      const sectorIds = await resolveSectors(input.sectorCodes);
      if (await identityRepo.findOrganisationByName(db, input.name)) throw new Conflict('An organisation with this name exists already.');
      const id = await db
        .transaction(async (tx) => {
          const newId = await identityAdminRepo.insertOrganisation(tx, { name: input.name, regionId: regionId ?? null });
          await identityAdminRepo.replaceSectors(tx, newId, sectorIds);
          await recordAudit(tx, { ...auditActor(actor, ip), action: 'organisation.create', resourceType: 'organisation', resourceId: newId, organisationId: newId, outcome: 'success' });
          return newId;
        })
        // Two admins creating the same name at once: the unique index decides, the loser gets 409.
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw new Conflict('An organisation with this name exists already.');
          throw err;
        });
      return getOrganisation(actor, id);
    },

    async updateOrganisation(
      actor: Actor,
      id: string,
      input: { version: number; name?: string | undefined; sectorCodes?: string[] | undefined; status?: 'active' | 'archived' | undefined },
      ip: string,
    ) {
      await getOrganisation(actor, id);
      if (input.status !== undefined && !scopeOf(actor).all) throw new Forbidden();
      const sectorIds = input.sectorCodes ? await resolveSectors(input.sectorCodes) : undefined;
      const now = clock.now();
      await db.transaction(async (tx) => {
        const values = { ...(input.name ? { name: input.name } : {}), ...(input.status ? { status: input.status } : {}) };
        if (!(await identityAdminRepo.updateOrganisation(tx, id, input.version, values, now))) {
          throw new VersionConflict();
        }
        if (sectorIds) await identityAdminRepo.replaceSectors(tx, id, sectorIds);
        await recordAudit(tx, {
          ...auditActor(actor, ip), action: 'organisation.update', resourceType: 'organisation', resourceId: id, organisationId: id,
          outcome: 'success', details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
      });
      return getOrganisation(actor, id);
    },

    async listPeople(actor: Actor, organisationId?: string) {
      const scope = scopeOf(actor);
      if (organisationId && !scope.all && !scope.orgIds.includes(organisationId)) throw new NotFound();
      const memberOf = organisationId ? [organisationId] : scope.all ? undefined : scope.orgIds;
      return (await identityAdminRepo.listPeople(db, memberOf ? { memberOf } : {})).map(toPerson);
    },

    async createPerson(
      actor: Actor,
      input: { name: string; email: string; phone?: string | null | undefined; organisationId?: string | undefined; orgRoles: OrgRole[]; platformRoles: PlatformRole[] },
      ip: string,
    ) {
      const scope = scopeOf(actor);
      if (!scope.all) {
        if (input.platformRoles.length) throw new Forbidden('Only platform administrators give platform roles.');
        if (!input.organisationId) throw new Invalid(undefined, [{ path: 'organisationId', message: 'Required' }]);
        if (!scope.orgIds.includes(input.organisationId)) throw new NotFound();
      }
      if (input.platformRoles.length) requireStepUp(actor, clock.now());
      if (input.organisationId) {
        const status = await identityAdminRepo.organisationStatus(db, input.organisationId);
        if (!status) throw new NotFound();
        if (status === 'archived') throw new Conflict('This organisation is archived: nobody can be added to it.');
      }
      const created = await createUserWithEnrolment(
        db,
        {
          name: input.name, email: input.email, phone: input.phone ?? null, platformRoles: input.platformRoles,
          ...(input.organisationId ? { organisationId: input.organisationId, orgRoles: input.orgRoles } : {}),
        },
        clock.now(),
        auditActor(actor, ip),
      );
      return { person: await getPerson(actor, created.person.id), enrolmentLink: `${publicBase}/inschrijven#${created.enrolmentToken}` };
    },

    /** Disables or re-enables a person and their login; disabling ends their sessions at once. */
    async setPersonStatus(actor: Actor, id: string, status: 'active' | 'disabled', ip: string) {
      const target = await getPerson(actor, id);
      if (id === actor.personId) throw new Forbidden('You cannot disable your own account.');
      if (!scopeOf(actor).all && target.platformRoles.length) throw new Forbidden();
      const now = clock.now();
      if (status === 'disabled') requireStepUp(actor, now);
      await db.transaction(async (tx) => {
        await identityAdminRepo.setPersonStatus(tx, id, status, now);
        const accountId = await identityAdminRepo.accountIdOfPerson(tx, id);
        const ended = status === 'disabled' && accountId ? await sessionRepo.revokeAll(tx, accountId, now) : 0;
        await recordAudit(tx, {
          ...auditActor(actor, ip), action: status === 'disabled' ? 'person.disable' : 'person.enable', resourceType: 'person',
          resourceId: id, outcome: 'success', details: { sessionsEnded: ended },
        });
      });
      return getPerson(actor, id);
    },
  };
}
