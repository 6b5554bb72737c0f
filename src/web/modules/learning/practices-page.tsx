import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Flex, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TPractice } from '../../../shared/schemas/learning-practices.js';
import { useCreatePractice, usePractices, usePracticeSectors } from '../../api/learning-practices.js';
import { PageHeader } from '../../components/page-header.js';
import { TableSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { notify } from '../../components/notify.js';
import { LEARNING_PATH } from './learning-bits.js';
import { PracticeFormDialog, contactsOf, organisationIdsOf, toFormValues } from './practice-form.js';
import { PracticeStatusBadge, practicePath } from './practices-bits.js';
import { useUrlFilters } from '../../components/url-filters.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** The good practices library: search (Dutch, accents and plurals folded), a sector filter, cards. */
export function PracticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useFullLogin();
  const { params, setParam } = useUrlFilters();
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const sector = params.get('sector') ?? '';
  const query = usePractices(debounced, sector);
  const sectors = usePracticeSectors();
  const create = useCreatePractice();
  const [creating, setCreating] = useState(false);

  useEffect(() => setParam('q', debounced), [debounced, setParam]);

  if (login.me === null) return login.gate;

  const setSector = (value: string | null) => setParam('sector', value);

  const pages = query.data?.pages ?? [];
  const items = pages.flatMap((p) => p.data.items);
  const mayPropose = pages[0]?.propose === true;

  return (
    <>
      <PageHeader title={t('goodPractices.title')} description={t('goodPractices.lead')} breadcrumbs={[{ label: t('learning.title'), to: LEARNING_PATH }]} />
      <Stack gap="md">
        {/* On a phone the search, the sector and the button stack, each the full width; side by side from sm. */}
        <Flex direction={{ base: 'column', sm: 'row' }} justify="space-between" align={{ base: 'stretch', sm: 'flex-end' }} gap="sm" data-testid="practice-filters">
          <Flex direction={{ base: 'column', sm: 'row' }} align={{ base: 'stretch', sm: 'flex-end' }} gap="md" style={{ flex: 1, minWidth: 0 }}>
            <TextInput
              label={t('goodPractices.search')}
              placeholder={t('goodPractices.searchPlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              maxLength={100}
              type="search"
              w={{ base: '100%', sm: 420 }}
              style={{ flexShrink: 1, minWidth: 0 }}
            />
            <Select
              label={t('goodPractices.sector')}
              data={[{ value: '', label: t('goodPractices.allSectors') }, ...(sectors.data?.data ?? []).map((s) => ({ value: s.code, label: s.name }))]}
              value={sector}
              onChange={(v) => setSector(v || null)}
              allowDeselect={false}
              w={{ base: '100%', sm: 300 }}
              style={{ flexShrink: 1, minWidth: 0 }}
            />
          </Flex>
          {mayPropose && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)} style={{ flexShrink: 0 }}>
              {t('goodPractices.propose')}
            </Button>
          )}
        </Flex>
        <Title order={2} size="h3" id="practices-heading">
          {t('goodPractices.listHeading')}
        </Title>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.isPending ? (
          <TableSkeleton rows={4} />
        ) : items.length === 0 ? (
          <EmptyState title={debounced || sector ? t('goodPractices.noHits') : t('goodPractices.empty')}>{debounced || sector ? t('goodPractices.noHitsText') : t('goodPractices.emptyText')}</EmptyState>
        ) : (
          <Stack gap="sm" component="ul" aria-labelledby="practices-heading" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="practices">
            {items.map((p) => (
              <PracticeCard key={p.id} practice={p} />
            ))}
          </Stack>
        )}
        {query.hasNextPage && (
          <Group justify="center">
            <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {t('goodPractices.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
      {creating && (
        <PracticeFormDialog
          opened
          onClose={() => setCreating(false)}
          title={t('goodPractices.propose')}
          initial={toFormValues()}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) =>
            create.mutate(
              { title: v.title, summary: v.summary, goals: v.goals, addedValue: v.addedValue, bottlenecks: v.bottlenecks, sectorCodes: v.sectorCodes, contacts: contactsOf(v), organisationIds: organisationIdsOf(v) },
              {
                onSuccess: (res) => {
                  notify('green', t('goodPractices.proposed'));
                  setCreating(false);
                  void navigate(practicePath(res.id));
                },
              },
            )
          }
        />
      )}
    </>
  );
}

function PracticeCard({ practice: p }: { practice: TPractice }) {
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={practicePath(p.id)}>
              {p.title}
            </Anchor>
          </Title>
          {p.status !== 'published' && <PracticeStatusBadge status={p.status} />}
        </Group>
        <Text size="sm" lineClamp={3}>
          {p.summary}
        </Text>
        {p.sectors.length > 0 && (
          <Group gap={6} wrap="wrap">
            {p.sectors.map((s) => (
              <Badge key={s.code} variant="light" color="blue" tt="none" c="blue.9" style={{ maxWidth: '100%' }}>
                {s.name}
              </Badge>
            ))}
          </Group>
        )}
        {p.organisations.length > 0 && (
          <Text size="sm" c="dimmed">
            {p.organisations.map((o) => o.name).join(', ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
