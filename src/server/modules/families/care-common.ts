import { Invalid, detailPath } from '../../platform/errors.js';
import { brusselsDate } from '../../platform/clock.js';

/**
 * Small helpers shared by the care areas of a family's file (waits, ateliers, journal, signals).
 */

/** The calendar day of a moment in Brussels (not UTC: between 22:00/23:00 and midnight UTC it is already tomorrow there), as `YYYY-MM-DD`. */
export function dayOf(at: Date): string {
  return brusselsDate(at);
}

/** Whole years from a birth date to a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
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
