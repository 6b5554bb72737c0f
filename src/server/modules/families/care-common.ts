import { Invalid, detailPath } from '../../platform/errors.js';

/**
 * Small helpers shared by the care areas of a family's file (waits, ateliers, journal, signals).
 */

/** The calendar day of a moment (UTC), as a `YYYY-MM-DD` date. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Whole days from one `YYYY-MM-DD` date to another (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Refuses (400, nothing changed) when `later` lies before `earlier` after a partial update merged
 * the stored values with the new ones; `field` names the body field reported.
 */
export function requireInOrder(earlier: string | null | undefined, later: string | null | undefined, field: string): void {
  if (earlier && later && later < earlier) {
    throw new Invalid(undefined, [{ path: detailPath('body', field), message: 'Dates out of order' }]);
  }
}

/** Only the fields a partial update names (undefined = leave as is; null = clear). */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
