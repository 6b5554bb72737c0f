import { useEffect } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import nl from '../../../shared/i18n/nl.json';
import { PageHeader } from '../../components/page-header.js';
import type { TTermKey } from '../../components/term.js';

const TERMS = Object.keys(nl.glossary.terms) as TTermKey[];

/** Jargon of youth care in plain words; each term has an anchor (`/begrippen#irpc`) the tooltips link to. */
export function GlossaryPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();

  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id) return;
    // After the shell has scrolled to the top for the new page.
    const timer = window.setTimeout(() => {
      const target = document.getElementById(id);
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [hash]);

  return (
    <>
      <PageHeader title={t('glossary.title')} description={t('glossary.lead')} />
      <Stack gap="md" maw="46rem">
        {TERMS.map((term) => (
          <Paper key={term} withBorder radius="md" p="lg" id={term} tabIndex={-1} style={{ scrollMarginTop: 80 }}>
            <Title order={2} size="h3">
              {t(`glossary.terms.${term}.term`)}
            </Title>
            <Stack gap={6} mt={6}>
              <Text fw={600}>{t(`glossary.terms.${term}.short`)}</Text>
              <Text>{t(`glossary.terms.${term}.text`)}</Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
