import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMunicipality } from '../../../shared/schemas/reference.js';
import { ResponsiveList } from '../../components/list/responsive-list.js';
import { useFormat } from '../../i18n.js';

const LIST_QUERY = { isPending: false, isError: false, error: null, refetch: () => undefined } as const;

/** Municipalities of a region, sortable by name or by inhabitants, with a total; cards on phones. */
export function MunicipalityTable({
  regionName,
  municipalities,
  labelledBy,
}: {
  regionName: string;
  municipalities: TMunicipality[];
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const byName = (a: TMunicipality, b: TMunicipality) => format.collator.compare(a.nameNl, b.nameNl);
  const total = municipalities.reduce((sum, m) => sum + m.population, 0);

  return (
    <ResponsiveList
      items={municipalities}
      // The region is already loaded: no states of its own.
      query={LIST_QUERY}
      getKey={(m) => m.nisCode}
      labelledBy={labelledBy}
      caption={t('region.tableCaption', { region: regionName })}
      striped
      empty={null}
      initialSort={{ key: 'name', dir: 'asc' }}
      columns={[
        { key: 'name', header: t('region.columnName'), rowHeader: true, cell: (m) => m.nameNl, compare: byName },
        { key: 'arrondissement', header: t('region.columnArrondissement'), cell: (m) => m.arrondissementNl },
        {
          key: 'population',
          header: t('region.columnInhabitants'),
          numeric: true,
          cell: (m) => format.number(m.population),
          // Numbers are most useful largest first; equal ones by name.
          compare: (a, b) => a.population - b.population || byName(a, b),
          firstDir: 'desc',
        },
      ]}
      footer={{ name: t('region.total'), population: format.number(total) }}
      card={(m) => (
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Stack gap={0}>
            <Text fw={600}>{m.nameNl}</Text>
            <Text size="sm" c="gray.7">
              {m.arrondissementNl}
            </Text>
          </Stack>
          <Text style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {t('region.inhabitantsCount', { count: m.population, formatted: format.number(m.population) })}
          </Text>
        </Group>
      )}
    />
  );
}
