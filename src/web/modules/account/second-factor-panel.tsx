import { useState } from 'react';
import { Alert, Button, Code, Group, Image, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConfirmMfaReplacement, useRenewRecoveryCodes, useStartMfaReplacement } from '../../api/auth.js';
import { errorMessageKey } from '../../api/client.js';
import { isStepUpCancelled, useStepUp } from '../../components/step-up/step-up.js';
import { FormError } from '../../components/form/form-error.js';
import { CopyAction, RecoveryCodeList } from '../../components/copy-action.js';
import { groupSecret } from '../auth/mfa-enrol-page.js';

/** New recovery codes (shown once). */
function RecoveryCodesPart() {
  const { t } = useTranslation();
  const { withStepUp } = useStepUp();
  const renew = useRenewRecoveryCodes(withStepUp);
  const [error, setError] = useState<string | null>(null);
  const codes = renew.data?.recoveryCodes;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('account.secondFactor.codesTitle')}
      </Title>
      <Text>{t('account.secondFactor.codesText')}</Text>
      <FormError message={error} />
      {codes ? (
        <Stack gap="xs">
          <Alert variant="light" color="yellow" styles={{ message: { color: 'var(--mantine-color-gray-9)' } }}>
            {t('account.secondFactor.codesDone')}
          </Alert>
          <RecoveryCodeList codes={codes} label={t('auth.enrolMfa.codesListLabel')} />
          <CopyAction value={codes.join('\n')} label={t('auth.enrolMfa.copy')} done={t('auth.enrolMfa.copied')} />
        </Stack>
      ) : (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          loading={renew.isPending}
          onClick={() => {
            setError(null);
            renew.mutate(undefined, { onError: (e) => !isStepUpCancelled(e) && setError(t(errorMessageKey(e))) });
          }}
        >
          {t('account.secondFactor.codesButton')}
        </Button>
      )}
    </Stack>
  );
}

/** Moving the second factor to a new phone: step-up, scan, confirm with a code from the new phone. */
function NewPhonePart() {
  const { t } = useTranslation();
  const { withStepUp } = useStepUp();
  const start = useStartMfaReplacement(withStepUp);
  const confirm = useConfirmMfaReplacement();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const setup = start.data;

  if (confirm.isSuccess) {
    return (
      <Alert variant="light" color="green" role="status" styles={{ message: { color: 'var(--mantine-color-gray-9)' } }}>
        {t('account.secondFactor.moveDone')}
      </Alert>
    );
  }

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('account.secondFactor.moveTitle')}
      </Title>
      <Text>{t('account.secondFactor.moveText')}</Text>
      <FormError message={error} />
      {!setup ? (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          loading={start.isPending}
          onClick={() => {
            setError(null);
            start.mutate(undefined, { onError: (e) => !isStepUpCancelled(e) && setError(t(errorMessageKey(e))) });
          }}
        >
          {t('account.secondFactor.moveButton')}
        </Button>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const value = code.replace(/\s/g, '');
            if (!/^\d{6}$/.test(value)) {
              setError(t('auth.mfa.codeInvalid'));
              return;
            }
            setError(null);
            confirm.mutate(value, {
              onError: (e) => {
                setCode('');
                setError(t(errorMessageKey(e)));
              },
            });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('account.secondFactor.moveScan')}</Text>
            <Group align="flex-start" gap="lg" wrap="wrap">
              <Image
                src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
                alt={t('auth.enrolMfa.qrAlt')}
                w={180}
                h={180}
                fit="contain"
                bg="white"
                style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              />
              <Stack gap={6} style={{ flex: '1 1 220px' }}>
                <Code fz="md" px="sm" py={6} display="block" data-testid="new-totp-secret" style={{ wordBreak: 'break-word', letterSpacing: '0.06em' }}>
                  {groupSecret(setup.secret)}
                </Code>
                <CopyAction value={setup.secret} label={t('auth.enrolMfa.copyKey')} done={t('auth.enrolMfa.keyCopied')} />
                <Button
                  component="a"
                  href={setup.otpauthUri}
                  variant="light"
                  style={{ alignSelf: 'flex-start' }}
                  leftSection={<IconExternalLink size={18} aria-hidden="true" />}
                >
                  {t('auth.enrolMfa.openApp')}
                </Button>
              </Stack>
            </Group>
            <TextInput
              label={t('auth.mfa.codeLabel')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              maw={260}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <Group gap="sm">
              <Button type="submit" loading={confirm.isPending}>
                {t('account.secondFactor.moveConfirm')}
              </Button>
              <Button variant="default" onClick={() => start.reset()}>
                {t('account.secondFactor.moveCancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** My second factor: new recovery codes, and moving it to a new phone. */
export function SecondFactorPanel() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {t('account.secondFactor.title')}
          </Title>
          <Text c="gray.8">{t('account.secondFactor.lead')}</Text>
        </Stack>
        <RecoveryCodesPart />
        <NewPhonePart />
      </Stack>
    </Paper>
  );
}
