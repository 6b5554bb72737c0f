import { Button, Stack, Text, Title } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './document-title.js';

interface NotFoundMessageProps {
  title?: string;
  text?: string;
}

/** "Not found" block with a link back to the overview; texts can be specialised. */
export function NotFoundMessage({ title, text }: NotFoundMessageProps) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  useDocumentTitle(heading);
  return (
    <Stack gap="md" maw="40rem" py="xl" align="flex-start">
      <Text fw={700} c="petrol.7" fz="3rem" lh={1} aria-hidden="true">
        404
      </Text>
      <Title order={1}>{heading}</Title>
      <Text size="lg">{text ?? t('notFound.text')}</Text>
      <Button component={Link} to="/" leftSection={<IconHome size={18} aria-hidden="true" />}>
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
