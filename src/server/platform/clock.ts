/** The time source of the app; tests pass one they can move forward. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const brusselsDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Brussels at this moment: the date people there see. */
export function brusselsDate(at: Date): string {
  return brusselsDay.format(at);
}

/** Brussels midnight at the start of a calendar day (YYYY-MM-DD), as an instant (23:00 or 22:00 UTC the day before). */
export function brusselsStartOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  for (const hours of [2, 1, 0]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (brusselsDate(candidate) === day && brusselsDate(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  return new Date(utcMidnight);
}

/** A calendar day (YYYY-MM-DD) moved by whole days (negative: back). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
