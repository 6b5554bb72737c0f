import { useState, type FormEvent } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PORTAL_CODE_REQUESTS_PER_HOUR, PORTAL_CODE_TTL_MINUTES, ZPortalLoginRequest } from '../../../shared/schemas/portal.js';
import { ApiError } from '../../api/client.js';
import { usePortalAskCode, usePortalCodeLogin, usePortalMe } from '../../api/portal.js';
import { authErrorText, announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { PortalFrame, PortalHeading } from './portal-frame.js';
import { PORTAL_HOME } from './portal-layout.js';

/** Portal login: e-mail → "we sent you a code" → the 6-digit code. No password. */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = usePortalMe();
  const ask = usePortalAskCode();
  const login = usePortalCodeLogin();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  if (me.data && !login.isPending) return <Navigate to={PORTAL_HOME} replace />;

  const sendCode = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = ZPortalLoginRequest.safeParse({ email });
    if (!parsed.success) {
      setEmailError(email.trim() === '' ? t('portal.login.emailRequired') : t('portal.login.emailInvalid'));
      return;
    }
    setEmailError(null);
    ask.mutate(parsed.data.email, {
      onSuccess: () => {
        setCode('');
        setSentTo(parsed.data.email);
      },
      onError: (error) => setFormError(authErrorText(t, error)),
    });
  };

  const submitCode = (event?: FormEvent) => {
    event?.preventDefault();
    setFormError(null);
    if (!/^\d{6}$/.test(code)) {
      setCodeError(t('portal.login.codeInvalid'));
      return;
    }
    setCodeError(null);
    login.mutate(
      { email: sentTo ?? email, code },
      {
        onSuccess: () => void navigate(PORTAL_HOME, { replace: true }),
        onError: (error) => {
          setCode('');
          setFormError(error instanceof ApiError && error.code === 'invalid_credentials' ? t('portal.login.codeWrong') : authErrorText(t, error));
        },
      },
    );
  };

  if (sentTo) {
    return (
      <PortalFrame>
        <Stack maw={480} mx="auto">
          <PortalHeading key="sent" title={t('portal.login.sentTitle')} lead={t('portal.login.sentLead', { email: sentTo })} />
          <form onSubmit={submitCode} noValidate>
            <Stack gap="lg">
              <FormError message={formError} />
              <TextInput
                label={t('portal.login.code')}
                description={t('portal.login.codeHelp')}
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={6}
                size="lg"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
                error={codeError}
                styles={{ input: { letterSpacing: '0.4em', fontSize: '1.5rem' } }}
                {...announcedError}
              />
              <Button type="submit" size="lg" loading={login.isPending}>
                {t('portal.login.submit')}
              </Button>
              <Text size="sm" c="gray.8" id="portal-code-hint">
                {t('portal.login.hint', { minutes: PORTAL_CODE_TTL_MINUTES, perHour: PORTAL_CODE_REQUESTS_PER_HOUR })}
              </Text>
              <Button variant="subtle" size="md" h="auto" py="xs" styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }} onClick={() => setSentTo(null)}>
                {t('portal.login.other')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </PortalFrame>
    );
  }

  return (
    <PortalFrame>
      <Stack maw={480} mx="auto">
        <PortalHeading key="ask" title={t('portal.login.title')} lead={t('portal.login.lead')} />
        <form onSubmit={sendCode} noValidate>
          <Stack gap="lg">
            <FormError message={formError} />
            <TextInput
              label={t('portal.login.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              size="lg"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={emailError}
              {...announcedError}
            />
            <Button type="submit" size="lg" loading={ask.isPending}>
              {t('portal.login.send')}
            </Button>
            <Text size="sm" c="gray.7">
              {t('portal.login.help')}{' '}
              <Anchor component={Link} to="/aanmelden" size="sm">
                {t('portal.login.professional')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Stack>
    </PortalFrame>
  );
}
