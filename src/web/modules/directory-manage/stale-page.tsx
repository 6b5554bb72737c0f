import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TStaleEntry } from '../../../shared/schemas/directory/manage.js';
import { useStaleEntries } from '../../api/directory-manage.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState } from '../../components/states.js';
import { NoAccess } from '../admin/admin-layout.js';
import { ConfirmedAt } from './entry-bits.js';
import { DIRECTORY_ENGAGEMENTS_PATH, DIRECTORY_MANAGE_PATH, manageOrganisationPath, STALE_KIND_TAB } from './manage-page.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** Coordinators and platform admins: every organisation's entries not confirmed for six months, oldest first. */
export function StalePage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const keeps = login.me?.abilities['directory.keep'] === true;
  const query = useStaleEntries(keeps);
  if (login.me === null) return login.gate;
  const me = login.me;
  if (!keeps) return <NoAccess />;
  const { platformRoles, memberships } = me;
  // Entries open on the management page for those who may change them (platform admins, their own organisation's admins).
  const canOpen = (e: TStaleEntry) =>
    platformRoles.some((r) => r.role === 'platform_admin') ||
    memberships.some((m) => m.organisationId === e.organisation.id && m.roles.includes('org_admin'));

  const items = query.data?.pages.flatMap((p) => p.data.items);
  const name = (e: TStaleEntry) =>
    canOpen(e) ? (
      <Anchor component={Link} to={manageOrganisationPath(e.organisation.id, STALE_KIND_TAB[e.kind])}>
        {e.name}
      </Anchor>
    ) : (
      e.name
    );
  const kind = (e: TStaleEntry) => t(`directoryManage.kindOne.${e.kind}`);
  const columns: TListColumn<TStaleEntry>[] = [
    { key: 'name', header: t('directoryManage.name'), rowHeader: true, cell: name },
    { key: 'kind', header: t('directoryManage.stalePage.kind'), cell: kind, nowrap: true },
    { key: 'organisation', header: t('directoryManage.stalePage.organisation'), cell: (e) => e.organisation.name },
    { key: 'confirmed', header: t('directoryManage.lastConfirmed'), cell: (e) => <ConfirmedAt confirmedAt={e.confirmedAt} stale compact />, nowrap: true },
  ];

  return (
    <>
      <PageHeader
        title={t('directoryManage.stalePage.title')}
        description={t('directoryManage.stalePage.lead')}
        breadcrumbs={me.abilities['directory.manage'] ? [{ label: t('directoryManage.stalePage.back'), to: DIRECTORY_MANAGE_PATH }] : undefined}
        aside={
          me.abilities['directory.engagements'] ? (
            <Anchor component={Link} to={DIRECTORY_ENGAGEMENTS_PATH}>
              {t('directoryManage.engagements.toOverview')}
            </Anchor>
          ) : undefined
        }
      />
      <Stack gap="md">
        <Title order={2} size="h3" id="stale-entries">
          {t('directoryManage.stalePage.heading')}
        </Title>
        <ResponsiveList<TStaleEntry>
          items={items}
          query={query}
          getKey={(e) => `${e.kind}:${e.id}`}
          labelledBy="stale-entries"
          columns={columns}
          card={(e) => (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {name(e)}
              </Title>
              <Text size="sm">
                {kind(e)} · {e.organisation.name}
              </Text>
              <ConfirmedAt confirmedAt={e.confirmedAt} stale />
            </Stack>
          )}
          empty={<EmptyState title={t('directoryManage.stalePage.empty')}>{t('directoryManage.stalePage.emptyText')}</EmptyState>}
          paging={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: () => void query.fetchNextPage() }}
          loadMoreLabel={t('directoryManage.loadMore')}
        />
      </Stack>
    </>
  );
}
