import { readers, type FamilyMatrixRow } from './families.consent-matrix.js';

/**
 * The family portal's routes under a family's file: inviting a member to the portal (the contact
 * person and a team member who may edit the plan invite: editMembers; everyone else 404), and the
 * team's view of the family's contributions (read_plan, as the plan).
 * The portal's own routes (/api/portal/…) are in portal.matrix.ts and the portal access matrix.
 */
export const rows: FamilyMatrixRow[] = [
  {
    route: 'POST /api/families/:id/members/:memberId/portal-access',
    request: (w) => ({ url: `/api/families/${w.familyId}/members/${w.parentId}/portal-access`, payload: { email: `ouder-${w.unique()}@example.test` } }),
    expect: readers(201),
  },
  {
    route: 'GET /api/families/:id/portal-contributions',
    request: (w) => ({ url: `/api/families/${w.familyId}/portal-contributions` }),
    note: 'what the family said through the portal, shown with the plan: read_plan, as the plan itself',
    expect: readers(200, { contactPerson: 403 }),
  },
];
