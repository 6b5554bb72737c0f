import type { ReactNode } from 'react';
import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './document-title.js';

/** One step of the breadcrumb trail; the current page is added automatically. */
export interface TBreadcrumb {
  label: string;
  to: string;
}

interface PageHeaderProps {
  /** The page's one h1; also used for the browser tab title. */
  title: string;
  description?: ReactNode;
  breadcrumbs?: TBreadcrumb[];
  /** Small extras next to the title, such as a badge. */
  aside?: ReactNode;
  /** Browser tab title when it should differ from `title`. */
  documentTitle?: string;
}

/** Title block of every page: breadcrumbs, the h1, an optional lead text. */
export function PageHeader({ title, description, breadcrumbs, aside, documentTitle }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(documentTitle ?? title);
  return (
    <Stack gap="sm" mb="xl">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <Box component="nav" aria-label={t('common.breadcrumbs')}>
          <Breadcrumbs
            separatorMargin={6}
            styles={{ root: { flexWrap: 'wrap', rowGap: 2 }, breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 } }}
          >
            {breadcrumbs.map((crumb) => (
              <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
                {crumb.label}
              </Anchor>
            ))}
            <Text size="sm" aria-current="page">
              {title}
            </Text>
          </Breadcrumbs>
        </Box>
      )}
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {title}
        </Title>
        {aside}
      </Group>
      {description && (
        <Text size="lg" maw="46rem">
          {description}
        </Text>
      )}
    </Stack>
  );
}
