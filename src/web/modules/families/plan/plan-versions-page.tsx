import { useState } from 'react';
import { Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePlan, usePlanCompare, usePlanVersions } from '../../../api/families/plan.js';
import { PageHeader } from '../../../components/page-header.js';
import { SectionSkeleton } from '../../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../../components/states.js';
import { formatDateTime } from '../../../components/format.js';
import { localeFor } from '../../../i18n.js';
import { PlanView } from './plan-view.js';
import { PlanDiffList } from './plan-diff-list.js';
import classes from './plan.module.css';

/** The version history of the plan and any two versions side by side, with what changed highlighted. */
export function PlanVersionsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const plan = usePlan(id);
  const versions = usePlanVersions(id);
  const items = versions.data?.data.items ?? [];
  const newest = items[0]?.number ?? 0;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? (newest > 1 ? newest - 1 : null);
  const b = to ?? (newest > 1 ? newest : null);
  const compare = usePlanCompare(id, a, b);
  const locale = localeFor(i18n.language);

  if (plan.isPending || versions.isPending) return <SectionSkeleton />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  const family = plan.data.data;
  const options = items.map((v) => ({ value: String(v.number), label: t('plan.history.option', { number: v.number, summary: v.summary }) }));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('plan.history.title')}
        documentTitle={`${t('plan.history.title')} — ${family.familyName}`}
        description={family.familyName}
        breadcrumbs={[
          { label: t('plan.families'), to: '/gezinnen' },
          { label: family.familyName, to: `/gezinnen/${id}` },
          { label: t('plan.title'), to: `/gezinnen/${id}/plan` },
        ]}
      />
      {items.length === 0 ? (
        <EmptyState title={t('plan.emptyTitle')} order={2} />
      ) : (
        <section aria-labelledby="plan-versions-list">
          <Title order={2} id="plan-versions-list" mb="sm">
            {t('plan.history.list')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plan.history.number')}</Table.Th>
                  <Table.Th scope="col">{t('plan.history.summary')}</Table.Th>
                  <Table.Th scope="col">{t('plan.history.author')}</Table.Th>
                  <Table.Th scope="col">{t('plan.history.when')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((v) => (
                  <Table.Tr key={v.number}>
                    <Table.Td>
                      {v.number}
                      {family.agreement?.version === v.number && (
                        <Text span fw={600} ml="xs">
                          {t('plan.agreed')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{v.summary}</Table.Td>
                    <Table.Td>{v.author?.name ?? t('plan.unknownPerson')}</Table.Td>
                    <Table.Td>{formatDateTime(v.createdAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {items.length > 1 && (
        <section aria-labelledby="plan-compare-title">
          <Title order={2} id="plan-compare-title" mb="sm">
            {t('plan.history.compare')}
          </Title>
          <Group gap="md" wrap="wrap" mb="md">
            <Select label={t('plan.history.from')} data={options} value={a ? String(a) : null} allowDeselect={false} onChange={(v) => setFrom(v ? Number(v) : null)} />
            <Select label={t('plan.history.to')} data={options} value={b ? String(b) : null} allowDeselect={false} onChange={(v) => setTo(v ? Number(v) : null)} />
          </Group>
          <Group gap="xs" mb="md" wrap="wrap" aria-hidden="true">
            <Text size="sm" px={6} className={classes.added}>{t('plan.history.legendAdded')}</Text>
            <Text size="sm" px={6} className={classes.changed}>{t('plan.history.legendChanged')}</Text>
            <Text size="sm" px={6} className={classes.removed}>{t('plan.history.legendRemoved')}</Text>
          </Group>
          {compare.isError && <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />}
          {compare.isPending && a && b && <SectionSkeleton />}
          {compare.data && (
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <Title order={3} size="h4" mb="xs">
                  {t('plan.history.changes', { from: compare.data.data.from.number, to: compare.data.data.to.number })}
                </Title>
                <PlanDiffList diff={compare.data.data.diff} people={family.people} />
              </Paper>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                {(['from', 'to'] as const).map((side) => (
                  <Paper key={side} withBorder p="md" radius="md">
                    <Title order={3} mb="sm">
                      {t('plan.history.versionN', { number: compare.data.data[side].number })}
                    </Title>
                    <PlanView content={compare.data.data[side].content} people={family.people} highlight={{ diff: compare.data.data.diff, side }} level={4} />
                  </Paper>
                ))}
              </SimpleGrid>
            </Stack>
          )}
        </section>
      )}
    </Stack>
  );
}
