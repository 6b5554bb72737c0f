import { Button, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useChangePassword } from '../../api/auth.js';
import { authErrorText } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { PasswordField } from '../auth/password-field.js';
import { PasswordRules, validateNewPassword, weakPasswordKey } from '../auth/password-rules.js';

/** Change my password: current, new, and the new one once more. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value === '' ? t('auth.password.currentRequired') : null),
      newPassword: (value) => validateNewPassword(t, value),
      repeat: (value, values) =>
        value === '' ? t('auth.password.repeatRequired') : value === values.newPassword ? null : t('auth.password.mismatch'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', title: t('account.password.doneTitle'), message: t('account.password.done') });
        },
        onError: (error) => {
          const weak = weakPasswordKey(error);
          if (weak) form.setFieldError('newPassword', t(weak));
          else if (error instanceof ApiError && error.code === 'invalid_credentials')
            form.setFieldError('currentPassword', t('account.password.currentWrong'));
          else setFormError(authErrorText(t, error));
        },
      },
    );
  });

  return (
    <Stack gap="md" maw={480}>
      <div>
        <Title order={2} size="h3">
          {t('account.password.title')}
        </Title>
        <Text c="gray.8">{t('account.password.lead')}</Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={formError} />
          <PasswordField
            label={t('account.password.current')}
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordRules />
          <PasswordField label={t('auth.password.new')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <PasswordField label={t('auth.password.repeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
