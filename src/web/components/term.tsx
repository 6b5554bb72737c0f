import { useId, type ReactNode } from 'react';
import { Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import type nl from '../../shared/i18n/nl.json';
import { GLOSSARY_PATH } from '../app/modules.js';
import classes from './term.module.css';

/** A word of the glossary (`glossary.terms.<key>`). */
export type TTermKey = keyof (typeof nl)['glossary']['terms'];

/**
 * A jargon word with its plain-language meaning: a tooltip on hover, focus and touch, the meaning
 * read out by screen readers, and a link to its entry on the glossary page.
 */
export function Term({ term, children }: { term: TTermKey; children?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const short = t(`glossary.terms.${term}.short`);
  return (
    <>
      <Tooltip label={short} multiline maw={280} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Link to={`${GLOSSARY_PATH}#${term}`} className={classes.term} aria-describedby={id}>
          {children ?? t(`glossary.terms.${term}.term`)}
        </Link>
      </Tooltip>
      {/* Hidden, so it adds nothing to a heading's name; aria-describedby still reads it. */}
      <span id={id} hidden>
        {short}
      </span>
    </>
  );
}

/** The glossary words that may be marked in translated texts: `<rtj>…</rtj>`, `<bridging>…</bridging>` … */
const TERM_TAGS = {
  rtj: 'rtj',
  nrtj: 'nrtj',
  bridging: 'bridgingHelp',
  irpc: 'irpc',
  iroj: 'iroj',
  audit: 'audit',
  directory: 'directory',
} as const satisfies Record<string, TTermKey>;

const termComponents = Object.fromEntries(
  Object.entries(TERM_TAGS).map(([tag, term]) => [tag, <Term key={tag} term={term} />]),
);

/** A translated text in which marked jargon words become `<Term>`s. */
export function TextWithTerms({ i18nKey }: { i18nKey: string }) {
  const { t } = useTranslation();
  return <Trans t={t} i18nKey={i18nKey as never} components={termComponents} />;
}
