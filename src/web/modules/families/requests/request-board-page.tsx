import { useState } from 'react';
import { Anchor, Button, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REQUEST_URGENCIES, type TRequestUrgency } from '../../../../shared/schemas/families/enums.js';
import type { TRequestSummary } from '../../../../shared/schemas/families/requests.js';
import { flattenPages } from '../../../api/client.js';
import { useRequestBoard, useRequestCounts } from '../../../api/families/requests.js';
import { PageHeader } from '../../../components/page-header.js';
import { ResponsiveList } from '../../../components/list/responsive-list.js';
import { EmptyState } from '../../../components/states.js';
import { FlagBadge, formatDay, useDaysLeftText } from './labels.js';
import { RequestCountTiles } from './count-tiles.js';

const TITLE_ID = 'requests-list-title';

/** The counts of the region's open requests. */
function CountTiles() {
  const { t } = useTranslation();
  const counts = useRequestCounts();
  return (
    <section aria-label={t('requests.countsLabel')}>
      <RequestCountTiles counts={counts.data} testIdPrefix="count" />
    </section>
  );
}

/** The coordinator's request board: counts, then the open requests by due date. */
export function RequestBoardPage() {
  const { t } = useTranslation();
  const daysLeftText = useDaysLeftText();
  const [show, setShow] = useState<'all' | 'overdue'>('all');
  const [urgency, setUrgency] = useState<TRequestUrgency | null>(null);
  const board = useRequestBoard({ overdue: show === 'overdue' || undefined, urgency: urgency ?? undefined });
  const { items } = flattenPages(board.data);

  const familyLink = (r: TRequestSummary) => (
    <Anchor component={Link} to={`/aanmeldingen/${r.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {r.familyName}
    </Anchor>
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('requests.title')}
        description={t('requests.lead')}
        aside={
          <Button component={Link} to="/aanmeldingen/nieuw" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('requests.new')}
          </Button>
        }
      />
      <CountTiles />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} id={TITLE_ID}>
          {t('requests.listTitle')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('requests.filters.label')}
            value={show}
            onChange={(v) => setShow(v === 'overdue' ? 'overdue' : 'all')}
            data={[
              { value: 'all', label: t('requests.filters.all') },
              { value: 'overdue', label: t('requests.filters.overdue') },
            ]}
          />
          <Select
            label={t('requests.filters.urgency')}
            data={[{ value: '', label: t('requests.filters.anyUrgency') }, ...REQUEST_URGENCIES.map((u) => ({ value: u, label: t(`requests.urgency.${u}`) }))]}
            value={urgency ?? ''}
            onChange={(v) => setUrgency(v ? (v as TRequestUrgency) : null)}
            allowDeselect={false}
            w={180}
          />
        </Group>
      </Group>
      <ResponsiveList<TRequestSummary>
        items={board.data ? items : undefined}
        query={board}
        paging={board}
        loadMoreLabel={t('requests.loadMore')}
        getKey={(r) => r.id}
        labelledBy={TITLE_ID}
        columns={[
          { key: 'family', header: t('requests.columns.family'), rowHeader: true, cell: familyLink },
          { key: 'due', header: t('requests.columns.due'), nowrap: true, cell: (r) => formatDay(r.dueOn) },
          { key: 'daysLeft', header: t('requests.columns.daysLeft'), nowrap: true, cell: (r) => daysLeftText(r.daysLeft) },
          { key: 'flag', header: t('requests.columns.status'), cell: (r) => (
            <Stack gap={4} align="flex-start">
              <FlagBadge flag={r.flag} />
              <Text size="sm">{t(`requests.status.${r.status}`)}</Text>
            </Stack>
          ) },
          { key: 'urgency', header: t('requests.columns.urgency'), nowrap: true, cell: (r) => t(`requests.urgency.${r.urgency}`) },
          { key: 'contact', header: t('requests.columns.contact'), visibleFrom: 'md', cell: (r) => r.contactPerson?.name ?? t('requests.noContact') },
          { key: 'municipality', header: t('requests.columns.municipality'), visibleFrom: 'lg', cell: (r) => r.municipalityName },
        ]}
        card={(r) => (
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {familyLink(r)}
              <FlagBadge flag={r.flag} />
            </Group>
            <Text size="sm">
              {t('requests.columns.due')}: {formatDay(r.dueOn)} · {daysLeftText(r.daysLeft)}
            </Text>
            <Text size="sm">
              {t('requests.columns.status')}: {t(`requests.status.${r.status}`)} · {t(`requests.urgency.${r.urgency}`)}
            </Text>
            <Text size="sm">
              {t('requests.columns.contact')}: {r.contactPerson?.name ?? t('requests.noContact')}
            </Text>
          </Stack>
        )}
        empty={<EmptyState title={t('requests.emptyTitle')} order={3}>{t('requests.empty')}</EmptyState>}
      />
    </Stack>
  );
}
