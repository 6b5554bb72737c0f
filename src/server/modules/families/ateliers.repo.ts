import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { atelier, commitment, familyMember, networkPerson, organisation, person, teamMember } from '../../db/schema/index.js';
import type { COMMITMENT_STATUSES, TDisclosure } from '../../../shared/schemas/families/enums.js';
import type { TParticipant } from '../../../shared/schemas/families/care.js';

type TCommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

const commitmentColumns = {
  id: commitment.id,
  atelierId: commitment.atelierId,
  atelierHeldOn: atelier.heldOn,
  description: commitment.description,
  ownerLabel: commitment.ownerLabel,
  ownerPersonId: commitment.ownerPersonId,
  dueOn: commitment.dueOn,
  status: commitment.status,
  planActionKey: commitment.planActionKey,
  version: commitment.version,
};
export type CommitmentRow = Awaited<ReturnType<typeof ateliersRepo.commitments>>[number];

export interface CommitmentValues {
  description: string;
  ownerLabel: string;
  ownerPersonId: string | null;
  dueOn: string | null;
}

export const ateliersRepo = {
  /** The family's ateliers, newest first (or one). */
  ateliers(db: DbOrTx, familyId: string, atelierId?: string) {
    return db
      .select({ id: atelier.id, heldOn: atelier.heldOn, participants: atelier.participants, ideas: atelier.ideas, disclosure: atelier.disclosure, youthMemberId: atelier.youthMemberId, version: atelier.version })
      .from(atelier)
      .where(and(eq(atelier.familyId, familyId), atelierId ? eq(atelier.id, atelierId) : undefined))
      .orderBy(desc(atelier.heldOn), desc(atelier.id));
  },

  /** Commitments of the family: of some ateliers, one, or by status (open ones by due date). */
  commitments(db: DbOrTx, familyId: string, opts: { atelierIds?: string[]; commitmentId?: string; status?: TCommitmentStatus }) {
    if (opts.atelierIds && opts.atelierIds.length === 0) return Promise.resolve([]);
    return db
      .select(commitmentColumns)
      .from(commitment)
      .innerJoin(atelier, eq(atelier.id, commitment.atelierId))
      .where(
        and(
          eq(commitment.familyId, familyId),
          opts.atelierIds ? inArray(commitment.atelierId, opts.atelierIds) : undefined,
          opts.commitmentId ? eq(commitment.id, opts.commitmentId) : undefined,
          opts.status ? eq(commitment.status, opts.status) : undefined,
        ),
      )
      .orderBy(sql`${commitment.dueOn} asc nulls last`, asc(commitment.createdAt), asc(commitment.id));
  },

  async lockAtelier(db: DbOrTx, familyId: string, atelierId: string) {
    const [row] = await db.select().from(atelier).where(and(eq(atelier.id, atelierId), eq(atelier.familyId, familyId))).for('update');
    return row;
  },

  async lockCommitment(db: DbOrTx, familyId: string, commitmentId: string) {
    const [row] = await db
      .select({ c: commitment, heldOn: atelier.heldOn })
      .from(commitment)
      .innerJoin(atelier, eq(atelier.id, commitment.atelierId))
      .where(and(eq(commitment.id, commitmentId), eq(commitment.familyId, familyId)))
      .for('update', { of: commitment });
    return row;
  },

  /** Who may take part in this family's ateliers: its current members, network and open team (with their organisation). */
  async possibleParticipants(db: DbOrTx, familyId: string): Promise<TParticipant[]> {
    const members = await db
      .select({ id: familyMember.id, name: familyMember.name })
      .from(familyMember)
      .where(and(eq(familyMember.familyId, familyId), isNull(familyMember.endedAt)));
    const network = await db
      .select({ id: networkPerson.id, name: networkPerson.name })
      .from(networkPerson)
      .where(and(eq(networkPerson.familyId, familyId), isNull(networkPerson.endedAt)));
    const team = await db
      .select({ id: teamMember.personId, name: person.name, organisationId: teamMember.organisationId, organisationName: organisation.name })
      .from(teamMember)
      .innerJoin(person, eq(person.id, teamMember.personId))
      .innerJoin(organisation, eq(organisation.id, teamMember.organisationId))
      .where(and(eq(teamMember.familyId, familyId), isNull(teamMember.untilAt)));
    return [
      ...members.map((m) => ({ kind: 'member' as const, id: m.id, name: m.name, organisationId: null, organisationName: null })),
      ...network.map((n) => ({ kind: 'network' as const, id: n.id, name: n.name, organisationId: null, organisationName: null })),
      ...team.map((t) => ({ kind: 'professional' as const, ...t })),
    ];
  },

  async insertAtelier(
    db: DbOrTx,
    values: { familyId: string; heldOn: string; participants: TParticipant[]; ideas: string | null; createdBy: string | null; disclosure: TDisclosure; youthMemberId: string | null },
    now: Date,
  ) {
    const [row] = await db.insert(atelier).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: atelier.id });
    if (!row) throw new Error('atelier not inserted');
    return row.id;
  },

  async updateAtelier(
    db: DbOrTx,
    atelierId: string,
    version: number,
    values: Partial<{ heldOn: string; participants: TParticipant[]; ideas: string | null; disclosure: TDisclosure; youthMemberId: string | null }>,
    now: Date,
  ) {
    const rows = await db
      .update(atelier)
      .set({ ...values, updatedAt: now, version: sql`${atelier.version} + 1` })
      .where(and(eq(atelier.id, atelierId), eq(atelier.version, version)))
      .returning({ id: atelier.id });
    return rows.length === 1;
  },

  async insertCommitments(db: DbOrTx, familyId: string, atelierId: string, values: CommitmentValues[], now: Date): Promise<string[]> {
    if (values.length === 0) return [];
    const rows = await db
      .insert(commitment)
      .values(values.map((v) => ({ ...v, familyId, atelierId, createdAt: now, updatedAt: now })))
      .returning({ id: commitment.id });
    return rows.map((r) => r.id);
  },

  async updateCommitment(
    db: DbOrTx,
    commitmentId: string,
    version: number,
    values: Partial<CommitmentValues & { status: TCommitmentStatus; planActionKey: string }>,
    now: Date,
  ) {
    const rows = await db
      .update(commitment)
      .set({ ...values, updatedAt: now, version: sql`${commitment.version} + 1` })
      .where(and(eq(commitment.id, commitmentId), eq(commitment.version, version)))
      .returning({ id: commitment.id });
    return rows.length === 1;
  },
};
