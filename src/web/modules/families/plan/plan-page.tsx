import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconHistory, IconPrinter, IconThumbUp } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAgreePlan, usePlan } from '../../../api/families/plan.js';
import { errorMessageKey } from '../../../api/client.js';
import { PageHeader } from '../../../components/page-header.js';
import { SectionSkeleton } from '../../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../../components/states.js';
import { formatDateTime } from '../../../components/format.js';
import { notify } from '../../../components/notify.js';
import { localeFor } from '../../../i18n.js';
import { PlanEditor } from './plan-editor.js';
import { PlanView } from './plan-view.js';
import { PortalContributions } from './portal-contributions.js';
import { useDay } from './plan-labels.js';

/** The plan tab: the current version in plain language, who saved it and when, the family's agreement; editing for who may. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const plan = usePlan(id);
  const agree = useAgreePlan(id);
  const day = useDay();
  const [editing, setEditing] = useState(false);

  if (plan.isPending) return <SectionSkeleton />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} retrying={plan.isFetching} />;
  const { data, abilities } = plan.data;
  const v = data.current;
  const agreed = data.agreement?.version === v.number;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('plan.title')}
        documentTitle={`${t('plan.title')} — ${data.familyName}`}
        description={data.familyName}
        breadcrumbs={[{ label: t('plan.families'), to: '/gezinnen' }, { label: data.familyName, to: `/gezinnen/${id}` }]}
      />
      <Group gap="sm" wrap="wrap">
        {v.number === 0 ? (
          <Badge variant="light" color="gray" tt="none">
            {t('plan.noVersionYet')}
          </Badge>
        ) : (
          <Text>
            {t('plan.versionLine', {
              number: v.number,
              author: v.author?.name ?? t('plan.unknownPerson'),
              at: v.createdAt ? formatDateTime(v.createdAt, localeFor(i18n.language)) : '',
            })}
          </Text>
        )}
        {v.number > 0 && (
          <Text fw={600}>
            {agreed ? t('plan.agreed') : data.agreement ? t('plan.agreedEarlier', { number: data.agreement.version }) : t('plan.notAgreed')}
          </Text>
        )}
        {data.nextEvaluationOn && <Text c="dimmed">{t('plan.nextEvaluation', { date: day(data.nextEvaluationOn) })}</Text>}
      </Group>

      {!editing && (
        <Group gap="sm" wrap="wrap">
          {abilities.editPlan && (
            <Button leftSection={<IconEdit size={18} aria-hidden="true" />} onClick={() => setEditing(true)}>
              {v.number === 0 ? t('plan.start') : t('plan.edit')}
            </Button>
          )}
          {abilities.agreePlan && v.number > 0 && !agreed && (
            <Button
              variant="default"
              leftSection={<IconThumbUp size={18} aria-hidden="true" />}
              loading={agree.isPending}
              onClick={() =>
                agree.mutate(v.number, {
                  onSuccess: () => notify('green', t('plan.agreementRecorded')),
                  onError: (err) => notify('red', t(errorMessageKey(err))),
                })
              }
            >
              {t('plan.recordAgreement', { number: v.number })}
            </Button>
          )}
          {v.number > 0 && (
            <Button component={Link} to={`/gezinnen/${id}/plan/versies`} variant="default" leftSection={<IconHistory size={18} aria-hidden="true" />}>
              {t('plan.versions')}
            </Button>
          )}
          <Button component={Link} to={`/gezinnen/${id}/plan/afdruk`} variant="default" leftSection={<IconPrinter size={18} aria-hidden="true" />}>
            {t('plan.print')}
          </Button>
        </Group>
      )}

      {editing ? (
        <PlanEditor familyId={id} base={v} people={data.people} onDone={() => setEditing(false)} />
      ) : v.number === 0 ? (
        <EmptyState title={t('plan.emptyTitle')} order={2}>
          {abilities.editPlan ? t('plan.emptyCanEdit') : t('plan.emptyReadOnly')}
        </EmptyState>
      ) : (
        <PlanView content={v.content} people={data.people} />
      )}
      {!abilities.editPlan && v.number > 0 && (
        <Alert variant="light" color="gray">
          {t('plan.readOnly')}
        </Alert>
      )}
      {!editing && <PortalContributions familyId={id} />}
    </Stack>
  );
}
