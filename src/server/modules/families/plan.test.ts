import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { addToTeam, giveConsent, makeFamily, withdrawConsent } from '../../../../tests/helpers/families.js';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { family, networkPerson, plan, planAction, planVersion, teamMember } from '../../db/schema/index.js';
import {
  ZPlanCompareResponse,
  ZPlanConflictResponse,
  ZPlanResponse,
  ZPlanVersionListResponse,
  type TPlanContent,
} from '../../../shared/schemas/families/plan.js';

/**
 * The family's one plan through HTTP: reading, saving versions, stale saves (409 with the current
 * version), references checked against this family, versions, comparison and the family's agreement.
 */
let ctx: TestContext;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  ctx = await createTestApp();
  orgA = (await makeOrganisation(ctx.database.db)).id;
  orgB = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(async () => ctx?.close());

/** A family whose contact person (A) and a colleague (A) may edit the plan; a professional of B reads it only. */
async function setup(opts: { consent?: boolean } = {}) {
  const db = ctx.database.db;
  const { family: f, child, parent } = await makeFamily(db);
  const contact = await loginAs(ctx, 'professional', { organisationId: orgA });
  const colleague = await loginAs(ctx, 'professional', { organisationId: orgA });
  const reader = await loginAs(ctx, 'professional', { organisationId: orgB });
  const idOf = (who: LoggedIn) => who.user!.person.id;
  await addToTeam(db, f.id, idOf(contact), orgA, { contact: true });
  await addToTeam(db, f.id, idOf(colleague), orgA);
  await addToTeam(db, f.id, idOf(reader), orgB);
  const consentA = opts.consent === false ? null : await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgA, scopes: ['edit_plan'] });
  const consentB = await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgB, scopes: ['read_plan'] });
  const [grandma] = await db.insert(networkPerson).values({ familyId: f.id, name: 'Oma Rita', relation: 'grootmoeder' }).returning();
  return { f, child, parent, grandma: grandma!, contact, colleague, reader, idOf, consentA, consentB };
}

function day(offsetDays: number): string {
  const d = ctx.clock.now();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

function content(s: Awaited<ReturnType<typeof setup>>, extra: Partial<TPlanContent> = {}): TPlanContent {
  const school = randomUUID();
  const home = randomUUID();
  return {
    story: 'Wij zijn met vier thuis. Sinds de verhuis loopt het moeilijk op school.',
    strengths: ['We praten veel met elkaar'],
    worries: ['Jonas spijbelt'],
    goals: [
      { key: school, domain: 'school', text: 'Jonas gaat elke dag naar school', priority: 1 },
      { key: home, domain: 'housing', text: 'Een rustige plek om huiswerk te maken', priority: 2 },
    ],
    actions: [
      { key: randomUUID(), goalKey: school, what: 'Gesprek met de CLB-medewerker', owner: { kind: 'team', personId: s.idOf(s.colleague) }, dueOn: day(14), status: 'planned' },
      { key: randomUUID(), goalKey: home, what: 'Bureau opruimen', owner: { kind: 'member', memberId: s.child.id }, dueOn: null, status: 'in_progress' },
      { key: randomUUID(), goalKey: null, what: 'Woensdag opvang', owner: { kind: 'network', networkPersonId: s.grandma.id }, dueOn: day(7), status: 'planned' },
    ],
    agreements: ['We bellen elkaar elke vrijdag'],
    evaluations: [{ key: randomUUID(), on: day(30), note: 'Eerste evaluatie' }],
    network: [{ networkPersonId: s.grandma.id, help: 'Vangt Jonas op woensdag op' }],
    ...extra,
  };
}

const put = (who: LoggedIn, familyId: string, body: unknown) => who.client.request({ method: 'PUT', url: `/api/families/${familyId}/plan`, payload: body as Record<string, unknown> });

describe('reading and saving the plan', () => {
  it('answers an empty plan with version 0 before the first save, then saves versions with author, summary and action rows', async () => {
    const s = await setup();
    const db = ctx.database.db;
    const empty = await s.colleague.client.get(`/api/families/${s.f.id}/plan`);
    expect(empty.statusCode).toBe(200);
    expect(ZPlanResponse.parse(empty.json())).toMatchObject({
      data: { current: { number: 0, author: null, createdAt: null, content: { goals: [], actions: [] } }, agreement: null, nextEvaluationOn: null },
      abilities: { readPlan: true, editPlan: true, agreePlan: false },
    });
    await expectAudited(db, 'plan.view', { familyId: s.f.id, resourceType: 'plan', details: { version: 0 } });
    const people = ZPlanResponse.parse(empty.json()).data.people;
    expect(people.team.map((p) => p.personId).sort()).toEqual([s.idOf(s.contact), s.idOf(s.colleague), s.idOf(s.reader)].sort());
    expect(people.members.map((m) => m.name)).toEqual(['Test Jongere', 'Test Ouder']);
    expect(people.network).toEqual([expect.objectContaining({ id: s.grandma.id, name: 'Oma Rita', current: true })]);
    expect(people.domains.map((d) => d.code)).toContain('school');

    const c1 = content(s);
    const saved = await put(s.colleague, s.f.id, { basedOn: 0, summary: 'Eerste plan', content: c1 });
    expect(saved.statusCode).toBe(200);
    const body = ZPlanResponse.parse(saved.json()).data;
    expect(body.current).toMatchObject({ number: 1, summary: 'Eerste plan', author: { personId: s.idOf(s.colleague), name: s.colleague.user!.person.name } });
    expect(body.current.content).toEqual(c1);
    expect(body.nextEvaluationOn).toBe(day(30));
    const audit = await expectAudited(db, 'plan.save', { familyId: s.f.id, resourceType: 'plan', details: { version: 1 }, actorPersonId: s.idOf(s.colleague) });
    expect(JSON.stringify(audit.details)).not.toContain('spijbelt');

    const actions = await db.select().from(planAction).where(eq(planAction.familyId, s.f.id));
    expect(actions).toHaveLength(3);
    expect(actions.find((a) => a.ownerPersonId === s.idOf(s.colleague))).toMatchObject({ title: 'Gesprek met de CLB-medewerker', dueOn: day(14), status: 'planned' });
    const [fam] = await db.select().from(family).where(eq(family.id, s.f.id));
    expect(fam?.lastPlanChangeAt).not.toBeNull();

    // The second version rebuilds the action rows: one done, one removed.
    const c2 = { ...c1, actions: [{ ...c1.actions[0]!, status: 'done' as const }] };
    const second = await put(s.contact, s.f.id, { basedOn: 1, summary: 'Gesprek gebeurd', content: c2 });
    expect(second.statusCode).toBe(200);
    expect(ZPlanResponse.parse(second.json()).data.current.number).toBe(2);
    const after = await db.select().from(planAction).where(eq(planAction.familyId, s.f.id));
    expect(after.map((a) => a.status)).toEqual(['done']);

    // Another organisation with read consent reads the plan but cannot save.
    const read = await s.reader.client.get(`/api/families/${s.f.id}/plan`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ readPlan: true, editPlan: false, agreePlan: false });
  });

  it('a stale save is 409 version_conflict with the current version and changes nothing', async () => {
    const s = await setup();
    const db = ctx.database.db;
    const c1 = content(s);
    expect((await put(s.contact, s.f.id, { basedOn: 0, summary: 'Eerste plan', content: c1 })).statusCode).toBe(200);
    const mine = content(s, { story: 'Mijn versie' });
    const stale = await put(s.colleague, s.f.id, { basedOn: 0, summary: 'Ook een eerste plan', content: mine });
    expect(stale.statusCode).toBe(409);
    const conflict = ZPlanConflictResponse.parse(stale.json()).error;
    expect(conflict.code).toBe('version_conflict');
    expect(conflict.current).toMatchObject({ number: 1, summary: 'Eerste plan', author: { personId: s.idOf(s.contact) }, content: { story: c1.story } });
    const versions = await db.select().from(planVersion).where(eq(planVersion.familyId, s.f.id));
    expect(versions).toHaveLength(1);
    await expectNotAudited(db, 'plan.save', { familyId: s.f.id, actorPersonId: s.idOf(s.colleague) });
    // A save from the future is as stale as one from the past.
    expect((await put(s.colleague, s.f.id, { basedOn: 5, summary: 'Vooruit', content: mine })).statusCode).toBe(409);
    // Reloaded on top of the current version, the same change goes through.
    expect((await put(s.colleague, s.f.id, { basedOn: 1, summary: 'Mijn verhaal erbij', content: mine })).statusCode).toBe(200);
  });

  it('two concurrent saves of the same version: exactly one 200 and one 409, nothing lost', async () => {
    const s = await setup();
    const a = content(s, { story: 'Versie van A' });
    const b = content(s, { story: 'Versie van B' });
    const [ra, rb] = await Promise.all([
      put(s.contact, s.f.id, { basedOn: 0, summary: 'A', content: a }),
      put(s.colleague, s.f.id, { basedOn: 0, summary: 'B', content: b }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const [winner, loser] = ra.statusCode === 200 ? [ra, rb] : [rb, ra];
    const won = ZPlanResponse.parse(winner.json()).data.current;
    expect(ZPlanConflictResponse.parse(loser.json()).error.current).toEqual(won);
    const versions = await ctx.database.db.select().from(planVersion).where(eq(planVersion.familyId, s.f.id));
    expect(versions.map((v) => v.number)).toEqual([1]);
  });
});

describe('refusals', () => {
  it('the contact person without consent sees no plan (403); read-only consent cannot save (403); withdrawn is 404; other organisations 404', async () => {
    const s = await setup({ consent: false });
    const db = ctx.database.db;
    expect((await s.contact.client.get(`/api/families/${s.f.id}/plan`)).statusCode).toBe(403);
    expect((await put(s.contact, s.f.id, { basedOn: 0, summary: 'x', content: content(s) })).statusCode).toBe(403);
    // The colleague of A has neither contact role nor consent: the family is not theirs to see.
    expect((await s.colleague.client.get(`/api/families/${s.f.id}/plan`)).statusCode).toBe(404);
    expect((await put(s.reader, s.f.id, { basedOn: 0, summary: 'x', content: content(s) })).statusCode).toBe(403);

    await withdrawConsent(db, s.consentB.id);
    expect((await s.reader.client.get(`/api/families/${s.f.id}/plan`)).statusCode).toBe(404);
    expect((await s.reader.client.get(`/api/families/${s.f.id}/plan/versions`)).statusCode).toBe(404);

    const stranger = await loginAs(ctx, 'professional', { organisationId: orgB });
    expect((await stranger.client.get(`/api/families/${s.f.id}/plan`)).statusCode).toBe(404);
    const coordinator = await loginAs(ctx, 'network-coordinator');
    expect((await coordinator.client.get(`/api/families/${s.f.id}/plan`)).statusCode).toBe(404);
    const admin = await loginAs(ctx, 'platform-admin');
    expect((await admin.client.get(`/api/families/${s.f.id}/plan/compare?from=1&to=1`)).statusCode).toBe(404);
    expect((await s.reader.client.get(`/api/families/${randomUUID()}/plan`)).statusCode).toBe(404);
    const versions = await db.select().from(planVersion).where(eq(planVersion.familyId, s.f.id));
    expect(versions).toEqual([]);
  });

  it('a team member who left the team loses the plan at once', async () => {
    const s = await setup();
    const db = ctx.database.db;
    expect((await s.colleague.client.get(`/api/families/${s.f.id}/plan`)).statusCode).toBe(200);
    await db.update(teamMember).set({ untilAt: new Date() }).where(eq(teamMember.personId, s.idOf(s.colleague)));
    expect((await s.colleague.client.get(`/api/families/${s.f.id}/plan`)).statusCode).toBe(404);
  });
});

describe('bad input changes nothing', () => {
  it('refuses owners outside this family, unknown life domains, broken keys and priorities, and dates out of range', async () => {
    const s = await setup();
    const other = await setup();
    const db = ctx.database.db;
    const c = content(s);
    const outsider = await loginAs(ctx, 'professional', { organisationId: orgA });
    const cases: { body: TPlanContent; status: number; path: string }[] = [
      { body: { ...c, actions: [{ ...c.actions[0]!, owner: { kind: 'team', personId: outsider.user!.person.id } }] }, status: 422, path: 'body.content.actions.0.owner.personId' },
      { body: { ...c, actions: [{ ...c.actions[1]!, owner: { kind: 'member', memberId: other.child.id } }] }, status: 422, path: 'body.content.actions.0.owner.memberId' },
      { body: { ...c, actions: [{ ...c.actions[2]!, owner: { kind: 'network', networkPersonId: other.grandma.id } }] }, status: 422, path: 'body.content.actions.0.owner.networkPersonId' },
      { body: { ...c, network: [{ networkPersonId: other.grandma.id, help: 'x' }] }, status: 422, path: 'body.content.network.0.networkPersonId' },
      { body: { ...c, goals: [{ ...c.goals[0]!, domain: 'astrologie' }, c.goals[1]!] }, status: 422, path: 'body.content.goals.0.domain' },
      { body: { ...c, goals: [c.goals[0]!, { ...c.goals[1]!, priority: 1 }] }, status: 400, path: 'body.content.goals.1.priority' },
      { body: { ...c, goals: [c.goals[0]!, { ...c.goals[1]!, priority: 7 }] }, status: 400, path: 'body.content.goals.1.priority' },
      { body: { ...c, goals: [c.goals[0]!, { ...c.goals[1]!, key: c.goals[0]!.key }] }, status: 400, path: 'body.content.goals.1.key' },
      { body: { ...c, actions: [{ ...c.actions[0]!, goalKey: randomUUID() }] }, status: 400, path: 'body.content.actions.0.goalKey' },
      { body: { ...c, actions: [{ ...c.actions[0]!, dueOn: '2093-01-01' }] }, status: 400, path: 'body.content.actions.0.dueOn' },
      { body: { ...c, actions: [{ ...c.actions[0]!, dueOn: '2019-02-30' }] }, status: 400, path: 'body.content.actions.0.dueOn' },
      { body: { ...c, evaluations: [{ key: randomUUID(), on: '1999-05-01', note: '' }] }, status: 400, path: 'body.content.evaluations.0.on' },
    ];
    for (const k of cases) {
      const res = await put(s.contact, s.f.id, { basedOn: 0, summary: 'Fout', content: k.body });
      expect(res.statusCode, JSON.stringify(k.body).slice(0, 200)).toBe(k.status);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(k.path);
    }
    expect((await put(s.contact, s.f.id, { basedOn: -1, summary: 'x', content: c })).statusCode).toBe(400);
    expect((await put(s.contact, s.f.id, { basedOn: 0, summary: '', content: c })).statusCode).toBe(400);
    expect((await put(s.contact, s.f.id, { basedOn: 0, summary: 'x', content: { ...c, story: 'a\u0000b' } })).statusCode).toBe(400);
    expect(await db.select().from(planVersion).where(eq(planVersion.familyId, s.f.id))).toEqual([]);
    expect(await db.select().from(plan).where(eq(plan.familyId, s.f.id))).toEqual([]);
    expect(await db.select().from(planAction).where(eq(planAction.familyId, s.f.id))).toEqual([]);
  });

  it('keeps a finished action of someone who left the team, but open work needs someone still there', async () => {
    const s = await setup();
    const db = ctx.database.db;
    const c = content(s);
    expect((await put(s.contact, s.f.id, { basedOn: 0, summary: 'Start', content: c })).statusCode).toBe(200);
    await db.update(teamMember).set({ untilAt: new Date() }).where(eq(teamMember.personId, s.idOf(s.colleague)));
    const names = ZPlanResponse.parse((await s.contact.client.get(`/api/families/${s.f.id}/plan`)).json()).data.people.team;
    expect(names.find((p) => p.personId === s.idOf(s.colleague))?.current).toBe(false);
    const open = await put(s.contact, s.f.id, { basedOn: 1, summary: 'Verder', content: c });
    expect(open.statusCode).toBe(422);
    // The field's message is the caller's language: the editor shows it beside the owner.
    expect(open.json().error.details).toContainEqual({ path: 'body.content.actions.0.owner.personId', message: 'Staat niet (meer) in het team van dit gezin.' });
    const done = { ...c, actions: c.actions.map((a, i) => (i === 0 ? { ...a, status: 'done' as const } : a)) };
    expect((await put(s.contact, s.f.id, { basedOn: 1, summary: 'Afgerond', content: done })).statusCode).toBe(200);
  });
});

describe('versions, comparison and agreement', () => {
  it('lists versions newest first a page at a time, shows one, compares two by key', async () => {
    const s = await setup();
    const db = ctx.database.db;
    const c1 = content(s);
    await put(s.contact, s.f.id, { basedOn: 0, summary: 'v1', content: c1 });
    const newGoal = { key: randomUUID(), domain: 'leisure', text: 'Jonas gaat terug voetballen', priority: 3 };
    const c2: TPlanContent = {
      ...c1,
      story: 'Een nieuw verhaal',
      strengths: [...c1.strengths, 'Oma helpt'],
      goals: [{ ...c1.goals[0]!, text: 'Jonas gaat graag naar school' }, c1.goals[1]!, newGoal],
      actions: c1.actions.slice(1),
    };
    await put(s.colleague, s.f.id, { basedOn: 1, summary: 'v2', content: c2 });
    await put(s.contact, s.f.id, { basedOn: 2, summary: 'v3', content: c2 });

    const first = ZPlanVersionListResponse.parse((await s.reader.client.get(`/api/families/${s.f.id}/plan/versions?limit=2`)).json()).data;
    expect(first.items.map((v) => v.summary)).toEqual(['v3', 'v2']);
    expect(first.items[1]!.author?.name).toBe(s.colleague.user!.person.name);
    const rest = ZPlanVersionListResponse.parse((await s.reader.client.get(`/api/families/${s.f.id}/plan/versions?limit=2&cursor=${first.nextCursor}`)).json()).data;
    expect(rest).toMatchObject({ items: [{ number: 1, summary: 'v1' }], nextCursor: null });
    expect((await s.reader.client.get(`/api/families/${s.f.id}/plan/versions?cursor=bogus`)).statusCode).toBe(400);
    await expectAudited(db, 'plan.versions', { familyId: s.f.id, actorPersonId: s.idOf(s.reader) });

    const v1 = await s.reader.client.get(`/api/families/${s.f.id}/plan/versions/1`);
    expect(v1.json().data).toMatchObject({ number: 1, content: { story: c1.story } });
    expect((await s.reader.client.get(`/api/families/${s.f.id}/plan/versions/9`)).statusCode).toBe(404);
    expect((await s.reader.client.get(`/api/families/${s.f.id}/plan/versions/0`)).statusCode).toBe(400);
    await expectAudited(db, 'plan.version.view', { familyId: s.f.id, details: { version: 1 } });

    const cmp = ZPlanCompareResponse.parse((await s.reader.client.get(`/api/families/${s.f.id}/plan/compare?from=1&to=2`)).json()).data;
    expect(cmp.from.number).toBe(1);
    expect(cmp.to.number).toBe(2);
    expect(cmp.diff.story).toBe(true);
    expect(cmp.diff.strengths).toEqual({ added: ['Oma helpt'], removed: [] });
    expect(cmp.diff.goals.added).toEqual([newGoal]);
    expect(cmp.diff.goals.changed).toEqual([expect.objectContaining({ key: c1.goals[0]!.key, fields: ['text'] })]);
    expect(cmp.diff.actions.removed.map((a) => a.key)).toEqual([c1.actions[0]!.key]);
    const same = ZPlanCompareResponse.parse((await s.reader.client.get(`/api/families/${s.f.id}/plan/compare?from=2&to=3`)).json()).data;
    expect(same.diff.goals).toEqual({ added: [], removed: [], changed: [] });
    expect((await s.reader.client.get(`/api/families/${s.f.id}/plan/compare?from=1&to=8`)).statusCode).toBe(404);
    await expectAudited(db, 'plan.compare', { familyId: s.f.id, details: { from: 1, to: 2 } });
  });

  it('the contact person records the family’s agreement with the current version; a stale version is 409', async () => {
    const s = await setup();
    const db = ctx.database.db;
    const agree = (who: LoggedIn, version: number) => who.client.post(`/api/families/${s.f.id}/plan/agreement`, { version });
    expect((await agree(s.contact, 1)).statusCode).toBe(409);
    await put(s.contact, s.f.id, { basedOn: 0, summary: 'v1', content: content(s) });
    await put(s.colleague, s.f.id, { basedOn: 1, summary: 'v2', content: content(s) });
    expect((await agree(s.colleague, 2)).statusCode).toBe(403);
    const stale = await agree(s.contact, 1);
    expect(stale.statusCode).toBe(409);
    expect(ZPlanConflictResponse.parse(stale.json()).error.current?.number).toBe(2);
    const ok = await agree(s.contact, 2);
    expect(ok.statusCode).toBe(200);
    expect(ZPlanResponse.parse(ok.json()).data.agreement).toMatchObject({ version: 2 });
    await expectAudited(db, 'plan.agree', { familyId: s.f.id, details: { version: 2 }, actorPersonId: s.idOf(s.contact) });
    // A later version is not agreed yet; the agreement names the version it was for.
    await put(s.colleague, s.f.id, { basedOn: 2, summary: 'v3', content: content(s) });
    const now = ZPlanResponse.parse((await s.reader.client.get(`/api/families/${s.f.id}/plan`)).json()).data;
    expect(now).toMatchObject({ current: { number: 3 }, agreement: { version: 2 } });
  });
});

describe('property: random interleavings of saves', () => {
  it('every accepted save is based on the version before it; every refused one was stale; nothing is lost', async () => {
    const s = await setup();
    const db = ctx.database.db;
    const editors = [s.contact, s.colleague];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        // Rounds of saves sent together; each save from one editor, based on the version they last saw (or one behind).
        fc.array(fc.array(fc.record({ editor: fc.integer({ min: 0, max: 1 }), lag: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (rounds) => {
          run++;
          const [row] = await db.select().from(plan).where(eq(plan.familyId, s.f.id));
          let seen = row?.currentVersion ?? 0;
          const accepted = new Map<number, string>();
          for (const round of rounds) {
            const results = await Promise.all(
              round.map(async (save, i) => {
                const basedOn = Math.max(0, seen - save.lag);
                const story = `run ${run} round save ${i} ${randomUUID()}`;
                const res = await put(editors[save.editor]!, s.f.id, { basedOn, summary: story.slice(0, 40), content: content(s, { story }) });
                return { res, basedOn, story };
              }),
            );
            const ok = results.filter((r) => r.res.statusCode === 200);
            // Saves of one round based on the same version: at most one of them wins.
            for (const basedOn of new Set(results.map((r) => r.basedOn))) expect(ok.filter((r) => r.basedOn === basedOn).length).toBeLessThanOrEqual(1);
            for (const r of results) {
              if (r.res.statusCode === 200) {
                const number = ZPlanResponse.parse(r.res.json()).data.current.number;
                expect(number).toBe(r.basedOn + 1);
                accepted.set(number, r.story);
              } else {
                expect(r.res.statusCode).toBe(409);
                const current = ZPlanConflictResponse.parse(r.res.json()).error.current!;
                expect(current.number).not.toBe(r.basedOn);
              }
            }
            const [after] = await db.select().from(plan).where(eq(plan.familyId, s.f.id));
            seen = after?.currentVersion ?? 0;
          }
          // Versions are contiguous, and each accepted save is stored exactly as sent.
          const versions = await db.select().from(planVersion).where(eq(planVersion.familyId, s.f.id));
          const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
          expect(numbers).toEqual(numbers.map((_, i) => i + 1));
          for (const [number, story] of accepted) expect((versions.find((v) => v.number === number)?.content as TPlanContent).story).toBe(story);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
