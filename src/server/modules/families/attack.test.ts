import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { careFamily, type CareFamily } from '../../../../tests/helpers/care.js';
import { makeUser } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import {
  atelier,
  blockedSignal,
  commitment,
  consent,
  contactAssignment,
  familyMember,
  familyRequest,
  networkPerson,
  plan,
  platformRole,
  teamMember,
  wait,
} from '../../db/schema/index.js';
import { brusselsDate } from '../../platform/clock.js';

/**
 * An attacker's pass over the families, requests and signals routes: ids of another family or
 * region under a family's own URL, stale versions, NUL bytes, huge numbers, too-long strings, dates
 * in the wrong order and parallel requests. Every probe must end in a clear 4xx (or one winner of a
 * race) with nothing changed — never a 500, never a write to someone else's record.
 */
let ctx: TestContext;
let a: CareFamily;
let b: CareFamily;
let contactA: LoggedIn;
let contactB: LoggedIn;

beforeAll(async () => {
  ctx = await createTestApp();
  a = await careFamily(ctx, { name: 'Gezin Aanval' });
  b = await careFamily(ctx, { name: 'Gezin Bewijs' });
  contactA = await a.as.contact();
  contactB = await b.as.contact();
});
afterAll(() => ctx?.close());

const db = () => ctx.database.db;
const today = () => brusselsDate(ctx.clock.now());
const day = (offset: number) => brusselsDate(new Date(ctx.clock.now().getTime() + offset * 86_400_000));
const send = (who: LoggedIn, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
  who.client.request({ method, url, payload: payload as Record<string, unknown> });
const fam = (f: CareFamily, rest = '') => `/api/families/${f.familyId}${rest}`;

/** A clear client error with the error envelope: never a 500. */
function expectClientError(res: { statusCode: number; body: string }, status?: number) {
  if (status !== undefined) expect(res.statusCode, res.body).toBe(status);
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(JSON.parse(res.body)).toHaveProperty('error.code');
}

describe('ids of another family under this family’s URL', () => {
  it('members and network people of family B cannot be changed or ended through family A (404, B unchanged)', async () => {
    const [memberB] = await db().select().from(familyMember).where(eq(familyMember.id, b.parent.id));
    const netB = await send(contactB, 'POST', fam(b, '/network'), { name: 'Oma Rita', relation: 'grootmoeder' });
    expect(netB.statusCode).toBe(201);
    const networkIdB = netB.json().data.id as string;

    expectClientError(await send(contactA, 'PATCH', fam(a, `/members/${b.parent.id}`), { version: 1, name: 'Overgenomen' }), 404);
    expectClientError(await send(contactA, 'POST', fam(a, `/members/${b.parent.id}/end`), { version: 1 }), 404);
    expectClientError(await send(contactA, 'PATCH', fam(a, `/network/${networkIdB}`), { version: 1, name: 'Overgenomen' }), 404);
    expectClientError(await send(contactA, 'POST', fam(a, `/network/${networkIdB}/end`), { version: 1 }), 404);

    const [memberAfter] = await db().select().from(familyMember).where(eq(familyMember.id, b.parent.id));
    expect(memberAfter).toEqual(memberB);
    const [netAfter] = await db().select().from(networkPerson).where(eq(networkPerson.id, networkIdB));
    expect(netAfter).toMatchObject({ name: 'Oma Rita', endedAt: null, version: 1 });
  });

  it('a team row or consent of family B cannot be ended or withdrawn through family A (404)', async () => {
    const [teamB] = await db().select().from(teamMember).where(and(eq(teamMember.familyId, b.familyId), eq(teamMember.personId, b.users.orgB.person.id)));
    const [consentB] = await db().select().from(consent).where(and(eq(consent.familyId, b.familyId), eq(consent.organisationId, b.orgA)));
    expectClientError(await send(contactA, 'POST', fam(a, `/team/${teamB!.id}/end`), {}), 404);
    expectClientError(await send(contactA, 'POST', fam(a, `/consent/${consentB!.id}/withdraw`), {}), 404);
    const [teamAfter] = await db().select().from(teamMember).where(eq(teamMember.id, teamB!.id));
    const [consentAfter] = await db().select().from(consent).where(eq(consent.id, consentB!.id));
    expect(teamAfter!.untilAt).toBeNull();
    expect(consentAfter!.withdrawnAt).toBeNull();
  });

  it('a consent in family A naming a member of family B as subject, giver or withdrawer is refused (400, nothing written)', async () => {
    const before = await db().select().from(consent).where(eq(consent.familyId, a.familyId));
    const base = { subjectMemberId: a.child.id, givenByMemberId: a.child.id, organisationId: a.orgB, scopes: ['read_plan'] };
    expectClientError(await send(contactA, 'POST', fam(a, '/consent'), { ...base, subjectMemberId: b.child.id, givenByMemberId: b.child.id }), 400);
    expectClientError(await send(contactA, 'POST', fam(a, '/consent'), { ...base, givenByMemberId: b.child.id }), 400);
    const [consentA] = before.filter((c) => c.organisationId === a.orgB);
    expectClientError(await send(contactA, 'POST', fam(a, `/consent/${consentA!.id}/withdraw`), { withdrawnByMemberId: b.child.id }), 400);
    expect(await db().select().from(consent).where(eq(consent.familyId, a.familyId))).toEqual(before);
  });

  it('the plan of family A cannot name a member, network person or professional of family B (422, no version)', async () => {
    const netB = await send(contactB, 'POST', fam(b, '/network'), { name: 'Coach Jan', relation: 'coach' });
    const action = (owner: unknown) => ({
      basedOn: 0,
      summary: 'Aanval',
      content: { actions: [{ key: crypto.randomUUID(), goalKey: null, what: 'Iets doen', owner, dueOn: null, status: 'planned' }] },
    });
    for (const owner of [
      { kind: 'member', memberId: b.parent.id },
      { kind: 'network', networkPersonId: netB.json().data.id },
      { kind: 'team', personId: b.users.contact.person.id },
    ]) {
      const res = await send(contactA, 'PUT', fam(a, '/plan'), action(owner));
      expectClientError(res, 422);
      expect(res.json().error.code).toBe('invalid_reference');
    }
    const help = await send(contactA, 'PUT', fam(a, '/plan'), { basedOn: 0, summary: 'Aanval', content: { network: [{ networkPersonId: netB.json().data.id, help: 'Helpt' }] } });
    expectClientError(help, 422);
    expect(await db().select().from(plan).where(eq(plan.familyId, a.familyId))).toEqual([]);
  });

  it('waits and bridging help of family B are absent under family A, also with A’s own wait id (404)', async () => {
    const waitB = (await send(contactB, 'POST', fam(b, '/waits'), { serviceText: 'Kinderpsychiater', sinceOn: day(-30) })).json().data;
    const bridgingB = (await send(contactB, 'POST', fam(b, `/waits/${waitB.id}/bridging`), { provider: 'Oma', what: 'Opvang', fromOn: day(-20) })).json().data.bridging[0];
    const waitA = (await send(contactA, 'POST', fam(a, '/waits'), { serviceText: 'Thuisbegeleiding', sinceOn: day(-10) })).json().data;

    expectClientError(await send(contactA, 'PATCH', fam(a, `/waits/${waitB.id}`), { version: 1, serviceText: 'Overgenomen' }), 404);
    expectClientError(await send(contactA, 'POST', fam(a, `/waits/${waitB.id}/bridging`), { provider: 'Opa', what: 'Vervoer', fromOn: day(-1) }), 404);
    expectClientError(await send(contactA, 'PATCH', fam(a, `/waits/${waitB.id}/bridging/${bridgingB.id}`), { version: 1, what: 'Overgenomen' }), 404);
    // B's bridging id under A's own wait.
    expectClientError(await send(contactA, 'PATCH', fam(a, `/waits/${waitA.id}/bridging/${bridgingB.id}`), { version: 1, what: 'Overgenomen' }), 404);

    const [w] = await db().select().from(wait).where(eq(wait.id, waitB.id));
    expect(w).toMatchObject({ serviceText: 'Kinderpsychiater', version: 1 });
    expect((await send(contactB, 'POST', fam(b, `/waits/${waitB.id}/bridging`), { provider: 'Oma', what: 'Opvang', fromOn: day(-20) })).json().data.bridging).toHaveLength(2);
  });

  it('ateliers and commitments of family B are absent under family A; B’s people are no participants or owners in A (404/400)', async () => {
    const atB = (
      await send(contactB, 'POST', fam(b, '/ateliers'), {
        heldOn: day(-3),
        participants: [{ kind: 'member', id: b.child.id }],
        commitments: [{ description: 'Bellen met school', ownerLabel: 'Mama' }],
      })
    ).json().data;
    const commitmentB = atB.commitments[0];

    expectClientError(await send(contactA, 'PATCH', fam(a, `/ateliers/${atB.id}`), { version: 1, ideas: 'Overgenomen' }), 404);
    expectClientError(await send(contactA, 'POST', fam(a, `/ateliers/${atB.id}/commitments`), { description: 'Iets', ownerLabel: 'Iemand' }), 404);
    expectClientError(await send(contactA, 'PATCH', fam(a, `/commitments/${commitmentB.id}`), { version: 1, status: 'done' }), 404);
    expectClientError(await send(contactA, 'POST', fam(a, `/commitments/${commitmentB.id}/to-plan`), { version: 1, planBasedOn: 0, owner: { kind: 'member', memberId: a.parent.id } }), 404);

    expectClientError(await send(contactA, 'POST', fam(a, '/ateliers'), { heldOn: day(-1), participants: [{ kind: 'member', id: b.child.id }] }), 400);
    expectClientError(await send(contactA, 'POST', fam(a, '/ateliers'), { heldOn: day(-1), participants: [{ kind: 'professional', id: b.users.contact.person.id }] }), 400);
    expectClientError(
      await send(contactA, 'POST', fam(a, '/ateliers'), {
        heldOn: day(-1),
        participants: [{ kind: 'member', id: a.child.id }],
        commitments: [{ description: 'Iets doen', ownerLabel: 'Ruben', ownerPersonId: b.users.contact.person.id }],
      }),
      400,
    );
    const [c] = await db().select().from(commitment).where(eq(commitment.id, commitmentB.id));
    expect(c).toMatchObject({ status: 'open', version: 1, planActionKey: null });
    const [at] = await db().select().from(atelier).where(eq(atelier.id, atB.id));
    expect(at).toMatchObject({ version: 1 });
    expect(await db().select().from(atelier).where(eq(atelier.familyId, a.familyId))).toEqual([]);
  });

  it('signals of family B cannot be resolved or escalated through family A (404)', async () => {
    const raised = await send(contactB, 'POST', fam(b, '/signals'), { reason: 'Geen vooruitgang sinds maanden' });
    expect(raised.statusCode, raised.body).toBe(201);
    const signalB = raised.json().data;
    expectClientError(await send(contactA, 'POST', fam(a, `/signals/${signalB.id}/resolve`), { version: 1 }), 404);
    expectClientError(await send(contactA, 'POST', fam(a, `/signals/${signalB.id}/escalate`), { version: 1 }), 404);
    const [s] = await db().select().from(blockedSignal).where(eq(blockedSignal.id, signalB.id));
    expect(s).toMatchObject({ resolvedAt: null, escalatedAt: null, version: 1 });
  });

  it('a coordinator of another region neither sees nor escalates the region’s signals (404)', async () => {
    const signalB = (await send(contactB, 'POST', fam(b, '/signals'), { reason: 'Wachtlijst blijft' })).json().data;
    const elsewhere = await makeUser(db());
    const { testRegion } = await import('../../../../tests/helpers/families.js');
    const otherRegion = await testRegion(db(), 'test-attack-elders');
    await db().insert(platformRole).values({ personId: elsewhere.person.id, role: 'network_coordinator', regionId: otherRegion });
    const coordElsewhere = await loginAs(ctx, 'network-coordinator', { user: elsewhere });
    expectClientError(await coordElsewhere.client.get(`/api/signals/${signalB.id}`), 404);
    expectClientError(await send(coordElsewhere, 'POST', `/api/signals/${signalB.id}/escalate`, { version: 1 }), 404);
    const list = await coordElsewhere.client.get('/api/signals');
    expect(list.statusCode).toBe(200);
    expect(list.json().data.items.map((i: { id: string }) => i.id)).not.toContain(signalB.id);
  });
});

describe('hostile values', () => {
  it('NUL bytes, too-long strings and huge numbers are 400 on members, network, journal, waits and signals; nothing written', async () => {
    const members = await db().select().from(familyMember).where(eq(familyMember.familyId, a.familyId));
    const probes: [string, string, unknown][] = [
      ['POST', fam(a, '/members'), { role: 'parent', name: 'Ma\u0000ria' }],
      ['POST', fam(a, '/members'), { role: 'parent', name: 'x'.repeat(201) }],
      ['PATCH', fam(a, `/members/${a.parent.id}`), { version: 2 ** 31, name: 'Maria' }],
      ['PATCH', fam(a, `/members/${a.parent.id}`), { version: 1e308, name: 'Maria' }],
      ['PATCH', fam(a, `/members/${a.parent.id}`), { version: -1, name: 'Maria' }],
      ['PATCH', fam(a, `/members/${a.parent.id}`), { version: '1', name: 'Maria' }],
      ['POST', fam(a, '/network'), { name: 'Jan', relation: 'coach\u0000' }],
      ['POST', fam(a, '/journal'), { body: 'x'.repeat(10_001), visibility: 'team' }],
      ['POST', fam(a, '/journal'), { body: 'nul\u0000byte', visibility: 'team' }],
      ['POST', fam(a, '/waits'), { serviceText: 'x'.repeat(5000), sinceOn: day(-1) }],
      ['POST', fam(a, '/waits'), { serviceText: 'Psychiater', sinceOn: '2026-02-30' }],
      ['POST', fam(a, '/signals'), { reason: 'a\u0000b' }],
      ['POST', fam(a, '/overrides'), { basis: 'danger', reason: 'Acuut gevaar voor het kind, politie betrokken', hours: 1e9, scopes: ['read_plan'] }],
      ['POST', fam(a, '/contact'), { personId: a.users.colleague.person.id, organisationId: a.orgA, version: 2 ** 40 }],
    ];
    for (const [method, url, payload] of probes) expectClientError(await send(contactA, method as 'POST', url, payload), 400);
    expect(await db().select().from(familyMember).where(eq(familyMember.familyId, a.familyId))).toEqual(members);
  });

  it('huge and malformed numbers in paths and queries are 400, not 500', async () => {
    for (const url of [
      fam(a, '/plan/versions/99999999999'),
      fam(a, '/plan/versions/-1'),
      fam(a, '/plan/versions/1e3'),
      fam(a, '/plan/compare?from=1&to=99999999999'),
      fam(a, '/plan/versions?limit=100000'),
      fam(a, '/history?cursor=999999999999999999999'),
      fam(a, '/journal?limit=1e309'),
      '/api/requests?limit=99999999999',
      '/api/signals?cursor=%00',
      `/api/families/not-a-uuid`,
    ]) {
      expectClientError(await contactA.client.get(url));
    }
  });

  it('a body of 2 MB is refused before it is parsed (413); a __proto__ key changes nothing', async () => {
    const big = await send(contactA, 'PUT', fam(a, '/plan'), { basedOn: 0, summary: 'Groot', content: { story: 'x'.repeat(2_000_000) } });
    expect(big.statusCode, big.body.slice(0, 200)).toBe(413);
    const polluted = await contactA.client.request({
      method: 'POST',
      url: fam(a, '/network'),
      payload: '{"name":"Buur Tom","relation":"buurman","__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(polluted.statusCode, polluted.body).toBeLessThan(500);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(await db().select().from(plan).where(eq(plan.familyId, a.familyId))).toEqual([]);
  });

  it('a consent until 31/12/9999 does not crash the server (a clear answer; at most one row)', async () => {
    const before = await db().select().from(consent).where(eq(consent.familyId, a.familyId));
    const res = await send(contactA, 'POST', fam(a, '/consent'), {
      subjectMemberId: a.child.id,
      givenByMemberId: a.child.id,
      organisationId: a.orgB,
      scopes: ['read_plan'],
      validUntil: '9999-12-31',
    });
    expect(res.statusCode, res.body).toBeLessThan(500);
    const after = await db().select().from(consent).where(eq(consent.familyId, a.familyId));
    if (res.statusCode === 201) {
      expect(after).toHaveLength(before.length + 1);
      const row = after.find((c) => c.id === res.json().data.id);
      expect(row!.validUntil).not.toBeNull();
      expect(Number.isNaN(new Date(row!.validUntil!).getTime())).toBe(false);
      await send(contactA, 'POST', fam(a, `/consent/${row!.id}/withdraw`), {});
    } else {
      expectClientError(res, 400);
      expect(after).toEqual(before);
    }
  });

  it('mass assignment: a family, organisation or version in a body does not move a record', async () => {
    const res = await send(contactA, 'PATCH', fam(a, `/members/${a.parent.id}`), { version: 1, name: 'Test Ouder', familyId: b.familyId, id: b.parent.id });
    expect(res.statusCode).toBeLessThan(500);
    const [m] = await db().select().from(familyMember).where(eq(familyMember.id, a.parent.id));
    expect(m!.familyId).toBe(a.familyId);
    const [other] = await db().select().from(familyMember).where(eq(familyMember.id, b.parent.id));
    expect(other!.familyId).toBe(b.familyId);
  });
});

describe('stale versions', () => {
  it('a change based on an older version is 409 on members, network, waits, ateliers, commitments and signals; nothing changed', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const url = (rest: string) => fam(f, rest);
    expect((await send(contact, 'PATCH', url(`/members/${f.parent.id}`), { version: 1, name: 'Ouder Eén' })).statusCode).toBe(200);
    const net = (await send(contact, 'POST', url('/network'), { name: 'Tante Els', relation: 'tante' })).json().data;
    expect((await send(contact, 'PATCH', url(`/network/${net.id}`), { version: 1, relation: 'meter' })).statusCode).toBe(200);
    const w = (await send(contact, 'POST', url('/waits'), { serviceText: 'Logopedie', sinceOn: day(-5) })).json().data;
    expect((await send(contact, 'PATCH', url(`/waits/${w.id}`), { version: 1, serviceText: 'Logopedie (school)' })).statusCode).toBe(200);
    const at = (await send(contact, 'POST', url('/ateliers'), { heldOn: day(-2), participants: [{ kind: 'member', id: f.child.id }], commitments: [{ description: 'Bellen', ownerLabel: 'Mama' }] })).json().data;
    expect((await send(contact, 'PATCH', url(`/ateliers/${at.id}`), { version: 1, ideas: 'Samen koken' })).statusCode).toBe(200);
    expect((await send(contact, 'PATCH', url(`/commitments/${at.commitments[0].id}`), { version: 1, status: 'done' })).statusCode).toBe(200);
    const sig = (await send(contact, 'POST', url('/signals'), { reason: 'Wachten zonder overbrugging' })).json().data;
    expect((await send(contact, 'POST', url(`/signals/${sig.id}/escalate`), { version: 1 })).statusCode).toBe(200);

    for (const [method, rest, payload] of [
      ['PATCH', `/members/${f.parent.id}`, { version: 1, name: 'Overschreven' }],
      ['POST', `/members/${f.parent.id}/end`, { version: 1 }],
      ['PATCH', `/network/${net.id}`, { version: 1, name: 'Overschreven' }],
      ['PATCH', `/waits/${w.id}`, { version: 1, serviceText: 'Overschreven' }],
      ['PATCH', `/ateliers/${at.id}`, { version: 1, ideas: 'Overschreven' }],
      ['PATCH', `/commitments/${at.commitments[0].id}`, { version: 1, status: 'dropped' }],
      ['POST', `/signals/${sig.id}/resolve`, { version: 1 }],
    ] as const) {
      expectClientError(await send(contact, method, url(rest), payload), 409);
    }
    const [m] = await db().select().from(familyMember).where(eq(familyMember.id, f.parent.id));
    expect(m).toMatchObject({ name: 'Ouder Eén', endedAt: null, version: 2 });
    const [c] = await db().select().from(commitment).where(eq(commitment.id, at.commitments[0].id));
    expect(c).toMatchObject({ status: 'done', version: 2 });
    const [s] = await db().select().from(blockedSignal).where(eq(blockedSignal.id, sig.id));
    expect(s!.resolvedAt).toBeNull();
  });
});

describe('dates in the wrong order', () => {
  it('consent until before from, a wait that starts before it was asked, bridging that ends before it starts: 400', async () => {
    expectClientError(
      await send(contactA, 'POST', fam(a, '/consent'), { subjectMemberId: a.child.id, givenByMemberId: a.child.id, organisationId: a.orgB, scopes: ['read_plan'], validFrom: day(10), validUntil: day(5) }),
      400,
    );
    expectClientError(await send(contactA, 'POST', fam(a, '/waits'), { serviceText: 'Psychiater', sinceOn: day(-1), expectedStartOn: day(-5) }), 400);
    const w = (await send(contactA, 'POST', fam(a, '/waits'), { serviceText: 'Psychiater', sinceOn: day(-10), expectedStartOn: day(20) })).json().data;
    // A partial update that moves "since" past the stored expected start.
    expectClientError(await send(contactA, 'PATCH', fam(a, `/waits/${w.id}`), { version: 1, sinceOn: day(30) }), 400);
    expectClientError(await send(contactA, 'POST', fam(a, `/waits/${w.id}/bridging`), { provider: 'Oma', what: 'Opvang', fromOn: day(-1), untilOn: day(-3) }), 400);
    const [row] = await db().select().from(wait).where(eq(wait.id, w.id));
    expect(row).toMatchObject({ sinceOn: day(-10), version: 1 });
  });

  it('an atelier moved to a day after its commitments’ due dates is refused (400), as a commitment due before its atelier is', async () => {
    const created = await send(contactA, 'POST', fam(a, '/ateliers'), {
      heldOn: day(-5),
      participants: [{ kind: 'member', id: a.child.id }],
      commitments: [{ description: 'Bellen met school', ownerLabel: 'Mama', dueOn: day(-2) }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const at = created.json().data;
    expectClientError(await send(contactA, 'POST', fam(a, `/ateliers/${at.id}/commitments`), { description: 'Te vroeg', ownerLabel: 'Mama', dueOn: day(-6) }), 400);
    const moved = await send(contactA, 'PATCH', fam(a, `/ateliers/${at.id}`), { version: 1, heldOn: day(-1) });
    expectClientError(moved, 400);
    expect(moved.json().error.details[0].path).toBe('body.heldOn');
    const [row] = await db().select().from(atelier).where(eq(atelier.id, at.id));
    expect(row).toMatchObject({ heldOn: day(-5), version: 1 });
    // Moving it earlier (or to the due date itself) is fine.
    expect((await send(contactA, 'PATCH', fam(a, `/ateliers/${at.id}`), { version: 1, heldOn: day(-2) })).statusCode).toBe(200);
  });
});

describe('parallel requests', () => {
  it('two handovers of one version: one wins, one 409; one open contact person', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const coordinator = await f.as.coordinator();
    const url = fam(f, '/contact');
    const [r1, r2] = await Promise.all([
      send(contact, 'POST', url, { personId: f.users.colleague.person.id, organisationId: f.orgA, version: 1 }),
      send(coordinator, 'POST', url, { personId: f.users.orgB.person.id, organisationId: f.orgB, version: 1 }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const open = await db().select().from(contactAssignment).where(and(eq(contactAssignment.familyId, f.familyId), isNull(contactAssignment.untilAt)));
    expect(open).toHaveLength(1);
  });

  it('two withdrawals of one consent: one 200, one 409; withdrawn once', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const [c] = await db().select().from(consent).where(and(eq(consent.familyId, f.familyId), eq(consent.organisationId, f.orgB)));
    const url = fam(f, `/consent/${c!.id}/withdraw`);
    const [r1, r2] = await Promise.all([send(contact, 'POST', url, {}), send(contact, 'POST', url, {})]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
  });

  it('the same consent recorded twice at once (a double click) gives one consent: one 201, one 409', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const body = { subjectMemberId: f.child.id, givenByMemberId: f.child.id, organisationId: f.orgC, scopes: ['read_plan', 'journal'] };
    const [r1, r2] = await Promise.all([send(contact, 'POST', fam(f, '/consent'), body), send(contact, 'POST', fam(f, '/consent'), body)]);
    expect([r1.statusCode, r2.statusCode].sort(), `${r1.body} ${r2.body}`).toEqual([201, 409]);
    const current = await db()
      .select()
      .from(consent)
      .where(and(eq(consent.familyId, f.familyId), eq(consent.organisationId, f.orgC), isNull(consent.withdrawnAt)));
    expect(current).toHaveLength(1);
    // Withdrawing it ends the access: no twin keeps the file open.
    expect((await send(contact, 'POST', fam(f, `/consent/${current[0]!.id}/withdraw`), {})).statusCode).toBe(200);
    const withdrawn = await f.as.withdrawn();
    expect((await withdrawn.client.get(fam(f, '/plan'))).statusCode).toBe(404);
    // A later consent for the same organisation after the withdrawal is a new one, not a duplicate.
    expect((await send(contact, 'POST', fam(f, '/consent'), body)).statusCode).toBe(201);
  });

  it('the same colleague added twice at once: one 201, one 409; one open team row', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const newcomer = await makeUser(db(), { organisationId: f.orgB, orgRoles: ['professional'] });
    const body = { personId: newcomer.person.id, organisationId: f.orgB };
    const [r1, r2] = await Promise.all([send(contact, 'POST', fam(f, '/team'), body), send(contact, 'POST', fam(f, '/team'), body)]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const rows = await db().select().from(teamMember).where(and(eq(teamMember.familyId, f.familyId), eq(teamMember.personId, newcomer.person.id), isNull(teamMember.untilAt)));
    expect(rows).toHaveLength(1);
  });

  it('two plan saves of one version: one 200, one 409 with the winner; the family agrees twice at once: one agreement', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const colleague = await f.as.colleague();
    const save = (who: LoggedIn, story: string) => send(who, 'PUT', fam(f, '/plan'), { basedOn: 0, summary: story, content: { story } });
    const [s1, s2] = await Promise.all([save(contact, 'Versie van Ruben'), save(colleague, 'Versie van Sofie')]);
    expect([s1.statusCode, s2.statusCode].sort()).toEqual([200, 409]);
    const loser = s1.statusCode === 409 ? s1 : s2;
    expect(loser.json().error.current.number).toBe(1);

    const agree = () => send(contact, 'POST', fam(f, '/plan/agreement'), { version: 1 });
    const [g1, g2] = await Promise.all([agree(), agree()]);
    expect([g1.statusCode, g2.statusCode].every((s) => s === 200 || s === 409), `${g1.body} ${g2.body}`).toBe(true);
    const [p] = await db().select().from(plan).where(eq(plan.familyId, f.familyId));
    expect(p).toMatchObject({ familyAgreedVersion: 1 });
    // Agreement with a version that is not the current one: 409, nothing changed.
    expectClientError(await send(contact, 'POST', fam(f, '/plan/agreement'), { version: 2 }), 409);
  });

  it('two escalations of one signal (team and coordinator at once): one 200, one 409', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const coordinator = await f.as.coordinator();
    const s = (await send(contact, 'POST', fam(f, '/signals'), { reason: 'Geen plan sinds maanden' })).json().data;
    const [e1, e2] = await Promise.all([
      send(contact, 'POST', fam(f, `/signals/${s.id}/escalate`), { version: 1 }),
      send(coordinator, 'POST', `/api/signals/${s.id}/escalate`, { version: 1 }),
    ]);
    expect([e1.statusCode, e2.statusCode].sort(), `${e1.body} ${e2.body}`).toEqual([200, 409]);
  });

  it('a request assigned twice at once creates one family: one 200, one 409', async () => {
    const coordinator = await a.as.coordinator();
    const created = await send(coordinator, 'POST', '/api/requests', {
      receivedOn: day(-2),
      channel: 'clb',
      familyName: 'Gezin Dubbel',
      question: 'Onze dochter slaapt slecht.',
      municipalityNis: '31005',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;
    expect((await send(coordinator, 'POST', `/api/requests/${id}/triage`, { version: 1 })).statusCode).toBe(200);
    const assign = (personId: string) => send(coordinator, 'POST', `/api/requests/${id}/assign-contact`, { version: 2, personId, organisationId: a.orgA });
    const [r1, r2] = await Promise.all([assign(a.users.contact.person.id), assign(a.users.colleague.person.id)]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const [req] = await db().select().from(familyRequest).where(eq(familyRequest.id, id));
    expect(req!.familyId).not.toBeNull();
    const families = await db().select().from(contactAssignment).where(eq(contactAssignment.familyId, req!.familyId!));
    expect(families).toHaveLength(1);
  });
});

describe('references and refusals a contract cannot see', () => {
  it('unknown organisations on waits and bridging help are 422, not 500; nothing written', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const ghost = crypto.randomUUID();
    expectClientError(await send(contact, 'POST', fam(f, '/waits'), { serviceText: 'Thuisbegeleiding', sinceOn: day(-3), organisationId: ghost }), 422);
    const w = (await send(contact, 'POST', fam(f, '/waits'), { serviceText: 'Thuisbegeleiding', sinceOn: day(-3) })).json().data;
    expectClientError(await send(contact, 'POST', fam(f, `/waits/${w.id}/bridging`), { provider: 'Buurvrouw', what: 'Opvang', fromOn: day(-1), organisationId: ghost }), 422);
    expectClientError(await send(contact, 'PATCH', fam(f, `/waits/${w.id}`), { version: 1, organisationId: ghost }), 422);
    expect(await db().select().from(wait).where(eq(wait.familyId, f.familyId))).toHaveLength(1);
  });

  it('an override with 0 hours or a reason of 19 characters is 400; a professional not on the team gets 404', async () => {
    const f = await careFamily(ctx);
    const withdrawn = await f.as.withdrawn();
    const outsider = await f.as.outsider();
    const ok = { basis: 'danger', reason: 'Acuut gevaar: politie meldt geweld thuis', hours: 24, scopes: ['read_plan'] };
    expectClientError(await send(withdrawn, 'POST', fam(f, '/overrides'), { ...ok, hours: 0 }), 400);
    expectClientError(await send(withdrawn, 'POST', fam(f, '/overrides'), { ...ok, reason: 'x'.repeat(19) }), 400);
    expectClientError(await send(outsider, 'POST', fam(f, '/overrides'), ok), 404);
    const overrides = await db().select().from(consent).where(and(eq(consent.familyId, f.familyId), eq(consent.kind, 'override')));
    expect(overrides).toEqual([]);
  });

  it('a commitment turned into a plan action twice at once: one 200, one 409; the plan holds the action once', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const colleague = await f.as.colleague();
    const at = (
      await send(contact, 'POST', fam(f, '/ateliers'), {
        heldOn: day(-1),
        participants: [{ kind: 'member', id: f.child.id }],
        commitments: [{ description: 'Een afspraak bij de huisarts maken', ownerLabel: 'Ruben', ownerPersonId: f.users.contact.person.id }],
      })
    ).json().data;
    const url = fam(f, `/commitments/${at.commitments[0].id}/to-plan`);
    const [r1, r2] = await Promise.all([send(contact, 'POST', url, { version: 1, planBasedOn: 0 }), send(colleague, 'POST', url, { version: 1, planBasedOn: 0 })]);
    expect([r1.statusCode, r2.statusCode].sort(), `${r1.body} ${r2.body}`).toEqual([200, 409]);
    const planNow = (await contact.client.get(fam(f, '/plan'))).json().data;
    expect(planNow.current.number).toBe(1);
    expect(planNow.current.content.actions).toHaveLength(1);
  });

  it('requests: an answer "plan started" without a family, a list filter that is no boolean, a resolved signal escalated by the region', async () => {
    const coordinator = await a.as.coordinator();
    const r = (await send(coordinator, 'POST', '/api/requests', { receivedOn: day(-1), channel: 'self', familyName: 'Gezin Antwoord', question: 'Vraag', municipalityNis: '31005' })).json().data;
    expect((await send(coordinator, 'POST', `/api/requests/${r.id}/triage`, { version: 1 })).statusCode).toBe(200);
    expectClientError(await send(coordinator, 'POST', `/api/requests/${r.id}/answer`, { version: 2, outcome: 'plan_started' }), 400);
    expectClientError(await coordinator.client.get('/api/requests?overdue=maybe'), 400);
    const sig = (await send(contactA, 'POST', fam(a, '/signals'), { reason: 'Al lang geen vooruitgang' })).json().data;
    expect((await send(contactA, 'POST', fam(a, `/signals/${sig.id}/resolve`), { version: 1 })).statusCode).toBe(200);
    expectClientError(await send(coordinator, 'POST', `/api/signals/${sig.id}/escalate`, { version: 2 }), 403); // the policy: nothing to escalate once resolved
    const [s] = await db().select().from(blockedSignal).where(eq(blockedSignal.id, sig.id));
    expect(s!.escalatedAt).toBeNull();
  });
});

describe('requests of another region and bad dates', () => {
  it('a coordinator of another region cannot read or move the region’s request; bad dates are 400 with nothing written', async () => {
    const coordinator = await a.as.coordinator();
    const created = await send(coordinator, 'POST', '/api/requests', { receivedOn: day(-3), channel: 'self', familyName: 'Gezin Regio', question: 'Vraag', municipalityNis: '31005' });
    const id = created.json().data.id as string;
    const elsewhere = await makeUser(db());
    const { testRegion } = await import('../../../../tests/helpers/families.js');
    await db().insert(platformRole).values({ personId: elsewhere.person.id, role: 'network_coordinator', regionId: await testRegion(db(), 'test-attack-other') });
    const other = await loginAs(ctx, 'network-coordinator', { user: elsewhere });
    expectClientError(await other.client.get(`/api/requests/${id}`), 404);
    expectClientError(await send(other, 'POST', `/api/requests/${id}/triage`, { version: 1 }), 404);
    // Dates.
    expectClientError(await send(coordinator, 'POST', '/api/requests', { receivedOn: day(-3), dueOn: day(-4), channel: 'self', familyName: 'Gezin X', question: 'V', municipalityNis: '31005' }), 400);
    expectClientError(await send(coordinator, 'POST', '/api/requests', { receivedOn: day(3), channel: 'self', familyName: 'Gezin X', question: 'V', municipalityNis: '31005' }), 400);
    expectClientError(await send(coordinator, 'POST', '/api/requests', { receivedOn: '0000-01-01', channel: 'self', familyName: 'Gezin X', question: 'V', municipalityNis: '31005' }), 400);
    expectClientError(await send(coordinator, 'POST', `/api/requests/${id}/first-contact`, { version: 1, on: today() }), 409); // not assigned yet
    // A stale version and a version from far away.
    expectClientError(await send(coordinator, 'POST', `/api/requests/${id}/triage`, { version: 7 }), 409);
    expectClientError(await send(coordinator, 'POST', `/api/requests/${id}/triage`, { version: 2 ** 53 }), 400);
    const [req] = await db().select().from(familyRequest).where(eq(familyRequest.id, id));
    expect(req).toMatchObject({ status: 'received', version: 1 });
  });
});
