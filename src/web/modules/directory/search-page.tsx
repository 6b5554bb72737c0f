import { useEffect, useMemo, useState } from 'react';
import { Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconList, IconMap2, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useUrlFilters } from '../../components/url-filters.js';
import { useTranslation } from 'react-i18next';
import type { TDirectoryFacetsResponse, TDirectoryHit } from '../../../shared/schemas/directory/public.js';
import { useDirectoryFacets, useDirectorySearch, type TDirectoryFilters } from '../../api/directory.js';
import { PageHeader } from '../../components/page-header.js';
import { PHONE_QUERY } from '../../components/list/responsive-list.js';
import { CardGridSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { currentLanguage, useFormat } from '../../i18n.js';
import { HitBadges, Highlighted, useAgeText } from './directory-ui.js';
import { DirectoryMap } from './directory-map.js';
import { organisationPath, servicePath, zinplekPath } from './paths.js';

type TFacets = TDirectoryFacetsResponse['data'];

/** The filters in the page's address, checked loosely (the server checks again). */
function filtersOf(params: URLSearchParams): TDirectoryFilters {
  const bool = (key: string) => (params.get(key) === 'true' ? true : params.get(key) === 'false' ? false : undefined);
  const ageText = params.get('age');
  const age = ageText && /^\d{1,3}$/.test(ageText) ? Number(ageText) : undefined;
  const pick = (key: string) => params.get(key) || undefined;
  const filters: TDirectoryFilters = {};
  const q = pick('q');
  if (q) filters.q = q;
  for (const key of ['sector', 'region', 'municipality'] as const) {
    const v = pick(key);
    if (v) filters[key] = v;
  }
  if (age !== undefined && age <= 120) filters.age = age;
  const directAccess = bool('directAccess');
  if (directAccess !== undefined) filters.directAccess = directAccess;
  const zinplek = bool('zinplek');
  if (zinplek !== undefined) filters.zinplek = zinplek;
  return filters;
}

function HitCard({ hit }: { hit: TDirectoryHit }) {
  const { t } = useTranslation();
  const ageText = useAgeText();
  const ages = ageText(hit.minAge, hit.maxAge);
  const lang = currentLanguage();
  const to = hit.kind === 'zinplek' ? zinplekPath(hit.id) : servicePath(hit.id);
  return (
    <Card withBorder radius="md" padding="md" component="article">
      <Stack gap={6}>
        <Title order={3} size="h4">
          <Anchor component={Link} to={to} style={{ overflowWrap: 'anywhere' }}>
            <Highlighted parts={hit.nameHighlight} />
          </Anchor>
        </Title>
        <Text size="sm">
          {t('directory.by')}{' '}
          <Anchor component={Link} to={organisationPath(hit.organisation.id)} size="sm">
            {hit.organisation.name}
          </Anchor>
        </Text>
        <HitBadges kind={hit.kind} directAccess={hit.directAccess} stale={hit.stale} />
        {hit.snippet.length > 0 && (
          <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
            <Highlighted parts={hit.snippet} />
          </Text>
        )}
        <Group gap="md" wrap="wrap">
          {ages && <Text size="sm" c="dimmed">{ages}</Text>}
          {hit.municipalities.length > 0 && (
            <Text size="sm" c="dimmed">
              {hit.municipalities.map((m) => m.nameNl).join(', ')}
            </Text>
          )}
          {hit.waitingDays !== null && (
            <Text size="sm" c="dimmed">
              {hit.waitingDays === 0 ? t('directory.noWaiting') : t('directory.waiting', { days: hit.waitingDays })}
            </Text>
          )}
          {hit.sectors.length > 0 && (
            <Text size="sm" c="dimmed">
              {hit.sectors.map((s) => (lang === 'en' ? s.nameEn : s.nameNl)).join(', ')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function Filters({ facets, filters, set }: { facets: TFacets | undefined; filters: TDirectoryFilters; set: (patch: Record<string, string | null>) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const region = facets?.regions.find((r) => r.code === filters.region);
  const municipalities = (facets?.municipalities ?? []).filter((m) => !region || region.nisCodes.includes(m.nisCode));
  const boolValue = (v: boolean | undefined) => (v === undefined ? 'all' : String(v));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      <Select
        label={t('directory.sector')}
        placeholder={t('directory.anyOption')}
        data={(facets?.sectors ?? []).map((s) => ({ value: s.code, label: lang === 'en' ? s.nameEn : s.nameNl }))}
        value={filters.sector ?? null}
        onChange={(v) => set({ sector: v })}
        clearable
        searchable
      />
      <Select
        label={t('directory.region')}
        placeholder={t('directory.anyOption')}
        data={(facets?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={filters.region ?? null}
        onChange={(v) => set({ region: v, municipality: null })}
        clearable
        searchable
      />
      <Select
        label={t('directory.municipality')}
        placeholder={t('directory.anyOption')}
        data={municipalities.map((m) => ({ value: m.nisCode, label: m.nameNl }))}
        value={filters.municipality ?? null}
        onChange={(v) => set({ municipality: v })}
        clearable
        searchable
        limit={100}
      />
      <NumberInput
        label={t('directory.age')}
        placeholder={t('directory.agePlaceholder')}
        min={0}
        max={120}
        allowDecimal={false}
        allowNegative={false}
        value={filters.age ?? ''}
        onChange={(v) => set({ age: typeof v === 'number' && v >= 0 && v <= 120 ? String(v) : null })}
      />
      <Select
        label={t('directory.access')}
        data={[
          { value: 'all', label: t('directory.accessAll') },
          { value: 'true', label: t('directory.accessDirect') },
          { value: 'false', label: t('directory.accessReferral') },
        ]}
        value={boolValue(filters.directAccess)}
        onChange={(v) => set({ directAccess: v === 'true' || v === 'false' ? v : null })}
        allowDeselect={false}
      />
      <Select
        label={t('directory.kind')}
        data={[
          { value: 'all', label: t('directory.kindAll') },
          { value: 'false', label: t('directory.kindServices') },
          { value: 'true', label: t('directory.kindZinplekken') },
        ]}
        value={boolValue(filters.zinplek)}
        onChange={(v) => set({ zinplek: v === 'true' || v === 'false' ? v : null })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

function Results({ filters }: { filters: TDirectoryFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useDirectorySearch(filters);
  if (search.isPending) return <CardGridSkeleton count={4} />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} retrying={search.isFetching} />;
  const items = search.data.pages.flatMap((p) => p.items);
  const total = search.data.pages[0]?.total ?? 0;
  const capped = search.data.pages[0]?.totalCapped ?? false;
  return (
    <Stack gap="md">
      <Text aria-live="polite" fw={600}>
        {capped ? t('directory.resultsCapped', { formatted: format.number(total) }) : t('directory.results', { count: total, formatted: format.number(total) })}
      </Text>
      {items.length === 0 ? (
        <EmptyState title={t('directory.emptyTitle')}>{t('directory.emptyHint')}</EmptyState>
      ) : (
        <Stack gap="sm" style={{ opacity: search.isPlaceholderData ? 0.6 : 1 }}>
          {items.map((hit) => (
            <HitCard key={`${hit.kind}-${hit.id}`} hit={hit} />
          ))}
        </Stack>
      )}
      {search.hasNextPage && (
        <Button variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

/** The public search of the sociale kaart: words, filters, results (and the map), all in the address so it can be shared. */
export function DirectorySearchPage() {
  const { t } = useTranslation();
  const { params, setParams } = useUrlFilters();
  const filters = useMemo(() => filtersOf(params), [params]);
  const facets = useDirectoryFacets();
  const [text, setText] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const view = params.get('weergave') === 'kaart' ? 'kaart' : 'lijst';

  const set = setParams;

  // The typed words go into the address once the person pauses.
  useEffect(() => {
    if (debounced !== (params.get('q') ?? '')) set({ q: debounced || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the debounced words change
  }, [debounced]);

  const searchFilters = { ...filters, ...(debounced ? { q: debounced } : {}) };
  if (!debounced) delete searchFilters.q;
  const hasFilters = ['sector', 'region', 'municipality', 'age', 'directAccess', 'zinplek'].some((k) => params.has(k));
  // On a phone the filters fold away under a button, so the results come first.
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const showFilters = !phone || filtersOpen;

  return (
    <>
      <PageHeader title={t('directory.title')} description={t('directory.lead')} />
      <Stack gap="lg">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: text.trim() || null });
          }}
        >
          <TextInput
            label={t('directory.searchLabel')}
            placeholder={t('directory.searchPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden="true" />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={100}
            size="md"
            type="search"
          />
        </form>
        <section aria-labelledby="directory-filters">
          <Group justify="space-between" mb="xs">
            {phone ? (
              <Button
                variant="default"
                id="directory-filters"
                leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden="true" />}
                aria-expanded={filtersOpen}
                aria-controls="directory-filter-fields"
                onClick={() => setFiltersOpen((v) => !v)}
              >
                {t('directory.filtersTitle')}
              </Button>
            ) : (
              <Title order={2} size="h4" id="directory-filters">
                {t('directory.filtersTitle')}
              </Title>
            )}
            {hasFilters && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconFilterOff size={16} aria-hidden="true" />}
                onClick={() => set({ sector: null, region: null, municipality: null, age: null, directAccess: null, zinplek: null })}
              >
                {t('directory.clearFilters')}
              </Button>
            )}
          </Group>
          {facets.isError ? (
            <ErrorState error={facets.error} onRetry={() => void facets.refetch()} retrying={facets.isFetching} />
          ) : (
            <div id="directory-filter-fields" hidden={!showFilters}>
              <Filters facets={facets.data} filters={filters} set={set} />
            </div>
          )}
        </section>
        <Tabs value={view} onChange={(v) => set({ weergave: v === 'kaart' ? 'kaart' : null })} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="lijst" leftSection={<IconList size={16} aria-hidden="true" />}>
              {t('directory.resultsTitle')}
            </Tabs.Tab>
            <Tabs.Tab value="kaart" leftSection={<IconMap2 size={16} aria-hidden="true" />}>
              {t('directory.map.title')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="lijst" pt="md">
            <Results filters={searchFilters} />
          </Tabs.Panel>
          <Tabs.Panel value="kaart" pt="md">
            <DirectoryMap region={filters.region ?? ''} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
