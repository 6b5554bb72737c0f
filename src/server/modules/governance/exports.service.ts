import { createHash, randomBytes } from 'node:crypto';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { NotFound } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { toCsv } from '../../platform/csv.js';
import { addDays, brusselsDate } from '../../platform/clock.js';
import type { TActionItem, TMeetingDetail, TPlanActionStatus } from '../../../shared/schemas/governance.js';
import { bodyPolicy, todayOf } from './governance.policy.js';
import { governanceRepo } from './governance.repo.js';
import { createMeetingsService } from './meetings.service.js';
import { createPlansService } from './plans.service.js';
import { exportsRepo } from './exports.repo.js';
import { plansRepo } from './plans.repo.js';
import { indicatorsRepo } from './indicators.repo.js';

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const brusselsTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The instant of a Brussels wall-clock time on a day (summer or winter time). */
export function brusselsInstant(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  for (const offset of [1, 2]) {
    const candidate = new Date(wall - offset * 3_600_000);
    const parts = Object.fromEntries(brusselsTime.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (`${parts.year}-${parts.month}-${parts.day}` === day && `${parts.hour}:${parts.minute}` === time) return candidate;
  }
  return new Date(wall - 3_600_000);
}

const STATUS_NL: Record<TPlanActionStatus, string> = {
  agreed_in_principle: 'principieel akkoord',
  budget_request_due: 'budgetaanvraag in te dienen',
  approved: 'goedgekeurd',
  released: 'vrijgegeven',
  moved: 'verschoven',
  dropped: 'geschrapt',
};

/** Euro cents as "1.234,56" (Belgian notation; text, so a spreadsheet cannot misread it). */
export const euros = (cents: number) => {
  const whole = Math.trunc(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole},${String(cents % 100).padStart(2, '0')}`;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The fixed texts of the minutes (Word and print), in the caller's language. */
function labels(ctx: { lang: 'nl' | 'en' }) {
  return {
    minutes: tr(ctx, 'Verslag', 'Minutes'),
    draft: tr(ctx, 'ontwerp', 'draft'),
    approved: tr(ctx, 'goedgekeurd', 'approved'),
    present: tr(ctx, 'Aanwezig', 'Present'),
    excused: tr(ctx, 'Verontschuldigd', 'Excused'),
    absent: tr(ctx, 'Afwezig', 'Absent'),
    guests: tr(ctx, 'Gasten', 'Guests'),
    followUp: tr(ctx, 'Opvolging vorige verslagen', 'Follow-up of previous minutes'),
    explanation: tr(ctx, 'Toelichting', 'Explanation'),
    discussion: tr(ctx, 'Bespreking', 'Discussion'),
    decision: tr(ctx, 'Besluit', 'Decision'),
    amendment: tr(ctx, 'Rechtzetting', 'Amendment'),
    actions: tr(ctx, 'Acties', 'Actions'),
    place: tr(ctx, 'Plaats', 'Place'),
    due: tr(ctx, 'tegen', 'due'),
  };
}

const actionLine = (a: TActionItem, due: string) =>
  `${a.description} — ${[a.ownerPersonName, a.ownerOrganisationName].filter(Boolean).join(', ')}${a.dueOn ? ` (${due} ${a.dueOn})` : ''}`;

/** The minutes as plain blocks (heading / paragraph / list item), rendered to Word and to HTML alike. */
type Block = { kind: 'title' | 'h2' | 'h3' | 'p' | 'li' | 'meta'; text: string };

function minutesBlocks(ctx: { lang: 'nl' | 'en' }, m: TMeetingDetail): Block[] {
  const l = labels(ctx);
  const out: Block[] = [{ kind: 'title', text: `${l.minutes} ${m.bodyName} — ${m.meetingDate}` }];
  out.push({ kind: 'meta', text: [m.startTime && m.endTime ? `${m.startTime}–${m.endTime}` : m.startTime, m.place ? `${l.place}: ${m.place}` : null, m.minutesStatus === 'approved' ? l.approved : l.draft].filter(Boolean).join(' · ') });
  const by = (s: string) => m.attendance.members.filter((a) => a.status === s).map((a) => a.personName);
  for (const [label, names] of [[l.present, by('present')], [l.excused, by('excused')], [l.absent, by('absent')], [l.guests, m.attendance.guests.map((g) => (g.organisation ? `${g.name} (${g.organisation})` : g.name))]] as const) {
    if (names.length) out.push({ kind: 'p', text: `${label}: ${names.join(', ')}` });
  }
  if (m.followUp.length) {
    out.push({ kind: 'h2', text: l.followUp });
    for (const a of m.followUp) out.push({ kind: 'li', text: `${a.meetingDate} · ${actionLine(a, l.due)}` });
  }
  for (const item of m.agenda) {
    out.push({ kind: 'h2', text: `${item.position}. ${item.title}` });
    if (item.presenterText || item.presenterPersonName) out.push({ kind: 'meta', text: [item.presenterPersonName, item.presenterText].filter(Boolean).join(', ') });
    for (const [label, text] of [[l.explanation, item.minutes.explanation], [l.discussion, item.minutes.discussion], [l.decision, item.minutes.decision]] as const) {
      if (!text) continue;
      out.push({ kind: 'h3', text: label });
      for (const line of text.split('\n')) out.push({ kind: 'p', text: line });
    }
    for (const a of item.amendments) out.push({ kind: 'p', text: `${l.amendment} (${a.authorName ?? ''}, ${a.createdAt.slice(0, 10)}): ${a.text}` });
    const actions = m.actions.filter((a) => a.agendaItemId === item.id);
    if (actions.length) {
      out.push({ kind: 'h3', text: l.actions });
      for (const a of actions) out.push({ kind: 'li', text: actionLine(a, l.due) });
    }
  }
  return out;
}

async function toDocx(blocks: Block[]): Promise<Buffer> {
  const children = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return new Paragraph({ text: b.text, heading: HeadingLevel.TITLE });
      case 'h2':
        return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 });
      case 'h3':
        return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 });
      case 'li':
        return new Paragraph({ text: b.text, bullet: { level: 0 } });
      case 'meta':
        return new Paragraph({ children: [new TextRun({ text: b.text, italics: true })], alignment: AlignmentType.LEFT });
      default:
        return new Paragraph({ text: b.text });
    }
  });
  return Packer.toBuffer(new Document({ creator: 'Samenplan', title: blocks[0]?.text ?? '', sections: [{ children }] }));
}

const PRINT_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}.meta{color:#444;font-style:italic}' +
  'table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right;white-space:nowrap}@media print{body{margin:0}}';

const page = (lang: string, title: string, main: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PRINT_STYLE}</style></head><body><main>${main}</main></body></html>`;

function toHtml(ctx: { lang: 'nl' | 'en' }, blocks: Block[]): string {
  const body: string[] = [];
  let inList = false;
  for (const b of blocks) {
    if (b.kind !== 'li' && inList) {
      body.push('</ul>');
      inList = false;
    }
    const t = escapeHtml(b.text);
    if (b.kind === 'title') body.push(`<h1>${t}</h1>`);
    else if (b.kind === 'h2') body.push(`<h2>${t}</h2>`);
    else if (b.kind === 'h3') body.push(`<h3>${t}</h3>`);
    else if (b.kind === 'meta') body.push(`<p class="meta">${t}</p>`);
    else if (b.kind === 'li') {
      if (!inList) body.push('<ul>');
      inList = true;
      body.push(`<li>${t}</li>`);
    } else body.push(`<p>${t}</p>`);
  }
  if (inList) body.push('</ul>');
  return page(ctx.lang, blocks[0]?.text ?? '', body.join(''));
}

const STATUS_EN: Record<TPlanActionStatus, string> = {
  agreed_in_principle: 'agreed in principle',
  budget_request_due: 'budget request due',
  approved: 'approved',
  released: 'released',
  moved: 'moved',
  dropped: 'dropped',
};

/** Adds a meeting to a calendar: timed in Brussels time, or a whole day when it has no start time. */
function addMeetingEvent(
  cal: ReturnType<typeof ical>,
  bodyName: string,
  m: { id: string; meetingDate: string; startTime: string | null; endTime: string | null; place: string; onlineUrl: string | null; status: string },
  stamp: Date,
  description = '',
) {
  const start = m.startTime ? brusselsInstant(m.meetingDate, m.startTime) : new Date(`${m.meetingDate}T00:00:00Z`);
  const end = m.startTime ? (m.endTime ? brusselsInstant(m.meetingDate, m.endTime) : new Date(start.getTime() + 2 * 3_600_000)) : new Date(`${addDays(m.meetingDate, 1)}T00:00:00Z`);
  cal.createEvent({
    id: `${m.id}@samenplan`,
    start,
    end,
    allDay: !m.startTime,
    stamp,
    summary: bodyName,
    description: [description, m.onlineUrl].filter(Boolean).join('\n\n') || null,
    location: m.place || m.onlineUrl || null,
    url: m.onlineUrl,
    status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

const safeName = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'export';

/**
 * Exports of the governance module: the minutes of a meeting as Word and as a print page, a meeting
 * as .ics, the private calendar feed of a body (tokenised URL, only the token's hash is kept), and
 * the regional plan as CSV (formulas neutralised by platform/csv.ts). Reading goes through the
 * meetings and plans services, so the same policies decide; every export is audited.
 */
export function createExportsService(db: Db, baseUrl: string) {
  const meetings = createMeetingsService(db);
  const plans = createPlansService(db);

  const audit = (ctx: FullContext, action: string, resourceType: string, resourceId: string, details: Record<string, unknown>) =>
    db.transaction((tx) => recordAudit(tx, { ...auditActor(ctx), action, resourceType, resourceId, outcome: 'success', details }));

  return {
    async minutesDocx(ctx: RequestContext, meetingId: string) {
      const { data } = await meetings.getMeeting(ctx, meetingId);
      const full = ctx as FullContext;
      const file = await toDocx(minutesBlocks(full, data));
      await audit(full, 'governance.minutes.export', 'governance_meeting', meetingId, { format: 'docx' });
      return { file, fileName: `${safeName(`${tr(full, 'verslag', 'minutes')} ${data.bodyName} ${data.meetingDate}`)}.docx` };
    },

    async minutesPrint(ctx: RequestContext, meetingId: string) {
      const { data } = await meetings.getMeeting(ctx, meetingId);
      const full = ctx as FullContext;
      await audit(full, 'governance.minutes.export', 'governance_meeting', meetingId, { format: 'html' });
      return toHtml(full, minutesBlocks(full, data));
    },

    async meetingIcs(ctx: RequestContext, meetingId: string) {
      const { data } = await meetings.getMeeting(ctx, meetingId);
      const cal = ical({ name: data.bodyName, prodId: { company: 'Samenplan', product: 'governance' } });
      addMeetingEvent(cal, data.bodyName, data, ctx.now, data.agenda.map((i) => `${i.position}. ${i.title}`).join('\n'));
      return { ics: cal.toString(), fileName: `${safeName(`${data.bodyName} ${data.meetingDate}`)}.ics` };
    },

    /** A new private feed URL for the body (shown once); the previous one stops working. */
    async regenerateFeed(ctx: RequestContext, bodyId: string) {
      return db.transaction(async (tx) => {
        const facts = await governanceRepo.bodyFacts(tx, bodyId, ctx.actor?.personId ?? null, todayOf(ctx), true);
        if (!facts) throw new NotFound();
        bodyPolicy.authorize(ctx, 'update', facts);
        const token = randomBytes(32).toString('base64url');
        await exportsRepo.setFeed(tx, bodyId, hashToken(token), ctx.actor.personId, ctx.now);
        await recordAudit(tx, { ...auditActor(ctx), action: 'governance.calendar.regenerate', resourceType: 'governance_calendar_feed', resourceId: bodyId, outcome: 'success', details: {} });
        return { data: { url: `${baseUrl}/api/governance/calendar/${token}.ics`, token }, abilities: bodyPolicy.abilitiesOf(ctx, facts) };
      });
    },

    async revokeFeed(ctx: RequestContext, bodyId: string) {
      return db.transaction(async (tx) => {
        const facts = await governanceRepo.bodyFacts(tx, bodyId, ctx.actor?.personId ?? null, todayOf(ctx), true);
        if (!facts) throw new NotFound();
        bodyPolicy.authorize(ctx, 'update', facts);
        if (!(await exportsRepo.deleteFeed(tx, bodyId))) throw new NotFound();
        await recordAudit(tx, { ...auditActor(ctx), action: 'governance.calendar.revoke', resourceType: 'governance_calendar_feed', resourceId: bodyId, outcome: 'success', details: {} });
      });
    },

    /** The feed behind a token (no login: the token is the key): the body's meetings of the past year and later. */
    async feed(now: Date, tokenFile: string) {
      const body = await exportsRepo.feedBody(db, hashToken(tokenFile.replace(/\.ics$/, '')));
      if (!body) throw new NotFound();
      const cal = ical({ name: body.bodyName, prodId: { company: 'Samenplan', product: 'governance' } });
      for (const m of await exportsRepo.meetingsFrom(db, body.bodyId, addDays(brusselsDate(now), -366))) addMeetingEvent(cal, body.bodyName, m, m.updatedAt);
      return cal.toString();
    },

    /** The regional plan as a page to print: totals per status, the actions, the indicators with their latest measurement. */
    async planPrint(ctx: RequestContext, planId: string) {
      const { data: plan } = await plans.getPlan(ctx, planId);
      const full = ctx as FullContext;
      const actions = await plansRepo.allActions(db, planId);
      const indicators = await indicatorsRepo.pageIndicators(db, planId, { limit: 100 });
      const latest = await indicatorsRepo.latest(db, indicators.items.map((i) => i.id));
      const status = (st: TPlanActionStatus) => (full.lang === 'nl' ? STATUS_NL[st] : STATUS_EN[st]);
      const e = escapeHtml;
      const th = (cells: string[]) => `<tr>${cells.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
      const title = `${plan.title} — ${plan.bodyName} ${plan.year}`;
      const parts = [`<h1>${e(title)}</h1>`, `<p class="meta">${e(plan.regionName)}</p>`];
      if (plan.description) parts.push(`<p>${e(plan.description)}</p>`);
      parts.push(`<h2>${e(tr(full, 'Totalen', 'Totals'))}</h2><table>`, th([tr(full, 'Status', 'Status'), tr(full, 'Acties', 'Actions'), tr(full, 'Budget (euro)', 'Budget (euro)')]));
      for (const t of plan.totals) parts.push(`<tr><td>${e(status(t.status))}</td><td class="n">${t.count}</td><td class="n">${euros(t.budgetCents)}</td></tr>`);
      parts.push(`<tr><th scope="row">${e(tr(full, 'Totaal', 'Total'))}</th><td class="n">${plan.total.count}</td><td class="n">${euros(plan.total.budgetCents)}</td></tr></table>`);
      parts.push(`<h2>${e(tr(full, 'Acties', 'Actions'))}</h2><table>`, th(['#', tr(full, 'Actie', 'Action'), tr(full, 'Verantwoordelijke', 'Responsible'), tr(full, 'Budget (euro)', 'Budget (euro)'), tr(full, 'Voorwaarden', 'Conditions'), tr(full, 'Status', 'Status')]));
      for (const a of actions) {
        const who = [a.responsiblePersonName, a.responsibleOrganisationName, a.responsibleText].filter(Boolean).join(', ');
        const st = a.status === 'moved' && a.movedToYear ? `${status(a.status)} (${a.movedToYear})` : status(a.status);
        parts.push(`<tr><td class="n">${a.number}</td><td>${e(a.description)}</td><td>${e(who)}</td><td class="n">${euros(a.budgetCents)}</td><td>${e(a.conditions)}</td><td>${e(st)}</td></tr>`);
      }
      parts.push('</table>');
      if (indicators.items.length) {
        parts.push(`<h2>${e(tr(full, 'Indicatoren', 'Indicators'))}</h2><table>`, th([tr(full, 'Indicator', 'Indicator'), tr(full, 'Eenheid', 'Unit'), tr(full, 'Doel', 'Target'), tr(full, 'Laatste meting', 'Latest measurement')]));
        for (const i of indicators.items) {
          const m = latest.get(i.id);
          parts.push(`<tr><td>${e(i.name)}</td><td>${e(i.unit)}</td><td class="n">${i.target ?? ''}</td><td>${m ? `${m.value} (${m.measuredOn})` : ''}</td></tr>`);
        }
        parts.push('</table>');
      }
      await audit(full, 'governance.plan.export', 'governance_plan', planId, { format: 'html', actions: actions.length });
      return page(full.lang, title, parts.join(''));
    },

    async planCsv(ctx: RequestContext, planId: string) {
      const { data: plan } = await plans.getPlan(ctx, planId);
      const full = ctx as FullContext;
      const actions = await plansRepo.allActions(db, planId);
      const header = full.lang === 'nl'
        ? ['Nummer', 'Actie', 'Verantwoordelijke', 'Organisatie', 'Budget (euro)', 'Voorwaarden', 'Status', 'Verschoven naar']
        : ['Number', 'Action', 'Responsible', 'Organisation', 'Budget (euro)', 'Conditions', 'Status', 'Moved to'];
      const csv = toCsv(
        header,
        actions.map((a) => [
          a.number,
          a.description,
          [a.responsiblePersonName, a.responsibleText].filter(Boolean).join(', '),
          a.responsibleOrganisationName,
          euros(a.budgetCents),
          a.conditions,
          full.lang === 'nl' ? STATUS_NL[a.status] : a.status.replace(/_/g, ' '),
          a.movedToYear,
        ]),
      );
      await audit(full, 'governance.plan.export', 'governance_plan', planId, { format: 'csv', actions: actions.length });
      return { csv, fileName: `${safeName(`${tr(full, 'regionaal plan', 'regional plan')} ${plan.year} ${plan.bodyName}`)}.csv` };
    },
  };
}
