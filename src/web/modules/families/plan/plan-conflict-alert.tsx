import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffPlans, type TPlanContent, type TPlanPeople, type TPlanVersion } from '../../../../shared/schemas/families/plan.js';
import { formatDateTime } from '../../../components/format.js';
import { localeFor } from '../../../i18n.js';
import type { TPlanOverlap } from './plan-conflict.js';
import { PlanDiffList } from './plan-diff-list.js';
import { useDay, usePlanNames } from './plan-labels.js';

/**
 * The conflict message of the plan editor: who saved which version while the person was editing,
 * what that person changed, and — where both changed the same thing — both texts side by side
 * with a choice (the person's own by default). The draft stays in the editor below, untouched,
 * until the person puts it on top of the newest version.
 */
export function PlanConflictAlert(props: {
  base: TPlanContent;
  current: TPlanVersion;
  people: TPlanPeople;
  overlaps: readonly TPlanOverlap[];
  theirs: ReadonlySet<string>;
  onChoose: (id: string, side: 'mine' | 'theirs') => void;
  onPutOnTop: () => void;
}) {
  const { t, i18n } = useTranslation();
  const names = usePlanNames(props.people);
  const day = useDay();
  const ref = useRef<HTMLDivElement>(null);
  const author = props.current.author?.name ?? t('plan.unknownPerson');
  // The save button is at the bottom of a long form: bring the message into view and focus.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus();
  }, [props.current.number]);

  const describe = (o: TPlanOverlap, side: 'mine' | 'theirs'): string => {
    const v = o[side];
    if (v === null) return t('plan.conflict.removedIt');
    switch (o.section) {
      case 'story':
        return (v as string) || t('plan.conflict.emptyStory');
      case 'goals': {
        const g = v as TPlanContent['goals'][number];
        return `${names.domain(g.domain)}: ${g.text}`;
      }
      case 'actions': {
        const a = v as TPlanContent['actions'][number];
        return [a.what, names.owner(a.owner), names.status(a.status), a.dueOn ? t('plan.dueOn', { date: day(a.dueOn) }) : ''].filter(Boolean).join(' · ');
      }
      case 'evaluations': {
        const e = v as TPlanContent['evaluations'][number];
        return [e.on ? day(e.on) : '', e.note].filter(Boolean).join(' · ');
      }
      case 'network': {
        const n = v as TPlanContent['network'][number];
        return `${names.network(n.networkPersonId)}: ${n.help}`;
      }
    }
  };
  const labelOf = (o: TPlanOverlap): string => {
    if (o.section === 'story') return t('plan.sections.story');
    const item = o.mine ?? o.theirs;
    if (o.section === 'goals') return `${t('plan.diff.goal')}: ${(item as TPlanContent['goals'][number]).text}`;
    if (o.section === 'actions') return `${t('plan.diff.action')}: ${(item as TPlanContent['actions'][number]).what}`;
    if (o.section === 'evaluations') return `${t('plan.diff.evaluation')}: ${day((item as TPlanContent['evaluations'][number]).on)}`;
    return `${t('plan.sections.network')}: ${names.network((item as TPlanContent['network'][number]).networkPersonId)}`;
  };

  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" role="alert" title={t('plan.conflict.title')}>
      <Stack gap="sm">
        <Text>
          {t('plan.conflict.lead', {
            number: props.current.number,
            author,
            at: props.current.createdAt ? formatDateTime(props.current.createdAt, localeFor(i18n.language)) : '',
          })}
        </Text>
        {props.current.summary && <Text fs="italic">“{props.current.summary}”</Text>}
        <Text fw={600}>{t('plan.conflict.whatChanged')}</Text>
        <PlanDiffList diff={diffPlans(props.base, props.current.content)} people={props.people} />
        {props.overlaps.length > 0 && (
          <Stack gap="sm">
            <Text fw={600}>{t('plan.conflict.bothChanged', { author })}</Text>
            {props.overlaps.map((o) => (
              <Radio.Group
                key={o.id}
                label={labelOf(o)}
                value={props.theirs.has(o.id) ? 'theirs' : 'mine'}
                onChange={(v) => props.onChoose(o.id, v === 'theirs' ? 'theirs' : 'mine')}
              >
                <Stack gap={6} mt={6}>
                  {(['mine', 'theirs'] as const).map((side) => (
                    <Radio
                      key={side}
                      value={side}
                      label={side === 'mine' ? t('plan.conflict.mine') : t('plan.conflict.theirs', { author })}
                      description={<span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{describe(o, side)}</span>}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            ))}
          </Stack>
        )}
        <Text>{t('plan.conflict.draftKept')}</Text>
        <Group>
          <Button onClick={props.onPutOnTop}>{t('plan.conflict.putOnTop')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
