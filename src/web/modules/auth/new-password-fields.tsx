import { useTranslation } from 'react-i18next';
import type { useNewPasswordForm } from './new-password.js';
import { PasswordField } from './password-field.js';
import { PasswordRules } from './password-rules.js';

/** The rules, the new password and its repetition: the fields of every "choose a password" form. */
export function NewPasswordFields({ form }: { form: ReturnType<typeof useNewPasswordForm> }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordRules />
      <PasswordField label={t('auth.password.new')} autoComplete="new-password" {...form.getInputProps('password')} />
      <PasswordField label={t('auth.password.repeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
    </>
  );
}
