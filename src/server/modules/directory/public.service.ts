import type { Db } from '../../db/client.js';
import { decodeCursor, toPage } from '../../db/paging.js';
import type { RequestContext } from '../../platform/context.js';
import { Invalid, NotFound, detailPath } from '../../platform/errors.js';
import { STALE_AFTER_MONTHS, type TContactFunction } from '../../../shared/schemas/directory/enums.js';
import type {
  TDirectoryFacetsResponse,
  TDirectoryMapQuery,
  TDirectoryMapResponse,
  TDirectoryHit,
  TDirectorySearchQuery,
  TDirectorySearchResponse,
  THighlight,
  TPublicOrganisation,
  TPublicService,
  TPublicZinplek,
} from '../../../shared/schemas/directory/public.js';
import { MAP_POINT_LIMIT } from '../../../shared/schemas/directory/public.js';
import { mapOutlines, outlineOf } from './map.geo.js';
import { MARK_END, MARK_START, directoryPublicRepo as repo, type HitRow, type SearchAfter, type SearchText } from './public.repo.js';

/** At most this many words of q are searched (the contract bounds q at 100 characters). */
const MAX_WORDS = 10;
/** Shorter queries get no typo fallback: with so few trigrams nearly every name would be "similar". */
const FUZZY_MIN_LENGTH = 4;

/** Entries confirmed before this moment are stale (STALE_AFTER_MONTHS). */
export function staleBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - STALE_AFTER_MONTHS);
  return d;
}

/**
 * Dutch plurals the Snowball stemmer leaves apart from their singular ("gezinnen" → gezinn, "gezin"
 * → gezin; "kinderen" → kinder, "kind" → kind): the singulars to search as well.
 */
export function singularsOf(word: string): string[] {
  const out: string[] = [];
  const m = /^(.{3,}?)([bdfgklmnprst])\2en$/u.exec(word);
  if (m?.[1]) out.push(m[1] + m[2]);
  if (word.length >= 7 && word.endsWith('eren')) out.push(word.slice(0, -4));
  return out;
}

/**
 * The words of q (letters and digits only, so nothing in q can change the tsquery's syntax), or
 * null when q is empty.
 */
export function wordsOf(q: string | undefined): string[] | null {
  const trimmed = (q ?? '').normalize('NFC').trim();
  if (!trimmed) return null;
  return (trimmed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/**
 * The full-text search of the words: every word must match (by its stem, or a singular of it), the
 * last one also as a prefix (the person is still typing). `weight` 'A' restricts it to names.
 */
export function tsqueryOf(words: string[], weight = ''): string | null {
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      const alternatives = [w, ...singularsOf(w)].map((a) => (weight ? `${a}:${weight}` : a));
      if (i === words.length - 1) alternatives.push(`${w}:*${weight}`);
      return `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}

function wordsSearch(words: string[]): SearchText {
  return { mode: 'words', tsquery: tsqueryOf(words), nameTsquery: tsqueryOf(words, 'A') };
}

/** The typo fallback, when the words found nothing and q is long enough for trigrams to mean something. */
function typoSearch(words: string[]): SearchText | null {
  const joined = words.join(' ');
  return joined.length >= FUZZY_MIN_LENGTH ? { mode: 'typo', words: joined } : null;
}

/** ts_headline output with its marks → stretches of text, matched or not. */
export function toHighlight(marked: string): THighlight {
  const out: THighlight = [];
  let match = false;
  for (const piece of marked.split(new RegExp(`(${MARK_START}|${MARK_END})`, 'u'))) {
    if (piece === MARK_START) match = true;
    else if (piece === MARK_END) match = false;
    else if (piece) {
      const last = out[out.length - 1];
      if (last && last.match === match) last.text += piece;
      else out.push({ text: piece, match });
    }
  }
  return out;
}

type Mode = SearchText['mode'];

/** The cursor: the last row's (score, lower(name), id) and the mode of the search, so page 2 searches the same way. */
function encodeAfter(mode: Mode) {
  return (row: HitRow) => ({ key: JSON.stringify([row.score, row.sortName, mode]), id: row.id });
}

function decodeAfter(cursor: string | undefined): (SearchAfter & { mode: Mode }) | null {
  if (!cursor) return null;
  const k = decodeCursor(cursor);
  try {
    const parsed: unknown = JSON.parse(k.key);
    if (Array.isArray(parsed) && parsed.length === 3 && Number.isSafeInteger(parsed[0]) && typeof parsed[1] === 'string' && (parsed[2] === 'words' || parsed[2] === 'typo')) {
      return { score: parsed[0] as number, sortName: parsed[1], id: k.id, mode: parsed[2] };
    }
  } catch {
    // falls through to the refusal
  }
  throw new Invalid(undefined, [{ path: detailPath('query', 'cursor'), message: 'Unknown cursor' }]);
}

/** The public directory: search, detail pages and facets. No login, no audit (nothing here is family data). */
export function createDirectoryPublicService(db: Db) {
  return {
    async search(ctx: RequestContext, query: TDirectorySearchQuery): Promise<TDirectorySearchResponse> {
      const words = wordsOf(query.q);
      const after = decodeAfter(query.cursor);
      const filters = {
        text: words ? (after?.mode === 'typo' ? typoSearch(words) : wordsSearch(words)) : null,
        sector: query.sector,
        region: query.region,
        municipality: query.municipality,
        age: query.age,
        directAccess: query.directAccess,
        zinplek: query.zinplek,
        staleBefore: staleBefore(ctx.now),
      };
      const limit = query.limit;
      // Counted first, up to TOTAL_CAP (counting all of a broad word's hits would cost more than the
      // page): the count tells the page how to read (repo.search `many`), and 0 means the typo fallback.
      let counted = await repo.count(db, filters);
      if (words && !after && counted.total === 0) {
        // Nothing matched the words: fall back to names that look like q (typos).
        const typo = typoSearch(words);
        if (typo) {
          filters.text = typo;
          counted = await repo.count(db, filters);
        }
      }
      const { total, capped } = counted;
      const found = total === 0 ? [] : await repo.search(db, filters, after, limit, capped);
      const page = toPage(found, limit, encodeAfter(filters.text?.mode ?? 'words'));

      // The page's sectors and municipalities come with its rows (one statement, not three).
      const items: TDirectoryHit[] = page.items.map((h) => ({
        kind: h.kind,
        id: h.id,
        name: h.name,
        nameHighlight: toHighlight(h.nameHeadline),
        snippet: toHighlight(h.snippetHeadline),
        organisation: { id: h.organisationId, name: h.organisationName },
        sectors: h.sectors,
        municipalities: h.municipalities,
        minAge: h.minAge,
        maxAge: h.maxAge,
        directAccess: h.directAccess,
        waitingDays: h.waitingDays,
        waitingConfirmedOn: h.waitingConfirmedOn,
        confirmedAt: h.confirmedAt,
        stale: h.stale,
      }));
      return { data: { items, nextCursor: page.nextCursor, total, totalCapped: capped } };
    },

    async service(ctx: RequestContext, id: string): Promise<TPublicService> {
      const s = await repo.findService(db, id, staleBefore(ctx.now));
      if (!s) throw new NotFound();
      const [locations, contactPoints] = await Promise.all([
        repo.locations(db, { serviceId: s.id }),
        repo.contactPoints(db, { serviceId: s.id, organisationId: s.organisationId }),
      ]);
      const { organisationId, organisationName, languages, ...rest } = s;
      return {
        ...rest,
        languages: languages as TPublicService['languages'],
        organisation: { id: organisationId, name: organisationName },
        locations,
        contactPoints: contactPoints.map((c) => ({ ...c, function: c.function as TContactFunction })),
      };
    },

    async organisation(ctx: RequestContext, id: string): Promise<TPublicOrganisation> {
      const o = await repo.findOrganisation(db, id, staleBefore(ctx.now));
      if (!o) throw new NotFound();
      const [sectors, municipalitiesServed, locations, services, zinplekken, contactPoints] = await Promise.all([
        repo.sectorsOf(db, [o.id]),
        repo.municipalitiesServed(db, o.id),
        repo.locations(db, { organisationId: o.id }),
        repo.servicesOf(db, o.id),
        repo.zinplekkenOf(db, o.id),
        repo.contactPoints(db, { organisationId: o.id }),
      ]);
      return {
        ...o,
        sectors: sectors.map(({ code, nameNl, nameEn }) => ({ code, nameNl, nameEn })),
        municipalitiesServed,
        locations,
        services,
        zinplekken,
        contactPoints: contactPoints.map((c) => ({ ...c, function: c.function as TContactFunction })),
      };
    },

    async zinplek(ctx: RequestContext, id: string): Promise<TPublicZinplek> {
      const z = await repo.findZinplek(db, id, staleBefore(ctx.now));
      if (!z) throw new NotFound();
      const [location] = z.locationId ? await repo.locations(db, { locationId: z.locationId }) : [];
      const { organisationId, organisationName, locationId: _locationId, ...rest } = z;
      return { ...rest, organisation: { id: organisationId, name: organisationName }, location: location ?? null };
    },

    async facets(): Promise<TDirectoryFacetsResponse> {
      const [sectors, regions, municipalities] = await Promise.all([repo.facetSectors(db), repo.facetRegions(db), repo.facetMunicipalities(db)]);
      return { data: { sectors, regions: regions.map((r) => ({ ...r, nisCodes: r.nisCodes ?? [] })), municipalities } };
    },

    /** The map: Flanders' outlines (the region's municipalities marked) and the region's located places. */
    async map(query: TDirectoryMapQuery): Promise<TDirectoryMapResponse> {
      let region: TDirectoryMapResponse['data']['region'] = null;
      if (query.region) {
        const [found] = await repo.findRegion(db, query.region);
        if (!found) throw new NotFound('Deze regio bestaat niet.');
        region = { code: found.code, name: found.name, nisCodes: found.nisCodes ?? [], outline: outlineOf(new Set(found.nisCodes ?? [])) };
      }
      const marked = new Set(region?.nisCodes ?? []);
      const found = await repo.mapPoints(db, query.region, MAP_POINT_LIMIT + 1);
      const municipalities = mapOutlines()
        .filter((m) => m.flemish || marked.has(m.nisCode))
        .map((m) => ({ nisCode: m.nisCode, nameNl: m.nameNl, inRegion: marked.has(m.nisCode), polygons: m.polygons }));
      return {
        data: {
          municipalities,
          points: found.slice(0, MAP_POINT_LIMIT).map(({ organisationId, organisationName, ...p }) => ({ ...p, organisation: { id: organisationId, name: organisationName } })),
          truncated: found.length > MAP_POINT_LIMIT,
          region,
        },
      };
    },
  };
}
export type DirectoryPublicService = ReturnType<typeof createDirectoryPublicService>;
