import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  fetchEntry,
  useConfirmEntry,
  useCreateEntry,
  useDeleteEntry,
  useEntries,
  useUpdateEntry,
  type TEntry,
  type TEntryKind,
} from '../../api/directory-manage.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { notify } from '../../components/notify.js';
import { EmptyState } from '../../components/states.js';
import { ConfirmedAt } from './entry-bits.js';
import { EntryFormDialog, type TOptions } from './entry-form.js';
import { KIND_SPECS } from './fields.js';

type TAbilities = { view: boolean; update: boolean; delete: boolean; confirm: boolean };

/** The name an entry is known by (a contact point has a title). */
export const entryName = (e: TEntry) => ('name' in e ? e.name : e.title);

/** A short line about the entry: where it is, how long the wait is, how many places. */
function EntrySummary({ kind, entry }: { kind: TEntryKind; entry: TEntry }) {
  const { t } = useTranslation();
  let text = '';
  if (kind === 'locations' && 'street' in entry) text = `${entry.street}, ${entry.postalCode} ${entry.city}`;
  else if (kind === 'services' && 'waitingDays' in entry)
    text = entry.waitingDays === null ? t('directoryManage.summary.noWaiting') : t('directoryManage.summary.waiting', { count: entry.waitingDays });
  else if (kind === 'contact-points' && 'function' in entry) text = [t(`directoryManage.functions.${entry.function}`), entry.email, entry.phone].filter(Boolean).join(' · ');
  else if (kind === 'zinplekken' && 'places' in entry) text = entry.places === null ? '' : t('directoryManage.summary.places', { count: entry.places });
  return <Text size="sm">{text}</Text>;
}

interface EntryListProps {
  organisationId: string;
  kind: TEntryKind;
  /** May this person add entries (the organisation's `update` ability). */
  canCreate: boolean;
  options: TOptions;
}

/** One kind of entry of the organisation: the list, and adding, changing, confirming and deleting. */
export function EntryList({ organisationId, kind, canCreate, options }: EntryListProps) {
  const { t } = useTranslation();
  const query = useEntries(organisationId, kind);
  const create = useCreateEntry(kind);
  const update = useUpdateEntry(kind);
  const confirm = useConfirmEntry(kind);
  const remove = useDeleteEntry(kind);
  const [editing, setEditing] = useState<TEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TEntry | null>(null);

  const items = query.data?.pages.flatMap((p) => p.data.items);
  const abilities: Record<string, TAbilities> = Object.assign({}, ...(query.data?.pages.map((p) => p.abilities) ?? []));
  const headingId = `entries-${kind}`;
  const kindText = (key: 'add' | 'createTitle' | 'empty' | 'emptyText') => t(`directoryManage.kinds.${kind}.${key}`);

  const doConfirm = (entry: TEntry) =>
    confirm.mutate(entry.id, {
      onSuccess: () => notify('green', t('directoryManage.confirmed', { name: entryName(entry) })),
      onError: (error) => notify('red', t(errorMessageKey(error))),
    });

  const doDelete = () => {
    if (!deleting) return;
    const entry = deleting;
    remove.mutate(entry.id, {
      onSuccess: () => {
        notify('green', t('directoryManage.deleted', { name: entryName(entry) }));
        setDeleting(null);
      },
      onError: (error) => {
        // In use (a service still offered at this location): the server says by what, in Dutch.
        notify('red', error instanceof ApiError && error.code === 'in_use' ? error.message || t('directoryManage.errors.inUse') : t(errorMessageKey(error)));
        setDeleting(null);
      },
    });
  };

  const actions = (entry: TEntry) => {
    const a = abilities[entry.id];
    const name = entryName(entry);
    return (
      <Group gap="xs" wrap="wrap">
        {a?.update && (
          <Button size="xs" variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />} aria-label={t('directoryManage.editNamed', { name })} onClick={() => setEditing(entry)}>
            {t('directoryManage.edit')}
          </Button>
        )}
        {a?.confirm && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCircleCheck size={16} aria-hidden="true" />}
            aria-label={t('directoryManage.confirmNamed', { name })}
            loading={confirm.isPending && confirm.variables === entry.id}
            onClick={() => doConfirm(entry)}
          >
            {t('directoryManage.confirm')}
          </Button>
        )}
        {a?.delete && (
          <Button size="xs" variant="default" leftSection={<IconTrash size={16} aria-hidden="true" color="var(--mantine-color-red-9)" />} aria-label={t('directoryManage.deleteNamed', { name })} onClick={() => setDeleting(entry)}>
            {t('directoryManage.delete')}
          </Button>
        )}
      </Group>
    );
  };

  const columns: TListColumn<TEntry>[] = [
    { key: 'name', header: t('directoryManage.name'), rowHeader: true, cell: entryName, compare: (a, b) => entryName(a).localeCompare(entryName(b)) },
    { key: 'details', header: t('directoryManage.details'), cell: (e) => <EntrySummary kind={kind} entry={e} /> },
    { key: 'confirmed', header: t('directoryManage.lastConfirmed'), cell: (e) => <ConfirmedAt confirmedAt={e.confirmedAt} stale={e.stale} compact /> },
    { key: 'actions', header: t('directoryManage.actions'), cell: actions },
  ];

  const spec = KIND_SPECS[kind];
  const current = editing === 'new' ? null : editing;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2} size="h3" id={headingId}>
          {t(`directoryManage.tabs.${kind}`)}
        </Title>
        {canCreate && (
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {kindText('add')}
          </Button>
        )}
      </Group>
      <ResponsiveList<TEntry>
        items={items}
        query={query}
        getKey={(e) => e.id}
        labelledBy={headingId}
        columns={columns}
        card={(e) => (
          <Stack gap={6}>
            <Title order={3} size="h5">
              {entryName(e)}
            </Title>
            <EntrySummary kind={kind} entry={e} />
            <ConfirmedAt confirmedAt={e.confirmedAt} stale={e.stale} />
            {actions(e)}
          </Stack>
        )}
        empty={<EmptyState title={kindText('empty')}>{kindText('emptyText')}</EmptyState>}
        paging={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: () => void query.fetchNextPage() }}
        loadMoreLabel={t('directoryManage.loadMore')}
      />
      <EntryFormDialog
        opened={editing !== null}
        title={current ? t('directoryManage.editNamed', { name: entryName(current) }) : kindText('createTitle')}
        spec={spec}
        record={current as (Record<string, unknown> & { version: number }) | null}
        options={options}
        onSave={async (body) => {
          const saved = current ? await update.mutateAsync({ id: current.id, body }) : await create.mutateAsync({ organisationId, body });
          notify('green', t(current ? 'directoryManage.saved' : 'directoryManage.created', { name: entryName(saved) }));
        }}
        reload={async () => (await fetchEntry(kind, current?.id ?? '')) as Record<string, unknown> & { version: number }}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('directoryManage.deleteTitle', { name: deleting ? entryName(deleting) : '' })}
        confirmLabel={t('directoryManage.delete')}
        loading={remove.isPending}
        onConfirm={doDelete}
        onClose={() => setDeleting(null)}
      >
        {t('directoryManage.deleteText', { name: deleting ? entryName(deleting) : '' })}
      </ConfirmDialog>
    </Stack>
  );
}
