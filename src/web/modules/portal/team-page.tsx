import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePortalTeam } from '../../api/portal.js';
import { CardGridSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { useFormat } from '../../i18n.js';
import { PortalBadge, PortalHeading, formatPortalDay } from './portal-frame.js';

/** "Mijn team": the contact person first, then every professional with organisation, role and since when. */
export function TeamPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const team = usePortalTeam();
  return (
    <>
      <PortalHeading title={t('portal.team.title')} lead={t('portal.team.lead')} />
      {team.isPending ? (
        <CardGridSkeleton />
      ) : team.isError ? (
        <ErrorState error={team.error} onRetry={() => void team.refetch()} retrying={team.isFetching} />
      ) : team.data.data.length === 0 ? (
        <EmptyState title={t('portal.team.empty')} order={2} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {[...team.data.data]
            .sort((a, b) => Number(b.isContact) - Number(a.isContact))
            .map((m) => (
              <Card key={m.personId} withBorder radius="md" p="md" component="article">
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Title order={2} size="h4">
                      {m.name}
                    </Title>
                    {m.isContact && <PortalBadge color="petrol">{t('portal.team.contact')}</PortalBadge>}
                  </Group>
                  <Text>{m.organisation}</Text>
                  {m.role && <Text c="gray.8">{m.role}</Text>}
                  <Text size="sm" c="gray.8">
                    {t('portal.team.since', { date: formatPortalDay(m.since, locale) })}
                  </Text>
                </Stack>
              </Card>
            ))}
        </SimpleGrid>
      )}
    </>
  );
}
