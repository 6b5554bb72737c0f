import { createHash } from 'node:crypto';
import type { contactPoint, location, organisation, service, zinplek } from '../../db/schema/index.js';
import {
  HSDS_TAXONOMIES,
  type THsdsAttribute,
  type THsdsContact,
  type THsdsLocation,
  type THsdsOrganization,
  type THsdsPhone,
  type THsdsService,
} from '../../../shared/schemas/directory/hsds.js';
import { CONTACT_FUNCTIONS, SERVICE_LANGUAGES, type TContactFunction } from '../../../shared/schemas/directory/enums.js';

/**
 * The mapping between Samenplan's directory tables and Open Referral HSDS 3 objects, both ways.
 *
 * Pure functions, no database: the repo loads the rows, these turn them into HSDS and back. Records
 * HSDS has no table for (phones, addresses, languages, attributes) get a deterministic id (a UUID v5
 * of their parent's id and their key), so exporting twice, or exporting what an import wrote, gives
 * the same document.
 */

type OrgRow = typeof organisation.$inferSelect;
type LocationRow = typeof location.$inferSelect;
type ServiceRow = typeof service.$inferSelect;
type ZinplekRow = typeof zinplek.$inferSelect;
type ContactRow = typeof contactPoint.$inferSelect;

/** An organisation with everything the export nests under it. */
export interface OrgBundle {
  org: OrgRow;
  regionCode: string | null;
  sectors: { code: string; name: string }[];
  municipalities: { nisCode: string; name: string }[];
  locations: (LocationRow & { province: string | null })[];
  contacts: ContactRow[];
}

/** A service or a zinplek with what the export nests under it. */
export type ServiceBundle =
  | { kind: 'service'; row: ServiceRow; locationIds: string[]; contacts: ContactRow[] }
  | { kind: 'zinplek'; row: ZinplekRow };

const NAMESPACE = Buffer.from('6f1c3f1e4b7a4d2c9a51d0c4f7e2b8a3', 'hex');

/** RFC 4122 version 5 UUID of `name` in Samenplan's HSDS namespace. */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b.writeUInt8((b.readUInt8(6) & 0x0f) | 0x50, 6);
  b.writeUInt8((b.readUInt8(8) & 0x3f) | 0x80, 8);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The flags of organisations and services, and the measures, with their Dutch names. */
export const HSDS_FLAGS = {
  direct_access: 'Rechtstreeks toegankelijk',
  broad_entry_point: 'Brede instap',
  mandated: 'Gemandateerde voorziening',
  zinplek: 'Zinplek',
} as const;
export const HSDS_MEASURES = {
  confirmed_at: 'Laatst bevestigd',
  capacity: 'Capaciteit (plaatsen)',
  waiting_days: 'Wachttijd in dagen',
  waiting_confirmed_on: 'Wachttijd bevestigd op',
  places: 'Plaatsen',
} as const;
const CONTACT_FUNCTION_NAMES: Record<TContactFunction, string> = {
  intake: 'Intake en onthaal',
  education_ambassador: 'Onderwijsambassadeur',
  iroj_member: 'Lid IROJ',
  confidant_point: 'Vertrouwenspunt',
  central_registration: 'Centraal aanmeldpunt',
  general: 'Algemeen',
  other: 'Andere',
};

const languageNames = new Intl.DisplayNames(['nl'], { type: 'language', fallback: 'code' });
export function languageName(code: string): string {
  return code === 'sgn' ? 'Gebarentaal' : (languageNames.of(code) ?? code);
}

type Taxonomy = (typeof HSDS_TAXONOMIES)[keyof typeof HSDS_TAXONOMIES];

function attribute(
  linkId: string,
  linkEntity: string,
  linkType: string,
  taxonomy: Taxonomy,
  code: string,
  name: string,
  value?: string,
): THsdsAttribute {
  const termId = uuidV5(`term|${taxonomy}|${code}`);
  return {
    id: uuidV5(`attribute|${linkId}|${taxonomy}|${code}`),
    link_id: linkId,
    link_type: linkType,
    link_entity: linkEntity,
    taxonomy_term_id: termId,
    ...(value === undefined ? {} : { value }),
    taxonomy_term: { id: termId, code, name, description: name, taxonomy },
  };
}

const measure = (linkId: string, entity: string, code: keyof typeof HSDS_MEASURES, value: string) =>
  attribute(linkId, entity, 'measure', HSDS_TAXONOMIES.measure, code, HSDS_MEASURES[code], value);
const flag = (linkId: string, entity: string, code: keyof typeof HSDS_FLAGS) =>
  attribute(linkId, entity, 'flag', HSDS_TAXONOMIES.flag, code, HSDS_FLAGS[code]);

function phone(owner: 'organization_id' | 'service_id' | 'contact_id', ownerId: string, number: string | null): THsdsPhone[] {
  return number ? [{ id: uuidV5(`phone|${ownerId}`), [owner]: ownerId, number }] : [];
}

const opt = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export function toHsdsLocation(row: LocationRow & { province: string | null }): THsdsLocation {
  return {
    id: row.id,
    location_type: 'physical',
    organization_id: row.organisationId,
    name: row.name,
    description: row.description,
    ...opt('latitude', row.latitude),
    ...opt('longitude', row.longitude),
    ...(row.nisCode ? { external_identifier: row.nisCode, external_identifier_type: 'nis' } : {}),
    addresses: [
      {
        id: uuidV5(`address|${row.id}`),
        location_id: row.id,
        address_1: row.street,
        city: row.city,
        state_province: row.province ?? '',
        postal_code: row.postalCode,
        country: 'BE',
        address_type: 'physical',
      },
    ],
    attributes: [measure(row.id, 'location', 'confirmed_at', row.confirmedAt.toISOString())],
  };
}

export function toHsdsContact(row: ContactRow): THsdsContact {
  return {
    id: row.id,
    organization_id: row.organisationId,
    ...opt('service_id', row.serviceId),
    title: row.title,
    ...opt('email', row.email),
    phones: phone('contact_id', row.id, row.phone),
    attributes: [
      attribute(row.id, 'contact', 'function', HSDS_TAXONOMIES.contactFunction, row.function, CONTACT_FUNCTION_NAMES[row.function]),
      measure(row.id, 'contact', 'confirmed_at', row.confirmedAt.toISOString()),
    ],
  };
}

export function toHsdsOrganization(b: OrgBundle, full: boolean): THsdsOrganization {
  const o = b.org;
  const base: THsdsOrganization = {
    id: o.id,
    name: o.name,
    description: o.description,
    ...opt('email', o.email),
    ...opt('website', o.website),
  };
  if (!full) return base;
  const attributes: THsdsAttribute[] = [
    ...b.sectors.map((s) => attribute(o.id, 'organization', 'sector', HSDS_TAXONOMIES.sector, s.code, s.name)),
    ...b.municipalities.map((m) => attribute(o.id, 'organization', 'area', HSDS_TAXONOMIES.municipality, m.nisCode, m.name)),
    ...(b.regionCode ? [attribute(o.id, 'organization', 'region', HSDS_TAXONOMIES.region, b.regionCode, b.regionCode)] : []),
    ...(['direct_access', 'broad_entry_point', 'mandated'] as const)
      .filter((f) => (f === 'direct_access' ? o.directAccess : f === 'broad_entry_point' ? o.broadEntryPoint : o.mandated))
      .map((f) => flag(o.id, 'organization', f)),
    measure(o.id, 'organization', 'confirmed_at', o.confirmedAt.toISOString()),
  ];
  return {
    ...base,
    phones: phone('organization_id', o.id, o.phone),
    locations: b.locations.map(toHsdsLocation),
    contacts: b.contacts.map(toHsdsContact),
    attributes,
  };
}

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

export function toHsdsService(b: ServiceBundle, full: boolean, locations: Map<string, THsdsLocation>): THsdsService {
  if (b.kind === 'zinplek') {
    const z = b.row;
    const base: THsdsService = {
      id: z.id,
      organization_id: z.organisationId,
      name: z.name,
      description: z.activities,
      status: 'active',
      application_process: z.registration,
      fees_description: '',
      eligibility_description: z.forWhom,
      ...opt('minimum_age', z.minAge),
      ...opt('maximum_age', z.maxAge),
      assured_date: dateOf(z.confirmedAt),
      last_modified: z.updatedAt.toISOString(),
    };
    if (!full) return base;
    return {
      ...base,
      languages: [],
      phones: [],
      contacts: [],
      service_at_locations: z.locationId ? [serviceAtLocation(z.id, z.locationId, locations)] : [],
      attributes: [
        flag(z.id, 'service', 'zinplek'),
        ...(z.places === null ? [] : [measure(z.id, 'service', 'places', String(z.places))]),
        measure(z.id, 'service', 'confirmed_at', z.confirmedAt.toISOString()),
      ],
    };
  }
  const s = b.row;
  const base: THsdsService = {
    id: s.id,
    organization_id: s.organisationId,
    name: s.name,
    description: s.description,
    ...opt('url', s.url),
    ...opt('email', s.email),
    status: s.status,
    application_process: s.howToApply,
    fees_description: s.cost,
    eligibility_description: s.eligibility,
    ...(s.waitingDays === null ? {} : { wait_time: `${s.waitingDays} dagen` }),
    ...opt('minimum_age', s.minAge),
    ...opt('maximum_age', s.maxAge),
    assured_date: dateOf(s.confirmedAt),
    last_modified: s.updatedAt.toISOString(),
  };
  if (!full) return base;
  return {
    ...base,
    languages: s.languages.map((code) => ({ id: uuidV5(`language|${s.id}|${code}`), service_id: s.id, code, name: languageName(code) })),
    phones: phone('service_id', s.id, s.phone),
    contacts: b.contacts.map(toHsdsContact),
    service_at_locations: b.locationIds.map((l) => serviceAtLocation(s.id, l, locations)),
    attributes: [
      ...(s.directAccess ? [flag(s.id, 'service', 'direct_access')] : []),
      ...(s.capacity === null ? [] : [measure(s.id, 'service', 'capacity', String(s.capacity))]),
      ...(s.waitingDays === null ? [] : [measure(s.id, 'service', 'waiting_days', String(s.waitingDays))]),
      ...(s.waitingConfirmedOn === null ? [] : [measure(s.id, 'service', 'waiting_confirmed_on', s.waitingConfirmedOn)]),
      measure(s.id, 'service', 'confirmed_at', s.confirmedAt.toISOString()),
    ],
  };
}

export function serviceAtLocation(serviceId: string, locationId: string, locations: Map<string, THsdsLocation>) {
  const loc = locations.get(locationId);
  return { id: uuidV5(`service_at_location|${serviceId}|${locationId}`), service_id: serviceId, location_id: locationId, ...(loc ? { location: loc } : {}) };
}

// ---------------------------------------------------------------------------------------------
// HSDS → Samenplan: what an import writes. Loose input (any valid HSDS), so everything is optional.

export interface LooseAttribute {
  taxonomy_term?: { code?: string; taxonomy?: string; name?: string };
  value?: string;
}

/** The terms of a record's attributes in one of Samenplan's taxonomies (a foreign dataset's others are ignored). */
export function termsOf(attributes: LooseAttribute[] | undefined, taxonomy: Taxonomy): { code: string; value?: string }[] {
  return (attributes ?? []).flatMap((a) => {
    const code = a.taxonomy_term?.taxonomy === taxonomy ? a.taxonomy_term.code : undefined;
    return typeof code === 'string' ? [{ code, ...(a.value === undefined ? {} : { value: a.value }) }] : [];
  });
}

export const hasFlag = (attributes: LooseAttribute[] | undefined, code: keyof typeof HSDS_FLAGS) =>
  termsOf(attributes, HSDS_TAXONOMIES.flag).some((t) => t.code === code);

export function measureOf(attributes: LooseAttribute[] | undefined, code: keyof typeof HSDS_MEASURES): string | undefined {
  return termsOf(attributes, HSDS_TAXONOMIES.measure).find((t) => t.code === code)?.value;
}

export function isContactFunction(code: string): code is TContactFunction {
  return (CONTACT_FUNCTIONS as readonly string[]).includes(code);
}
export function isServiceLanguage(code: string): code is (typeof SERVICE_LANGUAGES)[number] {
  return (SERVICE_LANGUAGES as readonly string[]).includes(code);
}
