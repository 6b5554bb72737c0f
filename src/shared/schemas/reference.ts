import { z } from 'zod';
import { dataEnvelope, zQueryInt, zVersion } from './common.js';

/** A Belgian municipality (situation 2019) with its population. */
export const ZMunicipality = z
  .object({
    nisCode: z.string().regex(/^\d{5}$/),
    nameNl: z.string(),
    nameFr: z.string().nullable(),
    arrondissementNis: z.string(),
    arrondissementNl: z.string(),
    province: z.string(),
    population: z.number().int().nonnegative(),
    populationYear: z.number().int(),
  })
  .meta({ id: 'Municipality' });
export type TMunicipality = z.infer<typeof ZMunicipality>;

export const REGION_KINDS = ['network', 'province'] as const;

/** A 1G1P network (or a province, for provincial bodies). Population is computed from its municipalities. */
export const ZRegionSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(REGION_KINDS),
    municipalityCount: z.number().int(),
    population: z.number().int(),
  })
  .meta({ id: 'RegionSummary' });
export type TRegionSummary = z.infer<typeof ZRegionSummary>;

export const ZRegionDetail = ZRegionSummary.extend({
  municipalities: z.array(ZMunicipality),
  version: z.number().int().describe('The version of the region (its municipality set), for changes'),
}).meta({ id: 'RegionDetail' });
export type TRegionDetail = z.infer<typeof ZRegionDetail>;

export const ZSector = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameNl: z.string(),
    nameEn: z.string(),
  })
  .meta({ id: 'Sector' });
export type TSector = z.infer<typeof ZSector>;

export const ZRegionListResponse = dataEnvelope(z.array(ZRegionSummary));
export const ZRegionDetailResponse = dataEnvelope(ZRegionDetail);
export const ZSectorListResponse = dataEnvelope(z.array(ZSector));
export const ZRegionParams = z.object({ code: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/) });

// --- Editing a region's municipalities (platform admins) -------------------------------------

const zNisCode = z.string().regex(/^[0-9]{5}$/, 'A NIS code of five digits');
export const ZRegionMunicipalityParams = ZRegionParams.extend({ nisCode: zNisCode });
/** Adds a municipality to a region; a municipality belongs to at most one 1G1P network. */
export const ZRegionMunicipalityAdd = z.object({ nisCode: zNisCode, version: zVersion }).strict();
export type TRegionMunicipalityAdd = z.infer<typeof ZRegionMunicipalityAdd>;
export const ZRegionMunicipalityRemoveQuery = z.object({ version: zQueryInt({ min: 1 }).describe('The version this change is based on (optimistic concurrency)') });
