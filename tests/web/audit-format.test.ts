import { describe, expect, it } from 'vitest';
import { brusselsDayBoundary, parseBelgianDate } from '../../src/web/modules/audit/audit-format.js';

describe('typed dates of the audit filters', () => {
  it('reads Belgian day/month/year with /, - or . and ISO dates', () => {
    expect(parseBelgianDate('22/11/2026')).toBe('2026-11-22');
    expect(parseBelgianDate(' 1/2/2026 ')).toBe('2026-02-01');
    expect(parseBelgianDate('01-02-2026')).toBe('2026-02-01');
    expect(parseBelgianDate('29.02.2028')).toBe('2028-02-29');
    expect(parseBelgianDate('2026-11-22')).toBe('2026-11-22');
  });

  it('refuses what is not a real day, American order beyond 12, and years the server does not take', () => {
    for (const bad of ['31/02/2026', '29/02/2027', '11/22/2026', '00/01/2026', '22/11/26', '22/11/0000', '1/1/1899', 'gisteren', '']) {
      expect(parseBelgianDate(bad), bad).toBeNull();
    }
  });

  it('turns a day into the start and end of that day in Brussels, winter and summer time', () => {
    expect(brusselsDayBoundary('2026-01-15', 'start')).toBe('2026-01-15T00:00:00+01:00');
    expect(brusselsDayBoundary('2026-07-15', 'end')).toBe('2026-07-15T23:59:59+02:00');
  });
});
