import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../skeletons.js';
import { ErrorState } from '../states.js';
import classes from './responsive-list.module.css';

/** Phones get cards, wider screens a table; the same breakpoint as the app shell ('sm' = 48em). */
export const PHONE_QUERY = '(max-width: 47.99em)';

type TSortDir = 'asc' | 'desc';

export interface TListColumn<T> {
  key: string;
  header: ReactNode;
  cell: (item: T) => ReactNode;
  /** The cell that names the row (a `<th scope="row">`); one column at most. */
  rowHeader?: boolean;
  /** Right-aligned, tabular figures, never wrapped. */
  numeric?: boolean;
  /** Never wrapped (dates, codes, badges). */
  nowrap?: boolean;
  /** Sortable on the client with this comparison (ascending); the first click sorts `firstDir`. */
  compare?: (a: T, b: T) => number;
  firstDir?: TSortDir;
  /** Shown only from this width up (phones see cards anyway). */
  visibleFrom?: 'xs' | 'sm' | 'md' | 'lg';
  /** Cell title (tooltip), e.g. the raw code behind a label. */
  title?: (item: T) => string | undefined;
}

/** The state of the data, as a TanStack query gives it. */
export interface TListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching?: boolean;
  refetch: () => unknown;
}

/** "Load more" paging, as an infinite query gives it. */
export interface TListPaging {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError?: boolean;
  fetchNextPage: () => unknown;
}

export interface ResponsiveListProps<T> {
  /** The items loaded so far (undefined while loading). */
  items: readonly T[] | undefined;
  query: TListQuery;
  getKey: (item: T) => string;
  /** Id of the heading that names the list. */
  labelledBy: string;
  columns: readonly TListColumn<T>[];
  /** One item as a card on phones. */
  card: (item: T) => ReactNode;
  /** What to say (and what to do next) when there is nothing. */
  empty: ReactNode;
  paging?: TListPaging;
  /** Text of the load-more button (default "Meer laden"). */
  loadMoreLabel?: string;
  /** Table caption (on the table only). */
  caption?: ReactNode;
  /** Cells of a footer row by column key (totals); on phones shown under the cards. */
  footer?: Partial<Record<string, ReactNode>>;
  /** Initial client-side sort. */
  initialSort?: { key: string; dir: TSortDir };
  striped?: boolean;
  /** Where the table may not shrink below (it scrolls sideways in its own region then). */
  minTableWidth?: number;
  skeletonRows?: number;
}

function SortIcon({ active, dir }: { active: boolean; dir: TSortDir }) {
  const Icon = !active ? IconArrowsSort : dir === 'asc' ? IconSortAscending : IconSortDescending;
  return <Icon size={16} aria-hidden="true" />;
}

/**
 * The one list of the app: an error with a retry, a skeleton while loading, an empty state that says
 * what to do, then cards on phones and a table on wider screens, with optional client-side sorting
 * and "load more" paging. The table never cuts a column off: it wraps text, and scrolls sideways in
 * a keyboard-reachable region only when it truly cannot fit.
 */
export function ResponsiveList<T>(props: ResponsiveListProps<T>) {
  const { items, query, getKey, labelledBy, columns, card, empty, paging, footer } = props;
  const { t } = useTranslation();
  // Read at once, so a phone never renders the table first.
  const isPhone = useMediaQuery(PHONE_QUERY, undefined, { getInitialValueInEffect: false });
  const [sort, setSort] = useState(props.initialSort);

  if (query.isError && !items?.length) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (query.isPending || !items) return <TableSkeleton rows={props.skeletonRows ?? 5} />;
  if (items.length === 0) return <>{empty}</>;

  const sortColumn = sort ? columns.find((c) => c.key === sort.key && c.compare) : undefined;
  const rows =
    sortColumn?.compare && sort
      ? [...items].sort((a, b) => (sort.dir === 'asc' ? 1 : -1) * (sortColumn.compare?.(a, b) ?? 0))
      : items;
  const onSort = (column: TListColumn<T>) =>
    setSort((current) =>
      current?.key === column.key
        ? { key: column.key, dir: current.dir === 'asc' ? 'desc' : 'asc' }
        : { key: column.key, dir: column.firstDir ?? 'asc' },
    );
  const sortable = columns.filter((c) => c.compare);

  const list = isPhone ? (
    <Stack gap="sm">
      {sortable.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('list.sortBy')}>
          <Text size="sm" c="gray.8" aria-hidden="true">
            {t('list.sortBy')}
          </Text>
          {sortable.map((c) => {
            const active = sort?.key === c.key;
            return (
              <Button
                key={c.key}
                size="compact-md"
                variant={active ? 'light' : 'default'}
                aria-pressed={active}
                rightSection={<SortIcon active={active} dir={sort?.dir ?? 'asc'} />}
                onClick={() => onSort(c)}
              >
                {c.header}
              </Button>
            );
          })}
        </Group>
      )}
      <Stack gap="sm" component="ul" m={0} p={0} className={classes.cards} aria-labelledby={labelledBy}>
        {rows.map((item) => (
          <Paper component="li" key={getKey(item)} withBorder radius="md" p="md" className={classes.card}>
            {card(item)}
          </Paper>
        ))}
      </Stack>
      {footer && (
        <Paper withBorder radius="md" p="md" bg="gray.0">
          <Group justify="space-between" wrap="wrap" gap="xs">
            {columns
              .filter((c) => footer[c.key] !== undefined)
              .map((c) => (
                <Text key={c.key} fw={700}>
                  {footer[c.key]}
                </Text>
              ))}
          </Group>
        </Paper>
      )}
    </Stack>
  ) : (
    <Paper withBorder radius="md" className={classes.tablePaper}>
      <div role="region" aria-labelledby={labelledBy} tabIndex={0} className={classes.scrollRegion}>
        <Table
          miw={props.minTableWidth}
          verticalSpacing="sm"
          horizontalSpacing="sm"
          striped={props.striped}
          highlightOnHover
          aria-labelledby={labelledBy}
          className={classes.table}
        >
          {props.caption && <Table.Caption className={classes.caption}>{props.caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <Table.Th
                    key={c.key}
                    scope="col"
                    visibleFrom={c.visibleFrom}
                    aria-sort={c.compare && active ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    // Headers wrap (a long one must not widen the table); only numbers stay on one line.
                    className={c.numeric ? classes.numeric : undefined}
                  >
                    {c.compare ? (
                      <UnstyledButton className={classes.sortButton} onClick={() => onSort(c)}>
                        {c.header}
                        <SortIcon active={active} dir={sort?.dir ?? 'asc'} />
                      </UnstyledButton>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((item) => (
              <Table.Tr key={getKey(item)}>
                {columns.map((c) => {
                  const Cell = c.rowHeader ? Table.Th : Table.Td;
                  return (
                    <Cell
                      key={c.key}
                      scope={c.rowHeader ? 'row' : undefined}
                      visibleFrom={c.visibleFrom}
                      title={c.title?.(item)}
                      className={[
                        c.rowHeader ? classes.rowHeader : '',
                        c.numeric ? classes.numeric : c.nowrap ? classes.nowrap : '',
                      ].join(' ')}
                    >
                      {c.cell(item)}
                    </Cell>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {footer && (
            <Table.Tfoot>
              <Table.Tr>
                {columns.map((c, i) => {
                  const Cell = i === 0 ? Table.Th : Table.Td;
                  return (
                    <Cell
                      key={c.key}
                      scope={i === 0 ? 'row' : undefined}
                      visibleFrom={c.visibleFrom}
                      fw={700}
                      className={c.numeric ? classes.numeric : undefined}
                    >
                      {footer[c.key]}
                    </Cell>
                  );
                })}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </div>
    </Paper>
  );

  return (
    <Stack gap="md">
      {list}
      {paging?.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void paging.fetchNextPage()}
          loading={paging.isFetchingNextPage}
          className={classes.loadMore}
        >
          {props.loadMoreLabel ?? t('list.loadMore')}
        </Button>
      )}
      {paging?.isFetchNextPageError && (
        <ErrorState error={query.error} onRetry={() => void paging.fetchNextPage()} retrying={paging.isFetchingNextPage} />
      )}
    </Stack>
  );
}

/** An e-mail address that may wrap before the @, never in the middle of a word (unless one part alone is wider than the line). */
export function BreakableEmail({ email }: { email: string }) {
  const parts = email.split(/(?=@)/);
  return (
    <span className={classes.email}>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && <wbr />}
          {part}
        </span>
      ))}
    </span>
  );
}
