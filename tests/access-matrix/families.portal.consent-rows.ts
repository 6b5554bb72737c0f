import { readers, type FamilyMatrixRow } from './families.consent-matrix.js';

/**
 * The family portal's one route under a family's file: inviting a member to the portal. The
 * contact person and a team member who may edit the plan invite (editMembers); everyone else 404.
 * The portal's own routes (/api/portal/…) are in portal.matrix.ts and the portal access matrix.
 */
export const rows: FamilyMatrixRow[] = [
  {
    route: 'POST /api/families/:id/members/:memberId/portal-access',
    request: (w) => ({ url: `/api/families/${w.familyId}/members/${w.parentId}/portal-access`, payload: { email: `ouder-${w.unique()}@example.test` } }),
    expect: readers(201),
  },
];
