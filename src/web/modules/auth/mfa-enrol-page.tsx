import { useState } from 'react';
import { Alert, Button, Code, Group, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconExternalLink, IconInfoCircle, IconLogout } from '@tabler/icons-react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { authKeys, isFullyLoggedIn, useLogout, useMe, useMfaEnable, useMfaSetup } from '../../api/auth.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { AuthCard } from './auth-card.js';
import { authErrorText, announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { CopyAction, RecoveryCodeList } from '../../components/copy-action.js';
import { LOGIN_PATH, MFA_PATH, returnPathFrom, withReturn } from './return-path.js';

/** The secret in groups of four characters, easier to type over. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** The ten recovery codes, shown once, to copy or write down. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.enrolMfa.codesTitle')} wide>
      <Alert
        variant="light"
        color="yellow"
        icon={<IconInfoCircle aria-hidden="true" />}
        title={t('auth.enrolMfa.codesSaveNow')}
        styles={{ title: { color: 'var(--mantine-color-gray-9)' }, icon: { color: 'var(--mantine-color-yellow-9)' } }}
      >
        {t('auth.enrolMfa.codesExplain')}
      </Alert>
      <RecoveryCodeList codes={codes} label={t('auth.enrolMfa.codesListLabel')} />
      <Group gap="sm" wrap="wrap">
        <CopyAction value={codes.join('\n')} label={t('auth.enrolMfa.copy')} done={t('auth.enrolMfa.copied')} />
        <Button onClick={onDone}>{t('auth.enrolMfa.saved')}</Button>
      </Group>
      <Text size="sm" c="gray.7" aria-live="polite">
        {t('auth.enrolMfa.codesOnce')}
      </Text>
    </AuthCard>
  );
}

/** Setting up the second factor: what an authenticator app is, the QR code, the first code, the recovery codes. */
export function MfaEnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { search } = useLocation();
  const returnTo = returnPathFrom(search);
  const me = useMe();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const needsSetup = me.data != null && me.data.level === 'password' && !me.data.account.mfaEnabled;
  const setup = useMfaSetup(needsSetup && recoveryCodes === null);
  const enable = useMfaEnable();
  const logout = useLogout();

  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: {
      code: (value) => {
        const trimmed = value.replace(/\s/g, '');
        if (trimmed === '') return t('auth.mfa.codeRequired');
        return /^\d{6}$/.test(trimmed) ? null : t('auth.mfa.codeInvalid');
      },
    },
  });

  if (recoveryCodes) {
    const done = () => {
      void queryClient.invalidateQueries({ queryKey: authKeys.me }).then(() => navigate(returnTo, { replace: true }));
    };
    return <RecoveryCodes codes={recoveryCodes} onDone={done} />;
  }

  if (me.isPending) return <PageSkeleton />;
  if (!enable.isPending) {
    if (!me.data) return <Navigate to={withReturn(LOGIN_PATH, returnTo)} replace />;
    if (isFullyLoggedIn(me.data)) return <Navigate to={returnTo} replace />;
    if (me.data.account.mfaEnabled) return <Navigate to={withReturn(MFA_PATH, returnTo)} replace />;
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    enable.mutate(values.code.replace(/\s/g, ''), {
      onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
      onError: (error) => {
        form.setFieldValue('code', '');
        setFormError(authErrorText(t, error));
      },
    });
  });

  return (
    <AuthCard title={t('auth.enrolMfa.title')} lead={t('auth.enrolMfa.lead')} wide>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('auth.enrolMfa.whatTitle')}
        </Title>
        <Text>{t('auth.enrolMfa.whatText')}</Text>
        <Text>{t('auth.enrolMfa.apps')}</Text>
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('auth.enrolMfa.scanTitle')}
        </Title>
        <List type="ordered" spacing={4}>
          <List.Item>{t('auth.enrolMfa.step1')}</List.Item>
          <List.Item>{t('auth.enrolMfa.step2')}</List.Item>
          <List.Item>{t('auth.enrolMfa.step3')}</List.Item>
        </List>
        {setup.isPending ? (
          <PageSkeleton />
        ) : setup.isError ? (
          <ErrorState
            error={setup.error}
            title={setup.error instanceof ApiError && setup.error.status === 409 ? null : undefined}
            onRetry={() => void setup.refetch()}
          />
        ) : (
          <Group align="flex-start" gap="lg" wrap="wrap">
            <Image
              src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.data.qrSvg)}`}
              alt={t('auth.enrolMfa.qrAlt')}
              w={200}
              h={200}
              fit="contain"
              bg="white"
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
            />
            <Stack gap={4} style={{ flex: '1 1 220px' }}>
              <Text fw={600}>{t('auth.enrolMfa.manualTitle')}</Text>
              <Text size="sm" c="gray.8">
                {t('auth.enrolMfa.manualText')}
              </Text>
              <Code
                fz="md"
                px="sm"
                py={6}
                display="block"
                data-testid="totp-secret"
                style={{ wordBreak: 'break-word', letterSpacing: '0.06em' }}
              >
                {groupSecret(setup.data.secret)}
              </Code>
              <CopyAction value={setup.data.secret} label={t('auth.enrolMfa.copyKey')} done={t('auth.enrolMfa.keyCopied')} />
            </Stack>
          </Group>
        )}
        {setup.isSuccess && (
          <Stack gap={4}>
            <Text fw={600}>{t('auth.enrolMfa.openAppTitle')}</Text>
            <Text size="sm" c="gray.8">
              {t('auth.enrolMfa.openAppText')}
            </Text>
            <Button
              component="a"
              href={setup.data.otpauthUri}
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              leftSection={<IconExternalLink size={18} aria-hidden="true" />}
            >
              {t('auth.enrolMfa.openApp')}
            </Button>
          </Stack>
        )}
      </Stack>

      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('auth.enrolMfa.confirmTitle')}
          </Title>
          <FormError message={formError} />
          <TextInput
            label={t('auth.mfa.codeLabel')}
            description={t('auth.enrolMfa.confirmHint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            required
            size="md"
            maw={260}
            styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
            {...announcedError}
            {...form.getInputProps('code')}
          />
          <Button type="submit" size="md" loading={enable.isPending} disabled={!setup.isSuccess} style={{ alignSelf: 'flex-start' }}>
            {t('auth.enrolMfa.confirm')}
          </Button>
        </Stack>
      </form>

      <Stack gap={4}>
        <Text size="sm" c="gray.8">
          {t('auth.enrolMfa.cancelText')}
        </Text>
        <Button
          variant="default"
          loading={logout.isPending}
          style={{ alignSelf: 'flex-start' }}
          leftSection={<IconLogout size={18} aria-hidden="true" />}
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(LOGIN_PATH, { replace: true }) })}
        >
          {t('auth.enrolMfa.cancel')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
