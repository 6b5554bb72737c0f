import { and, eq, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contactAssignment, consent, family, portalObjection, teamMember } from '../../db/schema/index.js';
import { CONSENT_SCOPES, type TConsentScope } from '../../../shared/schemas/families/enums.js';

/**
 * The access gate of family files, as SQL: the one definition `families.policy.ts` uses both for
 * single records (the facts below) and for lists (`familyScopeSql`), so the two always agree.
 *
 * A person reaches a family's file through an **open team membership** (team_member.until_at is
 * null) × a **current grant** covering the scope:
 * - a consent (kind 'consent') to the organisation the person is on the team for, either for the
 *   whole organisation (person_id null) or for this person, valid now and not withdrawn; or
 * - an override (kind 'override') for this person, valid now (it always has an end) and not withdrawn.
 * 'edit_plan' includes 'read_plan'. The open contact person additionally reaches the family's
 * registration (members, network, team, consent) without a consent: recording the consent is
 * their job. Nothing else grants access — not a platform role, not being a coordinator.
 */

/** A person id or moment as a value, or as a placeholder of a prepared statement (see familyFacts). */
type PersonParam = string | Placeholder;
type NowParam = Date | Placeholder;
const at = (now: NowParam) => (now instanceof Date ? now.toISOString() : now);

/** The condition "this grant row is current for the person on the team row `tm`" (consent alias `c`). */
function grantIsCurrent(personId: PersonParam, now: NowParam, teamOrganisation: SQL = sql`tm.organisation_id`): SQL {
  return sql`c.withdrawn_at is null and c.valid_from <= ${at(now)}::timestamptz and (c.valid_until is null or c.valid_until > ${at(now)}::timestamptz)
    and ((c.kind = 'consent' and c.organisation_id = ${teamOrganisation} and (c.person_id is null or c.person_id = ${personId})
        -- A youth's objection to this person (family portal): their consents no longer open the file.
        and not exists (select 1 from ${portalObjection} po where po.family_id = c.family_id and po.person_id = ${personId} and po.withdrawn_at is null))
      or (c.kind = 'override' and c.person_id = ${personId}))`;
}

/**
 * The families whose file the person may open (for lists and counts: add it to the query's where).
 * Refers to the `family` table by its name.
 */
export function familyScopeSql(personId: string, now: Date): SQL {
  return sql`exists (
    select 1 from ${teamMember} tm
    where tm.family_id = ${family.id} and tm.person_id = ${personId} and tm.until_at is null
      and (
        exists (select 1 from ${contactAssignment} ca where ca.family_id = tm.family_id and ca.person_id = ${personId} and ca.until_at is null)
        or exists (select 1 from ${consent} c where c.family_id = tm.family_id and ${grantIsCurrent(personId, now)})
      )
  )`;
}

/** The families where the person holds a current grant with this scope ('read_plan' is also met by 'edit_plan'). */
export function familyScopeWithSql(personId: string, now: Date, scope: TConsentScope): SQL {
  const scopes = scope === 'read_plan' ? ['read_plan', 'edit_plan'] : [scope];
  return sql`exists (
    select 1 from ${teamMember} tm join ${consent} c on c.family_id = tm.family_id
    where tm.family_id = ${family.id} and tm.person_id = ${personId} and tm.until_at is null
      and ${grantIsCurrent(personId, now)}
      and c.scopes && ${`{${scopes.join(',')}}`}::text[]
  )`;
}

/** What the policy needs to know about one family and the person asking. */
export interface FamilyFacts {
  id: string;
  regionId: string;
  status: 'open' | 'closed';
  version: number;
  /** The person is the family's open contact person. */
  isContact: boolean;
  /** The organisation the person is on the open team for (null: not on the team). */
  teamOrganisationId: string | null;
  /** The scopes the person holds now (consent or override); 'edit_plan' implies 'read_plan'. */
  scopes: TConsentScope[];
  /** Whether one of the current grants is an override (shown to the family later; audited). */
  viaOverride: boolean;
}

/** PGlite and node-postgres both return text[] as arrays; an empty aggregate may come as '{}'. */
function toScopes(value: string[] | string | null): TConsentScope[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.replace(/[{}]/g, '').split(',').filter(Boolean) : [];
  const set = new Set(list.filter((s): s is TConsentScope => (CONSENT_SCOPES as readonly string[]).includes(s)));
  if (set.has('edit_plan')) set.add('read_plan');
  return CONSENT_SCOPES.filter((s) => set.has(s));
}

/**
 * The columns of FamilyFacts, for a query over `family` left-joined (or joined) with the person's
 * open team row (`team_member`, one per family and person). Lists use it to give abilities per row.
 */
export function familyFactsColumns(personId: PersonParam, now: NowParam) {
  const pid = personId;
  const tmOrg = sql`${teamMember.organisationId}`;
  return {
    id: family.id,
    regionId: family.regionId,
    status: family.status,
    version: family.version,
    isContact: sql<boolean>`exists (select 1 from ${contactAssignment} ca where ca.family_id = ${family.id} and ca.person_id = ${pid} and ca.until_at is null)`,
    teamOrganisationId: teamMember.organisationId,
    scopes: sql<string[] | string | null>`(select coalesce(array_agg(distinct s), '{}'::text[]) from ${consent} c cross join lateral unnest(c.scopes) s
      where c.family_id = ${family.id} and ${teamMember.id} is not null and ${grantIsCurrent(pid, now, tmOrg)})`,
    viaOverride: sql<boolean>`exists (select 1 from ${consent} c where c.family_id = ${family.id} and ${teamMember.id} is not null and c.kind = 'override' and ${grantIsCurrent(pid, now, tmOrg)})`,
  };
}

type FactsRow = { version: number | string; isContact: boolean | null; scopes: string[] | string | null; viaOverride: boolean | null };
/** Turns a row of familyFactsColumns into FamilyFacts. */
export function toFamilyFacts<R extends FactsRow>(row: R): Omit<R, keyof FactsRow> & Pick<FamilyFacts, 'version' | 'isContact' | 'scopes' | 'viaOverride'> {
  return { ...row, version: Number(row.version), isContact: row.isContact === true, scopes: toScopes(row.scopes), viaOverride: row.viaOverride === true };
}

export const accessRepo = {
  /**
   * The facts of a family for one person at `now`, or undefined when the family does not exist.
   * With `lock`, the family row is locked for update (writes that change the family as a whole:
   * the plan, the contact person, the team).
   */
  async familyFacts(db: DbOrTx, familyId: string, personId: string | null, now: Date, opts: { lock?: boolean } = {}): Promise<FamilyFacts | undefined> {
    // Prepared (by name, once per pooled connection): every family request runs it first, and
    // planning its subqueries cost more than running them (docs/performance.md).
    const personParam = sql.placeholder('personId');
    const q = db
      .select(familyFactsColumns(personParam, sql.placeholder('now')))
      .from(family)
      .leftJoin(teamMember, and(eq(teamMember.familyId, family.id), eq(teamMember.personId, personParam), isNull(teamMember.untilAt)))
      .where(eq(family.id, sql.placeholder('familyId')));
    const prepared = opts.lock ? q.for('update', { of: family }).prepare('family_facts_locked') : q.prepare('family_facts');
    const [row] = await prepared.execute({ familyId, personId: personId ?? '00000000-0000-0000-0000-000000000000', now: now.toISOString() });
    if (!row) return undefined;
    return toFamilyFacts(row);
  },
};
