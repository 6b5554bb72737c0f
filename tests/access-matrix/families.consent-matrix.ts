/**
 * The FAMILY ACCESS MATRIX: for every route of a family's file, which status each kind of person
 * gets — and so exactly who gets the family's data (issue 7). The generic matrix (matrix.ts) has
 * no actor on a family's team; this one has.
 *
 * HOW AN AREA ADDS ITS ROWS (plan, care, work …)
 * 1. Create `tests/access-matrix/families.<area>.consent-rows.ts` exporting `rows: FamilyMatrixRow[]`
 *    (copy families.core.consent-rows.ts).
 * 2. One row per route under `/api/families/:id…`, keyed as the route inventory names it
 *    (`'POST /api/families/:id/plan'`). Fill `expect` for EVERY actor (the type insists).
 * 3. `request(w, actor)` builds the request against the world `w`: a NEW family made for this row
 *    and actor (so a write never changes what the next actor sees), with every actor placed in it
 *    as described below. Create the records your request needs in `request` (`w.db`, `w.familyId`).
 * 4. `stepUp: true` when the route needs a fresh second factor. `verify(res, w, actor)` may return a
 *    problem text, e.g. to check that a list does or does not contain the family.
 * 5. Import the file in families.consent-matrix.test.ts (AREAS). The test fails when a route under
 *    `/api/families/:id` has no row or a row names a route that does not exist.
 *
 * THE ACTORS, for each world (family of region `w.regionId`, child 14, one parent):
 * - contactPerson: organisation A, the family's open contact person, on the team, NO consent
 *   (sees the registration — members, network, team, consent — not the plan or journal);
 * - teamWithConsent: organisation B, on the team, an organisation-wide consent of the youth to B
 *   with every scope (read_plan, edit_plan, journal);
 * - teamWithdrawn: organisation C, on the team, its consent withdrawn (404 everywhere but overrides);
 * - otherOrgProfessional: organisation D, not on the team;
 * - coordinator: network coordinator of the family's region (not on the team);
 * - platformAdmin: platform administrator (not on the team);
 * - anonymous: no session (401).
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/server/db/client.js';
import type { TestContext } from '../helpers/app.js';
import type { MatrixRequest } from './matrix.js';

export const FAMILY_ACTORS = ['contactPerson', 'teamWithConsent', 'teamWithdrawn', 'otherOrgProfessional', 'coordinator', 'platformAdmin', 'anonymous'] as const;
export type FamilyActor = (typeof FAMILY_ACTORS)[number];

/** The people of the matrix (the same for every world) and their organisations. */
export interface FamilyCast {
  orgA: string;
  orgB: string;
  orgC: string;
  orgD: string;
  personOf: Record<FamilyActor, string | null>;
}

/** One family made for one row and one actor, with the cast placed in it. */
export interface FamilyWorld extends FamilyCast {
  ctx: TestContext;
  db: Db;
  regionId: string;
  familyId: string;
  /** The youth (14) and the parent. */
  childId: string;
  parentId: string;
  /** The current consent to organisation B and the withdrawn one to C. */
  consentId: string;
  withdrawnConsentId: string;
  /** The open team rows of the cast, by actor (contactPerson, teamWithConsent, teamWithdrawn). */
  teamRowOf: Partial<Record<FamilyActor, string>>;
  /** A new active professional of organisation D (not on the team): to add, to hand over to. */
  newcomer(): Promise<{ personId: string; organisationId: string }>;
  unique(): string;
}

export interface FamilyMatrixRow {
  /** `'<METHOD> <url pattern>'` exactly as in app.routeInventory. */
  route: string;
  request: (w: FamilyWorld, actor: FamilyActor) => MatrixRequest | Promise<MatrixRequest>;
  expect: Record<FamilyActor, number>;
  stepUp?: boolean;
  /** A problem text when the answer is wrong beyond its status (e.g. a list shows the family to someone it must not). */
  verify?: (res: LightMyRequestResponse, w: FamilyWorld, actor: FamilyActor) => string | null;
  note?: string;
}

/** Only the open team with consent reads (the contact person too: the registration); everyone else 404, anonymous 401. */
export function readers(status: number, opts: { contactPerson?: number; teamWithConsent?: number } = {}): Record<FamilyActor, number> {
  return {
    contactPerson: opts.contactPerson ?? status,
    teamWithConsent: opts.teamWithConsent ?? status,
    teamWithdrawn: 404,
    otherOrgProfessional: 404,
    coordinator: 404,
    platformAdmin: 404,
    anonymous: 401,
  };
}

export const shortId = () => randomUUID().slice(0, 8);
