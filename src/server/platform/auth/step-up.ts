import { AppError } from '../errors.js';
import type { Actor } from './authenticate.js';

/** How long a step-up confirmation covers sensitive operations. */
export const STEP_UP_WINDOW_MS = 5 * 60_000;

/**
 * Sensitive operations (granting platform roles, disabling people, later exports and consent
 * overrides) need the second factor confirmed within the last five minutes: 401 `reauth_required`.
 */
export function requireStepUp(actor: Actor, now: Date): void {
  const at = actor.reauthenticatedAt?.getTime();
  if (at === undefined || now.getTime() - at > STEP_UP_WINDOW_MS) throw new AppError(401, 'reauth_required');
}
