import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconPlus, IconTable } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TOffer } from '../../../shared/schemas/exchange.js';
import { flattenPages } from '../../api/client.js';
import { useSectors } from '../../api/queries.js';
import { useSectorName } from '../admin/labels.js';
import { useExchangeOffers, useWithdrawOffer } from '../../api/learning-exchange.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DateInput } from '../../components/date-input.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState } from '../../components/states.js';
import { OfferFormDialog, RequestDayDialog, exchangeErrorText } from './exchange-forms.js';
import { EXCHANGE_MATRIX_PATH, EXCHANGE_REQUESTS_PATH, LEARNING_PATH, todayInBrussels, useLearningFormat } from './learning-bits.js';
import { useUrlFilters } from '../../components/url-filters.js';
import { useFullLogin } from '../auth/use-full-login.js';

const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Exchange learning: the published host offers (filter by sector and from a day), ask for a day; admins publish and keep their organisation's offers. */
export function ExchangeOffersPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const sectors = useSectors();
  const sectorName = useSectorName(sectors.data);
  const f = useLearningFormat();
  const { params, setParam } = useUrlFilters();
  const today = todayInBrussels();
  const sector = params.get('sector');
  const fromParam = params.get('vanaf');
  const from = isDay(fromParam) ? fromParam : today;
  const query = useExchangeOffers(sector, from);
  const withdraw = useWithdrawOffer();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TOffer | null>(null);
  const [asking, setAsking] = useState<TOffer | null>(null);
  const [withdrawing, setWithdrawing] = useState<TOffer | null>(null);

  if (login.me === null) return login.gate;
  const me = login.me;
  const hosts = me.abilities['learning.exchange.host'] === true;
  const seesMatrix = me.abilities['learning.exchange.matrix'] === true;


  const { items, abilities } = flattenPages(query.data);
  const shown = query.data ? items : undefined;
  const upcoming = (o: TOffer) => o.dates.filter((d) => d >= from);
  const daysText = (o: TOffer) => upcoming(o).map((d) => f.shortDay(d)).join(', ') || t('exchangeUi.offers.noDays');

  const actions = (o: TOffer) => {
    const a = abilities[o.id];
    return (
      <Group gap="xs" wrap="wrap">
        {a?.request && (
          <Button size="xs" onClick={() => setAsking(o)} aria-label={t('exchangeUi.offers.askFor', { team: o.team })}>
            {t('exchangeUi.offers.ask')}
          </Button>
        )}
        {a?.update && (
          <>
            <Button size="xs" variant="default" onClick={() => setEditing(o)} aria-label={t('exchangeUi.offers.editOf', { team: o.team })}>
              {t('exchangeUi.offers.edit')}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={() => setWithdrawing(o)} aria-label={t('exchangeUi.offers.withdrawOf', { team: o.team })}>
              {t('exchangeUi.offers.withdraw')}
            </Button>
          </>
        )}
      </Group>
    );
  };
  const statusBadge = (o: TOffer) =>
    o.status === 'withdrawn' ? (
      <Badge color="gray" variant="light" c="gray.9">
        {t('exchangeUi.offers.withdrawn')}
      </Badge>
    ) : null;

  const columns: TListColumn<TOffer>[] = [
    {
      key: 'team',
      header: t('exchangeUi.fields.team'),
      rowHeader: true,
      cell: (o) => (
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {o.team}
            </Text>
            {statusBadge(o)}
          </Group>
          <Text size="sm" c="gray.7">
            {o.organisationName}
          </Text>
        </Stack>
      ),
    },
    { key: 'sector', header: t('exchangeUi.fields.sector'), cell: (o) => sectorName(o.sector) },
    { key: 'description', header: t('exchangeUi.fields.description'), cell: (o) => <Text size="sm">{o.description}</Text> },
    { key: 'days', header: t('exchangeUi.fields.days'), cell: daysText },
    { key: 'places', header: t('exchangeUi.fields.visitorsPerDay'), cell: (o) => o.visitorsPerDay, numeric: true },
    // The actions column only when there is something to do on some row (a coordinator may only look).
    ...(items.some((o) => abilities[o.id]?.request || abilities[o.id]?.update) ? [{ key: 'actions', header: t('exchangeUi.fields.actions'), cell: actions }] : []),
  ];

  return (
    <>
      <PageHeader title={t('exchangeUi.offers.title')} description={t('exchangeUi.offers.lead')} breadcrumbs={[{ label: t('learning.title'), to: LEARNING_PATH }]} />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('exchangeUi.fields.sector')}
              data={[{ value: 'all', label: t('exchangeUi.offers.allSectors') }, ...(sectors.data ?? []).map((s) => ({ value: s.code, label: sectorName(s.code) }))]}
              value={sector ?? 'all'}
              onChange={(v) => setParam('sector', v && v !== 'all' ? v : null)}
              allowDeselect={false}
              w={260}
              maw="100%"
            />
            <DateInput label={t('exchangeUi.offers.from')} value={from} onChange={(v) => setParam('vanaf', v && v !== today ? v : null)} />
          </Group>
          <Group gap="sm" wrap="wrap">
            <Button component={Link} to={EXCHANGE_REQUESTS_PATH} variant="default" leftSection={<IconArrowsExchange size={18} aria-hidden="true" />}>
              {t('exchangeUi.requestsLink')}
            </Button>
            {seesMatrix && (
              <Button component={Link} to={EXCHANGE_MATRIX_PATH} variant="default" leftSection={<IconTable size={18} aria-hidden="true" />}>
                {t('exchangeScreens.matrix.link')}
              </Button>
            )}
            {hosts && (
              <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('exchangeUi.offers.new')}
              </Button>
            )}
          </Group>
        </Group>
        <Title order={2} size="h3" id="offers-heading">
          {t('exchangeUi.offers.listHeading')}
        </Title>
        <ResponsiveList<TOffer>
          items={shown}
          query={query}
          getKey={(o) => o.id}
          labelledBy="offers-heading"
          columns={columns}
          card={(o) => (
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="outline" color="indigo" c="indigo.9" tt="none">
                  {sectorName(o.sector)}
                </Badge>
                {statusBadge(o)}
              </Group>
              <Title order={3} size="h5">
                {o.team}
              </Title>
              <Text size="sm" c="gray.7">
                {o.organisationName}
              </Text>
              <Text size="sm">{o.description}</Text>
              <Text size="sm">
                <strong>{t('exchangeUi.fields.days')}:</strong> {daysText(o)}
              </Text>
              <Text size="sm">{t('exchangeUi.offers.places', { count: o.visitorsPerDay })}</Text>
              {actions(o)}
            </Stack>
          )}
          empty={<EmptyState title={t('exchangeUi.offers.empty')}>{hosts ? t('exchangeUi.offers.emptyHost') : t('exchangeUi.offers.emptyText')}</EmptyState>}
          paging={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: () => void query.fetchNextPage() }}
          loadMoreLabel={t('learning.loadMore')}
        />
      </Stack>
      {hosts && <OfferFormDialog opened={creating || editing !== null} offer={editing} onClose={() => (setCreating(false), setEditing(null))} />}
      <RequestDayDialog offer={asking} onClose={() => setAsking(null)} />
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('exchangeUi.offers.withdrawTitle')}
        confirmLabel={t('exchangeUi.offers.withdrawConfirm')}
        loading={withdraw.isPending}
        onClose={() => setWithdrawing(null)}
        onConfirm={() => {
          if (!withdrawing) return;
          withdraw.mutate(
            { id: withdrawing.id, version: withdrawing.version },
            {
              onSuccess: () => notify('green', t('exchangeUi.offers.withdrawnDone')),
              onError: (error) => notify('red', exchangeErrorText(t, error)),
              onSettled: () => setWithdrawing(null),
            },
          );
        }}
      >
        {t('exchangeUi.offers.withdrawText', { team: withdrawing?.team ?? '' })}
      </ConfirmDialog>
    </>
  );
}
