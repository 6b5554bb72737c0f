import type { Db, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import type { TBridgingCreate, TBridgingUpdate, TWait, TWaitCreate, TWaitUpdate } from '../../../shared/schemas/families/care.js';
import type { FamilyFacts } from './access.repo.js';
import { familyPolicy } from './families.policy.js';
import { auditFamily, inFamily } from './family-gate.js';
import { dayOf, daysBetween, definedOnly, requireInOrder } from './care-common.js';
import { waitsRepo, type BridgingRow, type WaitRow } from './waits.repo.js';
import { markingChange, markingChanged, resolveMarking } from './marking.js';

/**
 * Waiting and bridging: the services a family waits for (free text now, the directory later)
 * and the help given meanwhile. Reading needs `readPlan`, changing `manageWaits`; every read and
 * change is audited with the family. Changes carry the version they were based on (409 when stale).
 * A wait's marking (what the family sees of it in the portal) is set on creation and changed like
 * any field, by whoever may manage waits; the audit row keeps the marking before and after.
 */
export function createWaitsService(db: Db) {
  function toWait(row: WaitRow, bridging: BridgingRow[], today: string): TWait {
    const { serviceId, serviceName, serviceOrganisationName, serviceStatus, serviceWaitingDays, serviceWaitingConfirmedOn, ...rest } = row;
    return {
      ...rest,
      service:
        serviceId && serviceName !== null
          ? { id: serviceId, name: serviceName, organisationName: serviceOrganisationName ?? '', active: serviceStatus === 'active', waitingDays: serviceWaitingDays, waitingConfirmedOn: serviceWaitingConfirmedOn }
          : null,
      daysWaiting: Math.max(0, daysBetween(row.sinceOn, row.endedOn ?? today)),
      bridging: bridging.filter((b) => b.waitId === row.id),
    };
  }

  /**
   * The directory service of a new or changed wait: it must exist; its name is the service text and
   * its organisation the organisation unless the caller gave them.
   */
  async function withService(tx: Tx, ctx: FullContext, input: { serviceId?: string | null | undefined; serviceText?: string | undefined; organisationId?: string | null | undefined }) {
    if (!input.serviceId) return { serviceText: input.serviceText, organisationId: input.organisationId };
    const found = await waitsRepo.directoryService(tx, input.serviceId);
    if (!found) {
      const message = tr(ctx, 'Deze dienst staat niet (meer) in de sociale kaart.', 'This service is not (or no longer) in the directory.');
      throw new Invalid(message, [{ path: detailPath('body', 'serviceId'), message }]);
    }
    return { serviceText: input.serviceText ?? found.name, organisationId: input.organisationId === undefined ? found.organisationId : input.organisationId };
  }

  const abilities = (ctx: FullContext, facts: FamilyFacts) => ({ manage: familyPolicy.can(ctx, 'manageWaits', facts) });

  async function oneWait(tx: Tx, ctx: FullContext, facts: FamilyFacts, waitId: string) {
    const [row] = await waitsRepo.waits(tx, facts.id, waitId);
    if (!row) throw new NotFound();
    return { data: toWait(row, await waitsRepo.bridging(tx, facts.id, [row.id]), dayOf(ctx.now)), abilities: abilities(ctx, facts) };
  }

  return {
    list(ctx: RequestContext, familyId: string) {
      return inFamily(db, ctx, familyId, 'readPlan', async (tx, facts, full) => {
        const rows = await waitsRepo.waits(tx, familyId);
        const bridging = await waitsRepo.bridging(tx, familyId, rows.map((r) => r.id));
        await auditFamily(tx, full, facts, { action: 'wait.list', details: { count: rows.length } });
        const today = dayOf(full.now);
        return { data: { items: rows.map((r) => toWait(r, bridging, today)) }, abilities: abilities(full, facts) };
      });
    },

    create(ctx: RequestContext, familyId: string, input: TWaitCreate) {
      return inFamily(db, ctx, familyId, 'manageWaits', async (tx, facts, full) => {
        const filled = await withService(tx, full, input);
        const marking = await resolveMarking(tx, full, familyId, { disclosure: 'normal', youthMemberId: null }, { disclosure: input.disclosure ?? 'normal', youthMemberId: input.youthMemberId });
        const id = await waitsRepo.insertWait(
          tx,
          familyId,
          {
            // The contract asks for a service text or a service; withService names it after the service.
            serviceText: filled.serviceText ?? '',
            serviceId: input.serviceId ?? null,
            organisationId: filled.organisationId ?? null,
            sinceOn: input.sinceOn,
            expectedStartOn: input.expectedStartOn ?? null,
            status: 'waiting',
            endedOn: null,
            ...marking,
          },
          full.now,
        );
        await auditFamily(tx, full, facts, { action: 'wait.create', resourceType: 'wait', resourceId: id, details: marking.youthMemberId ? { ...marking } : { disclosure: marking.disclosure } });
        return oneWait(tx, full, facts, id);
      });
    },

    update(ctx: RequestContext, familyId: string, waitId: string, input: TWaitUpdate) {
      return inFamily(db, ctx, familyId, 'manageWaits', async (tx, facts, full) => {
        const current = await waitsRepo.lockWait(tx, familyId, waitId);
        if (!current) throw new NotFound();
        if (current.version !== input.version) throw new VersionConflict();
        const status = input.status ?? current.status;
        // A wait that ends gets an end date (today unless given); waiting again clears it.
        const endedOn = status === 'waiting' ? null : input.endedOn ?? current.endedOn ?? dayOf(full.now);
        // Linking a service keeps the wait's own text; the organisation follows the service unless given.
        const filled = input.serviceId
          ? await withService(tx, full, { ...input, serviceText: input.serviceText ?? current.serviceText })
          : { serviceText: input.serviceText, organisationId: input.organisationId };
        const values = definedOnly({
          serviceText: filled.serviceText,
          serviceId: input.serviceId,
          organisationId: filled.organisationId,
          sinceOn: input.sinceOn,
          expectedStartOn: input.expectedStartOn,
          status: input.status,
        });
        const sinceOn = values.sinceOn ?? current.sinceOn;
        requireInOrder(sinceOn, values.expectedStartOn === undefined ? current.expectedStartOn : values.expectedStartOn, 'expectedStartOn');
        requireInOrder(sinceOn, endedOn, 'endedOn');
        const before = { disclosure: current.disclosure, youthMemberId: current.youthMemberId };
        const marking = await resolveMarking(tx, full, familyId, before, input);
        if (!(await waitsRepo.updateWait(tx, waitId, input.version, { ...values, endedOn, ...marking }, full.now))) throw new VersionConflict();
        await auditFamily(tx, full, facts, {
          action: 'wait.update', resourceType: 'wait', resourceId: waitId,
          details: {
            fields: Object.keys(input).filter((k) => k !== 'version'),
            ...(input.status ? { status: input.status } : {}),
            ...(markingChanged(before, marking) ? markingChange(before, marking) : {}),
          },
        });
        return oneWait(tx, full, facts, waitId);
      });
    },

    addBridging(ctx: RequestContext, familyId: string, waitId: string, input: TBridgingCreate) {
      return inFamily(db, ctx, familyId, 'manageWaits', async (tx, facts, full) => {
        const current = await waitsRepo.lockWait(tx, familyId, waitId);
        if (!current) throw new NotFound();
        const id = await waitsRepo.insertBridging(
          tx,
          familyId,
          waitId,
          { provider: input.provider, organisationId: input.organisationId ?? null, what: input.what, fromOn: input.fromOn, untilOn: input.untilOn ?? null },
          full.now,
        );
        await auditFamily(tx, full, facts, { action: 'bridging.create', resourceType: 'bridging_help', resourceId: id, details: { waitId } });
        return oneWait(tx, full, facts, waitId);
      });
    },

    updateBridging(ctx: RequestContext, familyId: string, waitId: string, bridgingId: string, input: TBridgingUpdate) {
      return inFamily(db, ctx, familyId, 'manageWaits', async (tx, facts, full) => {
        const current = await waitsRepo.lockBridging(tx, familyId, waitId, bridgingId);
        if (!current) throw new NotFound();
        if (current.version !== input.version) throw new VersionConflict();
        const values = definedOnly({ provider: input.provider, organisationId: input.organisationId, what: input.what, fromOn: input.fromOn, untilOn: input.untilOn });
        requireInOrder(values.fromOn ?? current.fromOn, values.untilOn === undefined ? current.untilOn : values.untilOn, 'untilOn');
        if (!(await waitsRepo.updateBridging(tx, bridgingId, input.version, values, full.now))) throw new VersionConflict();
        await auditFamily(tx, full, facts, {
          action: 'bridging.update', resourceType: 'bridging_help', resourceId: bridgingId,
          details: { waitId, fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return oneWait(tx, full, facts, waitId);
      });
    },
  };
}
