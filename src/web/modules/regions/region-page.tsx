import { Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZRegionParams, type TRegionDetail } from '../../../shared/schemas/reference.js';
import { isNotFound } from '../../api/client.js';
import { useRegion } from '../../api/queries.js';
import { isFullyLoggedIn, useMe } from '../../api/auth.js';
import { PageHeader } from '../../components/page-header.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { useFormat } from '../../i18n.js';
import { MunicipalityTable } from './municipality-table.js';
import { PopulationBars } from './population-bars.js';
import { RegionMunicipalityEditor } from './region-edit.js';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz="1.75rem" fw={700} lh={1.2} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}

function RegionContent({ region }: { region: TRegionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const canEdit = isFullyLoggedIn(me.data) && me.data.abilities['regions.manage'] === true;
  const years = region.municipalities.map((m) => m.populationYear);
  const year = years.length > 0 ? Math.max(...years) : undefined;

  return (
    <>
      <PageHeader
        title={region.name}
        breadcrumbs={[{ label: t('nav.home'), to: '/' }]}
        aside={
          <Badge variant="light" color="gray" size="lg" tt="none">
            {t(`regionKind.${region.kind}`)}
          </Badge>
        }
      />
      <Stack gap={48}>
        <div>
          <SimpleGrid cols={2} spacing="md" maw={560}>
            <Stat label={t('region.statMunicipalities')} value={format.number(region.municipalityCount)} />
            <Stat label={t('region.statInhabitants')} value={format.number(region.population)} />
          </SimpleGrid>
          {year !== undefined && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('region.populationYear', { year })}
            </Text>
          )}
        </div>

        {canEdit && <RegionMunicipalityEditor region={region} />}

        {region.municipalities.length === 0 ? (
          <EmptyState title={t('region.municipalitiesTitle')} order={2}>
            {t('region.noMunicipalities')}
          </EmptyState>
        ) : (
          <>
            <section aria-labelledby="municipalities-title">
              <Title order={2} id="municipalities-title" mb="md">
                {t('region.municipalitiesTitle')}
              </Title>
              <MunicipalityTable
                regionName={region.name}
                municipalities={region.municipalities}
                labelledBy="municipalities-title"
              />
            </section>
            <PopulationBars municipalities={region.municipalities} />
          </>
        )}
      </Stack>
    </>
  );
}

/** One region: totals, its municipalities as a sortable table and as bars. */
export function RegionPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const valid = ZRegionParams.safeParse({ code }).success;
  const region = useRegion(valid ? code : undefined);

  const notFound = (
    <NotFoundMessage title={t('region.notFoundTitle')} text={t('region.notFoundText', { code })} />
  );
  if (!valid) return notFound;
  if (region.isPending) return <PageSkeleton />;
  if (region.isError) {
    if (isNotFound(region.error)) return notFound;
    return (
      <>
        <PageHeader title={t('common.errorTitle')} breadcrumbs={[{ label: t('nav.home'), to: '/' }]} />
        <ErrorState title={null} error={region.error} onRetry={() => void region.refetch()} retrying={region.isFetching} />
      </>
    );
  }
  return <RegionContent region={region.data} />;
}
