import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZPasswordResetRequest } from '../../../shared/schemas/auth.js';
import { usePasswordResetRequest } from '../../api/auth.js';
import { AuthCard } from './auth-card.js';
import { announcedError, authErrorText } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { LOGIN_PATH } from './return-path.js';

/** "Wachtwoord vergeten?": ask for a mail with a link to choose a new password. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const reset = usePasswordResetRequest();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validateInputOnBlur: true,
    validate: {
      email: (value) => {
        if (value.trim() === '') return t('auth.login.emailRequired');
        return ZPasswordResetRequest.safeParse({ email: value }).success ? null : t('auth.login.emailInvalid');
      },
    },
  });

  if (sentTo !== null) {
    return (
      <AuthCard key="sent" title={t('auth.reset.sentTitle')}>
        <Alert variant="light" color="petrol" icon={<IconMailCheck aria-hidden="true" />} role="status">
          <Text c="gray.9">{t('auth.reset.sent', { email: sentTo })}</Text>
        </Alert>
        <Text>{t('auth.reset.sentHelp')}</Text>
        <Stack gap="xs" align="flex-start">
          <Anchor component={Link} to={LOGIN_PATH}>
            {t('auth.reset.backToLogin')}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            onClick={() => {
              reset.reset();
              setSentTo(null);
            }}
          >
            {t('auth.reset.again')}
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const { email } = ZPasswordResetRequest.parse(values);
    reset.mutate(email, {
      onSuccess: () => setSentTo(email),
      onError: (error) => setFormError(authErrorText(t, error)),
    });
  });

  return (
    <AuthCard key="ask" title={t('auth.reset.requestTitle')} lead={t('auth.reset.requestLead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
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
          <Button type="submit" size="md" loading={reset.isPending}>
            {t('auth.reset.requestSubmit')}
          </Button>
          <Text size="sm" c="gray.7">
            {t('auth.reset.remembered')}{' '}
            <Anchor component={Link} to={LOGIN_PATH} size="sm">
              {t('auth.reset.backToLogin')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
