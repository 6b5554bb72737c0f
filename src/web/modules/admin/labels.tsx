import { Badge } from '@mantine/core';
import { IconArchive, IconCheck, IconCircleOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TSector } from '../../../shared/schemas/reference.js';
import { localeFor } from '../../i18n.js';

/** Badge styles that never cut a word off: long labels wrap instead. */
export const wrappingBadge = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2, maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
} as const;

/** Status as a badge with an icon and words, never by colour alone. */
export function StatusBadge({ status }: { status: 'active' | 'archived' | 'disabled' }) {
  const { t } = useTranslation();
  const Icon = status === 'active' ? IconCheck : status === 'archived' ? IconArchive : IconCircleOff;
  return (
    <Badge
      variant="light"
      color={status === 'active' ? 'green' : 'gray'}
      c="gray.9"
      tt="none"
      size="lg"
      styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } }}
      leftSection={<Icon size={14} aria-hidden="true" />}
    >
      {t(`admin.status.${status}`)}
    </Badge>
  );
}

/** Sector name in the current language, by code. */
export function useSectorName(sectors: TSector[] | undefined) {
  const { i18n } = useTranslation();
  const english = localeFor(i18n.language) === 'en-GB';
  return (code: string) => {
    const sector = sectors?.find((s) => s.code === code);
    if (!sector) return code;
    return english ? sector.nameEn : sector.nameNl;
  };
}
