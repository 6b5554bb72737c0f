import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SERVICE_LANGUAGES, CONTACT_FUNCTIONS, SERVICE_STATUSES } from '../../../shared/schemas/directory/enums.js';
import { formatDateTime } from '../../components/format.js';
import { localeFor } from '../../i18n.js';
import type { TOptions } from './entry-form.js';

/** "Laatst bevestigd op …" and, after six months, the stale badge. */
export function ConfirmedAt({ confirmedAt, stale, compact }: { confirmedAt: string; stale: boolean; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const date = formatDateTime(confirmedAt, localeFor(i18n.language)).slice(0, 10);
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c="gray.8">
        {compact ? date : t('directoryManage.confirmedOn', { date })}
      </Text>
      {stale && <StaleBadge />}
    </Group>
  );
}

export function StaleBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('directoryManage.staleHelp')}>
      <Badge
        variant="light"
        color="orange"
        c="gray.9"
        tt="none"
        size="lg"
        styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } }}
        leftSection={<IconClockExclamation size={14} aria-hidden="true" />}
      >
        {t('directoryManage.stale')}
      </Badge>
    </Tooltip>
  );
}

/** The fixed choices of the forms, in the person's language. */
export function useStaticOptions(): TOptions {
  const { t, i18n } = useTranslation();
  const names = new Intl.DisplayNames([localeFor(i18n.language)], { type: 'language' });
  return {
    languages: SERVICE_LANGUAGES.map((code) => ({ value: code, label: code === 'sgn' ? t('directoryManage.signLanguage') : (names.of(code) ?? code) })),
    statuses: SERVICE_STATUSES.map((s) => ({ value: s, label: t(`directoryManage.statuses.${s}`) })),
    functions: CONTACT_FUNCTIONS.map((f) => ({ value: f, label: t(`directoryManage.functions.${f}`) })),
  };
}
