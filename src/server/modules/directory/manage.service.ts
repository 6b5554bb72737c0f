import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { contactPoint, location, organisation, service, zinplek } from '../../db/schema/index.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { brusselsDate } from '../../platform/clock.js';
import { AppError, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import { STALE_AFTER_MONTHS } from '../../../shared/schemas/directory/enums.js';
import type {
  TContactPointCreate,
  TContactPointUpdate,
  TDirectoryOrganisationUpdate,
  TEntryAction,
  TLocationCreate,
  TLocationUpdate,
  TManagedContactPoint,
  TManagedLocation,
  TManagedOrganisation,
  TManagedService,
  TManagedZinplek,
  TServiceCreate,
  TServiceUpdate,
  TZinplekCreate,
  TZinplekUpdate,
} from '../../../shared/schemas/directory/manage.js';
import { directoryOrganisationPolicy, entryPolicy, staleScopeOf, type EntryFacts, type TDirectoryOrganisationAction } from './manage.policy.js';
import { manageRepo, type ContactPointRow, type EntryTable, type LocationRow, type ServiceRow, type ZinplekRow } from './manage.repo.js';
import type { RecordPolicy } from '../../platform/policy/record.js';

/** The moment before which an entry counts as stale: STALE_AFTER_MONTHS months before `now`. */
export function staleBefore(now: Date): Date {
  const d = new Date(now);
  // The same day of the month, or the month's last day when it is shorter (31 August → 28/29 February).
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - STALE_AFTER_MONTHS + 1, 0));
  d.setUTCDate(1);
  d.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth(), Math.min(now.getUTCDate(), target.getUTCDate()));
  return d;
}

const organisationPolicy: RecordPolicy<TDirectoryOrganisationAction, EntryFacts> = directoryOrganisationPolicy(organisation.id);
const policies: Record<'location' | 'service' | 'contact_point' | 'zinplek', RecordPolicy<TEntryAction, EntryFacts>> = {
  location: entryPolicy('location', location.organisationId),
  service: entryPolicy('service', service.organisationId),
  contact_point: entryPolicy('contact_point', contactPoint.organisationId),
  zinplek: entryPolicy('zinplek', zinplek.organisationId),
};
type Kind = keyof typeof policies;
const tables: Record<Kind, EntryTable> = { location, service, contact_point: contactPoint, zinplek };

/** Only the keys whose value was given (undefined means "leave as it is"). */
function given<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
const changedFields = (input: object) => Object.keys(input).filter((k) => k !== 'version');

/**
 * Keeping the directory: an organisation admin keeps their own organisation's entries, a platform
 * admin all of them (manage.policy.ts). Transaction first: lock, authorize, write, audit, commit.
 * An edit confirms the entry too (its owner just looked at it); `confirm` confirms without a change.
 */
export function createManageService(db: Db) {
  const isStale = (ctx: FullContext, confirmedAt: Date) => confirmedAt.getTime() < staleBefore(ctx.now).getTime();
  const confirmation = (ctx: FullContext, row: { confirmedAt: Date; version: number }) => ({
    confirmedAt: row.confirmedAt.toISOString(),
    stale: isStale(ctx, row.confirmedAt),
    version: row.version,
  });

  const toLocation = (ctx: FullContext, r: LocationRow): TManagedLocation => ({
    id: r.id, organisationId: r.organisationId, name: r.name, description: r.description, street: r.street, postalCode: r.postalCode, city: r.city,
    nisCode: r.nisCode, latitude: r.latitude, longitude: r.longitude, ...confirmation(ctx, r),
  });
  const toService = (ctx: FullContext, r: ServiceRow): TManagedService => ({
    id: r.id, organisationId: r.organisationId, name: r.name, description: r.description, eligibility: r.eligibility, minAge: r.minAge, maxAge: r.maxAge,
    languages: r.languages, howToApply: r.howToApply, cost: r.cost, url: r.url, email: r.email, phone: r.phone, directAccess: r.directAccess, status: r.status,
    capacity: r.capacity, waitingDays: r.waitingDays, waitingConfirmedOn: r.waitingConfirmedOn, locations: r.locations, ...confirmation(ctx, r),
  });
  const toContactPoint = (ctx: FullContext, r: ContactPointRow): TManagedContactPoint => ({
    id: r.id, organisationId: r.organisationId, function: r.function, title: r.title, email: r.email, phone: r.phone, serviceId: r.serviceId, ...confirmation(ctx, r),
  });
  const toZinplek = (ctx: FullContext, r: ZinplekRow): TManagedZinplek => ({
    id: r.id, organisationId: r.organisationId, name: r.name, activities: r.activities, forWhom: r.forWhom, minAge: r.minAge, maxAge: r.maxAge,
    registration: r.registration, places: r.places, locationId: r.locationId, ...confirmation(ctx, r),
  });

  const views = {
    location: async (tx: DbOrTx, ctx: FullContext, id: string) => {
      const row = await manageRepo.location(tx, id);
      if (!row) throw new NotFound();
      return { data: toLocation(ctx, row), abilities: policies.location.abilitiesOf(ctx, row) };
    },
    service: async (tx: DbOrTx, ctx: FullContext, id: string) => {
      const row = await manageRepo.service(tx, id);
      if (!row) throw new NotFound();
      return { data: toService(ctx, row), abilities: policies.service.abilitiesOf(ctx, row) };
    },
    contact_point: async (tx: DbOrTx, ctx: FullContext, id: string) => {
      const row = await manageRepo.contactPoint(tx, id);
      if (!row) throw new NotFound();
      return { data: toContactPoint(ctx, row), abilities: policies.contact_point.abilitiesOf(ctx, row) };
    },
    zinplek: async (tx: DbOrTx, ctx: FullContext, id: string) => {
      const row = await manageRepo.zinplek(tx, id);
      if (!row) throw new NotFound();
      return { data: toZinplek(ctx, row), abilities: policies.zinplek.abilitiesOf(ctx, row) };
    },
  };

  async function audit(tx: Tx, ctx: FullContext, action: string, resourceType: string, resourceId: string, organisationId: string, details?: Record<string, unknown>) {
    await recordAudit(tx, { ...auditActor(ctx), action, resourceType, resourceId, organisationId, outcome: 'success', details: details ?? null });
  }

  /** Locks the organisation and checks the action on it (404 when out of reach). */
  async function lockOrganisation(tx: Tx, ctx: RequestContext, organisationId: string, action: 'view' | 'update' | 'confirm') {
    const facts = await manageRepo.lockOrganisation(tx, organisationId);
    if (!facts) throw new NotFound();
    organisationPolicy.authorize(ctx, action, facts);
    return { facts, full: ctx as FullContext };
  }

  /** Locks an entry and checks the action on it (404 when absent or out of reach). */
  async function lockEntry(tx: Tx, ctx: RequestContext, kind: Kind, id: string, action: TEntryAction) {
    const facts = await manageRepo.lockEntry(tx, tables[kind], id);
    if (!facts) throw new NotFound();
    const policy: RecordPolicy<TEntryAction, EntryFacts> = policies[kind];
    policy.authorize(ctx, action, facts);
    return { facts, full: ctx as FullContext };
  }

  const invalid = (ctx: FullContext, field: string, nl: string, en: string): never => {
    const message = tr(ctx, nl, en);
    throw new Invalid(message, [{ path: detailPath('body', field), message }]);
  };

  async function requireOwnLocations(tx: Tx, ctx: FullContext, organisationId: string, ids: string[], field: string) {
    const own = await manageRepo.ownIds(tx, location, organisationId, ids);
    if (own.length !== ids.length) invalid(ctx, field, 'Deze locatie hoort niet bij deze organisatie.', 'This location does not belong to this organisation.');
  }
  async function requireOwnService(tx: Tx, ctx: FullContext, organisationId: string, id: string) {
    const own = await manageRepo.ownIds(tx, service, organisationId, [id]);
    if (own.length !== 1) invalid(ctx, 'serviceId', 'Deze dienst hoort niet bij deze organisatie.', 'This service does not belong to this organisation.');
  }
  async function requireKnownMunicipality(tx: Tx, ctx: FullContext, nisCode: string | null | undefined) {
    if (!nisCode) return;
    if (!(await manageRepo.knownMunicipalities(tx, [nisCode])).length) {
      invalid(ctx, 'nisCode', `Onbekende NIS-code: ${nisCode}.`, `Unknown NIS code: ${nisCode}.`);
    }
  }
  const requireAgesInOrder = (ctx: FullContext, minAge: number | null, maxAge: number | null) => {
    if (minAge !== null && maxAge !== null && minAge > maxAge) invalid(ctx, 'maxAge', 'De maximumleeftijd ligt onder de minimumleeftijd.', 'The maximum age is below the minimum age.');
  };
  const requireCoordinatesTogether = (ctx: FullContext, latitude: number | null, longitude: number | null) => {
    if ((latitude === null) !== (longitude === null)) invalid(ctx, 'longitude', 'Geef zowel breedte- als lengtegraad, of geen van beide.', 'Give both latitude and longitude, or neither.');
  };

  /** Lists one kind of entry of an organisation (404 when the organisation is out of reach). */
  async function listOf<R extends { id: string; organisationId: string }, T>(
    ctx: RequestContext,
    organisationId: string,
    kind: Kind,
    query: { cursor?: string | undefined; limit?: number | undefined },
    page: (tx: DbOrTx, input: { organisationId: string; scope: ReturnType<RecordPolicy<TEntryAction, EntryFacts>['scope']>; cursor: string | undefined; limit: number }) => Promise<{ items: R[]; nextCursor: string | null }>,
    to: (ctx: FullContext, r: R) => T,
  ) {
    const facts = await manageRepo.organisationFacts(db, organisationId);
    if (!facts) throw new NotFound();
    organisationPolicy.authorize(ctx, 'view', facts);
    const full = ctx as FullContext;
    const policy = policies[kind];
    const result = await page(db, { organisationId, scope: policy.scope(full), cursor: query.cursor, limit: boundLimit(query.limit) });
    return { data: { items: result.items.map((r) => to(full, r)), nextCursor: result.nextCursor }, abilities: policy.abilitiesById(full, result.items) };
  }

  /** GET of one entry. */
  type View<K extends Kind> = Awaited<ReturnType<(typeof views)[K]>>;

  async function getOf<K extends Kind>(ctx: RequestContext, kind: K, id: string): Promise<View<K>> {
    const facts = await manageRepo.entryFacts(db, tables[kind], id);
    if (!facts) throw new NotFound();
    const policy: RecordPolicy<TEntryAction, EntryFacts> = policies[kind];
    policy.authorize(ctx, 'view', facts);
    return views[kind](db, ctx as FullContext, id) as Promise<View<K>>;
  }

  function confirmOf<K extends Kind>(ctx: RequestContext, kind: K, id: string): Promise<View<K>> {
    return db.transaction(async (tx): Promise<View<K>> => {
      const { facts, full } = await lockEntry(tx, ctx, kind, id, 'confirm');
      await manageRepo.confirmEntry(tx, tables[kind], id, full.now);
      await audit(tx, full, `directory.${kind}.confirm`, kind, id, facts.organisationId);
      return views[kind](tx, full, id) as Promise<View<K>>;
    });
  }

  return {
    // --- The organisation's own entry ---------------------------------------------------------

    async getOrganisation(ctx: RequestContext, organisationId: string) {
      const facts = await manageRepo.organisationFacts(db, organisationId);
      if (!facts) throw new NotFound();
      organisationPolicy.authorize(ctx, 'view', facts);
      return organisationView(db, ctx as FullContext, organisationId);
    },

    updateOrganisation(ctx: RequestContext, organisationId: string, input: TDirectoryOrganisationUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockOrganisation(tx, ctx, organisationId, 'update');
        if (facts.version !== input.version) throw new VersionConflict();
        if (input.municipalities) {
          const known = await manageRepo.knownMunicipalities(tx, input.municipalities);
          const unknown = input.municipalities.filter((c) => !known.includes(c));
          if (unknown.length) invalid(full, 'municipalities', `Onbekende NIS-code: ${unknown.join(', ')}.`, `Unknown NIS code: ${unknown.join(', ')}.`);
        }
        const { version, municipalities, ...rest } = input;
        if (!(await manageRepo.updateOrganisation(tx, organisationId, version, given(rest), full.now))) throw new VersionConflict();
        if (municipalities) await manageRepo.replaceMunicipalities(tx, organisationId, municipalities);
        await audit(tx, full, 'directory.organisation.update', 'organisation', organisationId, organisationId, { fields: changedFields(input) });
        return organisationView(tx, full, organisationId);
      });
    },

    confirmOrganisation(ctx: RequestContext, organisationId: string) {
      return db.transaction(async (tx) => {
        const { full } = await lockOrganisation(tx, ctx, organisationId, 'confirm');
        await manageRepo.confirmOrganisation(tx, organisationId, full.now);
        await audit(tx, full, 'directory.organisation.confirm', 'organisation', organisationId, organisationId);
        return organisationView(tx, full, organisationId);
      });
    },

    confirmAll(ctx: RequestContext, organisationId: string) {
      return db.transaction(async (tx) => {
        const { full } = await lockOrganisation(tx, ctx, organisationId, 'confirm');
        const counts = await manageRepo.confirmAll(tx, organisationId, full.now);
        await audit(tx, full, 'directory.organisation.confirm_all', 'organisation', organisationId, organisationId, { counts });
        return { data: { confirmedAt: full.now.toISOString(), counts } };
      });
    },

    // --- Locations ----------------------------------------------------------------------------

    listLocations: (ctx: RequestContext, organisationId: string, query: { cursor?: string | undefined; limit?: number | undefined }) =>
      listOf(ctx, organisationId, 'location', query, manageRepo.pageLocations, toLocation),
    getLocation: (ctx: RequestContext, id: string) => getOf(ctx, 'location', id),
    confirmLocation: (ctx: RequestContext, id: string) => confirmOf(ctx, 'location', id),

    createLocation(ctx: RequestContext, organisationId: string, input: TLocationCreate) {
      return db.transaction(async (tx) => {
        const { full } = await lockOrganisation(tx, ctx, organisationId, 'update');
        await requireKnownMunicipality(tx, full, input.nisCode);
        const id = await manageRepo.insertLocation(tx, organisationId, input, full.now);
        await audit(tx, full, 'directory.location.create', 'location', id, organisationId);
        return views.location(tx, full, id);
      });
    },

    updateLocation(ctx: RequestContext, id: string, input: TLocationUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'location', id, 'update');
        if (facts.version !== input.version) throw new VersionConflict();
        const { version, ...rest } = input;
        const values = given(rest);
        await requireKnownMunicipality(tx, full, values.nisCode);
        if (values.latitude !== undefined || values.longitude !== undefined) {
          const current = await manageRepo.location(tx, id);
          requireCoordinatesTogether(full, values.latitude === undefined ? current?.latitude ?? null : values.latitude, values.longitude === undefined ? current?.longitude ?? null : values.longitude);
        }
        if (!(await manageRepo.updateLocation(tx, id, version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'directory.location.update', 'location', id, facts.organisationId, { fields: changedFields(input) });
        return views.location(tx, full, id);
      });
    },

    deleteLocation(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'location', id, 'delete');
        const use = await manageRepo.locationInUse(tx, id);
        if (use.services > 0 || use.zinplekken > 0) {
          throw new AppError(
            409,
            'in_use',
            tr(
              full,
              'Deze locatie wordt nog gebruikt door een dienst of zinplek. Koppel ze daar eerst los.',
              'A service or zinplek still uses this location. Unlink it there first.',
            ),
          );
        }
        await manageRepo.deleteEntry(tx, location, id);
        await audit(tx, full, 'directory.location.delete', 'location', id, facts.organisationId);
      });
    },

    // --- Services -----------------------------------------------------------------------------

    listServices: (ctx: RequestContext, organisationId: string, query: { cursor?: string | undefined; limit?: number | undefined }) =>
      listOf(ctx, organisationId, 'service', query, manageRepo.pageServices, toService),
    getService: (ctx: RequestContext, id: string) => getOf(ctx, 'service', id),
    confirmService: (ctx: RequestContext, id: string) => confirmOf(ctx, 'service', id),

    createService(ctx: RequestContext, organisationId: string, input: TServiceCreate) {
      return db.transaction(async (tx) => {
        const { full } = await lockOrganisation(tx, ctx, organisationId, 'update');
        const { locationIds, ...rest } = input;
        if (locationIds) await requireOwnLocations(tx, full, organisationId, locationIds, 'locationIds');
        const values = given(rest);
        // A waiting time given without its day is confirmed today.
        if (values.waitingDays != null && values.waitingConfirmedOn === undefined) values.waitingConfirmedOn = brusselsDate(full.now);
        const id = await manageRepo.insertService(tx, organisationId, { ...values, name: input.name }, full.now);
        if (locationIds) await manageRepo.replaceServiceLocations(tx, id, locationIds);
        await audit(tx, full, 'directory.service.create', 'service', id, organisationId);
        return views.service(tx, full, id);
      });
    },

    updateService(ctx: RequestContext, id: string, input: TServiceUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'service', id, 'update');
        if (facts.version !== input.version) throw new VersionConflict();
        const { version, locationIds, ...rest } = input;
        const values = given(rest);
        if (locationIds) await requireOwnLocations(tx, full, facts.organisationId, locationIds, 'locationIds');
        if (values.minAge !== undefined || values.maxAge !== undefined) {
          const current = await manageRepo.service(tx, id);
          requireAgesInOrder(full, values.minAge === undefined ? current?.minAge ?? null : values.minAge, values.maxAge === undefined ? current?.maxAge ?? null : values.maxAge);
        }
        if (values.waitingDays !== undefined && values.waitingConfirmedOn === undefined) values.waitingConfirmedOn = values.waitingDays === null ? null : brusselsDate(full.now);
        if (!(await manageRepo.updateService(tx, id, version, values, full.now))) throw new VersionConflict();
        if (locationIds) await manageRepo.replaceServiceLocations(tx, id, locationIds);
        await audit(tx, full, 'directory.service.update', 'service', id, facts.organisationId, { fields: changedFields(input) });
        return views.service(tx, full, id);
      });
    },

    deleteService(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'service', id, 'delete');
        if ((await manageRepo.serviceWaits(tx, id)) > 0) {
          throw new AppError(
            409,
            'in_use',
            tr(
              full,
              'Gezinnen wachten op deze dienst. Zet de dienst op inactief in plaats van ze te verwijderen.',
              'Families are waiting for this service. Make it inactive instead of deleting it.',
            ),
          );
        }
        await manageRepo.deleteEntry(tx, service, id);
        await audit(tx, full, 'directory.service.delete', 'service', id, facts.organisationId);
      });
    },

    // --- Contact points -----------------------------------------------------------------------

    listContactPoints: (ctx: RequestContext, organisationId: string, query: { cursor?: string | undefined; limit?: number | undefined }) =>
      listOf(ctx, organisationId, 'contact_point', query, manageRepo.pageContactPoints, toContactPoint),
    getContactPoint: (ctx: RequestContext, id: string) => getOf(ctx, 'contact_point', id),
    confirmContactPoint: (ctx: RequestContext, id: string) => confirmOf(ctx, 'contact_point', id),

    createContactPoint(ctx: RequestContext, organisationId: string, input: TContactPointCreate) {
      return db.transaction(async (tx) => {
        const { full } = await lockOrganisation(tx, ctx, organisationId, 'update');
        if (input.serviceId) await requireOwnService(tx, full, organisationId, input.serviceId);
        const id = await manageRepo.insertContactPoint(tx, organisationId, input, full.now);
        await audit(tx, full, 'directory.contact_point.create', 'contact_point', id, organisationId);
        return views.contact_point(tx, full, id);
      });
    },

    updateContactPoint(ctx: RequestContext, id: string, input: TContactPointUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'contact_point', id, 'update');
        if (facts.version !== input.version) throw new VersionConflict();
        const { version, ...rest } = input;
        if (rest.serviceId) await requireOwnService(tx, full, facts.organisationId, rest.serviceId);
        if (!(await manageRepo.updateContactPoint(tx, id, version, given(rest), full.now))) throw new VersionConflict();
        await audit(tx, full, 'directory.contact_point.update', 'contact_point', id, facts.organisationId, { fields: changedFields(input) });
        return views.contact_point(tx, full, id);
      });
    },

    deleteContactPoint(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'contact_point', id, 'delete');
        await manageRepo.deleteEntry(tx, contactPoint, id);
        await audit(tx, full, 'directory.contact_point.delete', 'contact_point', id, facts.organisationId);
      });
    },

    // --- Zinplekken ---------------------------------------------------------------------------

    listZinplekken: (ctx: RequestContext, organisationId: string, query: { cursor?: string | undefined; limit?: number | undefined }) =>
      listOf(ctx, organisationId, 'zinplek', query, manageRepo.pageZinplekken, toZinplek),
    getZinplek: (ctx: RequestContext, id: string) => getOf(ctx, 'zinplek', id),
    confirmZinplek: (ctx: RequestContext, id: string) => confirmOf(ctx, 'zinplek', id),

    createZinplek(ctx: RequestContext, organisationId: string, input: TZinplekCreate) {
      return db.transaction(async (tx) => {
        const { full } = await lockOrganisation(tx, ctx, organisationId, 'update');
        if (input.locationId) await requireOwnLocations(tx, full, organisationId, [input.locationId], 'locationId');
        const id = await manageRepo.insertZinplek(tx, organisationId, { ...given(input), name: input.name }, full.now);
        await audit(tx, full, 'directory.zinplek.create', 'zinplek', id, organisationId);
        return views.zinplek(tx, full, id);
      });
    },

    updateZinplek(ctx: RequestContext, id: string, input: TZinplekUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'zinplek', id, 'update');
        if (facts.version !== input.version) throw new VersionConflict();
        const { version, ...rest } = input;
        const values = given(rest);
        if (values.locationId) await requireOwnLocations(tx, full, facts.organisationId, [values.locationId], 'locationId');
        if (values.minAge !== undefined || values.maxAge !== undefined) {
          const current = await manageRepo.zinplek(tx, id);
          requireAgesInOrder(full, values.minAge === undefined ? current?.minAge ?? null : values.minAge, values.maxAge === undefined ? current?.maxAge ?? null : values.maxAge);
        }
        if (!(await manageRepo.updateZinplek(tx, id, version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'directory.zinplek.update', 'zinplek', id, facts.organisationId, { fields: changedFields(input) });
        return views.zinplek(tx, full, id);
      });
    },

    deleteZinplek(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await lockEntry(tx, ctx, 'zinplek', id, 'delete');
        await manageRepo.deleteEntry(tx, zinplek, id);
        await audit(tx, full, 'directory.zinplek.delete', 'zinplek', id, facts.organisationId);
      });
    },

    // --- Stale entries ------------------------------------------------------------------------

    async listStale(ctx: FullContext, query: { organisationId?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const scope = staleScopeOf(ctx.actor);
      const before = staleBefore(ctx.now);
      const page = await manageRepo.pageStale(db, {
        staleBefore: before,
        orgIds: scope.all ? null : scope.orgIds,
        organisationId: query.organisationId,
        cursor: query.cursor,
        limit: boundLimit(query.limit),
      });
      return {
        data: {
          items: page.items.map((r) => ({ kind: r.kind, id: r.id, name: r.name, organisation: { id: r.organisationId, name: r.organisationName }, confirmedAt: r.confirmedAt })),
          nextCursor: page.nextCursor,
          staleBefore: before.toISOString(),
        },
      };
    },
  };

  async function organisationView(tx: DbOrTx, ctx: FullContext, organisationId: string) {
    const row = await manageRepo.organisation(tx, organisationId);
    if (!row) throw new NotFound();
    const { confirmedAt, version, ...rest } = row;
    const data: TManagedOrganisation = { ...rest, ...confirmation(ctx, { confirmedAt, version }) };
    const abilities = organisationPolicy.abilitiesOf(ctx, { id: row.id, organisationId: row.id });
    return { data, abilities: { update: abilities.update, confirm: abilities.confirm } };
  }
}
