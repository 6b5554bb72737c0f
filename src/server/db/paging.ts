import { sql, type SQL } from 'drizzle-orm';
import { Invalid, detailPath } from '../platform/errors.js';

/**
 * Keyset paging for repositories. A page is ordered by a sort key and the row id (the tie
 * breaker); the cursor is the (sort key, id) of the last row handed out, opaque to callers
 * (base64url JSON). The next page is "rows after that pair", so paging stays stable and cheap
 * while rows are added, unlike OFFSET.
 */
export interface Keyset {
  /** The sort key of the last row (e.g. lower(name)). */
  key: string;
  id: string;
}

export const PAGE_LIMIT_MAX = 100;

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.key, k.id]), 'utf8').toString('base64url');
}

/** Reads a cursor; a cursor that was not made by encodeCursor is a 400 on `query.cursor`. */
export function decodeCursor(cursor: string): Keyset {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string'
      && /^[0-9a-f-]{36}$/i.test(parsed[1]) && !parsed[0].includes('\u0000')) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the refusal
  }
  throw new Invalid(undefined, [{ path: detailPath('query', 'cursor'), message: 'Unknown cursor' }]);
}

/** The condition "after the cursor" for ORDER BY sortKey, id (both ascending). */
export function afterCursor(sortKey: SQL, id: SQL | unknown, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const k = decodeCursor(cursor);
  return sql`(${sortKey}, ${id}) > (${k.key}, ${k.id}::uuid)`;
}

/** Bounds a requested page size to 1…PAGE_LIMIT_MAX. */
export function boundLimit(limit: number | undefined, fallback = 50): number {
  return Math.min(PAGE_LIMIT_MAX, Math.max(1, Math.trunc(limit ?? fallback)));
}

/**
 * Cuts rows fetched with `limit + 1` into a page: the first `limit` rows and, when there was
 * one more, the cursor after the last row handed out.
 */
export function toPage<R>(rows: R[], limit: number, keyOf: (row: R) => Keyset): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** Escapes LIKE wildcards so a search term matches literally: `%term%`, case-insensitive via ILIKE. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
