import type { ReactNode } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../api/client.js';

interface ErrorStateProps {
  error: unknown;
  /** Called by the retry button; no button without it. */
  onRetry?: () => void;
  retrying?: boolean;
  /** Alert title; `null` leaves it out (when the page heading already says it). */
  title?: string | null;
}

/** A failed load: the translated server error and a retry button. */
export function ErrorState({ error, onRetry, retrying, title }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="red"
      title={title === null ? undefined : (title ?? t('common.errorTitle'))}
      icon={<IconAlertTriangle aria-hidden="true" />}
    >
      <Stack gap="sm" align="flex-start">
        <Text c="gray.9">{t(errorMessageKey(error))}</Text>
        {onRetry && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={18} aria-hidden="true" />}
            onClick={onRetry}
            loading={retrying}
          >
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
  /** Heading level of the title, to keep headings in order. */
  order?: 2 | 3;
}

/** Nothing to show yet, and what can be done about it. */
export function EmptyState({ title, children, icon, order = 3 }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" radius="md" bg="gray.0">
      <Group gap="md" align="flex-start" wrap="nowrap">
        {icon}
        <Stack gap={4}>
          <Title order={order} size="h4">
            {title}
          </Title>
          {children && <Text c="dimmed">{children}</Text>}
        </Stack>
      </Group>
    </Paper>
  );
}
