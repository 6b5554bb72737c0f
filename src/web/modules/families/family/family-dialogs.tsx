import { useState, type FormEvent } from 'react';
import { Alert, Checkbox, Group, NumberInput, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CONSENT_SCOPES, MEMBER_ROLES, OVERRIDE_BASES, type TConsentScope, type TMemberRole } from '../../../../shared/schemas/families/enums.js';
import { OVERRIDE_MAX_HOURS, OVERRIDE_REASON_MIN, type TFamilyMember, type TNetworkPerson } from '../../../../shared/schemas/families/family.js';
import { ApiError, detailField } from '../../../api/client.js';
import { DialogActions, FormDialog, useErrorText } from '../family-ui.js';
import {
  useAddMember,
  useAddNetwork,
  useAddTeamMember,
  useHandOver,
  useOverride,
  useRecordConsent,
  useTeamCandidates,
  useUpdateMember,
  useUpdateNetwork,
} from '../../../api/families/family.js';
import { DateInput } from '../../../components/date-input.js';
import { FormError } from '../../../components/form/form-error.js';
import { notify } from '../../../components/notify.js';
import { isStepUpCancelled, useStepUp } from '../../../components/step-up/step-up.js';
import type { TFamilyContext } from './family-layout.js';
import { todayInBrussels } from '../requests/labels.js';

/** The server's field errors (`body.name` → `name`), shown next to their fields. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.details) return {};
  return Object.fromEntries(error.details.map((d) => [detailField(d.path), d.message]));
}

type TDialogProps = { familyId: string; opened: boolean; onClose: () => void };

// ------------------------------------------------------------------ member

/** Adds a member, or with `member` changes one (only the fields that changed are sent, with the version read). */
export function MemberDialog({ familyId, member, opened, onClose }: TDialogProps & { member?: TFamilyMember | null }) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={member ? t('families.members.editTitle', { name: member.name }) : t('families.members.addTitle')}>
      <MemberForm familyId={familyId} member={member ?? null} onDone={onClose} />
    </FormDialog>
  );
}

function MemberForm({ familyId, member, onDone }: { familyId: string; member: TFamilyMember | null; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddMember(familyId);
  const update = useUpdateMember(familyId);
  const [role, setRole] = useState<TMemberRole>(member?.role ?? 'child');
  const [name, setName] = useState(member?.name ?? '');
  const [birthDate, setBirthDate] = useState<string | null>(member?.birthDate ?? null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'version_conflict') return setError(t('families.members.conflict'));
    setFieldErrors(fieldErrorsOf(err));
    setError(errorText(err));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    const trimmed = name.trim();
    if (!trimmed) return setFieldErrors({ name: t('families.required') });
    if (role === 'child' && !birthDate) return setFieldErrors({ birthDate: t('families.members.childNeedsBirthDate') });
    if (!member) {
      add.mutate({ role, name: trimmed, birthDate }, { onSuccess: () => (notify('green', t('families.members.added', { name: trimmed })), onDone()), onError });
      return;
    }
    const changes = {
      ...(role !== member.role ? { role } : {}),
      ...(trimmed !== member.name ? { name: trimmed } : {}),
      ...(birthDate !== member.birthDate ? { birthDate } : {}),
    };
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: member.id, version: member.version, ...changes }, { onSuccess: () => (notify('green', t('families.members.changed', { name: trimmed })), onDone()), onError });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <Select
          label={t('families.members.role')}
          data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`families.roles.${r}`) }))}
          value={role}
          onChange={(v) => setRole((v as TMemberRole | null) ?? 'child')}
          allowDeselect={false}
        />
        <TextInput label={t('families.members.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrors.name} data-autofocus />
        <DateInput
          label={t('families.members.birthDate')}
          description={role === 'child' ? t('families.members.birthDateHelp') : undefined}
          required={role === 'child'}
          clearable={role !== 'child'}
          maxDate={todayInBrussels()}
          value={birthDate}
          onChange={setBirthDate}
          error={fieldErrors.birthDate}
        />
        <DialogActions onCancel={onDone} pending={add.isPending || update.isPending} label={member ? t('families.saveChanges') : t('families.members.add')} />
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ network

/** Adds someone of the informal network, or with `person` changes them. */
export function NetworkDialog({ familyId, person, opened, onClose }: TDialogProps & { person?: TNetworkPerson | null }) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={person ? t('families.network.editTitle', { name: person.name }) : t('families.network.addTitle')}>
      <NetworkForm familyId={familyId} person={person ?? null} onDone={onClose} />
    </FormDialog>
  );
}

function NetworkForm({ familyId, person, onDone }: { familyId: string; person: TNetworkPerson | null; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddNetwork(familyId);
  const update = useUpdateNetwork(familyId);
  const [name, setName] = useState(person?.name ?? '');
  const [relation, setRelation] = useState(person?.relation ?? '');
  const [roleInPlan, setRoleInPlan] = useState(person?.roleInPlan ?? '');
  const [contact, setContact] = useState(person?.contact ?? '');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'version_conflict') return setError(t('families.network.conflict'));
    setFieldErrors(fieldErrorsOf(err));
    setError(errorText(err));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    const values = { name: name.trim(), relation: relation.trim(), roleInPlan: roleInPlan.trim() || null, contact: contact.trim() || null };
    const missing = { ...(values.name ? {} : { name: t('families.required') }), ...(values.relation ? {} : { relation: t('families.required') }) };
    if (Object.keys(missing).length) return setFieldErrors(missing);
    if (!person) {
      add.mutate(values, { onSuccess: () => (notify('green', t('families.network.added', { name: values.name })), onDone()), onError });
      return;
    }
    const changes = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== person[k as keyof typeof values]));
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: person.id, version: person.version, ...changes }, { onSuccess: () => (notify('green', t('families.network.changed', { name: values.name })), onDone()), onError });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <TextInput label={t('families.network.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrors.name} data-autofocus />
        <TextInput
          label={t('families.network.relation')}
          description={t('families.network.relationHelp')}
          required
          value={relation}
          onChange={(e) => setRelation(e.currentTarget.value)}
          error={fieldErrors.relation}
        />
        <TextInput label={t('families.network.roleInPlan')} value={roleInPlan} onChange={(e) => setRoleInPlan(e.currentTarget.value)} error={fieldErrors.roleInPlan} />
        <TextInput
          label={t('families.network.contact')}
          description={t('families.network.contactHelp')}
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          error={fieldErrors.contact}
        />
        <DialogActions onCancel={onDone} pending={add.isPending || update.isPending} label={person ? t('families.saveChanges') : t('families.network.add')} />
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ team and handover: a professional

function ProfessionalPicker({ familyId, value, onChange }: { familyId: string; value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const candidates = useTeamCandidates(familyId, q, true);
  const data = (candidates.data?.data ?? []).map((c) => ({ value: `${c.personId}|${c.organisationId}`, label: `${c.personName} — ${c.organisationName}` }));
  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        label={t('families.team.search')}
        description={t('families.team.personHelp')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-autofocus
      />
      <Select
        label={t('families.team.person')}
        required
        data={data}
        value={value}
        onChange={onChange}
        nothingFoundMessage={t('families.team.nothingFound')}
        placeholder={candidates.isFetching ? t('families.team.searching') : undefined}
      />
    </Stack>
  );
}

const splitPick = (v: string | null) => {
  const [personId = '', organisationId = ''] = (v ?? '').split('|');
  return { personId, organisationId };
};

export function TeamDialog({ familyId, opened, onClose }: TDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('families.team.addTitle')}>
      <TeamForm familyId={familyId} onDone={onClose} />
    </FormDialog>
  );
}

function TeamForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddTeamMember(familyId);
  const [pick, setPick] = useState<string | null>(null);
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!pick) return setError(t('families.team.pickSomeone'));
    add.mutate({ ...splitPick(pick), role: role.trim() || null }, { onSuccess: () => (notify('green', t('families.team.added')), onDone()), onError: (err) => setError(errorText(err)) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden="true" />}>
          <Text c="gray.9" size="sm">
            {t('families.team.consentNote')}
          </Text>
        </Alert>
        <ProfessionalPicker familyId={familyId} value={pick} onChange={setPick} />
        <TextInput label={t('families.team.role')} description={t('families.team.roleHelp')} value={role} onChange={(e) => setRole(e.currentTarget.value)} />
        <DialogActions onCancel={onDone} pending={add.isPending} label={t('families.team.add')} />
      </Stack>
    </form>
  );
}

export function HandOverDialog({ familyId, version, opened, onClose }: TDialogProps & { version: number }) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('families.contact.handOverTitle')}>
      <HandOverForm familyId={familyId} version={version} onDone={onClose} />
    </FormDialog>
  );
}

function HandOverForm({ familyId, version, onDone }: { familyId: string; version: number; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const handOver = useHandOver(familyId);
  const [pick, setPick] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!pick) return setError(t('families.team.pickSomeone'));
    handOver.mutate(
      { ...splitPick(pick), version, note: note.trim() || null },
      {
        onSuccess: () => (notify('green', t('families.contact.handedOver')), onDone()),
        onError: (err) => setError(err instanceof ApiError && err.code === 'version_conflict' ? t('families.contact.conflict') : errorText(err)),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <Text>{t('families.contact.handOverLead')}</Text>
        <ProfessionalPicker familyId={familyId} value={pick} onChange={setPick} />
        <Textarea label={t('families.contact.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <DialogActions onCancel={onDone} pending={handOver.isPending} label={t('families.contact.handOver')} />
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ consent

function ScopeChecks({ value, onChange }: { value: TConsentScope[]; onChange: (v: TConsentScope[]) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('families.consent.scopes')} required value={value} onChange={(v) => onChange(v as TConsentScope[])}>
      <Stack gap={6} mt={6}>
        {CONSENT_SCOPES.map((s) => (
          <Checkbox key={s} value={s} label={t(`families.scopes.${s}`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function ConsentDialog({ page, opened, onClose }: { page: TFamilyContext['data']; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('families.consent.recordTitle')}>
      <ConsentForm page={page} onDone={onClose} />
    </FormDialog>
  );
}

function ConsentForm({ page, onDone }: { page: TFamilyContext['data']; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const record = useRecordConsent(page.family.id);
  const members = page.members.filter((m) => !m.endedAt);
  const orgs = [...new Map(page.team.filter((m) => !m.untilAt).map((m) => [m.organisationId, m.organisationName])).entries()];
  const [subject, setSubject] = useState<string | null>(null);
  const [givenBy, setGivenBy] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [scopes, setScopes] = useState<TConsentScope[]>(['read_plan']);
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const [validUntil, setValidUntil] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const people = page.team.filter((m) => !m.untilAt && m.organisationId === organisationId);
  const subjectMember = members.find((m) => m.id === subject);
  const memberLabel = (m: (typeof members)[number]) => `${m.name} (${t(`families.roles.${m.role}`)}${m.age !== null ? `, ${t('families.members.age', { count: m.age })}` : ''})`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!subject || !givenBy || !organisationId || scopes.length === 0) return setError(t('families.consent.incomplete'));
    record.mutate(
      { subjectMemberId: subject, givenByMemberId: givenBy, organisationId, personId, scopes, ...(validFrom ? { validFrom } : {}), validUntil },
      { onSuccess: () => (notify('green', t('families.consent.recorded')), onDone()), onError: (err) => setError(errorText(err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden="true" />} title={t('families.consent.ruleTitle')}>
          <Text c="gray.9" size="sm">
            {t('families.consent.rule')}
          </Text>
        </Alert>
        <Select
          label={t('families.consent.subject')}
          required
          data={members.map((m) => ({ value: m.id, label: memberLabel(m) }))}
          value={subject}
          onChange={(v) => {
            setSubject(v);
            const m = members.find((x) => x.id === v);
            if (m && (m.role !== 'child' || (m.age ?? 0) >= 12)) setGivenBy(m.id);
          }}
          data-autofocus
        />
        {subjectMember?.role === 'child' && (subjectMember.age ?? 0) >= 12 && (
          <Text size="sm" c="gray.8">
            {t('families.consent.selfHint', { name: subjectMember.name })}
          </Text>
        )}
        <Select label={t('families.consent.givenBy')} required data={members.map((m) => ({ value: m.id, label: memberLabel(m) }))} value={givenBy} onChange={setGivenBy} />
        <Select
          label={t('families.consent.organisation')}
          description={t('families.consent.organisationHelp')}
          required
          data={orgs.map(([value, label]) => ({ value, label }))}
          value={organisationId}
          onChange={(v) => (setOrganisationId(v), setPersonId(null))}
        />
        <Select
          label={t('families.consent.person')}
          description={t('families.consent.personHelp')}
          clearable
          disabled={!organisationId}
          data={people.map((m) => ({ value: m.personId, label: m.personName }))}
          value={personId}
          onChange={setPersonId}
        />
        <ScopeChecks value={scopes} onChange={setScopes} />
        <Group grow wrap="wrap">
          <DateInput label={t('families.consent.from')} description={t('families.consent.fromHelp')} clearable value={validFrom} onChange={setValidFrom} maxDate={validUntil ?? undefined} />
          <DateInput
            label={t('families.consent.until')}
            description={t('families.consent.untilHelp')}
            clearable
            value={validUntil}
            onChange={setValidUntil}
            minDate={validFrom ?? todayInBrussels()}
          />
        </Group>
        <DialogActions onCancel={onDone} pending={record.isPending} label={t('families.consent.record')} />
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ override

export function OverrideDialog({ familyId, opened, onClose }: TDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('families.override.title')}>
      <OverrideForm familyId={familyId} onDone={onClose} />
    </FormDialog>
  );
}

function OverrideForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { withStepUp } = useStepUp();
  const override = useOverride(familyId, withStepUp);
  const [basis, setBasis] = useState<(typeof OVERRIDE_BASES)[number]>('danger');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState<number>(24);
  const [scopes, setScopes] = useState<TConsentScope[]>(['read_plan']);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (reason.trim().length < OVERRIDE_REASON_MIN) return setError(t('families.override.reasonTooShort', { count: OVERRIDE_REASON_MIN }));
    override.mutate(
      { basis, reason: reason.trim(), hours, scopes },
      { onSuccess: () => (notify('green', t('families.override.done')), onDone()), onError: (err) => (isStepUpCancelled(err) ? undefined : setError(errorText(err))) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden="true" />}>
          <Text c="gray.9" size="sm">
            {t('families.override.lead', { hours: OVERRIDE_MAX_HOURS })}
          </Text>
        </Alert>
        <Radio.Group label={t('families.override.basis')} required value={basis} onChange={(v) => setBasis(v as typeof basis)}>
          <Stack gap={6} mt={6}>
            {OVERRIDE_BASES.map((b) => (
              <Radio key={b} value={b} label={t(`families.override.bases.${b}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('families.override.reason')}
          description={t('families.override.reasonHelp', { count: OVERRIDE_REASON_MIN })}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <NumberInput label={t('families.override.hours')} min={1} max={OVERRIDE_MAX_HOURS} required value={hours} onChange={(v) => setHours(typeof v === 'number' ? v : 24)} />
        <ScopeChecks value={scopes} onChange={setScopes} />
        <DialogActions onCancel={onDone} pending={override.isPending} label={t('families.override.submit')} />
      </Stack>
    </form>
  );
}
