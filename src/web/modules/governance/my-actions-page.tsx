import { Anchor, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TActionItem } from '../../../shared/schemas/governance.js';
import { flattenPages } from '../../api/client.js';
import { errorMessageKey } from '../../api/client.js';
import { useMyActions, useUpdateAction } from '../../api/governance.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState } from '../../components/states.js';
import { ActionStatusBadge, GOVERNANCE_PATH, meetingPath, useGovernanceFormat } from './governance-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** The actions owned by me across all bodies, open ones first; the owner may close them. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const query = useMyActions();
  const update = useUpdateAction();
  const f = useGovernanceFormat();

  if (login.me === null) return login.gate;

  const { items, abilities } = flattenPages(query.data);
  const close = (a: TActionItem) =>
    update.mutate(
      { actionId: a.id, body: { version: a.version, status: 'done' } },
      { onSuccess: () => notify('green', t('governance.actionClosed')), onError: (error) => notify('red', t(errorMessageKey(error))) },
    );
  const closeButton = (a: TActionItem) =>
    a.status === 'open' && abilities[a.id]?.update ? (
      <Button size="xs" variant="default" onClick={() => close(a)} loading={update.isPending && update.variables?.actionId === a.id} aria-label={t('governance.closeActionOf', { description: a.description })}>
        {t('governance.closeAction')}
      </Button>
    ) : null;
  const from = (a: TActionItem) => (
    <Anchor component={Link} to={meetingPath(a.meetingId)}>
      {t('governance.fromMeeting', { body: a.bodyName, date: f.shortDay(a.meetingDate) })}
    </Anchor>
  );
  const columns: TListColumn<TActionItem>[] = [
    { key: 'description', header: t('governance.fields.description'), rowHeader: true, cell: (a) => a.description },
    { key: 'meeting', header: t('governance.fields.meeting'), cell: from },
    { key: 'due', header: t('governance.fields.due'), cell: (a) => (a.dueOn ? f.shortDay(a.dueOn) : '—'), nowrap: true },
    { key: 'status', header: t('governance.fields.status'), cell: (a) => <ActionStatusBadge status={a.status} /> },
    { key: 'close', header: <VisuallyHidden>{t('governance.closeAction')}</VisuallyHidden>, cell: closeButton },
  ];

  return (
    <>
      <PageHeader title={t('governance.myActions')} description={t('governance.myActionsLead')} breadcrumbs={[{ label: t('governance.title'), to: GOVERNANCE_PATH }]} />
      <Stack gap="md">
        <VisuallyHidden>
          <Title order={2} id="my-actions-heading">
            {t('governance.myActions')}
          </Title>
        </VisuallyHidden>
        <ResponsiveList<TActionItem>
          items={query.data ? items : undefined}
          query={query}
          paging={query}
          getKey={(a) => a.id}
          labelledBy="my-actions-heading"
          columns={columns}
          card={(a) => (
            <Stack gap={4}>
              <Group gap="xs">
                <ActionStatusBadge status={a.status} />
                {a.dueOn && <Text size="sm">{t('governance.dueOn', { date: f.shortDay(a.dueOn) })}</Text>}
              </Group>
              <Text fw={600}>{a.description}</Text>
              <Text size="sm">{from(a)}</Text>
              {closeButton(a)}
            </Stack>
          )}
          empty={<EmptyState title={t('governance.myActionsEmpty')}>{t('governance.myActionsEmptyText')}</EmptyState>}
        />
      </Stack>
    </>
  );
}
