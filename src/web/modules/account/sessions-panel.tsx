import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZSessionInfo } from '../../../shared/schemas/auth.js';
import { errorMessageKey } from '../../api/client.js';
import { useLogout, useRevokeSession, useSessions } from '../../api/auth.js';
import { ResponsiveList } from '../../components/list/responsive-list.js';
import { localeFor } from '../../i18n.js';
import { LOGIN_PATH } from '../auth/return-path.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { describeUserAgent, formatDateTime } from '../../components/format.js';

type TSession = z.infer<typeof ZSessionInfo>;

const TITLE_ID = 'sessions-title';

/** My active sessions, with a way to end the other ones or all of them. */
export function SessionsPanel() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const navigate = useNavigate();
  const sessions = useSessions(true);
  const revoke = useRevokeSession();
  const logoutAll = useLogout(true);
  const [toRevoke, setToRevoke] = useState<TSession | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  const device = (s: TSession) => {
    const ua = describeUserAgent(s.userAgent);
    if (!ua) return t('account.sessions.unknownDevice');
    return ua.os ? t('account.sessions.device', { browser: ua.browser, os: ua.os }) : ua.browser;
  };
  const lastActive = (s: TSession) => formatDateTime(s.lastSeenAt, locale);

  const confirmRevoke = () => {
    if (!toRevoke) return;
    revoke.mutate(toRevoke.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('account.sessions.revoked') }),
      onError: (error) => notifications.show({ color: 'red', message: t(errorMessageKey(error)) }),
      onSettled: () => setToRevoke(null),
    });
  };
  const confirmLogoutAll = () => {
    logoutAll.mutate(undefined, { onSettled: () => void navigate(LOGIN_PATH, { replace: true }) });
  };

  const action = (s: TSession) =>
    s.current ? (
      <Badge variant="light" color="petrol" tt="none" size="lg">
        {t('account.sessions.thisSession')}
      </Badge>
    ) : (
      <Button
        variant="default"
        size="xs"
        onClick={() => setToRevoke(s)}
        aria-label={t('account.sessions.revokeNamed', { device: device(s), time: lastActive(s) })}
      >
        {t('account.sessions.revoke')}
      </Button>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3" id={TITLE_ID}>
            {t('account.sessions.title')}
          </Title>
          <Text c="gray.8" maw="40rem">
            {t('account.sessions.lead')}
          </Text>
        </div>
        <Button
          variant="default"
          color="red"
          leftSection={<IconLogout size={18} aria-hidden="true" />}
          onClick={() => setConfirmAll(true)}
        >
          {t('account.sessions.logoutAll')}
        </Button>
      </Group>

      <ResponsiveList
        items={sessions.data}
        query={sessions}
        getKey={(s) => s.id}
        labelledBy={TITLE_ID}
        skeletonRows={2}
        empty={<Text c="gray.8">{t('account.sessions.none')}</Text>}
        columns={[
          { key: 'device', header: t('account.sessions.device_column'), cell: device, title: (s) => s.userAgent ?? undefined },
          { key: 'ip', header: t('account.sessions.ip'), nowrap: true, cell: (s) => s.ip ?? '—' },
          { key: 'lastActive', header: t('account.sessions.lastActive'), nowrap: true, cell: lastActive },
          {
            key: 'action',
            header: <VisuallyHidden>{t('account.sessions.actions')}</VisuallyHidden>,
            cell: action,
          },
        ]}
        card={(s) => (
          <Stack gap={6}>
            <Text fw={600}>{device(s)}</Text>
            <Text size="sm">
              {t('account.sessions.ip')}: {s.ip ?? '—'}
            </Text>
            <Text size="sm">
              {t('account.sessions.lastActive')}: {lastActive(s)}
            </Text>
            <div>{action(s)}</div>
          </Stack>
        )}
      />

      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('account.sessions.revokeTitle')}
        confirmLabel={t('account.sessions.revoke')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setToRevoke(null)}
      >
        {toRevoke && t('account.sessions.revokeText', { device: device(toRevoke), time: lastActive(toRevoke) })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirmAll}
        title={t('account.sessions.logoutAllTitle')}
        confirmLabel={t('account.sessions.logoutAll')}
        loading={logoutAll.isPending}
        onConfirm={confirmLogoutAll}
        onClose={() => setConfirmAll(false)}
      >
        {t('account.sessions.logoutAllText')}
      </ConfirmDialog>
    </Stack>
  );
}
