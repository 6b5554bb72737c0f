import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePortalAccessLog } from '../../api/portal.js';
import { formatDateTime } from '../../components/format.js';
import { FormError } from '../../components/form/form-error.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { useFormat } from '../../i18n.js';
import { PortalBadge, PortalHeading, formatPortalDay } from './portal-frame.js';

/** "Wie keek in mijn dossier": every access by a professional, newest first; overrides with their reason, impossible to miss. */
export function AccessPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const log = usePortalAccessLog();
  const first = log.data?.pages[0]?.data;
  const items = log.data?.pages.flatMap((p) => p.data.items) ?? [];
  const basis = (b: string | null) => (b === 'danger' || b === 'legal_duty' ? t(`portal.consent.overrideBasis.${b}`) : null);
  return (
    <>
      <PortalHeading title={t('portal.access.title')} lead={t('portal.access.lead')} />
      {log.isPending ? (
        <SectionSkeleton />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} retrying={log.isFetching} />
      ) : (
        <Stack gap="xl">
          {first && first.overrides.length > 0 && (
            <section aria-labelledby="portal-overrides">
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
                <Stack gap="sm">
                  <Title order={2} size="h3" id="portal-overrides">
                    {t('portal.access.overridesTitle')}
                  </Title>
                  <Text c="gray.9">{t('portal.access.overridesLead')}</Text>
                  {first.overrides.map((o, i) => (
                    <Card key={i} withBorder radius="md" p="sm">
                      <Text fw={600}>
                        {o.who} — {o.organisation}
                      </Text>
                      {basis(o.basis) && <Text>{basis(o.basis)}</Text>}
                      {o.reason && (
                        <Text fw={700} c="orange.9">
                          {t('portal.access.reason', { reason: o.reason })}
                        </Text>
                      )}
                      <Text size="sm">{t('portal.access.from', { date: formatPortalDay(o.from, locale) })}</Text>
                    </Card>
                  ))}
                </Stack>
              </Alert>
            </section>
          )}
          <section aria-labelledby="portal-access-list">
            <Title order={2} id="portal-access-list" mb="sm">
              {t('portal.access.listTitle')}
            </Title>
            {items.length === 0 ? (
              <EmptyState title={t('portal.access.empty')} />
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((e, i) => (
                  <Card key={i} component="li" withBorder radius="md" p="sm" bg={e.viaOverride ? 'orange.0' : undefined}>
                    <Group justify="space-between" gap="xs" align="flex-start">
                      <Text fw={600}>{e.who}</Text>
                      <Text size="sm" c="gray.8">
                        {formatDateTime(e.at, locale)}
                      </Text>
                    </Group>
                    {e.organisation && <Text size="sm">{e.organisation}</Text>}
                    <Text size="sm">{t(`audit.actions.${e.action}` as 'audit.actions.family.view', { defaultValue: e.action })}</Text>
                    {e.viaOverride && (
                      <PortalBadge color="orange">
                        {t('portal.access.viaOverride')}
                      </PortalBadge>
                    )}
                  </Card>
                ))}
              </Stack>
            )}
            {log.hasNextPage && (
              <Button variant="default" size="md" mt="md" fullWidth loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {t('portal.access.more')}
              </Button>
            )}
            {log.isFetchNextPageError && <FormError message={t('portal.access.moreFailed')} />}
          </section>
        </Stack>
      )}
    </>
  );
}
