/**
 * The access matrix: for every route of the app, which status each kind of caller gets.
 *
 * HOW A MODULE ADDS ITS ROWS
 * 1. Create `tests/access-matrix/<module>.matrix.ts` exporting `rows: MatrixRow[]` (copy identity.matrix.ts).
 * 2. Add one row per route, keyed exactly as the route inventory names it: `'<METHOD> <url>'`,
 *    e.g. `'PATCH /api/admin/organisations/:id'` (HEAD routes follow their GET row and need none).
 * 3. Fill `expect` for EVERY actor (the type insists). Targets live in organisation A: `orgAdmin`
 *    administers A, `orgAdminOther` administers B (so a record of A must stay hidden: 404), the
 *    `professional` works in A. Build the request in `request(f)`; it runs once per actor, so create
 *    the records it changes there (`f.makePersonInA()`), never share them between actors.
 * 4. Set `stepUp: true` when the route needs a fresh second factor (the harness confirms it for
 *    actors with a full session first), `fresh: true` when the request ends or changes the session.
 * 5. Import the file in access-matrix.test.ts (MODULES). The test fails when a route has no row or a
 *    row names a route that no longer exists, so a new route cannot ship without deciding who may call it.
 */
import type { TestContext } from '../helpers/app.js';

export const ACTORS = ['anonymous', 'passwordOnly', 'professional', 'orgAdminOther', 'orgAdmin', 'coordinator', 'platformAdmin'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface MatrixFixture {
  ctx: TestContext;
  /** Organisation A (the target organisation) and B (the other one). */
  orgA: string;
  orgB: string;
  /** A new active person in organisation A (with an account), for routes that change a person. */
  makePersonInA(opts?: { disabledBy?: 'platform' | 'organisation' }): Promise<{ personId: string; accountId: string }>;
  /** The current version of an organisation or person, for optimistic-concurrency writes. */
  organisationVersion(id: string): Promise<number>;
  personVersion(id: string): Promise<number>;
  /** A short unique suffix for names and e-mail addresses. */
  unique(): string;
}

export interface MatrixRequest {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface MatrixRow {
  /** `'<METHOD> <url pattern>'` exactly as in app.routeInventory. */
  route: string;
  /** The concrete request; defaults to the route's url (only for urls without parameters). */
  request?: (f: MatrixFixture, actor: ActorName) => MatrixRequest | Promise<MatrixRequest>;
  expect: Record<ActorName, number>;
  stepUp?: boolean;
  fresh?: boolean;
  /** Why the statuses are what they are, where not obvious. */
  note?: string;
}

/** Every actor gets the same status (public routes). */
export function all(status: number): Record<ActorName, number> {
  return Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<ActorName, number>;
}

/** Anonymous and password-only callers get 401; everyone with a full session gets `status`. */
export function fullSession(status: number): Record<ActorName, number> {
  return { ...all(status), anonymous: 401, passwordOnly: 401 };
}
