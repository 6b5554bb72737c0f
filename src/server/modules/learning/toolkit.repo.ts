import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  learningPartnership,
  learningPartnershipAssessment,
  learningPartnershipMember,
  learningPartnershipRound,
  learningToolkitContent,
  organisation,
  person,
  type TStoredCheck,
  type TStoredScore,
} from '../../db/schema/index.js';
import { afterCursor, containsPattern, toPage } from '../../db/paging.js';
import type { TToolkitTexts } from '../../../shared/schemas/learning-toolkit.js';

/** SQL of the collaboration toolkit: content versions, partnerships, rounds and assessments. */

const contentColumns = {
  version: learningToolkitContent.version,
  texts: learningToolkitContent.texts,
  createdAt: learningToolkitContent.createdAt,
  createdByName: person.name,
};

type ContentRow = { version: number; texts: TToolkitTexts; createdAt: Date; createdByName: string | null };
const toContent = (r: ContentRow) => ({ version: r.version, ...r.texts, createdAt: r.createdAt.toISOString(), createdByName: r.createdByName });

export const toolkitRepo = {
  /** The newest content version (with `lock`, locked until the transaction ends, so edits run one after the other). */
  async currentContent(db: DbOrTx, lock = false) {
    const q = db.select(contentColumns).from(learningToolkitContent).leftJoin(person, eq(person.id, learningToolkitContent.createdBy)).orderBy(desc(learningToolkitContent.version)).limit(1);
    const [row] = lock ? await q.for('update', { of: learningToolkitContent }) : await q;
    return row ? toContent(row) : undefined;
  },

  async contents(db: DbOrTx, versions: number[]) {
    if (!versions.length) return [];
    const rows = await db
      .select(contentColumns)
      .from(learningToolkitContent)
      .leftJoin(person, eq(person.id, learningToolkitContent.createdBy))
      .where(inArray(learningToolkitContent.version, versions))
      .orderBy(asc(learningToolkitContent.version));
    return rows.map(toContent);
  },

  /** Inserts a content version; `onConflictDoNothing` keeps the first version idempotent. */
  async insertContent(db: DbOrTx, version: number, texts: TToolkitTexts, createdBy: string | null, now: Date, ignoreDuplicate = false) {
    const q = db.insert(learningToolkitContent).values({ version, texts, createdBy, createdAt: now });
    await (ignoreDuplicate ? q.onConflictDoNothing() : q);
  },

  async pagePartnerships(db: DbOrTx, input: { scope: SQL; cursor?: string | undefined; limit: number }) {
    const sortKey = sql`lower(${learningPartnership.name})`;
    const rows = await db
      .select({
        id: learningPartnership.id,
        name: learningPartnership.name,
        description: learningPartnership.description,
        version: learningPartnership.version,
        roundCount: sql<number>`(select count(*)::int from learning_partnership_round r where r.partnership_id = "learning_partnership"."id")`,
        lastRoundDate: sql<string | null>`(select max(r.date)::text from learning_partnership_round r where r.partnership_id = "learning_partnership"."id")`,
      })
      .from(learningPartnership)
      .where(and(input.scope, afterCursor(sortKey, learningPartnership.id, input.cursor)))
      .orderBy(asc(sortKey), asc(learningPartnership.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.name.toLowerCase(), id: r.id }));
    const members = await this.members(db, page.items.map((p) => p.id));
    return { items: page.items.map((p) => ({ ...p, members: members.get(p.id) ?? [] })), nextCursor: page.nextCursor };
  },

  /** Member organisations per partnership, by name. */
  async members(db: DbOrTx, partnershipIds: string[]) {
    const out = new Map<string, { organisationId: string; organisationName: string }[]>();
    if (!partnershipIds.length) return out;
    const rows = await db
      .select({ partnershipId: learningPartnershipMember.partnershipId, organisationId: learningPartnershipMember.organisationId, organisationName: organisation.name })
      .from(learningPartnershipMember)
      .innerJoin(organisation, eq(organisation.id, learningPartnershipMember.organisationId))
      .where(inArray(learningPartnershipMember.partnershipId, partnershipIds))
      .orderBy(asc(organisation.name));
    for (const r of rows) out.set(r.partnershipId, [...(out.get(r.partnershipId) ?? []), { organisationId: r.organisationId, organisationName: r.organisationName }]);
    return out;
  },

  /** The partnership row and its member organisations; with `lock` the row stays locked until the transaction ends. */
  async partnershipFacts(db: DbOrTx, id: string, lock = false) {
    const q = db.select().from(learningPartnership).where(eq(learningPartnership.id, id));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) return undefined;
    const members = await db.select({ organisationId: learningPartnershipMember.organisationId }).from(learningPartnershipMember).where(eq(learningPartnershipMember.partnershipId, id));
    return { ...row, organisationIds: members.map((m) => m.organisationId) };
  },

  /** Organisations by name (at most 50), optionally those whose name contains `q`. */
  /** Of these criterion keys, the ones some partner already scored (in any round, any content version). */
  async answeredCriteria(db: DbOrTx, keys: string[]): Promise<string[]> {
    if (!keys.length) return [];
    const result: unknown = await db.execute(
      sql`select distinct s.elem->>'criterion' as criterion from ${learningPartnershipAssessment}, jsonb_array_elements(${learningPartnershipAssessment.scores}) as s(elem) where s.elem->>'criterion' in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`,
    );
    return (result as { rows: { criterion: string }[] }).rows.map((r) => r.criterion);
  },

  async organisationOptions(db: DbOrTx, q: string | undefined) {
    return db
      .select({ id: organisation.id, name: organisation.name })
      .from(organisation)
      .where(q ? sql`${organisation.name} ilike ${containsPattern(q)}` : undefined)
      .orderBy(asc(sql`lower(${organisation.name})`), asc(organisation.id))
      .limit(50);
  },

  async existingOrganisations(db: DbOrTx, ids: string[]): Promise<string[]> {
    const rows = await db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.id, ids));
    return rows.map((r) => r.id);
  },

  async insertPartnership(db: DbOrTx, values: { name: string; description: string }, createdBy: string | null, now: Date): Promise<string> {
    const [row] = await db.insert(learningPartnership).values({ ...values, createdBy, createdAt: now, updatedAt: now }).returning({ id: learningPartnership.id });
    if (!row) throw new Error('partnership not inserted');
    return row.id;
  },

  async setMembers(db: DbOrTx, partnershipId: string, organisationIds: string[]) {
    await db.delete(learningPartnershipMember).where(eq(learningPartnershipMember.partnershipId, partnershipId));
    await db.insert(learningPartnershipMember).values(organisationIds.map((organisationId) => ({ partnershipId, organisationId })));
  },

  async updatePartnership(db: DbOrTx, id: string, version: number, values: { name?: string; description?: string }, now: Date): Promise<boolean> {
    const rows = await db
      .update(learningPartnership)
      .set({ ...values, version: sql`${learningPartnership.version} + 1`, updatedAt: now })
      .where(and(eq(learningPartnership.id, id), eq(learningPartnership.version, version)))
      .returning({ id: learningPartnership.id });
    return rows.length === 1;
  },

  /** The rounds of a partnership (oldest first) with every partner's assessment. */
  async rounds(db: DbOrTx, partnershipId: string) {
    const rounds = await db
      .select({ id: learningPartnershipRound.id, date: learningPartnershipRound.date, contentVersion: learningPartnershipRound.contentVersion, version: learningPartnershipRound.version })
      .from(learningPartnershipRound)
      .where(eq(learningPartnershipRound.partnershipId, partnershipId))
      .orderBy(asc(learningPartnershipRound.date), asc(learningPartnershipRound.createdAt), asc(learningPartnershipRound.id));
    const ids = rounds.map((r) => r.id);
    const assessments = ids.length
      ? await db
          .select({
            id: learningPartnershipAssessment.id,
            roundId: learningPartnershipAssessment.roundId,
            organisationId: learningPartnershipAssessment.organisationId,
            organisationName: organisation.name,
            scores: learningPartnershipAssessment.scores,
            phase: learningPartnershipAssessment.phase,
            checklist: learningPartnershipAssessment.checklist,
            filledByName: person.name,
            updatedAt: learningPartnershipAssessment.updatedAt,
            version: learningPartnershipAssessment.version,
          })
          .from(learningPartnershipAssessment)
          .innerJoin(organisation, eq(organisation.id, learningPartnershipAssessment.organisationId))
          .leftJoin(person, eq(person.id, learningPartnershipAssessment.filledBy))
          .where(inArray(learningPartnershipAssessment.roundId, ids))
          .orderBy(asc(organisation.name))
      : [];
    return rounds.map((r) => ({
      ...r,
      assessments: assessments.filter((a) => a.roundId === r.id).map(({ roundId: _r, ...a }) => ({ ...a, updatedAt: a.updatedAt.toISOString() })),
    }));
  },

  async insertRound(db: DbOrTx, values: { partnershipId: string; date: string; contentVersion: number }, createdBy: string | null, now: Date): Promise<string> {
    const [row] = await db.insert(learningPartnershipRound).values({ ...values, createdBy, createdAt: now, updatedAt: now }).returning({ id: learningPartnershipRound.id });
    if (!row) throw new Error('round not inserted');
    return row.id;
  },

  async round(db: DbOrTx, partnershipId: string, roundId: string) {
    const [row] = await db
      .select()
      .from(learningPartnershipRound)
      .where(and(eq(learningPartnershipRound.id, roundId), eq(learningPartnershipRound.partnershipId, partnershipId)));
    return row;
  },

  /** A view was written in the round: its version goes up (a deletion confirmed on an older version is refused). */
  async touchRound(db: DbOrTx, roundId: string, now: Date) {
    await db
      .update(learningPartnershipRound)
      .set({ version: sql`${learningPartnershipRound.version} + 1`, updatedAt: now })
      .where(eq(learningPartnershipRound.id, roundId));
  },

  /** The organisations that filled in a view in the round. */
  async roundViewOrganisations(db: DbOrTx, roundId: string): Promise<string[]> {
    const rows = await db.select({ organisationId: learningPartnershipAssessment.organisationId }).from(learningPartnershipAssessment).where(eq(learningPartnershipAssessment.roundId, roundId));
    return rows.map((r) => r.organisationId);
  },

  /** Deletes the round with its views. */
  async deleteRound(db: DbOrTx, roundId: string) {
    await db.delete(learningPartnershipAssessment).where(eq(learningPartnershipAssessment.roundId, roundId));
    await db.delete(learningPartnershipRound).where(eq(learningPartnershipRound.id, roundId));
  },

  async lockAssessment(db: DbOrTx, roundId: string, organisationId: string) {
    const [row] = await db
      .select()
      .from(learningPartnershipAssessment)
      .where(and(eq(learningPartnershipAssessment.roundId, roundId), eq(learningPartnershipAssessment.organisationId, organisationId)))
      .for('update');
    return row;
  },

  async insertAssessment(db: DbOrTx, values: { roundId: string; organisationId: string; scores: TStoredScore[]; phase: string; checklist: TStoredCheck[] }, filledBy: string | null, now: Date): Promise<string> {
    const [row] = await db.insert(learningPartnershipAssessment).values({ ...values, filledBy, createdAt: now, updatedAt: now }).returning({ id: learningPartnershipAssessment.id });
    if (!row) throw new Error('assessment not inserted');
    return row.id;
  },

  async updateAssessment(db: DbOrTx, id: string, version: number, values: { scores: TStoredScore[]; phase: string; checklist: TStoredCheck[] }, filledBy: string | null, now: Date): Promise<boolean> {
    const rows = await db
      .update(learningPartnershipAssessment)
      .set({ ...values, filledBy, version: sql`${learningPartnershipAssessment.version} + 1`, updatedAt: now })
      .where(and(eq(learningPartnershipAssessment.id, id), eq(learningPartnershipAssessment.version, version)))
      .returning({ id: learningPartnershipAssessment.id });
    return rows.length === 1;
  },
};
