import { useTranslation } from 'react-i18next';
import type { TPlanOwner, TPlanPeople } from '../../../../shared/schemas/families/plan.js';
import type { PLAN_ACTION_STATUSES } from '../../../../shared/schemas/families/enums.js';

export type TActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

/** Names for the ids a plan holds: owners, network people and life domains, in the current language. */
export function usePlanNames(people: TPlanPeople) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const unknown = t('plan.unknownPerson');
  const domain = (code: string) => {
    const d = people.domains.find((x) => x.code === code);
    return d ? (en ? d.nameEn : d.nameNl) : code;
  };
  const network = (id: string) => people.network.find((n) => n.id === id)?.name ?? unknown;
  const owner = (o: TPlanOwner): string => {
    if (o.kind === 'team') {
      const p = people.team.find((x) => x.personId === o.personId);
      return p ? `${p.name} (${p.organisationName})` : unknown;
    }
    if (o.kind === 'member') return people.members.find((m) => m.id === o.memberId)?.name ?? unknown;
    return network(o.networkPersonId);
  };
  const status = (s: TActionStatus) => t(`plan.status.${s}`);
  return { domain, network, owner, status };
}

/** The owner as a select value (`team:<id>`, `member:<id>`, `network:<id>`) and back. */
export function ownerValue(o: TPlanOwner): string {
  return o.kind === 'team' ? `team:${o.personId}` : o.kind === 'member' ? `member:${o.memberId}` : `network:${o.networkPersonId}`;
}
export function ownerFromValue(value: string): TPlanOwner | null {
  const [kind, id] = value.split(':');
  if (!id) return null;
  if (kind === 'team') return { kind, personId: id };
  if (kind === 'member') return { kind, memberId: id };
  if (kind === 'network') return { kind, networkPersonId: id };
  return null;
}

/** A date as the family reads it (1 december 2026). */
export function useDay() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (day: string) => fmt.format(new Date(`${day}T00:00:00Z`));
}
