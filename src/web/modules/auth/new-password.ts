import { useEffect, useState } from 'react';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { validateNewPassword } from './password-rules.js';

function readToken(): string {
  try {
    return decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  } catch {
    return '';
  }
}

/**
 * The one-time token of a mailed link (`/inschrijven#…`, `/wachtwoord-herstellen#…`). It sits in the
 * fragment so it never reaches a server in a URL, and is taken out of the address bar (and so out of
 * history and bookmarks) at once.
 */
export function useFragmentToken(): string {
  const [token] = useState(readToken);
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
  }, []);
  return token;
}

/** The form for choosing a new password: the rules, and the same password typed twice. */
export function useNewPasswordForm(t: TFunction) {
  return useForm({
    mode: 'controlled',
    initialValues: { password: '', repeat: '' },
    validateInputOnBlur: true,
    validate: {
      password: (value) => validateNewPassword(t, value),
      repeat: (value, values) =>
        value === '' ? t('auth.password.repeatRequired') : value === values.password ? null : t('auth.password.mismatch'),
    },
  });
}
