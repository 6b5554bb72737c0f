import { useState } from 'react';
import { ActionIcon, Button, Divider, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { PLAN_LIMITS, ZPlanConflictResponse, ZPlanSave, type TPlanContent, type TPlanPeople, type TPlanVersion } from '../../../../shared/schemas/families/plan.js';
import { PLAN_ACTION_STATUSES } from '../../../../shared/schemas/families/enums.js';
import { fetchPlan, planKeys, useSavePlan } from '../../../api/families/plan.js';
import { ApiError, detailField, errorMessageKey } from '../../../api/client.js';
import { DateInput } from '../../../components/date-input.js';
import { zodValidate } from '../../../components/form/zod-form.js';
import { FormError } from '../../../components/form/form-error.js';
import { notify } from '../../../components/notify.js';
import { ownerFromValue, ownerValue, usePlanNames } from './plan-labels.js';
import { PlanConflictAlert } from './plan-conflict-alert.js';
import { findOverlaps, resolvePlan } from './plan-conflict.js';

interface TValues {
  summary: string;
  content: TPlanContent;
}

/** Goal priorities follow the order on screen (1 = first). */
function withPriorities(content: TPlanContent): TPlanContent {
  return { ...content, goals: content.goals.map((g, i) => ({ ...g, priority: i + 1 })) };
}

function sortedGoals(content: TPlanContent): TPlanContent {
  return { ...content, goals: [...content.goals].sort((a, b) => a.priority - b.priority) };
}

/**
 * The plan editor: every section of the plan, goals and actions added, removed and reordered, a
 * summary of the change, and the save. A save based on an older version than the current one is
 * refused by the server (409); the editor then shows who saved what in the meantime and keeps the
 * draft, which can be put on top of the newest version and saved again.
 */
export function PlanEditor({
  familyId,
  base: initialBase,
  people,
  onDone,
}: {
  familyId: string;
  base: TPlanVersion;
  people: TPlanPeople;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const names = usePlanNames(people);
  const save = useSavePlan(familyId);
  const [base, setBase] = useState(initialBase);
  /** The version somebody else saved while this draft was being made (from the 409 body). */
  const [conflict, setConflict] = useState<TPlanVersion | null>(null);
  /** Overlaps where the person chose the other person's version. */
  const [theirs, setTheirs] = useState<ReadonlySet<string>>(new Set());
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: { summary: '', content: sortedGoals(initialBase.content) },
    validate: zodValidate(ZPlanSave, t, (v: TValues) => ({ basedOn: base.number, summary: v.summary, content: withPriorities(v.content) })),
  });
  const c = form.values.content;
  const baseContent = withPriorities(base.content);
  const draftContent = withPriorities(c);
  // What both changed, from the draft as it is now (the person may go on typing before choosing).
  const overlaps = conflict ? findOverlaps(baseContent, draftContent, conflict.content) : [];

  const currentTeam = people.team.filter((p) => p.current);
  const ownerOptions = [
    { group: t('plan.owner.team'), items: currentTeam.map((p) => ({ value: `team:${p.personId}`, label: `${p.name} (${p.organisationName})` })) },
    { group: t('plan.owner.members'), items: people.members.filter((m) => m.current).map((m) => ({ value: `member:${m.id}`, label: m.name })) },
    { group: t('plan.owner.network'), items: people.network.filter((n) => n.current).map((n) => ({ value: `network:${n.id}`, label: n.name })) },
  ].filter((g) => g.items.length > 0);
  // An owner who left stays selectable on the action that already names them.
  const withOwner = (value: string) =>
    ownerOptions.some((g) => g.items.some((i) => i.value === value))
      ? ownerOptions
      : [...ownerOptions, { group: t('plan.owner.former'), items: [{ value, label: formerLabel(value) }] }];
  const formerLabel = (value: string) => {
    const o = ownerFromValue(value);
    return o ? names.owner(o) : t('plan.unknownPerson');
  };
  const firstOwner = ownerFromValue(ownerOptions[0]?.items[0]?.value ?? '');
  const domainOptions = people.domains.filter((d) => d.active).map((d) => ({ value: d.code, label: names.domain(d.code) }));
  const goalOptions = [{ value: '', label: t('plan.editor.noGoal') }, ...c.goals.map((g, i) => ({ value: g.key, label: `${i + 1}. ${g.text || t('plan.editor.untitledGoal')}` }))];
  const statusOptions = PLAN_ACTION_STATUSES.map((s) => ({ value: s, label: names.status(s) }));
  const networkOptions = people.network.filter((n) => n.current).map((n) => ({ value: n.id, label: `${n.name} (${n.relation})` }));

  async function submit(values: TValues) {
    setFormError(null);
    try {
      await save.mutateAsync({ basedOn: base.number, summary: values.summary, content: withPriorities(values.content) });
      notify('green', t('plan.editor.saved'));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        // The 409 carries the version saved in the meantime; older servers did not: then ask for it.
        const current = ZPlanConflictResponse.safeParse(err.body).data?.error.current ?? (await fetchPlan(familyId)).data.current;
        setConflict(current);
        setTheirs(new Set());
        // The names of people the other person may have added (the draft in the form stays as it is).
        void queryClient.invalidateQueries({ queryKey: planKeys.current(familyId) });
        return;
      }
      if (err instanceof ApiError && err.details?.length) {
        for (const d of err.details) form.setFieldError(detailField(d.path), d.message);
      }
      setFormError(t(errorMessageKey(err)));
    }
  }

  function putOnTop() {
    if (!conflict) return;
    const merged = resolvePlan(baseContent, draftContent, conflict.content, overlaps, theirs);
    form.setFieldValue('content', merged);
    setBase(conflict);
    setConflict(null);
    setTheirs(new Set());
    notify('green', t('plan.conflict.reloaded'));
  }

  const remove = (path: string, index: number) => form.removeListItem(path, index);
  const move = (path: string, from: number, to: number) => form.reorderListItem(path, { from, to });
  const moveButtons = (path: string, index: number, length: number, label: string) => (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" size="lg" disabled={index === 0} onClick={() => move(path, index, index - 1)} aria-label={t('plan.editor.moveUp', { item: label })}>
        <IconArrowUp size={18} aria-hidden="true" />
      </ActionIcon>
      <ActionIcon variant="default" size="lg" disabled={index === length - 1} onClick={() => move(path, index, index + 1)} aria-label={t('plan.editor.moveDown', { item: label })}>
        <IconArrowDown size={18} aria-hidden="true" />
      </ActionIcon>
      <ActionIcon variant="default" color="red" size="lg" onClick={() => remove(path, index)} aria-label={t('plan.editor.remove', { item: label })}>
        <IconTrash size={18} aria-hidden="true" />
      </ActionIcon>
    </Group>
  );

  const textList = (section: 'strengths' | 'worries' | 'agreements') => (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t(`plan.sections.${section}`)}
      </Title>
      {c[section].map((_, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <Textarea
            autosize
            minRows={1}
            style={{ flex: 1 }}
            label={t('plan.editor.itemLabel', { section: t(`plan.sections.${section}`), n: i + 1 })}
            {...form.getInputProps(`content.${section}.${i}`)}
          />
          <ActionIcon mt={26} variant="default" size="lg" onClick={() => remove(`content.${section}`, i)} aria-label={t('plan.editor.remove', { item: `${t(`plan.sections.${section}`)} ${i + 1}` })}>
            <IconTrash size={18} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <AddButton disabled={c[section].length >= PLAN_LIMITS.items} onClick={() => form.insertListItem(`content.${section}`, '')} label={t(`plan.editor.add.${section}`)} />
    </Stack>
  );

  return (
    <form onSubmit={form.onSubmit(submit, () => setFormError(t('plan.editor.fixErrors')))} noValidate>
      <Stack gap="lg">
        {conflict && (
          <PlanConflictAlert
            base={baseContent}
            current={conflict}
            people={people}
            overlaps={overlaps}
            theirs={theirs}
            onChoose={(id, side) =>
              setTheirs((prev) => {
                const next = new Set(prev);
                if (side === 'theirs') next.add(id);
                else next.delete(id);
                return next;
              })
            }
            onPutOnTop={putOnTop}
          />
        )}
        <FormError message={formError} />

        <Textarea autosize minRows={3} label={t('plan.sections.story')} description={t('plan.editor.storyHelp')} {...form.getInputProps('content.story')} />
        {textList('strengths')}
        {textList('worries')}

        <Divider />
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('plan.sections.goals')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('plan.editor.goalsHelp')}
          </Text>
          {c.goals.map((g, i) => (
            <Paper key={g.key} withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Text fw={600}>{t('plan.priority', { n: i + 1 })}</Text>
                  {moveButtons('content.goals', i, c.goals.length, t('plan.editor.goalN', { n: i + 1 }))}
                </Group>
                <Select label={t('plan.editor.domain')} data={domainOptions} allowDeselect={false} {...form.getInputProps(`content.goals.${i}.domain`)} />
                <Textarea autosize minRows={1} label={t('plan.editor.goalText')} {...form.getInputProps(`content.goals.${i}.text`)} />
              </Stack>
            </Paper>
          ))}
          <AddButton disabled={c.goals.length >= PLAN_LIMITS.goals} onClick={() => form.insertListItem('content.goals', { key: crypto.randomUUID(), domain: domainOptions[0]?.value ?? '', text: '', priority: c.goals.length + 1 })} label={t('plan.editor.add.goal')} />
        </Stack>

        <Divider />
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('plan.sections.actions')}
          </Title>
          {c.actions.map((a, i) => (
            <Paper key={a.key} withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Text fw={600}>{t('plan.editor.actionN', { n: i + 1 })}</Text>
                  {moveButtons('content.actions', i, c.actions.length, t('plan.editor.actionN', { n: i + 1 }))}
                </Group>
                <Textarea autosize minRows={1} label={t('plan.editor.what')} {...form.getInputProps(`content.actions.${i}.what`)} />
                <Select
                  label={t('plan.editor.who')}
                  data={withOwner(ownerValue(a.owner))}
                  allowDeselect={false}
                  searchable
                  value={ownerValue(a.owner)}
                  onChange={(v) => {
                    const o = v ? ownerFromValue(v) : null;
                    if (o) form.setFieldValue(`content.actions.${i}.owner`, o);
                  }}
                  error={form.errors[`content.actions.${i}.owner.personId`] ?? form.errors[`content.actions.${i}.owner.memberId`] ?? form.errors[`content.actions.${i}.owner.networkPersonId`]}
                />
                <Select
                  label={t('plan.editor.forGoal')}
                  data={goalOptions}
                  allowDeselect={false}
                  value={a.goalKey ?? ''}
                  onChange={(v) => form.setFieldValue(`content.actions.${i}.goalKey`, v ? v : null)}
                  error={form.errors[`content.actions.${i}.goalKey`]}
                />
                <Group grow wrap="wrap" align="flex-start">
                  <DateInput
                    label={t('plan.editor.dueOn')}
                    clearable
                    value={a.dueOn}
                    onChange={(v) => form.setFieldValue(`content.actions.${i}.dueOn`, v)}
                    error={form.errors[`content.actions.${i}.dueOn`]}
                  />
                  <Select label={t('plan.editor.status')} data={statusOptions} allowDeselect={false} {...form.getInputProps(`content.actions.${i}.status`)} />
                </Group>
              </Stack>
            </Paper>
          ))}
          <AddButton disabled={c.actions.length >= PLAN_LIMITS.actions || firstOwner === null} onClick={() =>
              firstOwner &&
              form.insertListItem('content.actions', {
                key: crypto.randomUUID(),
                goalKey: null,
                what: '',
                owner: firstOwner,
                dueOn: null,
                status: 'planned',
              })} label={t('plan.editor.add.action')} />
        </Stack>

        <Divider />
        {textList('agreements')}

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('plan.sections.evaluations')}
          </Title>
          {c.evaluations.map((e, i) => (
            <Group key={e.key} align="flex-start" wrap="wrap">
              <DateInput
                label={t('plan.editor.evaluationOn')}
                value={e.on || null}
                onChange={(v) => form.setFieldValue(`content.evaluations.${i}.on`, v ?? '')}
                error={form.errors[`content.evaluations.${i}.on`]}
              />
              <TextInput style={{ flex: 1, minWidth: '12rem' }} label={t('plan.editor.evaluationNote')} {...form.getInputProps(`content.evaluations.${i}.note`)} />
              <ActionIcon mt={26} variant="default" size="lg" onClick={() => remove('content.evaluations', i)} aria-label={t('plan.editor.remove', { item: t('plan.editor.evaluationN', { n: i + 1 }) })}>
                <IconTrash size={18} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          <AddButton disabled={c.evaluations.length >= PLAN_LIMITS.evaluations} onClick={() => form.insertListItem('content.evaluations', { key: crypto.randomUUID(), on: '', note: '' })} label={t('plan.editor.add.evaluation')} />
        </Stack>

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('plan.sections.network')}
          </Title>
          {networkOptions.length === 0 && c.network.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('plan.editor.noNetwork')}
            </Text>
          )}
          {c.network.map((n, i) => (
            <Group key={`${n.networkPersonId}-${i}`} align="flex-start" wrap="wrap">
              <Select label={t('plan.editor.networkPerson')} data={networkOptions} allowDeselect={false} {...form.getInputProps(`content.network.${i}.networkPersonId`)} />
              <TextInput style={{ flex: 1, minWidth: '12rem' }} label={t('plan.editor.networkHelp')} {...form.getInputProps(`content.network.${i}.help`)} />
              <ActionIcon mt={26} variant="default" size="lg" onClick={() => remove('content.network', i)} aria-label={t('plan.editor.remove', { item: names.network(n.networkPersonId) })}>
                <IconTrash size={18} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          {networkOptions.length > 0 && (
            <AddButton disabled={c.network.length >= networkOptions.length} onClick={() =>
                form.insertListItem('content.network', { networkPersonId: networkOptions.find((o) => !c.network.some((n) => n.networkPersonId === o.value))?.value ?? '', help: '' })} label={t('plan.editor.add.network')} />
          )}
        </Stack>

        <Divider />
        <TextInput required label={t('plan.editor.summary')} description={t('plan.editor.summaryHelp')} {...form.getInputProps('summary')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('plan.editor.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('plan.editor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} disabled={disabled} onClick={onClick} style={{ alignSelf: 'flex-start' }}>
      {label}
    </Button>
  );
}
