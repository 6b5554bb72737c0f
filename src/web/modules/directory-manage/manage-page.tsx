import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconChecks, IconClockExclamation, IconPencil } from '@tabler/icons-react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@mantine/hooks';
import { useOrganisations } from '../../api/admin.js';
import { errorMessageKey } from '../../api/client.js';
import {
  ENTRY_KINDS,
  fetchManagedOrganisation,
  useConfirmAll,
  useConfirmOrganisationEntry,
  useEntries,
  useManagedOrganisation,
  useMunicipalities,
  useUpdateOrganisationEntry,
  type TEntryKind,
} from '../../api/directory-manage.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { NoAccess } from '../admin/admin-layout.js';
import { ConfirmedAt, useStaticOptions } from './entry-bits.js';
import { EntryFormDialog, type TOptions } from './entry-form.js';
import { entryName, EntryList } from './entry-list.js';
import { KIND_SPECS } from './fields.js';
import { EngagementSection } from './engagement-section.js';
import { useFullLogin } from '../auth/use-full-login.js';

export const DIRECTORY_MANAGE_PATH = '/sociale-kaart/beheer';
export const DIRECTORY_STALE_PATH = '/sociale-kaart/beheer/verouderd';
export const DIRECTORY_ENGAGEMENTS_PATH = '/sociale-kaart/beheer/engagementen';

/** Tabs by their Dutch address part (`?tab=diensten`). */
const TAB_PATHS: Record<TEntryKind, string> = { locations: 'locaties', services: 'diensten', 'contact-points': 'contactpunten', zinplekken: 'zinplekken' };
/** The kind of a stale entry → its tab. */
export const STALE_KIND_TAB: Record<string, string | undefined> = { location: 'locaties', service: 'diensten', contact_point: 'contactpunten', zinplek: 'zinplekken' };

/** Address of an organisation's page, optionally on one tab. */
export const manageOrganisationPath = (organisationId: string, tab?: string) =>
  `${DIRECTORY_MANAGE_PATH}?${new URLSearchParams({ organisatie: organisationId, ...(tab ? { tab } : {}) }).toString()}`;

/** "Onze organisatie in de sociale kaart": an organisation admin keeps their organisation's entries. */
export function ManagePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const login = useFullLogin();
  if (login.me === null) return login.gate;
  const me = login.me;
  const abilities = me.abilities;
  if (!abilities['directory.keep']) return <NoAccess />;
  if (!abilities['directory.manage']) return <Navigate to={DIRECTORY_STALE_PATH} replace />;

  const mine = me.memberships.filter((m) => m.roles.includes('org_admin'));
  const organisationId = params.get('organisatie') ?? mine[0]?.organisationId ?? null;
  const choose = (id: string | null) => {
    if (id) setParams({ organisatie: id });
  };

  return (
    <>
      <PageHeader
        title={t('directoryManage.title')}
        description={t('directoryManage.lead')}
        aside={
          abilities['directory.stale'] || abilities['directory.engagements'] ? (
            <Stack gap={4} align="flex-end">
              {abilities['directory.stale'] && (
                <Anchor component={Link} to={DIRECTORY_STALE_PATH}>
                  {t('directoryManage.toStale')}
                </Anchor>
              )}
              {abilities['directory.engagements'] && (
                <Anchor component={Link} to={DIRECTORY_ENGAGEMENTS_PATH}>
                  {t('directoryManage.engagements.toOverview')}
                </Anchor>
              )}
            </Stack>
          ) : undefined
        }
      />
      {abilities['admin.organisations.manage'] ? (
        <AnyOrganisationPicker value={organisationId} onChange={choose} />
      ) : mine.length > 1 && (
        <Select
          label={t('directoryManage.chooseOrganisation')}
          data={mine.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
          value={organisationId}
          onChange={choose}
          allowDeselect={false}
          maw="30rem"
          mb="lg"
        />
      )}
      {organisationId ? (
        <OrganisationEntries key={organisationId} organisationId={organisationId} />
      ) : (
        <Alert variant="light" color="gray">
          <Text c="gray.9">{t(abilities['admin.organisations.manage'] ? 'directoryManage.pickOrganisation' : 'directoryManage.noOrganisation')}</Text>
        </Alert>
      )}
    </>
  );
}

/** Platform admins keep every organisation's entries: a search over all organisations. */
function AnyOrganisationPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const organisations = useOrganisations(debounced, true, 30);
  const current = useManagedOrganisation(value);
  const items = organisations.data?.pages.flatMap((p) => p.data.items) ?? [];
  const data = items.map((o) => ({ value: o.id, label: o.name }));
  if (value && current.data && !data.some((d) => d.value === value)) data.unshift({ value, label: current.data.data.name });
  return (
    <Select
      label={t('directoryManage.chooseOrganisation')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options }) => options}
      allowDeselect={false}
      nothingFoundMessage={t('admin.nothingFound')}
      maw="30rem"
      mb="lg"
    />
  );
}

function OrganisationEntries({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const organisation = useManagedOrganisation(organisationId);
  const municipalities = useMunicipalities();
  // The choices of the forms: the organisation's own locations and services.
  const locations = useEntries(organisationId, 'locations');
  const services = useEntries(organisationId, 'services');
  const staticOptions = useStaticOptions();
  const options: TOptions = {
    ...staticOptions,
    locations: (locations.data?.pages.flatMap((p) => p.data.items) ?? []).map((l) => ({ value: l.id, label: l.name })),
    services: (services.data?.pages.flatMap((p) => p.data.items) ?? []).map((s) => ({ value: s.id, label: entryName(s) })),
    municipalities: (municipalities.data ?? []).map((m) => ({ value: m.nisCode, label: `${m.nameNl} (${m.nisCode})` })),
  };
  const tabParam = params.get('tab');
  const tab = ENTRY_KINDS.find((k) => TAB_PATHS[k] === tabParam) ?? 'locations';

  if (organisation.isPending) return <SectionSkeleton />;
  if (organisation.isError) return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />;
  const canUpdate = organisation.data.abilities.update;

  return (
    <Stack gap="xl">
      <OrganisationSection organisation={organisation.data.data} abilities={organisation.data.abilities} options={options} />
      <Tabs
        value={tab}
        onChange={(v) => {
          const kind = ENTRY_KINDS.find((k) => k === v);
          if (kind) setParams({ organisatie: organisationId, tab: TAB_PATHS[kind] }, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('directoryManage.tabs.label')}>
          {ENTRY_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`directoryManage.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {ENTRY_KINDS.map((k) => (
          <Tabs.Panel key={k} value={k} pt="lg">
            <EntryList organisationId={organisationId} kind={k} canCreate={canUpdate} options={options} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <EngagementSection organisationId={organisationId} canCreate={canUpdate} />
    </Stack>
  );
}

type TOrganisation = NonNullable<ReturnType<typeof useManagedOrganisation>['data']>['data'];

function OrganisationSection({ organisation, abilities, options }: { organisation: TOrganisation; abilities: { update: boolean; confirm: boolean }; options: TOptions }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisationEntry();
  const confirm = useConfirmOrganisationEntry();
  const confirmAll = useConfirmAll();
  const [editing, setEditing] = useState(false);
  const yesNo = (v: boolean) => (v ? t('directoryManage.yes') : t('directoryManage.no'));

  const facts: [string, string][] = [
    [t('directoryManage.fields.website'), organisation.website ?? '—'],
    [t('directoryManage.fields.email'), organisation.email ?? '—'],
    [t('directoryManage.fields.phone'), organisation.phone ?? '—'],
    [t('directoryManage.fields.directAccess'), yesNo(organisation.directAccess)],
    [t('directoryManage.fields.broadEntryPoint'), yesNo(organisation.broadEntryPoint)],
    [t('directoryManage.fields.mandated'), yesNo(organisation.mandated)],
    [t('directoryManage.fields.listed'), yesNo(organisation.listed)],
  ];

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="directory-organisation">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Title order={2} size="h3" id="directory-organisation">
              {organisation.name}
            </Title>
            <ConfirmedAt confirmedAt={organisation.confirmedAt} stale={organisation.stale} />
          </Stack>
          <Group gap="xs" wrap="wrap">
            {abilities.update && (
              <Button variant="default" leftSection={<IconPencil size={18} aria-hidden="true" />} onClick={() => setEditing(true)}>
                {t('directoryManage.edit')}
              </Button>
            )}
            {abilities.confirm && (
              <Button
                variant="default"
                loading={confirm.isPending}
                onClick={() =>
                  confirm.mutate(organisation.id, {
                    onSuccess: () => notify('green', t('directoryManage.confirmed', { name: organisation.name })),
                    onError: (error) => notify('red', t(errorMessageKey(error))),
                  })
                }
              >
                {t('directoryManage.confirm')}
              </Button>
            )}
            {abilities.confirm && (
              <Button
                leftSection={<IconChecks size={18} aria-hidden="true" />}
                loading={confirmAll.isPending}
                onClick={() =>
                  confirmAll.mutate(organisation.id, {
                    onSuccess: (result) => {
                      const count = Object.values(result.counts).reduce((a, b) => a + b, 0);
                      notify('green', t('directoryManage.confirmAllDone', { count }));
                    },
                    onError: (error) => notify('red', t(errorMessageKey(error))),
                  })
                }
              >
                {t('directoryManage.confirmAll')}
              </Button>
            )}
          </Group>
        </Group>
        {abilities.confirm && (
          <Text size="sm" c="gray.8" maw="46rem">
            {t('directoryManage.confirmAllHelp')}
          </Text>
        )}
        {organisation.description && <Text style={{ whiteSpace: 'pre-line' }}>{organisation.description}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <div>
          <Text size="sm" fw={600}>
            {t('directoryManage.fields.municipalities')}
          </Text>
          <Text>{organisation.municipalities.map((m) => m.nameNl).join(', ') || t('directoryManage.organisation.municipalitiesNone')}</Text>
        </div>
        {organisation.stale && (
          <Group gap="xs">
            <IconClockExclamation size={18} aria-hidden="true" color="var(--mantine-color-orange-9)" />
            <Text size="sm">{t('directoryManage.staleHelp')}</Text>
          </Group>
        )}
      </Stack>
      <EntryFormDialog
        opened={editing}
        title={t('directoryManage.organisation.editTitle', { name: organisation.name })}
        spec={KIND_SPECS.organisation}
        record={organisation as unknown as Record<string, unknown> & { version: number }}
        options={options}
        onSave={async (body) => {
          await update.mutateAsync({ id: organisation.id, body: body as { version: number } });
          notify('green', t('directoryManage.saved', { name: organisation.name }));
        }}
        reload={async () => (await fetchManagedOrganisation(organisation.id)) as unknown as Record<string, unknown> & { version: number }}
        onClose={() => setEditing(false)}
      />
    </Paper>
  );
}
