import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconGitCompare } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCE_ROLES,
  EVENT_KINDS,
  EVENT_STATUSES,
  ZEventCreate,
  ZEventUpdate,
  type TAudienceRole,
  type TEvent,
  type TEventCreate,
  type TEventKind,
  type TEventStatus,
} from '../../../shared/schemas/learning.js';
import { ApiError, detailField, detailText, errorMessageKey } from '../../api/client.js';
import { isFullyLoggedIn, useMe } from '../../api/auth.js';
import { useCreateEvent, useUpdateEvent } from '../../api/learning.js';
import { DateInput } from '../../components/date-input.js';
import { FormError } from '../../components/form/form-error.js';
import { announcedError } from '../../components/form/error-text.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { notify } from '../../components/notify.js';
import { eventPath } from './learning-bits.js';
import { brusselsDay } from '../../components/format.js';

interface TValues {
  kind: TEventKind;
  title: string;
  description: string;
  organiserOrganisationId: string | null;
  organiserName: string;
  audienceRoles: TAudienceRole[];
  date: string | null;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  fee: number | string;
  totalCost: number | string;
  funder: string;
  opensOn: string | null;
  closesOn: string | null;
  status: TEventStatus;
  publicRegistration: boolean;
}

/** Minutes Brussels is ahead of UTC at an instant (60 in winter, 120 in summer). */
function brusselsOffset(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Brussels', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - at.getTime()) / 60_000;
}

/** The instant of a day and time in Brussels, as an ISO string. */
export function brusselsInstant(day: string, time: string): string {
  const guess = new Date(`${day}T${time}:00Z`);
  return new Date(guess.getTime() - brusselsOffset(guess) * 60_000).toISOString();
}

/** The Brussels day of an instant (`YYYY-MM-DD`). */
export { brusselsDay };

const toCents = (euro: number | string) => (typeof euro === 'number' ? Math.round(euro * 100) : Number.NaN);

function valuesOf(event: TEvent | null): TValues {
  return {
    kind: event?.kind ?? 'training',
    title: event?.title ?? '',
    description: event?.description ?? '',
    organiserOrganisationId: event?.organiserOrganisationId ?? null,
    organiserName: event?.organiserName ?? '',
    audienceRoles: event?.audienceRoles ?? [],
    date: event?.date ?? null,
    startsAt: event?.startsAt.slice(0, 5) ?? '09:00',
    endsAt: event?.endsAt.slice(0, 5) ?? '12:00',
    place: event?.place ?? '',
    onlineUrl: event?.onlineUrl ?? '',
    fee: event ? event.feeCents / 100 : 0,
    totalCost: event ? event.totalCostCents / 100 : 0,
    funder: event?.funder ?? '',
    opensOn: event ? brusselsDay(event.registrationOpensAt) : null,
    closesOn: event ? brusselsDay(event.registrationClosesAt) : null,
    status: event?.status ?? 'draft',
    publicRegistration: event?.publicRegistration ?? false,
  };
}

/** The body the contract expects; an unfilled day stays '' so the shared schema names the field. */
function bodyOf(v: TValues) {
  return {
    kind: v.kind,
    title: v.title.trim(),
    description: v.description.trim(),
    organiserName: v.organiserName.trim(),
    audienceRoles: v.audienceRoles,
    date: v.date ?? '',
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    place: v.place.trim(),
    onlineUrl: v.onlineUrl.trim() === '' ? null : v.onlineUrl.trim(),
    feeCents: toCents(v.fee),
    totalCostCents: toCents(v.totalCost),
    funder: v.funder.trim(),
    registrationOpensAt: v.opensOn ? brusselsInstant(v.opensOn, '00:00') : '',
    registrationClosesAt: v.closesOn ? brusselsInstant(v.closesOn, '23:59') : '',
    status: v.status,
    publicRegistration: v.publicRegistration,
  };
}

interface EventFormDialogProps {
  opened: boolean;
  /** The event to change (with its version), or null for a new one. */
  event: TEvent | null;
  onClose: () => void;
}

/** Create or change an event in a dialog; the shared contract checks it here and on the server. */
export function EventFormDialog(props: EventFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.event ? t('learning.form.editTitle') : t('learning.form.newTitle')}
      centered
      size="xl"
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      {props.opened && <EventForm {...props} />}
    </Modal>
  );
}

function EventForm({ event, onClose }: EventFormDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const memberships = isFullyLoggedIn(me.data) ? me.data.memberships : [];
  const organisations = memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }));

  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: valuesOf(event),
    validateInputOnBlur: true,
    validate: zodValidate<TValues>(event ? ZEventUpdate : ZEventCreate, t, (v) =>
      event ? { ...bodyOf(v), version: event.version } : { ...bodyOf(v), organiserOrganisationId: v.organiserOrganisationId },
    ),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setConflict(false);
    try {
      if (event) {
        await update.mutateAsync({ ...bodyOf(values), version: event.version });
        notify('green', t('learning.form.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync({ ...bodyOf(values), organiserOrganisationId: values.organiserOrganisationId } as TEventCreate);
        notify('green', t('learning.form.created'));
        onClose();
        void navigate(eventPath(created.id));
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') setConflict(true);
      else if (error instanceof ApiError && error.code === 'validation_failed' && error.details?.length) {
        for (const d of error.details) form.setFieldError(fieldOf(detailField(d.path)), detailText(d, t('admin.validation.invalid')));
        setFormError(t(errorMessageKey(error)));
      } else setFormError(error instanceof ApiError && error.status === 400 ? error.message : t(errorMessageKey(error)));
    }
  });

  const input = (name: keyof TValues) => ({ ...form.getInputProps(name), ...announcedError });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        {conflict && (
          <Alert variant="light" color="yellow" role="alert" icon={<IconGitCompare aria-hidden="true" />} title={t('learning.form.conflictTitle')}>
            <Text c="gray.9">{t('learning.form.conflictText')}</Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('learning.fields.title')} required data-autofocus {...input('title')} style={{ gridColumn: '1 / -1' }} />
          <Select
            label={t('learning.fields.kind')}
            data={EVENT_KINDS.map((k) => ({ value: k, label: t(`learning.kind.${k}`) }))}
            allowDeselect={false}
            required
            {...input('kind')}
          />
          <Select
            label={t('learning.fields.status')}
            data={EVENT_STATUSES.map((s) => ({ value: s, label: t(`learning.status.${s}`) }))}
            allowDeselect={false}
            description={t('learning.form.statusHint')}
            {...input('status')}
          />
          {!event && (
            <Select
              label={t('learning.fields.organiserOrganisation')}
              data={organisations}
              clearable
              description={t('learning.form.organiserHint')}
              {...input('organiserOrganisationId')}
            />
          )}
          <TextInput label={t('learning.fields.organiserName')} description={t('learning.form.organiserNameHint')} {...input('organiserName')} />
          <Textarea label={t('learning.fields.description')} autosize minRows={3} maxRows={10} {...input('description')} style={{ gridColumn: '1 / -1' }} />
          <MultiSelect
            label={t('learning.fields.audienceRoles')}
            data={AUDIENCE_ROLES.map((r) => ({ value: r, label: t(`learning.audience.${r}`) }))}
            clearable
            hidePickedOptions
            {...input('audienceRoles')}
            style={{ gridColumn: '1 / -1' }}
          />
          <DateInput
            label={t('learning.fields.date')}
            required
            value={form.getValues().date}
            onChange={(v) => form.setFieldValue('date', v)}
            error={form.errors.date}
          />
          <Group grow gap="sm" align="flex-start">
            <TimeInput label={t('learning.fields.startsAt')} required {...input('startsAt')} />
            <TimeInput label={t('learning.fields.endsAt')} required {...input('endsAt')} />
          </Group>
          <TextInput label={t('learning.fields.place')} {...input('place')} />
          <TextInput label={t('learning.fields.onlineUrl')} type="url" placeholder="https://" {...input('onlineUrl')} />
          <NumberInput label={t('learning.fields.fee')} min={0} decimalScale={2} prefix="€ " allowNegative={false} {...input('fee')} error={form.errors.fee ?? form.errors.feeCents} />
          <NumberInput
            label={t('learning.fields.totalCost')}
            min={0}
            decimalScale={2}
            prefix="€ "
            allowNegative={false}
            {...input('totalCost')}
            error={form.errors.totalCost ?? form.errors.totalCostCents}
          />
          <TextInput label={t('learning.fields.funder')} description={t('learning.form.funderHint')} {...input('funder')} style={{ gridColumn: '1 / -1' }} />
          <DateInput
            label={t('learning.fields.opensOn')}
            required
            value={form.getValues().opensOn}
            onChange={(v) => form.setFieldValue('opensOn', v)}
            error={form.errors.opensOn ?? form.errors.registrationOpensAt}
          />
          <DateInput
            label={t('learning.fields.closesOn')}
            required
            value={form.getValues().closesOn}
            onChange={(v) => form.setFieldValue('closesOn', v)}
            error={form.errors.closesOn ?? form.errors.registrationClosesAt}
          />
          <Checkbox
            label={t('publicRegistration.formFlag')}
            description={t('publicRegistration.formFlagHint')}
            {...form.getInputProps('publicRegistration', { type: 'checkbox' })}
            style={{ gridColumn: '1 / -1' }}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} disabled={conflict}>
            {event ? t('learning.form.save') : t('learning.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form field behind a contract field the server named. */
function fieldOf(path: string): string {
  const map: Record<string, string> = { feeCents: 'fee', totalCostCents: 'totalCost', registrationOpensAt: 'opensOn', registrationClosesAt: 'closesOn' };
  return map[path] ?? path;
}
