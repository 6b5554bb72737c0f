import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { upsertRegion, loadReferenceData } from '../../src/server/db/reference-data.js';
import { consent, contactAssignment, family, familyMember, teamMember } from '../../src/server/db/schema/index.js';
import type { TConsentScope } from '../../src/shared/schemas/families/enums.js';

/**
 * Families in a known state for tests that are not about how that state is reached (those tests
 * go through the HTTP API). Everything is inserted directly, as the families services would.
 */

/** Brugge and Oostende: municipalities of region Noord-West-Vlaanderen. */
export const TEST_MUNICIPALITIES = ['31005', '35013'] as const;

/** The test region (a 1G1P network of two municipalities); reference data is loaded on first use. */
export async function testRegion(db: Db, code = 'test-noord-west'): Promise<string> {
  await loadReferenceData(db);
  return upsertRegion(db, { code, name: `Regio ${code}`, kind: 'network' }, [...TEST_MUNICIPALITIES]);
}

/** A family with one child (born 14 years before `now`, so 12+) and one parent. */
export async function makeFamily(db: Db, opts: { regionId?: string; name?: string; now?: Date } = {}) {
  const regionId = opts.regionId ?? (await testRegion(db));
  const now = opts.now ?? new Date();
  const [f] = await db
    .insert(family)
    .values({ regionId, municipalityNis: TEST_MUNICIPALITIES[0], name: opts.name ?? `Gezin ${randomUUID().slice(0, 6)}`, pseudonym: `T-${randomUUID().slice(0, 8).toUpperCase()}` })
    .returning();
  if (!f) throw new Error('family not created');
  const birth = new Date(now);
  birth.setUTCFullYear(birth.getUTCFullYear() - 14);
  const [child] = await db
    .insert(familyMember)
    .values({ familyId: f.id, role: 'child', name: 'Test Jongere', birthDate: birth.toISOString().slice(0, 10) })
    .returning();
  const [parent] = await db.insert(familyMember).values({ familyId: f.id, role: 'parent', name: 'Test Ouder' }).returning();
  if (!child || !parent) throw new Error('members not created');
  return { family: f, child, parent };
}

/** Puts a person on the family's open team (and makes them the contact person with `contact`). */
export async function addToTeam(db: Db, familyId: string, personId: string, organisationId: string, opts: { contact?: boolean; at?: Date } = {}) {
  const at = opts.at ?? new Date(Date.now() - 60_000);
  await db.insert(teamMember).values({ familyId, personId, organisationId, fromAt: at });
  if (opts.contact) await db.insert(contactAssignment).values({ familyId, personId, organisationId, fromAt: at });
}

/** A current consent of the youth (`subjectMemberId`, giving it themselves) to an organisation or one person of it. */
export async function giveConsent(
  db: Db,
  opts: { familyId: string; memberId: string; organisationId: string; personId?: string; scopes: TConsentScope[]; from?: Date; until?: Date },
) {
  const [row] = await db
    .insert(consent)
    .values({
      familyId: opts.familyId,
      subjectMemberId: opts.memberId,
      givenByMemberId: opts.memberId,
      organisationId: opts.organisationId,
      personId: opts.personId ?? null,
      scopes: opts.scopes,
      validFrom: opts.from ?? new Date(Date.now() - 60_000),
      validUntil: opts.until ?? null,
    })
    .returning();
  if (!row) throw new Error('consent not created');
  return row;
}

/** Withdraws a consent at `at`. */
export async function withdrawConsent(db: Db, consentId: string, at = new Date()) {
  await db.update(consent).set({ withdrawnAt: at }).where(eq(consent.id, consentId));
}
