import { useState } from 'react';
import { ActionIcon, Button, Fieldset, Group, Modal, MultiSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TPracticeContact, TPracticeDetail } from '../../../shared/schemas/learning-practices.js';
import { MAX_CONTACTS, MAX_PRACTICE_ORGANISATIONS } from '../../../shared/schemas/learning-practices.js';
import { usePracticeOrganisationOptions, usePracticeSectors } from '../../api/learning-practices.js';
import { FormError } from '../../components/form/form-error.js';
import { authErrorText } from '../../components/form/error-text.js';

export type TPracticeFormValues = {
  title: string;
  summary: string;
  goals: string;
  addedValue: string;
  bottlenecks: string;
  sectorCodes: string[];
  /** The organisations involved, with their names (to show the chosen ones without a search). */
  organisations: { id: string; name: string }[];
  contacts: { name: string; function: string; organisation: string; email: string }[];
};

export const toFormValues = (p?: TPracticeDetail): TPracticeFormValues => ({
  title: p?.title ?? '',
  summary: p?.summary ?? '',
  goals: p?.goals ?? '',
  addedValue: p?.addedValue ?? '',
  bottlenecks: p?.bottlenecks ?? '',
  sectorCodes: p?.sectors.map((s) => s.code) ?? [],
  organisations: p?.organisations ?? [],
  contacts: p?.contacts.map((c) => ({ ...c, email: c.email ?? '' })) ?? [],
});

/** The contacts as the API takes them (an empty e-mail is none). */
export const contactsOf = (v: TPracticeFormValues): TPracticeContact[] =>
  v.contacts.filter((c) => c.name.trim()).map((c) => ({ name: c.name, function: c.function, organisation: c.organisation, email: c.email.trim() ? c.email.trim() : null }));

/** The ids of the organisations involved, as the API takes them. */
export const organisationIdsOf = (v: TPracticeFormValues): string[] => v.organisations.map((o) => o.id);

/** Create or change a good practice in a dialog. */
export function PracticeFormDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  initial: TPracticeFormValues;
  pending: boolean;
  error: unknown;
  onSubmit: (v: TPracticeFormValues) => void;
}) {
  const { t } = useTranslation();
  const sectors = usePracticeSectors();
  const [v, setV] = useState(props.initial);
  const [orgSearch, setOrgSearch] = useState('');
  const orgOptions = usePracticeOrganisationOptions(orgSearch.trim(), props.opened);
  const orgNames = new Map([...v.organisations.map((o) => [o.id, o.name] as const), ...(orgOptions.data?.data ?? []).map((o) => [o.id, o.name] as const)]);
  const orgData = [...orgNames.entries()].map(([value, label]) => ({ value, label }));
  const set = <K extends keyof TPracticeFormValues>(k: K, value: TPracticeFormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const setContact = (i: number, k: keyof TPracticeFormValues['contacts'][number], value: string) =>
    setV((old) => ({ ...old, contacts: old.contacts.map((c, j) => (j === i ? { ...c, [k]: value } : c)) }));

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="xl" closeButtonProps={{ 'aria-label': t('goodPractices.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(v);
        }}
      >
        <Stack gap="sm">
          <FormError message={props.error ? authErrorText(t, props.error) : null} />
          <TextInput label={t('goodPractices.fields.title')} value={v.title} onChange={(e) => set('title', e.currentTarget.value)} required minLength={3} maxLength={200} />
          <Textarea label={t('goodPractices.fields.summary')} description={t('goodPractices.fields.summaryHint')} value={v.summary} onChange={(e) => set('summary', e.currentTarget.value)} required minLength={10} maxLength={6000} autosize minRows={3} />
          <Textarea label={t('goodPractices.fields.goals')} value={v.goals} onChange={(e) => set('goals', e.currentTarget.value)} maxLength={6000} autosize minRows={2} />
          <Textarea label={t('goodPractices.fields.addedValue')} value={v.addedValue} onChange={(e) => set('addedValue', e.currentTarget.value)} maxLength={6000} autosize minRows={2} />
          <Textarea label={t('goodPractices.fields.bottlenecks')} value={v.bottlenecks} onChange={(e) => set('bottlenecks', e.currentTarget.value)} maxLength={6000} autosize minRows={2} />
          <MultiSelect
            label={t('goodPractices.fields.sectors')}
            data={(sectors.data?.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
            value={v.sectorCodes}
            onChange={(x) => set('sectorCodes', x)}
            searchable
            clearable
          />
          <MultiSelect
            label={t('goodPractices.fields.organisations')}
            description={t('practiceOrganisations.hint')}
            placeholder={v.organisations.length ? undefined : t('practiceOrganisations.placeholder')}
            nothingFoundMessage={orgOptions.isFetching ? t('practiceOrganisations.searching') : t('practiceOrganisations.nothingFound')}
            data={orgData}
            value={v.organisations.map((o) => o.id)}
            onChange={(ids) => set('organisations', ids.map((id) => ({ id, name: orgNames.get(id) ?? id })))}
            searchable
            searchValue={orgSearch}
            onSearchChange={setOrgSearch}
            filter={({ options }) => options}
            maxValues={MAX_PRACTICE_ORGANISATIONS}
            clearable
            hidePickedOptions
          />
          <Fieldset legend={t('goodPractices.fields.contacts')}>
            <Stack gap="sm">
              {v.contacts.map((c, i) => (
                <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
                    <TextInput label={t('goodPractices.contact.name')} value={c.name} onChange={(e) => setContact(i, 'name', e.currentTarget.value)} required maxLength={120} />
                    <TextInput label={t('goodPractices.contact.function')} value={c.function} onChange={(e) => setContact(i, 'function', e.currentTarget.value)} maxLength={120} />
                    <TextInput label={t('goodPractices.contact.organisation')} value={c.organisation} onChange={(e) => setContact(i, 'organisation', e.currentTarget.value)} maxLength={200} />
                    <TextInput label={t('goodPractices.contact.email')} type="email" value={c.email} onChange={(e) => setContact(i, 'email', e.currentTarget.value)} maxLength={254} />
                  </SimpleGrid>
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('goodPractices.contact.remove', { n: i + 1 })} onClick={() => set('contacts', v.contacts.filter((_, j) => j !== i))}>
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              ))}
              {v.contacts.length < MAX_CONTACTS && (
                <Group>
                  <Button variant="default" size="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => set('contacts', [...v.contacts, { name: '', function: '', organisation: '', email: '' }])}>
                    {t('goodPractices.contact.add')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('goodPractices.cancel')}
            </Button>
            <Button type="submit" loading={props.pending}>
              {t('goodPractices.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
