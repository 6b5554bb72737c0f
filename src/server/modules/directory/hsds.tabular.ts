import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { HSDS_SCHEMA_DIR } from '../../paths.js';
import { HSDS_VERSION, type THsdsDataset } from '../../../shared/schemas/directory/hsds.js';

/**
 * The HSDS 3 tabular package: one CSV file per table (organizations.csv, services.csv, …, named by
 * the `path` of each schema) and a `datapackage.json`, the form spreadsheets and other directory
 * tools exchange. `toTabular` flattens a dataset into it; `fromTabular` nests the rows back into the
 * dataset form that `importHsdsDataset` checks and writes.
 *
 * Cells a spreadsheet would read as a formula (=, +, -, @, tab, CR at the start) get a leading
 * apostrophe (security.md: CSV exports neutralise formulas); the reader removes exactly that one
 * apostrophe again, so the round trip is exact (a value that itself starts with apostrophes before
 * a formula character gets one more on the way out and loses one on the way in).
 */

type Row = Record<string, unknown>;

/** The tables of the package, in the order a reader needs them. */
const TABLES = ['organization', 'location', 'address', 'phone', 'contact', 'service', 'language', 'service_at_location', 'taxonomy_term', 'attribute'] as const;
type Table = (typeof TABLES)[number];

interface TableSchema {
  path: string;
  columns: string[];
  numeric: Set<string>;
  required: Set<string>;
}

let schemas: Record<Table, TableSchema> | undefined;

/** The scalar columns of each table, read from the official HSDS schemas. */
function tableSchemas(): Record<Table, TableSchema> {
  if (schemas) return schemas;
  const out = {} as Record<Table, TableSchema>;
  for (const table of TABLES) {
    const schema = JSON.parse(readFileSync(join(HSDS_SCHEMA_DIR, `${table}.json`), 'utf8')) as {
      path: string;
      required?: string[];
      properties: Record<string, { type?: string; $ref?: string }>;
    };
    const scalar = Object.entries(schema.properties).filter(([, p]) => !p.$ref && p.type !== 'array' && p.type !== 'object');
    out[table] = {
      path: schema.path,
      columns: scalar.map(([k]) => k),
      numeric: new Set(scalar.filter(([, p]) => p.type === 'number' || p.type === 'integer').map(([k]) => k)),
      required: new Set(schema.required ?? []),
    };
  }
  schemas = out;
  return out;
}

const FORMULA = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf(columns: string[], rows: Row[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Flattens a dataset into the CSV files of the tabular package plus its datapackage.json. */
export function toTabular(dataset: THsdsDataset): Map<string, string> {
  const t = tableSchemas();
  const rows: Record<Table, Row[]> = Object.fromEntries(TABLES.map((k) => [k, []])) as unknown as Record<Table, Row[]>;
  const seen = new Set<string>();
  const add = (table: Table, row: Row) => {
    const key = `${table}|${String(row.id)}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows[table].push(row);
  };
  const addAttributes = (attributes: { taxonomy_term: Row }[] | undefined) => {
    for (const a of attributes ?? []) {
      add('taxonomy_term', a.taxonomy_term);
      add('attribute', a as unknown as Row);
    }
  };
  const addPhones = (phones: Row[] | undefined) => phones?.forEach((p) => add('phone', p));
  const addLocation = (l: THsdsDataset['organizations'][number]['locations'] extends (infer L)[] | undefined ? L : never) => {
    add('location', l);
    l.addresses.forEach((a) => add('address', a));
    addAttributes(l.attributes);
  };
  for (const o of dataset.organizations) {
    add('organization', o);
    addPhones(o.phones);
    o.locations?.forEach(addLocation);
    for (const c of o.contacts ?? []) {
      add('contact', c);
      addPhones(c.phones);
      addAttributes(c.attributes);
    }
    addAttributes(o.attributes);
  }
  for (const s of dataset.services) {
    add('service', s);
    s.languages?.forEach((l) => add('language', l));
    addPhones(s.phones);
    for (const c of s.contacts ?? []) {
      add('contact', c);
      addPhones(c.phones);
      addAttributes(c.attributes);
    }
    for (const sal of s.service_at_locations ?? []) {
      add('service_at_location', sal);
      if (sal.location) addLocation(sal.location);
    }
    addAttributes(s.attributes);
  }
  const files = new Map<string, string>();
  for (const table of TABLES) files.set(t[table].path, csvOf(t[table].columns, rows[table]));
  files.set(
    'datapackage.json',
    JSON.stringify(
      {
        name: 'samenplan-sociale-kaart',
        title: 'Samenplan: sociale kaart (Open Referral HSDS)',
        profile: 'tabular-data-package',
        hsds_version: HSDS_VERSION,
        resources: TABLES.map((table) => ({ name: table, path: t[table].path, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' })),
      },
      null,
      2,
    ) + '\n',
  );
  return files;
}

/** Thrown when the package itself cannot be read (not a single record's problem). */
export class TabularError extends Error {}

function readTable(table: Table, text: string | undefined): Row[] {
  if (text === undefined) return [];
  const t = tableSchemas()[table];
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
  } catch (err) {
    throw new TabularError(`${t.path} is not valid CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  return records.map((record) => {
    const row: Row = {};
    for (const [column, raw] of Object.entries(record)) {
      const value = NEUTRALISED.test(raw) ? raw.slice(1) : raw;
      if (value === '') {
        if (t.required.has(column)) row[column] = '';
        continue;
      }
      // A number column keeps what is not a number as text, so the schema check reports it.
      row[column] = t.numeric.has(column) && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    }
    return row;
  });
}

/** The files of a tabular package (by file name) nested into dataset form; unknown files are ignored. */
export function fromTabular(files: Map<string, string>): { hsds_version: string; organizations: Row[]; services: Row[] } {
  const t = tableSchemas();
  if (!files.has(t.organization.path) && !files.has(t.service.path)) {
    throw new TabularError(`Not an HSDS tabular package: neither ${t.organization.path} nor ${t.service.path} is present.`);
  }
  const table = (name: Table) => readTable(name, files.get(t[name].path));
  const group = (rows: Row[], key: string) => {
    const m = new Map<string, Row[]>();
    for (const r of rows) {
      const k = r[key];
      if (typeof k !== 'string') continue;
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const terms = new Map(table('taxonomy_term').map((r) => [String(r.id), r]));
  const attributesOf = group(
    table('attribute').map((a) => {
      const term = terms.get(String(a.taxonomy_term_id));
      return term ? { ...a, taxonomy_term: term } : a;
    }),
    'link_id',
  );
  const withAttributes = (r: Row): Row => ({ ...r, attributes: attributesOf.get(String(r.id)) ?? [] });
  const phones = table('phone');
  const phonesBy = (key: string) => group(phones, key);
  const phonesOfOrg = phonesBy('organization_id');
  const phonesOfService = phonesBy('service_id');
  const phonesOfContact = phonesBy('contact_id');
  const addressesOf = group(table('address'), 'location_id');
  const locations = table('location').map((l) => withAttributes({ ...l, addresses: addressesOf.get(String(l.id)) ?? [] }));
  const locationsById = new Map(locations.map((l) => [String(l.id), l]));
  const contacts = table('contact').map((c) => withAttributes({ ...c, phones: phonesOfContact.get(String(c.id)) ?? [] }));
  const contactsOfOrg = group(contacts, 'organization_id');
  const contactsOfService = group(contacts, 'service_id');
  const locationsOfOrg = group(locations, 'organization_id');
  const languagesOf = group(table('language'), 'service_id');
  const salOf = group(table('service_at_location'), 'service_id');
  const organizations = table('organization').map((o) =>
    withAttributes({
      ...o,
      phones: phonesOfOrg.get(String(o.id)) ?? [],
      locations: locationsOfOrg.get(String(o.id)) ?? [],
      contacts: contactsOfOrg.get(String(o.id)) ?? [],
    }),
  );
  const services = table('service').map((s) =>
    withAttributes({
      ...s,
      languages: languagesOf.get(String(s.id)) ?? [],
      phones: (phonesOfService.get(String(s.id)) ?? []).filter((p) => p.contact_id === undefined),
      contacts: contactsOfService.get(String(s.id)) ?? [],
      service_at_locations: (salOf.get(String(s.id)) ?? []).map((sal) => {
        const location = locationsById.get(String(sal.location_id));
        return location ? { ...sal, location } : sal;
      }),
    }),
  );
  return { hsds_version: HSDS_VERSION, organizations, services };
}
