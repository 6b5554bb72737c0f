import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REFERENCE_DIR } from '../../paths.js';

/** The NIS code of the Flemish Region in the boundary data (`reg_nis`). */
const FLEMISH_REGION = '02000';
/** Points closer than this to the simplified line are dropped (degrees of latitude, about 150 m). */
const TOLERANCE = 0.00135;
/** Longitude degrees are shorter than latitude degrees at Flanders' latitude (cos 51°). */
const LON_FACTOR = Math.cos((51 * Math.PI) / 180);
/** Decimals kept (about 10 m): plenty for a map of a region, and short numbers. */
const DECIMALS = 4;

export interface MapOutline {
  nisCode: string;
  nameNl: string;
  flemish: boolean;
  polygons: [number, number][][][];
}

type Point = [number, number];

/** Squared (roughly metric) distance of p to the segment a–b. */
function distance2(p: Point, a: Point, b: Point): number {
  const px = p[0] * LON_FACTOR, ax = a[0] * LON_FACTOR, bx = b[0] * LON_FACTOR;
  const dx = bx - ax, dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - a[1]) * dy) / len2));
  const x = ax + t * dx - px, y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker, keeping both ends (so arcs shared by two municipalities still meet). */
export function simplifyLine(points: Point[], tolerance = TOLERANCE): Point[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const limit = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = -1, worstDistance = limit;
    for (let i = first + 1; i < last; i++) {
      const d = distance2(points[i] as Point, points[first] as Point, points[last] as Point);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const round = (v: number) => Number(v.toFixed(DECIMALS));

let cache: MapOutline[] | undefined;
let simplifiedTopology: { topology: Topology; collection: GeometryCollection<{ nis: string }> } | undefined;

/**
 * The outer border of a set of municipalities (lines of [lon, lat]): the simplified arcs between a
 * member and a non-member, or on the edge of the data. Inner borders are left out.
 */
export function outlineOf(nisCodes: ReadonlySet<string>): [number, number][][] {
  if (!simplifiedTopology) mapOutlines();
  const { topology, collection } = simplifiedTopology as NonNullable<typeof simplifiedTopology>;
  const inSet = (g: { properties?: unknown }) => nisCodes.has((g.properties as { nis?: string } | undefined)?.nis ?? '');
  const lines = mesh(topology, collection, (a, b) => (a === b ? inSet(a) : inSet(a) !== inSet(b)));
  return lines.coordinates as [number, number][][];
}

/**
 * Belgium's municipalities as simplified outlines, read and simplified once per process. The shared
 * arcs of the TopoJSON are simplified (not each outline apart), so neighbours keep a common border.
 */
export function mapOutlines(): MapOutline[] {
  if (cache) return cache;
  const topo = JSON.parse(readFileSync(join(REFERENCE_DIR, 'belgium-municipalities.topo.json'), 'utf8')) as Topology;
  const collection = topo.objects['municipalities'] as GeometryCollection<{ nis: string; name_nl: string; reg_nis: string }> | undefined;
  if (!collection) throw new Error('municipalities missing from the boundary data');
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    const absolute = arc.map(([dx, dy]): Point => {
      x += dx ?? 0;
      y += dy ?? 0;
      return topo.transform ? [x * sx + tx, y * sy + ty] : [dx ?? 0, dy ?? 0];
    });
    return simplifyLine(absolute).map(([lon, lat]): Point => [round(lon), round(lat)]);
  });
  const simplified: Topology = { type: 'Topology', arcs, objects: { municipalities: collection } };
  simplifiedTopology = { topology: simplified, collection };
  const features = feature(simplified, collection).features;
  cache = features.map((f) => {
    const props = f.properties as { nis: string; name_nl: string; reg_nis: string };
    const geometry = f.geometry as { type: 'Polygon'; coordinates: Point[][] } | { type: 'MultiPolygon'; coordinates: Point[][][] };
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return {
      nisCode: props.nis,
      nameNl: props.name_nl,
      flemish: props.reg_nis === FLEMISH_REGION,
      // A ring simplified to fewer than four points (a tiny enclave) has no area left to draw.
      polygons: polygons.map((rings) => rings.filter((ring) => ring.length >= 4)).filter((rings) => rings.length > 0),
    };
  });
  return cache;
}
