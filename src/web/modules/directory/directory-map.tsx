import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconList } from '@tabler/icons-react';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDirectoryMapResponse } from '../../../shared/schemas/directory/public.js';
import { MAP_POINT_LIMIT } from '../../../shared/schemas/directory/public.js';
import { useDirectoryMap } from '../../api/directory.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { organisationPath } from './paths.js';

const WIDTH = 800;
const MAX_HEIGHT = 640;
const MARGIN = 8;

type TMap = TDirectoryMapResponse['data'];

function MapSvg({ map }: { map: TMap }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const drawn = useMemo(() => {
    const shapes = map.municipalities.map((m) => ({
      ...m,
      geometry: { type: 'MultiPolygon', coordinates: m.polygons } as GeoPermissibleObjects,
    }));
    const focus = shapes.filter((s) => s.inRegion);
    const fitTo = { type: 'GeometryCollection', geometries: (focus.length > 0 ? focus : shapes).map((s) => s.geometry) } as GeoPermissibleObjects;
    // As tall as the shape needs at full width (Flanders is wide), but never taller than MAX_HEIGHT.
    const fitted = geoPath(geoMercator().fitWidth(WIDTH - 2 * MARGIN, fitTo)).bounds(fitTo);
    const height = Math.min(MAX_HEIGHT, Math.ceil(fitted[1][1] - fitted[0][1]) + 2 * MARGIN);
    const projection = geoMercator().fitExtent(
      [
        [MARGIN, MARGIN],
        [WIDTH - MARGIN, height - MARGIN],
      ],
      fitTo,
    );
    const path = geoPath(projection);
    return {
      height,
      municipalities: shapes.map((s) => ({ nisCode: s.nisCode, nameNl: s.nameNl, inRegion: s.inRegion, d: path(s.geometry) ?? '' })),
      outline: map.region ? (path({ type: 'MultiLineString', coordinates: map.region.outline } as GeoPermissibleObjects) ?? '') : '',
      points: map.points.map((p) => ({ ...p, xy: projection([p.longitude, p.latitude]) })),
    };
  }, [map]);

  const label = t('directory.map.svgLabel', {
    region: map.region ? t('directory.map.svgRegion', { name: map.region.name }) : '',
    count: map.points.length,
  });
  return (
    <svg viewBox={`0 0 ${WIDTH} ${drawn.height}`} width="100%" role="group" aria-label={label} data-testid="directory-map" style={{ display: 'block', maxHeight: '70vh' }}>
      <title>{label}</title>
      <rect width={WIDTH} height={drawn.height} fill="var(--mantine-color-blue-0)" />
      <g>
        {drawn.municipalities.map((m) => (
          <path
            key={m.nisCode}
            d={m.d}
            fill={m.inRegion ? 'var(--mantine-color-teal-1)' : 'var(--mantine-color-gray-1)'}
            stroke="var(--mantine-color-gray-5)"
            strokeWidth={0.5}
            vectorEffect="non-scaling-stroke"
          >
            <title>{m.nameNl}</title>
          </path>
        ))}
      </g>
      {drawn.outline && <path d={drawn.outline} fill="none" stroke="var(--mantine-color-teal-8)" strokeWidth={2} strokeLinejoin="round" />}
      <g>
        {drawn.points.map((p) =>
          p.xy ? (
            <a
              key={p.locationId}
              href={organisationPath(p.organisation.id)}
              aria-label={t('directory.map.point', { name: p.name, organisation: p.organisation.name, count: p.serviceCount })}
              onClick={(e) => {
                e.preventDefault();
                void navigate(organisationPath(p.organisation.id));
              }}
            >
              <circle cx={p.xy[0]} cy={p.xy[1]} r={6} fill="var(--mantine-color-petrol-7, #0b6e75)" stroke="white" strokeWidth={1.5}>
                <title>{t('directory.map.point', { name: p.name, organisation: p.organisation.name, count: p.serviceCount })}</title>
              </circle>
            </a>
          ) : null,
        )}
      </g>
    </svg>
  );
}

function PointsTable({ map }: { map: TMap }) {
  const { t } = useTranslation();
  const names = new Map(map.municipalities.map((m) => [m.nisCode, m.nameNl]));
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 8 }}>{t('directory.map.listTitle')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.map.listOrganisation')}</Table.Th>
            <Table.Th scope="col">{t('directory.map.listPlace')}</Table.Th>
            <Table.Th scope="col">{t('directory.map.listMunicipality')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('directory.map.listServices')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.points.map((p) => (
            <Table.Tr key={p.locationId}>
              <Table.Td>
                <Anchor component={Link} to={organisationPath(p.organisation.id)}>
                  {p.organisation.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.nisCode ? (names.get(p.nisCode) ?? '') : ''}</Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{p.serviceCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The region on a map of Flanders (SVG, no tiles), its places clickable, with the same places as a table. */
export function DirectoryMap({ region }: { region: string }) {
  const { t } = useTranslation();
  const map = useDirectoryMap(region);
  const [showList, setShowList] = useState(false);
  if (map.isPending) return <SectionSkeleton rows={8} />;
  if (map.isError) return <ErrorState error={map.error} onRetry={() => void map.refetch()} retrying={map.isFetching} />;
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" bg="blue.0" style={{ overflow: 'hidden', opacity: map.isPlaceholderData ? 0.6 : 1 }}>
        <MapSvg map={map.data} />
      </Paper>
      {map.data.truncated && (
        <Alert color="yellow" variant="light">
          {t('directory.map.truncated', { count: MAP_POINT_LIMIT })}
        </Alert>
      )}
      {map.data.points.length === 0 ? (
        <Text c="dimmed">{t('directory.map.noPoints')}</Text>
      ) : (
        <>
          <Button
            variant="default"
            leftSection={<IconList size={16} aria-hidden="true" />}
            onClick={() => setShowList((v) => !v)}
            aria-expanded={showList}
            aria-controls="directory-map-list"
            style={{ alignSelf: 'flex-start' }}
          >
            {showList ? t('directory.map.hideList') : t('directory.map.showList')}
          </Button>
          <div id="directory-map-list" hidden={!showList}>
            <PointsTable map={map.data} />
          </div>
        </>
      )}
    </Stack>
  );
}
