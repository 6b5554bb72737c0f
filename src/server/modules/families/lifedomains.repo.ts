import { asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { familyRequest, lifeDomain, planVersion } from '../../db/schema/index.js';

/** Every plan version's goals as rows `g` (a FROM item); content that is not a list of goals gives none. */
const goals = sql`${planVersion}, jsonb_array_elements(case when jsonb_typeof(${planVersion.content}->'goals') = 'array' then ${planVersion.content}->'goals' else '[]'::jsonb end) g`;
/** A goal's domain code (`domain`; older demo content says `lifeDomain`). */
const goalDomain = sql`coalesce(g->>'domain', g->>'lifeDomain')`;

/**
 * The life-domain list (the only SQL of its administration). Codes are referred to by value from
 * requests (`life_domains` text[]) and plan versions (goals' `domain` in the content), not by
 * foreign key: "in use" is asked here, before a delete.
 */
export const lifeDomainsRepo = {
  /** Every domain, active ones first, in their order. */
  all(db: DbOrTx) {
    return db.select().from(lifeDomain).orderBy(desc(lifeDomain.active), asc(lifeDomain.position), asc(lifeDomain.code));
  },

  /** Every domain, by code, locked for the rest of the transaction (changes of the list are serialised). */
  async lockAll(db: DbOrTx) {
    return db.select().from(lifeDomain).orderBy(asc(lifeDomain.position), asc(lifeDomain.code)).for('update');
  },

  async lock(db: DbOrTx, code: string) {
    const [row] = await db.select().from(lifeDomain).where(eq(lifeDomain.code, code)).for('update');
    return row;
  },

  async one(db: DbOrTx, code: string) {
    const [row] = await db.select().from(lifeDomain).where(eq(lifeDomain.code, code));
    return row;
  },

  /** The codes some request or plan version names (one pass over each table, for the admin list). */
  async codesInUse(db: DbOrTx): Promise<Set<string>> {
    const rows = await db.execute<{ code: string }>(sql`
      select distinct unnest(${familyRequest.lifeDomains}) as code from ${familyRequest}
      union
      select distinct ${goalDomain} as code from ${goals}`);
    return new Set((rows as unknown as { rows: { code: string | null }[] }).rows.map((r) => r.code).filter((c): c is string => c !== null));
  },

  /** Whether a request or plan version names this code (stops at the first). */
  async inUse(db: DbOrTx, code: string): Promise<boolean> {
    const rows = await db.execute<{ used: boolean }>(sql`select (
      exists (select 1 from ${familyRequest} where ${code} = any(${familyRequest.lifeDomains}))
      or exists (select 1 from ${goals} where ${goalDomain} = ${code})) as used`);
    const used = (rows as unknown as { rows: { used: boolean | string }[] }).rows[0]?.used;
    return used === true || used === 't';
  },

  async insert(db: DbOrTx, values: { code: string; nameNl: string; nameEn: string }) {
    // At the end of the list; a taken code fails on the primary key: 409 duplicate (platform/errors.ts).
    await db.insert(lifeDomain).values({ ...values, position: sql`(select coalesce(max(${lifeDomain.position}), 0) + 1 from ${lifeDomain})` });
  },

  async update(db: DbOrTx, code: string, values: Partial<{ nameNl: string; nameEn: string; active: boolean; position: number }>) {
    await db.update(lifeDomain).set(values).where(eq(lifeDomain.code, code));
  },

  async remove(db: DbOrTx, code: string) {
    await db.delete(lifeDomain).where(eq(lifeDomain.code, code));
  },
};
