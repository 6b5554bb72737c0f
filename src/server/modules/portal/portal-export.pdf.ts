import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { printable, wrap } from '../learning/certificate.pdf.js';

/** One entry of a section: a bold first line (optional) and plain lines under it. */
export interface TDocEntry {
  title?: string;
  lines: string[];
}

/** A section of the readable document: a heading, its entries, and what to say when it has none. */
export interface TDocSection {
  heading: string;
  entries: TDocEntry[];
  empty: string;
}

export interface TReadableDocument {
  title: string;
  subtitle: string;
  intro: string[];
  sections: TDocSection[];
  /** "Pagina" / "Page" in the footer. */
  pageWord: string;
  lang: 'nl' | 'en';
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BOTTOM = 64;

/**
 * "Mijn gegevens" as a readable A4 document (PDF, built like the learning module's certificate:
 * pdf-lib with the standard Helvetica fonts, text made printable for WinAnsi), as many pages as the
 * content needs, with the page number in the footer. It shows exactly the sections it is given:
 * what the law keeps from the viewer is left out before (in the queries), never here.
 */
export async function readableDocumentPdf(d: TReadableDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const petrol = rgb(0.05, 0.37, 0.42);
  const ink = rgb(0.1, 0.1, 0.1);
  const grey = rgb(0.35, 0.35, 0.35);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - 72;

  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - 64;
  };
  const write = (text: string, opts: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; gap?: number; indent?: number } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 11;
    const indent = opts.indent ?? 0;
    for (const line of wrap(font, printable(font, text), size, width - indent)) {
      if (y < BOTTOM + size) newPage();
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: opts.color ?? ink });
      y -= size * 1.35;
    }
    y -= opts.gap ?? 2;
  };

  page.drawRectangle({ x: 0, y: A4[1] - 20, width: A4[0], height: 20, color: petrol });
  write('Samenplan · 1 Gezin 1 Plan', { size: 9, color: petrol, gap: 18 });
  write(d.title, { font: bold, size: 24, color: petrol, gap: 6 });
  write(d.subtitle, { size: 12, color: grey, gap: 14 });
  for (const p of d.intro) write(p, { gap: 6 });
  y -= 8;

  for (const section of d.sections) {
    // Keep a heading with at least its first lines.
    if (y < BOTTOM + 80) newPage();
    y -= 6;
    write(section.heading, { font: bold, size: 15, color: petrol, gap: 6 });
    if (section.entries.length === 0) write(section.empty, { color: grey, gap: 6 });
    for (const entry of section.entries) {
      if (entry.title) write(entry.title, { font: bold, gap: 1 });
      for (const line of entry.lines) write(line, { indent: entry.title ? 10 : 0, gap: 1 });
      y -= 6;
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = printable(regular, `${d.pageWord} ${i + 1} / ${pages.length}`);
    p.drawText(label, { x: A4[0] - MARGIN - regular.widthOfTextAtSize(label, 9), y: 32, size: 9, font: regular, color: grey });
  });
  doc.setTitle(printable(regular, `${d.title} — ${d.subtitle}`));
  doc.setAuthor('Samenplan');
  doc.setLanguage(d.lang === 'en' ? 'en' : 'nl-BE');
  doc.setCreationDate(new Date());
  return doc.save();
}
