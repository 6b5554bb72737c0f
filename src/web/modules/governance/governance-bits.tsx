import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TActionStatus, TMeeting } from '../../../shared/schemas/governance.js';
import { localeFor } from '../../i18n.js';

export const GOVERNANCE_PATH = '/overleg';
export const MY_ACTIONS_PATH = `${GOVERNANCE_PATH}/mijn-acties`;
export const bodyPath = (id: string) => `${GOVERNANCE_PATH}/${encodeURIComponent(id)}`;
export const meetingPath = (id: string) => `${GOVERNANCE_PATH}/vergadering/${encodeURIComponent(id)}`;

/** Today in Brussels as `YYYY-MM-DD` (upcoming meetings start there). */
export { todayInBrussels } from '../../components/format.js';

/** Days and hours in the person's language. */
export function useGovernanceFormat() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    shortDay: (iso: string) => shortDay.format(new Date(`${iso}T00:00:00Z`)),
    hours: (m: Pick<TMeeting, 'startTime' | 'endTime'>) => (m.startTime ? `${m.startTime.slice(0, 5)}${m.endTime ? `–${m.endTime.slice(0, 5)}` : ''}` : ''),
  };
}

const MEETING_COLOR: Record<TMeeting['status'], string> = { planned: 'blue', held: 'teal', cancelled: 'red' };

export function MeetingStatusBadge({ meeting }: { meeting: Pick<TMeeting, 'status' | 'minutesStatus'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color={MEETING_COLOR[meeting.status]} c="gray.9" tt="none">
        {t(`governance.meetingStatus.${meeting.status}`)}
      </Badge>
      {meeting.status === 'held' && (
        <Badge variant="outline" color={meeting.minutesStatus === 'approved' ? 'teal' : 'gray'} c="gray.9" tt="none">
          {t(`governance.minutesStatus.${meeting.minutesStatus}`)}
        </Badge>
      )}
    </>
  );
}

const ACTION_COLOR: Record<TActionStatus, string> = { open: 'orange', done: 'teal', dropped: 'gray' };

export function ActionStatusBadge({ status }: { status: TActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ACTION_COLOR[status]} c="gray.9" tt="none">
      {t(`governance.actionStatus.${status}`)}
    </Badge>
  );
}
