/** The offset of Brussels time on a calendar day, as "+01:00" or "+02:00". */
function brusselsOffset(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '');
  return match?.[1] ?? '+01:00';
}

/** Start (00:00) or end (23:59:59) of a calendar day (YYYY-MM-DD) in Brussels, as ISO with offset. */
export function brusselsDayBoundary(date: string, edge: 'start' | 'end'): string {
  return `${date}T${edge === 'start' ? '00:00:00' : '23:59:59'}${brusselsOffset(date)}`;
}

/**
 * A typed day in Belgian order — 22/11/2026, 22-11-2026, 22.11.2026, 1/2/2026 — or ISO 2026-11-22, as
 * YYYY-MM-DD; null when it is not a real calendar day (31/02) or the year is outside 1900–9999.
 */
export function parseBelgianDate(input: string): string | null {
  const text = input.trim();
  const belgian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [day, month, year] = belgian
    ? [Number(belgian[1]), Number(belgian[2]), Number(belgian[3])]
    : iso
      ? [Number(iso[3]), Number(iso[2]), Number(iso[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(day) || year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
