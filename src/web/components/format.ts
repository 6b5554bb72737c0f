const brusselsDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Brussels calendar day (`YYYY-MM-DD`) of an instant: the date people here see, whatever the browser's time zone. */
export function brusselsDay(at: string | Date): string {
  return brusselsDayFormat.format(typeof at === 'string' ? new Date(at) : at);
}

/** Today in Brussels as `YYYY-MM-DD`. */
export const todayInBrussels = (): string => brusselsDay(new Date());

/** "22/11/2026 14:05" in Brussels time, whatever the browser's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Brussels',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** Browser and system from a user agent, shortened: { browser: 'Firefox', os: 'Windows' }. */
export function describeUserAgent(userAgent: string | null): { browser: string; os: string } | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\/|Opera/.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  if (!browser && !os) return { browser: userAgent.slice(0, 40), os: '' };
  return { browser: browser ?? '?', os: os ?? '' };
}

const euroFormats = new Map<string, Intl.NumberFormat>();

/** An amount in euro cents as people read it: "€ 1.500,00" (nl-BE) or "€1,500.00" (en-GB). Exact: cents are integers. */
export function formatEuroCents(cents: number, locale: string): string {
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    euroFormats.set(locale, format);
  }
  return format.format(cents / 100);
}

/** Euro from a number field (possibly with decimals) → integer cents; null when not a finite amount. */
export function euroToCents(euro: number | string | null | undefined): number | null {
  if (typeof euro !== 'number' || !Number.isFinite(euro)) return null;
  return Math.round(euro * 100);
}
