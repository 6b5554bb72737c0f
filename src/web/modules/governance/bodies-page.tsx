import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBody } from '../../../shared/schemas/governance.js';
import { useBodies } from '../../api/governance.js';
import { useBodyOptions } from '../../api/governance-manage.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState } from '../../components/states.js';
import { MY_ACTIONS_PATH, bodyPath } from './governance-bits.js';
import { BodyCreateModal } from './manage-forms.js';
import { PUBLISHED_PATH } from './plan-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** My bodies: a table on wide screens, cards on phones; and the way to my actions. */
export function BodiesPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const query = useBodies();
  const options = useBodyOptions();
  const [creating, setCreating] = useState(false);
  const canCreate = options.data?.abilities.createBody === true;

  if (login.me === null) return login.gate;

  const name = (b: TBody) => (
    <Anchor component={Link} to={bodyPath(b.id)} fw={600}>
      {b.name}
    </Anchor>
  );
  const columns: TListColumn<TBody>[] = [
    { key: 'name', header: t('governance.fields.name'), rowHeader: true, cell: name },
    { key: 'kind', header: t('governance.fields.kind'), cell: (b) => t(`governance.kind.${b.kind}`), nowrap: true },
    { key: 'region', header: t('governance.fields.region'), cell: (b) => b.regionName, visibleFrom: 'md' },
    { key: 'members', header: t('governance.fields.members'), cell: (b) => b.currentMemberCount, numeric: true },
  ];

  return (
    <>
      <PageHeader title={t('governance.title')} description={t('governance.lead')} />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id="bodies-heading">
            {t('governance.bodiesHeading')}
          </Title>
          <Group gap="sm" wrap="wrap">
            {canCreate && (
              <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('manage.body.create')}
              </Button>
            )}
            <Button component={Link} to={MY_ACTIONS_PATH} variant="default" leftSection={<IconChecklist size={18} aria-hidden="true" />}>
              {t('governance.myActions')}
            </Button>
            <Button component={Link} to={PUBLISHED_PATH} variant="default">
              {t('planScreens.publishedTitle')}
            </Button>
          </Group>
        </Group>
        {canCreate && <BodyCreateModal opened={creating} onClose={() => setCreating(false)} />}
        <ResponsiveList<TBody>
          items={query.data?.data.items}
          query={query}
          getKey={(b) => b.id}
          labelledBy="bodies-heading"
          columns={columns}
          card={(b) => (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {name(b)}
              </Title>
              <Text size="sm">
                {t(`governance.kind.${b.kind}`)} · {b.regionName}
              </Text>
              <Text size="sm" c="dimmed">
                {t('governance.memberCount', { count: b.currentMemberCount })}
              </Text>
            </Stack>
          )}
          empty={<EmptyState title={t('governance.empty')}>{t('governance.emptyText')}</EmptyState>}
        />
      </Stack>
    </>
  );
}
