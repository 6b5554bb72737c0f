import { useState, type ReactNode } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconDownload, IconEdit, IconListCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TEvent, TRegistration, TSession } from '../../../shared/schemas/learning.js';
import { ApiError, errorMessageKey, isNotFound } from '../../api/client.js';
import {
  certificateUrl,
  participantsCsvUrl,
  useCancelRegistration,
  useDeleteSession,
  useEvent,
  useMyRegistration,
  useRegister,
  useSessions,
  useUpdateEvent,
} from '../../api/learning.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { formatDateTime } from '../../components/format.js';
import { FormError } from '../../components/form/form-error.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton, SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { EventFormDialog } from './event-form.js';
import { CostSplit, EventStatusBadge, KindBadge, LEARNING_PATH, SessionFill, checkInPath, publicFormPath, useLearningFormat } from './learning-bits.js';
import { SessionFormDialog } from './session-form.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** One event: what, when and where, its sessions, my registration, and for the organiser the tools to run it. */
export function EventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const login = useFullLogin();
  const query = useEvent(eventId);
  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundMessage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const { data: event, abilities } = query.data;
  return (
    <>
      <PageHeader
        title={event.title}
        breadcrumbs={[{ label: t('learning.title'), to: LEARNING_PATH }]}
        aside={
          <Group gap="xs">
            <KindBadge event={event} />
            <EventStatusBadge status={event.status} />
          </Group>
        }
      />
      <Stack gap="lg" maw={880}>
        <Practical event={event} />
        {abilities.register && <MyRegistration event={event} />}
        <Sessions event={event} manage={abilities.manage} />
        {abilities.manage && <Organiser event={event} canUpdate={abilities.update} />}
      </Stack>
    </>
  );
}

function Practical({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const row = (label: string, value: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text fw={600} w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="practical-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="practical-heading">
          {t('learning.practical')}
        </Title>
        {row(t('learning.fields.date'), f.day(event.date))}
        {row(t('learning.fields.hours'), f.hours(event.startsAt, event.endsAt))}
        {event.place && row(t('learning.fields.place'), event.place)}
        {event.onlineUrl &&
          row(
            t('learning.fields.onlineUrl'),
            <Anchor href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
              {event.onlineUrl}
            </Anchor>,
          )}
        {row(t('learning.fields.organiser'), [event.organiserOrganisationName, event.organiserName].filter(Boolean).join(' · '))}
        {event.audienceRoles.length > 0 && row(t('learning.fields.audienceRoles'), event.audienceRoles.map((r) => t(`learning.audience.${r}`)).join(', '))}
        {row(
          t('learning.fields.window'),
          t('learning.window', { from: formatDateTime(event.registrationOpensAt, f.locale), to: formatDateTime(event.registrationClosesAt, f.locale) }),
        )}
        {row(t('learning.fields.feeShort'), event.feeCents > 0 ? f.money(event.feeCents) : t('learning.cost.noFee'))}
        {event.description && (
          <Text style={{ whiteSpace: 'pre-wrap' }} mt="sm">
            {event.description}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Sessions({ event, manage }: { event: TEvent; manage: boolean }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const sessions = useSessions(event.id);
  const remove = useDeleteSession(event.id);
  const [editing, setEditing] = useState<TSession | 'new' | null>(null);
  const [removing, setRemoving] = useState<TSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = sessions.data?.data.items ?? [];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sessions-heading">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="sessions-heading">
            {t('learning.sessions')}
          </Title>
          {manage && (
            <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('learning.addSession')}
            </Button>
          )}
        </Group>
        <FormError message={error} />
        {sessions.isPending && <SectionSkeleton rows={3} />}
        {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {sessions.isSuccess && items.length === 0 && <Text c="dimmed">{t('learning.noSessions')}</Text>}
        {items.map((s) => (
          <Paper key={s.id} withBorder p="sm" radius="sm">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600}>{s.title}</Text>
                  <Text size="sm" c="dimmed">
                    {f.hours(s.startsAt, s.endsAt)} · {s.room} · {t(`learning.sessionKind.${s.kind}`)}
                  </Text>
                </Stack>
                {manage && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('learning.editSession', { title: s.title })} onClick={() => setEditing(s)}>
                      <IconEdit size={18} aria-hidden="true" />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red.9" aria-label={t('learning.deleteSession', { title: s.title })} onClick={() => setRemoving(s)}>
                      <IconTrash size={18} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
              <SessionFill session={s} />
            </Stack>
          </Paper>
        ))}
      </Stack>
      {manage && (
        <SessionFormDialog
          eventId={event.id}
          session={editing === 'new' ? null : editing}
          defaults={{ startsAt: event.startsAt, endsAt: event.endsAt }}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('learning.deleteSessionTitle')}
        confirmLabel={t('learning.deleteSessionConfirm')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          setError(null);
          remove.mutate(
            { sessionId: removing.id, version: removing.version },
            {
              onSuccess: () => setRemoving(null),
              onError: (e) => {
                setRemoving(null);
                setError(e instanceof ApiError && e.status === 409 ? e.message : t(errorMessageKey(e)));
              },
            },
          );
        }}
      >
        {t('learning.deleteSessionText', { title: removing?.title ?? '' })}
      </ConfirmDialog>
    </Paper>
  );
}

function windowState(event: TEvent): 'before' | 'open' | 'after' {
  const now = Date.now();
  if (now < Date.parse(event.registrationOpensAt)) return 'before';
  if (now >= Date.parse(event.registrationClosesAt)) return 'after';
  return 'open';
}

function MyRegistration({ event }: { event: TEvent }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const mine = useMyRegistration(event.id);
  const sessions = useSessions(event.id);
  const register = useRegister(event.id);
  const cancel = useCancelRegistration(event.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<TRegistration | null>(null);

  const body = () => {
    if (mine.isPending || sessions.isPending) return <SectionSkeleton rows={3} />;
    if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
    const registration = mine.data.data;
    if (registration && registration.status === 'registered') {
      return (
        <Stack gap="sm">
          <Alert color="teal" variant="light">
            <Text c="gray.9">{t('learning.registered')}</Text>
          </Alert>
          {registration.seats.length > 0 && (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {registration.seats.map((seat) => (
                <Group key={seat.sessionId} component="li" justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">{seat.sessionTitle}</Text>
                  <Badge variant="light" color={seat.status === 'confirmed' ? 'teal' : seat.status === 'waiting' ? 'orange' : 'gray'} c="gray.9">
                    {seat.status === 'waiting' ? t('learning.seat.waitingAt', { position: seat.waitingPosition ?? 0 }) : t(`learning.seat.${seat.status}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )}
          {registration.present === true && (
            <Button component="a" href={certificateUrl(event.id, registration.id)} download variant="light" leftSection={<IconCertificate size={16} aria-hidden="true" />}>
              {t('learning.certificate')}
            </Button>
          )}
          <Button variant="default" color="red" onClick={() => setCancelling(registration)}>
            {t('learning.cancelRegistration')}
          </Button>
        </Stack>
      );
    }
    if (event.status !== 'published') return <Text c="dimmed">{t(`learning.notOpen.${event.status}`)}</Text>;
    const state = windowState(event);
    if (state !== 'open')
      return (
        <Text c="dimmed">
          {t(`learning.window_${state}`, { from: formatDateTime(event.registrationOpensAt, f.locale), to: formatDateTime(event.registrationClosesAt, f.locale) })}
        </Text>
      );
    const items = sessions.data?.data.items ?? [];
    return (
      <Stack gap="sm">
        {items.length > 0 && (
          <Checkbox.Group label={t('learning.chooseSessions')} description={t('learning.chooseSessionsHint')} value={chosen} onChange={setChosen}>
            <Stack gap="xs" mt="xs">
              {items.map((s) => (
                <Checkbox
                  key={s.id}
                  value={s.id}
                  label={`${f.hours(s.startsAt, s.endsAt)} · ${s.title}`}
                  description={s.taken >= s.capacity ? t('learning.fullWaitingList') : t('learning.placesLeft', { count: s.capacity - s.taken })}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Button
          loading={register.isPending}
          disabled={items.length > 0 && chosen.length === 0}
          onClick={() => {
            setError(null);
            register.mutate(chosen, {
              onSuccess: (r) => {
                const waiting = r.seats.some((s) => s.status === 'waiting');
                notify('green', waiting ? t('learning.registeredWaiting') : t('learning.registeredDone'));
                setChosen([]);
              },
              onError: (e) => setError(e instanceof ApiError && (e.status === 409 || e.status === 400) ? e.message : t(errorMessageKey(e))),
            });
          }}
        >
          {t('learning.register')}
        </Button>
      </Stack>
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="register-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="register-heading">
          {t('learning.myRegistration')}
        </Title>
        <FormError message={error} />
        {body()}
      </Stack>
      <ConfirmDialog
        opened={cancelling !== null}
        title={t('learning.cancelTitle')}
        confirmLabel={t('learning.cancelConfirm')}
        loading={cancel.isPending}
        onClose={() => setCancelling(null)}
        onConfirm={() => {
          if (!cancelling) return;
          cancel.mutate(cancelling.id, {
            onSuccess: () => {
              setCancelling(null);
              notify('green', t('learning.cancelled'));
            },
            onError: (e) => {
              setCancelling(null);
              setError(t(errorMessageKey(e)));
            },
          });
        }}
      >
        {t('learning.cancelText')}
      </ConfirmDialog>
    </Paper>
  );
}

function Organiser({ event, canUpdate }: { event: TEvent; canUpdate: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const publish = () => {
    setError(null);
    update.mutate(
      { version: event.version, status: 'published' },
      {
        onSuccess: () => notify('green', t('learning.published')),
        onError: (e) => setError(e instanceof ApiError && e.status === 409 ? t('learning.form.conflictText') : t(errorMessageKey(e))),
      },
    );
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="organiser-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="organiser-heading">
          {t('learning.organiserTools')}
        </Title>
        <FormError message={error} />
        <Group gap="sm" wrap="wrap">
          {canUpdate && (
            <Button variant="default" leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
              {t('learning.editEvent')}
            </Button>
          )}
          {canUpdate && event.status === 'draft' && (
            <Button onClick={publish} loading={update.isPending}>
              {t('learning.publish')}
            </Button>
          )}
          <Button component={Link} to={checkInPath(event.id)} variant="light" leftSection={<IconListCheck size={16} aria-hidden="true" />}>
            {t('learning.checkIn')}
          </Button>
          <Button component="a" href={participantsCsvUrl(event.id)} download variant="subtle" leftSection={<IconDownload size={16} aria-hidden="true" />}>
            {t('learning.exportCsv')}
          </Button>
        </Group>
        {event.publicRegistration && (
          <Stack gap={4}>
            <Text size="sm">{t('publicRegistration.organiserLink')}</Text>
            <Anchor component={Link} to={publicFormPath(event.id)} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {`${window.location.origin}${publicFormPath(event.id)}`}
            </Anchor>
          </Stack>
        )}
        <Title order={3} size="h4">
          {t('learning.cost.title')}
        </Title>
        <CostSplit event={event} />
      </Stack>
      {canUpdate && <EventFormDialog opened={editing} event={event} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
