import type { CSSProperties, ReactNode } from 'react';
import { DateInput as MantineDateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/nl-be';
import 'dayjs/locale/en-gb';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../i18n.js';
import { parseBelgianDate } from '../modules/audit/audit-format.js';

/** Props of a day field: value and onChange are `YYYY-MM-DD` or null, never a Date (no time zone surprises). */
export interface TDateInputProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  /** Shows a clear button (named for screen readers). */
  clearable?: boolean;
  minDate?: string | undefined;
  maxDate?: string | undefined;
  onBlur?: () => void;
  style?: CSSProperties;
}

/**
 * A day field as people in Belgium write it (dd/mm/yyyy, typed or picked, Monday first), used
 * instead of the browser's native date input, whose format follows the browser's language and
 * differs per browser. Typed input accepts 31/01/2026, 31-1-2026 and 2026-01-31.
 */
export function DateInput(props: TDateInputProps) {
  const { t, i18n } = useTranslation();
  const { clearable, ...rest } = props;
  return (
    <DatesProvider settings={{ locale: localeFor(i18n.language) === 'en-GB' ? 'en-gb' : 'nl-be', firstDayOfWeek: 1, weekendDays: [] }}>
      <MantineDateInput
        {...rest}
        valueFormat="DD/MM/YYYY"
        dateParser={parseBelgianDate}
        placeholder={t('common.datePlaceholder')}
        {...(clearable ? { clearable: true, clearButtonProps: { 'aria-label': t('common.clearDate') } } : {})}
        errorProps={{ role: 'alert' }}
        // The calendar's arrows and level buttons are icons: they need names (axe button-name).
        ariaLabels={{
          previousMonth: t('common.calendar.previousMonth'),
          nextMonth: t('common.calendar.nextMonth'),
          previousYear: t('common.calendar.previousYear'),
          nextYear: t('common.calendar.nextYear'),
          previousDecade: t('common.calendar.previousDecade'),
          nextDecade: t('common.calendar.nextDecade'),
          monthLevelControl: t('common.calendar.monthLevelControl'),
          yearLevelControl: t('common.calendar.yearLevelControl'),
        }}
      />
    </DatesProvider>
  );
}
