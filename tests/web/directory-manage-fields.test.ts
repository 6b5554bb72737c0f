import { describe, expect, it } from 'vitest';
import { abilitiesOf } from '../../src/shared/permissions.js';
import { bodyOf, emptyValues, KIND_SPECS, valuesOf } from '../../src/web/modules/directory-manage/fields.js';

const service = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  name: 'Contextbegeleiding aan huis',
  description: 'Aan huis',
  eligibility: '',
  minAge: 0,
  maxAge: 18,
  languages: ['nl', 'fr'],
  howToApply: '',
  cost: 'Gratis.',
  url: null,
  email: null,
  phone: '059 99 01 00',
  directAccess: true,
  status: 'active',
  capacity: 40,
  waitingDays: 35,
  waitingConfirmedOn: '2026-11-12',
  locations: [{ id: '00000000-0000-4000-8000-000000000003', name: 'Hoofdzetel' }],
  confirmedAt: '2026-11-12T10:00:00.000Z',
  stale: false,
  version: 4,
};

describe('directory management forms: from a record to a request body', () => {
  const { fields, update, create } = KIND_SPECS.services;

  it('sends only the changed fields and the version read, valid for the update contract', () => {
    const initial = valuesOf(fields, service);
    expect(initial.locationIds).toEqual(['00000000-0000-4000-8000-000000000003']);
    expect(initial.url).toBe('');
    const body = bodyOf(fields, { ...initial, waitingDays: 14, url: '  ' }, initial, service.version);
    expect(body).toEqual({ waitingDays: 14, version: 4 });
    expect(update.safeParse(body).success).toBe(true);
  });

  it('clears a number or a nullable text to null, never to "" or 0', () => {
    const initial = valuesOf(fields, service);
    expect(bodyOf(fields, { ...initial, capacity: '', phone: ' ' }, initial, 4)).toEqual({ capacity: null, phone: null, version: 4 });
  });

  it('a new entry leaves empty optional fields out, and the contract still names what is missing', () => {
    const values = emptyValues(fields);
    expect(create.safeParse(bodyOf(fields, values, null, null)).success).toBe(false);
    const body = bodyOf(fields, { ...values, name: ' Huiswerkbegeleiding ' }, null, null);
    expect(body).toMatchObject({ name: 'Huiswerkbegeleiding', languages: ['nl'], status: 'active', directAccess: false });
    expect(body).not.toHaveProperty('url');
    expect(create.safeParse(body).success).toBe(true);
  });

  it('a location needs its address; the contact point its function', () => {
    const loc = KIND_SPECS.locations;
    const result = loc.create.safeParse(bodyOf(loc.fields, { ...emptyValues(loc.fields), name: 'Kantoor' }, null, null));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['street', 'postalCode', 'city']));
    const cp = KIND_SPECS['contact-points'];
    const noFunction = cp.create.safeParse(bodyOf(cp.fields, { ...emptyValues(cp.fields), title: 'Onthaal' }, null, null));
    expect(noFunction.error?.issues.map((i) => i.path.join('.'))).toEqual(['function']);
  });
});

describe('who sees the directory management pages', () => {
  const none = { platformRoles: [], memberships: [] };
  it('organisation admins and platform admins keep entries; coordinators and platform admins see the stale list', () => {
    expect(abilitiesOf({ ...none, memberships: [{ roles: ['org_admin'] }] })).toMatchObject({ 'directory.manage': true, 'directory.stale': false, 'directory.keep': true });
    expect(abilitiesOf({ ...none, platformRoles: [{ role: 'network_coordinator' }] })).toMatchObject({ 'directory.manage': false, 'directory.stale': true, 'directory.keep': true });
    expect(abilitiesOf({ ...none, platformRoles: [{ role: 'platform_admin' }] })).toMatchObject({ 'directory.manage': true, 'directory.stale': true, 'directory.keep': true });
    expect(abilitiesOf({ ...none, memberships: [{ roles: ['professional'] }] })).toMatchObject({ 'directory.manage': false, 'directory.stale': false, 'directory.keep': false });
  });
});
