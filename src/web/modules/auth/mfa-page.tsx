import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZMfaRequest } from '../../../shared/schemas/auth.js';
import { isFullyLoggedIn, useMe, useMfa } from '../../api/auth.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { AuthCard } from './auth-card.js';
import { authErrorText, announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { LOGIN_PATH, MFA_ENROL_PATH, returnPathFrom, withReturn } from './return-path.js';

const TOTP = /^\d{6}$/;
const RECOVERY = /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/;

/** Step 2 of logging in: the code from the authenticator app, or a recovery code. */
export function MfaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const returnTo = returnPathFrom(search);
  const me = useMe();
  const mfa = useMfa();
  const [recovery, setRecovery] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: {
      code: (value) => {
        const trimmed = value.replace(/\s/g, '');
        if (trimmed === '') return recovery ? t('auth.mfa.recoveryRequired') : t('auth.mfa.codeRequired');
        const ok = ZMfaRequest.safeParse({ code: trimmed }).success && (recovery ? RECOVERY : TOTP).test(trimmed);
        return ok ? null : recovery ? t('auth.mfa.recoveryInvalid') : t('auth.mfa.codeInvalid');
      },
    },
  });

  if (me.isPending) return <PageSkeleton />;
  if (!mfa.isPending && !mfa.isSuccess) {
    if (!me.data) return <Navigate to={withReturn(LOGIN_PATH, returnTo)} replace />;
    if (isFullyLoggedIn(me.data)) return <Navigate to={returnTo} replace />;
    if (!me.data.account.mfaEnabled) return <Navigate to={withReturn(MFA_ENROL_PATH, returnTo)} replace />;
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    mfa.mutate(values.code.replace(/\s/g, ''), {
      onSuccess: () => void navigate(returnTo, { replace: true }),
      onError: (error) => {
        form.setFieldValue('code', '');
        setFormError(authErrorText(t, error));
      },
    });
  });

  const toggle = () => {
    setRecovery((value) => !value);
    setFormError(null);
    form.reset();
  };

  return (
    <AuthCard
      key={recovery ? 'recovery' : 'totp'}
      title={recovery ? t('auth.mfa.recoveryTitle') : t('auth.mfa.title')}
      lead={recovery ? t('auth.mfa.recoveryLead') : t('auth.mfa.lead')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={formError} />
          {recovery ? (
            <TextInput
              key="recovery"
              label={t('auth.mfa.recoveryLabel')}
              description={t('auth.mfa.recoveryHint')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              {...announcedError}
              {...form.getInputProps('code')}
            />
          ) : (
            <TextInput
              key="totp"
              label={t('auth.mfa.codeLabel')}
              description={t('auth.mfa.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              required
              size="md"
              styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
              {...announcedError}
              {...form.getInputProps('code')}
            />
          )}
          <Button type="submit" size="md" loading={mfa.isPending}>
            {t('auth.mfa.submit')}
          </Button>
          <Button variant="subtle" onClick={toggle} type="button">
            {recovery ? t('auth.mfa.useApp') : t('auth.mfa.useRecovery')}
          </Button>
          <Text size="sm" c="gray.7">
            {t('auth.mfa.otherAccount')}{' '}
            <Anchor component={Link} to={withReturn(LOGIN_PATH, returnTo)} size="sm">
              {t('auth.mfa.backToLogin')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
