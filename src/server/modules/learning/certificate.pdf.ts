import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

/** What a certificate of attendance says. */
export interface TCertificate {
  personName: string;
  organisationName: string | null;
  eventTitle: string;
  eventKind: string;
  /** The day written out ("woensdag 16 december 2026"). */
  day: string;
  hours: string;
  place: string;
  organiser: string;
  sessions: string[];
  issuedOn: string;
  reference: string;
}

/**
 * Text for a standard PDF font (WinAnsi): letters with accents that WinAnsi has stay (é, ë, ç);
 * others lose their accent, and what is left unprintable becomes "?". Control characters go.
 */
export function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) out += ' ';
    else if (canEncode(font, ch)) out += ch;
    else {
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += plain && [...plain].every((c) => canEncode(font, c)) ? plain : '?';
    }
  }
  return out;
}

function canEncode(font: PDFFont, ch: string): boolean {
  try {
    font.encodeText(ch);
    return true;
  } catch {
    return false;
  }
}

/** Breaks text into lines that fit `width` at `size`. */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A one-page A4 certificate of attendance (Dutch), with the document title set for search and checks. */
export async function certificatePdf(c: TCertificate): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595.28, 841.89]);
  const margin = 64;
  const width = page.getWidth() - 2 * margin;
  const petrol = rgb(0.05, 0.37, 0.42);
  let y = page.getHeight() - 96;

  const write = (text: string, opts: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; gap?: number } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 12;
    for (const line of wrap(font, printable(font, text), size, width)) {
      page.drawText(line, { x: margin, y, size, font, color: opts.color ?? rgb(0.1, 0.1, 0.1) });
      y -= size * 1.35;
    }
    y -= opts.gap ?? 6;
  };

  page.drawRectangle({ x: 0, y: page.getHeight() - 24, width: page.getWidth(), height: 24, color: petrol });
  write('Samenplan · 1 Gezin 1 Plan', { size: 10, color: petrol, gap: 28 });
  write('Attest van deelname', { font: bold, size: 28, color: petrol, gap: 24 });
  write('Hierbij bevestigen we dat', { gap: 4 });
  write(c.personName, { font: bold, size: 18, gap: 2 });
  if (c.organisationName) write(c.organisationName, { gap: 14 });
  else y -= 8;
  write(`aanwezig was op de ${c.eventKind.toLowerCase()}`, { gap: 4 });
  write(c.eventTitle, { font: bold, size: 16, gap: 14 });
  write(`Datum: ${c.day}`, { gap: 0 });
  write(`Uur: ${c.hours}`, { gap: 0 });
  if (c.place) write(`Plaats: ${c.place}`, { gap: 0 });
  write(`Organisator: ${c.organiser}`, { gap: 14 });
  if (c.sessions.length) {
    write('Gevolgde sessies:', { font: bold, gap: 2 });
    for (const s of c.sessions) write(`•  ${s}`, { gap: 0 });
    y -= 14;
  }
  y = Math.min(y, 150);
  write(`Uitgereikt op ${c.issuedOn}`, { size: 10, gap: 0 });
  write(`Kenmerk: ${c.reference}`, { size: 10, color: rgb(0.35, 0.35, 0.35) });

  doc.setTitle(printable(regular, `Attest van deelname — ${c.personName} — ${c.eventTitle}`));
  doc.setAuthor('Samenplan');
  doc.setLanguage('nl-BE');
  doc.setCreationDate(new Date());
  return doc.save();
}
