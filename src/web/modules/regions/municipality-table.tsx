import { useState } from 'react';
import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TMunicipality } from '../../../shared/schemas/reference.js';
import { useFormat } from '../../i18n.js';
import classes from './municipality-table.module.css';

type TSortKey = 'name' | 'population';
type TSortDir = 'asc' | 'desc';

interface SortHeaderProps {
  label: string;
  column: TSortKey;
  sortKey: TSortKey;
  sortDir: TSortDir;
  onSort: (column: TSortKey) => void;
  numeric?: boolean;
}

function SortHeader({ label, column, sortKey, sortDir, onSort, numeric }: SortHeaderProps) {
  const active = sortKey === column;
  const Icon = !active ? IconArrowsSort : sortDir === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (sortDir === 'asc' ? 'ascending' : 'descending') : undefined}
      className={numeric ? classes.numericHead : undefined}
    >
      <UnstyledButton className={classes.sortButton} onClick={() => onSort(column)}>
        {label}
        <Icon size={16} aria-hidden="true" />
      </UnstyledButton>
    </Table.Th>
  );
}

/** Municipalities of a region, sortable by name or by inhabitants, with a total. */
export function MunicipalityTable({ regionName, municipalities }: { regionName: string; municipalities: TMunicipality[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sortKey, setSortKey] = useState<TSortKey>('name');
  const [sortDir, setSortDir] = useState<TSortDir>('asc');

  const onSort = (column: TSortKey) => {
    if (column === sortKey) {
      setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    } else {
      setSortKey(column);
      // Names read naturally A→Z; numbers are most useful largest first.
      setSortDir(column === 'name' ? 'asc' : 'desc');
    }
  };

  const sign = sortDir === 'asc' ? 1 : -1;
  const rows = [...municipalities].sort((a, b) =>
    sortKey === 'name'
      ? sign * format.collator.compare(a.nameNl, b.nameNl)
      : sign * (a.population - b.population) || format.collator.compare(a.nameNl, b.nameNl),
  );
  const total = municipalities.reduce((sum, m) => sum + m.population, 0);

  return (
    <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" fz="md">
      <Table.Caption className={classes.caption}>{t('region.tableCaption', { region: regionName })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <SortHeader
            label={t('region.columnName')}
            column="name"
            sortKey={sortKey}
            sortDir={sortDir}
            onSort={onSort}
          />
          <Table.Th scope="col" visibleFrom="xs">
            {t('region.columnArrondissement')}
          </Table.Th>
          <SortHeader
            label={t('region.columnInhabitants')}
            column="population"
            sortKey={sortKey}
            sortDir={sortDir}
            onSort={onSort}
            numeric
          />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={m.nisCode}>
            <Table.Th scope="row" fw={500}>
              {m.nameNl}
              {/* On phones the arrondissement moves under the name instead of its own column. */}
              <Text component="span" display="block" size="sm" c="dimmed" fw={400} hiddenFrom="xs">
                {m.arrondissementNl}
              </Text>
            </Table.Th>
            <Table.Td visibleFrom="xs">{m.arrondissementNl}</Table.Td>
            <Table.Td className={classes.numeric}>{format.number(m.population)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">{t('region.total')}</Table.Th>
          <Table.Td visibleFrom="xs" />
          <Table.Td className={classes.numeric} fw={700}>
            {format.number(total)}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
