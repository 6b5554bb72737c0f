import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TWork } from '../../../shared/schemas/families/work.js';
import { useMyWork } from '../../api/families/work.js';
import { useRequestCounts } from '../../api/families/requests.js';
import { ErrorState } from '../../components/states.js';
import { formatDay, formatInstantDay } from '../families/family/format.js';
import { RequestCountTiles } from '../families/requests/count-tiles.js';
import { FLAG_COLOR } from '../families/requests/labels.js';

/** Colours of the one-month flags (as on the request board): dark text on a light background. */

const familyUrl = (id: string, tab = '') => `/gezinnen/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;

/** "nog 5 dagen", "vandaag", "3 dagen te laat" (the request board's words). */
function useDaysText() {
  const { t } = useTranslation();
  return (daysLeft: number | null) => {
    if (daysLeft === null) return t('work.actions.noDue');
    if (daysLeft === 0) return t('requests.dueToday');
    return daysLeft > 0 ? t('requests.daysLeft', { count: daysLeft }) : t('requests.overdueBy', { count: -daysLeft });
  };
}

/** One section of my work: a heading with how many, the first items, or a quiet empty line. */
function Section<T>({ id, title, section, empty, render }: { id: string; title: string; section: { items: T[]; total: number }; empty: string; render: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  const titleId = `work-${id}-title`;
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p="md" data-testid={`work-${id}`}>
      <Group justify="space-between" align="center" wrap="nowrap" mb="sm" gap="xs">
        <Title order={3} size="h4" id={titleId}>
          {title}
        </Title>
        <Badge variant="light" color={section.total > 0 ? 'petrol' : 'gray'} c="gray.9" tt="none" size="lg" aria-hidden="true">
          {section.total}
        </Badge>
      </Group>
      {section.items.length === 0 ? (
        <Text c="gray.7">{empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {section.items.map((item, i) => (
            <li key={i}>{render(item)}</li>
          ))}
        </Stack>
      )}
      {section.total > section.items.length && (
        <Text size="sm" c="gray.7" mt="sm">
          {t('work.shown', { shown: section.items.length, total: section.total })}
        </Text>
      )}
    </Paper>
  );
}

function FamilyLink({ id, name, tab }: { id: string; name: string; tab?: string }) {
  return (
    <Anchor component={Link} to={familyUrl(id, tab)} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {name}
    </Anchor>
  );
}

function WorkSections({ work }: { work: TWork }) {
  const { t, i18n } = useTranslation();
  const daysText = useDaysText();
  const lang = i18n.language;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section
        id="requests"
        title={t('work.requests.title')}
        section={work.requests}
        empty={t('work.requests.empty')}
        render={(r) => (
          <Stack gap={2}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/aanmeldingen/${encodeURIComponent(r.id)}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {r.familyName}
              </Anchor>
              <Badge variant="light" color={FLAG_COLOR[r.flag]} c="gray.9" tt="none">
                {t(`requests.flag.${r.flag}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {formatDay(r.dueOn, lang)} · {daysText(r.daysLeft)} · {t(`requests.status.${r.status}`)}
            </Text>
          </Stack>
        )}
      />
      <Section
        id="actions"
        title={t('work.actions.title')}
        section={work.actions}
        empty={t('work.actions.empty')}
        render={(a) => (
          <Stack gap={2}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {a.title}
              </Text>
              {a.mine && (
                <Badge variant="light" color="petrol" c="gray.9" tt="none">
                  {t('work.actions.mine')}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              <FamilyLink id={a.familyId} name={a.familyName} tab="plan" /> · {a.dueOn ? `${formatDay(a.dueOn, lang)} · ` : ''}
              {daysText(a.daysLeft)}
            </Text>
          </Stack>
        )}
      />
      <Section
        id="evaluations"
        title={t('work.evaluations.title')}
        section={work.evaluations}
        empty={t('work.evaluations.empty')}
        render={(e) => (
          <Stack gap={2}>
            <FamilyLink id={e.familyId} name={e.familyName} tab="plan" />
            <Text size="sm">
              {t('work.evaluations.on', { date: formatDay(e.evaluationOn, lang) })} · {daysText(e.daysLeft)}
            </Text>
          </Stack>
        )}
      />
      <Section
        id="waiting"
        title={t('work.waiting.title')}
        section={work.waiting}
        empty={t('work.waiting.empty')}
        render={(w) => (
          <Stack gap={2}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <FamilyLink id={w.familyId} name={w.familyName} />
              <Badge variant="light" color={w.bridging ? 'green' : 'orange'} c="gray.9" tt="none">
                {w.bridging ? t('work.waiting.bridging') : t('work.waiting.noBridging')}
              </Badge>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {w.serviceText} · {t('work.waiting.days', { count: w.daysWaiting })}
            </Text>
          </Stack>
        )}
      />
      <Section
        id="changes"
        title={t('work.changes.title')}
        section={work.changes}
        empty={t('work.changes.empty')}
        render={(c) => {
          const parts = [
            c.planVersions ? t('work.changes.planVersions', { count: c.planVersions }) : null,
            c.journalNotes ? t('work.changes.journalNotes', { count: c.journalNotes }) : null,
            c.teamChanges ? t('work.changes.teamChanges', { count: c.teamChanges }) : null,
            c.consentChanges ? t('work.changes.consentChanges', { count: c.consentChanges }) : null,
          ].filter((p): p is string => p !== null);
          return (
            <Stack gap={2}>
              <FamilyLink id={c.familyId} name={c.familyName} />
              <Text size="sm">{parts.join(' · ')}</Text>
              <Text size="sm" c="gray.7">
                {c.lastVisitAt ? t('work.changes.since', { date: formatInstantDay(c.lastVisitAt, lang) }) : t('work.changes.neverVisited')}
              </Text>
            </Stack>
          );
        }}
      />
    </SimpleGrid>
  );
}

/** "Mijn werk" on the home page of a professional: loading, error, then the sections. */
export function MyWork() {
  const { t } = useTranslation();
  const work = useMyWork();
  let content;
  if (work.isPending) {
    content = (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-busy="true">
        <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
        {Array.from({ length: 4 }, (_, i) => (
          <Paper key={i} withBorder radius="md" p="md" aria-hidden="true">
            <Skeleton height={20} width="60%" mb="md" />
            <Skeleton height={12} width="80%" mb="xs" />
            <Skeleton height={12} width="50%" />
          </Paper>
        ))}
      </SimpleGrid>
    );
  } else if (work.isError) {
    content = <ErrorState error={work.error} onRetry={() => void work.refetch()} retrying={work.isFetching} />;
  } else {
    content = <WorkSections work={work.data} />;
  }
  return (
    <section aria-labelledby="my-work-title">
      <Title order={2} id="my-work-title">
        {t('work.title')}
      </Title>
      <Text c="gray.7" mt={4} mb="md">
        {t('work.lead')}
      </Text>
      {content}
    </section>
  );
}

/** The coordinator's summary: the region's open requests on time / at risk / overdue, and the way to the board. */
export function RequestSummary() {
  const { t } = useTranslation();
  const counts = useRequestCounts();
  return (
    <section aria-labelledby="request-summary-title">
      <Title order={2} id="request-summary-title">
        {t('work.summary.title')}
      </Title>
      <Text c="gray.7" mt={4} mb="md">
        {t('work.summary.lead')}
      </Text>
      {counts.isError ? (
        <ErrorState error={counts.error} onRetry={() => void counts.refetch()} retrying={counts.isFetching} />
      ) : (
        <RequestCountTiles counts={counts.data} testIdPrefix="summary" />
      )}
      <Button component={Link} to="/aanmeldingen" variant="light" mt="md" rightSection={<IconArrowRight size={18} aria-hidden="true" />}>
        {t('work.summary.board')}
      </Button>
    </section>
  );
}
