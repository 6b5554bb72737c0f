import { Anchor, Badge, Group, Select, SimpleGrid, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OVERVIEW_FILTERS, type TEngagementOverviewItem } from '../../../shared/schemas/directory/engagement.js';
import { useEngagementOverview } from '../../api/directory-engagements.js';
import { useRegions } from '../../api/queries.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { useUrlFilters } from '../../components/url-filters.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { NoAccess } from '../admin/admin-layout.js';
import { EngagementStatus } from './engagement-section.js';
import { DIRECTORY_STALE_PATH } from './manage-page.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** Coordinators (their regions) and platform admins: which organisations of a region declared their engagement. */
export function EngagementOverviewPage() {
  const { t } = useTranslation();
  const { params, setParam } = useUrlFilters();
  const login = useFullLogin();
  const regions = useRegions();
  const allowed = login.me?.abilities['directory.engagements'] === true;
  // The regions I oversee: every network for platform admins and coordinators of every region, else my own.
  const roles = login.me?.platformRoles ?? [];
  const everyRegion = roles.some((r) => r.role === 'platform_admin' || (r.role === 'network_coordinator' && r.regionId === null));
  const mine = (regions.data ?? []).filter((r) => r.kind === 'network' && (everyRegion || roles.some((x) => x.role === 'network_coordinator' && x.regionId === r.id)));
  const regionId = mine.find((r) => r.id === params.get('regio'))?.id ?? mine[0]?.id ?? null;
  const filterParam = params.get('status');
  const filter = OVERVIEW_FILTERS.find((f) => f === filterParam) ?? null;
  const query = useEngagementOverview(allowed ? regionId : null, filter);

  if (login.me === null) return login.gate;
  if (regions.isPending) return <PageSkeleton />;
  if (!allowed) return <NoAccess />;
  if (regions.isError) return <ErrorState error={regions.error} onRetry={() => void regions.refetch()} />;

  const first = query.data?.pages[0]?.data;
  const items = query.data?.pages.flatMap((p) => p.data.items);
  const statusOf = (i: TEngagementOverviewItem) =>
    i.declaration ? <EngagementStatus {...i.declaration} /> : <Badge variant="outline" color="gray" c="gray.9" tt="none" size="lg">{t('directoryManage.engagements.status.none')}</Badge>;
  const documentOf = (i: TEngagementOverviewItem) => (i.declaration ? (i.declaration.hasDocument ? t('directoryManage.yes') : t('directoryManage.no')) : '—');
  const columns: TListColumn<TEngagementOverviewItem>[] = [
    { key: 'organisation', header: t('directoryManage.stalePage.organisation'), rowHeader: true, cell: (i) => i.organisation.name },
    { key: 'status', header: t('directoryManage.engagements.statusLabel'), cell: statusOf },
    { key: 'document', header: t('directoryManage.engagements.signedDocument'), cell: documentOf, nowrap: true },
  ];

  return (
    <>
      <PageHeader
        title={t('directoryManage.engagements.overviewTitle')}
        description={t('directoryManage.engagements.overviewLead')}
        aside={
          <Anchor component={Link} to={DIRECTORY_STALE_PATH}>
            {t('directoryManage.toStale')}
          </Anchor>
        }
      />
      {mine.length === 0 ? (
        <EmptyState title={t('directoryManage.engagements.noRegions')}>{t('directoryManage.engagements.noRegionsText')}</EmptyState>
      ) : (
        <Stack gap="lg">
          <Group gap="md" wrap="wrap" align="flex-end">
            <Select
              label={t('directoryManage.engagements.region')}
              data={mine.map((r) => ({ value: r.id, label: r.name }))}
              value={regionId}
              onChange={(v) => setParam('regio', v)}
              allowDeselect={false}
              w={{ base: '100%', sm: '20rem' }}
            />
            <Select
              label={t('directoryManage.engagements.filter')}
              data={[{ value: '', label: t('directoryManage.engagements.filterAll') }, ...OVERVIEW_FILTERS.map((f) => ({ value: f, label: t(`directoryManage.engagements.filters.${f}`) }))]}
              value={filter ?? ''}
              onChange={(v) => setParam('status', v)}
              allowDeselect={false}
              w={{ base: '100%', sm: '16rem' }}
            />
          </Group>
          {first && (
            <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" component="dl" m={0} aria-label={t('directoryManage.engagements.counts')}>
              {OVERVIEW_FILTERS.map((f) => (
                <Paper key={f} withBorder p="sm" radius="md">
                  <Text component="dt" size="sm" fw={600}>
                    {t(`directoryManage.engagements.filters.${f}`)}
                  </Text>
                  <Text component="dd" m={0} fz="1.5rem" fw={700} c={f === 'overdue' && first.counts.overdue > 0 ? 'red.9' : undefined}>
                    {first.counts[f]}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          )}
          <Title order={2} size="h3" id="engagement-overview">
            {first ? t('directoryManage.engagements.organisationsOf', { region: first.region.name }) : t('directoryManage.engagements.overviewTitle')}
          </Title>
          <ResponsiveList<TEngagementOverviewItem>
            items={items}
            query={query}
            getKey={(i) => i.organisation.id}
            labelledBy="engagement-overview"
            columns={columns}
            card={(i) => (
              <Stack gap={6}>
                <Title order={3} size="h5">
                  {i.organisation.name}
                </Title>
                <Group gap="xs">{statusOf(i)}</Group>
                {i.declaration && (
                  <Text size="sm">
                    {t('directoryManage.engagements.signedDocument')}: {documentOf(i)}
                  </Text>
                )}
              </Stack>
            )}
            empty={<EmptyState title={t('directoryManage.engagements.overviewEmpty')}>{t('directoryManage.engagements.overviewEmptyText')}</EmptyState>}
            paging={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: () => void query.fetchNextPage() }}
            loadMoreLabel={t('directoryManage.loadMore')}
          />
        </Stack>
      )}
    </>
  );
}
