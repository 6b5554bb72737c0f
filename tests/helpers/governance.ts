import { afterAll, beforeAll, expect } from 'vitest';
import { brusselsDate } from '../../src/server/platform/clock.js';
import { platformRole } from '../../src/server/db/schema/index.js';
import { ZBodyResponse, ZMeetingResponse, type TBody, type TBodyRole, type TMeetingDetail } from '../../src/shared/schemas/governance.js';
import { createTestApp, type TestContext } from './app.js';
import { makeOrganisation, makeUser } from './factories.js';
import { testRegion } from './families.js';
import { loginAs, type LoggedIn, type TestUser } from './login.js';

/** A logged-in professional with the test user behind the session. */
export type Pro = LoggedIn & { user: TestUser };

/** `day` (YYYY-MM-DD) moved by `n` days (negative: earlier). */
export function shift(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A request with a method the session client has no shortcut for (PATCH, PUT, DELETE), with an optional JSON body. */
export function send(who: LoggedIn, method: 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  return who.client.request({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

/**
 * The shared setting of the governance API tests: an app on a fresh database with a test region
 * (`regionCode`), organisation A, a network coordinator of every region and an outsider (a
 * professional of another organisation). Registers its own beforeAll/afterAll; call it at the top
 * level of a test file, before the file's own hooks, and read the values inside tests or hooks.
 *
 *   const gov = useGovernanceFixture('gov-m');
 *   const { body, chair, member } = await gov.bodyWith({ name: 'Stuurgroep', kind: 'steering_group', roles: ['chair', 'member'] });
 */
export function useGovernanceFixture(regionCode: string) {
  let ctx: TestContext | undefined;
  let regionId: string | undefined;
  let orgA: string | undefined;
  let coordinator: LoggedIn | undefined;
  let outsider: LoggedIn | undefined;
  let n = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    regionId = await testRegion(ctx.database.db, regionCode);
    orgA = (await makeOrganisation(ctx.database.db)).id;
    coordinator = await loginAs(ctx, 'network-coordinator');
    outsider = await loginAs(ctx, 'professional');
  });
  afterAll(() => ctx?.close());

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the governance fixture is used before its beforeAll ran');
    return value;
  };

  const fixture = {
    get ctx(): TestContext {
      return ready(ctx);
    },
    /** The id of the test region `regionCode`. */
    get regionId(): string {
      return ready(regionId);
    },
    /** The id of organisation A. */
    get orgA(): string {
      return ready(orgA);
    },
    /** A network coordinator of every region. */
    get coordinator(): LoggedIn {
      return ready(coordinator);
    },
    /** A professional of an organisation of their own, member of nothing. */
    get outsider(): LoggedIn {
      return ready(outsider);
    },

    /** A new professional of organisation A, logged in. */
    professional: async (): Promise<Pro> => (await loginAs(fixture.ctx, 'professional', { organisationId: fixture.orgA })) as Pro,

    /** Today in Brussels by the test clock. */
    today: (): string => brusselsDate(fixture.ctx.clock.now()),

    /** A coordinator of one region only (a platform role with region_id), logged in. */
    regionalCoordinator: async (forRegionId: string): Promise<LoggedIn> => {
      const user = await makeUser(fixture.ctx.database.db);
      await fixture.ctx.database.db.insert(platformRole).values({ personId: user.person.id, role: 'network_coordinator', regionId: forRegionId });
      return loginAs(fixture.ctx, 'network-coordinator', { user });
    },

    /**
     * A body of the test region made by the coordinator, named `name` plus a counter and the time,
     * with a new professional of organisation A per role (all logged in first, then added in the
     * order of `roles`, from `joinedOn`, for organisation A unless `withOrganisation` is false).
     */
    bodyWith: async <R extends TBodyRole = never>(opts: { name: string; kind: string; roles?: readonly R[]; joinedOn?: string; withOrganisation?: boolean }): Promise<{ body: TBody } & Record<R, Pro>> => {
      n++;
      const res = await fixture.coordinator.client.post('/api/governance/bodies', { name: `${opts.name} ${n} ${Date.now()}`, kind: opts.kind, regionCode });
      expect(res.statusCode, res.body).toBe(201);
      const body = ZBodyResponse.parse(res.json()).data;
      const people: [R, Pro][] = [];
      for (const role of opts.roles ?? []) people.push([role, await fixture.professional()]);
      for (const [role, who] of people) {
        const r = await fixture.coordinator.client.post(`/api/governance/bodies/${body.id}/members`, {
          personId: who.user.person.id,
          role,
          joinedOn: opts.joinedOn ?? '2026-01-01',
          ...(opts.withOrganisation === false ? {} : { organisationId: fixture.orgA }),
        });
        expect(r.statusCode, r.body).toBe(201);
      }
      return { body, ...(Object.fromEntries(people) as Record<R, Pro>) };
    },

    /** A meeting of the body (`payload` holds at least meetingDate); the full response. */
    createMeeting: async (who: LoggedIn, bodyId: string, payload: Record<string, unknown>) => {
      const res = await who.client.post(`/api/governance/bodies/${bodyId}/meetings`, payload);
      expect(res.statusCode, res.body).toBe(201);
      return ZMeetingResponse.parse(res.json());
    },

    /** Adds an agenda item (`payload` holds at least title and kind); the meeting after it. */
    addItem: async (who: LoggedIn, meetingId: string, payload: Record<string, unknown>): Promise<TMeetingDetail> => {
      const res = await who.client.post(`/api/governance/meetings/${meetingId}/items`, payload);
      expect(res.statusCode, res.body).toBe(201);
      return ZMeetingResponse.parse(res.json()).data;
    },
  };
  return fixture;
}
