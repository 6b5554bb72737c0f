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
