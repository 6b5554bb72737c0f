import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { geoBounds, geoCentroid, geoContains, type GeoPermissibleObjects } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { REFERENCE_DIR } from '../../paths.js';

/** A municipality's shape from the shipped boundary data: whether a point lies in it, and its centroid. */
export interface MunicipalityShape {
  nisCode: string;
  /** [longitude, latitude] of the shape's centroid (outside some shapes, e.g. Baarle-Hertog's enclaves). */
  centroid: [number, number];
  /** [longitude, latitude] of a point inside: the centroid, or else the point of a fine grid nearest to it. */
  interior: [number, number];
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
      const centroid = geoCentroid(f) as [number, number];
      const contains = (latitude: number, longitude: number) => geoContains(f, [longitude, latitude]);
      return [f.properties.nis, { nisCode: f.properties.nis, centroid, interior: interiorPoint(f, centroid, contains), contains }];
    }),
  );
  return cache;
}

function interiorPoint(f: GeoPermissibleObjects, centroid: [number, number], contains: (lat: number, lon: number) => boolean): [number, number] {
  if (contains(centroid[1], centroid[0])) return centroid;
  const [[west, south], [east, north]] = geoBounds(f);
  let best: [number, number] | undefined;
  let bestDistance = Infinity;
  const steps = 60;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const lon = west + ((east - west) * i) / steps;
      const lat = south + ((north - south) * j) / steps;
      const distance = (lon - centroid[0]) ** 2 + (lat - centroid[1]) ** 2;
      if (distance < bestDistance && contains(lat, lon)) {
        best = [lon, lat];
        bestDistance = distance;
      }
    }
  }
  return best ?? centroid;
}
