import { atelier, blockedSignal, bridgingHelp, commitment, wait } from '../../src/server/db/schema/index.js';
import { readers, type FamilyMatrixRow, type FamilyWorld } from './families.consent-matrix.js';

/**
 * Waits with bridging help, and the journal (waits.routes.ts, journal.routes.ts) in the family
 * access matrix. Reading waits needs read_plan and the journal the journal scope, so the contact
 * person without consent gets 403 there; managing waits is the contact person's or an editor's.
 */
async function aWait(w: FamilyWorld) {
  const [row] = await w.db.insert(wait).values({ familyId: w.familyId, serviceText: 'Thuisbegeleiding', sinceOn: '2026-06-01' }).returning();
  return row!.id;
}
async function aBridging(w: FamilyWorld) {
  const waitId = await aWait(w);
  const [row] = await w.db.insert(bridgingHelp).values({ waitId, familyId: w.familyId, provider: 'Oma', what: 'Opvang', fromOn: '2026-06-01' }).returning();
  return { waitId, bridgingId: row!.id };
}

async function aSignal(w: FamilyWorld) {
  const [row] = await w.db
    .insert(blockedSignal)
    .values({ familyId: w.familyId, regionId: w.regionId, source: 'manual', reason: 'Het traject zit vast', raisedAt: new Date() })
    .returning();
  return row!.id;
}

async function aCommitment(w: FamilyWorld, ownerPersonId: string | null = null) {
  const [a] = await w.db.insert(atelier).values({ familyId: w.familyId, heldOn: '2026-06-10', participants: [] }).returning();
  const [c] = await w.db.insert(commitment).values({ atelierId: a!.id, familyId: w.familyId, description: 'Stage zoeken', ownerLabel: 'Iemand', ownerPersonId }).returning();
  return { atelierId: a!.id, commitmentId: c!.id };
}

export const rows: FamilyMatrixRow[] = [
  { route: 'GET /api/families/:id/waits', request: (w) => ({ url: `/api/families/${w.familyId}/waits` }), expect: readers(200, { contactPerson: 403 }) },
  {
    route: 'POST /api/families/:id/waits',
    request: (w) => ({ url: `/api/families/${w.familyId}/waits`, payload: { serviceText: 'Thuisbegeleiding', sinceOn: '2026-06-01' } }),
    expect: readers(201),
  },
  {
    route: 'PATCH /api/families/:id/waits/:waitId',
    request: async (w) => ({ url: `/api/families/${w.familyId}/waits/${await aWait(w)}`, payload: { version: 1, expectedStartOn: '2026-09-01' } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/waits/:waitId/bridging',
    request: async (w) => ({ url: `/api/families/${w.familyId}/waits/${await aWait(w)}/bridging`, payload: { provider: 'Oma', what: 'Opvang', fromOn: '2026-06-01' } }),
    expect: readers(201),
  },
  {
    route: 'PATCH /api/families/:id/waits/:waitId/bridging/:bridgingId',
    request: async (w) => {
      const { waitId, bridgingId } = await aBridging(w);
      return { url: `/api/families/${w.familyId}/waits/${waitId}/bridging/${bridgingId}`, payload: { version: 1, what: 'Opvang na school' } };
    },
    expect: readers(200),
  },
  { route: 'GET /api/families/:id/journal', request: (w) => ({ url: `/api/families/${w.familyId}/journal` }), expect: readers(200, { contactPerson: 403 }) },
  {
    route: 'POST /api/families/:id/journal',
    request: (w) => ({ url: `/api/families/${w.familyId}/journal`, payload: { body: 'Notitie na huisbezoek', visibility: 'team' } }),
    expect: readers(201, { contactPerson: 403 }),
  },
  // Signals (signals.routes.ts): the open team sees and raises them — the contact person too, without consent —;
  // escalating is the contact person's (the region's coordinator escalates through /api/signals, outside the file).
  { route: 'GET /api/families/:id/signals', request: (w) => ({ url: `/api/families/${w.familyId}/signals` }), expect: readers(200) },
  {
    route: 'POST /api/families/:id/signals',
    request: (w) => ({ url: `/api/families/${w.familyId}/signals`, payload: { reason: 'Geen enkele dienst kan starten' } }),
    expect: readers(201),
  },
  {
    route: 'POST /api/families/:id/signals/:signalId/resolve',
    request: async (w) => ({ url: `/api/families/${w.familyId}/signals/${await aSignal(w)}/resolve`, payload: { version: 1 } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/signals/:signalId/escalate',
    request: async (w) => ({ url: `/api/families/${w.familyId}/signals/${await aSignal(w)}/escalate`, payload: { version: 1 } }),
    expect: readers(200, { teamWithConsent: 403 }),
  },
  // Ateliers and commitments (ateliers.routes.ts): reading needs read_plan; managing is the contact person's or an editor's;
  // making a commitment a plan action also needs edit_plan (the contact person without consent: 403).
  { route: 'GET /api/families/:id/ateliers', request: (w) => ({ url: `/api/families/${w.familyId}/ateliers` }), expect: readers(200, { contactPerson: 403 }) },
  {
    route: 'POST /api/families/:id/ateliers',
    request: (w) => ({ url: `/api/families/${w.familyId}/ateliers`, payload: { heldOn: '2026-06-10', participants: [{ kind: 'member', id: w.childId }] } }),
    expect: readers(201),
  },
  {
    route: 'PATCH /api/families/:id/ateliers/:atelierId',
    request: async (w) => ({ url: `/api/families/${w.familyId}/ateliers/${(await aCommitment(w)).atelierId}`, payload: { version: 1, ideas: 'Een stage' } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/ateliers/:atelierId/commitments',
    request: async (w) => ({ url: `/api/families/${w.familyId}/ateliers/${(await aCommitment(w)).atelierId}/commitments`, payload: { description: 'Meegaan', ownerLabel: 'Tante' } }),
    expect: readers(201),
  },
  { route: 'GET /api/families/:id/commitments', request: (w) => ({ url: `/api/families/${w.familyId}/commitments` }), expect: readers(200, { contactPerson: 403 }) },
  {
    route: 'PATCH /api/families/:id/commitments/:commitmentId',
    request: async (w) => ({ url: `/api/families/${w.familyId}/commitments/${(await aCommitment(w)).commitmentId}`, payload: { version: 1, status: 'done' } }),
    expect: readers(200),
  },
  {
    route: 'POST /api/families/:id/commitments/:commitmentId/to-plan',
    request: async (w) => ({
      url: `/api/families/${w.familyId}/commitments/${(await aCommitment(w, w.personOf.teamWithConsent)).commitmentId}/to-plan`,
      payload: { version: 1, planBasedOn: 0 },
    }),
    expect: readers(200, { contactPerson: 403 }),
  },
];
