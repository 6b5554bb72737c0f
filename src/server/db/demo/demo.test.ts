import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { loadDemoData } from './index.js';
import {
  atelier,
  blockedSignal,
  bridgingHelp,
  commitment,
  consent,
  family,
  familyMember,
  familyRequest,
  journalNote,
  lifeDomain,
  person,
  plan,
  planAction,
  planVersion,
  teamMember,
  wait,
} from '../schema/index.js';
import { familyScopeSql } from '../../modules/families/access.repo.js';
import { ZPlanContent, ZPlanResponse } from '../../../shared/schemas/families/plan.js';
import { ZFamilyListResponse } from '../../../shared/schemas/families/family.js';
import { Client } from '../../../../tests/helpers/session.js';
import { freshIp } from '../../../../tests/helpers/login.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './people.js';

/** The demo data (people.ts, families.ts) on this run's database: PGlite, or PostgreSQL with DATABASE_URL. */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
});
afterAll(() => ctx.close());

const TABLES = { family, familyMember, familyRequest, teamMember, consent, plan, planVersion, planAction, wait, bridgingHelp, atelier, commitment, blockedSignal, journalNote };

async function counts(): Promise<Record<string, number>> {
  const db = ctx.database.db;
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    out[name] = Number(row!.n);
  }
  return out;
}

async function personId(email: string): Promise<string> {
  const [row] = await ctx.database.db.select({ id: person.id }).from(person).where(eq(person.email, email));
  return row!.id;
}

describe('demo families', () => {
  it('loading the demo data a second time adds no row', async () => {
    const before = await counts();
    expect(before.family).toBeGreaterThanOrEqual(5);
    await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
    expect(await counts()).toEqual(before);
  });

  it('has a request in every stage of the one-month norm: new, at risk, overdue, answered', async () => {
    const db = ctx.database.db;
    const open = await db.select().from(familyRequest).where(ne(familyRequest.status, 'answered'));
    const today = new Date().toISOString().slice(0, 10);
    expect(open.some((r) => r.status === 'received' && r.familyId === null && r.dueOn > today)).toBe(true);
    expect(open.some((r) => r.status === 'triage' && r.dueOn >= today)).toBe(true);
    expect(open.some((r) => r.dueOn < today)).toBe(true);
    const answered = await db.select().from(familyRequest).where(eq(familyRequest.status, 'answered'));
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(answered.every((r) => r.outcome === 'plan_started' && r.familyId !== null)).toBe(true);
  });

  it('has a family with an active plan of several versions, agreed, with actions of professionals, family and network', async () => {
    const db = ctx.database.db;
    const [p] = await db.select().from(plan).where(sql`${plan.currentVersion} >= 3`);
    expect(p).toBeDefined();
    expect(p!.familyAgreedVersion).toBe(p!.currentVersion);
    const versions = await db.select().from(planVersion).where(eq(planVersion.planId, p!.id));
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2, 3]);
    const content = ZPlanContent.parse(versions.find((v) => v.number === 3)!.content);
    expect(new Set(content.goals.map((g) => g.domain)).size).toBeGreaterThanOrEqual(3);
    const actions = await db.select().from(planAction).where(eq(planAction.familyId, p!.familyId));
    expect(actions.some((a) => a.ownerPersonId)).toBe(true);
    expect(actions.some((a) => a.ownerMemberId)).toBe(true);
    expect(actions.some((a) => a.ownerNetworkPersonId)).toBe(true);
    // Every goal's life domain is a known one.
    const domains = (await db.select({ code: lifeDomain.code }).from(lifeDomain)).map((r) => r.code);
    for (const g of content.goals) expect(domains).toContain(g.domain);
  });

  it('every demo plan version follows the plan contract', async () => {
    const versions = await ctx.database.db.select({ content: planVersion.content }).from(planVersion);
    expect(versions.length).toBeGreaterThanOrEqual(7);
    for (const v of versions) expect(ZPlanContent.safeParse(v.content).error).toBeUndefined();
  });

  it('has a family waiting with bridging help, a blocked one with signals, an atelier with commitments, journal notes', async () => {
    const db = ctx.database.db;
    const [w] = await db.select().from(wait).innerJoin(bridgingHelp, eq(bridgingHelp.waitId, wait.id)).where(eq(wait.status, 'waiting'));
    expect(w).toBeDefined();
    const signals = await db.select().from(blockedSignal).where(isNull(blockedSignal.resolvedAt));
    expect(signals.some((s) => s.source === 'rule')).toBe(true);
    expect(signals.some((s) => s.source === 'manual')).toBe(true);
    const commitments = await db.select().from(commitment);
    expect(commitments.some((c) => c.status === 'open')).toBe(true);
    expect(commitments.some((c) => c.planActionKey !== null)).toBe(true);
    const notes = await db.select().from(journalNote);
    expect(new Set(notes.map((n) => n.visibility))).toEqual(new Set(['team', 'organisation']));
  });

  it('has teams across several organisations, a withdrawn consent and an override', async () => {
    const db = ctx.database.db;
    const orgs = await db.selectDistinct({ o: teamMember.organisationId }).from(teamMember);
    expect(orgs.length).toBeGreaterThanOrEqual(3);
    expect(await db.select().from(consent).where(isNotNull(consent.withdrawnAt))).not.toHaveLength(0);
    expect(await db.select().from(consent).where(and(eq(consent.kind, 'override'), isNotNull(consent.reason)))).toHaveLength(1);
  });

  it('the demo professional reaches every demo family; the withdrawn consent and the override act as the gate says', async () => {
    const db = ctx.database.db;
    const now = new Date();
    const ruben = await personId('hulpverlener@samenplan.demo');
    const wout = await personId('nieuw@samenplan.demo');
    const all = await db.select({ id: family.id }).from(family);
    const rubens = await db.select({ id: family.id, name: family.name }).from(family).where(familyScopeSql(ruben, now));
    expect(rubens).toHaveLength(all.length - 1); // all but the overdue family, whose contact person is the CLB's
    const wouts = (await db.select({ name: family.name }).from(family).where(familyScopeSql(wout, now))).map((f) => f.name).sort();
    // Decoster withdrew the consent to Wout; Bonte reaches him through the override only.
    expect(wouts).toEqual(['Gezin Bonte', 'Gezin Rosseel']);
  });

  it('through the API: the demo professional lists the families and opens the agreed plan; the coordinator gets 404 on it', async () => {
    const as = async (email: string) => {
      const client = new Client(ctx.app, freshIp());
      ctx.clock.advance(31_000);
      await client.login({ email, password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET }, ctx.clock);
      return client;
    };
    const ruben = await as('hulpverlener@samenplan.demo');
    const list = ZFamilyListResponse.parse((await ruben.get('/api/families')).json());
    expect(list.data.items.map((f) => f.name).sort()).toEqual(['Gezin Bonte', 'Gezin Decoster', 'Gezin Rosseel', 'Gezin Yilmaz']);
    const decoster = list.data.items.find((f) => f.name === 'Gezin Decoster')!;
    const res = await ruben.get(`/api/families/${decoster.id}/plan`);
    expect(res.statusCode).toBe(200);
    const planView = ZPlanResponse.parse(res.json());
    expect(planView.data.current.number).toBe(3);
    expect(planView.data.agreement?.version).toBe(3);
    const jonas = await as('coordinator@samenplan.demo');
    expect((await jonas.get(`/api/families/${decoster.id}/plan`)).statusCode).toBe(404);
  });
});
