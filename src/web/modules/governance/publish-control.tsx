import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconWorld, IconWorldOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { usePublicationState, useSetPublished } from '../../api/governance.js';
import { notify } from '../../components/notify.js';
import { useGovernanceFormat } from './governance-bits.js';

/**
 * Whether a meeting's decisions or a plan are published to the whole network; those who may
 * (un)publish get the button. Nothing is visible outside the body without this explicit step.
 */
export function PublishControl({ kind, id }: { kind: 'meetings' | 'plans'; id: string }) {
  const { t } = useTranslation();
  const g = useGovernanceFormat();
  const state = usePublicationState(kind, id);
  const set = useSetPublished(kind, id);
  if (!state.data) return null;
  const published = state.data.data;
  const canChange = state.data.abilities.update;
  if (!published && !canChange) return null;
  const toggle = () =>
    set.mutate(!published, {
      onSuccess: () => notify('green', t(published ? 'planScreens.unpublished' : 'planScreens.publishedDone')),
      onError: (e) => notify('red', e instanceof ApiError && e.status === 409 ? e.message : t(errorMessageKey(e))),
    });
  return (
    <Alert variant="light" color={published ? 'teal' : 'gray'} icon={published ? <IconWorld size={20} aria-hidden="true" /> : <IconWorldOff size={20} aria-hidden="true" />}>
      <Stack gap="xs">
        <Text size="sm" c="gray.9">
          {published
            ? t('planScreens.isPublished', { date: g.shortDay(published.publishedAt.slice(0, 10)) })
            : t(kind === 'plans' ? 'planScreens.notPublishedPlan' : 'planScreens.notPublishedMeeting')}
        </Text>
        {canChange && (
          <Group>
            <Button size="compact-sm" variant={published ? 'default' : 'filled'} loading={set.isPending} onClick={toggle}>
              {published ? t('planScreens.unpublish') : t(kind === 'plans' ? 'planScreens.publishPlan' : 'planScreens.publishMeeting')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
