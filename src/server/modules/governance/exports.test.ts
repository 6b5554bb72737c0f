import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical from 'node-ical';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { send, useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import { ZCalendarFeedResponse, ZMeetingResponse, ZPlanActionResponse, ZPlanResponse } from '../../../shared/schemas/governance.js';
import { brusselsInstant, euros } from './exports.service.js';

const gov = useGovernanceFixture('gov-x');
let dir: string;

/** An IROJ with a secretary and a member, a meeting with an agenda item, minutes, attendance and an action. */
async function heldMeeting() {
  const { body, secretary, member } = await gov.bodyWith({ name: 'IROJ export', kind: 'iroj', roles: ['secretary', 'member'], joinedOn: '2025-01-01' });
  let meeting = (await gov.createMeeting(secretary, body.id, { meetingDate: '2026-06-18', startTime: '13:30', endTime: '16:00', place: 'Provinciehuis <Gent>', onlineUrl: 'https://meet.example.org/iroj' })).data;
  meeting = await gov.addItem(secretary, meeting.id, { title: 'Netwerkdag onderwijsambassadeurs', kind: 'decision', presenterText: 'Werkgroep onderwijs' });
  const item = meeting.agenda[0]!;
  const min = await send(secretary, 'PUT', `/api/governance/meetings/${meeting.id}/items/${item.id}/minutes`, {
    version: item.version,
    explanation: 'Dag voor 200 deelnemers in 3 zalen.',
    discussion: 'Vraag naar <script>alert(1)</script> & catering.',
    decision: 'Principieel akkoord met het budget.',
  });
  expect(min.statusCode, min.body).toBe(200);
  const att = await send(secretary, 'PUT', `/api/governance/meetings/${meeting.id}/attendance`, {
    version: ZMeetingResponse.parse(min.json()).data.version,
    members: [{ personId: member.user.person.id, status: 'excused' }, { personId: secretary.user.person.id, status: 'present' }],
    guests: [{ name: 'Gast Spreker', organisation: 'CLB' }],
  });
  expect(att.statusCode, att.body).toBe(200);
  const act = await secretary.client.post(`/api/governance/meetings/${meeting.id}/items/${item.id}/actions`, { description: 'Zalen reserveren', ownerOrganisationId: gov.orgA, dueOn: '2026-07-01' });
  expect(act.statusCode, act.body).toBe(201);
  return { body, secretary, member, meetingId: meeting.id };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gov-exports-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('minutes exports', () => {
  it('the minutes as a Word document that opens: word/document.xml holds the minutes; audited', async () => {
    const { member, meetingId } = await heldMeeting();
    const res = await member.client.get(`/api/governance/meetings/${meetingId}/minutes.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="verslag-IROJ-export-.*-2026-06-18\.docx"/);
    const file = join(dir, 'minutes.docx');
    writeFileSync(file, res.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    for (const text of ['Verslag IROJ export', 'Netwerkdag onderwijsambassadeurs', 'Dag voor 200 deelnemers in 3 zalen.', 'Principieel akkoord met het budget.', 'Toelichting', 'Besluit', 'Zalen reserveren', 'Gast Spreker (CLB)', 'Verontschuldigd']) {
      expect(xml, text).toContain(text);
    }
    // Text is escaped in the XML, not markup.
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<script>');
    await expectAudited(gov.ctx.database.db, 'governance.minutes.export', { resourceType: 'governance_meeting', resourceId: meetingId, actorPersonId: member.user.person.id, details: { format: 'docx' } });
  });

  it('the print view is an escaped HTML page; English on request', async () => {
    const { member, meetingId } = await heldMeeting();
    const res = await member.client.get(`/api/governance/meetings/${meetingId}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<html lang="nl">');
    expect(res.body).toContain('<h2>1. Netwerkdag onderwijsambassadeurs</h2>');
    expect(res.body).toContain('Vraag naar &lt;script&gt;alert(1)&lt;/script&gt; &amp; catering.');
    expect(res.body).toContain('Provinciehuis &lt;Gent&gt;');
    expect(res.body).not.toContain('<script>');
    const en = await member.client.request({ method: 'GET', url: `/api/governance/meetings/${meetingId}/print`, headers: { 'accept-language': 'en' } });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('<h3>Decision</h3>');
  });

  it('refuses: non-member 404, anonymous 401, an unknown meeting 404', async () => {
    const { meetingId } = await heldMeeting();
    for (const suffix of ['minutes.docx', 'print', 'meeting.ics']) {
      expect((await gov.outsider.client.get(`/api/governance/meetings/${meetingId}/${suffix}`)).statusCode, suffix).toBe(404);
      expect((await gov.ctx.app.inject({ method: 'GET', url: `/api/governance/meetings/${meetingId}/${suffix}` })).statusCode, suffix).toBe(401);
      expect((await gov.coordinator.client.get(`/api/governance/meetings/00000000-0000-4000-8000-000000000000/${suffix}`)).statusCode, suffix).toBe(404);
    }
  });
});

describe('calendars', () => {
  it('a meeting as .ics parses with an independent parser, in Brussels time', async () => {
    const { member, meetingId } = await heldMeeting();
    const res = await member.client.get(`/api/governance/meetings/${meetingId}/meeting.ics`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = Object.values(ical.sync.parseICS(res.body)).filter((c) => c?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    const ev = events[0] as ical.VEvent;
    expect(ev.start.toISOString()).toBe('2026-06-18T11:30:00.000Z'); // 13:30 summer time
    expect(ev.end?.toISOString()).toBe('2026-06-18T14:00:00.000Z');
    expect(String(ev.summary)).toMatch(/^IROJ export/);
    expect(String(ev.location)).toBe('Provinciehuis <Gent>');
    expect(String(ev.description)).toContain('1. Netwerkdag onderwijsambassadeurs');
  });

  it('the private feed of a body: the secretary makes a URL, anyone with it reads the meetings; a new URL revokes the old one; revoke → 404', async () => {
    const { body, secretary, member } = await heldMeeting();
    const more = await secretary.client.post(`/api/governance/bodies/${body.id}/meetings`, { meetingDate: '2026-12-10' });
    expect(more.statusCode).toBe(201);
    const cancelled = ZMeetingResponse.parse(more.json()).data;
    expect((await secretary.client.request({ method: 'PATCH', url: `/api/governance/meetings/${cancelled.id}`, payload: { version: 1, status: 'cancelled' } })).statusCode).toBe(200);

    expect((await member.client.post(`/api/governance/bodies/${body.id}/calendar-feed`)).statusCode).toBe(403);
    expect((await gov.outsider.client.post(`/api/governance/bodies/${body.id}/calendar-feed`)).statusCode).toBe(404);
    const made = await secretary.client.post(`/api/governance/bodies/${body.id}/calendar-feed`);
    expect(made.statusCode, made.body).toBe(201);
    const feed = ZCalendarFeedResponse.parse(made.json()).data;
    expect(feed.url).toMatch(/\/api\/governance\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAudited(gov.ctx.database.db, 'governance.calendar.regenerate', { resourceType: 'governance_calendar_feed', resourceId: body.id, actorPersonId: secretary.user.person.id });
    const path = new URL(feed.url).pathname;

    const res = await gov.ctx.app.inject({ method: 'GET', url: path });
    expect(res.statusCode, res.body).toBe(200);
    const events = Object.values(ical.sync.parseICS(res.body)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.status).sort()).toEqual(['CANCELLED', 'CONFIRMED']);
    // The feed leaves the agenda out: a leaked link shows dates and places, not the minutes.
    expect(res.body).not.toContain('Netwerkdag');

    const again = ZCalendarFeedResponse.parse((await gov.coordinator.client.post(`/api/governance/bodies/${body.id}/calendar-feed`)).json()).data;
    expect(again.token).not.toBe(feed.token);
    expect((await gov.ctx.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const newPath = new URL(again.url).pathname;
    expect((await gov.ctx.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);

    expect((await member.client.delete(`/api/governance/bodies/${body.id}/calendar-feed`)).statusCode).toBe(403);
    expect((await secretary.client.delete(`/api/governance/bodies/${body.id}/calendar-feed`)).statusCode).toBe(204);
    expect((await gov.ctx.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    expect((await secretary.client.delete(`/api/governance/bodies/${body.id}/calendar-feed`)).statusCode).toBe(404);
    await expectAudited(gov.ctx.database.db, 'governance.calendar.revoke', { resourceId: body.id });
    // A malformed token is refused before any lookup.
    expect((await gov.ctx.app.inject({ method: 'GET', url: '/api/governance/calendar/abc%00.ics' })).statusCode).toBe(400);
  });

  it('Brussels wall-clock times become the right instants in winter and summer', () => {
    expect(brusselsInstant('2026-01-15', '09:00').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(brusselsInstant('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(brusselsInstant('2026-03-29', '14:00').toISOString()).toBe('2026-03-29T12:00:00.000Z'); // the day summer time starts
  });
});

describe('the regional plan as CSV', () => {
  it('lists the actions with budgets in euro and Dutch statuses; formulas are neutralised; audited; non-member 404', async () => {
    const { body, secretary, member } = await heldMeeting();
    const planRes = await secretary.client.post(`/api/governance/bodies/${body.id}/plans`, { year: 2026, title: 'Regionaal plan 2026' });
    const plan = ZPlanResponse.parse(planRes.json()).data;
    const add = async (payload: Record<string, unknown>) => {
      const r = await secretary.client.post(`/api/governance/plans/${plan.id}/actions`, payload);
      expect(r.statusCode, r.body).toBe(201);
      return ZPlanActionResponse.parse(r.json()).data;
    };
    await add({ description: 'Netwerkdag onderwijsambassadeurs', budgetCents: 450_000, responsibleOrganisationId: gov.orgA });
    await add({ description: '=cmd|\' /C calc\'!A0', budgetCents: 123_456_789_01, conditions: '+€10 deelnemersbijdrage per deelnemer', responsibleText: '@werkgroep' });
    const fair = await add({ description: 'Inspiratiebeurs', budgetCents: 150_000 });
    expect((await secretary.client.post(`/api/governance/plan-actions/${fair.id}/status`, { version: 1, status: 'moved', movedToYear: 2027 })).statusCode).toBe(200);

    const res = await member.client.get(`/api/governance/plans/${plan.id}/plan.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/regionaal-plan-2026-IROJ-export/);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Nummer";"Actie";"Verantwoordelijke";"Organisatie";"Budget (euro)";"Voorwaarden";"Status";"Verschoven naar"');
    expect(lines[1]).toContain('"4.500,00";"";"principieel akkoord";""');
    expect(lines[2]).toBe('"2";"\'=cmd|\' /C calc\'!A0";"\'@werkgroep";"";"123.456.789,01";"\'+€10 deelnemersbijdrage per deelnemer";"principieel akkoord";""');
    expect(lines[3]).toBe('"3";"Inspiratiebeurs";"";"";"1.500,00";"";"verschoven";"2027"');
    await expectAudited(gov.ctx.database.db, 'governance.plan.export', { resourceType: 'governance_plan', resourceId: plan.id, details: { format: 'csv', actions: 3 } });

    // The print view: totals, actions and indicators, escaped.
    expect((await secretary.client.post(`/api/governance/plans/${plan.id}/indicators`, { name: 'Scholen <bereikt>', unit: 'scholen', target: 40 })).statusCode).toBe(201);
    const print = await member.client.get(`/api/governance/plans/${plan.id}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(print.body).toContain('<td>verschoven (2027)</td>');
    expect(print.body).toContain('<td class="n">123.456.789,01</td>');
    expect(print.body).toContain('<td>=cmd|&#39; /C calc&#39;!A0</td>');
    expect(print.body).toContain('<td>Scholen &lt;bereikt&gt;</td>');
    expect(print.body).toMatch(/<th scope="row">Totaal<\/th><td class="n">3<\/td><td class="n">123\.462\.789,01<\/td>/);
    await expectAudited(gov.ctx.database.db, 'governance.plan.export', { resourceId: plan.id, details: { format: 'html' } });

    expect((await gov.outsider.client.get(`/api/governance/plans/${plan.id}/plan.csv`)).statusCode).toBe(404);
    expect((await gov.outsider.client.get(`/api/governance/plans/${plan.id}/print`)).statusCode).toBe(404);
    expect((await gov.ctx.app.inject({ method: 'GET', url: `/api/governance/plans/${plan.id}/plan.csv` })).statusCode).toBe(401);
    expect(euros(5)).toBe('0,05');
  });
});
