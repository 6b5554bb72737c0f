import { readers, type FamilyMatrixRow } from './families.consent-matrix.js';

/**
 * The plan (plan.routes.ts) in the family access matrix: reading needs read_plan, saving
 * edit_plan, so the contact person without consent gets 403. The world has no plan version yet,
 * so one version and a comparison answer a reader 404 (nothing to show):
 * the rows pin who passes the gate; plan.test.ts covers the contents.
 */
export const rows: FamilyMatrixRow[] = [
  { route: 'GET /api/families/:id/plan', request: (w) => ({ url: `/api/families/${w.familyId}/plan` }), expect: readers(200, { contactPerson: 403 }) },
  {
    route: 'PUT /api/families/:id/plan',
    request: (w) => ({ url: `/api/families/${w.familyId}/plan`, payload: { basedOn: 0, summary: 'Eerste plan', content: {} } }),
    expect: readers(200, { contactPerson: 403 }),
  },
  { route: 'GET /api/families/:id/plan/versions', request: (w) => ({ url: `/api/families/${w.familyId}/plan/versions` }), expect: readers(200, { contactPerson: 403 }) },
  { route: 'GET /api/families/:id/plan/versions/:number', request: (w) => ({ url: `/api/families/${w.familyId}/plan/versions/1` }), expect: readers(404, { contactPerson: 403 }) },
  { route: 'GET /api/families/:id/plan/compare', request: (w) => ({ url: `/api/families/${w.familyId}/plan/compare?from=1&to=1` }), expect: readers(404, { contactPerson: 403 }) },
  {
    route: 'POST /api/families/:id/plan/agreement',
    request: (w) => ({ url: `/api/families/${w.familyId}/plan/agreement`, payload: { version: 1 } }),
    note: 'the contact person records it, and only with read_plan: neither the contact person without consent nor a colleague may',
    expect: readers(403),
  },
];
