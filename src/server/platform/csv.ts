/**
 * CSV exports (RFC 4180) that are safe to open in a spreadsheet: every cell that a spreadsheet would
 * read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe,
 * so `=cmd|' /C calc'!A0` stays text (OWASP "CSV injection"). Cells are always quoted; the file starts
 * with a UTF-8 byte order mark so Excel shows accents right, and uses `;` by default because
 * Belgian Excel expects it.
 */
export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text, neutralised and quoted. */
export function csvCell(value: CsvCell): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole file: a header row and the rows, CRLF line ends, with a BOM. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, separator: ';' | ',' = ';'): string {
  const lines = [header.map(csvCell).join(separator)];
  for (const row of rows) lines.push(row.map(csvCell).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The Content-Disposition value for a download with a safe ASCII name and the UTF-8 original. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\/;]/g, '_') || 'export';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
