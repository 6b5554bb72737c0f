import { useState } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, ZSessionCreate, ZSessionUpdate, type TSession, type TSessionKind } from '../../../shared/schemas/learning.js';
import { ApiError, detailField, detailText, errorMessageKey } from '../../api/client.js';
import { useSaveSession } from '../../api/learning.js';
import { FormError } from '../../components/form/form-error.js';
import { announcedError } from '../../components/form/error-text.js';
import { zodValidate } from '../../components/form/zod-form.js';

interface TValues {
  title: string;
  room: string;
  kind: TSessionKind;
  startsAt: string;
  endsAt: string;
  capacity: number | string;
}

const bodyOf = (v: TValues) => ({
  title: v.title.trim(),
  room: v.room.trim(),
  kind: v.kind,
  startsAt: v.startsAt,
  endsAt: v.endsAt,
  capacity: typeof v.capacity === 'number' ? v.capacity : Number.NaN,
});

interface SessionFormDialogProps {
  eventId: string;
  /** The session to change, or null for a new one (the event's hours as a start). */
  session: TSession | null;
  defaults: { startsAt: string; endsAt: string };
  opened: boolean;
  onClose: () => void;
}

/** Add or change a session: a time slot in the plenary or a parallel room, with its capacity. */
export function SessionFormDialog(props: SessionFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.session ? t('learning.sessionForm.editTitle') : t('learning.sessionForm.newTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      {props.opened && <SessionForm {...props} />}
    </Modal>
  );
}

function SessionForm({ eventId, session, defaults, onClose }: SessionFormDialogProps) {
  const { t } = useTranslation();
  const save = useSaveSession(eventId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: {
      title: session?.title ?? '',
      room: session?.room ?? '',
      kind: session?.kind ?? 'parallel',
      startsAt: (session?.startsAt ?? defaults.startsAt).slice(0, 5),
      endsAt: (session?.endsAt ?? defaults.endsAt).slice(0, 5),
      capacity: session?.capacity ?? 30,
    },
    validateInputOnBlur: true,
    validate: zodValidate<TValues>(session ? ZSessionUpdate : ZSessionCreate, t, (v) => (session ? { ...bodyOf(v), version: session.version } : bodyOf(v))),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync({ sessionId: session?.id ?? null, body: session ? { ...bodyOf(values), version: session.version } : bodyOf(values) });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation_failed' && error.details?.length) {
        for (const d of error.details) form.setFieldError(detailField(d.path), detailText(d, t('admin.validation.invalid')));
      }
      // A capacity below the places taken, or a stale version: the server's Dutch message says which.
      setFormError(error instanceof ApiError && (error.status === 409 || error.status === 400) ? error.message : t(errorMessageKey(error)));
    }
  });

  const input = (name: keyof TValues) => ({ ...form.getInputProps(name), ...announcedError });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label={t('learning.sessionForm.title')} required data-autofocus {...input('title')} />
        <TextInput label={t('learning.sessionForm.room')} required {...input('room')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="session-kind-label">
            {t('learning.sessionForm.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="session-kind-label"
            data={SESSION_KINDS.map((k) => ({ value: k, label: t(`learning.sessionKind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
        </Stack>
        <Group grow gap="sm" align="flex-start">
          <TimeInput label={t('learning.fields.startsAt')} required {...input('startsAt')} />
          <TimeInput label={t('learning.fields.endsAt')} required {...input('endsAt')} />
        </Group>
        <NumberInput label={t('learning.sessionForm.capacity')} required min={1} max={100000} allowDecimal={false} allowNegative={false} {...input('capacity')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('learning.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
