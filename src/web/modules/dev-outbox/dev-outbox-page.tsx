import { useEffect, useRef } from 'react';
import { Accordion, Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconLock, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDevOutbox } from '../../api/auth.js';
import { isNotFound } from '../../api/client.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { formatDateTime } from '../../components/format.js';
import { linkifySameOrigin } from './linkify.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** The page's one h1; it takes the focus, so screen readers start there. */
function Heading({ lead }: { lead: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('devOutbox.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Stack gap="sm" mb="xl">
      <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {t('devOutbox.title')}
      </Title>
      <Text size="lg" maw="46rem">
        {lead}
      </Text>
    </Stack>
  );
}

function Mails() {
  const { t } = useTranslation();
  const outbox = useDevOutbox(true);
  if (outbox.isPending) return <PageSkeleton />;
  if (outbox.isError) {
    if (isNotFound(outbox.error)) {
      return (
        <EmptyState order={2} title={t('devOutbox.unavailableTitle')} icon={<IconMailOff size={28} aria-hidden="true" />}>
          {t('devOutbox.unavailable')}
        </EmptyState>
      );
    }
    return <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} retrying={outbox.isFetching} />;
  }
  if (outbox.data.length === 0) {
    return (
      <EmptyState order={2} title={t('devOutbox.emptyTitle')} icon={<IconMailOff size={28} aria-hidden="true" />}>
        {t('devOutbox.empty')}
      </EmptyState>
    );
  }
  const origin = window.location.origin;
  return (
    <Stack gap="md">
      <Text c="gray.8" aria-live="polite">
        {t('devOutbox.count', { count: outbox.data.length })}
      </Text>
      <Accordion multiple variant="separated" order={2} defaultValue={[outbox.data[0]?.id ?? '']}>
        {outbox.data.map((mail) => (
          <Accordion.Item key={mail.id} value={mail.id}>
            <Accordion.Control>
              <Stack gap={2}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {mail.subject}
                </Text>
                <Group gap="md" wrap="wrap" style={{ rowGap: 2 }}>
                  <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                    {t('devOutbox.to', { recipient: mail.recipient })}
                  </Text>
                  <Text size="sm" c="gray.7" component="time" dateTime={mail.createdAt}>
                    {formatDateTime(mail.createdAt, 'nl-BE')}
                  </Text>
                </Group>
              </Stack>
            </Accordion.Control>
            <Accordion.Panel>
              {mail.body === null ? (
                <Text c="gray.7">{t('devOutbox.noBody')}</Text>
              ) : (
                <Text
                  component="pre"
                  m={0}
                  p="sm"
                  bg="gray.0"
                  ff="monospace"
                  size="sm"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 'var(--mantine-radius-sm)' }}
                >
                  {linkifySameOrigin(mail.body, origin)}
                </Text>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

/** Development only: the mails Samenplan would have sent, for platform administrators. */
export function DevOutboxPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  if (login.me === null) return login.gate;
  const me = login.me;
  const admin = me.platformRoles.some((r) => r.role === 'platform_admin');

  if (!admin) {
    return (
      <>
        <Heading lead={t('devOutbox.lead')} />
        <Alert variant="light" color="gray" icon={<IconLock aria-hidden="true" />} title={t('devOutbox.noAccessTitle')}>
          <Text c="gray.9">{t('devOutbox.noAccess')}</Text>
        </Alert>
      </>
    );
  }

  return (
    <>
      <Heading lead={t('devOutbox.lead')} />
      <Stack gap="lg">
        <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden="true" />} styles={{ icon: { color: 'var(--mantine-color-yellow-9)' } }}>
          <Group gap="xs" wrap="wrap">
            <Badge color="yellow" variant="filled" c="gray.9">
              {t('devOutbox.badge')}
            </Badge>
            <Text c="gray.9">{t('devOutbox.notice')}</Text>
          </Group>
        </Alert>
        <Mails />
      </Stack>
    </>
  );
}
