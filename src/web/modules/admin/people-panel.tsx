import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconPencil, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TPerson } from '../../../shared/schemas/admin.js';
import { useOrganisations, usePeople, useSetPersonStatus } from '../../api/admin.js';
import { flattenPages } from '../../api/client.js';
import { errorMessageKey } from '../../api/client.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { BreakableEmail, ResponsiveList } from '../../components/list/responsive-list.js';
import { isStepUpCancelled, useStepUp } from '../../components/step-up/step-up.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { SectionNoAccess, useAdminContext } from './admin-layout.js';
import { EnrolmentLinkDialog } from './enrolment-link-dialog.js';
import { PersonFormDialog } from './person-form.js';
import { PersonEditDialog } from './person-edit-form.js';
import { notify } from '../../components/notify.js';
import { StatusBadge, wrappingBadge } from './labels.js';

const TITLE_ID = 'people-title';
const ALL = 'all';

/** "Yes" / "No" with an icon, for the second factor. */
function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  const Icon = value ? IconCheck : IconX;
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} aria-hidden="true" color={value ? 'var(--mantine-color-green-8)' : 'var(--mantine-color-gray-7)'} />
      <span>{value ? t('admin.yes') : t('admin.no')}</span>
    </Group>
  );
}

/** People: filter by organisation, add, disable and enable. */
export function PeoplePanel() {
  const { t } = useTranslation();
  const { me } = useAdminContext();
  useDocumentTitle(t('admin.people.title'));
  const isPlatformAdmin = me.platformRoles.some((r) => r.role === 'platform_admin');
  const canManage = Boolean(me.abilities['admin.people.manage']);
  const [organisationId, setOrganisationId] = useState<string>(ALL);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  // The organisations to filter by and add to: the first hundred in reach (the server pages beyond that).
  const organisations = useOrganisations('', canManage, 100);
  const people = usePeople(organisationId === ALL ? null : organisationId, query, canManage);
  const [editing, setEditing] = useState<string | null>(null);
  const { withStepUp } = useStepUp();
  const setStatus = useSetPersonStatus(withStepUp);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ name: string; enrolmentLink: string } | null>(null);
  const [toChange, setToChange] = useState<{ person: TPerson; action: 'disable' | 'enable' } | null>(null);

  if (!canManage) return <SectionNoAccess />;

  // Every button follows the abilities the server sent with the records; no rule is re-derived here.
  const orgPage = flattenPages(organisations.data);
  const administered = orgPage.items.filter((o) => orgPage.abilities[o.id]?.addPerson);
  const administeredIds = new Set(orgPage.items.map((o) => o.id));
  const { items: list, abilities } = flattenPages(people.data);

  const runChange = () => {
    if (!toChange) return;
    const { person, action } = toChange;
    // Close the question first: the step-up dialog may come next.
    setToChange(null);
    setStatus.mutate(
      { id: person.id, action },
      {
        onSuccess: () =>
          notify('green', t(action === 'disable' ? 'admin.people.disabled' : 'admin.people.enabled', { name: person.name })),
        onError: (error) => {
          if (isStepUpCancelled(error)) return;
          notify('red', t(errorMessageKey(error)), t('admin.people.changeFailed'));
        },
      },
    );
  };

  const memberships = (p: TPerson) =>
    p.memberships.length === 0 ? (
      <Text c="dimmed" size="sm">
        —
      </Text>
    ) : (
      <Stack gap={4}>
        {p.memberships.map((m) => (
          <div key={m.organisationId}>
            <Text size="sm">{m.organisationName}</Text>
            <Text size="xs" c="gray.7">
              {m.roles.map((r) => t(`account.roles.${r}`)).join(', ')}
            </Text>
          </div>
        ))}
      </Stack>
    );

  const platformRoles = (p: TPerson) =>
    p.platformRoles.length === 0 ? (
      <Text c="dimmed" size="sm">
        —
      </Text>
    ) : (
      <Group gap={4}>
        {p.platformRoles.map((r) => (
          <Badge key={r} variant="light" tt="none" styles={wrappingBadge}>
            {t(`account.roles.${r}`)}
          </Badge>
        ))}
      </Group>
    );

  /** A platform admin's disable is lifted only by a platform admin: say so where the button is missing. */
  const status = (p: TPerson) => (
    <Stack gap={2} align="flex-start">
      <StatusBadge status={p.status} />
      {p.status === 'disabled' && p.disabledBy === 'platform' && (
        <Text size="xs" c="gray.7">
          {t('admin.people.disabledByPlatform')}
        </Text>
      )}
    </Stack>
  );

  const editButton = (p: TPerson) =>
    abilities[p.id]?.edit && (
      <Button
        variant="default"
        size="xs"
        leftSection={<IconPencil size={16} aria-hidden="true" />}
        onClick={() => setEditing(p.id)}
        aria-label={t('admin.people.editNamed', { name: p.name })}
      >
        {t('admin.people.edit')}
      </Button>
    );

  const action = (p: TPerson) => {
    const next = p.status === 'active' ? 'disable' : 'enable';
    if (!abilities[p.id]?.[next]) return null;
    return (
      <Button
        variant="default"
        size="xs"
        color={next === 'disable' ? 'red' : undefined}
        onClick={() => setToChange({ person: p, action: next })}
        aria-label={t(next === 'disable' ? 'admin.people.disableNamed' : 'admin.people.enableNamed', { name: p.name })}
        loading={setStatus.isPending && setStatus.variables.id === p.id}
      >
        {t(next === 'disable' ? 'admin.people.disable' : 'admin.people.enable')}
      </Button>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} id={TITLE_ID}>
            {t('admin.people.title')}
          </Title>
          <Text c="gray.8">{t('admin.people.lead')}</Text>
        </div>
        <Button
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          onClick={() => setAdding(true)}
          disabled={organisations.isPending || (!isPlatformAdmin && administered.length === 0)}
        >
          {t('admin.people.create')}
        </Button>
      </Group>
      <Select
        label={t('admin.people.filterOrganisation')}
        data={[
          { value: ALL, label: t('admin.people.allOrganisations') },
          ...orgPage.items.map((o) => ({ value: o.id, label: o.name })),
        ]}
        value={organisationId}
        onChange={(value) => setOrganisationId(value ?? ALL)}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('admin.nothingFound')}
        maw={420}
      />
      <TextInput
        label={t('admin.people.search')}
        placeholder={t('admin.people.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        type="search"
      />

      <ResponsiveList<TPerson>
        items={people.data ? list : undefined}
        query={people}
        paging={people}
        loadMoreLabel={t('admin.loadMore')}
        getKey={(p) => p.id}
        labelledBy={TITLE_ID}
        columns={[
          { key: 'name', header: t('admin.people.name'), rowHeader: true, cell: (p) => p.name },
          { key: 'email', header: t('admin.people.email'), cell: (p) => <BreakableEmail email={p.email} /> },
          { key: 'organisations', header: t('admin.people.organisations'), cell: memberships },
          { key: 'platformRoles', header: t('admin.people.platformRoles'), cell: platformRoles },
          { key: 'status', header: t('admin.people.status'), cell: status },
          { key: 'mfa', header: t('admin.people.mfa'), nowrap: true, cell: (p) => <YesNo value={p.mfaEnabled} /> },
          {
            key: 'actions',
            header: <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>,
            cell: (p) => (
              <Group gap="xs" justify="flex-end">
                {editButton(p)}
                {action(p)}
              </Group>
            ),
          },
        ]}
        card={(p) => (
          <Stack gap={8} data-testid="person-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{p.name}</Text>
                <Text size="sm">
                  <BreakableEmail email={p.email} />
                </Text>
              </div>
              {status(p)}
            </Group>
            {memberships(p)}
            {p.platformRoles.length > 0 && platformRoles(p)}
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{t('admin.people.mfa')}:</Text>
              <Text size="sm" component="div">
                <YesNo value={p.mfaEnabled} />
              </Text>
            </Group>
            <Group gap="xs">
              {editButton(p)}
              {action(p)}
            </Group>
          </Stack>
        )}
        empty={
          <Paper withBorder radius="md" p="lg">
            <Text>{query ? t('admin.people.noMatch') : t('admin.people.empty')}</Text>
          </Paper>
        }
      />

      <PersonEditDialog personId={editing} administeredIds={administeredIds} onClose={() => setEditing(null)} />
      <PersonFormDialog
        opened={adding}
        onClose={() => setAdding(false)}
        organisations={administered}
        isPlatformAdmin={isPlatformAdmin}
        defaultOrganisationId={organisationId === ALL ? null : organisationId}
        onCreated={(result) => {
          setAdding(false);
          setCreated(result);
        }}
      />
      <EnrolmentLinkDialog result={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={toChange !== null}
        title={t(toChange?.action === 'enable' ? 'admin.people.enableTitle' : 'admin.people.disableTitle', { name: toChange?.person.name ?? '' })}
        confirmLabel={t(toChange?.action === 'enable' ? 'admin.people.enable' : 'admin.people.disable')}
        onConfirm={runChange}
        onClose={() => setToChange(null)}
      >
        {toChange &&
          t(toChange.action === 'enable' ? 'admin.people.enableText' : 'admin.people.disableText', { name: toChange.person.name })}
      </ConfirmDialog>
    </Stack>
  );
}
