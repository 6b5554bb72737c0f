import { useState } from 'react';
import { Anchor, Badge, Button, Divider, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  EXCHANGE_REQUEST_STATUSES,
  type TExchangeRequest,
  type TExchangeRequestStatus,
} from '../../../shared/schemas/exchange.js';
import { flattenPages } from '../../api/client.js';
import { useExchangeRequests, useExchangeStep, type TExchangeStep } from '../../api/learning-exchange.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState } from '../../components/states.js';
import { ProposeDayDialog, ReflectionForm, exchangeErrorText } from './exchange-forms.js';
import { EXCHANGE_PATH, LEARNING_PATH, todayInBrussels, useLearningFormat } from './learning-bits.js';
import { useUrlFilters } from '../../components/url-filters.js';
import { useFullLogin } from '../auth/use-full-login.js';

type TSide = 'visitor' | 'host';
const isStatus = (v: string | null): v is TExchangeRequestStatus => v !== null && (EXCHANGE_REQUEST_STATUSES as readonly string[]).includes(v);
const isSide = (v: string | null): v is TSide => v === 'visitor' || v === 'host';

const STATUS_COLOR: Record<TExchangeRequestStatus, string> = { requested: 'blue', proposed: 'yellow', accepted: 'teal', declined: 'red', cancelled: 'gray' };

/** A request's status in words (and colour, never colour only). */
function StatusBadge({ status }: { status: TExchangeRequestStatus }) {
  const { t } = useTranslation();
  return (
    // Never cut off in a narrow table column.
    <Badge color={STATUS_COLOR[status]} variant="light" c="gray.9" tt="none" styles={{ root: { minWidth: 'max-content' } }}>
      {t(`exchangeUi.status.${status}`)}
    </Badge>
  );
}

/** My exchange requests and those to the organisations I administer, by day, with the steps the status allows. */
export function ExchangeRequestsPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const f = useLearningFormat();
  const { params, setParam } = useUrlFilters();
  const sideParam = params.get('kant');
  const statusParam = params.get('status');
  const side = isSide(sideParam) ? sideParam : null;
  const status = isStatus(statusParam) ? statusParam : null;
  const query = useExchangeRequests(side, status);
  const step = useExchangeStep();
  const [proposing, setProposing] = useState<TExchangeRequest | null>(null);
  const [confirming, setConfirming] = useState<{ request: TExchangeRequest; step: 'decline' | 'cancel' } | null>(null);
  const [reflecting, setReflecting] = useState<TExchangeRequest | null>(null);
  const today = todayInBrussels();

  if (login.me === null) return login.gate;
  const me = login.me;
  const hosts = me.abilities['learning.exchange.host'] === true;


  const { items, abilities } = flattenPages(query.data);
  const shown = query.data ? items : undefined;
  const run = (r: TExchangeRequest, s: TExchangeStep, done: string) =>
    step.mutate(
      { requestId: r.id, step: s, version: r.version },
      { onSuccess: () => notify('green', done), onError: (error) => notify('red', exchangeErrorText(t, error)), onSettled: () => setConfirming(null) },
    );
  // The visit took place: accepted and the day before today (Brussels), as the server decides.
  const visited = (r: TExchangeRequest) => r.status === 'accepted' && r.day < today;

  const dayCell = (r: TExchangeRequest) => (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {f.shortDay(r.day)}
      </Text>
      {r.status === 'proposed' && r.proposedDay && (
        <Text size="sm">{t('exchangeUi.requests.proposedDay', { day: f.shortDay(r.proposedDay) })}</Text>
      )}
    </Stack>
  );
  const visitCell = (r: TExchangeRequest) => (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {r.offerTeam}
      </Text>
      <Text size="sm" c="gray.7">
        {r.hostOrganisationName}
      </Text>
    </Stack>
  );
  const visitorCell = (r: TExchangeRequest) => (
    <Stack gap={2}>
      <Text size="sm">{r.visitorName}</Text>
      <Text size="sm" c="gray.7">
        {r.visitorOrganisationName}
      </Text>
    </Stack>
  );
  const who = (r: TExchangeRequest) => `${r.visitorName} – ${r.offerTeam}`;

  const actions = (r: TExchangeRequest) => {
    const a = abilities[r.id];
    const busy = step.isPending && step.variables.requestId === r.id;
    return (
      <Group gap="xs" wrap="wrap">
        {a?.host && r.status === 'requested' && (
          <>
            <Button size="xs" loading={busy && step.variables.step === 'accept'} onClick={() => run(r, 'accept', t('exchangeUi.requests.accepted'))} aria-label={t('exchangeUi.requests.acceptOf', { who: who(r) })}>
              {t('exchangeUi.requests.accept')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setProposing(r)} aria-label={t('exchangeUi.requests.proposeOf', { who: who(r) })}>
              {t('exchangeUi.requests.propose')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming({ request: r, step: 'decline' })} aria-label={t('exchangeUi.requests.declineOf', { who: who(r) })}>
              {t('exchangeUi.requests.decline')}
            </Button>
          </>
        )}
        {a?.visit && r.status === 'proposed' && (
          <>
            <Button size="xs" loading={busy && step.variables.step === 'accept'} onClick={() => run(r, 'accept', t('exchangeUi.requests.acceptedProposal'))} aria-label={t('exchangeUi.requests.acceptProposalOf', { who: who(r) })}>
              {t('exchangeUi.requests.acceptProposal')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming({ request: r, step: 'decline' })} aria-label={t('exchangeUi.requests.declineProposalOf', { who: who(r) })}>
              {t('exchangeUi.requests.declineProposal')}
            </Button>
          </>
        )}
        {a?.visit && ['requested', 'proposed', 'accepted'].includes(r.status) && r.day > today && (
          <Button size="xs" variant="default" color="red" onClick={() => setConfirming({ request: r, step: 'cancel' })} aria-label={t('exchangeUi.requests.cancelOf', { who: who(r) })}>
            {t('exchangeUi.requests.cancel')}
          </Button>
        )}
        {visited(r) && (a?.host || a?.visit) && (
          <Button size="xs" variant="light" onClick={() => setReflecting(r)} aria-label={t('exchangeUi.requests.reflectionsOf', { who: who(r) })}>
            {t('exchangeUi.requests.reflections', { count: (r.visitorReflection ? 1 : 0) + (r.hostReflection ? 1 : 0) })}
          </Button>
        )}
      </Group>
    );
  };

  const columns: TListColumn<TExchangeRequest>[] = [
    { key: 'day', header: t('exchangeUi.fields.day'), cell: dayCell },
    { key: 'visit', header: t('exchangeUi.fields.host'), cell: visitCell, rowHeader: true },
    { key: 'visitor', header: t('exchangeUi.fields.visitor'), cell: visitorCell },
    { key: 'status', header: t('exchangeUi.fields.status'), cell: (r) => <StatusBadge status={r.status} />, nowrap: true },
    { key: 'motivation', header: t('exchangeUi.fields.motivation'), cell: (r) => <Text size="sm">{r.motivation}</Text>, visibleFrom: 'md' },
    { key: 'actions', header: t('exchangeUi.fields.actions'), cell: actions },
  ];

  const current = reflecting ? (items.find((r) => r.id === reflecting.id) ?? reflecting) : null;

  return (
    <>
      <PageHeader
        title={t('exchangeUi.requests.title')}
        description={t('exchangeUi.requests.lead')}
        breadcrumbs={[
          { label: t('learning.title'), to: LEARNING_PATH },
          { label: t('exchangeUi.offers.title'), to: EXCHANGE_PATH },
        ]}
      />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            {hosts && (
              <Select
                label={t('exchangeUi.requests.side')}
                data={[
                  { value: 'all', label: t('exchangeUi.requests.sideAll') },
                  { value: 'visitor', label: t('exchangeUi.requests.sideVisitor') },
                  { value: 'host', label: t('exchangeUi.requests.sideHost') },
                ]}
                value={side ?? 'all'}
                onChange={(v) => setParam('kant', isSide(v) ? v : null)}
                allowDeselect={false}
                w={260}
                maw="100%"
              />
            )}
            <Select
              label={t('exchangeUi.fields.status')}
              data={[{ value: 'all', label: t('exchangeUi.requests.allStatuses') }, ...EXCHANGE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`exchangeUi.status.${s}`) }))]}
              value={status ?? 'all'}
              onChange={(v) => setParam('status', isStatus(v) ? v : null)}
              allowDeselect={false}
              w={220}
              maw="100%"
            />
          </Group>
          <Button component={Link} to={EXCHANGE_PATH} variant="default">
            {t('exchangeUi.offersLink')}
          </Button>
        </Group>
        <Title order={2} size="h3" id="requests-heading">
          {t('exchangeUi.requests.listHeading')}
        </Title>
        <ResponsiveList<TExchangeRequest>
          items={shown}
          query={query}
          getKey={(r) => r.id}
          labelledBy="requests-heading"
          columns={columns}
          card={(r) => (
            <Stack gap={6}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                {dayCell(r)}
                <StatusBadge status={r.status} />
              </Group>
              <Title order={3} size="h5">
                {r.offerTeam}
              </Title>
              <Text size="sm" c="gray.7">
                {r.hostOrganisationName}
              </Text>
              <Text size="sm">{t('exchangeUi.requests.visitorLine', { name: r.visitorName, organisation: r.visitorOrganisationName })}</Text>
              <Text size="sm">{r.motivation}</Text>
              {actions(r)}
            </Stack>
          )}
          empty={
            <EmptyState title={t('exchangeUi.requests.empty')}>
              <Anchor component={Link} to={EXCHANGE_PATH}>
                {t('exchangeUi.requests.emptyText')}
              </Anchor>
            </EmptyState>
          }
          paging={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: () => void query.fetchNextPage() }}
          loadMoreLabel={t('learning.loadMore')}
        />
      </Stack>
      <ProposeDayDialog request={proposing} onClose={() => setProposing(null)} />
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming?.step === 'cancel' ? t('exchangeUi.requests.cancelTitle') : t('exchangeUi.requests.declineTitle')}
        confirmLabel={confirming?.step === 'cancel' ? t('exchangeUi.requests.cancelConfirm') : t('exchangeUi.requests.declineConfirm')}
        loading={step.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => confirming && run(confirming.request, confirming.step, confirming.step === 'cancel' ? t('exchangeUi.requests.cancelled') : t('exchangeUi.requests.declined'))}
      >
        {confirming && t(confirming.step === 'cancel' ? 'exchangeUi.requests.cancelText' : 'exchangeUi.requests.declineText', { who: confirming.request.visitorName, day: f.day(confirming.request.day), team: confirming.request.offerTeam })}
      </ConfirmDialog>
      <ReflectionsDialog request={current} host={current ? abilities[current.id]?.host === true : false} onClose={() => setReflecting(null)} />
    </>
  );
}

/** Both sides' reflections on a visit that took place; my side can be written or changed. */
function ReflectionsDialog({ request, host, onClose }: { request: TExchangeRequest | null; host: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const [editing, setEditing] = useState(false);
  const close = () => {
    setEditing(false);
    onClose();
  };
  if (!request) return <Modal opened={false} onClose={close} title="" />;
  const mine = host ? request.hostReflection : request.visitorReflection;
  const theirs = host ? request.visitorReflection : request.hostReflection;
  const theirLabel = host
    ? t('exchangeUi.reflection.visitorSide', { name: request.visitorName })
    : t('exchangeUi.reflection.hostSide', { organisation: request.hostOrganisationName });
  return (
    <Modal opened onClose={close} title={t('exchangeUi.reflection.title', { team: request.offerTeam, day: f.day(request.day) })} centered size="lg" closeButtonProps={{ 'aria-label': t('account.close') }}>
      <Stack gap="md">
        <section aria-labelledby="reflection-theirs">
          <Title order={3} size="h5" id="reflection-theirs">
            {theirLabel}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={theirs ? undefined : 'gray.7'}>
            {theirs ?? t('exchangeUi.reflection.notYet')}
          </Text>
          {!host && request.hostReflectionByName && (
            <Text size="xs" c="gray.7">
              {t('exchangeUi.reflection.by', { name: request.hostReflectionByName })}
            </Text>
          )}
        </section>
        <Divider />
        <section aria-labelledby="reflection-mine">
          <Title order={3} size="h5" id="reflection-mine">
            {host ? t('exchangeUi.reflection.hostSide', { organisation: request.hostOrganisationName }) : t('exchangeUi.reflection.yours')}
          </Title>
          {editing ? (
            <ReflectionForm request={request} current={mine} onDone={() => setEditing(false)} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={mine ? undefined : 'gray.7'}>
                {mine ?? t('exchangeUi.reflection.noneYet')}
              </Text>
              {host && request.hostReflectionByName && (
                <Text size="xs" c="gray.7">
                  {t('exchangeUi.reflection.by', { name: request.hostReflectionByName })}
                </Text>
              )}
              <Group>
                <Button size="sm" onClick={() => setEditing(true)}>
                  {mine ? t('exchangeUi.reflection.change') : t('exchangeUi.reflection.write')}
                </Button>
              </Group>
            </Stack>
          )}
        </section>
      </Stack>
    </Modal>
  );
}
