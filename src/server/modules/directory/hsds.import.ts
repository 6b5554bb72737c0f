import type { Db } from '../../db/client.js';
import type { contactPoint, location, organisation, service, zinplek } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hasControlCharacters } from '../../../shared/schemas/common.js';
import { HSDS_TAXONOMIES, type THsdsImportReport, type THsdsRejection, type THsdsRejectionCode } from '../../../shared/schemas/directory/hsds.js';
import type { TContactFunction } from '../../../shared/schemas/directory/enums.js';
import { hasFlag, isContactFunction, isServiceLanguage, measureOf, termsOf, type LooseAttribute } from './hsds.map.js';
import { describeSchemaErrors, describeSchemaErrorsNl, hsdsValidators } from './hsds.validate.js';
import { hsdsRepo } from './hsds.repo.js';

/**
 * Import of an Open Referral HSDS 3 dataset into the directory.
 *
 * Every record is checked against the official HSDS schemas and then against what Samenplan can
 * store (known sectors and NIS codes, Belgian postal codes, ages, references between records, no
 * control characters). A rejected record is reported with its reason and left out, and so is every
 * record that depends on it. What remains is written in ONE transaction: a failure half-way leaves
 * the database exactly as it was. Records are matched on their id (an import adds and updates, it
 * never deletes), so importing the same file twice changes nothing the second time.
 */

type OrgInsert = typeof organisation.$inferInsert;
type LocationInsert = typeof location.$inferInsert;
type ServiceInsert = typeof service.$inferInsert;
type ZinplekInsert = typeof zinplek.$inferInsert;
type ContactInsert = typeof contactPoint.$inferInsert;

interface LooseRecord {
  id?: string;
  [key: string]: unknown;
}
interface LoosePhone {
  number?: string;
}
interface LooseLocation {
  id: string;
  organization_id?: string;
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: string;
  addresses?: { address_1?: string; city?: string; postal_code?: string; country?: string; address_type?: string }[];
  attributes?: LooseAttribute[];
}
interface LooseContact {
  id: string;
  organization_id?: string;
  service_id?: string;
  name?: string;
  title?: string;
  email?: string;
  phones?: LoosePhone[];
  attributes?: LooseAttribute[];
}

/** A record the import refuses: a stable code, and why in Dutch (the UI, the API's `reason`) and in English (`reasonEn`, the CLI). */
class Rejected extends Error {
  constructor(
    readonly code: THsdsRejectionCode,
    readonly en: string,
    readonly nl: string,
  ) {
    super(en);
  }
}

function reject(code: THsdsRejectionCode, en: string, nl: string): never {
  throw new Rejected(code, en, nl);
}

/** The first string anywhere in a value that holds control characters (a NUL byte, …), with its path. */
function controlCharacterPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasControlCharacters(value, true) ? path || '(record)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlCharacterPath(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = controlCharacterPath(v, `${path}/${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

const text = (v: unknown, max: number, what: string, fallback = ''): string => {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') reject('not_text', `${what} must be text`, `${what} moet tekst zijn`);
  const t = v.trim();
  if (t.length > max) reject('too_long', `${what} is longer than ${max} characters`, `${what} is langer dan ${max} tekens`);
  return t;
};
const optionalText = (v: unknown, max: number, what: string): string | null => {
  const t = text(v, max, what);
  return t === '' ? null : t;
};
function age(v: unknown, what: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 120) reject('bad_age', `${what} must be a whole number of years between 0 and 120`, `${what} moet een geheel aantal jaren tussen 0 en 120 zijn`);
  return v;
}
function count(v: string | undefined, what: string): number | null {
  if (v === undefined) return null;
  if (!/^\d{1,9}$/.test(v)) reject('bad_number', `${what} must be a whole number ≥ 0 (got "${v.slice(0, 20)}")`, `${what} moet een geheel getal ≥ 0 zijn (niet "${v.slice(0, 20)}")`);
  return Number(v);
}
function instant(v: string | undefined, what: string): Date | null {
  if (v === undefined) return null;
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime())) reject('bad_date', `${what} is not a date (got "${v.slice(0, 30)}")`, `${what} is geen datum ("${v.slice(0, 30)}")`);
  return d;
}
function day(v: string | undefined, what: string): string | null {
  if (v === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())) reject('bad_date', `${what} is not a date YYYY-MM-DD (got "${v.slice(0, 30)}")`, `${what} is geen datum JJJJ-MM-DD ("${v.slice(0, 30)}")`);
  return v;
}
const firstPhone = (phones: LoosePhone[] | undefined): string | null => optionalText(phones?.[0]?.number, 50, 'phones/number');

export interface Reference {
  sectors: Map<string, string>;
  municipalities: Set<string>;
  regions: Map<string, string>;
}

export interface OrgPlan {
  org: OrgInsert & { id: string };
  sectorIds: string[];
  nisCodes: string[];
  locations: (LocationInsert & { id: string })[];
  contacts: (ContactInsert & { id: string })[];
}

function contactFrom(c: LooseContact, organisationId: string, serviceId: string | null, now: Date): ContactInsert & { id: string } {
  if (c.organization_id && c.organization_id !== organisationId) reject('other_organization', `contact ${c.id} names another organization`, `contact ${c.id} verwijst naar een andere organisatie`);
  const fn = termsOf(c.attributes, HSDS_TAXONOMIES.contactFunction)[0]?.code ?? 'general';
  if (!isContactFunction(fn)) reject('unknown_contact_function', `contact ${c.id}: unknown contact function "${fn.slice(0, 40)}"`, `contact ${c.id}: onbekende contactfunctie "${fn.slice(0, 40)}"`);
  const title = text(c.title ?? c.name, 200, `contact ${c.id} title`);
  if (title.length < 2) reject('name_missing', `contact ${c.id} has no title or name`, `contact ${c.id} heeft geen titel of naam`);
  return {
    id: c.id,
    organisationId,
    serviceId: c.service_id ?? serviceId,
    function: fn satisfies TContactFunction,
    title,
    email: optionalText(c.email, 254, `contact ${c.id} email`),
    phone: firstPhone(c.phones),
    confirmedAt: instant(measureOf(c.attributes, 'confirmed_at'), `contact ${c.id} confirmed_at`) ?? now,
  };
}

function locationFrom(l: LooseLocation, organisationId: string, ref: Reference, now: Date): LocationInsert & { id: string } {
  if (l.organization_id && l.organization_id !== organisationId) reject('other_organization', `location ${l.id} names another organization`, `locatie ${l.id} verwijst naar een andere organisatie`);
  const address = l.addresses?.find((a) => (a.address_type ?? 'physical') === 'physical') ?? l.addresses?.[0];
  if (!address) reject('address_missing', `location ${l.id} has no address`, `locatie ${l.id} heeft geen adres`);
  if (address.country && !['BE', 'BEL', 'Belgium', 'België'].includes(address.country)) reject('not_in_belgium', `location ${l.id} is not in Belgium (country "${address.country.slice(0, 20)}")`, `locatie ${l.id} ligt niet in België (land "${address.country.slice(0, 20)}")`);
  const postalCode = text(address.postal_code, 10, 'postal_code');
  if (!/^[0-9]{4}$/.test(postalCode)) reject('bad_postal_code', `location ${l.id}: postal code "${postalCode}" is not a Belgian postal code (4 digits)`, `locatie ${l.id}: postcode "${postalCode}" is geen Belgische postcode (4 cijfers)`);
  const nisCode = l.external_identifier_type === 'nis' ? (l.external_identifier ?? null) : null;
  if (nisCode !== null && !ref.municipalities.has(nisCode)) reject('unknown_municipality', `location ${l.id}: unknown NIS code "${nisCode.slice(0, 10)}"`, `locatie ${l.id}: onbekende NIS-code "${nisCode.slice(0, 10)}"`);
  const lat = typeof l.latitude === 'number' ? l.latitude : null;
  const lon = typeof l.longitude === 'number' ? l.longitude : null;
  if ((lat === null) !== (lon === null)) reject('bad_coordinates', `location ${l.id} has a latitude without a longitude or the other way round`, `locatie ${l.id} heeft een breedtegraad zonder lengtegraad of omgekeerd`);
  if (lat !== null && lon !== null && (Math.abs(lat) > 90 || Math.abs(lon) > 180)) reject('bad_coordinates', `location ${l.id}: coordinates out of range`, `locatie ${l.id}: coördinaten buiten het bereik`);
  const street = text(address.address_1, 200, 'address_1');
  const city = text(address.city, 100, 'city');
  if (!street || !city) reject('address_missing', `location ${l.id}: the address needs a street and a city`, `locatie ${l.id}: het adres heeft een straat en een gemeente nodig`);
  return {
    id: l.id,
    organisationId,
    name: text(l.name, 200, `location ${l.id} name`, street),
    description: text(l.description, 4000, `location ${l.id} description`),
    street,
    postalCode,
    city,
    nisCode,
    latitude: lat,
    longitude: lon,
    confirmedAt: instant(measureOf(l.attributes, 'confirmed_at'), 'location confirmed_at') ?? now,
  };
}

function organisationFrom(id: string, o: LooseRecord, ref: Reference, now: Date): OrgPlan {
  const attributes = o.attributes as LooseAttribute[] | undefined;
  const name = text(o.name, 200, 'name');
  if (name.length < 2) reject('name_missing', 'the name needs at least 2 characters', 'de naam heeft minstens 2 tekens nodig');
  const sectorIds = termsOf(attributes, HSDS_TAXONOMIES.sector).map((t) => ref.sectors.get(t.code) ?? reject('unknown_sector', `unknown sector "${t.code.slice(0, 40)}"`, `onbekende sector "${t.code.slice(0, 40)}"`));
  const nisCodes = termsOf(attributes, HSDS_TAXONOMIES.municipality).map((t) =>
    ref.municipalities.has(t.code) ? t.code : reject('unknown_municipality', `unknown municipality NIS code "${t.code.slice(0, 10)}"`, `onbekende NIS-code van een gemeente "${t.code.slice(0, 10)}"`),
  );
  const regionCode = termsOf(attributes, HSDS_TAXONOMIES.region)[0]?.code;
  const regionId = regionCode === undefined ? null : (ref.regions.get(regionCode) ?? reject('unknown_region', `unknown region "${regionCode.slice(0, 40)}"`, `onbekende regio "${regionCode.slice(0, 40)}"`));
  const locations = ((o.locations as LooseLocation[] | undefined) ?? []).map((l) => locationFrom(l, id, ref, now));
  const contacts = ((o.contacts as LooseContact[] | undefined) ?? []).map((c) => contactFrom(c, id, null, now));
  return {
    org: {
      id,
      name,
      description: text(o.description, 4000, 'description'),
      email: optionalText(o.email, 254, 'email'),
      website: optionalText(o.website, 500, 'website'),
      phone: firstPhone(o.phones as LoosePhone[] | undefined),
      regionId,
      directAccess: hasFlag(attributes, 'direct_access'),
      broadEntryPoint: hasFlag(attributes, 'broad_entry_point'),
      mandated: hasFlag(attributes, 'mandated'),
      listed: true,
      status: 'active',
      confirmedAt: instant(measureOf(attributes, 'confirmed_at'), 'confirmed_at') ?? now,
      updatedAt: now,
    },
    sectorIds: [...new Set(sectorIds)],
    nisCodes: [...new Set(nisCodes)],
    locations,
    contacts,
  };
}

export type ServicePlan =
  | { kind: 'service'; row: ServiceInsert & { id: string }; locationIds: string[]; contacts: (ContactInsert & { id: string })[] }
  | { kind: 'zinplek'; row: ZinplekInsert & { id: string } };

function serviceFrom(id: string, s: LooseRecord, now: Date): ServicePlan {
  const organisationId = s.organization_id as string | undefined;
  if (!organisationId) reject('organization_missing', 'a service needs an organization_id', 'een dienst heeft een organization_id nodig');
  const attributes = s.attributes as LooseAttribute[] | undefined;
  const name = text(s.name, 200, 'name');
  if (name.length < 2) reject('name_missing', 'the name needs at least 2 characters', 'de naam heeft minstens 2 tekens nodig');
  const minAge = age(s.minimum_age, 'minimum_age');
  const maxAge = age(s.maximum_age, 'maximum_age');
  if (minAge !== null && maxAge !== null && minAge > maxAge) reject('ages_reversed', `minimum_age ${minAge} is above maximum_age ${maxAge}`, `minimum_age ${minAge} is hoger dan maximum_age ${maxAge}`);
  const assured = day(s.assured_date as string | undefined, 'assured_date');
  const confirmedAt = instant(measureOf(attributes, 'confirmed_at'), 'confirmed_at') ?? (assured ? new Date(`${assured}T00:00:00Z`) : now);
  const updatedAt = instant(s.last_modified as string | undefined, 'last_modified') ?? now;
  const locationIds = [...new Set(((s.service_at_locations as { location_id?: string }[] | undefined) ?? []).map((l) => l.location_id ?? reject('location_missing', 'a service_at_location without location_id', 'een service_at_location zonder location_id')))];
  if (hasFlag(attributes, 'zinplek')) {
    if (locationIds.length > 1) reject('too_many_locations', 'a zinplek is at one location at most', 'een zinplek ligt op hoogstens één locatie');
    return {
      kind: 'zinplek',
      row: {
        id,
        organisationId,
        locationId: locationIds[0] ?? null,
        name,
        activities: text(s.description, 4000, 'description'),
        forWhom: text(s.eligibility_description, 4000, 'eligibility_description'),
        minAge,
        maxAge,
        registration: text(s.application_process, 4000, 'application_process'),
        places: count(measureOf(attributes, 'places'), 'places'),
        confirmedAt,
        updatedAt,
      },
    };
  }
  const languages = [
    ...new Set(
      ((s.languages as { code?: string }[] | undefined) ?? []).map((l) => {
        const code = (l.code ?? '').toLowerCase();
        return isServiceLanguage(code) ? code : reject('unknown_language', `unsupported language code "${code.slice(0, 10)}"`, `niet-ondersteunde taalcode "${code.slice(0, 10)}"`);
      }),
    ),
  ];
  const status = s.status === 'active' ? 'active' : 'inactive';
  return {
    kind: 'service',
    row: {
      id,
      organisationId,
      name,
      description: text(s.description, 4000, 'description'),
      eligibility: text(s.eligibility_description, 4000, 'eligibility_description'),
      minAge,
      maxAge,
      languages: languages.length ? languages : ['nl'],
      howToApply: text(s.application_process, 4000, 'application_process'),
      cost: text(s.fees_description, 1000, 'fees_description'),
      url: optionalText(s.url, 500, 'url'),
      email: optionalText(s.email, 254, 'email'),
      phone: firstPhone(s.phones as LoosePhone[] | undefined),
      directAccess: hasFlag(attributes, 'direct_access'),
      status,
      capacity: count(measureOf(attributes, 'capacity'), 'capacity'),
      waitingDays: count(measureOf(attributes, 'waiting_days'), 'waiting_days'),
      waitingConfirmedOn: day(measureOf(attributes, 'waiting_confirmed_on'), 'waiting_confirmed_on'),
      confirmedAt,
      updatedAt,
    },
    locationIds,
    contacts: ((s.contacts as LooseContact[] | undefined) ?? []).map((c) => contactFrom(c, organisationId, id, now)),
  };
}

export interface HsdsImportOptions {
  dryRun?: boolean;
  /** One rejected record and nothing is written: the report says `refused`, with every rejection. */
  allOrNothing?: boolean;
  now: Date;
  actorLabel: string;
  /** The person who started it (the admin UI), when there is one. */
  actorPersonId?: string | null;
  /** Called as records are checked and written: done out of total. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Called when the checks are done and the writing transaction starts. */
  onWriting?: () => void | Promise<void>;
}

/** Checks a dataset and writes what passes, in one transaction; returns what was written and what was refused. */
export async function importHsdsDataset(db: Db, input: unknown, opts: HsdsImportOptions): Promise<THsdsImportReport> {
  const rejected: THsdsRejection[] = [];
  const allOrNothing = opts.allOrNothing ?? false;
  const report = (dryRun: boolean, o = 0, s = 0, z = 0, refused = false): THsdsImportReport => ({
    organizations: o,
    services: s,
    zinplekken: z,
    rejected,
    dryRun,
    allOrNothing,
    refused,
  });
  const doc = input as { organizations?: unknown; services?: unknown } | null;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.organizations) || !Array.isArray(doc.services)) {
    rejected.push({
      entity: 'dataset',
      id: null,
      index: null,
      code: 'not_a_dataset',
      reason: 'Dit is geen HSDS-dataset: er ontbreken "organizations" en "services".',
      reasonEn: 'Not an HSDS dataset: expected an object with "organizations" and "services" arrays.',
    });
    return report(true, 0, 0, 0, allOrNothing);
  }
  const organizations = doc.organizations as unknown[];
  const services = doc.services as unknown[];
  const total = organizations.length + services.length;
  const validators = hsdsValidators();
  const now = opts.now;

  // Check every record first (outside the transaction: it holds no lock while the schemas run).
  const ref = await hsdsRepo.referenceCodes(db);
  const orgPlans: (OrgPlan & { index: number })[] = [];
  const seen = new Set<string>();
  const check = <T>(entity: 'organization' | 'service', index: number, record: unknown, build: (id: string, r: LooseRecord) => T): T | undefined => {
    const r = record as LooseRecord;
    const id = r && typeof r === 'object' && typeof r.id === 'string' ? r.id : null;
    try {
      const validate = entity === 'organization' ? validators.organization : validators.service;
      if (!validate(record)) reject('schema', describeSchemaErrors(validate.errors), describeSchemaErrorsNl(validate.errors));
      const bad = controlCharacterPath(record);
      if (bad) reject('control_characters', `${bad} contains control characters (such as a NUL byte)`, `${bad} bevat stuurtekens (zoals een NUL-byte)`);
      // The schema checked the id is a uuid.
      const key = String(id);
      if (seen.has(key)) reject('duplicate_id', `the id ${key} occurs more than once in the dataset`, `de id ${key} komt meer dan eens voor in de dataset`);
      seen.add(key);
      return build(key, r);
    } catch (err) {
      if (!(err instanceof Rejected)) throw err;
      rejected.push({ entity, id, index, code: err.code, reason: err.nl, reasonEn: err.en });
      return undefined;
    }
  };
  for (const [i, o] of organizations.entries()) {
    const plan = check('organization', i, o, (id, r) => organisationFrom(id, r, ref, now));
    if (plan) orgPlans.push({ ...plan, index: i });
    await opts.onProgress?.(i + 1, total);
  }

  const serviceCandidates: { plan: ServicePlan; index: number }[] = [];
  for (const [i, sv] of services.entries()) {
    const plan = check('service', i, sv, (id, r) => serviceFrom(id, r, now));
    if (plan) serviceCandidates.push({ plan, index: i });
    await opts.onProgress?.(organizations.length + i + 1, total);
  }

  await opts.onWriting?.();
  return db.transaction(async (tx) => {
    // Records of the dataset must not take over another organisation's records or names.
    const orgIds = orgPlans.map((p) => p.org.id);
    const existingOrgs = await hsdsRepo.organisationNames(tx);
    const idByName = new Map(existingOrgs.map((o) => [o.name.toLowerCase(), o.id]));
    const existingIds = new Set(existingOrgs.map((o) => o.id));
    const ownerOf = (table: 'location' | 'service' | 'zinplek' | 'contact', ids: string[]) => hsdsRepo.ownersOf(tx, table, ids);
    const locationOwners = await ownerOf('location', orgPlans.flatMap((p) => p.locations.map((l) => l.id)));
    const contactOwners = await ownerOf('contact', orgPlans.flatMap((p) => p.contacts.map((c) => c.id)));
    const namesInDataset = new Map<string, string>();
    const acceptedOrgs: OrgPlan[] = [];
    for (const p of orgPlans) {
      const key = p.org.name.toLowerCase();
      const clash = idByName.get(key);
      const index = p.index;
      const why: Omit<THsdsRejection, 'entity' | 'id' | 'index'> | undefined =
        clash && clash !== p.org.id
          ? { code: 'name_taken', reasonEn: `another organisation already has the name "${p.org.name}"`, reason: `een andere organisatie heeft al de naam "${p.org.name}"` }
          : namesInDataset.has(key)
            ? { code: 'name_twice', reasonEn: `the name "${p.org.name}" occurs more than once in the dataset`, reason: `de naam "${p.org.name}" komt meer dan eens voor in de dataset` }
            : [...p.locations, ...p.contacts].find((x) => {
                const owner = locationOwners.get(x.id) ?? contactOwners.get(x.id);
                return owner !== undefined && owner !== p.org.id;
              })
              ? { code: 'other_organization', reasonEn: 'one of its locations or contacts belongs to another organisation', reason: 'een van haar locaties of contacten hoort bij een andere organisatie' }
              : undefined;
      if (why) {
        rejected.push({ entity: 'organization', id: p.org.id, index, ...why });
        continue;
      }
      namesInDataset.set(key, p.org.id);
      acceptedOrgs.push(p);
    }
    const acceptedOrgIds = new Set(acceptedOrgs.map((p) => p.org.id));
    const rejectedOrgIds = new Set(orgIds.filter((id) => !acceptedOrgIds.has(id)));
    rejected.forEach((r) => r.entity === 'organization' && r.id && rejectedOrgIds.add(r.id));

    // The locations a service may name: its organisation's, in the dataset or already stored.
    const locationOrg = new Map<string, string>();
    for (const p of acceptedOrgs) for (const l of p.locations) locationOrg.set(l.id, p.org.id);
    const servicePlans: ServicePlan[] = [];
    const storedLocationOrg = await ownerOf(
      'location',
      serviceCandidates.flatMap(({ plan }) => (plan.kind === 'service' ? plan.locationIds : plan.row.locationId ? [plan.row.locationId] : [])).filter((id) => !locationOrg.has(id)),
    );
    const serviceOwners = await ownerOf('service', serviceCandidates.filter((c) => c.plan.kind === 'service').map((c) => c.plan.row.id));
    const zinplekOwners = await ownerOf('zinplek', serviceCandidates.filter((c) => c.plan.kind === 'zinplek').map((c) => c.plan.row.id));
    const serviceContactOwners = await ownerOf('contact', serviceCandidates.flatMap(({ plan }) => (plan.kind === 'service' ? plan.contacts.map((c) => c.id) : [])));
    for (const { plan, index } of serviceCandidates) {
      const orgId = plan.row.organisationId;
      const locs = plan.kind === 'service' ? plan.locationIds : plan.row.locationId ? [plan.row.locationId] : [];
      const owner = plan.kind === 'service' ? serviceOwners.get(plan.row.id) : zinplekOwners.get(plan.row.id);
      const badLocation = locs.find((l) => (locationOrg.get(l) ?? storedLocationOrg.get(l)) !== orgId);
      const why: Omit<THsdsRejection, 'entity' | 'id' | 'index'> | undefined = rejectedOrgIds.has(orgId)
        ? { code: 'organization_rejected', reasonEn: `its organization ${orgId} was rejected`, reason: `haar organisatie ${orgId} werd geweigerd` }
        : !acceptedOrgIds.has(orgId) && !existingIds.has(orgId)
          ? { code: 'organization_missing', reasonEn: `its organization ${orgId} is neither in the dataset nor in the directory`, reason: `haar organisatie ${orgId} staat niet in de dataset en niet in de sociale kaart` }
          : owner !== undefined && owner !== orgId
            ? { code: 'other_organization', reasonEn: 'a record with this id belongs to another organisation', reason: 'een record met deze id hoort bij een andere organisatie' }
            : badLocation
              ? { code: 'other_organization', reasonEn: `location ${badLocation} is not a location of its organization`, reason: `locatie ${badLocation} is geen locatie van haar organisatie` }
              : plan.kind === 'service' && plan.contacts.some((c) => (serviceContactOwners.get(c.id) ?? orgId) !== orgId)
                ? { code: 'other_organization', reasonEn: 'one of its contacts belongs to another organisation', reason: 'een van haar contacten hoort bij een andere organisatie' }
                : undefined;
      if (why) rejected.push({ entity: 'service', id: plan.row.id, index, ...why });
      else servicePlans.push(plan);
    }

    // A contact may name a service: one of its organisation's, written by this import or already stored
    // (otherwise the write would fail on the foreign key). An organisation whose contact names another
    // service is rejected, and so are its services; a service whose contact does, too.
    const acceptedServiceOrg = new Map(servicePlans.flatMap((p) => (p.kind === 'service' ? [[p.row.id, p.row.organisationId] as const] : [])));
    const contactServiceIds = (contacts: { serviceId?: string | null }[]) => contacts.flatMap((c) => (c.serviceId ? [c.serviceId] : []));
    const storedServiceOrg = await ownerOf(
      'service',
      [...new Set([...acceptedOrgs.flatMap((p) => contactServiceIds(p.contacts)), ...servicePlans.flatMap((p) => (p.kind === 'service' ? contactServiceIds(p.contacts) : []))])].filter(
        (id) => !acceptedServiceOrg.has(id),
      ),
    );
    const missingService = (contacts: { id: string; serviceId?: string | null }[], orgId: string) =>
      contacts.find((c) => c.serviceId && (acceptedServiceOrg.get(c.serviceId) ?? storedServiceOrg.get(c.serviceId)) !== orgId);
    const serviceMissing = (c: { id: string; serviceId?: string | null }) => ({
      code: 'service_missing' as const,
      reasonEn: `contact ${c.id} names service ${c.serviceId}, which is neither a service of its organization in the dataset nor in the directory`,
      reason: `contact ${c.id} verwijst naar dienst ${c.serviceId}, die geen dienst van haar organisatie is in de dataset of in de sociale kaart`,
    });
    // Until nothing changes: a rejected service may be the one another contact of the organisation names.
    for (let changed = true; changed; ) {
      changed = false;
      for (const { plan, index } of serviceCandidates) {
        const at = servicePlans.indexOf(plan);
        if (at < 0 || plan.kind !== 'service') continue;
        const bad = missingService(plan.contacts, plan.row.organisationId);
        if (!bad) continue;
        servicePlans.splice(at, 1);
        acceptedServiceOrg.delete(plan.row.id);
        rejected.push({ entity: 'service', id: plan.row.id, index, ...serviceMissing(bad) });
        changed = true;
      }
      for (const p of [...acceptedOrgs]) {
        const bad = missingService(p.contacts, p.org.id);
        if (!bad) continue;
        rejected.push({ entity: 'organization', id: p.org.id, index: orgPlans.find((o) => o.org.id === p.org.id)?.index ?? null, ...serviceMissing(bad) });
        acceptedOrgs.splice(acceptedOrgs.indexOf(p), 1);
        acceptedOrgIds.delete(p.org.id);
        for (const { plan, index } of serviceCandidates) {
          const at = servicePlans.indexOf(plan);
          if (plan.row.organisationId !== p.org.id || at < 0) continue;
          servicePlans.splice(at, 1);
          acceptedServiceOrg.delete(plan.row.id);
          rejected.push({ entity: 'service', id: plan.row.id, index, code: 'organization_rejected', reasonEn: `its organization ${p.org.id} was rejected`, reason: `haar organisatie ${p.org.id} werd geweigerd` });
        }
        changed = true;
      }
    }

    const zinplekCount = servicePlans.filter((p) => p.kind === 'zinplek').length;
    if (allOrNothing && rejected.length > 0) {
      // Nothing is written; a dry run tells the same (that the real import would be refused).
      if (!opts.dryRun) {
        await recordAudit(tx, {
          action: 'directory.hsds.import',
          resourceType: 'directory',
          actorLabel: opts.actorLabel,
          actorPersonId: opts.actorPersonId ?? null,
          outcome: 'failed',
          reason: 'all_or_nothing',
          details: { organizations: 0, services: 0, zinplekken: 0, rejected: rejected.length, allOrNothing: true },
        });
      }
      return report(true, 0, 0, 0, true);
    }
    if (opts.dryRun) return report(true, acceptedOrgs.length, servicePlans.length - zinplekCount, zinplekCount);

    await hsdsRepo.writeImport(tx, acceptedOrgs, servicePlans);
    await recordAudit(tx, {
      action: 'directory.hsds.import',
      resourceType: 'directory',
      actorLabel: opts.actorLabel,
      actorPersonId: opts.actorPersonId ?? null,
      outcome: 'success',
      details: { organizations: acceptedOrgs.length, services: servicePlans.length - zinplekCount, zinplekken: zinplekCount, rejected: rejected.length, allOrNothing },
    });
    return report(false, acceptedOrgs.length, servicePlans.length - zinplekCount, zinplekCount);
  });
}
