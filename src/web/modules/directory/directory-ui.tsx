import type { ReactNode } from 'react';
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { THighlight } from '../../../shared/schemas/directory/public.js';

/** Text with the matched words marked (<mark>); plain text, never HTML. */
export function Highlighted({ parts }: { parts: THighlight }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} style={{ backgroundColor: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: 0 }}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** The "niet recent bevestigd" mark of entries not confirmed for six months. */
export function StaleBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('directory.staleHint')} multiline maw={280}>
      <Badge color="orange" variant="light" tt="none" c="gray.9" leftSection={<IconClockExclamation size={14} aria-hidden="true" />}>
        {t('directory.stale')}
      </Badge>
    </Tooltip>
  );
}

/** "0 tot 12 jaar", "Vanaf 12 jaar", or nothing. */
export function useAgeText() {
  const { t } = useTranslation();
  return (min: number | null, max: number | null): string | null => {
    if (min !== null && max !== null) return t('directory.ages', { min, max });
    if (min !== null) return t('directory.agesFrom', { min });
    if (max !== null) return t('directory.agesTo', { max });
    return null;
  };
}

/** Badges: kind, access, stale. */
export function HitBadges({ kind, directAccess, stale }: { kind: 'service' | 'zinplek'; directAccess: boolean; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {kind === 'zinplek' ? (
        <Badge color="grape" variant="light" tt="none" c="gray.9">
          {t('directory.zinplekBadge')}
        </Badge>
      ) : directAccess ? (
        <Badge color="teal" variant="light" tt="none" c="gray.9">
          {t('directory.directAccess')}
        </Badge>
      ) : (
        <Badge color="gray" variant="light" tt="none" c="gray.9">
          {t('directory.referral')}
        </Badge>
      )}
      {stale && <StaleBadge />}
    </Group>
  );
}

/** A labelled value of a detail page; nothing when the value is empty. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

/** "2 december 2026". */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Brussels', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}
