import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconCalendarEvent, IconEdit, IconFileTypeDocx, IconPlus, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  ZActionItemCreate,
  ZMinutesSet,
  type TActionItem,
  type TAgendaItem,
  type TAttendanceStatus,
  type TMeetingDetail,
} from '../../../shared/schemas/governance.js';
import { ApiError, errorMessageKey, isNotFound } from '../../api/client.js';
import {
  meetingIcsUrl,
  minutesDocxUrl,
  minutesPrintUrl,
  useAddAction,
  useMeeting,
  useMembers,
  useReorderAgenda,
  useSetAttendance,
  useSetMinutes,
  useUpdateAction,
} from '../../api/governance.js';
import { DateInput } from '../../components/date-input.js';
import { announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { MeetingAttachments } from './meeting-attachments.js';
import { PublishControl } from './publish-control.js';
import { ActionStatusBadge, GOVERNANCE_PATH, MeetingStatusBadge, bodyPath, meetingPath, useGovernanceFormat } from './governance-bits.js';
import { AddAgendaItem, AgendaItemTools, AmendmentForm, ApproveMinutes, ApprovePrevious, EditMeetingButton } from './meeting-manage.js';
import { OrganisationPicker, PersonPicker } from './people-pickers.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** The Dutch message of a refusal (409 stale or frozen, 400), else the generic one. */
function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) =>
    error instanceof ApiError && error.code === 'version_conflict'
      ? t('governance.stale')
      : error instanceof ApiError && (error.status === 409 || error.status === 400)
        ? error.message
        : t(errorMessageKey(error));
}

/** A meeting: its agenda with minutes per item, attendance, actions, the follow-up of open actions and the downloads. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const login = useFullLogin();
  const query = useMeeting(meetingId);
  const f = useGovernanceFormat();
  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundMessage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const { data: meeting, abilities } = query.data;
  const draft = meeting.minutesStatus === 'draft';
  const editable = abilities.update && draft;
  return (
    <>
      <PageHeader
        title={t('governance.meetingOf', { date: f.day(meeting.meetingDate) })}
        description={[meeting.bodyName, f.hours(meeting), meeting.place].filter(Boolean).join(' · ')}
        breadcrumbs={[
          { label: t('governance.title'), to: GOVERNANCE_PATH },
          { label: meeting.bodyName, to: bodyPath(meeting.bodyId) },
        ]}
        aside={
          <Group gap="xs">
            <MeetingStatusBadge meeting={meeting} />
          </Group>
        }
      />
      <Stack gap="xl" maw={960}>
        <Downloads meeting={meeting} />
        {abilities.update && <EditMeetingButton meeting={meeting} />}
        {meeting.onlineUrl && (
          <Text>
            {t('manage.meeting.onlineAt')}{' '}
            <Anchor href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
              {meeting.onlineUrl}
            </Anchor>
          </Text>
        )}
        {meeting.minutesStatus === 'approved' && (
          <Alert variant="light" color="teal">
            {t('governance.frozen')} {meeting.minutesApprovedAt && t('governance.approvedOn', { date: f.shortDay(meeting.minutesApprovedAt.slice(0, 10)) })}
          </Alert>
        )}
        {abilities.update && meeting.status !== 'cancelled' && <ApprovePrevious meeting={meeting} />}
        <FollowUp meeting={meeting} canClose={abilities.update} />
        <Agenda meeting={meeting} editable={editable} canManage={abilities.update} />
        <Attendance meeting={meeting} editable={editable} />
        {editable && meeting.status !== 'cancelled' && <ApproveMinutes meeting={meeting} />}
        <MeetingAttachments meeting={meeting} canManage={abilities.update} />
        <PublishControl kind="meetings" id={meeting.id} />
      </Stack>
    </>
  );
}

function Downloads({ meeting }: { meeting: TMeetingDetail }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" aria-label={t('governance.downloads')} role="group">
      <Button component="a" href={minutesDocxUrl(meeting.id)} variant="default" leftSection={<IconFileTypeDocx size={18} aria-hidden="true" />}>
        {t('governance.docx')}
      </Button>
      <Button component="a" href={minutesPrintUrl(meeting.id)} target="_blank" rel="noopener" variant="default" leftSection={<IconPrinter size={18} aria-hidden="true" />}>
        {t('governance.print')}
      </Button>
      <Button component="a" href={meetingIcsUrl(meeting.id)} variant="default" leftSection={<IconCalendarEvent size={18} aria-hidden="true" />}>
        {t('governance.ics')}
      </Button>
    </Group>
  );
}

function ActionLine({ action, canClose, origin }: { action: TActionItem; canClose: boolean; origin?: string }) {
  const { t } = useTranslation();
  const f = useGovernanceFormat();
  const update = useUpdateAction();
  const errorText = useErrorText();
  const owner = [action.ownerPersonName, action.ownerOrganisationName].filter(Boolean).join(', ');
  return (
    <List.Item>
      <Group gap="xs" wrap="wrap">
        <ActionStatusBadge status={action.status} />
        <Text span>{action.description}</Text>
        <Text span size="sm" c="dimmed">
          {[owner, action.dueOn ? t('governance.dueOn', { date: f.shortDay(action.dueOn) }) : ''].filter(Boolean).join(' · ')}
        </Text>
        {canClose && action.status === 'open' && (
          <Button
            size="compact-sm"
            variant="default"
            loading={update.isPending}
            aria-label={t('governance.closeActionOf', { description: action.description })}
            onClick={() =>
              update.mutate(
                { actionId: action.id, body: { version: action.version, status: 'done' } },
                { onSuccess: () => notify('green', t('governance.actionClosed')), onError: (error) => notify('red', errorText(error)) },
              )
            }
          >
            {t('governance.closeAction')}
          </Button>
        )}
      </Group>
      {origin && (
        <Text size="xs" c="dimmed">
          {origin}
        </Text>
      )}
    </List.Item>
  );
}

function FollowUp({ meeting, canClose }: { meeting: TMeetingDetail; canClose: boolean }) {
  const { t } = useTranslation();
  const f = useGovernanceFormat();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('governance.followUp')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('governance.followUpText')}
      </Text>
      {meeting.followUp.length === 0 ? (
        <Text>{t('governance.followUpEmpty')}</Text>
      ) : (
        <List spacing={6} data-testid="follow-up">
          {meeting.followUp.map((a) => (
            <ActionLine key={a.id} action={a} canClose={canClose} origin={t('governance.fromMeeting', { body: a.agendaItemTitle, date: f.shortDay(a.meetingDate) })} />
          ))}
        </List>
      )}
    </Stack>
  );
}

function Agenda({ meeting, editable, canManage }: { meeting: TMeetingDetail; editable: boolean; canManage: boolean }) {
  const { t } = useTranslation();
  const reorder = useReorderAgenda(meeting.id);
  const errorText = useErrorText();
  const ids = meeting.agenda.map((i) => i.id);
  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    reorder.mutate(
      { version: meeting.version, itemIds: next },
      { onSuccess: () => notify('green', t('governance.reordered')), onError: (error) => notify('red', errorText(error)) },
    );
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="agenda-heading">
        {t('governance.agenda')}
      </Title>
      {meeting.agenda.length === 0 ? (
        <Text c="dimmed">{t('governance.agendaEmpty')}</Text>
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="agenda-heading">
          {meeting.agenda.map((item, index) => (
            <Paper key={item.id} component="li" withBorder p="md" radius="md">
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Title order={3} size="h4">
                      {item.position}. {item.title}
                    </Title>
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="outline" color="indigo" c="indigo.9" tt="none">
                        {t(`governance.itemKind.${item.kind}`)}
                      </Badge>
                      {(item.presenterPersonName ?? item.presenterText) && (
                        <Text size="sm" c="dimmed">
                          {t('governance.presenter', { name: [item.presenterPersonName, item.presenterText].filter(Boolean).join(' — ') })}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                  {editable && (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="default" size="lg" disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)} aria-label={t('governance.moveUp', { title: item.title })}>
                        <IconArrowUp size={18} aria-hidden="true" />
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        disabled={index === meeting.agenda.length - 1 || reorder.isPending}
                        onClick={() => move(index, 1)}
                        aria-label={t('governance.moveDown', { title: item.title })}
                      >
                        <IconArrowDown size={18} aria-hidden="true" />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
                <CarryOverLinks item={item} />
                {canManage && <AgendaItemTools meeting={meeting} item={item} draft={editable} />}
                <Minutes meetingId={meeting.id} item={item} editable={editable} />
                {canManage && meeting.minutesStatus === 'approved' && <AmendmentForm meetingId={meeting.id} item={item} />}
                <ItemActions meeting={meeting} item={item} editable={editable} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {editable && <AddAgendaItem meetingId={meeting.id} bodyId={meeting.bodyId} />}
    </Stack>
  );
}

/** "Overgedragen van/naar de vergadering van <datum>": links between a carried-over item and its origin. */
function CarryOverLinks({ item }: { item: TAgendaItem }) {
  const { t } = useTranslation();
  const f = useGovernanceFormat();
  if (!item.carriedFrom && item.carriedTo.length === 0) return null;
  return (
    <Stack gap={2}>
      {item.carriedFrom && (
        <Text size="sm">
          <Anchor component={Link} to={meetingPath(item.carriedFrom.meetingId)}>
            {t('govCarryOver.from', { date: f.day(item.carriedFrom.meetingDate) })}
          </Anchor>
        </Text>
      )}
      {item.carriedTo.map((c) => (
        <Text size="sm" key={c.itemId}>
          <Anchor component={Link} to={meetingPath(c.meetingId)}>
            {t('govCarryOver.to', { date: f.day(c.meetingDate) })}
          </Anchor>
        </Text>
      ))}
    </Stack>
  );
}

const MINUTE_PARTS = ['explanation', 'discussion', 'decision'] as const;

function Minutes({ meetingId, item, editable }: { meetingId: string; item: TAgendaItem; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const empty = MINUTE_PARTS.every((p) => item.minutes[p] === '');
  if (editing) return <MinutesForm meetingId={meetingId} item={item} onClose={() => setEditing(false)} />;
  return (
    <Stack gap="xs">
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('governance.noMinutes')}
        </Text>
      ) : (
        MINUTE_PARTS.filter((p) => item.minutes[p] !== '').map((p) => (
          <div key={p}>
            <Text fw={600} size="sm">
              {t(`governance.${p}`)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{item.minutes[p]}</Text>
          </div>
        ))
      )}
      {item.amendments.length > 0 && (
        <div>
          <Text fw={600} size="sm">
            {t('governance.amendments')}
          </Text>
          <List size="sm">
            {item.amendments.map((a) => (
              <List.Item key={a.id}>
                {a.text} {a.authorName && <Text span c="dimmed">— {a.authorName}</Text>}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {editable && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }} aria-label={`${t('governance.editMinutes')}: ${item.title}`}>
          {t('governance.editMinutes')}
        </Button>
      )}
    </Stack>
  );
}

type TMinutesValues = Record<(typeof MINUTE_PARTS)[number], string>;

function MinutesForm({ meetingId, item, onClose }: { meetingId: string; item: TAgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetMinutes(meetingId);
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TMinutesValues>({
    mode: 'controlled',
    initialValues: { ...item.minutes },
    validateInputOnBlur: true,
    validate: zodValidate<TMinutesValues>(ZMinutesSet, t, (v) => ({ ...v, version: item.version })),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync({ itemId: item.id, body: { ...values, version: item.version } });
      notify('green', t('governance.minutesSaved'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        {MINUTE_PARTS.map((p) => (
          <Textarea key={p} label={t(`governance.${p}`)} autosize minRows={2} maxRows={12} {...form.getInputProps(p)} {...announcedError} />
        ))}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('governance.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('governance.saveMinutes')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ItemActions({ meeting, item, editable }: { meeting: TMeetingDetail; item: TAgendaItem; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const actions = meeting.actions.filter((a) => a.agendaItemId === item.id);
  if (actions.length === 0 && !editable) return null;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('governance.actions')}
      </Text>
      {actions.length > 0 && (
        <List spacing={4}>
          {actions.map((a) => (
            <ActionLine key={a.id} action={a} canClose={editable} />
          ))}
        </List>
      )}
      {editable &&
        (adding ? (
          <ActionForm meeting={meeting} item={item} onClose={() => setAdding(false)} />
        ) : (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }} aria-label={`${t('governance.addAction')}: ${item.title}`}>
            {t('governance.addAction')}
          </Button>
        ))}
    </Stack>
  );
}

interface TActionValues {
  description: string;
  ownerPersonId: string | null;
  ownerOrganisationId: string | null;
  dueOn: string | null;
}

/** An action of an agenda item: its owner is a person (a member or anyone found by name), an organisation, or both. */
function ActionForm({ meeting, item, onClose }: { meeting: TMeetingDetail; item: TAgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddAction(meeting.id);
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const [personOrganisations, setPersonOrganisations] = useState<{ value: string; label: string }[]>([]);
  const form = useForm<TActionValues>({
    mode: 'controlled',
    initialValues: { description: '', ownerPersonId: null, ownerOrganisationId: null, dueOn: null },
    validateInputOnBlur: true,
    validate: zodValidate<TActionValues>(ZActionItemCreate, t),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (!values.ownerPersonId && !values.ownerOrganisationId) {
      form.setFieldError('ownerPersonId', t('govPickers.ownerRequired'));
      return;
    }
    try {
      await add.mutateAsync({ itemId: item.id, body: values });
      notify('green', t('governance.actionAdded'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label={t('governance.actionDescription')} required data-autofocus {...form.getInputProps('description')} {...announcedError} />
        <Group grow gap="sm" align="flex-start" wrap="wrap">
          <PersonPicker
            bodyId={meeting.bodyId}
            label={t('govPickers.ownerPerson')}
            value={form.values.ownerPersonId}
            onChange={(personId, organisations) => {
              form.setFieldValue('ownerPersonId', personId);
              form.clearFieldError('ownerPersonId');
              setPersonOrganisations(organisations);
            }}
            error={form.errors.ownerPersonId}
          />
          <OrganisationPicker
            bodyId={meeting.bodyId}
            label={t('govPickers.ownerOrganisation')}
            value={form.values.ownerOrganisationId}
            extra={personOrganisations}
            onChange={(organisationId) => {
              form.setFieldValue('ownerOrganisationId', organisationId);
              form.clearFieldError('ownerPersonId');
            }}
            error={form.errors.ownerOrganisationId}
          />
        </Group>
        <DateInput label={t('governance.actionDue')} clearable value={form.values.dueOn} onChange={(v) => form.setFieldValue('dueOn', v)} error={form.errors.dueOn} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('governance.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('governance.addAction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Attendance({ meeting, editable }: { meeting: TMeetingDetail; editable: boolean }) {
  const { t } = useTranslation();
  const members = useMembers(meeting.bodyId);
  const save = useSetAttendance(meeting.id);
  const errorText = useErrorText();
  const recorded = new Map(meeting.attendance.members.map((m) => [m.personId, m.status]));
  // Members of the body on the meeting's day.
  const seated = (members.data?.data.items ?? []).filter((m) => m.joinedOn <= meeting.meetingDate && (m.leftOn === null || m.leftOn >= meeting.meetingDate));
  const [draft, setDraft] = useState<Record<string, TAttendanceStatus | null>>({});
  const statusOf = (personId: string) => (personId in draft ? draft[personId] : recorded.get(personId)) ?? null;
  const submit = () => {
    const chosen = [...new Set(seated.map((m) => m.personId))]
      .map((personId) => ({ personId, status: statusOf(personId) }))
      .filter((m): m is { personId: string; status: TAttendanceStatus } => m.status !== null);
    save.mutate(
      { version: meeting.version, members: chosen, guests: meeting.attendance.guests },
      { onSuccess: () => { setDraft({}); notify('green', t('governance.attendanceSaved')); }, onError: (error) => notify('red', errorText(error)) },
    );
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('governance.attendance')}
      </Title>
      {editable ? (
        <Stack gap="xs">
          {seated.map((m) => (
            <Select
              key={m.id}
              label={m.personName}
              data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`governance.attendanceStatus.${s}`) }))}
              value={statusOf(m.personId)}
              onChange={(v) => setDraft((d) => ({ ...d, [m.personId]: (v as TAttendanceStatus | null) ?? null }))}
              clearable
              maw={360}
            />
          ))}
          <Button onClick={submit} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('governance.attendanceSave')}
          </Button>
        </Stack>
      ) : meeting.attendance.members.length === 0 ? (
        <Text c="dimmed">{t('governance.attendanceEmpty')}</Text>
      ) : (
        <List spacing={2}>
          {meeting.attendance.members.map((m) => (
            <List.Item key={m.personId}>
              {m.personName} — {t(`governance.attendanceStatus.${m.status}`)}
            </List.Item>
          ))}
        </List>
      )}
      {meeting.attendance.guests.length > 0 && (
        <>
          <Text fw={600} size="sm">
            {t('governance.guests')}
          </Text>
          <List spacing={2}>
            {meeting.attendance.guests.map((g, i) => (
              <List.Item key={i}>
                {g.name}
                {g.organisation && ` (${g.organisation})`}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

