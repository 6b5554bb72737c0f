import { useState } from 'react';
import { Anchor, Blockquote, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PLAN_ACTION_TRANSITIONS, PLAN_YEAR_MAX, type TPlanActionItem, type TPlanActionStatus, type TPlanDecisionItem, type TPlanDetail } from '../../../shared/schemas/governance.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { usePlanDecisionItems, useTransitionPlanAction } from '../../api/governance.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { meetingPath, useGovernanceFormat } from './governance-bits.js';

/** The Dutch message of a refusal (409 path or stale, 400), else the generic one. */
function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) =>
    error instanceof ApiError && error.code === 'version_conflict'
      ? t('governance.stale')
      : error instanceof ApiError && (error.status === 409 || error.status === 400)
        ? error.message
        : t(errorMessageKey(error));
}

/**
 * Choosing the decision a change comes from: the agenda items of kind decision of the body's
 * meetings (not cancelled), latest meeting first; typing searches them on the server (title or
 * decision), so older decisions than the 200 listed can be found. Optional: "none chosen" stays possible.
 */
export function DecisionSelect({ planId, bodyName, value, onChange }: { planId: string; bodyName: string; value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const g = useGovernanceFormat();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<TPlanDecisionItem | null>(null);
  const labelOf = (i: TPlanDecisionItem) => `${g.shortDay(i.meetingDate)} · ${i.title}${i.meetingStatus === 'planned' ? ` (${t('planDecisions.planned')})` : ''}`;
  // The search box shows the chosen item's label after a choice: that is no search.
  const typed = chosen && search === labelOf(chosen) ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const query = usePlanDecisionItems(planId, debounced);
  const items = query.data?.data.items ?? [];
  const current = chosen?.id === value ? chosen : (items.find((i) => i.id === value) ?? null);
  const options = [...(current ? [current] : []), ...items.filter((i) => i.id !== current?.id)];
  const noneAtAll = !query.isPending && items.length === 0 && debounced === '' && !current;
  return (
    <Stack gap={4}>
      <Select
        label={t('planDecisions.decision')}
        description={t('planDecisions.decisionHint', { body: bodyName })}
        placeholder={query.isPending ? t('planDecisions.loading') : noneAtAll ? t('planDecisions.noneAvailable') : t('planDecisions.noneChosen')}
        data={options.map((i) => ({ value: i.id, label: labelOf(i) }))}
        value={value}
        onChange={(id) => {
          setChosen(options.find((i) => i.id === id) ?? null);
          onChange(id);
        }}
        searchValue={search}
        onSearchChange={setSearch}
        // The server searched (title and decision); the list shows what it found.
        filter={({ options: found }) => found}
        disabled={query.isPending || noneAtAll}
        searchable
        clearable
        nothingFoundMessage={query.isFetching ? t('planDecisions.loading') : t('planDecisions.nothingFound')}
        error={query.isError ? t(errorMessageKey(query.error)) : undefined}
        comboboxProps={{ withinPortal: true }}
      />
      {current?.decision && (
        <Blockquote p="xs" ml={0} mt={4} color="gray" fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="chosen-decision">
          {current.decision}
        </Blockquote>
      )}
    </Stack>
  );
}

/** The next allowed steps of an action; a step opens a small form: the decision it comes from, (the year), a note. */
export function StatusSteps({ plan, action }: { plan: TPlanDetail; action: TPlanActionItem }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<TPlanActionStatus | null>(null);
  const next = PLAN_ACTION_TRANSITIONS[action.status];
  if (next.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('planScreens.nextStep')}
      </Text>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('planScreens.nextStepOf', { number: action.number })}>
        {next.map((status) => (
          <Button key={status} size="compact-sm" variant={target === status ? 'light' : 'default'} aria-expanded={target === status} onClick={() => setTarget((v) => (v === status ? null : status))}>
            {t(`planScreens.to.${status}`)}
          </Button>
        ))}
      </Group>
      {target && <StatusForm key={target} plan={plan} action={action} status={target} onClose={() => setTarget(null)} />}
    </Stack>
  );
}

function StatusForm({ plan, action, status, onClose }: { plan: TPlanDetail; action: TPlanActionItem; status: TPlanActionStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const transition = useTransitionPlanAction();
  const errorText = useErrorText();
  const [decisionItemId, setDecisionItemId] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>(plan.year + 1);
  const [note, setNote] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const statusName = t(`planScreens.status.${status}`);
  const submit = async () => {
    setFormError(null);
    try {
      await transition.mutateAsync({
        actionId: action.id,
        body: { version: action.version, status, note, decisionItemId, ...(status === 'moved' ? { movedToYear: Number(year) } : {}) },
      });
      notify('green', t('planScreens.statusChanged', { status: statusName }));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  };
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
        aria-label={t('planDecisions.formLabel', { number: action.number, status: statusName })}
      >
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('planDecisions.formTitle', { status: statusName })}
          </Text>
          <FormError message={formError} />
          <DecisionSelect planId={plan.id} bodyName={plan.bodyName} value={decisionItemId} onChange={setDecisionItemId} />
          <Group gap="sm" align="flex-end" wrap="wrap">
            {status === 'moved' && (
              <NumberInput label={t('planScreens.moveYear')} required min={plan.year + 1} max={PLAN_YEAR_MAX} allowDecimal={false} thousandSeparator="" value={year} onChange={setYear} w={140} />
            )}
            <TextInput label={t('planScreens.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} miw={200} maxLength={2000} style={{ flex: 1 }} />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('governance.cancel')}
            </Button>
            <Button type="submit" loading={transition.isPending}>
              {t('planDecisions.submit', { status: statusName })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The decision behind a change in the history: the agenda item's title and its meeting's day, linking to the meeting. */
export function DecisionLink({ change }: { change: { decisionItemTitle: string | null; decisionMeetingId: string | null; decisionMeetingDate: string | null } }) {
  const { t } = useTranslation();
  const g = useGovernanceFormat();
  if (!change.decisionItemTitle || !change.decisionMeetingId || !change.decisionMeetingDate) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('planDecisions.historyDecision')}{' '}
      <Anchor component={Link} to={meetingPath(change.decisionMeetingId)} size="xs" style={{ overflowWrap: 'anywhere' }}>
        {t('planDecisions.historyLink', { title: change.decisionItemTitle, date: g.shortDay(change.decisionMeetingDate) })}
      </Anchor>
    </Text>
  );
}
