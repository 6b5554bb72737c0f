import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TConsent } from '../../../../shared/schemas/families/family.js';
import { useMe } from '../../../api/auth.js';
import { formatDateTime } from '../../../components/format.js';
import { localeFor } from '../../../i18n.js';

/**
 * Impossible to miss (ux.md): when my access to this family rests on a current override of mine,
 * every tab of the family page says so, with its ground and its end.
 */
export function OverrideBanner({ consents }: { consents: readonly TConsent[] }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const personId = me.data?.person?.id;
  const mine = consents.find((c) => c.kind === 'override' && c.state === 'current' && personId !== undefined && c.personId === personId);
  if (!mine) return null;
  return (
    <Alert variant="light" color="yellow" mb="md" icon={<IconAlertTriangle aria-hidden="true" />} style={{ borderLeft: '6px solid var(--mantine-color-orange-7)' }}>
      <Text fw={700} c="gray.9">
        {t('families.override.activeTitle')}
      </Text>
      <Text size="sm" c="gray.9">
        {t('families.override.activeText', {
          basis: t(`families.override.bases.${mine.overrideBasis ?? 'danger'}`).toLowerCase(),
          until: mine.validUntil ? formatDateTime(mine.validUntil, localeFor(i18n.language)) : '—',
        })}
      </Text>
    </Alert>
  );
}
