import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  AGENDA_ITEM_KINDS,
  BODY_KINDS,
  BODY_ROLES,
  MEETING_STATUSES,
  ZAgendaItemCreate,
  ZBodyCreate,
  ZBodyMemberCreate,
  ZBodyMemberLeave,
  ZBodyUpdate,
  ZMeetingCreate,
  type TAgendaItem,
  type TAgendaItemKind,
  type TBody,
  type TBodyKind,
  type TBodyMember,
  type TBodyRole,
  type TMeeting,
  type TMeetingStatus,
} from '../../../shared/schemas/governance.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import {
  useAddItem,
  useAddMember,
  useBodyOptions,
  useCreateBody,
  useCreateMeeting,
  useLeaveMember,
  useMemberCandidates,
  useUpdateBody,
  useUpdateItem,
  useUpdateMeeting,
} from '../../api/governance-manage.js';
import { useSectors } from '../../api/queries.js';
import { DateInput } from '../../components/date-input.js';
import { announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { notify } from '../../components/notify.js';
import { bodyPath, meetingPath, todayInBrussels } from './governance-bits.js';
import { PersonPicker } from './people-pickers.js';

/**
 * The forms of the management screens: a body, its members, its meetings and their agenda items.
 * What is offered comes from the API's abilities; the server checks every change again.
 */

/** The message of a refused change: the server's own (Dutch) text for 400/409, a stale version said plainly. */
export function useManageErrorText() {
  const { t } = useTranslation();
  return (error: unknown) =>
    error instanceof ApiError && error.code === 'version_conflict'
      ? t('manage.stale')
      : error instanceof ApiError && (error.status === 409 || error.status === 400 || error.status === 403)
        ? error.message
        : t(errorMessageKey(error));
}

/** `null` for an empty text field (optional, nullable fields of the contracts). */
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function FormButtons({ onCancel, submitLabel, loading }: { onCancel: () => void; submitLabel: string; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('manage.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/* ----- Bodies ----- */

interface TBodyValues {
  name: string;
  kind: TBodyKind | null;
  regionCode: string | null;
  description: string;
}

/** Start a body (name, kind, region or province, description); on success the body's page opens. */
export function BodyCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('manage.body.createTitle')} size="lg" closeButtonProps={{ 'aria-label': t('manage.close') }}>
      {opened && <BodyCreateForm onClose={onClose} />}
    </Modal>
  );
}

function BodyCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useBodyOptions();
  const create = useCreateBody();
  const errorText = useManageErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const regions = options.data?.data.regions ?? [];
  const form = useForm<TBodyValues>({
    mode: 'controlled',
    initialValues: { name: '', kind: null, regionCode: regions.length === 1 ? (regions[0]?.code ?? null) : null, description: '' },
    validateInputOnBlur: true,
    validate: zodValidate<TBodyValues>(ZBodyCreate, t),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(ZBodyCreate.parse(values));
      notify('green', t('manage.body.created'));
      onClose();
      void navigate(bodyPath(created.id));
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label={t('manage.body.name')} required data-autofocus {...form.getInputProps('name')} {...announcedError} />
        <Select label={t('manage.body.kind')} required data={BODY_KINDS.map((k) => ({ value: k, label: t(`governance.kind.${k}`) }))} {...form.getInputProps('kind')} {...announcedError} />
        <Select
          label={t('manage.body.region')}
          description={t('manage.body.regionHint')}
          required
          searchable
          data={regions.map((r) => ({ value: r.code, label: `${r.name} (${t(`manage.regionKind.${r.kind}`)})` }))}
          {...form.getInputProps('regionCode')}
          {...announcedError}
        />
        <Textarea label={t('manage.body.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} {...announcedError} />
        <FormButtons onCancel={onClose} submitLabel={t('manage.body.create')} loading={create.isPending} />
      </Stack>
    </form>
  );
}

/** Change a body's name, kind and description (its region stays). */
export function BodyEditModal({ body, opened, onClose }: { body: TBody; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('manage.body.editTitle')} size="lg" closeButtonProps={{ 'aria-label': t('manage.close') }}>
      {opened && <BodyEditForm body={body} onClose={onClose} />}
    </Modal>
  );
}

function BodyEditForm({ body, onClose }: { body: TBody; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateBody(body.id);
  const errorText = useManageErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  type V = Omit<TBodyValues, 'regionCode' | 'kind'> & { kind: TBodyKind };
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: { name: body.name, kind: body.kind, description: body.description },
    validateInputOnBlur: true,
    validate: zodValidate<V>(ZBodyUpdate, t, (v) => ({ ...v, version: body.version })),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await update.mutateAsync({ ...values, version: body.version });
      notify('green', t('manage.body.saved'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label={t('manage.body.name')} required data-autofocus {...form.getInputProps('name')} {...announcedError} />
        <Select
          label={t('manage.body.kind')}
          required
          allowDeselect={false}
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`governance.kind.${k}`) }))}
          {...form.getInputProps('kind')}
          {...announcedError}
        />
        <TextInput label={t('manage.body.region')} value={body.regionName} readOnly description={t('manage.body.regionFixed')} />
        <Textarea label={t('manage.body.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} {...announcedError} />
        <FormButtons onCancel={onClose} submitLabel={t('manage.save')} loading={update.isPending} />
      </Stack>
    </form>
  );
}

/* ----- Members ----- */

/** A searchable person field: the server lists active people by part of their name. */
function PersonSearch({
  bodyId,
  label,
  value,
  onChange,
  error,
  required,
  exclude = [],
}: {
  bodyId: string;
  label: string;
  value: string | null;
  onChange: (personId: string | null, candidate: { organisations: { id: string; name: string; sectorCodes: string[] }[] } | null) => void;
  error?: React.ReactNode;
  required?: boolean;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const candidates = useMemberCandidates(bodyId, debounced);
  const items = (candidates.data?.data.items ?? []).filter((c) => !exclude.includes(c.personId));
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = [...(chosen && !items.some((c) => c.personId === chosen.value) ? [chosen] : []), ...items.map((c) => ({ value: c.personId, label: c.name }))];
  return (
    <Select
      label={label}
      description={t('manage.member.searchHint')}
      placeholder={t('manage.member.searchPlaceholder')}
      required={required}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim().length >= 2 && !candidates.isFetching ? t('manage.member.nobody') : undefined}
      onChange={(personId, option) => {
        setChosen(personId && option ? { value: personId, label: option.label } : null);
        onChange(personId, items.find((c) => c.personId === personId) ?? null);
      }}
      error={error}
      {...announcedError}
    />
  );
}

interface TMemberValues {
  personId: string | null;
  role: TBodyRole | null;
  joinedOn: string | null;
  organisationId: string | null;
  sectorCode: string | null;
}

/** Add a member: a person (searched), their role, the organisation and sector they represent, from a day. */
export function AddMemberForm({ bodyId, onClose }: { bodyId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddMember(bodyId);
  const sectors = useSectors();
  const errorText = useManageErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const [orgs, setOrgs] = useState<{ id: string; name: string; sectorCodes: string[] }[]>([]);
  const form = useForm<TMemberValues>({
    mode: 'controlled',
    initialValues: { personId: null, role: 'member', joinedOn: todayInBrussels(), organisationId: null, sectorCode: null },
    validateInputOnBlur: true,
    validate: zodValidate<TMemberValues>(ZBodyMemberCreate, t),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await add.mutateAsync(ZBodyMemberCreate.parse(values));
      notify('green', t('manage.member.added'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('manage.member.addTitle')}>
      <Stack gap="sm">
        <FormError message={formError} />
        <PersonSearch
          bodyId={bodyId}
          label={t('manage.member.person')}
          required
          value={form.values.personId}
          error={form.errors.personId}
          onChange={(personId, candidate) => {
            form.setFieldValue('personId', personId);
            const list = candidate?.organisations ?? [];
            setOrgs(list);
            const first = list.length === 1 ? list[0] : undefined;
            form.setFieldValue('organisationId', first?.id ?? null);
            form.setFieldValue('sectorCode', first?.sectorCodes[0] ?? null);
          }}
        />
        <Group grow gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t('manage.member.role')}
            required
            allowDeselect={false}
            data={BODY_ROLES.map((r) => ({ value: r, label: t(`governance.role.${r}`) }))}
            {...form.getInputProps('role')}
            {...announcedError}
            miw={200}
          />
          <DateInput label={t('manage.member.joinedOn')} required value={form.values.joinedOn} onChange={(v) => form.setFieldValue('joinedOn', v)} error={form.errors.joinedOn} />
        </Group>
        <Group grow gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t('manage.member.organisation')}
            description={orgs.length === 0 ? t('manage.member.organisationHint') : undefined}
            clearable
            data={orgs.map((o) => ({ value: o.id, label: o.name }))}
            value={form.values.organisationId}
            onChange={(v) => {
              form.setFieldValue('organisationId', v);
              const org = orgs.find((o) => o.id === v);
              if (org?.sectorCodes[0]) form.setFieldValue('sectorCode', org.sectorCodes[0]);
            }}
            error={form.errors.organisationId}
            {...announcedError}
            miw={200}
          />
          <Select
            label={t('manage.member.sector')}
            clearable
            searchable
            data={(sectors.data ?? []).map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.nameEn : s.nameNl }))}
            {...form.getInputProps('sectorCode')}
            {...announcedError}
            miw={200}
          />
        </Group>
        <FormButtons onCancel={onClose} submitLabel={t('manage.member.add')} loading={add.isPending} />
      </Stack>
    </form>
  );
}

interface TLeaveValues {
  leftOn: string | null;
  successorPersonId: string | null;
}

/** Record a departure on a day; optionally a successor who continues the seat from the next day. */
export function LeaveForm({ bodyId, member, members, onClose }: { bodyId: string; member: TBodyMember; members: TBodyMember[]; onClose: () => void }) {
  const { t } = useTranslation();
  const leave = useLeaveMember(bodyId);
  const errorText = useManageErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TLeaveValues>({
    mode: 'controlled',
    initialValues: { leftOn: todayInBrussels(), successorPersonId: null },
    validateInputOnBlur: true,
    validate: zodValidate<TLeaveValues>(ZBodyMemberLeave, t, (v) => ({ leftOn: v.leftOn, ...(v.successorPersonId ? { successorPersonId: v.successorPersonId } : {}) })),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const left = await leave.mutateAsync({
        membershipId: member.id,
        body: { leftOn: values.leftOn ?? '', ...(values.successorPersonId ? { successorPersonId: values.successorPersonId } : {}) },
      });
      notify('green', left.successor ? t('manage.member.leftWithSuccessor', { name: left.successor.personName }) : t('manage.member.left'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  const openMembers = members.filter((m) => m.leftOn === null).map((m) => m.personId);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('manage.member.leaveTitle', { name: member.personName })}>
      <Stack gap="sm">
        <FormError message={formError} />
        <DateInput
          label={t('manage.member.leftOn')}
          description={t('manage.member.leftOnHint')}
          required
          minDate={member.joinedOn}
          value={form.values.leftOn}
          onChange={(v) => form.setFieldValue('leftOn', v)}
          error={form.errors.leftOn}
        />
        <PersonSearch
          bodyId={bodyId}
          label={t('manage.member.successor')}
          value={form.values.successorPersonId}
          error={form.errors.successorPersonId}
          exclude={openMembers}
          onChange={(personId) => form.setFieldValue('successorPersonId', personId)}
        />
        <FormButtons onCancel={onClose} submitLabel={t('manage.member.leave')} loading={leave.isPending} />
      </Stack>
    </form>
  );
}

/* ----- Meetings ----- */

interface TMeetingValues {
  meetingDate: string | null;
  startTime: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  status: TMeetingStatus;
}

const meetingBody = (v: TMeetingValues) => ({
  meetingDate: v.meetingDate,
  startTime: orNull(v.startTime),
  endTime: orNull(v.endTime),
  place: v.place.trim(),
  onlineUrl: orNull(v.onlineUrl),
});

/** Plan a meeting (date, hours, place or online link) or change one (also its status). */
export function MeetingModal({ bodyId, meeting, opened, onClose }: { bodyId: string; meeting?: TMeeting; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={meeting ? t('manage.meeting.editTitle') : t('manage.meeting.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('manage.close') }}
    >
      {opened && <MeetingForm bodyId={bodyId} meeting={meeting} onClose={onClose} />}
    </Modal>
  );
}

function MeetingForm({ bodyId, meeting, onClose }: { bodyId: string; meeting: TMeeting | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting(bodyId);
  const update = useUpdateMeeting(meeting?.id ?? '');
  const errorText = useManageErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TMeetingValues>({
    mode: 'controlled',
    initialValues: {
      meetingDate: meeting?.meetingDate ?? null,
      startTime: meeting?.startTime?.slice(0, 5) ?? '',
      endTime: meeting?.endTime?.slice(0, 5) ?? '',
      place: meeting?.place ?? '',
      onlineUrl: meeting?.onlineUrl ?? '',
      status: meeting?.status ?? 'planned',
    },
    validateInputOnBlur: true,
    validate: zodValidate<TMeetingValues>(ZMeetingCreate, t, meetingBody),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const body = ZMeetingCreate.parse(meetingBody(values));
      if (meeting) {
        await update.mutateAsync({ ...body, status: values.status, version: meeting.version });
        notify('green', t('manage.meeting.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync(body);
        notify('green', t('manage.meeting.created'));
        onClose();
        void navigate(meetingPath(created.id));
      }
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <DateInput label={t('manage.meeting.date')} required value={form.values.meetingDate} onChange={(v) => form.setFieldValue('meetingDate', v)} error={form.errors.meetingDate} />
        <Group grow gap="sm" align="flex-start" wrap="wrap">
          <TimeInput label={t('manage.meeting.startTime')} {...form.getInputProps('startTime')} {...announcedError} miw={140} />
          <TimeInput label={t('manage.meeting.endTime')} {...form.getInputProps('endTime')} {...announcedError} miw={140} />
        </Group>
        <TextInput label={t('manage.meeting.place')} {...form.getInputProps('place')} {...announcedError} />
        <TextInput label={t('manage.meeting.onlineUrl')} description={t('manage.meeting.onlineUrlHint')} type="url" {...form.getInputProps('onlineUrl')} {...announcedError} />
        {meeting && (
          <Select
            label={t('manage.meeting.status')}
            allowDeselect={false}
            data={MEETING_STATUSES.map((s) => ({ value: s, label: t(`governance.meetingStatus.${s}`) }))}
            {...form.getInputProps('status')}
          />
        )}
        <FormButtons onCancel={onClose} submitLabel={meeting ? t('manage.save') : t('manage.meeting.create')} loading={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}

/* ----- Agenda items ----- */

interface TItemValues {
  title: string;
  presenterPersonId: string | null;
  presenterText: string;
  kind: TAgendaItemKind | null;
}

const itemBody = (v: TItemValues) => ({ title: v.title, presenterPersonId: v.presenterPersonId, presenterText: orNull(v.presenterText), kind: v.kind });

/**
 * Add an item at the end of the agenda, or change one (title, presenter, kind). The presenter is a
 * person (a member, or anyone found by name) and/or a free text (an organisation, a guest).
 */
export function AgendaItemForm({ meetingId, bodyId, item, onClose }: { meetingId: string; bodyId: string; item?: TAgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddItem();
  const update = useUpdateItem(meetingId);
  const errorText = useManageErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TItemValues>({
    mode: 'controlled',
    initialValues: { title: item?.title ?? '', presenterPersonId: item?.presenterPersonId ?? null, presenterText: item?.presenterText ?? '', kind: item?.kind ?? 'information' },
    validateInputOnBlur: true,
    validate: zodValidate<TItemValues>(ZAgendaItemCreate, t, itemBody),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const body = ZAgendaItemCreate.parse(itemBody(values));
      if (item) {
        // The presenter is sent only when it changed (a person disabled since stays as they were).
        const { presenterPersonId, ...rest } = body;
        await update.mutateAsync({ itemId: item.id, body: { ...rest, version: item.version, ...(presenterPersonId === item.presenterPersonId ? {} : { presenterPersonId }) } });
        notify('green', t('manage.item.saved'));
      } else {
        await add.mutateAsync({ meetingId, body });
        notify('green', t('manage.item.added'));
      }
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={item ? t('manage.item.editOf', { title: item.title }) : t('manage.item.addTitle')}>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label={t('manage.item.title')} required data-autofocus {...form.getInputProps('title')} {...announcedError} />
        <Group grow gap="sm" align="flex-start" wrap="wrap">
          <PersonPicker
            bodyId={bodyId}
            label={t('govPickers.presenterPerson')}
            value={form.values.presenterPersonId}
            initialLabel={item?.presenterPersonName ?? null}
            onChange={(personId) => form.setFieldValue('presenterPersonId', personId)}
            error={form.errors.presenterPersonId}
          />
          <TextInput label={t('manage.item.presenter')} description={t('govPickers.presenterTextHint')} {...form.getInputProps('presenterText')} {...announcedError} miw={200} />
        </Group>
        <Select
          label={t('manage.item.kind')}
          required
          allowDeselect={false}
          data={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`governance.itemKind.${k}`) }))}
          {...form.getInputProps('kind')}
          {...announcedError}
          miw={180}
        />
        <FormButtons onCancel={onClose} submitLabel={item ? t('manage.save') : t('manage.item.add')} loading={add.isPending || update.isPending} />
      </Stack>
    </form>
  );
}
