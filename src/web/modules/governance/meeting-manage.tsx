import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowForward, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ZAmendmentCreate, type TAgendaItem, type TMeetingDetail } from '../../../shared/schemas/governance.js';
import { useMeetings } from '../../api/governance.js';
import { useAddAmendment, useAddItem, useApproveMinutes, useDeleteItem } from '../../api/governance-manage.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { useGovernanceFormat } from './governance-bits.js';
import { AgendaItemForm, MeetingModal, useManageErrorText } from './manage-forms.js';

/**
 * The managers' tools on a meeting's page: change the meeting, add, change, remove and carry over
 * agenda items, approve the minutes at a later meeting, and correct approved minutes with an
 * amendment. Shown only with the meeting's `update` ability; the server decides again.
 */

/** "Vergadering wijzigen" next to the downloads. */
export function EditMeetingButton({ meeting }: { meeting: TMeetingDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconEdit size={18} aria-hidden="true" />} onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('manage.meeting.edit')}
      </Button>
      <MeetingModal bodyId={meeting.bodyId} meeting={meeting} opened={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** "Agendapunt toevoegen" under the agenda while the minutes are a draft. */
export function AddAgendaItem({ meetingId, bodyId }: { meetingId: string; bodyId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  if (adding) {
    return (
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('manage.item.addTitle')}
          </Title>
          <AgendaItemForm meetingId={meetingId} bodyId={bodyId} onClose={() => setAdding(false)} />
        </Stack>
      </Paper>
    );
  }
  return (
    <Button variant="default" leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
      {t('manage.item.add')}
    </Button>
  );
}

/** Later meetings of the same body that are not cancelled (approval and carry-over targets). */
function useLaterMeetings(meeting: TMeetingDetail, draftOnly: boolean) {
  const meetings = useMeetings(meeting.bodyId);
  const later = (meetings.data?.data.items ?? []).filter(
    (m) => m.id !== meeting.id && m.meetingDate > meeting.meetingDate && m.status !== 'cancelled' && (!draftOnly || m.minutesStatus === 'draft'),
  );
  return { later, isPending: meetings.isPending };
}

/** Change, remove or carry over one agenda item (draft minutes: change and remove; always: carry over). */
export function AgendaItemTools({ meeting, item, draft }: { meeting: TMeetingDetail; item: TAgendaItem; draft: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'idle' | 'edit' | 'carry'>('idle');
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteItem(meeting.id);
  const errorText = useManageErrorText();
  if (mode === 'edit') return <AgendaItemForm meetingId={meeting.id} bodyId={meeting.bodyId} item={item} onClose={() => setMode('idle')} />;
  if (mode === 'carry') return <CarryOverForm meeting={meeting} item={item} onClose={() => setMode('idle')} />;
  return (
    <Group gap="xs" wrap="wrap">
      {draft && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setMode('edit')} aria-label={t('manage.item.editOf', { title: item.title })}>
          {t('manage.item.edit')}
        </Button>
      )}
      <Button variant="subtle" size="compact-sm" leftSection={<IconArrowForward size={16} aria-hidden="true" />} onClick={() => setMode('carry')} aria-label={t('manage.item.carryOf', { title: item.title })}>
        {t('manage.item.carry')}
      </Button>
      {draft && (
        <Button
          variant="subtle"
          color="red"
          c="red.9"
          size="compact-sm"
          leftSection={<IconTrash size={16} aria-hidden="true" />}
          onClick={() => setConfirming(true)}
          aria-label={t('manage.item.removeOf', { title: item.title })}
        >
          {t('manage.item.remove')}
        </Button>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('manage.item.removeTitle')}
        confirmLabel={t('manage.item.remove')}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        // mutateAsync, not mutate's callbacks: the removed item's own component is gone once the
        // agenda has been fetched again, and mutate would then drop the message.
        onConfirm={() =>
          void remove
            .mutateAsync({ itemId: item.id, version: meeting.version })
            .then(
              () => notify('green', t('manage.item.removed')),
              (error: unknown) => notify('red', errorText(error)),
            )
            .finally(() => setConfirming(false))
        }
      >
        {t('manage.item.removeText', { title: item.title })}
      </ConfirmDialog>
    </Group>
  );
}

/** Put the same item (title, presenter, kind) at the end of the agenda of a later meeting, linked to this one. */
function CarryOverForm({ meeting, item, onClose }: { meeting: TMeetingDetail; item: TAgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useGovernanceFormat();
  const { later, isPending } = useLaterMeetings(meeting, true);
  const add = useAddItem();
  const errorText = useManageErrorText();
  const [target, setTarget] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!target) {
      setFieldError(t('manage.chooseMeeting'));
      return;
    }
    try {
      await add.mutateAsync({
        meetingId: target,
        body: { title: item.title, kind: item.kind, presenterText: item.presenterText, presenterPersonId: item.presenterPersonId, carriedFromItemId: item.id },
      });
      notify('green', t('manage.item.carried'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('manage.item.carryOf', { title: item.title })}>
      <Stack gap="sm">
        <FormError message={formError} />
        {!isPending && later.length === 0 ? (
          <Text size="sm">{t('manage.item.noLater')}</Text>
        ) : (
          <Select
            label={t('manage.item.carryTo')}
            description={t('manage.item.carryHint')}
            required
            data={later.map((m) => ({ value: m.id, label: f.day(m.meetingDate) }))}
            value={target}
            onChange={(v) => {
              setTarget(v);
              setFieldError(null);
            }}
            error={fieldError}
            {...announcedError}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('manage.cancel')}
          </Button>
          {later.length > 0 && (
            <Button type="submit" loading={add.isPending}>
              {t('manage.item.carry')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Approve the draft minutes at a later, not cancelled meeting of the body; they are frozen afterwards. */
export function ApproveMinutes({ meeting }: { meeting: TMeetingDetail }) {
  const { t } = useTranslation();
  const f = useGovernanceFormat();
  const { later, isPending } = useLaterMeetings(meeting, false);
  const approve = useApproveMinutes(meeting.id);
  const errorText = useManageErrorText();
  const [target, setTarget] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const chosen = target ?? later[0]?.id ?? null;
  const chosenMeeting = later.find((m) => m.id === chosen);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('manage.approve.title')}
      </Title>
      <Text>{t('manage.approve.text')}</Text>
      {!isPending && later.length === 0 ? (
        <Text c="dimmed">{t('manage.approve.noLater')}</Text>
      ) : (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('manage.approve.at')}
            data={later.map((m) => ({ value: m.id, label: f.day(m.meetingDate) }))}
            value={chosen}
            allowDeselect={false}
            onChange={(v) => {
              setTarget(v);
              setFieldError(null);
            }}
            error={fieldError}
            {...announcedError}
            miw={260}
          />
          <Button onClick={() => (chosen ? setConfirming(true) : setFieldError(t('manage.chooseMeeting')))}>{t('manage.approve.button')}</Button>
        </Group>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('manage.approve.confirmTitle')}
        confirmLabel={t('manage.approve.button')}
        loading={approve.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          chosen &&
          // mutateAsync: this section is gone once the minutes are approved, and mutate's own callbacks would be dropped with it.
          void approve
            .mutateAsync({ version: meeting.version, approvedAtMeetingId: chosen })
            .then(
              () => notify('green', t('manage.approve.done')),
              (error: unknown) => notify('red', errorText(error)),
            )
            .finally(() => setConfirming(false))
        }
      >
        {t('manage.approve.confirmText', { date: chosenMeeting ? f.day(chosenMeeting.meetingDate) : '' })}
      </ConfirmDialog>
    </Stack>
  );
}

/**
 * On a meeting's page: the previous meeting of the body whose minutes are still a draft, with
 * "approve them at this meeting" (the usual agenda point "goedkeuring vorig verslag").
 */
export function ApprovePrevious({ meeting }: { meeting: TMeetingDetail }) {
  const { t } = useTranslation();
  const f = useGovernanceFormat();
  const meetings = useMeetings(meeting.bodyId);
  const errorText = useManageErrorText();
  const [confirming, setConfirming] = useState(false);
  const previous = (meetings.data?.data.items ?? [])
    .filter((m) => m.meetingDate < meeting.meetingDate && m.status !== 'cancelled')
    .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate))[0];
  const approve = useApproveMinutes(previous?.id ?? '');
  if (!previous || previous.minutesStatus !== 'draft') return null;
  const date = f.day(previous.meetingDate);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('manage.approve.previousTitle')}
      </Title>
      <Text>{t('manage.approve.previousText', { date })}</Text>
      <Button variant="default" onClick={() => setConfirming(true)} style={{ alignSelf: 'flex-start' }}>
        {t('manage.approve.previousButton')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('manage.approve.confirmTitle')}
        confirmLabel={t('manage.approve.button')}
        loading={approve.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          // mutateAsync: this section is gone once the minutes are approved, and mutate's own callbacks would be dropped with it.
          void approve
            .mutateAsync({ version: previous.version, approvedAtMeetingId: meeting.id })
            .then(
              () => notify('green', t('manage.approve.done')),
              (error: unknown) => notify('red', errorText(error)),
            )
            .finally(() => setConfirming(false))
        }
      >
        {t('manage.approve.previousConfirm', { previous: date, date: f.day(meeting.meetingDate) })}
      </ConfirmDialog>
    </Stack>
  );
}

/** A correction of approved minutes, kept visibly as an amendment (the minutes themselves stay as approved). */
export function AmendmentForm({ meetingId, item }: { meetingId: string; item: TAgendaItem }) {
  const { t } = useTranslation();
  const add = useAddAmendment(meetingId);
  const errorText = useManageErrorText();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  if (!open) {
    return (
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }} aria-label={t('manage.amendment.addOf', { title: item.title })}>
        {t('manage.amendment.add')}
      </Button>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = ZAmendmentCreate.safeParse({ text });
    if (!parsed.success) {
      setFieldError(t('admin.validation.tooShort', { min: 2 }));
      return;
    }
    try {
      await add.mutateAsync({ itemId: item.id, text: parsed.data.text });
      notify('green', t('manage.amendment.added'));
      setText('');
      setOpen(false);
    } catch (error) {
      setFormError(errorText(error));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('manage.amendment.addOf', { title: item.title })}>
      <Stack gap="sm">
        <FormError message={formError} />
        <Textarea
          label={t('manage.amendment.text')}
          description={t('manage.amendment.hint')}
          required
          autosize
          minRows={2}
          maxRows={8}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFieldError(null);
          }}
          error={fieldError}
          {...announcedError}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('manage.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('manage.amendment.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
