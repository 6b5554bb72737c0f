import { useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { usePasswordResetConfirm } from '../../api/auth.js';
import { AuthCard } from './auth-card.js';
import { authErrorText } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { weakPasswordKey } from './password-rules.js';
import { NewPasswordFields } from './new-password-fields.js';
import { useFragmentToken, useNewPasswordForm } from './new-password.js';
import { MFA_ENROL_PATH, MFA_PATH } from './return-path.js';

export const PASSWORD_RESET_REQUEST_PATH = '/wachtwoord-vergeten';

/** A link that cannot work (incomplete, used or expired), with the way to ask for a new one. */
function BadLink({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.reset.badLinkTitle')}>
      <Alert variant="light" color="red" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
        <Text c="gray.9">{message}</Text>
      </Alert>
      <Button component={Link} to={PASSWORD_RESET_REQUEST_PATH} size="md">
        {t('auth.reset.askNew')}
      </Button>
    </AuthCard>
  );
}

/** Choose a new password through the link in the mail; then the usual second step. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirm = usePasswordResetConfirm();
  const token = useFragmentToken();
  const [formError, setFormError] = useState<string | null>(null);
  const [linkBroken, setLinkBroken] = useState(false);

  const form = useNewPasswordForm(t);

  if (token.length < 20 || token.length > 200) return <BadLink message={t('auth.reset.noToken')} />;
  if (linkBroken) return <BadLink message={t('auth.reset.badLink')} />;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    confirm.mutate(
      { token, password: values.password },
      {
        onSuccess: (result) => void navigate(result.next === 'mfa' ? MFA_PATH : MFA_ENROL_PATH, { replace: true }),
        onError: (error) => {
          const weak = weakPasswordKey(error);
          if (weak) {
            form.setFieldError('password', t(weak));
          } else if (error instanceof ApiError && error.code === 'bad_request') {
            setLinkBroken(true);
          } else {
            setFormError(authErrorText(t, error));
          }
        },
      },
    );
  });

  return (
    <AuthCard title={t('auth.reset.title')} lead={t('auth.reset.lead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={formError} />
          <NewPasswordFields form={form} />
          <Button type="submit" size="md" loading={confirm.isPending}>
            {t('auth.reset.submit')}
          </Button>
          <Text size="sm" c="gray.7">
            {t('auth.reset.afterwards')}
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
