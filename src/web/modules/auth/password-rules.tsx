import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PASSWORD_MIN_LENGTH, ZPasswordChange } from '../../../shared/schemas/auth.js';
import { ApiError } from '../../api/client.js';

/** What a good password is, in plain words. */
export function PasswordRules({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <div id={id}>
      <Text size="sm" fw={600}>
        {t('auth.password.rulesTitle')}
      </Text>
      <List size="sm" spacing={2} c="gray.8">
        <List.Item>{t('auth.password.ruleLength', { min: PASSWORD_MIN_LENGTH })}</List.Item>
        <List.Item>{t('auth.password.ruleCommon')}</List.Item>
        <List.Item>{t('auth.password.ruleEmail')}</List.Item>
        <List.Item>{t('auth.password.ruleTip')}</List.Item>
      </List>
    </div>
  );
}

const WEAK_REASONS = ['too_short', 'too_long', 'common', 'contains_email'] as const;

/** The reason the server refused a new password, as an i18n key; null for other errors. */
export function weakPasswordKey(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'weak_password') return null;
  const reason = WEAK_REASONS.find((r) => r === error.details?.[0]?.message);
  return reason ? (`auth.password.weak.${reason}` as const) : ('errors.weak_password' as const);
}

/** Checks a new password and its repetition, the same way the server does for length. */
export function validateNewPassword(t: TFunction, password: string): string | null {
  if (password === '') return t('auth.password.required');
  if (ZPasswordChange.shape.newPassword.safeParse(password).success) return null;
  return password.length < PASSWORD_MIN_LENGTH ? t('auth.password.weak.too_short') : t('auth.password.weak.too_long');
}
