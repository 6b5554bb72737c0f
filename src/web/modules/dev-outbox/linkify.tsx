import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/**
 * The text with its links to this same site made clickable; links to anywhere else stay plain
 * text, so a mail can never send the reader to another site with one click.
 */
export function linkifySameOrigin(text: string, origin: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // Leave trailing punctuation of the sentence out of the link.
    const raw = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (!url || url.origin !== origin) continue;
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <Anchor key={start} href={url.href} style={{ overflowWrap: 'anywhere' }}>
        {raw}
      </Anchor>,
    );
    last = start + raw.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
