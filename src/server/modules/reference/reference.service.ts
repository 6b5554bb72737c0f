import type { Db } from '../../db/client.js';
import type { TRegionDetail, TRegionSummary, TSector } from '../../../shared/schemas/reference.js';
import { NotFound } from '../../platform/errors.js';
import { referenceRepo } from './reference.repo.js';

/** Regions, municipalities and sectors: public reference data every module builds on. */
export function createReferenceService(db: Db) {
  return {
    listRegions(): Promise<TRegionSummary[]> {
      return referenceRepo.listRegions(db);
    },

    async getRegion(code: string): Promise<TRegionDetail> {
      const summary = await referenceRepo.findRegionByCode(db, code);
      if (!summary) throw new NotFound();
      const municipalities = await referenceRepo.municipalitiesOfRegion(db, summary.id);
      return { ...summary, municipalities };
    },

    listSectors(): Promise<TSector[]> {
      return referenceRepo.listSectors(db);
    },
  };
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
