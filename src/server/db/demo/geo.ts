import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { geoCentroid, geoContains, type GeoPermissibleObjects } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { REFERENCE_DIR } from '../../paths.js';

/** A municipality's shape from the shipped boundary data: whether a point lies in it, and its centroid. */
export interface MunicipalityShape {
  nisCode: string;
  /** [longitude, latitude] of the shape's centroid (inside for every Flemish municipality). */
  centroid: [number, number];
  contains(latitude: number, longitude: number): boolean;
}

let cache: Map<string, MunicipalityShape> | undefined;

/** The shapes of Belgium's municipalities by NIS code (shipped TopoJSON), read once. */
export function municipalityShapes(): Map<string, MunicipalityShape> {
  if (cache) return cache;
  const topo = JSON.parse(readFileSync(join(REFERENCE_DIR, 'belgium-municipalities.topo.json'), 'utf8')) as Topology;
  const collection = topo.objects['municipalities'];
  if (!collection) throw new Error('municipalities missing from the boundary data');
  const fc = feature(topo, collection) as unknown as { features: (GeoPermissibleObjects & { properties: { nis: string } })[] };
  cache = new Map(
    fc.features.map((f) => {
      const [lon, lat] = geoCentroid(f);
      return [
        f.properties.nis,
        { nisCode: f.properties.nis, centroid: [lon, lat] as [number, number], contains: (latitude: number, longitude: number) => geoContains(f, [longitude, latitude]) },
      ];
    }),
  );
  return cache;
}
