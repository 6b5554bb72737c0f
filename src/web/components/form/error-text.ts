import type { TFunction } from 'i18next';
import { ApiError, errorMessageKey } from '../../api/client.js';

/** The message for a failed login step; for 429 it says how many minutes to wait. */
export function authErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'too_many_requests' && error.retryAfter !== undefined) {
    return t('auth.waitMinutes', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) });
  }
  return t(errorMessageKey(error));
}

/** Mantine input props that make a field's error be announced when it appears. */
export const announcedError = { errorProps: { role: 'alert' } } as const;
