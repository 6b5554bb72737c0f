import { SecondFactorPanel } from './second-factor-panel.js';
import type { ReactNode } from 'react';
import { Badge, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMe } from '../../../shared/schemas/auth.js';
import { PageHeader } from '../../components/page-header.js';
import { OidcLinkError, OidcLinkPanel } from '../auth/oidc-parts.js';
import { ChangePasswordForm } from './change-password-form.js';
import { SessionsPanel } from './sessions-panel.js';
import { useFullLogin } from '../auth/use-full-login.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function Profile({ me }: { me: TMe }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('account.profile.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label={t('account.profile.name')}>{me.person?.name ?? '—'}</Field>
          <Field label={t('account.profile.email')}>{me.account.email}</Field>
        </SimpleGrid>
        {me.platformRoles.length > 0 && (
          <Field label={t('account.profile.platformRoles')}>
            {me.platformRoles.map((r) => t(`account.roles.${r.role}`)).join(', ')}
          </Field>
        )}
        <div>
          <Text size="sm" c="gray.7" fw={600} mb={4}>
            {t('account.profile.organisations')}
          </Text>
          {me.memberships.length === 0 ? (
            <Text>{t('account.profile.noOrganisations')}</Text>
          ) : (
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {me.memberships.map((m) => (
                <Group component="li" key={m.organisationId} gap="xs" wrap="wrap">
                  <Text>{m.organisationName}</Text>
                  {m.roles.map((role) => (
                    <Badge key={role} variant="light" color="gray" tt="none">
                      {t(`account.roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}

/** My account: who I am, where I am logged in, and my password. Only after a full login. */
export function AccountPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  if (login.me === null) return login.gate;
  const me = login.me;

  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.lead')} />
      <Stack gap={40}>
        <OidcLinkError />
        <Profile me={me} />
        <Divider />
        <SessionsPanel />
        <Divider />
        <ChangePasswordForm />
        <Divider />
        <SecondFactorPanel />
        <OidcLinkPanel />
      </Stack>
    </>
  );
}
