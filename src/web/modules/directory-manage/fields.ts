import type { z } from 'zod';
import {
  ZContactPointCreate,
  ZContactPointUpdate,
  ZDirectoryOrganisationUpdate,
  ZLocationCreate,
  ZLocationUpdate,
  ZServiceCreate,
  ZServiceUpdate,
  ZZinplekCreate,
  ZZinplekUpdate,
} from '../../../shared/schemas/directory/manage.js';

/** How a field is edited; the form turns its value into the contract's type. */
export type TFieldType = 'text' | 'textarea' | 'int' | 'number' | 'bool' | 'select' | 'multiselect' | 'date';

/** Where a select field gets its choices. */
export type TOptionSource = 'languages' | 'statuses' | 'functions' | 'locations' | 'services' | 'municipalities';

export interface TFieldSpec {
  name: string;
  type: TFieldType;
  /** Empty means `null` (otherwise an empty text stays ''). */
  nullable?: boolean;
  required?: boolean;
  options?: TOptionSource;
  /** The form value from a record, when it is not the record's own property. */
  from?: (record: Record<string, unknown>) => unknown;
  /** Takes a row of its own in the two-column grid. */
  wide?: boolean;
}

export interface TKindSpec {
  fields: TFieldSpec[];
  create: z.ZodType;
  update: z.ZodType;
}

/** The fields of each kind of entry, in the order of the form. */
// The kinds as in api/directory-manage.ts (not imported: this file is also used by tests outside the web build).
export const KIND_SPECS: Record<'organisation' | 'locations' | 'services' | 'contact-points' | 'zinplekken', TKindSpec> = {
  organisation: {
    create: ZDirectoryOrganisationUpdate,
    update: ZDirectoryOrganisationUpdate,
    fields: [
      { name: 'description', type: 'textarea', wide: true },
      { name: 'website', type: 'text', nullable: true },
      { name: 'email', type: 'text', nullable: true },
      { name: 'phone', type: 'text', nullable: true },
      {
        name: 'municipalities',
        type: 'multiselect',
        options: 'municipalities',
        wide: true,
        from: (r) => (r.municipalities as { nisCode: string }[]).map((m) => m.nisCode),
      },
      { name: 'directAccess', type: 'bool' },
      { name: 'broadEntryPoint', type: 'bool' },
      { name: 'mandated', type: 'bool' },
      { name: 'listed', type: 'bool' },
    ],
  },
  locations: {
    create: ZLocationCreate,
    update: ZLocationUpdate,
    fields: [
      { name: 'name', type: 'text', required: true, wide: true },
      { name: 'description', type: 'textarea', wide: true },
      { name: 'street', type: 'text', required: true },
      { name: 'postalCode', type: 'text', required: true },
      { name: 'city', type: 'text', required: true },
      { name: 'nisCode', type: 'text', nullable: true },
      { name: 'latitude', type: 'number' },
      { name: 'longitude', type: 'number' },
    ],
  },
  services: {
    create: ZServiceCreate,
    update: ZServiceUpdate,
    fields: [
      { name: 'name', type: 'text', required: true, wide: true },
      { name: 'description', type: 'textarea', wide: true },
      { name: 'waitingDays', type: 'int' },
      { name: 'waitingConfirmedOn', type: 'date' },
      { name: 'eligibility', type: 'textarea', wide: true },
      { name: 'minAge', type: 'int' },
      { name: 'maxAge', type: 'int' },
      { name: 'languages', type: 'multiselect', options: 'languages' },
      { name: 'status', type: 'select', options: 'statuses' },
      { name: 'howToApply', type: 'textarea', wide: true },
      { name: 'cost', type: 'text' },
      { name: 'capacity', type: 'int' },
      { name: 'url', type: 'text', nullable: true },
      { name: 'email', type: 'text', nullable: true },
      { name: 'phone', type: 'text', nullable: true },
      {
        name: 'locationIds',
        type: 'multiselect',
        options: 'locations',
        from: (r) => (r.locations as { id: string }[]).map((l) => l.id),
      },
      { name: 'directAccess', type: 'bool', wide: true },
    ],
  },
  'contact-points': {
    create: ZContactPointCreate,
    update: ZContactPointUpdate,
    fields: [
      { name: 'title', type: 'text', required: true, wide: true },
      { name: 'function', type: 'select', options: 'functions', required: true },
      { name: 'serviceId', type: 'select', options: 'services', nullable: true },
      { name: 'email', type: 'text', nullable: true },
      { name: 'phone', type: 'text', nullable: true },
    ],
  },
  zinplekken: {
    create: ZZinplekCreate,
    update: ZZinplekUpdate,
    fields: [
      { name: 'name', type: 'text', required: true, wide: true },
      { name: 'activities', type: 'textarea', wide: true },
      { name: 'forWhom', type: 'textarea', wide: true },
      { name: 'minAge', type: 'int' },
      { name: 'maxAge', type: 'int' },
      { name: 'places', type: 'int' },
      { name: 'locationId', type: 'select', options: 'locations', nullable: true },
      { name: 'registration', type: 'textarea', wide: true },
    ],
  },
};

/** Form values: strings for texts and numbers being typed, booleans, arrays and null for choices. */
export type TFormValues = Record<string, unknown>;

/** The empty form of a new entry. */
export function emptyValues(fields: TFieldSpec[]): TFormValues {
  const values: TFormValues = {};
  for (const f of fields) {
    if (f.type === 'bool') values[f.name] = f.name === 'listed';
    else if (f.type === 'multiselect') values[f.name] = f.options === 'languages' ? ['nl'] : [];
    else if (f.type === 'select') values[f.name] = f.options === 'statuses' ? 'active' : null;
    else if (f.type === 'int' || f.type === 'number') values[f.name] = '';
    else if (f.type === 'date') values[f.name] = null;
    else values[f.name] = '';
  }
  return values;
}

/** The form values of an existing record. */
export function valuesOf(fields: TFieldSpec[], record: Record<string, unknown>): TFormValues {
  const values: TFormValues = {};
  for (const f of fields) {
    const raw = f.from ? f.from(record) : record[f.name];
    if (f.type === 'int' || f.type === 'number') values[f.name] = raw ?? '';
    else if (f.type === 'text' || f.type === 'textarea') values[f.name] = raw ?? '';
    else values[f.name] = raw ?? null;
  }
  return values;
}

/** One field's value as the contract wants it. */
function bodyValue(f: TFieldSpec, value: unknown): unknown {
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const text = typeof value === 'string' ? value.trim() : '';
      return f.nullable && text === '' ? null : text;
    }
    case 'int':
    case 'number':
      return value === '' || value === null || value === undefined ? null : Number(value);
    case 'date':
    case 'select':
      return value === '' || value === undefined ? null : value;
    default:
      return value;
  }
}

/**
 * The request body: every field for a new entry (empty optional fields left out), only the changed
 * ones plus the version read for a change.
 */
export function bodyOf(fields: TFieldSpec[], values: TFormValues, initial: TFormValues | null, version: number | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const value = bodyValue(f, values[f.name]);
    if (initial) {
      if (JSON.stringify(value) !== JSON.stringify(bodyValue(f, initial[f.name]))) body[f.name] = value;
    } else if (value !== null && !(f.type === 'text' && value === '' && !f.required)) body[f.name] = value;
  }
  if (version !== null) body.version = version;
  return body;
}
