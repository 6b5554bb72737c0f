import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZLoginRequest } from '../../../shared/schemas/auth.js';
import { ApiError } from '../../api/client.js';
import { isFullyLoggedIn, useLogin, useMe } from '../../api/auth.js';
import { AuthCard } from './auth-card.js';
import { authErrorText, announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { OidcLoginButton, OidcLoginError } from './oidc-parts.js';
import { PasswordField } from './password-field.js';
import { PASSWORD_RESET_REQUEST_PATH } from './password-reset-page.js';
import { MFA_ENROL_PATH, MFA_PATH, returnPathFrom, withReturn } from './return-path.js';

/** Step 1 of logging in: e-mail address and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const returnTo = returnPathFrom(search);
  const me = useMe();
  const login = useLogin();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validateInputOnBlur: true,
    validate: (values) => {
      const result = ZLoginRequest.safeParse(values);
      if (result.success) return {};
      const errors: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const field = issue.path[0];
        if (field === 'email' && !errors.email) {
          errors.email = values.email.trim() === '' ? t('auth.login.emailRequired') : t('auth.login.emailInvalid');
        }
        if (field === 'password' && !errors.password) {
          errors.password = values.password === '' ? t('auth.login.passwordRequired') : t('auth.login.passwordTooLong');
        }
      }
      return errors;
    },
  });

  if (isFullyLoggedIn(me.data) && !login.isPending) return <Navigate to={returnTo} replace />;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = ZLoginRequest.parse(values);
    login.mutate(body, {
      onSuccess: (result) => {
        void navigate(withReturn(result.next === 'mfa' ? MFA_PATH : MFA_ENROL_PATH, returnTo), { replace: true });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'invalid_credentials') form.setFieldValue('password', '');
        setFormError(authErrorText(t, error));
      },
    });
  });

  return (
    <AuthCard title={t('auth.login.title')} lead={t('auth.login.lead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <OidcLoginError />
          <FormError message={formError} />
          <TextInput
            label={t('auth.login.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            {...announcedError}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('auth.login.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Anchor component={Link} to={PASSWORD_RESET_REQUEST_PATH} size="sm" style={{ alignSelf: 'flex-start' }}>
            {t('auth.login.forgot')}
          </Anchor>
          <Button type="submit" size="md" loading={login.isPending}>
            {t('auth.login.submit')}
          </Button>
          <OidcLoginButton returnTo={returnTo} />
          <Text size="sm" c="gray.7">
            {t('auth.login.help')}
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
