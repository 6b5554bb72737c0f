import { fullSession, type MatrixRow } from './matrix.js';

/** The audit viewer: platform administrators only. */
export const rows: MatrixRow[] = [
  { route: 'GET /api/audit', expect: { ...fullSession(403), platformAdmin: 200 } },
];
