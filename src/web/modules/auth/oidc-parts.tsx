import { Alert, Button, Divider, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconInfoCircle, IconLink } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OIDC_LINK_URL, oidcStartUrl, useAuthProviders } from '../../api/auth.js';

/** Query parameter the server sets after a failed external login or link (`?fout=oidc`). */
export const OIDC_ERROR_PARAM = 'fout';

const LOGIN_ERRORS = { oidc: 'auth.oidc.loginFailed', 'oidc-onbekend': 'auth.oidc.loginUnknown' } as const;
const ACCOUNT_ERRORS = { oidc: 'account.oidc.linkFailed', 'oidc-bezet': 'account.oidc.linkTaken' } as const;

function errorFlag<T extends Record<string, string>>(search: string, known: T): T[keyof T] | null {
  const flag = new URLSearchParams(search).get(OIDC_ERROR_PARAM);
  return flag !== null && Object.hasOwn(known, flag) ? (known[flag] as T[keyof T]) : null;
}

/** The message after an external login that did not work (`/aanmelden?fout=…`), announced when it appears. */
export function OidcLoginError() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const key = errorFlag(search, LOGIN_ERRORS);
  if (!key) return null;
  const unknown = key === 'auth.oidc.loginUnknown';
  return (
    <Alert
      variant="light"
      color={unknown ? 'yellow' : 'red'}
      icon={unknown ? <IconInfoCircle aria-hidden="true" /> : <IconAlertTriangle aria-hidden="true" />}
      title={unknown ? t('auth.oidc.loginUnknownTitle') : t('auth.oidc.loginFailedTitle')}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
      role="alert"
    >
      <Text c="gray.9">{t(key)}</Text>
    </Alert>
  );
}

/** "Log in with …" through the organisation's own login (only when the deployment offers one). */
export function OidcLoginButton({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const providers = useAuthProviders();
  const oidc = providers.data?.oidc;
  if (!oidc) return null;
  return (
    <>
      <Divider label={t('auth.oidc.or')} labelPosition="center" color="gray.4" styles={{ label: { color: 'var(--mantine-color-gray-7)' } }} />
      <Button
        component="a"
        href={oidcStartUrl(returnTo)}
        variant="default"
        size="md"
        leftSection={<IconExternalLink size={18} aria-hidden="true" />}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } }}
        h="auto"
        mih={42}
        py={8}
      >
        {oidc.label}
      </Button>
    </>
  );
}

/** On Mijn account, at the top: why linking to the organisation's own login did not work (`/account?fout=…`). */
export function OidcLinkError() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const providers = useAuthProviders();
  const key = errorFlag(search, ACCOUNT_ERRORS);
  if (!key || !providers.data?.oidc) return null;
  return (
    <Alert
      variant="light"
      color="red"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={t('account.oidc.errorTitle')}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
      role="alert"
    >
      <Text c="gray.9">{t(key)}</Text>
    </Alert>
  );
}

/** On Mijn account: link this account to the organisation's own login (only when the deployment offers one). */
export function OidcLinkPanel() {
  const { t } = useTranslation();
  const providers = useAuthProviders();
  const oidc = providers.data?.oidc;
  if (!oidc) return null;
  return (
    <>
      <Divider />
      <Stack gap="md" maw={560} component="section" aria-labelledby="oidc-link-title">
        <div>
          <Title order={2} size="h3" id="oidc-link-title">
            {t('account.oidc.title')}
          </Title>
          <Text c="gray.8">{t('account.oidc.lead', { label: oidc.label })}</Text>
        </div>
        <Button
          component="a"
          href={OIDC_LINK_URL}
          variant="default"
          leftSection={<IconLink size={18} aria-hidden="true" />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('account.oidc.link')}
        </Button>
      </Stack>
    </>
  );
}
