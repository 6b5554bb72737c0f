import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { careFamily, type CareFamily } from '../../../../tests/helpers/care.js';
import type { LoggedIn } from '../../../../tests/helpers/login.js';
import { atelier, commitment, networkPerson, planVersion } from '../../db/schema/index.js';
import { ZAtelierListResponse, ZAtelierResponse, ZCommitmentListResponse, ZCommitmentResponse } from '../../../shared/schemas/families/care.js';

let ctx: TestContext;
let f: CareFamily;
let contact: LoggedIn;
let orgB: LoggedIn;
let aunt: string;

beforeAll(async () => {
  ctx = await createTestApp();
  f = await careFamily(ctx);
  contact = await f.as.contact();
  orgB = await f.as.orgB();
  const [n] = await ctx.database.db.insert(networkPerson).values({ familyId: f.familyId, name: 'Tante Derya', relation: 'tante' }).returning();
  aunt = n!.id;
});
afterAll(() => ctx.close());

const url = () => `/api/families/${f.familyId}/ateliers`;
const patch = (who: LoggedIn, u: string, payload: unknown) => who.client.request({ method: 'PATCH', url: u, payload: payload as Record<string, unknown> });
const participants = () => [
  { kind: 'member', id: f.child.id },
  { kind: 'network', id: aunt },
  { kind: 'professional', id: f.users.contact.person.id },
  { kind: 'professional', id: f.users.orgB.person.id },
];

describe('ateliers and commitments', () => {
  it('records an atelier with the youth, the network and professionals of two organisations, and its commitments', async () => {
    const res = await contact.client.post(url(), {
      heldOn: '2026-06-10',
      participants: participants(),
      ideas: 'Een vaste studieplek buiten huis.',
      commitments: [
        { description: 'Studieplek in de bibliotheek regelen', ownerLabel: 'Contactpersoon', ownerPersonId: f.users.contact.person.id, dueOn: '2026-06-20' },
        { description: 'Meegaan naar de school', ownerLabel: 'Tante Derya', dueOn: '2026-06-30' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const a = ZAtelierResponse.parse(res.json()).data;
    expect(a.participants.map((p) => p.kind)).toEqual(['member', 'network', 'professional', 'professional']);
    expect(new Set(a.participants.filter((p) => p.kind === 'professional').map((p) => p.organisationId))).toEqual(new Set([f.orgA, f.orgB]));
    expect(a.commitments).toHaveLength(2);
    await expectAudited(ctx.database.db, 'atelier.create', { familyId: f.familyId, resourceId: a.id, details: { participants: 4, commitments: 2 } });

    const list = ZAtelierListResponse.parse((await orgB.client.get(url())).json());
    expect(list.data.items.map((i) => i.id)).toContain(a.id);
    expect(list.abilities).toEqual({ manage: false, toPlan: false });

    // Followed up until done: the open list shrinks.
    const open = ZCommitmentListResponse.parse((await contact.client.get(`/api/families/${f.familyId}/commitments`)).json()).data.items;
    expect(open.map((c) => c.description)).toEqual(['Studieplek in de bibliotheek regelen', 'Meegaan naar de school']);
    const done = await patch(contact, `/api/families/${f.familyId}/commitments/${open[0]!.id}`, { version: 1, status: 'done' });
    expect(done.statusCode).toBe(200);
    expect(ZCommitmentResponse.parse(done.json()).data).toMatchObject({ status: 'done', version: 2, overdue: false });
    const after = ZCommitmentListResponse.parse((await contact.client.get(`/api/families/${f.familyId}/commitments?status=open`)).json()).data.items;
    expect(after.map((c) => c.id)).toEqual([open[1]!.id]);
    expect((await patch(contact, `/api/families/${f.familyId}/commitments/${open[0]!.id}`, { version: 1, status: 'dropped' })).statusCode).toBe(409);
    await expectAudited(ctx.database.db, 'commitment.update', { resourceId: open[0]!.id, details: expect.objectContaining({ status: 'done' }) });

    const added = await contact.client.post(`${url()}/${a.id}/commitments`, { description: 'Stage zoeken', ownerLabel: 'Trajectbegeleider', ownerPersonId: f.users.orgB.person.id });
    expect(added.statusCode).toBe(201);
    const changed = await patch(contact, `${url()}/${a.id}`, { version: 1, ideas: 'Ook: een stage in de kinderopvang.' });
    expect(ZAtelierResponse.parse(changed.json()).data).toMatchObject({ ideas: 'Ook: een stage in de kinderopvang.', version: 2 });
    expect((await patch(contact, `${url()}/${a.id}`, { version: 1, ideas: 'Overschreven' })).statusCode).toBe(409);
  });

  it('bad input: a participant of another family, an owner not on the team, a due date before the atelier → 400, nothing stored', async () => {
    const other = await careFamily(ctx, { regionId: f.regionId });
    const count = async () => (await ctx.database.db.select().from(atelier).where(eq(atelier.familyId, f.familyId))).length;
    const before = await count();
    const strangers = await contact.client.post(url(), { heldOn: '2026-06-10', participants: [{ kind: 'member', id: other.child.id }] });
    expect(strangers.statusCode).toBe(400);
    expect(strangers.json().error.details).toEqual([expect.objectContaining({ path: 'body.participants.0.id' })]);
    const wrongKind = await contact.client.post(url(), { heldOn: '2026-06-10', participants: [{ kind: 'professional', id: f.child.id }] });
    expect(wrongKind.statusCode).toBe(400);
    const outsider = await contact.client.post(url(), { heldOn: '2026-06-10', participants: [{ kind: 'professional', id: f.users.outsider.person.id }] });
    expect(outsider.statusCode).toBe(400);
    const owner = await contact.client.post(url(), {
      heldOn: '2026-06-10',
      participants: participants(),
      commitments: [{ description: 'Iets doen', ownerLabel: 'Iemand', ownerPersonId: other.users.contact.person.id }],
    });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().error.details).toEqual([expect.objectContaining({ path: 'body.commitments.0.ownerPersonId' })]);
    const early = await contact.client.post(url(), { heldOn: '2026-06-10', participants: participants(), commitments: [{ description: 'Te vroeg', ownerLabel: 'Iemand', dueOn: '2026-06-01' }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toEqual([expect.objectContaining({ path: 'body.commitments.0.dueOn' })]);
    expect((await contact.client.post(url(), { heldOn: '2026-06-10', participants: [] })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('refusals: withdrawn consent, outsiders, coordinators → 404; read-only → 403; another family’s commitment → 404', async () => {
    for (const who of [await f.as.withdrawn(), await f.as.outsider(), await f.as.coordinator()]) {
      expect((await who.client.get(url())).statusCode).toBe(404);
      expect((await who.client.post(url(), { heldOn: '2026-06-10', participants: participants() })).statusCode).toBe(404);
    }
    expect((await orgB.client.post(url(), { heldOn: '2026-06-10', participants: participants() })).statusCode).toBe(403);
    const other = await careFamily(ctx, { regionId: f.regionId });
    const theirs = ZAtelierResponse.parse(
      (await (await other.as.contact()).client.post(`/api/families/${other.familyId}/ateliers`, {
        heldOn: '2026-06-10', participants: [{ kind: 'member', id: other.child.id }], commitments: [{ description: 'Van hen', ownerLabel: 'Iemand' }],
      })).json(),
    ).data;
    expect((await patch(contact, `/api/families/${f.familyId}/commitments/${theirs.commitments[0]!.id}`, { version: 1, status: 'done' })).statusCode).toBe(404);
    expect((await patch(contact, `${url()}/${theirs.id}`, { version: 1, ideas: 'x' })).statusCode).toBe(404);
  });

  it('a commitment becomes a plan action through the plan service: a new version, the key remembered, once', async () => {
    const a = ZAtelierResponse.parse(
      (await contact.client.post(url(), {
        heldOn: '2026-06-12', participants: participants(),
        commitments: [{ description: 'Stageplaats in de kinderopvang zoeken', ownerLabel: 'Trajectbegeleider', ownerPersonId: f.users.orgB.person.id, dueOn: '2026-07-01' }],
      })).json(),
    ).data;
    const c = a.commitments[0]!;
    const to = (payload: unknown) => contact.client.post(`/api/families/${f.familyId}/commitments/${c.id}/to-plan`, payload);
    expect((await to({ version: 1, planBasedOn: 3 })).statusCode).toBe(409);
    const res = await to({ version: 1, planBasedOn: 0 });
    expect(res.statusCode).toBe(200);
    const key = ZCommitmentResponse.parse(res.json()).data.planActionKey;
    expect(key).not.toBeNull();
    const versions = await ctx.database.db.select().from(planVersion).where(eq(planVersion.familyId, f.familyId));
    expect(versions).toHaveLength(1);
    const content = versions[0]!.content as { actions: { key: string; what: string; owner: unknown }[] };
    expect(content.actions).toEqual([expect.objectContaining({ key, what: 'Stageplaats in de kinderopvang zoeken', owner: { kind: 'team', personId: f.users.orgB.person.id } })]);
    await expectAudited(ctx.database.db, 'plan.save', { familyId: f.familyId });
    await expectAudited(ctx.database.db, 'commitment.to_plan', { resourceId: c.id, details: { planActionKey: key } });
    expect((await to({ version: 2, planBasedOn: 1 })).statusCode).toBe(409);
    const [row] = await ctx.database.db.select().from(commitment).where(eq(commitment.id, c.id));
    expect(row!.planActionKey).toBe(key);
    expect((await orgB.client.post(`/api/families/${f.familyId}/commitments/${c.id}/to-plan`, { version: 2, planBasedOn: 1 })).statusCode).toBe(403);
  });
});
