import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { send, useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import type { LoggedIn } from '../../../../tests/helpers/login.js';
import { contactPoint, governanceIndicatorMeasurement, organisation, organisationMunicipality } from '../../db/schema/index.js';
import { ZIndicatorListResponse, ZIndicatorResponse, ZMeetingResponse, ZPlanResponse } from '../../../shared/schemas/governance.js';

const gov = useGovernanceFixture('gov-i');
const { today } = gov;

const body = async (kind = 'iroj') => (await gov.bodyWith({ name: 'Orgaan indicatoren', kind })).body;

/** A plan of a new IROJ with a secretary and a plain member. */
async function plan() {
  const { body: b, secretary, member } = await gov.bodyWith({ name: 'Orgaan indicatoren', kind: 'iroj', roles: ['secretary', 'member'], joinedOn: '2025-01-01', withOrganisation: false });
  const res = await secretary.client.post(`/api/governance/bodies/${b.id}/plans`, { year: Number(today().slice(0, 4)), title: 'Regionaal plan' });
  expect(res.statusCode, res.body).toBe(201);
  return { plan: ZPlanResponse.parse(res.json()).data, secretary, member };
}

async function indicator(who: LoggedIn, planId: string, payload: Record<string, unknown>) {
  const res = await who.client.post(`/api/governance/plans/${planId}/indicators`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return ZIndicatorResponse.parse(res.json()).data;
}

describe('indicators', () => {
  it('a manual indicator: definition, unit, target, measurements over time; one per day; version 409; audited', async () => {
    const { plan: p, secretary, member } = await plan();
    const ind = await indicator(secretary, p.id, { name: 'Bereikte leerkrachten', definition: 'Leerkrachten op de netwerkdag', unit: 'personen', target: 200 });
    expect(ind).toMatchObject({ planId: p.id, source: 'manual', target: 200, latest: null, measurements: [], version: 1 });
    await expectAudited(gov.ctx.database.db, 'governance.indicator.create', { resourceType: 'governance_indicator', resourceId: ind.id, details: { planId: p.id, source: 'manual' } });

    const m = (measuredOn: string, value: number) => secretary.client.post(`/api/governance/indicators/${ind.id}/measurements`, { measuredOn, value, note: 'Telling aan de inkom' });
    expect((await m('2026-03-01', 120)).statusCode).toBe(201);
    const second = await m('2026-01-15', 80.25);
    expect(second.statusCode, second.body).toBe(201);
    const data = ZIndicatorResponse.parse(second.json()).data;
    expect(data.measurements.map((x) => [x.measuredOn, x.value, x.source])).toEqual([
      ['2026-01-15', 80.25, 'manual'],
      ['2026-03-01', 120, 'manual'],
    ]);
    expect(data.latest).toMatchObject({ measuredOn: '2026-03-01', value: 120 });
    await expectAudited(gov.ctx.database.db, 'governance.indicator.measure', { resourceId: ind.id, details: { measuredOn: '2026-01-15', value: 80.25, source: 'manual' } });
    const dup = await m('2026-03-01', 5);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Er is al een meting op deze dag.');
    const now = await secretary.client.post(`/api/governance/indicators/${ind.id}/measure`);
    expect(now.statusCode).toBe(409);
    expect(now.json().error.message).toContain('zelf in');

    const list = ZIndicatorListResponse.parse((await member.client.get(`/api/governance/plans/${p.id}/indicators`)).json());
    expect(list.data.items.map((i) => [i.name, i.latest?.value])).toEqual([['Bereikte leerkrachten', 120]]);
    expect(list.abilities[ind.id]).toEqual({ view: true, update: false });

    const ok = await send(secretary, 'PATCH', `/api/governance/indicators/${ind.id}`, { version: 1, target: 250 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZIndicatorResponse.parse(ok.json()).data).toMatchObject({ target: 250, version: 2 });
    const stale = await send(secretary, 'PATCH', `/api/governance/indicators/${ind.id}`, { version: 1, target: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const sameName = await secretary.client.post(`/api/governance/plans/${p.id}/indicators`, { name: 'bereikte LEERKRACHTEN', unit: 'x' });
    expect(sameName.statusCode).toBe(409);
  });

  it('computed: organisations with an education ambassador in the directory, measured on request and stored with the day', async () => {
    const db = gov.ctx.database.db;
    const ambassador = async (opts: { region?: boolean; municipality?: string; fn?: 'education_ambassador' | 'intake'; archived?: boolean; twice?: boolean }) => {
      const org = await makeOrganisation(db);
      await db.update(organisation).set({ regionId: opts.region ? gov.regionId : null, status: opts.archived ? 'archived' : 'active' }).where(eq(organisation.id, org.id));
      if (opts.municipality) await db.insert(organisationMunicipality).values({ organisationId: org.id, nisCode: opts.municipality });
      for (let i = 0; i < (opts.twice ? 2 : 1); i++) await db.insert(contactPoint).values({ organisationId: org.id, function: opts.fn ?? 'education_ambassador', title: 'Onderwijsambassadeur' });
    };
    await ambassador({ region: true, twice: true }); // counted once
    await ambassador({ municipality: '31005' }); // serves the region
    await ambassador({ region: true, fn: 'intake' }); // no ambassador
    await ambassador({}); // elsewhere
    await ambassador({ region: true, archived: true }); // archived

    const { plan: p, secretary, member } = await plan();
    const ind = await indicator(secretary, p.id, { name: 'Organisaties met onderwijsambassadeur', unit: 'organisaties', target: 10, source: 'education_ambassador_organisations' });
    expect((await member.client.post(`/api/governance/indicators/${ind.id}/measure`)).statusCode).toBe(403);
    const res = await secretary.client.post(`/api/governance/indicators/${ind.id}/measure`);
    expect(res.statusCode, res.body).toBe(200);
    const data = ZIndicatorResponse.parse(res.json()).data;
    expect(data.measurements).toEqual([expect.objectContaining({ measuredOn: today(), value: 2, source: 'computed', recordedByName: expect.any(String) })]);
    await expectAudited(gov.ctx.database.db, 'governance.indicator.measure', { resourceId: ind.id, details: { value: 2, source: 'education_ambassador_organisations', measuredOn: today() } });

    // Measuring again the same day replaces that day's value.
    await ambassador({ region: true });
    const again = ZIndicatorResponse.parse((await secretary.client.post(`/api/governance/indicators/${ind.id}/measure`)).json()).data;
    expect(again.measurements.map((x) => x.value)).toEqual([3]);
    // A hand-made measurement of a computed indicator is refused.
    const manual = await secretary.client.post(`/api/governance/indicators/${ind.id}/measurements`, { measuredOn: '2026-01-01', value: 9 });
    expect(manual.statusCode).toBe(409);
    expect(manual.json().error.message).toContain('meet nu');
  });

  it('computed: intervision meetings held this year in the region', async () => {
    const year = today().slice(0, 4);
    const group = await body('intervision_group');
    const steering = await body('steering_group');
    const meeting = async (bodyId: string, meetingDate: string, status: 'held' | 'planned' | 'cancelled') => {
      const res = await gov.coordinator.client.post(`/api/governance/bodies/${bodyId}/meetings`, { meetingDate });
      expect(res.statusCode, res.body).toBe(201);
      const m = ZMeetingResponse.parse(res.json()).data;
      if (status !== 'planned') expect((await send(gov.coordinator, 'PATCH', `/api/governance/meetings/${m.id}`, { version: 1, status })).statusCode).toBe(200);
    };
    await meeting(group.id, `${year}-01-01`, 'held');
    await meeting(group.id, today(), 'held');
    await meeting(group.id, `${year}-12-31`, 'planned');
    await meeting(group.id, `${year}-02-02`, 'cancelled');
    await meeting(group.id, `${Number(year) - 1}-12-31`, 'held');
    await meeting(steering.id, today(), 'held');

    const { plan: p, secretary } = await plan();
    const ind = await indicator(secretary, p.id, { name: 'Intervisies', unit: 'bijeenkomsten', source: 'intervision_meetings_held' });
    const res = await secretary.client.post(`/api/governance/indicators/${ind.id}/measure`);
    expect(res.statusCode, res.body).toBe(200);
    expect(ZIndicatorResponse.parse(res.json()).data.latest).toMatchObject({ value: 2, measuredOn: today(), source: 'computed' });
  });

  it('refuses: non-member 404, member 403, bad input 400 (huge numbers, NUL bytes, unknown source); nothing stored', async () => {
    const { plan: p, secretary, member } = await plan();
    const ind = await indicator(secretary, p.id, { name: 'Tevredenheid', unit: '%', target: 80 });
    for (const url of [`/api/governance/plans/${p.id}/indicators`, `/api/governance/indicators/${ind.id}`]) {
      expect((await gov.outsider.client.get(url)).statusCode, url).toBe(404);
      expect((await gov.ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect((await gov.outsider.client.post(`/api/governance/indicators/${ind.id}/measurements`, { measuredOn: '2026-01-01', value: 1 })).statusCode).toBe(404);
    expect((await gov.outsider.client.post(`/api/governance/plans/${p.id}/indicators`, { name: 'Gekaapt', unit: 'x' })).statusCode).toBe(404);
    expect((await member.client.post(`/api/governance/plans/${p.id}/indicators`, { name: 'Mijn indicator', unit: 'x' })).statusCode).toBe(403);
    expect((await member.client.post(`/api/governance/indicators/${ind.id}/measurements`, { measuredOn: '2026-01-01', value: 1 })).statusCode).toBe(403);
    expect((await send(member, 'PATCH', `/api/governance/indicators/${ind.id}`, { version: 1, target: 1 })).statusCode).toBe(403);

    const bad: [string, Record<string, unknown>, string][] = [
      [`/api/governance/indicators/${ind.id}/measurements`, { measuredOn: '2026-01-01', value: 1e300 }, 'body.value'],
      [`/api/governance/indicators/${ind.id}/measurements`, { measuredOn: '2026-02-30', value: 1 }, 'body.measuredOn'],
      [`/api/governance/indicators/${ind.id}/measurements`, { measuredOn: '2026-01-01', value: 1, note: 'a\u0000b' }, 'body.note'],
      [`/api/governance/plans/${p.id}/indicators`, { name: 'Nul\u0000byte', unit: '%' }, 'body.name'],
      [`/api/governance/plans/${p.id}/indicators`, { name: 'Bron', unit: '%', source: 'gissen' }, 'body.source'],
      [`/api/governance/plans/${p.id}/indicators`, { name: 'Doel', unit: '%', target: -1e13 }, 'body.target'],
    ];
    for (const [url, payload, path] of bad) {
      const res = await secretary.client.post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(payload)).toContain(path);
    }
    expect(await gov.ctx.database.db.select().from(governanceIndicatorMeasurement).where(eq(governanceIndicatorMeasurement.indicatorId, ind.id))).toEqual([]);
  });
});
