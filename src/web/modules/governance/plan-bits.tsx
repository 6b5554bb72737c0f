import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPlanActionStatus } from '../../../shared/schemas/governance.js';
import { formatEuroCents } from '../../components/format.js';
import { localeFor } from '../../i18n.js';
import { GOVERNANCE_PATH } from './governance-bits.js';

export const planPath = (id: string) => `${GOVERNANCE_PATH}/plan/${encodeURIComponent(id)}`;
export const PUBLISHED_PATH = `${GOVERNANCE_PATH}/gepubliceerd`;

/** Colours of the plan statuses (badges and bars); darker text on light badges for contrast. */
export const PLAN_STATUS_COLOR: Record<TPlanActionStatus, string> = {
  agreed_in_principle: 'blue',
  budget_request_due: 'yellow',
  approved: 'teal',
  released: 'green',
  moved: 'grape',
  dropped: 'gray',
};

export function PlanStatusBadge({ status }: { status: TPlanActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={PLAN_STATUS_COLOR[status]} c="gray.9" tt="none">
      {t(`planScreens.status.${status}`)}
    </Badge>
  );
}

/** Euro and numbers in the person's language (nl-BE by default). */
export function usePlanFormat() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  return { locale, euro: (cents: number) => formatEuroCents(cents, locale), number: (v: number) => number.format(v) };
}
