import { useState } from 'react';
import { Anchor, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN, ZPlanCreate } from '../../../shared/schemas/governance.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { useCreatePlan, usePlans } from '../../api/governance.js';
import { announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { notify } from '../../components/notify.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { todayInBrussels } from './governance-bits.js';
import { planPath } from './plan-bits.js';

/** The regional plans of a body (one per year) on the body's page; those who change the body start a new one. */
export function PlanSection({ bodyId, canCreate }: { bodyId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const query = usePlans(bodyId);
  const [creating, setCreating] = useState(false);
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const plans = [...query.data.data.items].sort((a, b) => b.year - a.year);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="plans-heading">
        {t('planScreens.section')}
      </Title>
      {plans.length === 0 ? (
        <Text c="dimmed">{t('planScreens.noPlans')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="plans-heading">
          {plans.map((plan) => (
            <Paper key={plan.id} component="li" withBorder p="sm" radius="md">
              <Anchor component={Link} to={planPath(plan.id)} fw={600}>
                {t('planScreens.planOfYear', { year: plan.year })}
              </Anchor>
              {plan.title && <Text size="sm" c="dimmed">{plan.title}</Text>}
            </Paper>
          ))}
        </Stack>
      )}
      {canCreate &&
        (creating ? (
          <CreatePlanForm bodyId={bodyId} taken={plans.map((p) => p.year)} onClose={() => setCreating(false)} />
        ) : (
          <Button variant="default" leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
            {t('planScreens.start')}
          </Button>
        ))}
    </Stack>
  );
}

interface TPlanValues {
  year: number | string;
  title: string;
}

function CreatePlanForm({ bodyId, taken, onClose }: { bodyId: string; taken: number[]; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan(bodyId);
  const [formError, setFormError] = useState<string | null>(null);
  let year = Number(todayInBrussels().slice(0, 4));
  while (taken.includes(year)) year += 1;
  const form = useForm<TPlanValues>({
    mode: 'controlled',
    initialValues: { year, title: t('planScreens.defaultTitle', { year }) },
    validateInputOnBlur: true,
    validate: zodValidate<TPlanValues>(ZPlanCreate, t, (v) => ({ year: Number(v.year), title: v.title, description: '' })),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const plan = await create.mutateAsync({ year: Number(values.year), title: values.title, description: '' });
      notify('green', t('planScreens.started'));
      void navigate(planPath(plan.id));
    } catch (error) {
      setFormError(error instanceof ApiError && (error.status === 409 || error.status === 400) ? error.message : t(errorMessageKey(error)));
    }
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('planScreens.start')}>
        <Stack gap="sm">
          <FormError message={formError} />
          <Group grow gap="sm" align="flex-start" wrap="wrap">
            <NumberInput label={t('planScreens.year')} required min={PLAN_YEAR_MIN} max={PLAN_YEAR_MAX} allowDecimal={false} thousandSeparator="" miw={120} {...form.getInputProps('year')} {...announcedError} />
            <TextInput label={t('planScreens.planTitle')} required miw={200} {...form.getInputProps('title')} {...announcedError} />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('governance.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('planScreens.startSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
