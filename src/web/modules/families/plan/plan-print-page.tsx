import { brusselsDay } from '../../../components/format.js';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePlan } from '../../../api/families/plan.js';
import { useDocumentTitle } from '../../../components/document-title.js';
import { SectionSkeleton } from '../../../components/skeletons.js';
import { ErrorState } from '../../../components/states.js';
import { formatDateTime } from '../../../components/format.js';
import { localeFor } from '../../../i18n.js';
import { PlanView } from './plan-view.js';
import { useDay } from './plan-labels.js';
import classes from './plan.module.css';

/** The calendar day (YYYY-MM-DD) of an instant in Brussels: an agreement at 00:30 belongs to that day, not to the UTC day before. */

/** The plan to print or hand to the family: plain Dutch, no buttons or navigation on paper. */
export function PlanPrintPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const plan = usePlan(id);
  const day = useDay();
  useDocumentTitle(plan.data ? `${t('plan.printTitle')} — ${plan.data.data.familyName}` : t('plan.printTitle'));

  if (plan.isPending) return <SectionSkeleton />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const { data } = plan.data;
  const v = data.current;
  return (
    <Stack gap="md" className={classes.print}>
      <Group className={classes.noPrint}>
        <Button leftSection={<IconPrinter size={18} aria-hidden="true" />} onClick={() => window.print()}>
          {t('plan.printNow')}
        </Button>
      </Group>
      <Title order={1}>{t('plan.printHeading', { family: data.familyName })}</Title>
      <Text>
        {v.number === 0
          ? t('plan.noVersionYet')
          : t('plan.versionLine', { number: v.number, author: v.author?.name ?? t('plan.unknownPerson'), at: v.createdAt ? formatDateTime(v.createdAt, localeFor(i18n.language)) : '' })}
      </Text>
      {data.agreement && <Text>{t('plan.printAgreement', { number: data.agreement.version, date: day(brusselsDay(data.agreement.at)) })}</Text>}
      {data.nextEvaluationOn && <Text>{t('plan.nextEvaluation', { date: day(data.nextEvaluationOn) })}</Text>}
      <PlanView content={v.content} people={data.people} />
    </Stack>
  );
}
