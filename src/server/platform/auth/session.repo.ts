import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { account, person, session } from '../../db/schema/index.js';
import { randomToken, sha256 } from './tokens.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

/** 'password' → 'full' for professionals; 'portal' for a family login (one-time e-mail code). */
export type SessionLevel = 'password' | 'full' | 'portal';

/** The session lookup of every request, prepared once per database handle (see findLive). */
function findLiveQuery(db: DbOrTx) {
  const today = sql`${sql.placeholder('today')}::date`;
  return db
    .select({
      id: session.id,
      level: session.level,
      csrfToken: session.csrfToken,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      reauthenticatedAt: session.reauthenticatedAt,
      accountId: account.id,
      email: account.email,
      accountKind: account.kind,
      mfaEnabled: sql<boolean>`${account.mfaEnabledAt} is not null`,
      personId: account.personId,
      personName: person.name,
      platformRoles: sql<{ role: string; regionId: string | null }[]>`coalesce((
        select json_agg(json_build_object('role', pr.role, 'regionId', pr.region_id) order by pr.role)
        from platform_role pr where pr.person_id = ${person.id}), '[]'::json)`,
      memberships: sql<{ organisationId: string; organisationName: string; roles: string[] }[]>`coalesce((
        select json_agg(json_build_object('organisationId', o.id, 'organisationName', o.name, 'roles', m.roles) order by o.name)
        from membership m join organisation o on o.id = m.organisation_id
        where m.person_id = ${person.id} and m.valid_from <= ${today}
          and (m.valid_until is null or m.valid_until >= ${today})), '[]'::json)`,
    })
    .from(session)
    .innerJoin(account, eq(account.id, session.accountId))
    .leftJoin(person, eq(person.id, account.personId))
    .where(
      and(
        eq(session.tokenHash, sql.placeholder('tokenHash')),
        isNull(session.revokedAt),
        sql`${session.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
        sql`${session.lastSeenAt} > ${sql.placeholder('idleCutoff')}::timestamptz`,
        eq(account.status, 'active'),
        sql`(${person.id} is null or ${person.status} = 'active')`,
      ),
    )
    .prepare('session_find_live');
}
const findLiveQueries = new WeakMap<DbOrTx, ReturnType<typeof findLiveQuery>>();

/** SQL for login sessions and what a session's account may do. */
export const sessionRepo = {
  /** Creates a session and returns the token for the cookie (only its hash is stored). */
  async create(
    db: DbOrTx,
    input: { accountId: string; level: SessionLevel; ip: string | null; userAgent: string | null; now: Date; expiresAt?: Date },
  ) {
    const token = randomToken();
    const csrfToken = randomToken();
    const [row] = await db
      .insert(session)
      .values({
        tokenHash: sha256(token),
        accountId: input.accountId,
        level: input.level,
        csrfToken,
        createdAt: input.now,
        lastSeenAt: input.now,
        expiresAt: input.expiresAt ?? new Date(input.now.getTime() + SESSION_ABSOLUTE_MS),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: session.id });
    if (!row) throw new Error('session insert returned nothing');
    return { id: row.id, token, csrfToken };
  },

  /**
   * The live session for a token — not revoked, not past its absolute or idle limit, account and
   * person active — with the person's platform roles and current memberships, in one query.
   * It runs on every authenticated request, so it is a prepared statement: PostgreSQL plans it once
   * per connection instead of on every request (planning cost several times its execution).
   */
  async findLive(db: DbOrTx, token: string, now: Date, today: string) {
    let query = findLiveQueries.get(db);
    if (!query) {
      query = findLiveQuery(db);
      findLiveQueries.set(db, query);
    }
    const [row] = await query.execute({
      tokenHash: sha256(token),
      now: now.toISOString(),
      idleCutoff: new Date(now.getTime() - SESSION_IDLE_MS).toISOString(),
      today,
    });
    return row;
  },

  markReauthenticated(db: DbOrTx, id: string, now: Date) {
    return db.update(session).set({ reauthenticatedAt: now, lastSeenAt: now }).where(eq(session.id, id));
  },

  touch(db: DbOrTx, id: string, now: Date) {
    return db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
  },

  revoke(db: DbOrTx, id: string, now: Date) {
    return db.update(session).set({ revokedAt: now }).where(and(eq(session.id, id), isNull(session.revokedAt)));
  },

  /** Revokes one session of this account; false when it is not theirs or already ended. */
  async revokeOwn(db: DbOrTx, accountId: string, id: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(session)
      .set({ revokedAt: now })
      .where(and(eq(session.id, id), eq(session.accountId, accountId), isNull(session.revokedAt)))
      .returning({ id: session.id });
    return rows.length > 0;
  },

  /** Ends every session of an account (optionally but one); returns how many ended. */
  async revokeAll(db: DbOrTx, accountId: string, now: Date, exceptId?: string): Promise<number> {
    const rows = await db
      .update(session)
      .set({ revokedAt: now })
      .where(and(eq(session.accountId, accountId), isNull(session.revokedAt), exceptId ? ne(session.id, exceptId) : undefined))
      .returning({ id: session.id });
    return rows.length;
  },

  listLive(db: DbOrTx, accountId: string, now: Date) {
    return db
      .select({
        id: session.id,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
        ip: session.ip,
        userAgent: session.userAgent,
      })
      .from(session)
      .where(
        and(
          eq(session.accountId, accountId),
          isNull(session.revokedAt),
          gt(session.expiresAt, now),
          gt(session.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        ),
      )
      .orderBy(desc(session.lastSeenAt));
  },
};
