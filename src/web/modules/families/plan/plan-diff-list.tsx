import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffIsEmpty, type TPlanDiff, type TPlanPeople } from '../../../../shared/schemas/families/plan.js';
import { usePlanNames } from './plan-labels.js';

/** What changed between two versions, as short sentences (the conflict message and the comparison use it). */
export function PlanDiffList({ diff, people }: { diff: TPlanDiff; people: TPlanPeople }) {
  const { t } = useTranslation();
  const names = usePlanNames(people);
  if (diffIsEmpty(diff)) return <Text c="dimmed">{t('plan.diff.none')}</Text>;
  const lines: string[] = [];
  if (diff.story) lines.push(t('plan.diff.story'));
  for (const section of ['strengths', 'worries', 'agreements'] as const) {
    const label = t(`plan.sections.${section}`);
    for (const s of diff[section].added) lines.push(t('plan.diff.added', { section: label, item: s }));
    for (const s of diff[section].removed) lines.push(t('plan.diff.removed', { section: label, item: s }));
  }
  const goal = t('plan.diff.goal');
  for (const g of diff.goals.added) lines.push(t('plan.diff.added', { section: goal, item: g.text }));
  for (const g of diff.goals.removed) lines.push(t('plan.diff.removed', { section: goal, item: g.text }));
  for (const g of diff.goals.changed) lines.push(t('plan.diff.changed', { section: goal, item: g.after.text }));
  const action = t('plan.diff.action');
  for (const a of diff.actions.added) lines.push(t('plan.diff.added', { section: action, item: `${a.what} (${names.owner(a.owner)})` }));
  for (const a of diff.actions.removed) lines.push(t('plan.diff.removed', { section: action, item: a.what }));
  for (const a of diff.actions.changed) lines.push(t('plan.diff.changed', { section: action, item: a.after.what }));
  const evaluation = t('plan.diff.evaluation');
  for (const e of diff.evaluations.added) lines.push(t('plan.diff.added', { section: evaluation, item: e.on }));
  for (const e of diff.evaluations.removed) lines.push(t('plan.diff.removed', { section: evaluation, item: e.on }));
  for (const e of diff.evaluations.changed) lines.push(t('plan.diff.changed', { section: evaluation, item: e.after.on }));
  const network = t('plan.sections.network');
  for (const n of diff.network.added) lines.push(t('plan.diff.added', { section: network, item: names.network(n.networkPersonId) }));
  for (const n of diff.network.removed) lines.push(t('plan.diff.removed', { section: network, item: names.network(n.networkPersonId) }));
  for (const n of diff.network.changed) lines.push(t('plan.diff.changed', { section: network, item: names.network(n.after.networkPersonId) }));
  return (
    <List spacing={2} size="sm">
      {lines.map((l, i) => (
        <List.Item key={i}>{l}</List.Item>
      ))}
    </List>
  );
}
