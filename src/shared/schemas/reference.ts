import { z } from 'zod';
import { dataEnvelope } from './common.js';

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
