import { brusselsDay } from '../../components/format.js';
import { useState } from 'react';
import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPublication } from '../../../shared/schemas/governance.js';
import { usePublished, usePublishedMeeting, usePublishedPlan } from '../../api/governance.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton, SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { GOVERNANCE_PATH, useGovernanceFormat } from './governance-bits.js';
import { PlanStatusBadge, usePlanFormat } from './plan-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** What bodies published to the whole network: decisions of meetings and approved regional plans, read-only. */
export function PublishedPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const query = usePublished();
  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.data.items;
  return (
    <>
      <PageHeader title={t('planScreens.publishedTitle')} description={t('planScreens.publishedLead')} breadcrumbs={[{ label: t('governance.title'), to: GOVERNANCE_PATH }]} />
      <Stack gap="md" maw={960}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('planScreens.publishedEmpty')}</Text>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('planScreens.publishedTitle')}>
            {items.map((p) => (
              <PublicationCard key={p.id} publication={p} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

function PublicationCard({ publication: p }: { publication: TPublication }) {
  const { t } = useTranslation();
  const g = useGovernanceFormat();
  const [open, setOpen] = useState(false);
  const title = p.kind === 'plan' ? (p.planTitle ?? '') : t('planScreens.decisionsOf', { date: p.meetingDate ? g.day(p.meetingDate) : '' });
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h4" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <Badge variant="light" color={p.kind === 'plan' ? 'indigo' : 'teal'} c="gray.9" tt="none">
            {t(`planScreens.kind.${p.kind}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[p.bodyName, p.regionName, t('planScreens.publishedOn', { date: g.shortDay(brusselsDay(p.publishedAt)) })].join(' · ')}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen((v) => !v)} aria-expanded={open} style={{ alignSelf: 'flex-start' }} aria-label={`${open ? t('planScreens.hide') : t('planScreens.read')}: ${title}`}>
          {open ? t('planScreens.hide') : t('planScreens.read')}
        </Button>
        {open && (p.kind === 'plan' && p.planId ? <PublishedPlan id={p.planId} /> : p.meetingId ? <PublishedDecisions id={p.meetingId} /> : null)}
      </Stack>
    </Paper>
  );
}

function PublishedDecisions({ id }: { id: string }) {
  const { t } = useTranslation();
  const g = useGovernanceFormat();
  const query = usePublishedMeeting(id, true);
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const decisions = query.data.data.decisions;
  if (decisions.length === 0) return <Text c="dimmed">{t('planScreens.noDecisions')}</Text>;
  return (
    <List spacing="xs">
      {decisions.map((d) => (
        <List.Item key={d.itemId}>
          <Text fw={600}>
            {d.position}. {d.title}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{d.decision}</Text>
          {d.amendments.length > 0 && (
            <Stack gap={2} mt={4}>
              <Text size="sm" fw={600}>
                {t('govPublishedAmendments.title')}
              </Text>
              <List size="sm" spacing={2}>
                {d.amendments.map((a, i) => (
                  <List.Item key={i}>
                    <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {a.text}
                    </Text>{' '}
                    <Text span size="sm" c="dimmed">
                      {t('govPublishedAmendments.on', { date: g.shortDay(brusselsDay(a.createdAt)) })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function PublishedPlan({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const query = usePublishedPlan(id, true);
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data.data;
  return (
    <Stack gap="xs">
      {plan.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.description}</Text>}
      <Text fw={600}>{t('planScreens.approvedBudget', { amount: f.euro(plan.totalBudgetCents) })}</Text>
      <List spacing="xs">
        {plan.actions.map((a) => (
          <List.Item key={a.number}>
            <Group gap="xs" wrap="wrap">
              <Text span fw={600}>
                {a.number}. {a.description}
              </Text>
              <PlanStatusBadge status={a.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {[f.euro(a.budgetCents), a.responsible, a.conditions].filter(Boolean).join(' · ')}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
