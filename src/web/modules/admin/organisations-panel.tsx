import { useState } from 'react';
import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TOrganisation } from '../../../shared/schemas/admin.js';
import { flattenPages, useOrganisations } from '../../api/admin.js';
import { useSectors } from '../../api/queries.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { ErrorState } from '../../components/states.js';
import { useAdminContext } from './admin-layout.js';
import { ScrollRegion, StatusBadge, useSectorName, wrappingBadge } from './labels.js';
import { OrganisationFormDialog } from './organisation-form.js';
import classes from './admin.module.css';

const TITLE_ID = 'organisations-title';

/** Rows of grey bars while the list loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      <Stack gap="sm" aria-hidden="true">
        <Skeleton height={36} />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={28} />
        ))}
      </Stack>
    </div>
  );
}

/** Organisations: search, table (cards on phones), create and edit. */
export function OrganisationsPanel() {
  const { t } = useTranslation();
  const { me } = useAdminContext();
  const canCreate = Boolean(me.abilities['admin.organisations.manage']);
  useDocumentTitle(t('admin.organisations.title'));
  const isMobile = useMediaQuery('(max-width: 47.99em)');
  const [search, setSearch] = useState('');
  // The server searches and pages; a short pause while typing saves a request per key.
  const [query] = useDebouncedValue(search.trim(), 250);
  const organisations = useOrganisations(query);
  const sectors = useSectors();
  const sectorName = useSectorName(sectors.data);
  const [editing, setEditing] = useState<TOrganisation | 'new' | null>(null);
  // Buttons follow the abilities the server sent with each organisation; no rule is re-derived here.
  const { items: filtered, abilities } = flattenPages(organisations.data);

  const sectorBadges = (o: TOrganisation) =>
    o.sectorCodes.length === 0 ? (
      <Text c="dimmed" size="sm">
        {t('admin.organisations.noSectors')}
      </Text>
    ) : (
      <Group gap={4} wrap="wrap">
        {o.sectorCodes.map((code) => (
          <Badge key={code} variant="light" color="gray" tt="none" styles={wrappingBadge}>
            {sectorName(code)}
          </Badge>
        ))}
      </Group>
    );

  const editButton = (o: TOrganisation) =>
    abilities[o.id]?.update && (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconPencil size={16} aria-hidden="true" />}
      onClick={() => setEditing(o)}
      aria-label={t('admin.organisations.editNamed', { name: o.name })}
    >
      {t('admin.organisations.edit')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} id={TITLE_ID}>
            {t('admin.organisations.title')}
          </Title>
          <Text c="gray.8">{canCreate ? t('admin.organisations.leadPlatform') : t('admin.organisations.leadOrg')}</Text>
        </div>
        {canCreate && (
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('admin.organisations.create')}
          </Button>
        )}
      </Group>
      <TextInput
        label={t('admin.organisations.search')}
        placeholder={t('admin.organisations.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        type="search"
      />

      {organisations.isError ? (
        <ErrorState error={organisations.error} onRetry={() => void organisations.refetch()} retrying={organisations.isFetching} />
      ) : organisations.isPending ? (
        <TableSkeleton />
      ) : filtered.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text>{search ? t('admin.organisations.noMatch') : t('admin.organisations.empty')}</Text>
        </Paper>
      ) : isMobile ? (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={TITLE_ID}>
          {filtered.map((o) => (
            <Paper component="li" key={o.id} withBorder radius="md" p="md">
              <Stack gap={8}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {o.name}
                  </Text>
                  <StatusBadge status={o.status} />
                </Group>
                <Text size="sm">
                  {t('admin.organisations.region')}: {o.regionName ?? '—'}
                </Text>
                <Text size="sm">
                  {t('admin.organisations.members')}: {o.memberCount}
                </Text>
                {sectorBadges(o)}
                <div>{editButton(o)}</div>
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md">
          <ScrollRegion labelledBy={TITLE_ID}>
            <Table miw={720} verticalSpacing="sm" horizontalSpacing="md" aria-labelledby={TITLE_ID}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.organisations.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organisations.region')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organisations.sectors')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('admin.organisations.members')}
                  </Table.Th>
                  <Table.Th scope="col">{t('admin.organisations.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {filtered.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row" fw={600}>
                      {o.name}
                    </Table.Th>
                    <Table.Td>{o.regionName ?? '—'}</Table.Td>
                    <Table.Td>{sectorBadges(o)}</Table.Td>
                    <Table.Td ta="right" className={classes.tabular}>
                      {o.memberCount}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={o.status} />
                    </Table.Td>
                    <Table.Td ta="right">{editButton(o)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </Paper>
      )}
      {organisations.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void organisations.fetchNextPage()} loading={organisations.isFetchingNextPage}>
            {t('admin.loadMore')}
          </Button>
        </Group>
      )}

      <OrganisationFormDialog
        organisation={editing === 'new' ? null : editing}
        opened={editing !== null}
        canArchive={editing !== null && editing !== 'new' && Boolean(abilities[editing.id]?.archive)}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
