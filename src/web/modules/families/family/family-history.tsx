import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFamilyHistory } from '../../../api/families/family.js';
import { formatDateTime } from '../../../components/format.js';
import { SectionSkeleton } from '../../../components/skeletons.js';
import { ErrorState } from '../../../components/states.js';
import { useFamilyContext } from './family-layout.js';

/** The history tab: who did what when in this family's file (no content), newest first. */
export function FamilyHistory() {
  const { t, i18n } = useTranslation();
  const { data } = useFamilyContext();
  const history = useFamilyHistory(data.family.id);
  if (history.isPending) return <SectionSkeleton />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data.pages.flatMap((p) => p.data.items);
  const label = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  return (
    <Stack gap="sm" component="section" aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title">
        {t('families.history.title')}
      </Title>
      <Text c="gray.8">{t('families.history.lead')}</Text>
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Paper key={item.seq} withBorder radius="md" p="sm" component="li">
            <Text fw={600}>{label(item.action)}</Text>
            <Text size="sm" c="gray.8">
              {formatDateTime(item.occurredAt, i18n.language)} · {item.actorName ?? t('families.history.system')}
            </Text>
          </Paper>
        ))}
      </Stack>
      {history.hasNextPage && (
        <Button variant="default" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('families.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
