import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../api/governance.js';
import { useMemberCandidates } from '../../api/governance-manage.js';
import { announcedError } from '../../components/form/error-text.js';

/**
 * Pickers of the meeting page's managers' forms (an agenda item's presenter, an action's owner):
 * a searchable Select fed by the body's members (GET …/bodies/:id/members) and, from two typed
 * characters on, by the platform's active people (GET …/bodies/:id/candidates, the same search as
 * adding a member; allowed to the same managers). Organisations come from the body's memberships.
 * Texts under `govPickers`.
 */

type Option = { value: string; label: string };

/** Unique options in the order met. */
function unique(options: Option[]): Option[] {
  const seen = new Map<string, Option>();
  for (const o of options) if (!seen.has(o.value)) seen.set(o.value, o);
  return [...seen.values()];
}

/** A person: current members of the body first, people of the platform found by name as well. */
export function PersonPicker({
  bodyId,
  label,
  description,
  value,
  initialLabel,
  onChange,
  error,
}: {
  bodyId: string;
  label: string;
  description?: string;
  value: string | null;
  /** The name of the person already chosen (an existing item), so it shows before any search. */
  initialLabel?: string | null;
  onChange: (personId: string | null, organisations: Option[]) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const members = useMembers(bodyId);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const candidates = useMemberCandidates(bodyId, debounced);
  const [chosen, setChosen] = useState<Option | null>(value && initialLabel ? { value, label: initialLabel } : null);
  const memberOptions = (members.data?.data.items ?? []).filter((m) => m.current).map((m) => ({ value: m.personId, label: m.personName }));
  const found = debounced.trim().length >= 2 ? (candidates.data?.data.items ?? []) : [];
  const needle = search.trim().toLocaleLowerCase('nl');
  const data = unique([
    ...(chosen ? [chosen] : []),
    ...memberOptions.filter((o) => needle === '' || o.label.toLocaleLowerCase('nl').includes(needle) || o.value === value),
    ...found.map((c) => ({ value: c.personId, label: c.name })),
  ]);
  return (
    <Select
      label={label}
      description={description ?? t('govPickers.personHint')}
      placeholder={t('govPickers.personPlaceholder')}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('govPickers.nobody')}
      onChange={(personId, option) => {
        setChosen(personId && option ? { value: personId, label: option.label } : null);
        const candidate = found.find((c) => c.personId === personId);
        const membership = (members.data?.data.items ?? []).filter((m) => m.personId === personId && m.current && m.organisationId);
        const organisations = candidate
          ? candidate.organisations.map((o) => ({ value: o.id, label: o.name }))
          : membership.map((m) => ({ value: m.organisationId ?? '', label: m.organisationName ?? '' }));
        onChange(personId, organisations);
      }}
      error={error}
      {...announcedError}
      miw={200}
    />
  );
}

/** An organisation: those the body's members represent (current first), plus `extra` (e.g. the chosen person's). */
export function OrganisationPicker({
  bodyId,
  label,
  value,
  extra = [],
  onChange,
  error,
}: {
  bodyId: string;
  label: string;
  value: string | null;
  extra?: Option[];
  onChange: (organisationId: string | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const members = useMembers(bodyId);
  const items = [...(members.data?.data.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const data = unique([
    ...extra,
    ...items.filter((m) => m.organisationId && m.organisationName).map((m) => ({ value: m.organisationId ?? '', label: m.organisationName ?? '' })),
  ]).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return (
    <Select
      label={label}
      description={t('govPickers.organisationHint')}
      placeholder={t('govPickers.organisationPlaceholder')}
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t('govPickers.noOrganisation')}
      error={error}
      {...announcedError}
      miw={200}
    />
  );
}
