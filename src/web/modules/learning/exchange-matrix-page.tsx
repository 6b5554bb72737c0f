import { useState } from 'react';
import { Button, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useExchangeMatrix } from '../../api/learning.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { LEARNING_PATH } from './learning-bits.js';

/**
 * For coordinators: how many exchange visits took place this year between which sectors, as a
 * heat-map table (rows: the visitor's sector, columns: the host's sector). Only sectors that took
 * part are shown, so the table stays readable on a phone (it scrolls within its own box).
 */
export function ExchangeMatrixPage() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const matrix = useExchangeMatrix(year);
  const data = matrix.data;

  const count = (visitor: string, host: string) => data?.cells.find((c) => c.visitorSector === visitor && c.hostSector === host)?.count ?? 0;
  const used = data ? data.sectors.filter((s) => data.cells.some((c) => c.visitorSector === s.code || c.hostSector === s.code)) : [];
  const max = Math.max(1, ...(data?.cells.map((c) => c.count) ?? [1]));
  const nameOf = (code: string) => data?.sectors.find((s) => s.code === code)?.name ?? code;

  return (
    <>
      <PageHeader
        title={t('exchangeScreens.matrix.title')}
        description={t('exchangeScreens.matrix.lead')}
        breadcrumbs={[{ label: t('learning.title'), to: LEARNING_PATH }]}
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden="true" />} onClick={() => setYear((y) => y - 1)}>
          {t('exchangeScreens.matrix.previous')}
        </Button>
        <Text fw={700} aria-live="polite">
          {t('exchangeScreens.matrix.year', { year })}
        </Text>
        <Button variant="default" rightSection={<IconChevronRight size={16} aria-hidden="true" />} onClick={() => setYear((y) => y + 1)} disabled={year >= thisYear}>
          {t('exchangeScreens.matrix.next')}
        </Button>
      </Group>
      {matrix.isPending && <Skeleton height={200} />}
      {matrix.isError && <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} retrying={matrix.isFetching} />}
      {data && data.total === 0 && <EmptyState title={t('exchangeScreens.matrix.empty', { year: data.year })} />}
      {data && data.total > 0 && (
        <Paper withBorder radius="md" p="sm">
          <Table.ScrollContainer minWidth={320}>
            <Table withColumnBorders style={{ textAlign: 'center' }}>
              <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 8 }}>
                {t('exchangeScreens.matrix.caption', { year: data.year, count: data.total })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" style={{ textAlign: 'left' }}>
                    {t('exchangeScreens.matrix.corner')}
                  </Table.Th>
                  {used.map((s) => (
                    <Table.Th key={s.code} scope="col" style={{ textAlign: 'center' }}>
                      {s.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {used.map((row) => (
                  <Table.Tr key={row.code}>
                    <Table.Th scope="row" style={{ textAlign: 'left' }}>
                      {row.name}
                    </Table.Th>
                    {used.map((col) => {
                      const n = count(row.code, col.code);
                      return (
                        <Table.Td
                          key={col.code}
                          aria-label={t('exchangeScreens.matrix.cell', { count: n, from: nameOf(row.code), to: nameOf(col.code) })}
                          // A light-to-strong petrol background: dark text stays readable on every step.
                          style={{ background: n ? `rgba(11, 110, 120, ${0.12 + (0.38 * n) / max})` : undefined, fontWeight: n ? 700 : 400 }}
                        >
                          {n || '·'}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed" mt="xs">
            {t('exchangeScreens.matrix.help')}
          </Text>
        </Paper>
      )}
    </>
  );
}
