import type { Db, DbOrTx } from '../../db/client.js';
import type { TRegionDetail, TRegionSummary, TSector } from '../../../shared/schemas/reference.js';
import type { FullContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Duplicate, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { referenceRepo } from './reference.repo.js';

/** Regions, municipalities and sectors: public reference data every module builds on. */
export function createReferenceService(db: Db) {
  async function regionDetail(tx: DbOrTx, code: string): Promise<TRegionDetail> {
    const summary = await referenceRepo.findRegionByCode(tx, code);
    if (!summary) throw new NotFound();
    const municipalities = await referenceRepo.municipalitiesOfRegion(tx, summary.id);
    return { ...summary, municipalities };
  }

  /** Locks the region (404 when unknown) and checks the version the change is based on. */
  async function lockRegion(tx: DbOrTx, code: string, version: number) {
    const target = await referenceRepo.lockRegion(tx, code);
    if (!target) throw new NotFound();
    if (target.version !== version) throw new VersionConflict();
    return target;
  }

  return {
    listRegions(): Promise<TRegionSummary[]> {
      return referenceRepo.listRegions(db);
    },

    getRegion(code: string): Promise<TRegionDetail> {
      return regionDetail(db, code);
    },

    /**
     * Adds a municipality to a region (platform admins; the route gate checks). A municipality belongs
     * to at most one 1G1P network (provinces overlap networks by nature). Population totals stay computed.
     */
    addMunicipality(ctx: FullContext, code: string, input: { nisCode: string; version: number }): Promise<TRegionDetail> {
      return db.transaction(async (tx) => {
        const target = await lockRegion(tx, code, input.version);
        const place = await referenceRepo.lockMunicipality(tx, input.nisCode);
        if (!place) {
          const message = tr(ctx, `Onbekende NIS-code: ${input.nisCode}.`, `Unknown NIS code: ${input.nisCode}.`);
          throw new Invalid(message, [{ path: detailPath('body', 'nisCode'), message }]);
        }
        if (await referenceRepo.inRegion(tx, target.id, input.nisCode)) {
          throw new Duplicate('nisCode', tr(ctx, `${place.nameNl} hoort al bij deze regio.`, `${place.nameNl} already belongs to this region.`));
        }
        if (target.kind === 'network') {
          const other = await referenceRepo.otherNetworkOf(tx, target.id, input.nisCode);
          if (other) {
            const message = tr(
              ctx,
              `${place.nameNl} hoort al bij de regio ${other.name}. Een gemeente hoort bij ten hoogste één 1 Gezin 1 Plan-regio: haal ze daar eerst weg.`,
              `${place.nameNl} already belongs to the region ${other.name}. A municipality belongs to at most one 1 Gezin 1 Plan region: remove it there first.`,
            );
            throw new Conflict(message, [{ path: detailPath('body', 'nisCode'), message }]);
          }
        }
        await referenceRepo.addMunicipality(tx, target.id, input.nisCode);
        if (!(await referenceRepo.touchRegion(tx, target.id, input.version, ctx.now))) throw new VersionConflict();
        await recordAudit(tx, { ...auditActor(ctx), action: 'region.municipality.add', resourceType: 'region', resourceId: target.id, outcome: 'success', details: { nisCode: input.nisCode } });
        return regionDetail(tx, code);
      });
    },

    /** Removes a municipality from a region (404 when it is not in it). */
    removeMunicipality(ctx: FullContext, code: string, nisCode: string, version: number): Promise<TRegionDetail> {
      return db.transaction(async (tx) => {
        const target = await lockRegion(tx, code, version);
        if (!(await referenceRepo.inRegion(tx, target.id, nisCode))) {
          throw new NotFound(tr(ctx, 'Deze gemeente hoort niet bij deze regio.', 'This municipality does not belong to this region.'));
        }
        await referenceRepo.removeMunicipality(tx, target.id, nisCode);
        if (!(await referenceRepo.touchRegion(tx, target.id, version, ctx.now))) throw new VersionConflict();
        await recordAudit(tx, { ...auditActor(ctx), action: 'region.municipality.remove', resourceType: 'region', resourceId: target.id, outcome: 'success', details: { nisCode } });
        return regionDetail(tx, code);
      });
    },

    listSectors(): Promise<TSector[]> {
      return referenceRepo.listSectors(db);
    },
  };
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
