import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCalendarCheck,
  IconChevronRight,
  IconFileText,
  IconHeartHandshake,
  IconMapPinOff,
  IconUserCheck,
} from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TRegionSummary, TSector } from '../../../shared/schemas/reference.js';
import { useRegions, useSectors } from '../../api/queries.js';
import { isFullyLoggedIn, useMe } from '../../api/auth.js';
import { regionPath } from '../../app/modules.js';
import { PageHeader } from '../../components/page-header.js';
import { CardGridSkeleton, ChipsSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { loadFamiliesTexts, toLanguage, useFormat } from '../../i18n.js';
import { TextWithTerms } from '../../components/term.js';
import classes from './home-page.module.css';

/** "Mijn werk" and the coordinator's request summary use the families module's texts: loaded with them, only for those who see them. */
const MyWork = lazy(async () => {
  const [m] = await Promise.all([import('./my-work.js'), loadFamiliesTexts()]);
  return { default: m.MyWork };
});
const RequestSummary = lazy(async () => {
  const [m] = await Promise.all([import('./my-work.js'), loadFamiliesTexts()]);
  return { default: m.RequestSummary };
});

const PRINCIPLES = [
  { key: 'oneFamily', icon: IconHeartHandshake },
  { key: 'onePlan', icon: IconFileText },
  { key: 'oneContact', icon: IconUserCheck },
  { key: 'oneMonth', icon: IconCalendarCheck },
] as const;

function Principles() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="principles-title">
      <Title order={2} id="principles-title" mb="md">
        {t('home.principlesTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {PRINCIPLES.map(({ key, icon: Icon }) => (
          <Paper key={key} withBorder p="lg" radius="md">
            <Group align="flex-start" wrap="nowrap" gap="md">
              <ThemeIcon variant="light" size={44} radius="md" aria-hidden="true">
                <Icon size={24} stroke={1.6} />
              </ThemeIcon>
              <Stack gap={4}>
                <Title order={3}>{t(`home.principles.${key}.title`)}</Title>
                <Text>
                  <TextWithTerms i18nKey={`home.principles.${key}.text`} />
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

function RegionCard({ region }: { region: TRegionSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" radius="md" className={classes.regionCard} component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={3}>
          <Link to={regionPath(region.code)} className={classes.regionLink}>
            {region.name}
          </Link>
        </Title>
        <IconChevronRight size={20} aria-hidden="true" color="var(--mantine-color-petrol-7)" />
      </Group>
      <Badge variant="light" color="gray" mt="xs" tt="none" size="md">
        {t(`regionKind.${region.kind}`)}
      </Badge>
      <Stack gap={2} mt="md">
        <Text>{t('home.municipalityCount', { count: region.municipalityCount })}</Text>
        <Text>
          {t('home.inhabitants', { count: region.population, formatted: format.number(region.population) })}
        </Text>
      </Stack>
    </Card>
  );
}

function Regions() {
  const { t } = useTranslation();
  const regions = useRegions();

  let content;
  if (regions.isPending) {
    content = <CardGridSkeleton />;
  } else if (regions.isError) {
    content = (
      <ErrorState error={regions.error} onRetry={() => void regions.refetch()} retrying={regions.isFetching} />
    );
  } else if (regions.data.length === 0) {
    content = (
      <EmptyState
        title={t('home.regionsEmptyTitle')}
        icon={<IconMapPinOff size={28} aria-hidden="true" color="var(--mantine-color-gray-7)" />}
      >
        {t('home.regionsEmptyText')}
      </EmptyState>
    );
  } else {
    // The server's order: networks first, then provinces.
    content = (
      <SimpleGrid component="ul" cols={{ base: 1, xs: 2, lg: 3 }} spacing="md" m={0} p={0} style={{ listStyle: 'none' }}>
        {regions.data.map((region) => (
          <RegionCard key={region.id} region={region} />
        ))}
      </SimpleGrid>
    );
  }

  return (
    <section aria-labelledby="regions-title">
      <Title order={2} id="regions-title">
        {t('home.regionsTitle')}
      </Title>
      <Text c="dimmed" mt={4} mb="md">
        {t('home.regionsIntro')}
      </Text>
      {content}
    </section>
  );
}

function sectorName(sector: TSector, language: string): string {
  return toLanguage(language) === 'en' ? sector.nameEn : sector.nameNl;
}

function Sectors() {
  const { t, i18n } = useTranslation();
  const sectors = useSectors();

  let content;
  if (sectors.isPending) {
    content = <ChipsSkeleton />;
  } else if (sectors.isError) {
    content = (
      <ErrorState error={sectors.error} onRetry={() => void sectors.refetch()} retrying={sectors.isFetching} />
    );
  } else if (sectors.data.length === 0) {
    content = <Text c="dimmed">{t('home.sectorsEmpty')}</Text>;
  } else {
    // The server's order is meaningful (the main youth-care sectors first, "other" last).
    content = (
      <SimpleGrid component="ul" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" className={classes.sectorList}>
        {sectors.data.map((sector) => (
          <Paper key={sector.id} component="li" withBorder radius="md" px="md" py="sm">
            <Text>{sectorName(sector, i18n.language)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
    );
  }

  return (
    <section aria-labelledby="sectors-title">
      <Title order={2} id="sectors-title">
        {t('home.sectorsTitle')}
      </Title>
      <Text c="dimmed" mt={4} mb="md">
        {t('home.sectorsIntro')}
      </Text>
      {content}
    </section>
  );
}

/**
 * The overview. A professional lands on "Mijn werk" (what is due, what changed, who waits), a
 * network coordinator on the region's request counts with the way to the board; everyone else
 * (and below that, everyone) sees what 1 Gezin 1 Plan is, the regions and the sectors.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const abilities = isFullyLoggedIn(me.data) ? me.data.abilities : undefined;
  const working = abilities?.['families.work'] === true;
  const coordinating = abilities?.['requests.board'] === true;
  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.intro')} documentTitle={t('nav.home')} />
      <Stack gap={48}>
        {(coordinating || working) && (
          <Suspense fallback={<CardGridSkeleton count={2} />}>
            {coordinating && <RequestSummary />}
            {working && <MyWork />}
          </Suspense>
        )}
        {!working && <Principles />}
        <Regions />
        <Sectors />
      </Stack>
    </>
  );
}
