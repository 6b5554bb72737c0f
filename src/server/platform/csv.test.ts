import { describe, expect, it } from 'vitest';
import { attachmentDisposition, csvCell, toCsv } from './csv.js';

describe('csv', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const hostile of ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(hostile).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('gewoon')).toBe('"gewoon"');
    // A negative number stays a number; only text is neutralised.
    expect(csvCell(-3)).toBe('"-3"');
  });

  it('quotes separators, quotes and line breaks; empty for null', () => {
    expect(csvCell('a;b "c"\nd')).toBe('"a;b ""c""\nd"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(Number.NaN)).toBe('""');
  });

  it('writes a BOM, a header and CRLF rows', () => {
    const text = toCsv(['naam', 'bedrag'], [['Eén', 10], ['=1+1', null]]);
    expect(text).toBe('\uFEFF"naam";"bedrag"\r\n"Eén";"10"\r\n"\'=1+1";""\r\n');
  });

  it('gives a download name that cannot break the header', () => {
    expect(attachmentDisposition('deelnemers "netwerkdag";5 dec.csv')).toBe(
      `attachment; filename="deelnemers _netwerkdag__5 dec.csv"; filename*=UTF-8''deelnemers%20%22netwerkdag%22%3B5%20dec.csv`,
    );
  });
});
