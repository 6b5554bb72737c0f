import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFamilySignal } from '../../../../shared/schemas/families/care.js';
import { useFamilySignalMutations, useFamilySignals, useRaiseSignal } from '../../../api/families/care.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { formatDateTime } from '../../../components/format.js';
import { FormError } from '../../../components/form/form-error.js';
import { ResponsiveList, type TListColumn } from '../../../components/list/responsive-list.js';
import { notify } from '../../../components/notify.js';
import { EmptyState } from '../../../components/states.js';
import { useFamilyContext } from '../family/family-layout.js';
import { FormDialog, FamilySection, DialogActions, StateBadge, useErrorText } from '../family-ui.js';

const REASON_MIN = 5;
const REASON_MAX = 1000;
type TConfirm = { step: 'resolve' | 'escalate'; signal: TFamilySignal } | null;

/**
 * The signals tab: the family's blocked-trajectory signals (by hand or by rule), signalling one by
 * hand with a reason, resolving one, and (the contact person) bringing one to the case table.
 */
export function FamilySignalsTab() {
  const { t, i18n } = useTranslation();
  const { data } = useFamilyContext();
  const familyId = data.family.id;
  const signals = useFamilySignals(familyId);
  const { resolve, escalate } = useFamilySignalMutations(familyId);
  const errorText = useErrorText();
  const [raising, setRaising] = useState(false);
  const [confirm, setConfirm] = useState<TConfirm>(null);
  const abilities = signals.data?.abilities ?? { raise: false, resolve: false, escalate: false };
  const lang = i18n.language;

  const why = (s: TFamilySignal) => (s.rule ? t(`care.rules.${s.rule}`) : s.reason);
  const state = (s: TFamilySignal) =>
    s.resolvedAt ? (
      <StateBadge color="green">{t('care.familySignals.resolved')}</StateBadge>
    ) : s.escalatedAt ? (
      <StateBadge color="orange">{t('care.familySignals.escalated')}</StateBadge>
    ) : (
      <StateBadge color="red">{t('care.familySignals.open')}</StateBadge>
    );
  const raisedBy = (s: TFamilySignal) =>
    s.source === 'rule' ? t('care.familySignals.byRule') : t('care.familySignals.byPerson', { name: s.raisedByName ?? t('care.familySignals.someone') });
  const actions = (s: TFamilySignal) =>
    s.resolvedAt ? null : (
      <Group gap="xs" wrap="wrap">
        {abilities.resolve && (
          <Button size="xs" variant="default" onClick={() => setConfirm({ step: 'resolve', signal: s })} aria-label={t('care.familySignals.resolveOf', { why: why(s) })}>
            {t('care.familySignals.resolve')}
          </Button>
        )}
        {abilities.escalate && !s.escalatedAt && (
          <Button size="xs" variant="light" onClick={() => setConfirm({ step: 'escalate', signal: s })} aria-label={t('care.familySignals.escalateOf', { why: why(s) })}>
            {t('care.signals.escalate')}
          </Button>
        )}
      </Group>
    );

  const columns: TListColumn<TFamilySignal>[] = [
    { key: 'reason', header: t('care.signals.reason'), rowHeader: true, cell: (s) => <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{why(s)}</Text> },
    { key: 'raised', header: t('care.familySignals.raised'), cell: (s) => (
      <>
        <Text size="sm">{formatDateTime(s.raisedAt, lang)}</Text>
        <Text size="xs">{raisedBy(s)}</Text>
      </>
    ), compare: (a, b) => a.raisedAt.localeCompare(b.raisedAt) },
    { key: 'state', header: t('care.familySignals.state'), cell: state },
    { key: 'actions', header: t('care.signals.action'), cell: actions },
  ];

  const runConfirm = () => {
    if (!confirm) return;
    const mutation = confirm.step === 'resolve' ? resolve : escalate;
    mutation.mutate(
      { signalId: confirm.signal.id, version: confirm.signal.version },
      {
        onSuccess: () => {
          notify('green', t(confirm.step === 'resolve' ? 'care.familySignals.resolvedDone' : 'care.familySignals.escalatedDone'));
          setConfirm(null);
        },
        onError: (err) => notify('red', errorText(err)),
      },
    );
  };

  return (
    <FamilySection
      id="family-signals-title"
      title={t('care.familySignals.title')}
      lead={t('care.familySignals.lead')}
      action={
        abilities.raise && (
          <Button size="sm" color="red.9" leftSection={<IconFlag size={16} aria-hidden="true" />} onClick={() => setRaising(true)}>
            {t('care.familySignals.raise')}
          </Button>
        )
      }
    >
      <ResponsiveList
        items={signals.data?.data.items}
        query={signals}
        getKey={(s) => s.id}
        labelledBy="family-signals-title"
        columns={columns}
        card={(s) => (
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              {state(s)}
              <Text size="xs">{formatDateTime(s.raisedAt, lang)}</Text>
            </Group>
            <Text style={{ overflowWrap: 'anywhere' }}>{why(s)}</Text>
            <Text size="sm">{raisedBy(s)}</Text>
            {actions(s)}
          </Stack>
        )}
        empty={
          <EmptyState title={t('care.familySignals.empty')} icon={<IconAlertTriangle size={28} aria-hidden="true" />}>
            {t('care.familySignals.emptyLead')}
          </EmptyState>
        }
      />
      <FormDialog opened={raising} title={t('care.familySignals.raiseTitle')} onClose={() => setRaising(false)}>
        <RaiseForm familyId={familyId} onDone={() => setRaising(false)} />
      </FormDialog>
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm?.step === 'escalate' ? t('care.familySignals.escalateTitle') : t('care.familySignals.resolveTitle')}
        confirmLabel={confirm?.step === 'escalate' ? t('care.signals.escalate') : t('care.familySignals.resolve')}
        loading={resolve.isPending || escalate.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={runConfirm}
      >
        {confirm?.step === 'escalate' ? t('care.familySignals.escalateText') : t('care.familySignals.resolveText', { why: confirm ? why(confirm.signal) : '' })}
      </ConfirmDialog>
    </FamilySection>
  );
}

function RaiseForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const raise = useRaiseSignal(familyId);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (reason.trim().length < REASON_MIN) return setFieldError(t('care.validation.tooShort', { min: REASON_MIN }));
    setFieldError(undefined);
    raise.mutate({ reason: reason.trim() }, { onSuccess: () => (notify('green', t('care.familySignals.raised_done')), onDone()), onError: (err) => setError(errorText(err)) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('care.familySignals.raiseText')}</Text>
        <FormError message={error} />
        <Textarea
          label={t('care.familySignals.reason')}
          description={t('care.familySignals.reasonHelp')}
          required
          autosize
          minRows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError}
          errorProps={{ role: 'alert' }}
          data-autofocus
        />
        <DialogActions onCancel={onDone} pending={raise.isPending} label={t('care.familySignals.raise')} />
      </Stack>
    </form>
  );
}
