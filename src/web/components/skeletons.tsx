import type { ReactNode } from 'react';
import { Box, Card, SimpleGrid, Skeleton, Stack, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks a loading area for assistive technology, with a hidden "loading" text. */
function Busy({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box aria-busy="true">
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      <div aria-hidden="true">{children}</div>
    </Box>
  );
}

/** Placeholder for a grid of cards. */
export function CardGridSkeleton({ count = 3 }: { count?: number }) {
  return (
    <Busy>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
        {Array.from({ length: count }, (_, i) => (
          <Card key={i} withBorder padding="lg">
            <Skeleton height={20} width="70%" mb="md" />
            <Skeleton height={12} width="40%" mb="xs" />
            <Skeleton height={12} width="55%" />
          </Card>
        ))}
      </SimpleGrid>
    </Busy>
  );
}

/** Placeholder for a short list of labels. */
export function ChipsSkeleton({ count = 6 }: { count?: number }) {
  return (
    <Busy>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        {Array.from({ length: count }, (_, i) => (
          <Skeleton key={i} height={44} />
        ))}
      </SimpleGrid>
    </Busy>
  );
}

/** Placeholder for a whole page: its h1 says it is loading, the rest is shapes. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <>
      <VisuallyHidden>
        <Title order={1}>{t('common.loading')}</Title>
      </VisuallyHidden>
      <Busy>
        <Stack gap="lg">
          <Skeleton height={14} width={180} />
          <Skeleton height={34} width="50%" />
          <SimpleGrid cols={2} spacing="md" maw={560}>
            <Skeleton height={84} />
            <Skeleton height={84} />
          </SimpleGrid>
          <Skeleton height={24} width={200} mt="md" />
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} height={20} />
          ))}
        </Stack>
      </Busy>
    </>
  );
}

/** Placeholder for a section below a heading that is already shown (a page part still loading). */
export function SectionSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Busy>
      <Stack gap="sm">
        <Skeleton height={28} width="40%" />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={20} />
        ))}
      </Stack>
    </Busy>
  );
}

/** Placeholder for a table or list of rows. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      <Stack gap="sm" aria-hidden="true">
        <Skeleton height={36} />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={28} />
        ))}
      </Stack>
    </div>
  );
}
