import { useState, type FormEvent } from 'react';
import { Button, Group, List, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconHourglass, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WAIT_STATUSES } from '../../../../shared/schemas/families/enums.js';
import type { TWait } from '../../../../shared/schemas/families/care.js';
import { useWaitMutations, useWaits } from '../../../api/families/care.js';
import { FormError } from '../../../components/form/form-error.js';
import { ResponsiveList, type TListColumn } from '../../../components/list/responsive-list.js';
import { notify } from '../../../components/notify.js';
import { EmptyState } from '../../../components/states.js';
import { useFamilyContext } from '../family/family-layout.js';
import { DateInput } from '../../../components/date-input.js';
import { formatDay, todayInBrussels } from '../requests/labels.js';
import { FormDialog, FamilySection, DialogActions, StateBadge, useErrorText } from '../family-ui.js';
import type { TFamilyMember } from '../../../../shared/schemas/families/family.js';
import { DisclosureBadge, DisclosureChoice, MarkItem, currentYouths, markingBody, useMarking } from './disclosure-choice.js';

type TWaitStatus = (typeof WAIT_STATUSES)[number];
const STATUS_COLOR: Record<TWaitStatus, string> = { waiting: 'orange', started: 'green', refused: 'red', cancelled: 'gray' };
type TDialog = { kind: 'wait' } | { kind: 'bridging'; waitId: string } | { kind: 'status'; waitId: string } | { kind: 'marking'; waitId: string } | null;

/** The waits tab: what the family waits for, how long, and the bridging help meanwhile. */
export function WaitsTab() {
  const { t } = useTranslation();
  const { data } = useFamilyContext();
  const familyId = data.family.id;
  const waits = useWaits(familyId);
  const { update } = useWaitMutations(familyId);
  const [dialog, setDialog] = useState<TDialog>(null);
  const manage = waits.data?.abilities.manage ?? false;
  const items = waits.data?.data.items;
  const close = () => setDialog(null);
  const current = (id: string) => items?.find((w) => w.id === id);
  const youths = currentYouths(data.members);
  const memberName = (id: string | null) => data.members.find((m) => m.id === id)?.name;

  const bridgingOf = (w: TWait) =>
    w.bridging.length === 0 ? (
      w.status === 'waiting' ? <StateBadge color="red">{t('care.waits.noBridging')}</StateBadge> : <Text size="sm">—</Text>
    ) : (
      <List size="sm" spacing={2}>
        {w.bridging.map((b) => (
          <List.Item key={b.id}>
            <Text size="sm" component="span" fw={600}>
              {b.provider}
              {b.organisationName ? ` (${b.organisationName})` : ''}
            </Text>
            <Text size="sm" component="span">
              : {b.what} · {b.untilOn ? t('care.waits.bridgingPeriod', { from: formatDay(b.fromOn), until: formatDay(b.untilOn) }) : t('care.waits.bridgingSince', { date: formatDay(b.fromOn) })}
            </Text>
          </List.Item>
        ))}
      </List>
    );

  const addBridgingButton = (w: TWait) =>
    manage && w.status === 'waiting' ? (
      <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'bridging', waitId: w.id })} aria-label={t('care.waits.addBridgingFor', { service: w.serviceText })}>
        {t('care.waits.addBridgingShort')}
      </Button>
    ) : null;
  const statusButton = (w: TWait) =>
    manage ? (
      <Button size="compact-sm" variant="default" onClick={() => setDialog({ kind: 'status', waitId: w.id })} aria-label={t('care.waits.changeStatusFor', { service: w.serviceText })}>
        {t('care.waits.changeStatus')}
      </Button>
    ) : null;

  /** What the family sees of the wait in the portal, and (for whoever manages waits) the button to change it. */
  const markingOf = (w: TWait) => (
    <Stack gap={4} align="flex-start">
      <DisclosureBadge disclosure={w.disclosure} youthName={memberName(w.youthMemberId)} />
      {manage && (
        <Button size="compact-sm" variant="default" onClick={() => setDialog({ kind: 'marking', waitId: w.id })} aria-label={t('marking.changeFor', { item: w.serviceText })}>
          {t('marking.change')}
        </Button>
      )}
    </Stack>
  );

  const statusOf = (w: TWait) => (
    <Stack gap={4} align="flex-start">
      <StateBadge color={STATUS_COLOR[w.status]}>{t(`care.waits.statuses.${w.status}`)}</StateBadge>
      {w.endedOn && <Text size="xs">{t('care.waits.endedOn', { date: formatDay(w.endedOn) })}</Text>}
      {statusButton(w)}
    </Stack>
  );

  /** The waiting time the service itself publishes in the directory, with the day it was confirmed. */
  const directoryLine = (w: TWait, size: 'xs' | 'sm') => {
    const svc = w.service;
    if (!svc) return null;
    if (!svc.active) return <Text size={size} c="dimmed">{t('care.waits.directoryInactive')}</Text>;
    if (svc.waitingDays === null) return <Text size={size} c="dimmed">{t('care.waits.directoryNoWait')}</Text>;
    return (
      <Text size={size}>
        {svc.waitingConfirmedOn
          ? t('care.waits.directoryWait', { count: svc.waitingDays, date: formatDay(svc.waitingConfirmedOn) })
          : t('care.waits.directoryWaitUndated', { count: svc.waitingDays })}
      </Text>
    );
  };

  const columns: TListColumn<TWait>[] = [
    {
      key: 'service',
      header: t('care.waits.service'),
      rowHeader: true,
      cell: (w) => (
        <>
          <Text fw={600} size="sm">
            {w.serviceText}
          </Text>
          {w.organisationName && <Text size="xs">{w.organisationName}</Text>}
          {directoryLine(w, 'xs')}
        </>
      ),
    },
    {
      key: 'since',
      header: t('care.waits.since'),
      cell: (w) => (
        <>
          <Text size="sm">{formatDay(w.sinceOn)}</Text>
          <Text size="xs">{t('care.waits.daysCount', { count: w.daysWaiting })}</Text>
        </>
      ),
      nowrap: true,
      compare: (a, b) => a.sinceOn.localeCompare(b.sinceOn),
    },
    { key: 'expected', header: t('care.waits.expected'), cell: (w) => formatDay(w.expectedStartOn), nowrap: true },
    { key: 'status', header: t('care.waits.status'), cell: statusOf },
    { key: 'marking', header: t('marking.title'), cell: markingOf },
    {
      key: 'bridging',
      header: t('care.waits.bridging'),
      cell: (w) => (
        <Stack gap={6} align="flex-start">
          {bridgingOf(w)}
          {addBridgingButton(w)}
        </Stack>
      ),
    },
  ];

  return (
    <FamilySection
      id="waits-title"
      title={t('care.waits.title')}
      lead={t('care.waits.lead')}
      action={
        manage && (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setDialog({ kind: 'wait' })}>
            {t('care.waits.add')}
          </Button>
        )
      }
    >
      <ResponsiveList
        items={items}
        query={waits}
        getKey={(w) => w.id}
        labelledBy="waits-title"
        columns={columns}
        card={(w) => (
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={700}>{w.serviceText}</Text>
              {statusOf(w)}
            </Group>
            {w.organisationName && <Text size="sm">{w.organisationName}</Text>}
            {directoryLine(w, 'sm')}
            <Text size="sm">{t('care.waits.sinceLine', { date: formatDay(w.sinceOn), count: w.daysWaiting })}</Text>
            {w.expectedStartOn && <Text size="sm">{t('care.waits.expectedLine', { date: formatDay(w.expectedStartOn) })}</Text>}
            <Text size="sm" fw={600}>
              {t('care.waits.bridging')}
            </Text>
            {bridgingOf(w)}
            {addBridgingButton(w)}
            {markingOf(w)}
          </Stack>
        )}
        empty={
          <EmptyState title={t('care.waits.empty')} icon={<IconHourglass size={28} aria-hidden="true" />}>
            {manage ? t('care.waits.emptyLead') : t('care.waits.emptyLeadRead')}
          </EmptyState>
        }
      />
      <FormDialog opened={dialog?.kind === 'wait'} title={t('care.waits.addTitle')} onClose={close}>
        <WaitForm familyId={familyId} youths={youths} onDone={close} />
      </FormDialog>
      <FormDialog opened={dialog?.kind === 'bridging'} title={t('care.waits.addBridgingTitle')} onClose={close}>
        {dialog?.kind === 'bridging' && current(dialog.waitId) && <BridgingForm familyId={familyId} wait={current(dialog.waitId) as TWait} onDone={close} />}
      </FormDialog>
      <FormDialog opened={dialog?.kind === 'status'} title={t('care.waits.statusTitle')} onClose={close}>
        {dialog?.kind === 'status' && current(dialog.waitId) && <StatusForm familyId={familyId} wait={current(dialog.waitId) as TWait} onDone={close} />}
      </FormDialog>
      <FormDialog opened={dialog?.kind === 'marking'} title={t('marking.title')} onClose={close}>
        {dialog?.kind === 'marking' && current(dialog.waitId) && (
          <MarkItem
            item={current(dialog.waitId) as TWait}
            youths={youths}
            help={t('marking.helpWait')}
            label={(w) => w.serviceText}
            save={(w, body) => update.mutateAsync({ waitId: w.id, body })}
            reload={async () => (await waits.refetch()).data?.data.items.find((w) => w.id === dialog.waitId)}
            onDone={close}
          />
        )}
      </FormDialog>
    </FamilySection>
  );
}

function WaitForm({ familyId, youths, onDone }: { familyId: string; youths: TFamilyMember[]; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { create } = useWaitMutations(familyId);
  const [serviceText, setServiceText] = useState('');
  const [sinceOn, setSinceOn] = useState<string | null>(todayInBrussels());
  const [expectedStartOn, setExpectedStartOn] = useState<string | null>(null);
  const marking = useMarking();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: Record<string, string> = {};
    if (!marking.check()) found.youthMemberId = t('journalDisclosure.youthRequired');
    if (serviceText.trim().length < 2) found.serviceText = t('care.validation.tooShort', { min: 2 });
    if (!sinceOn) found.sinceOn = t('care.validation.required');
    if (sinceOn && expectedStartOn && expectedStartOn < sinceOn) found.expectedStartOn = t('care.waits.expectedBeforeSince');
    setErrors(found);
    if (Object.keys(found).length > 0 || !sinceOn) return;
    create.mutate(
      { serviceText: serviceText.trim(), sinceOn, expectedStartOn, ...markingBody(marking.value) },
      { onSuccess: () => (notify('green', t('care.waits.added')), onDone()), onError: (err) => setError(errorText(err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <TextInput
          label={t('care.waits.service')}
          description={t('care.waits.serviceHelp')}
          required
          maxLength={300}
          value={serviceText}
          onChange={(e) => setServiceText(e.currentTarget.value)}
          error={errors.serviceText}
          errorProps={{ role: 'alert' }}
          data-autofocus
        />
        <DateInput label={t('care.waits.since')} required value={sinceOn} onChange={setSinceOn} error={errors.sinceOn} maxDate={todayInBrussels()} />
        <DateInput label={t('care.waits.expected')} clearable value={expectedStartOn} onChange={setExpectedStartOn} error={errors.expectedStartOn} minDate={sinceOn ?? undefined} />
        <DisclosureChoice marking={marking} youths={youths} help={t('marking.helpWait')} />
        <DialogActions onCancel={onDone} pending={create.isPending} label={t('care.waits.add')} />
      </Stack>
    </form>
  );
}

function BridgingForm({ familyId, wait, onDone }: { familyId: string; wait: TWait; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { addBridging } = useWaitMutations(familyId);
  const [provider, setProvider] = useState('');
  const [what, setWhat] = useState('');
  const [fromOn, setFromOn] = useState<string | null>(todayInBrussels());
  const [untilOn, setUntilOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: Record<string, string> = {};
    if (provider.trim().length < 2) found.provider = t('care.validation.tooShort', { min: 2 });
    if (what.trim().length < 2) found.what = t('care.validation.tooShort', { min: 2 });
    if (!fromOn) found.fromOn = t('care.validation.required');
    if (fromOn && untilOn && untilOn < fromOn) found.untilOn = t('care.waits.untilBeforeFrom');
    setErrors(found);
    if (Object.keys(found).length > 0 || !fromOn) return;
    addBridging.mutate(
      { waitId: wait.id, body: { provider: provider.trim(), what: what.trim(), fromOn, untilOn } },
      { onSuccess: () => (notify('green', t('care.waits.bridgingAdded')), onDone()), onError: (err) => setError(errorText(err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('care.waits.bridgingFor', { service: wait.serviceText })}</Text>
        <FormError message={error} />
        <TextInput
          label={t('care.waits.provider')}
          description={t('care.waits.providerHelp')}
          required
          maxLength={200}
          value={provider}
          onChange={(e) => setProvider(e.currentTarget.value)}
          error={errors.provider}
          errorProps={{ role: 'alert' }}
          data-autofocus
        />
        <Textarea label={t('care.waits.what')} required autosize minRows={2} maxLength={500} value={what} onChange={(e) => setWhat(e.currentTarget.value)} error={errors.what} errorProps={{ role: 'alert' }} />
        <DateInput label={t('care.waits.fromOn')} required value={fromOn} onChange={setFromOn} error={errors.fromOn} />
        <DateInput label={t('care.waits.untilOn')} clearable value={untilOn} onChange={setUntilOn} error={errors.untilOn} minDate={fromOn ?? undefined} />
        <DialogActions onCancel={onDone} pending={addBridging.isPending} label={t('care.waits.addBridging')} />
      </Stack>
    </form>
  );
}

function StatusForm({ familyId, wait, onDone }: { familyId: string; wait: TWait; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { update } = useWaitMutations(familyId);
  const [status, setStatus] = useState<TWaitStatus>(wait.status === 'waiting' ? 'started' : 'waiting');
  const [endedOn, setEndedOn] = useState<string | null>(wait.endedOn ?? todayInBrussels());
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const ending = status !== 'waiting';
    if (ending && endedOn && endedOn < wait.sinceOn) return setFieldError(t('care.waits.endedBeforeSince'));
    setFieldError(undefined);
    update.mutate(
      { waitId: wait.id, body: { version: wait.version, status, ...(ending ? { endedOn } : {}) } },
      { onSuccess: () => (notify('green', t('care.waits.statusSaved')), onDone()), onError: (err) => setError(errorText(err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{wait.serviceText}</Text>
        <FormError message={error} />
        <Select
          label={t('care.waits.status')}
          data={WAIT_STATUSES.map((s) => ({ value: s, label: t(`care.waits.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus((v as TWaitStatus | null) ?? 'waiting')}
          allowDeselect={false}
          data-autofocus
        />
        {status !== 'waiting' && (
          <DateInput label={t('care.waits.endedOnLabel')} description={t('care.waits.endedOnHelp')} clearable value={endedOn} onChange={setEndedOn} error={fieldError} minDate={wait.sinceOn} />
        )}
        <DialogActions onCancel={onDone} pending={update.isPending} label={t('care.waits.saveStatus')} />
      </Stack>
    </form>
  );
}
