import { Anchor, Badge, Paper, Stack, Text, ThemeIcon, Title, Group } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TPlannedModuleKey } from '../../app/modules.js';
import { PageHeader } from '../../components/page-header.js';
import { TextWithTerms } from '../../components/term.js';

/** Honest page for a module that is not built yet: what it will do, no fake data. */
export function ModulePlaceholderPage({ module }: { module: TPlannedModuleKey }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t(`nav.${module}`)}
        aside={
          <Badge variant="light" size="lg" tt="none">
            {t('modules.badge')}
          </Badge>
        }
      />
      <Paper withBorder p="xl" radius="md" maw="46rem">
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <ThemeIcon variant="light" size={48} radius="md" aria-hidden="true" visibleFrom="xs">
            <IconTools size={26} stroke={1.6} />
          </ThemeIcon>
          <Stack gap="md">
            <Text size="lg" fw={600}>
              {t('modules.lead')}
            </Text>
            <div>
              <Title order={2} size="h3" mb={6}>
                {t('modules.whatTitle')}
              </Title>
              <Text>
                <TextWithTerms i18nKey={`modules.${module}.description`} />
              </Text>
            </div>
            {module === 'directory' && (
              <div>
                <Title order={2} size="h3" mb={6}>
                  {t('modules.availableTitle')}
                </Title>
                <Text>
                  <Anchor component={Link} to="/">
                    {t('modules.directory.available')}
                  </Anchor>
                </Text>
              </div>
            )}
          </Stack>
        </Group>
      </Paper>
    </>
  );
}
