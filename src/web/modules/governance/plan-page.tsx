import { useState } from 'react';
import { Alert, Badge, Button, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileSpreadsheet, IconHistory, IconPlus, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  BUDGET_CENTS_MAX,
  INDICATOR_SOURCES,
  PLAN_ACTION_STATUSES,
  ZIndicatorCreate,
  ZMeasurementCreate,
  ZPlanActionCreate,
  type TIndicator,
  type TIndicatorSource,
  type TPlanActionItem,
  type TPlanActionStatus,
  type TPlanDetail,
} from '../../../shared/schemas/governance.js';
import { ApiError, errorMessageKey, isNotFound } from '../../api/client.js';
import {
  planCsvUrl,
  planPrintUrl,
  useAddMeasurement,
  useCreateIndicator,
  useCreatePlanAction,
  useIndicator,
  useIndicators,
  useMeasureNow,
  usePlan,
  usePlanAction,
  usePlanActions,
} from '../../api/governance.js';
import { BarList, LineChart } from '../../components/charts.js';
import { DateInput } from '../../components/date-input.js';
import { euroToCents } from '../../components/format.js';
import { announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { notify } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton, SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { GOVERNANCE_PATH, bodyPath, todayInBrussels, useGovernanceFormat } from './governance-bits.js';
import { PublishControl } from './publish-control.js';
import { DecisionLink, DecisionSelect, StatusSteps } from './plan-decisions.js';
import { PLAN_STATUS_COLOR, PlanStatusBadge, usePlanFormat } from './plan-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

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

/** A regional plan: totals per status at a glance, its actions with their status path, and its indicators. */
export function PlanPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const login = useFullLogin();
  const query = usePlan(planId);
  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundMessage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const { data: plan, abilities } = query.data;
  return (
    <>
      <PageHeader
        title={plan.title}
        description={[plan.bodyName, plan.regionName, t('planScreens.planOfYear', { year: plan.year })].join(' · ')}
        breadcrumbs={[
          { label: t('governance.title'), to: GOVERNANCE_PATH },
          { label: plan.bodyName, to: bodyPath(plan.bodyId) },
        ]}
      />
      <Stack gap="xl" maw={960}>
        {plan.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.description}</Text>}
        <Group gap="sm" wrap="wrap" role="group" aria-label={t('governance.downloads')}>
          <Button component="a" href={planCsvUrl(plan.id)} variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />}>
            {t('planScreens.csv')}
          </Button>
          <Button component="a" href={planPrintUrl(plan.id)} target="_blank" rel="noopener" variant="default" leftSection={<IconPrinter size={18} aria-hidden="true" />}>
            {t('planScreens.print')}
          </Button>
        </Group>
        <PublishControl kind="plans" id={plan.id} />
        <Totals plan={plan} />
        <Actions plan={plan} canEdit={abilities.update} />
        <Indicators planId={plan.id} canEdit={abilities.update} />
      </Stack>
    </>
  );
}

function Totals({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="totals-heading">
        {t('planScreens.totals')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure label={t('planScreens.totalActions')} value={f.number(plan.total.count)} />
        <Figure label={t('planScreens.totalBudget')} value={f.euro(plan.total.budgetCents)} />
        <Figure label={t('planScreens.activeBudget')} value={f.euro(plan.total.activeBudgetCents)} testId="active-budget" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('planScreens.totalsText')}
      </Text>
      <BarList
        labelledBy="totals-heading"
        bars={plan.totals.map((row) => ({
          key: row.status,
          label: `${t(`planScreens.status.${row.status}`)} (${t('planScreens.actionCount', { count: row.count })})`,
          value: row.budgetCents,
          display: f.euro(row.budgetCents),
          color: `${PLAN_STATUS_COLOR[row.status]}.6`,
        }))}
      />
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}

function Actions({ plan, canEdit }: { plan: TPlanDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = usePlanActions(plan.id);
  const [filter, setFilter] = useState<TPlanActionStatus | null>(null);
  const [adding, setAdding] = useState(false);
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.data.items.filter((a) => filter === null || a.status === filter);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2} size="h3" id="actions-heading">
          {t('planScreens.actions')}
        </Title>
        <Select
          label={t('planScreens.filterStatus')}
          data={PLAN_ACTION_STATUSES.map((s) => ({ value: s, label: t(`planScreens.status.${s}`) }))}
          value={filter}
          onChange={(v) => setFilter(v as TPlanActionStatus | null)}
          clearable
          placeholder={t('planScreens.allStatuses')}
          w={240}
        />
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('planScreens.noActions')}</Text>
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="actions-heading">
          {items.map((action) => (
            <ActionCard key={action.id} plan={plan} action={action} canEdit={canEdit} />
          ))}
        </Stack>
      )}
      {canEdit &&
        (adding ? (
          <ActionForm plan={plan} onClose={() => setAdding(false)} />
        ) : (
          <Button variant="default" leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
            {t('planScreens.addAction')}
          </Button>
        ))}
    </Stack>
  );
}

function ActionCard({ plan, action, canEdit }: { plan: TPlanDetail; action: TPlanActionItem; canEdit: boolean }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const [showHistory, setShowHistory] = useState(false);
  const responsible = [action.responsiblePersonName, action.responsibleOrganisationName, action.responsibleText].filter(Boolean).join(', ');
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid={`plan-action-${action.number}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {action.number}. {action.description}
          </Title>
          <Group gap="xs">
            <PlanStatusBadge status={action.status} />
            {action.movedToYear !== null && (
              <Badge variant="outline" color="grape" c="grape.9" tt="none">
                {t('planScreens.movedTo', { year: action.movedToYear })}
              </Badge>
            )}
          </Group>
        </Group>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              {t('planScreens.budget')}:{' '}
            </Text>
            <Text span fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {f.euro(action.budgetCents)}
            </Text>
          </Text>
          {responsible && (
            <Text size="sm">
              <Text span c="dimmed">
                {t('planScreens.responsible')}:{' '}
              </Text>
              {responsible}
            </Text>
          )}
        </Group>
        {action.conditions && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('planScreens.conditions')}:{' '}
            </Text>
            {action.conditions}
          </Text>
        )}
        {action.movedFromActionId && (
          <Text size="sm" c="dimmed">
            {t('planScreens.continues')}
          </Text>
        )}
        {canEdit && <StatusSteps plan={plan} action={action} />}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconHistory size={16} aria-hidden="true" />}
          onClick={() => setShowHistory((v) => !v)}
          aria-expanded={showHistory}
          aria-label={`${showHistory ? t('planScreens.hideHistory') : t('planScreens.showHistory')}: ${action.number}`}
          style={{ alignSelf: 'flex-start' }}
        >
          {showHistory ? t('planScreens.hideHistory') : t('planScreens.showHistory')}
        </Button>
        {showHistory && <History actionId={action.id} />}
      </Stack>
    </Paper>
  );
}

function History({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const g = useGovernanceFormat();
  const query = usePlanAction(actionId, true);
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <List size="sm" spacing={4} data-testid="plan-history">
      {query.data.data.history.map((h) => (
        <List.Item key={h.id}>
          <Text span fw={600}>
            {g.shortDay(h.changedAt.slice(0, 10))}
          </Text>{' '}
          {h.fromStatus ? t('planScreens.historyFromTo', { from: t(`planScreens.status.${h.fromStatus}`), to: t(`planScreens.status.${h.toStatus}`) }) : t('planScreens.historyCreated', { to: t(`planScreens.status.${h.toStatus}`) })}
          {h.movedToYear !== null && ` (${t('planScreens.movedTo', { year: h.movedToYear })})`}
          {h.changedByName && <Text span c="dimmed"> — {h.changedByName}</Text>}
          <DecisionLink change={h} />
          {h.note && (
            <Text size="xs" c="dimmed">
              {h.note}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

interface TActionValues {
  description: string;
  responsibleText: string;
  budgetEuro: number | string;
  conditions: string;
}

function ActionForm({ plan, onClose }: { plan: TPlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePlanAction(plan.id);
  const [decisionItemId, setDecisionItemId] = useState<string | null>(null);
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const toBody = (v: TActionValues) => ({ description: v.description, responsibleText: v.responsibleText, budgetCents: euroToCents(v.budgetEuro) ?? 0, conditions: v.conditions });
  const form = useForm<TActionValues>({
    mode: 'controlled',
    initialValues: { description: '', responsibleText: '', budgetEuro: 0, conditions: '' },
    validateInputOnBlur: true,
    validate: (values) => {
      const errors = zodValidate<TActionValues>(ZPlanActionCreate, t, toBody)(values);
      if (errors.budgetCents) errors.budgetEuro = errors.budgetCents;
      return errors;
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await create.mutateAsync({ ...toBody(values), decisionItemId });
      notify('green', t('planScreens.actionAdded'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('planScreens.addAction')}>
        <Stack gap="sm">
          <FormError message={formError} />
          <Textarea label={t('planScreens.actionDescription')} required autosize minRows={2} {...form.getInputProps('description')} {...announcedError} />
          <Group grow gap="sm" align="flex-start" wrap="wrap">
            <TextInput label={t('planScreens.responsible')} miw={200} {...form.getInputProps('responsibleText')} {...announcedError} />
            <NumberInput
              label={t('planScreens.budgetEuro')}
              min={0}
              max={BUDGET_CENTS_MAX / 100}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator="."
              prefix="€ "
              miw={160}
              {...form.getInputProps('budgetEuro')}
              {...announcedError}
            />
          </Group>
          <TextInput label={t('planScreens.conditions')} description={t('planScreens.conditionsHint')} {...form.getInputProps('conditions')} {...announcedError} />
          <DecisionSelect planId={plan.id} bodyName={plan.bodyName} value={decisionItemId} onChange={setDecisionItemId} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('governance.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('planScreens.addActionSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Indicators({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useIndicators(planId);
  const [adding, setAdding] = useState(false);
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.data.items;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('planScreens.indicators')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('planScreens.noIndicators')}</Text>
      ) : (
        <Stack gap="md">
          {items.map((indicator) => (
            <IndicatorCard key={indicator.id} indicator={indicator} canEdit={canEdit} />
          ))}
        </Stack>
      )}
      {canEdit &&
        (adding ? (
          <IndicatorForm planId={planId} onClose={() => setAdding(false)} />
        ) : (
          <Button variant="default" leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
            {t('planScreens.addIndicator')}
          </Button>
        ))}
    </Stack>
  );
}

function IndicatorCard({ indicator, canEdit }: { indicator: TIndicator; canEdit: boolean }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const g = useGovernanceFormat();
  const detail = useIndicator(indicator.id);
  const measureNow = useMeasureNow(indicator.id);
  const errorText = useErrorText();
  const computed = indicator.source !== 'manual';
  const measurements = detail.data?.data.measurements ?? [];
  const withUnit = (v: number) => `${f.number(v)} ${indicator.unit}`;
  const headingId = `indicator-${indicator.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId} data-testid="indicator">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {indicator.name}
          </Title>
          <Badge variant="outline" color={computed ? 'indigo' : 'gray'} c={computed ? 'indigo.9' : 'gray.9'} tt="none">
            {t(`planScreens.source.${indicator.source}`)}
          </Badge>
        </Group>
        {indicator.definition && <Text size="sm">{indicator.definition}</Text>}
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              {computed ? t('planScreens.computedValue') : t('planScreens.latest')}:{' '}
            </Text>
            <Text span fw={700} data-testid="indicator-latest">
              {indicator.latest ? withUnit(indicator.latest.value) : t('planScreens.notMeasured')}
            </Text>
            {indicator.latest && <Text span c="dimmed"> ({g.shortDay(indicator.latest.measuredOn)})</Text>}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('planScreens.target')}:{' '}
            </Text>
            {indicator.target === null ? t('planScreens.noTarget') : withUnit(indicator.target)}
          </Text>
        </Group>
        {measurements.length > 0 && (
          <>
            <LineChart
              points={measurements.map((m) => ({ day: m.measuredOn, value: m.value }))}
              target={indicator.target}
              summary={t('planScreens.chartSummary', {
                name: indicator.name,
                count: measurements.length,
                last: withUnit(measurements[measurements.length - 1]?.value ?? 0),
                target: indicator.target === null ? t('planScreens.noTarget') : withUnit(indicator.target),
              })}
              formatValue={(v) => f.number(Math.round(v * 100) / 100)}
              formatDay={g.shortDay}
              targetLabel={indicator.target === null ? undefined : t('planScreens.targetLine', { value: f.number(indicator.target) })}
            />
            {/* A keyboard-focusable region: on a phone the table may scroll sideways (axe scrollable-region-focusable). */}
            <div tabIndex={0} role="region" aria-label={`${t('planScreens.measurements')}: ${indicator.name}`} style={{ overflowX: 'auto' }}>
              <Table striped withTableBorder captionSide="top" fz="sm">
                <Table.Caption>{t('planScreens.measurements')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('planScreens.measuredOn')}</Table.Th>
                    <Table.Th scope="col">{t('planScreens.value')}</Table.Th>
                    <Table.Th scope="col">{t('planScreens.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...measurements].reverse().map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{g.shortDay(m.measuredOn)}</Table.Td>
                      <Table.Td>{withUnit(m.value)}</Table.Td>
                      <Table.Td>{m.note}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
        {canEdit &&
          (computed ? (
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconRefresh size={16} aria-hidden="true" />}
              loading={measureNow.isPending}
              onClick={() => measureNow.mutate(undefined, { onSuccess: () => notify('green', t('planScreens.measured')), onError: (error) => notify('red', errorText(error)) })}
              aria-label={`${t('planScreens.measureNow')}: ${indicator.name}`}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('planScreens.measureNow')}
            </Button>
          ) : (
            <MeasurementForm indicator={indicator} />
          ))}
      </Stack>
    </Paper>
  );
}

interface TMeasurementValues {
  measuredOn: string | null;
  value: number | string;
  note: string;
}

function MeasurementForm({ indicator }: { indicator: TIndicator }) {
  const { t } = useTranslation();
  const add = useAddMeasurement(indicator.id);
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const toBody = (v: TMeasurementValues) => ({ measuredOn: v.measuredOn ?? '', value: typeof v.value === 'number' ? v.value : Number.NaN, note: v.note });
  const form = useForm<TMeasurementValues>({
    mode: 'controlled',
    initialValues: { measuredOn: todayInBrussels(), value: '', note: '' },
    validate: zodValidate<TMeasurementValues>(ZMeasurementCreate, t, toBody),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await add.mutateAsync(toBody(values));
      notify('green', t('planScreens.measurementAdded'));
      form.reset();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`${t('planScreens.addMeasurement')}: ${indicator.name}`}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('planScreens.addMeasurement')}
        </Text>
        <FormError message={formError} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <DateInput label={t('planScreens.measuredOn')} required value={form.values.measuredOn} onChange={(v) => form.setFieldValue('measuredOn', v)} error={form.errors.measuredOn} maxDate={todayInBrussels()} style={{ minWidth: 160 }} />
          <NumberInput label={`${t('planScreens.value')} (${indicator.unit})`} required decimalScale={4} decimalSeparator="," thousandSeparator="." w={160} {...form.getInputProps('value')} {...announcedError} />
          <TextInput label={t('planScreens.note')} miw={180} style={{ flex: 1 }} {...form.getInputProps('note')} {...announcedError} />
        </Group>
        <Button type="submit" size="compact-md" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('planScreens.addMeasurementSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

interface TIndicatorValues {
  name: string;
  definition: string;
  unit: string;
  target: number | string;
  source: TIndicatorSource;
}

function IndicatorForm({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateIndicator(planId);
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const toBody = (v: TIndicatorValues) => ({ name: v.name, definition: v.definition, unit: v.unit, source: v.source, target: typeof v.target === 'number' ? v.target : null });
  const form = useForm<TIndicatorValues>({
    mode: 'controlled',
    initialValues: { name: '', definition: '', unit: '', target: '', source: 'manual' },
    validateInputOnBlur: true,
    validate: zodValidate<TIndicatorValues>(ZIndicatorCreate, t, toBody),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await create.mutateAsync(toBody(values));
      notify('green', t('planScreens.indicatorAdded'));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('planScreens.addIndicator')}>
        <Stack gap="sm">
          <FormError message={formError} />
          <TextInput label={t('planScreens.indicatorName')} required {...form.getInputProps('name')} {...announcedError} />
          <Textarea label={t('planScreens.definition')} autosize minRows={2} {...form.getInputProps('definition')} {...announcedError} />
          <Group grow gap="sm" align="flex-start" wrap="wrap">
            <TextInput label={t('planScreens.unit')} required miw={140} {...form.getInputProps('unit')} {...announcedError} />
            <NumberInput label={t('planScreens.target')} decimalScale={4} decimalSeparator="," thousandSeparator="." miw={140} {...form.getInputProps('target')} {...announcedError} />
          </Group>
          <Select
            label={t('planScreens.sourceLabel')}
            data={INDICATOR_SOURCES.map((s) => ({ value: s, label: t(`planScreens.source.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
          {form.values.source !== 'manual' && (
            <Alert variant="light" color="indigo">
              {t('planScreens.computedHint')}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('governance.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('planScreens.addIndicatorSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
