import { useState } from 'react';
import { Anchor, Button, Group, Modal, MultiSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TPartnership } from '../../../shared/schemas/learning-toolkit.js';
import { useCreatePartnership, useOrganisationOptions, usePartnerships, useToolkitContent } from '../../api/learning-toolkit.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState } from '../../components/states.js';
import { FormError } from '../../components/form/form-error.js';
import { authErrorText } from '../../components/form/error-text.js';
import { notify } from '../../components/notify.js';
import { LEARNING_PATH, useLearningFormat } from './learning-bits.js';
import { TOOLKIT_CONTENT_PATH, partnershipPath } from './toolkit-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** The partnerships of my organisations (coordinators: all), with the toolkit's buttons. */
export function PartnershipsPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const content = useToolkitContent();
  const query = usePartnerships();
  const f = useLearningFormat();
  const [creating, setCreating] = useState(false);

  if (login.me === null) return login.gate;
  const abilities = content.data?.abilities;

  const items = query.data?.pages.flatMap((p) => p.data.items);
  const name = (p: TPartnership) => (
    <Anchor component={Link} to={partnershipPath(p.id)} fw={600}>
      {p.name}
    </Anchor>
  );
  const members = (p: TPartnership) => p.members.map((m) => m.organisationName).join(', ');
  const last = (p: TPartnership) => (p.lastRoundDate ? f.shortDay(p.lastRoundDate) : t('toolkit.noRound'));
  const columns: TListColumn<TPartnership>[] = [
    { key: 'name', header: t('toolkit.fields.name'), rowHeader: true, cell: name },
    { key: 'members', header: t('toolkit.members'), cell: members },
    { key: 'rounds', header: t('toolkit.rounds'), cell: (p) => p.roundCount, numeric: true },
    { key: 'last', header: t('toolkit.lastRound'), cell: last, nowrap: true, visibleFrom: 'md' },
  ];

  return (
    <>
      <PageHeader title={t('toolkit.title')} description={t('toolkit.lead')} breadcrumbs={[{ label: t('learning.title'), to: LEARNING_PATH }]} />
      <Stack gap="md">
        <Group justify="flex-end" gap="sm" wrap="wrap">
          {abilities?.editContent && (
            <Button variant="default" component={Link} to={TOOLKIT_CONTENT_PATH} leftSection={<IconPencil size={18} aria-hidden="true" />}>
              {t('toolkit.editContent')}
            </Button>
          )}
          {abilities?.createPartnership && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
              {t('toolkit.newPartnership')}
            </Button>
          )}
        </Group>
        <Title order={2} size="h3" id="partnerships-heading">
          {t('toolkit.listHeading')}
        </Title>
        <ResponsiveList<TPartnership>
          items={items}
          query={query}
          getKey={(p) => p.id}
          labelledBy="partnerships-heading"
          columns={columns}
          card={(p) => (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {name(p)}
              </Title>
              <Text size="sm">{members(p)}</Text>
              <Text size="sm" c="dimmed">
                {t('toolkit.rounds')}: {p.roundCount} · {t('toolkit.lastRound')}: {last(p)}
              </Text>
            </Stack>
          )}
          empty={<EmptyState title={t('toolkit.empty')}>{t('toolkit.emptyText')}</EmptyState>}
          paging={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: () => void query.fetchNextPage() }}
          loadMoreLabel={t('toolkit.loadMore')}
        />
      </Stack>
      {abilities?.createPartnership && <PartnershipDialog opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

function PartnershipDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const options = useOrganisationOptions(search.trim(), opened);
  const [known, setKnown] = useState<Record<string, string>>({});
  const create = useCreatePartnership();
  const data = [...new Map([...(options.data?.data ?? []).map((o) => [o.id, o.name] as const), ...ids.map((id) => [id, known[id] ?? id] as const)]).entries()].map(([value, label]) => ({ value, label }));

  const submit = () =>
    create.mutate(
      { name, description, organisationIds: ids },
      {
        onSuccess: (res) => {
          notify('green', t('toolkit.created'));
          onClose();
          void navigate(partnershipPath(res.id));
        },
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title={t('toolkit.newPartnership')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FormError message={create.error ? authErrorText(t, create.error) : null} />
          <TextInput label={t('toolkit.fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} />
          <Textarea label={t('toolkit.fields.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <MultiSelect
            label={t('toolkit.fields.organisations')}
            data={data}
            value={ids}
            onChange={(v) => {
              setKnown((k) => ({ ...k, ...Object.fromEntries(data.filter((d) => v.includes(d.value)).map((d) => [d.value, d.label])) }));
              setIds(v);
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('toolkit.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={ids.length < 2 || name.trim().length < 2}>
              {t('toolkit.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
