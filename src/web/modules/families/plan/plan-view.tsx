import type { ReactNode } from 'react';
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPlanContent, TPlanDiff, TPlanPeople } from '../../../../shared/schemas/families/plan.js';
import { useDay, usePlanNames } from './plan-labels.js';
import classes from './plan.module.css';

/** Which items to mark, when the view shows one side of a comparison. */
export interface THighlight {
  diff: TPlanDiff;
  side: 'from' | 'to';
}

function mark(h: THighlight | undefined, kind: 'list' | 'keyed', section: keyof TPlanDiff, id: string): string | undefined {
  if (!h) return undefined;
  const d = h.diff[section] as { added: unknown[]; removed: unknown[]; changed?: { key: string }[] };
  if (kind === 'list') {
    if (h.side === 'to' && (d.added as string[]).includes(id)) return classes.added;
    if (h.side === 'from' && (d.removed as string[]).includes(id)) return classes.removed;
    return undefined;
  }
  const keyOf = (x: unknown) => {
    const o = x as { key?: string; networkPersonId?: string };
    return o.key ?? o.networkPersonId ?? '';
  };
  if (h.side === 'to' && d.added.some((x) => keyOf(x) === id)) return classes.added;
  if (h.side === 'from' && d.removed.some((x) => keyOf(x) === id)) return classes.removed;
  if (d.changed?.some((c) => c.key === id)) return classes.changed;
  return undefined;
}

function Section({ title, children, level }: { title: string; children: ReactNode; level: 2 | 3 | 4 }) {
  return (
    <section>
      <Title order={level} size="h3" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function TextList({ items, empty, h, section }: { items: string[]; empty: string; h: THighlight | undefined; section: keyof TPlanDiff }) {
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <List spacing={4}>
      {items.map((s, i) => (
        <List.Item key={`${i}-${s}`} className={mark(h, 'list', section, s)}>
          {s}
        </List.Item>
      ))}
    </List>
  );
}

/** The plan in plain language: story, strengths, worries, goals per life domain, actions, agreements, evaluations, network. */
export function PlanView({ content, people, highlight, level = 2 }: { content: TPlanContent; people: TPlanPeople; highlight?: THighlight; level?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const names = usePlanNames(people);
  const day = useDay();
  const goals = [...content.goals].sort((a, b) => a.priority - b.priority);
  const storyChanged = highlight?.diff.story ? classes.changed : undefined;

  return (
    <Stack gap="lg">
      <Section title={t('plan.sections.story')} level={level}>
        {content.story ? (
          <Text className={`${classes.story} ${storyChanged ?? ''}`}>{content.story}</Text>
        ) : (
          <Text c="dimmed">{t('plan.empty.story')}</Text>
        )}
      </Section>
      <Section title={t('plan.sections.strengths')} level={level}>
        <TextList items={content.strengths} empty={t('plan.empty.list')} h={highlight} section="strengths" />
      </Section>
      <Section title={t('plan.sections.worries')} level={level}>
        <TextList items={content.worries} empty={t('plan.empty.list')} h={highlight} section="worries" />
      </Section>
      <Section title={t('plan.sections.goals')} level={level}>
        {goals.length === 0 ? (
          <Text c="dimmed">{t('plan.empty.goals')}</Text>
        ) : (
          <Stack gap="sm">
            {goals.map((g) => {
              const actions = content.actions.filter((a) => a.goalKey === g.key);
              return (
                <Paper key={g.key} withBorder p="sm" radius="md" className={mark(highlight, 'keyed', 'goals', g.key)}>
                  <Group gap="xs" mb={4} wrap="wrap">
                    <Badge variant="light" c="gray.9" tt="none">
                      {t('plan.priority', { n: g.priority })}
                    </Badge>
                    <Badge variant="light" color="gray" tt="none">
                      {names.domain(g.domain)}
                    </Badge>
                  </Group>
                  <Text fw={600}>{g.text}</Text>
                  {actions.length > 0 && <ActionList actions={actions} names={names} day={day} highlight={highlight} />}
                </Paper>
              );
            })}
          </Stack>
        )}
      </Section>
      {content.actions.some((a) => a.goalKey === null) && (
        <Section title={t('plan.sections.otherActions')} level={level}>
          <ActionList actions={content.actions.filter((a) => a.goalKey === null)} names={names} day={day} highlight={highlight} />
        </Section>
      )}
      <Section title={t('plan.sections.agreements')} level={level}>
        <TextList items={content.agreements} empty={t('plan.empty.list')} h={highlight} section="agreements" />
      </Section>
      <Section title={t('plan.sections.evaluations')} level={level}>
        {content.evaluations.length === 0 ? (
          <Text c="dimmed">{t('plan.empty.evaluations')}</Text>
        ) : (
          <List spacing={4}>
            {[...content.evaluations]
              .sort((a, b) => a.on.localeCompare(b.on))
              .map((e) => (
                <List.Item key={e.key} className={mark(highlight, 'keyed', 'evaluations', e.key)}>
                  {day(e.on)}
                  {e.note ? ` — ${e.note}` : ''}
                </List.Item>
              ))}
          </List>
        )}
      </Section>
      <Section title={t('plan.sections.network')} level={level}>
        {content.network.length === 0 ? (
          <Text c="dimmed">{t('plan.empty.list')}</Text>
        ) : (
          <List spacing={4}>
            {content.network.map((n) => (
              <List.Item key={n.networkPersonId} className={mark(highlight, 'keyed', 'network', n.networkPersonId)}>
                <Text span fw={600}>
                  {names.network(n.networkPersonId)}
                </Text>
                {`: ${n.help}`}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

function ActionList({
  actions,
  names,
  day,
  highlight,
}: {
  actions: TPlanContent['actions'];
  names: ReturnType<typeof usePlanNames>;
  day: (d: string) => string;
  highlight: THighlight | undefined;
}) {
  const { t } = useTranslation();
  return (
    <List spacing={6} mt="xs">
      {actions.map((a) => (
        <List.Item key={a.key} className={mark(highlight, 'keyed', 'actions', a.key)}>
          <Text span>{a.what}</Text>
          <Text span c="dimmed" size="sm">
            {' — '}
            {t('plan.actionLine', { owner: names.owner(a.owner), status: names.status(a.status) })}
            {a.dueOn ? `, ${t('plan.dueOn', { date: day(a.dueOn) })}` : ''}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
