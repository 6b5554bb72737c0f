import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, withdrawConsent } from '../../../../tests/helpers/families.js';
import { family, consent } from '../../db/schema/index.js';
import { accessRepo, familyScopeSql, familyScopeWithSql } from './access.repo.js';
import { familyPolicy } from './families.policy.js';
import type { FullContext } from '../../platform/context.js';

/**
 * The consent gate as SQL: the facts of one family and the list scope must agree for every state
 * of team membership and consent (families.policy.ts relies on it).
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

const person = async (organisationId: string) => (await makeUser(ctx.database.db, { organisationId })).person.id;

async function listed(personId: string, now = new Date()) {
  const rows = await ctx.database.db.select({ id: family.id }).from(family).where(familyScopeSql(personId, now));
  return rows.map((r) => r.id);
}

function asCtx(personId: string, now = new Date()): FullContext {
  return { actor: { personId, level: 'full' }, now } as unknown as FullContext;
}

describe('family access gate', () => {
  it('grants an organisation-wide consent to every open team member of that organisation, with its scopes', async () => {
    const db = ctx.database.db;
    const { family: f, child } = await makeFamily(db);
    const p = await person(orgA);
    await addToTeam(db, f.id, p, orgA);
    expect(await accessRepo.familyFacts(db, f.id, p, new Date())).toMatchObject({ teamOrganisationId: orgA, scopes: [], isContact: false });
    expect(await listed(p)).not.toContain(f.id);

    await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgA, scopes: ['edit_plan'] });
    const facts = await accessRepo.familyFacts(db, f.id, p, new Date());
    expect(facts?.scopes).toEqual(['read_plan', 'edit_plan']);
    expect(await listed(p)).toContain(f.id);
    const journal = await db.select({ id: family.id }).from(family).where(familyScopeWithSql(p, new Date(), 'journal'));
    expect(journal.map((r) => r.id)).not.toContain(f.id);
    const reading = await db.select({ id: family.id }).from(family).where(familyScopeWithSql(p, new Date(), 'read_plan'));
    expect(reading.map((r) => r.id)).toContain(f.id);
    expect(familyPolicy.can(asCtx(p), 'editPlan', facts!)).toBe(true);
    expect(familyPolicy.can(asCtx(p), 'readJournal', facts!)).toBe(false);
  });

  it('refuses a consent to another organisation, one for another person, and one not yet or no longer valid', async () => {
    const db = ctx.database.db;
    const { family: f, child } = await makeFamily(db);
    const p = await person(orgA);
    const colleague = await person(orgA);
    await addToTeam(db, f.id, p, orgA);
    await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgB, scopes: ['read_plan'] });
    await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgA, personId: colleague, scopes: ['read_plan'] });
    await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgA, scopes: ['journal'], from: new Date(Date.now() + 3_600_000) });
    await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgA, scopes: ['journal'], from: new Date(Date.now() - 7_200_000), until: new Date(Date.now() - 3_600_000) });
    const facts = await accessRepo.familyFacts(db, f.id, p, new Date());
    expect(facts?.scopes).toEqual([]);
    expect(familyPolicy.can(asCtx(p), 'view', facts!)).toBe(false);
    expect(await listed(p)).not.toContain(f.id);
  });

  it('ends access at withdrawal and when the team membership ends; the contact person keeps the registration', async () => {
    const db = ctx.database.db;
    const { family: f, child } = await makeFamily(db);
    const contact = await person(orgA);
    const other = await person(orgB);
    await addToTeam(db, f.id, contact, orgA, { contact: true });
    await addToTeam(db, f.id, other, orgB);
    const c = await giveConsent(db, { familyId: f.id, memberId: child.id, organisationId: orgB, scopes: ['read_plan', 'journal'] });
    expect(await listed(other)).toContain(f.id);
    await withdrawConsent(db, c.id);
    expect(await listed(other)).not.toContain(f.id);
    const facts = await accessRepo.familyFacts(db, f.id, other, new Date());
    expect(familyPolicy.can(asCtx(other), 'view', facts!)).toBe(false);

    const contactFacts = await accessRepo.familyFacts(db, f.id, contact, new Date());
    expect(contactFacts).toMatchObject({ isContact: true, scopes: [] });
    expect(familyPolicy.can(asCtx(contact), 'view', contactFacts!)).toBe(true);
    expect(familyPolicy.can(asCtx(contact), 'manageConsent', contactFacts!)).toBe(true);
    expect(familyPolicy.can(asCtx(contact), 'readPlan', contactFacts!)).toBe(false);
    expect(familyPolicy.can(asCtx(contact), 'agreePlan', contactFacts!)).toBe(false);
    expect(await listed(contact)).toContain(f.id);
  });

  it('counts an override only for its own person, only while it runs', async () => {
    const db = ctx.database.db;
    const { family: f } = await makeFamily(db);
    const p = await person(orgA);
    const colleague = await person(orgA);
    await addToTeam(db, f.id, p, orgA);
    await addToTeam(db, f.id, colleague, orgA);
    const now = new Date();
    await db.insert(consent).values({
      familyId: f.id, kind: 'override', organisationId: orgA, personId: p, scopes: ['read_plan'], validFrom: new Date(now.getTime() - 1000),
      validUntil: new Date(now.getTime() + 3_600_000), overrideBasis: 'danger', reason: 'Acuut gevaar gemeld door school',
    });
    expect(await accessRepo.familyFacts(db, f.id, p, now)).toMatchObject({ scopes: ['read_plan'], viaOverride: true });
    expect(await accessRepo.familyFacts(db, f.id, colleague, now)).toMatchObject({ scopes: [], viaOverride: false });
    const later = new Date(now.getTime() + 7_200_000);
    expect(await accessRepo.familyFacts(db, f.id, p, later)).toMatchObject({ scopes: [], viaOverride: false });
    expect(await listed(p, later)).not.toContain(f.id);
  });

  it('answers undefined for an unknown family and nothing for a person without any membership', async () => {
    const db = ctx.database.db;
    expect(await accessRepo.familyFacts(db, '00000000-0000-0000-0000-000000000001', null, new Date())).toBeUndefined();
    const { family: f } = await makeFamily(db);
    const stranger = await person(orgB);
    expect(await accessRepo.familyFacts(db, f.id, stranger, new Date(), { lock: true })).toMatchObject({ teamOrganisationId: null, scopes: [] });
    expect(await listed(stranger)).toEqual([]);
  });
});
