import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type TEvent, type TEventKind } from '../../../shared/schemas/learning.js';
import { useEvents } from '../../api/learning.js';
import { ResponsiveList, type TListColumn } from '../../components/list/responsive-list.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState } from '../../components/states.js';
import { EventFormDialog } from './event-form.js';
import { TOOLKIT_PATH } from './toolkit-bits.js';
import { PRACTICES_PATH } from './practices-bits.js';
import { EXCHANGE_MATRIX_PATH, EXCHANGE_PATH, EXCHANGE_REQUESTS_PATH, EventStatusBadge, KindBadge, eventPath, todayInBrussels, useLearningFormat } from './learning-bits.js';
import { useUrlFilters } from '../../components/url-filters.js';
import { useFullLogin } from '../auth/use-full-login.js';

const isKind = (value: string | null): value is TEventKind => value !== null && (EVENT_KINDS as readonly string[]).includes(value);

/** Network days, trainings, intervision, fairs and webinars from today on (or a year back), soonest first. */
export function EventsPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const { params, setParam } = useUrlFilters();
  const kindParam = params.get('soort');
  const kind = isKind(kindParam) ? kindParam : null;
  const past = params.get('voorbij') === '1';
  const today = todayInBrussels();
  const from = past ? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}` : today;
  const query = useEvents(kind, from);
  const f = useLearningFormat();
  const [creating, setCreating] = useState(false);

  if (login.me === null) return login.gate;
  const me = login.me;
  const organises = me.abilities['learning.organise'] === true;
  // The exchange matrix: network coordinators and platform admins.
  const coordinates = me.abilities['learning.exchange.matrix'] === true;


  const items = query.data?.pages.flatMap((p) => p.data.items);
  const title = (e: TEvent) => (
    <Anchor component={Link} to={eventPath(e.id)} fw={600}>
      {e.title}
    </Anchor>
  );
  const places = (e: TEvent) => e.place || (e.onlineUrl ? t('learning.online') : '—');
  const columns: TListColumn<TEvent>[] = [
    { key: 'date', header: t('learning.fields.date'), cell: (e) => f.shortDay(e.date), nowrap: true },
    { key: 'title', header: t('learning.fields.title'), rowHeader: true, cell: (e) => <Group gap="xs">{title(e)}<EventStatusBadge status={e.status} /></Group> },
    { key: 'kind', header: t('learning.fields.kind'), cell: (e) => t(`learning.kind.${e.kind}`), nowrap: true },
    { key: 'hours', header: t('learning.fields.hours'), cell: (e) => f.hours(e.startsAt, e.endsAt), nowrap: true, visibleFrom: 'md' },
    { key: 'place', header: t('learning.fields.place'), cell: places, visibleFrom: 'md' },
    { key: 'participants', header: t('learning.participants'), cell: (e) => e.costSplit.participants, numeric: true },
  ];

  return (
    <>
      <PageHeader title={t('learning.title')} description={t('learning.lead')} />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('learning.fields.kind')}
              data={[{ value: 'all', label: t('learning.allKinds') }, ...EVENT_KINDS.map((k) => ({ value: k, label: t(`learning.kind.${k}`) }))]}
              value={kind ?? 'all'}
              onChange={(v) => setParam('soort', v && v !== 'all' ? v : null)}
              allowDeselect={false}
              w={220}
            />
            <Checkbox label={t('learning.showPast')} checked={past} onChange={(e) => setParam('voorbij', e.currentTarget.checked ? '1' : null)} mb={8} />
          </Group>
          <Group gap="md" wrap="wrap">
            <Anchor component={Link} to={TOOLKIT_PATH}>
              {t('learning.toolkitLink')}
            </Anchor>
            <Anchor component={Link} to={EXCHANGE_PATH}>
              {t('exchangeUi.link')}
            </Anchor>
            <Anchor component={Link} to={EXCHANGE_REQUESTS_PATH}>
              {t('exchangeUi.requestsLink')}
            </Anchor>
            <Anchor component={Link} to={PRACTICES_PATH}>
              {t('goodPractices.link')}
            </Anchor>
          </Group>
          <Group gap="sm" wrap="wrap">
            {coordinates && (
              <Button component={Link} to={EXCHANGE_MATRIX_PATH} variant="default">
                {t('exchangeScreens.matrix.link')}
              </Button>
            )}
            {organises && (
              <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('learning.newEvent')}
              </Button>
            )}
          </Group>
        </Group>
        <Title order={2} size="h3" id="events-heading">
          {past ? t('learning.listHeadingPast') : t('learning.listHeading')}
        </Title>
        <ResponsiveList<TEvent>
          items={items}
          query={query}
          getKey={(e) => e.id}
          labelledBy="events-heading"
          columns={columns}
          card={(e) => (
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <KindBadge event={e} />
                <EventStatusBadge status={e.status} />
              </Group>
              <Title order={3} size="h5">
                {title(e)}
              </Title>
              <Text size="sm">
                {f.day(e.date)} · {f.hours(e.startsAt, e.endsAt)}
              </Text>
              <Text size="sm" c="dimmed">
                {places(e)} · {t('learning.participantCount', { count: e.costSplit.participants })}
              </Text>
            </Stack>
          )}
          empty={
            <EmptyState title={t('learning.empty')}>{organises ? t('learning.emptyOrganiser') : t('learning.emptyText')}</EmptyState>
          }
          paging={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: () => void query.fetchNextPage() }}
          loadMoreLabel={t('learning.loadMore')}
        />
      </Stack>
      {organises && <EventFormDialog opened={creating} event={null} onClose={() => setCreating(false)} />}
    </>
  );
}
