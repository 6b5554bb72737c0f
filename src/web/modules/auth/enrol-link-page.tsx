import { useState } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useEnrol } from '../../api/auth.js';
import { AuthCard } from './auth-card.js';
import { authErrorText } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { weakPasswordKey } from './password-rules.js';
import { NewPasswordFields } from './new-password-fields.js';
import { useFragmentToken, useNewPasswordForm } from './new-password.js';
import { MFA_ENROL_PATH, MFA_PATH } from './return-path.js';

/** First visit through an enrolment link: choose a password, then set up the second factor. */
export function EnrolLinkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const enrol = useEnrol();
  const token = useFragmentToken();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useNewPasswordForm(t);

  if (token.length < 20) {
    return (
      <AuthCard title={t('auth.enrol.title')}>
        <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden="true" />}>
          {t('auth.enrol.noToken')}
        </Alert>
      </AuthCard>
    );
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    enrol.mutate(
      { token, password: values.password },
      {
        onSuccess: (result) => void navigate(result.next === 'mfa' ? MFA_PATH : MFA_ENROL_PATH, { replace: true }),
        onError: (error) => {
          const weak = weakPasswordKey(error);
          if (weak) {
            form.setFieldError('password', t(weak));
          } else if (error instanceof ApiError && error.code === 'bad_request') {
            setFormError(t('auth.enrol.badLink'));
          } else {
            setFormError(authErrorText(t, error));
          }
        },
      },
    );
  });

  return (
    <AuthCard title={t('auth.enrol.title')} lead={t('auth.enrol.lead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={formError} />
          <NewPasswordFields form={form} />
          <Button type="submit" size="md" loading={enrol.isPending}>
            {t('auth.enrol.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
