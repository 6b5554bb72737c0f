import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconSearch, IconX } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TRegistration } from '../../../shared/schemas/learning.js';
import { errorMessageKey, isNotFound } from '../../api/client.js';
import { certificateUrl, useAttendance, useEvent, useRegistrations } from '../../api/learning.js';
import { FormError } from '../../components/form/form-error.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton, SectionSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { LEARNING_PATH, eventPath, useLearningFormat } from './learning-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The check-in list on the day, made for a phone at the door: find a name, tap present. */
export function CheckInPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const login = useFullLogin();
  const event = useEvent(eventId);
  const manage = event.data?.abilities.manage === true;
  const registrations = useRegistrations(eventId, manage);
  const attendance = useAttendance(eventId);
  const f = useLearningFormat();
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);

  const active = useMemo(() => (registrations.data?.data.items ?? []).filter((r) => r.status === 'registered'), [registrations.data]);
  const shown = useMemo(() => {
    const q = fold(search.trim());
    return q ? active.filter((r) => fold(`${r.personName} ${r.organisationName ?? ''}`).includes(q)) : active;
  }, [active, search]);

  if (login.me === null) return login.gate;
  if (event.isPending) return <PageSkeleton />;
  if (event.isError) return isNotFound(event.error) ? <NotFoundMessage /> : <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  if (!manage) return <NotFoundMessage />;

  const present = active.filter((r) => r.present === true).length;
  const mark = (r: TRegistration, value: boolean) => {
    setError(null);
    attendance.mutate({ registrationId: r.id, present: value }, { onError: (e) => setError(t(errorMessageKey(e))) });
  };
  const busy = (r: TRegistration) => attendance.isPending && attendance.variables.registrationId === r.id;

  return (
    <>
      <PageHeader
        title={t('learning.checkInTitle')}
        description={`${event.data.data.title} · ${f.day(event.data.data.date)}`}
        breadcrumbs={[
          { label: t('learning.title'), to: LEARNING_PATH },
          { label: event.data.data.title, to: eventPath(eventId) },
        ]}
      />
      <Stack gap="md" maw={720}>
        <Paper withBorder p="md" radius="md">
          <Stack gap={6}>
            <Text fw={600} aria-live="polite">
              {t('learning.presentCount', { present, total: active.length })}
            </Text>
            <Progress value={active.length ? (present / active.length) * 100 : 0} color="teal" aria-hidden="true" />
          </Stack>
        </Paper>
        <TextInput
          label={t('learning.findParticipant')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
        />
        <FormError message={error} />
        <Title order={2} size="h3" id="checkin-heading">
          {t('learning.participants')}
        </Title>
        {registrations.isPending && <SectionSkeleton rows={6} />}
        {registrations.isError && <ErrorState error={registrations.error} onRetry={() => void registrations.refetch()} />}
        {registrations.isSuccess && shown.length === 0 && <EmptyState title={search ? t('learning.noMatch') : t('learning.noParticipants')} />}
        <Stack gap="xs" component="ul" aria-labelledby="checkin-heading" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((r) => (
            <Paper key={r.id} component="li" withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text fw={600}>{r.personName}</Text>
                  <Text size="sm" c="dimmed">
                    {r.guestRole ? t(`publicRegistration.role.${r.guestRole}`) : (r.organisationName ?? '—')}
                    {r.seats.some((s) => s.status === 'waiting') ? ` · ${t('learning.onWaitingList')}` : ''}
                  </Text>
                </Stack>
                {r.present === true ? (
                  <Group gap="xs" wrap="nowrap">
                    <Badge color="teal" variant="light" c="gray.9" leftSection={<IconCheck size={14} aria-hidden="true" />}>
                      {t('learning.present')}
                    </Badge>
                    <Anchor href={certificateUrl(eventId, r.id)} download size="sm" aria-label={t('learning.certificateOf', { name: r.personName })}>
                      {t('learning.certificateShort')}
                    </Anchor>
                    <Button size="compact-sm" variant="subtle" onClick={() => mark(r, false)} loading={busy(r)} aria-label={t('learning.undoPresent', { name: r.personName })}>
                      {t('learning.undo')}
                    </Button>
                  </Group>
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    <Button size="md" leftSection={<IconCheck size={18} aria-hidden="true" />} onClick={() => mark(r, true)} loading={busy(r)} aria-label={t('learning.markPresent', { name: r.personName })}>
                      {t('learning.present')}
                    </Button>
                    {r.present === null && (
                      <Button size="md" variant="default" onClick={() => mark(r, false)} loading={busy(r)} aria-label={t('learning.markAbsent', { name: r.personName })} leftSection={<IconX size={18} aria-hidden="true" />}>
                        {t('learning.absent')}
                      </Button>
                    )}
                    {r.present === false && (
                      <Badge color="gray" variant="light" c="gray.9">
                        {t('learning.absent')}
                      </Badge>
                    )}
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </>
  );
}
