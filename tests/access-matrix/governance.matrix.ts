import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { all, fullSession, type MatrixFixture, type MatrixRow } from './matrix.js';
import {
  attachment,
  governanceAction,
  governanceAgendaItem,
  governanceBody,
  governanceCalendarFeed,
  governanceIndicator,
  governanceMeeting,
  governanceMembership,
  governancePlan,
  governancePlanAction,
  governancePublication,
  region,
} from '../../src/server/db/schema/index.js';

/**
 * Governance bodies. Coordinators (of every region, in the matrix) and platform admins reach every
 * body; anyone else only the bodies they are a member of — none here — so a body is 404 for them,
 * and creating one is 403 at the route gate.
 */

/** A new body of the province West-Vlaanderen (reference data), made directly in the database. */
async function makeBody(f: MatrixFixture): Promise<string> {
  const db = f.ctx.database.db;
  const [r] = await db.select({ id: region.id }).from(region).where(eq(region.code, 'west-vlaanderen'));
  if (!r) throw new Error('reference data not loaded');
  const [row] = await db.insert(governanceBody).values({ name: `Werkgroep ${f.unique()}`, kind: 'working_group', regionId: r.id }).returning({ id: governanceBody.id });
  if (!row) throw new Error('body not created');
  return row.id;
}

async function makeMembership(f: MatrixFixture): Promise<{ bodyId: string; membershipId: string }> {
  const bodyId = await makeBody(f);
  const { personId } = await f.makePersonInA();
  const [row] = await f.ctx.database.db
    .insert(governanceMembership)
    .values({ bodyId, personId, organisationId: f.orgA, role: 'member', joinedOn: '2026-01-01' })
    .returning({ id: governanceMembership.id });
  if (!row) throw new Error('membership not created');
  return { bodyId, membershipId: row.id };
}

const governors = { coordinator: 200, platformAdmin: 200 };

export const rows: MatrixRow[] = [
  { route: 'GET /api/governance/bodies', expect: fullSession(200), note: 'everyone sees the bodies they may (possibly none)' },
  {
    route: 'POST /api/governance/bodies',
    request: (f) => ({ url: '/api/governance/bodies', payload: { name: `Stuurgroep ${f.unique()}`, kind: 'steering_group', regionCode: 'west-vlaanderen' } }),
    expect: { ...fullSession(403), coordinator: 201, platformAdmin: 201 },
  },
  { route: 'GET /api/governance/body-options', expect: fullSession(200), note: 'everyone: the regions they may start a body in (possibly none)' },
  {
    route: 'GET /api/governance/bodies/:id/candidates',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}/candidates?q=test` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'GET /api/governance/bodies/:id',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PATCH /api/governance/bodies/:id',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}`, payload: { version: 1, description: 'Nieuwe omschrijving' } }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'GET /api/governance/bodies/:id/members',
    request: async (f) => ({ url: `/api/governance/bodies/${(await makeMembership(f)).bodyId}/members` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/bodies/:id/members',
    request: async (f) => ({
      url: `/api/governance/bodies/${await makeBody(f)}/members`,
      payload: { personId: (await f.makePersonInA()).personId, role: 'member', joinedOn: '2026-02-01', organisationId: f.orgA },
    }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'POST /api/governance/bodies/:id/members/:membershipId/leave',
    request: async (f) => {
      const m = await makeMembership(f);
      return { url: `/api/governance/bodies/${m.bodyId}/members/${m.membershipId}/leave`, payload: { leftOn: '2026-03-01' } };
    },
    expect: { ...fullSession(404), ...governors },
  },
];

/* ----- Meetings: like their body, 404 for everyone who is not a member (none here); coordinators and platform admins manage them. ----- */

/** A meeting of a new body (made directly in the database), optionally with approved minutes. */
async function makeMeeting(f: MatrixFixture, opts: { approved?: boolean; meetingDate?: string; bodyId?: string } = {}): Promise<{ bodyId: string; meetingId: string }> {
  const bodyId = opts.bodyId ?? (await makeBody(f));
  const [row] = await f.ctx.database.db
    .insert(governanceMeeting)
    .values({ bodyId, meetingDate: opts.meetingDate ?? '2026-03-10', minutesStatus: opts.approved ? 'approved' : 'draft' })
    .returning({ id: governanceMeeting.id });
  if (!row) throw new Error('meeting not created');
  return { bodyId, meetingId: row.id };
}

async function makeItem(f: MatrixFixture, opts: { approved?: boolean } = {}): Promise<{ bodyId: string; meetingId: string; itemId: string }> {
  const m = await makeMeeting(f, opts);
  const [row] = await f.ctx.database.db
    .insert(governanceAgendaItem)
    .values({ meetingId: m.meetingId, position: 1, title: 'Begroting', kind: 'decision' })
    .returning({ id: governanceAgendaItem.id });
  if (!row) throw new Error('agenda item not created');
  return { ...m, itemId: row.id };
}

async function makeAction(f: MatrixFixture): Promise<string> {
  const i = await makeItem(f);
  const [row] = await f.ctx.database.db
    .insert(governanceAction)
    .values({ bodyId: i.bodyId, meetingId: i.meetingId, agendaItemId: i.itemId, description: 'Cijfers opvragen', ownerOrganisationId: f.orgA, dueOn: '2026-04-01' })
    .returning({ id: governanceAction.id });
  if (!row) throw new Error('action not created');
  return row.id;
}

const meetingRows: MatrixRow[] = [
  {
    route: 'GET /api/governance/bodies/:id/meetings',
    request: async (f) => ({ url: `/api/governance/bodies/${(await makeMeeting(f)).bodyId}/meetings` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/bodies/:id/meetings',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}/meetings`, payload: { meetingDate: '2026-05-04', place: 'Brugge' } }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'GET /api/governance/meetings/:id',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeMeeting(f)).meetingId}` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PATCH /api/governance/meetings/:id',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeMeeting(f)).meetingId}`, payload: { version: 1, status: 'held' } }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/meetings/:id/items',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeMeeting(f)).meetingId}/items`, payload: { title: 'Opening', kind: 'information' } }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'PATCH /api/governance/meetings/:id/items/:itemId',
    request: async (f) => {
      const i = await makeItem(f);
      return { url: `/api/governance/meetings/${i.meetingId}/items/${i.itemId}`, payload: { version: 1, title: 'Begroting 2027' } };
    },
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'DELETE /api/governance/meetings/:id/items/:itemId',
    request: async (f) => {
      const i = await makeItem(f);
      return { url: `/api/governance/meetings/${i.meetingId}/items/${i.itemId}?version=1` };
    },
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/meetings/:id/agenda/order',
    request: async (f) => {
      const i = await makeItem(f);
      return { url: `/api/governance/meetings/${i.meetingId}/agenda/order`, payload: { version: 1, itemIds: [i.itemId] } };
    },
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PUT /api/governance/meetings/:id/attendance',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeMeeting(f)).meetingId}/attendance`, payload: { version: 1, members: [], guests: [{ name: 'Jan Gast', organisation: 'CAW' }] } }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PUT /api/governance/meetings/:id/items/:itemId/minutes',
    request: async (f) => {
      const i = await makeItem(f);
      return { url: `/api/governance/meetings/${i.meetingId}/items/${i.itemId}/minutes`, payload: { version: 1, explanation: 'Toelichting', discussion: 'Bespreking', decision: 'Besluit' } };
    },
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/meetings/:id/minutes/approve',
    request: async (f) => {
      const m = await makeMeeting(f);
      const later = await makeMeeting(f, { bodyId: m.bodyId, meetingDate: '2026-04-14' });
      return { url: `/api/governance/meetings/${m.meetingId}/minutes/approve`, payload: { version: 1, approvedAtMeetingId: later.meetingId } };
    },
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/meetings/:id/items/:itemId/amendments',
    request: async (f) => {
      const i = await makeItem(f, { approved: true });
      return { url: `/api/governance/meetings/${i.meetingId}/items/${i.itemId}/amendments`, payload: { text: 'Lees: met één onthouding.' } };
    },
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'POST /api/governance/meetings/:id/items/:itemId/actions',
    request: async (f) => {
      const i = await makeItem(f);
      return { url: `/api/governance/meetings/${i.meetingId}/items/${i.itemId}/actions`, payload: { description: 'Cijfers opvragen', ownerOrganisationId: f.orgA, dueOn: '2026-04-01' } };
    },
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'PATCH /api/governance/actions/:id',
    request: async (f) => ({ url: `/api/governance/actions/${await makeAction(f)}`, payload: { version: 1, status: 'done' } }),
    expect: { ...fullSession(404), ...governors },
    note: 'the owner person may too (none here: the owner is an organisation)',
  },
  { route: 'GET /api/governance/my-actions', expect: fullSession(200), note: 'everyone sees the actions they own (possibly none)' },
];

rows.push(...meetingRows);

/* ----- Regional plan: like its body, 404 for everyone who is not a member (none here); coordinators and platform admins keep it. ----- */

async function makePlan(f: MatrixFixture): Promise<{ bodyId: string; planId: string }> {
  const bodyId = await makeBody(f);
  const [row] = await f.ctx.database.db.insert(governancePlan).values({ bodyId, year: 2026, title: 'Regionaal plan 2026' }).returning({ id: governancePlan.id });
  if (!row) throw new Error('plan not created');
  return { bodyId, planId: row.id };
}

async function makePlanAction(f: MatrixFixture): Promise<string> {
  const { planId } = await makePlan(f);
  const [row] = await f.ctx.database.db
    .insert(governancePlanAction)
    .values({ planId, number: 1, description: 'Netwerkdag onderwijsambassadeurs', budgetCents: 450_000 })
    .returning({ id: governancePlanAction.id });
  if (!row) throw new Error('plan action not created');
  return row.id;
}

const planRows: MatrixRow[] = [
  {
    route: 'GET /api/governance/bodies/:id/plans',
    request: async (f) => ({ url: `/api/governance/bodies/${(await makePlan(f)).bodyId}/plans` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/bodies/:id/plans',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}/plans`, payload: { year: 2026, title: 'Regionaal plan 2026' } }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'GET /api/governance/plans/:id',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PATCH /api/governance/plans/:id',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}`, payload: { version: 1, description: 'Bijgewerkt' } }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'GET /api/governance/plans/:id/actions',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}/actions` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/plans/:id/actions',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}/actions`, payload: { description: 'Vorming', budgetCents: 120_000, conditions: '€10 deelnemersbijdrage per deelnemer' } }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'GET /api/governance/plan-actions/:id',
    request: async (f) => ({ url: `/api/governance/plan-actions/${await makePlanAction(f)}` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PATCH /api/governance/plan-actions/:id',
    request: async (f) => ({ url: `/api/governance/plan-actions/${await makePlanAction(f)}`, payload: { version: 1, budgetCents: 500_000 } }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/plan-actions/:id/status',
    request: async (f) => ({ url: `/api/governance/plan-actions/${await makePlanAction(f)}/status`, payload: { version: 1, status: 'moved', movedToYear: 2027 } }),
    expect: { ...fullSession(404), ...governors },
  },
];

rows.push(...planRows);

/* ----- Indicators of a plan: as the plan. ----- */

async function makeIndicator(f: MatrixFixture, source: 'manual' | 'intervision_meetings_held' = 'manual'): Promise<string> {
  const { planId } = await makePlan(f);
  const [row] = await f.ctx.database.db.insert(governanceIndicator).values({ planId, name: 'Intervisies', unit: 'bijeenkomsten', source }).returning({ id: governanceIndicator.id });
  if (!row) throw new Error('indicator not created');
  return row.id;
}

const indicatorRows: MatrixRow[] = [
  {
    route: 'GET /api/governance/plans/:id/indicators',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}/indicators` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/plans/:id/indicators',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}/indicators`, payload: { name: 'Tevredenheid', unit: '%', target: 80 } }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'GET /api/governance/indicators/:id',
    request: async (f) => ({ url: `/api/governance/indicators/${await makeIndicator(f)}` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'PATCH /api/governance/indicators/:id',
    request: async (f) => ({ url: `/api/governance/indicators/${await makeIndicator(f)}`, payload: { version: 1, target: 12 } }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/indicators/:id/measurements',
    request: async (f) => ({ url: `/api/governance/indicators/${await makeIndicator(f)}/measurements`, payload: { measuredOn: '2026-03-01', value: 4 } }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'POST /api/governance/indicators/:id/measure',
    request: async (f) => ({ url: `/api/governance/indicators/${await makeIndicator(f, 'intervision_meetings_held')}/measure` }),
    expect: { ...fullSession(404), ...governors },
  },
];

rows.push(...indicatorRows);

/* ----- Exports: readers of the meeting or plan export it; the feed URL is managed like the body; the feed itself needs only its token. ----- */

async function makeFeed(f: MatrixFixture): Promise<string> {
  const bodyId = await makeBody(f);
  const token = randomBytes(32).toString('base64url');
  await f.ctx.database.db.insert(governanceCalendarFeed).values({ bodyId, tokenHash: createHash('sha256').update(token).digest('hex') });
  await makeMeeting(f, { bodyId });
  return token;
}

const exportRows: MatrixRow[] = [
  {
    route: 'GET /api/governance/meetings/:id/minutes.docx',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeItem(f)).meetingId}/minutes.docx` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'GET /api/governance/meetings/:id/print',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeItem(f)).meetingId}/print` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'GET /api/governance/meetings/:id/meeting.ics',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeMeeting(f)).meetingId}/meeting.ics` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/bodies/:id/calendar-feed',
    request: async (f) => ({ url: `/api/governance/bodies/${await makeBody(f)}/calendar-feed` }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'DELETE /api/governance/bodies/:id/calendar-feed',
    request: async (f) => {
      const token = await makeFeed(f);
      const [row] = await f.ctx.database.db
        .select({ bodyId: governanceCalendarFeed.bodyId })
        .from(governanceCalendarFeed)
        .where(eq(governanceCalendarFeed.tokenHash, createHash('sha256').update(token).digest('hex')));
      return { url: `/api/governance/bodies/${row?.bodyId}/calendar-feed` };
    },
    expect: { ...fullSession(404), coordinator: 204, platformAdmin: 204 },
  },
  {
    route: 'GET /api/governance/calendar/:token',
    request: async (f) => ({ url: `/api/governance/calendar/${await makeFeed(f)}.ics` }),
    expect: all(200),
    note: 'the private token is the key (no login, so calendar apps can subscribe); 404 once regenerated or revoked',
  },
  {
    route: 'GET /api/governance/plans/:id/print',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}/print` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'GET /api/governance/plans/:id/plan.csv',
    request: async (f) => ({ url: `/api/governance/plans/${(await makePlan(f)).planId}/plan.csv` }),
    expect: { ...fullSession(404), ...governors },
  },
];

rows.push(...exportRows);

/** A small PDF attached to a new meeting, made directly in the database. */
async function makeAttachment(f: MatrixFixture): Promise<string> {
  const { meetingId } = await makeMeeting(f);
  const content = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
  const [row] = await f.ctx.database.db
    .insert(attachment)
    .values({ resourceType: 'governance_meeting', resourceId: meetingId, fileName: 'agenda.pdf', mediaType: 'application/pdf', sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex'), content })
    .returning({ id: attachment.id });
  if (!row) throw new Error('attachment not created');
  return row.id;
}

const attachmentRows: MatrixRow[] = [
  {
    route: 'GET /api/governance/meetings/:id/attachments',
    request: async (f) => ({ url: `/api/governance/meetings/${(await makeMeeting(f)).meetingId}/attachments` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/meetings/:id/attachments',
    request: async (f) => ({
      url: `/api/governance/meetings/${(await makeMeeting(f)).meetingId}/attachments`,
      payload: { fileName: 'agenda.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1').toString('base64') },
    }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'GET /api/governance/meeting-attachments/:id',
    request: async (f) => ({ url: `/api/governance/meeting-attachments/${await makeAttachment(f)}` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'DELETE /api/governance/meeting-attachments/:id',
    request: async (f) => ({ url: `/api/governance/meeting-attachments/${await makeAttachment(f)}` }),
    expect: { ...fullSession(404), coordinator: 204, platformAdmin: 204 },
  },
];

rows.push(...attachmentRows);

/** A held meeting with a decision; with `published`, its decisions are published. */
async function makeHeldMeeting(f: MatrixFixture, opts: { published?: boolean } = {}): Promise<string> {
  const { bodyId, meetingId } = await makeMeeting(f);
  const db = f.ctx.database.db;
  await db.update(governanceMeeting).set({ status: 'held' }).where(eq(governanceMeeting.id, meetingId));
  await db.insert(governanceAgendaItem).values({ meetingId, position: 1, title: 'Netwerkdag', kind: 'decision', minutesDecision: 'Budget vrijgegeven.' });
  if (opts.published) await db.insert(governancePublication).values({ bodyId, meetingId });
  return meetingId;
}

/** A plan with one approved action; with `published`, the plan is published. */
async function makeApprovedPlan(f: MatrixFixture, opts: { published?: boolean } = {}): Promise<string> {
  const { bodyId, planId } = await makePlan(f);
  const db = f.ctx.database.db;
  await db.insert(governancePlanAction).values({ planId, number: 1, description: 'Vorming met deelnemersbijdrage', budgetCents: 250_000, status: 'approved' });
  if (opts.published) await db.insert(governancePublication).values({ bodyId, planId });
  return planId;
}

const publicationRows: MatrixRow[] = [
  { route: 'GET /api/governance/published', expect: fullSession(200), note: 'every professional reads what was published' },
  {
    route: 'GET /api/governance/published/meetings/:id',
    request: async (f) => ({ url: `/api/governance/published/meetings/${await makeHeldMeeting(f, { published: true })}` }),
    expect: fullSession(200),
  },
  {
    route: 'GET /api/governance/published/plans/:id',
    request: async (f) => ({ url: `/api/governance/published/plans/${await makeApprovedPlan(f, { published: true })}` }),
    expect: fullSession(200),
  },
  {
    route: 'GET /api/governance/meetings/:id/publication',
    request: async (f) => ({ url: `/api/governance/meetings/${await makeHeldMeeting(f)}/publication` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/meetings/:id/publication',
    request: async (f) => ({ url: `/api/governance/meetings/${await makeHeldMeeting(f)}/publication` }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'DELETE /api/governance/meetings/:id/publication',
    request: async (f) => ({ url: `/api/governance/meetings/${await makeHeldMeeting(f, { published: true })}/publication` }),
    expect: { ...fullSession(404), coordinator: 204, platformAdmin: 204 },
  },
  {
    route: 'GET /api/governance/plans/:id/publication',
    request: async (f) => ({ url: `/api/governance/plans/${await makeApprovedPlan(f)}/publication` }),
    expect: { ...fullSession(404), ...governors },
  },
  {
    route: 'POST /api/governance/plans/:id/publication',
    request: async (f) => ({ url: `/api/governance/plans/${await makeApprovedPlan(f)}/publication` }),
    expect: { ...fullSession(404), coordinator: 201, platformAdmin: 201 },
  },
  {
    route: 'DELETE /api/governance/plans/:id/publication',
    request: async (f) => ({ url: `/api/governance/plans/${await makeApprovedPlan(f, { published: true })}/publication` }),
    expect: { ...fullSession(404), coordinator: 204, platformAdmin: 204 },
  },
];

rows.push(...publicationRows);
