import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TOrganisation } from '../../../shared/schemas/admin.js';
import { useOrganisations } from '../../api/admin.js';
import { flattenPages } from '../../api/client.js';
import { useSectors } from '../../api/queries.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { ResponsiveList } from '../../components/list/responsive-list.js';
import { useAdminContext } from './admin-layout.js';
import { StatusBadge, useSectorName, wrappingBadge } from './labels.js';
import { OrganisationFormDialog } from './organisation-form.js';

const TITLE_ID = 'organisations-title';

/** Organisations: search, table (cards on phones), create and edit. */
export function OrganisationsPanel() {
  const { t } = useTranslation();
  const { me } = useAdminContext();
  const canCreate = Boolean(me.abilities['admin.organisations.manage']);
  useDocumentTitle(t('admin.organisations.title'));
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

      <ResponsiveList<TOrganisation>
        items={organisations.data ? filtered : undefined}
        query={organisations}
        paging={organisations}
        loadMoreLabel={t('admin.loadMore')}
        getKey={(o) => o.id}
        labelledBy={TITLE_ID}
        minTableWidth={720}
        columns={[
          { key: 'name', header: t('admin.organisations.name'), rowHeader: true, cell: (o) => o.name },
          { key: 'region', header: t('admin.organisations.region'), cell: (o) => o.regionName ?? '—' },
          { key: 'sectors', header: t('admin.organisations.sectors'), cell: sectorBadges },
          { key: 'members', header: t('admin.organisations.members'), numeric: true, cell: (o) => o.memberCount },
          { key: 'status', header: t('admin.organisations.status'), nowrap: true, cell: (o) => <StatusBadge status={o.status} /> },
          { key: 'actions', header: <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>, cell: (o) => editButton(o) },
        ]}
        card={(o) => (
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
        )}
        empty={
          <Paper withBorder radius="md" p="lg">
            <Text>{search ? t('admin.organisations.noMatch') : t('admin.organisations.empty')}</Text>
          </Paper>
        }
      />

      <OrganisationFormDialog
        organisation={editing === 'new' ? null : editing}
        opened={editing !== null}
        canArchive={editing !== null && editing !== 'new' && Boolean(abilities[editing.id]?.archive)}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
