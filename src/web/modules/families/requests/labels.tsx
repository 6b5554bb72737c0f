import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRequestFlag } from '../../../../shared/schemas/families/requests.js';

/** A `YYYY-MM-DD` day as people in Belgium write it: 31/01/2026. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** Colours of the flags: dark enough for text on their light background (AA). */
export const FLAG_COLOR: Record<TRequestFlag, string> = { on_time: 'green', at_risk: 'orange', overdue: 'red' };

/** Where a request stands against the one-month norm, in words (colour is never the only cue). */
export function FlagBadge({ flag }: { flag: TRequestFlag | null }) {
  const { t } = useTranslation();
  if (!flag) return null;
  return (
    <Badge variant="light" color={FLAG_COLOR[flag]} tt="none" c="gray.9">
      {t(`requests.flag.${flag}`)}
    </Badge>
  );
}

/** "nog 5 dagen", "vandaag", "3 dagen te laat". */
export function useDaysLeftText() {
  const { t } = useTranslation();
  return (daysLeft: number | null) => {
    if (daysLeft === null) return '—';
    if (daysLeft === 0) return t('requests.dueToday');
    return daysLeft > 0 ? t('requests.daysLeft', { count: daysLeft }) : t('requests.overdueBy', { count: -daysLeft });
  };
}


/** Today in Brussels (YYYY-MM-DD): the day the server counts from. */
export { todayInBrussels } from '../../../components/format.js';

/** A day field in Belgian order (dd/mm/yyyy), Monday first: the shared DateInput (value and onChange are `YYYY-MM-DD` or null). */
export { DateInput as DayField } from '../../../components/date-input.js';
