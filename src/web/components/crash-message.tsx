import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconHome, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './document-title.js';

/** Friendly "something went wrong" block with a reload button and a way home. */
export function CrashMessage() {
  const { t } = useTranslation();
  useDocumentTitle(t('crash.title'));
  return (
    <Stack gap="md" maw="40rem" py="xl">
      <Title order={1}>{t('crash.title')}</Title>
      <Text size="lg">{t('crash.text')}</Text>
      <Group gap="sm">
        <Button leftSection={<IconRefresh size={18} aria-hidden="true" />} onClick={() => window.location.reload()}>
          {t('crash.reload')}
        </Button>
        <Button variant="default" component={Link} to="/" leftSection={<IconHome size={18} aria-hidden="true" />}>
          {t('common.backHome')}
        </Button>
      </Group>
    </Stack>
  );
}
