import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEvent, TEventStatus, TSession } from '../../../shared/schemas/learning.js';
import { localeFor } from '../../i18n.js';

export const LEARNING_PATH = '/samen-leren';
export const eventPath = (id: string) => `${LEARNING_PATH}/${encodeURIComponent(id)}`;
export const checkInPath = (id: string) => `${eventPath(id)}/aanwezigheden`;
export const EXCHANGE_MATRIX_PATH = `${LEARNING_PATH}/wisselleren/matrix`;
/** Exchange learning: the host offers, and my requests (visitor and host side). */
export const EXCHANGE_PATH = `${LEARNING_PATH}/wisselleren`;
export const EXCHANGE_REQUESTS_PATH = `${EXCHANGE_PATH}/aanvragen`;
/** The public form for parents and young people (no login). */
export const publicFormPath = (id: string) => `${LEARNING_PATH}/inschrijven/${encodeURIComponent(id)}`;

/** Today in Brussels as `YYYY-MM-DD` (the list starts there). */
export { todayInBrussels } from '../../components/format.js';

/** Formatting in the person's language: money from cents, the event's day written out, hours without seconds. */
export function useLearningFormat() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    money: (cents: number) => euro.format(cents / 100),
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    shortDay: (iso: string) => shortDay.format(new Date(`${iso}T00:00:00Z`)),
    hours: (from: string, to: string) => `${from.slice(0, 5)}–${to.slice(0, 5)}`,
  };
}

const STATUS_COLOR: Record<TEventStatus, string> = { draft: 'gray', published: 'teal', cancelled: 'red' };

/** The event's status, only when it is not simply published. */
export function EventStatusBadge({ status }: { status: TEventStatus }) {
  const { t } = useTranslation();
  if (status === 'published') return null;
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" c="gray.9">
      {t(`learning.status.${status}`)}
    </Badge>
  );
}

/** The event's kind as a label. */
export function KindBadge({ event }: { event: Pick<TEvent, 'kind'> }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="indigo" c="indigo.9" tt="none">
      {t(`learning.kind.${event.kind}`)}
    </Badge>
  );
}

/** How full a session is, as a bar and in words (the words are what a screen reader reads). */
export function SessionFill({ session }: { session: TSession }) {
  const { t } = useTranslation();
  const full = session.taken >= session.capacity;
  const percent = Math.min(100, Math.round((session.taken / session.capacity) * 100));
  return (
    <Stack gap={4}>
      <Progress value={percent} color={full ? 'orange' : 'teal'} size="sm" aria-hidden="true" />
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('learning.session.fill', { taken: session.taken, capacity: session.capacity })}</Text>
        {session.waiting > 0 && (
          <Text size="sm" fw={600}>
            {t('learning.session.waiting', { count: session.waiting })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** Participants' share and the funder's share of the event's cost, drawn as one bar with the amounts beside it. */
export function CostSplit({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const split = event.costSplit;
  if (split.totalCostCents === 0 && split.feeCents === 0) return <Text c="dimmed">{t('learning.cost.free')}</Text>;
  const total = Math.max(split.totalCostCents, split.participantsPayCents, 1);
  const participantsShare = Math.round((split.participantsPayCents / total) * 100);
  return (
    <Stack gap="xs">
      <Progress.Root size={22} aria-hidden="true">
        <Progress.Section value={participantsShare} color="teal" />
        <Progress.Section value={100 - participantsShare} color="indigo" />
      </Progress.Root>
      <Group gap="lg" wrap="wrap">
        {split.feeCents > 0 && (
          <Group gap={6} wrap="nowrap">
            <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 2, background: 'var(--mantine-color-teal-6)', display: 'inline-block' }} />
            <Text size="sm">
              {t('learning.cost.participants', { count: split.participants, fee: f.money(split.feeCents), amount: f.money(split.participantsPayCents) })}
            </Text>
          </Group>
        )}
        <Group gap={6} wrap="nowrap">
          <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 2, background: 'var(--mantine-color-indigo-6)', display: 'inline-block' }} />
          <Text size="sm">
            {t('learning.cost.funder', { funder: split.funder || t('learning.cost.funderUnknown'), amount: f.money(split.funderPaysCents) })}
          </Text>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('learning.cost.total', { amount: f.money(split.totalCostCents) })}
      </Text>
    </Stack>
  );
}
