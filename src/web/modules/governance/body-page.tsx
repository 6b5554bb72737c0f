import { useState } from 'react';
import { Anchor, Badge, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconEdit, IconPlus, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBody, TBodyMember, TMeeting } from '../../../shared/schemas/governance.js';
import { errorMessageKey, isNotFound } from '../../api/client.js';
import { useBody, useMeetings, useMembers, useRegenerateFeed } from '../../api/governance.js';
import { CopyAction } from '../../components/copy-action.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton, SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { PlanSection } from './plan-section.js';
import { GOVERNANCE_PATH, MeetingStatusBadge, meetingPath, todayInBrussels, useGovernanceFormat } from './governance-bits.js';
import { AddMemberForm, BodyEditModal, LeaveForm, MeetingModal } from './manage-forms.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** One body: its members with roles and history, its meetings, and the calendar link for those who manage it. */
export function BodyPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const login = useFullLogin();
  const query = useBody(bodyId);
  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundMessage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const { data: body, abilities } = query.data;
  return (
    <>
      <PageHeader
        title={body.name}
        description={body.description || undefined}
        breadcrumbs={[{ label: t('governance.title'), to: GOVERNANCE_PATH }]}
        aside={
          <Badge variant="outline" color="indigo" c="indigo.9" tt="none">
            {t(`governance.kind.${body.kind}`)} · {body.regionName}
          </Badge>
        }
      />
      <Stack gap="xl" maw={960}>
        {abilities.update && <EditBody body={body} />}
        <Meetings bodyId={body.id} canPlan={abilities.update} />
        <Members bodyId={body.id} canManage={abilities.manageMembers} />
        <PlanSection bodyId={body.id} canCreate={abilities.update} />
        {abilities.update && <CalendarFeed bodyId={body.id} />}
      </Stack>
    </>
  );
}

function EditBody({ body }: { body: TBody }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconEdit size={18} aria-hidden="true" />} onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('manage.body.edit')}
      </Button>
      <BodyEditModal body={body} opened={open} onClose={() => setOpen(false)} />
    </>
  );
}

function Meetings({ bodyId, canPlan }: { bodyId: string; canPlan: boolean }) {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState(false);
  const query = useMeetings(bodyId);
  const f = useGovernanceFormat();
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const today = todayInBrussels();
  const items = query.data.data.items;
  const upcoming = items.filter((m) => m.meetingDate >= today);
  const past = items.filter((m) => m.meetingDate < today).reverse();
  const row = (m: TMeeting) => (
    <Paper key={m.id} withBorder p="sm" radius="md" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Anchor component={Link} to={meetingPath(m.id)} fw={600}>
            {t('governance.meetingOf', { date: f.day(m.meetingDate) })}
          </Anchor>
          <Text size="sm" c="dimmed">
            {[f.hours(m), m.place || (m.onlineUrl ? t('governance.online') : '')].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs">
          <MeetingStatusBadge meeting={m} />
        </Group>
      </Group>
    </Paper>
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2} size="h3">
          {t('governance.meetings')}
        </Title>
        {canPlan && (
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setPlanning(true)}>
            {t('manage.meeting.create')}
          </Button>
        )}
      </Group>
      {canPlan && <MeetingModal bodyId={bodyId} opened={planning} onClose={() => setPlanning(false)} />}
      <Title order={3} size="h5" id="upcoming-heading">
        {t('governance.upcoming')}
      </Title>
      {upcoming.length === 0 ? (
        <Text c="dimmed">{t('governance.noUpcoming')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="upcoming-heading">
          {upcoming.map(row)}
        </Stack>
      )}
      <Title order={3} size="h5" id="past-heading">
        {t('governance.past')}
      </Title>
      {past.length === 0 ? (
        <Text c="dimmed">{t('governance.noPast')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="past-heading">
          {past.map(row)}
        </Stack>
      )}
    </Stack>
  );
}

function Members({ bodyId, canManage }: { bodyId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<string | null>(null);
  const query = useMembers(bodyId);
  const f = useGovernanceFormat();
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.data.items;
  const byId = new Map(items.map((m) => [m.id, m]));
  const current = items.filter((m) => m.current);
  const today = todayInBrussels();
  const former = items.filter((m) => !m.current && m.joinedOn <= today);
  const upcoming = items.filter((m) => !m.current && m.joinedOn > today);
  const line = (m: TBodyMember) => {
    const predecessor = m.successorOf ? byId.get(m.successorOf) : undefined;
    return (
      <List.Item key={m.id}>
        <Text span fw={600}>
          {m.personName}
        </Text>
        <Text span> — {t(`governance.role.${m.role}`)}</Text>
        {m.organisationName && <Text span>, {m.organisationName}</Text>}
        <Text span size="sm" c="dimmed">
          {' · '}
          {m.leftOn ? t('governance.fromTo', { from: f.shortDay(m.joinedOn), to: f.shortDay(m.leftOn) }) : t('governance.since', { date: f.shortDay(m.joinedOn) })}
          {predecessor && ` · ${t('governance.successorOf', { name: predecessor.personName })}`}
        </Text>
        {canManage && m.leftOn === null && leaving !== m.id && (
          <Button
            variant="subtle"
            size="compact-sm"
            ml="xs"
            leftSection={<IconUserMinus size={16} aria-hidden="true" />}
            onClick={() => setLeaving(m.id)}
            aria-label={t('manage.member.leaveTitle', { name: m.personName })}
          >
            {t('manage.member.leave')}
          </Button>
        )}
        {leaving === m.id && (
          <Paper withBorder p="sm" radius="md" mt="xs">
            <LeaveForm bodyId={bodyId} member={m} members={items} onClose={() => setLeaving(null)} />
          </Paper>
        )}
      </List.Item>
    );
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2} size="h3">
          {t('governance.members')}
        </Title>
        {canManage && !adding && (
          <Button variant="default" leftSection={<IconUserPlus size={18} aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('manage.member.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('manage.member.addTitle')}
            </Title>
            <AddMemberForm bodyId={bodyId} onClose={() => setAdding(false)} />
          </Stack>
        </Paper>
      )}
      <Title order={3} size="h5">
        {t('governance.membersCurrent')}
      </Title>
      <List spacing={4}>{current.map(line)}</List>
      {upcoming.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('manage.member.upcoming')}
          </Title>
          <List spacing={4}>{upcoming.map(line)}</List>
        </>
      )}
      {former.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('governance.membersHistory')}
          </Title>
          <List spacing={4}>{former.map(line)}</List>
        </>
      )}
    </Stack>
  );
}

function CalendarFeed({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const regenerate = useRegenerateFeed(bodyId);
  const [url, setUrl] = useState<string | null>(null);
  const make = () =>
    regenerate.mutate(undefined, {
      onSuccess: (feed) => setUrl(new URL(feed.url, window.location.origin).toString()),
      onError: (error) => notify('red', t(errorMessageKey(error))),
    });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('governance.calendar')}
      </Title>
      <Text>{t('governance.calendarText')}</Text>
      {url && (
        <Stack gap="xs">
          <Text size="sm">{t('governance.calendarMade')}</Text>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {url}
          </Code>
          <CopyAction value={url} label={t('governance.calendarCopy')} done={t('governance.calendarCopied')} />
        </Stack>
      )}
      <Button variant="default" onClick={make} loading={regenerate.isPending} leftSection={<IconCalendarPlus size={18} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('governance.calendarMake')}
      </Button>
    </Stack>
  );
}
