import { useState } from 'react';
import { Alert, Button, Group, Modal, Skeleton, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ZPersonUpdate, type TPerson, type TPersonAbilities } from '../../../shared/schemas/admin.js';
import { ORG_ROLES, type OrgRole } from '../../../shared/permissions.js';
import { usePerson, useUpdatePerson, type TPersonUpdateBody } from '../../api/admin.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { isStepUpCancelled, useStepUp } from '../../components/step-up/step-up.js';
import { ErrorState } from '../../components/states.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { RoleCheckboxes } from './role-checkboxes.js';

interface TValues {
  name: string;
  email: string;
  phone: string;
  /** Roles per organisation id, for the memberships the editor administers. */
  roles: Record<string, OrgRole[]>;
}

interface PersonEditDialogProps {
  /** The person to edit; null closes the dialog. */
  personId: string | null;
  /** Organisations whose roles the editor may set (the ones they administer). */
  administeredIds: ReadonlySet<string>;
  onClose: () => void;
}

/** Edit a person: name, e-mail address (their login), phone and roles in organisations the editor administers. */
export function PersonEditDialog({ personId, administeredIds, onClose }: PersonEditDialogProps) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  const name = person.data?.data.name ?? '';
  // Bumped after a version conflict: the form starts again from the latest data and says why.
  const [reloads, setReloads] = useState(0);
  const close = () => {
    setReloads(0);
    onClose();
  };
  return (
    <Modal
      opened={personId !== null}
      onClose={close}
      title={name ? t('admin.people.editTitle', { name }) : t('admin.people.edit')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      {personId !== null &&
        (person.isError ? (
          <ErrorState error={person.error} onRetry={() => void person.refetch()} retrying={person.isFetching} />
        ) : !person.data ? (
          <Stack gap="sm" aria-busy="true">
            <Skeleton height={36} />
            <Skeleton height={36} />
            <Skeleton height={36} />
          </Stack>
        ) : (
          <PersonEditForm
            // Not keyed by version: a save refetches the person, and the form must stay to finish it.
            key={`${person.data.data.id}:${reloads}`}
            person={person.data.data}
            abilities={person.data.abilities}
            administeredIds={administeredIds}
            conflict={reloads > 0}
            onReload={async () => {
              await person.refetch();
              setReloads((n) => n + 1);
            }}
            onDone={close}
          />
        ))}
    </Modal>
  );
}

function initialValues(p: TPerson): TValues {
  return {
    name: p.name,
    email: p.email,
    phone: p.phone ?? '',
    roles: Object.fromEntries(p.memberships.map((m) => [m.organisationId, [...m.roles]])),
  };
}

function PersonEditForm({
  person,
  abilities,
  administeredIds,
  conflict,
  onReload,
  onDone,
}: {
  person: TPerson;
  abilities: TPersonAbilities;
  administeredIds: ReadonlySet<string>;
  /** True when the form was reloaded after somebody else's change. */
  conflict: boolean;
  onReload: () => Promise<void>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { withStepUp } = useStepUp();
  const update = useUpdatePerson(withStepUp);
  const [formError, setFormError] = useState<string | null>(null);
  const editable = person.memberships.filter((m) => administeredIds.has(m.organisationId));

  /** Only what changed is sent, with the version it is based on. */
  const toBody = (values: TValues): TPersonUpdateBody => {
    const body: TPersonUpdateBody = { version: person.version };
    if (values.name.trim() !== person.name) body.name = values.name.trim();
    if (values.email.trim().toLowerCase() !== person.email) body.email = values.email.trim();
    const phone = values.phone.trim() === '' ? null : values.phone.trim();
    if (phone !== person.phone) body.phone = phone;
    const orgRoles = editable
      .filter((m) => {
        const next = values.roles[m.organisationId] ?? [];
        return next.length !== m.roles.length || next.some((r) => !m.roles.includes(r));
      })
      .map((m) => ({ organisationId: m.organisationId, roles: values.roles[m.organisationId] ?? [] }));
    if (orgRoles.length) body.orgRoles = orgRoles;
    return body;
  };
  const schemaCheck = zodValidate<TValues>(ZPersonUpdate, t, toBody);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: initialValues(person),
    validateInputOnBlur: true,
    validate: (values) => {
      const errors = schemaCheck(values);
      for (const m of editable) if ((values.roles[m.organisationId] ?? []).length === 0) errors[`roles.${m.organisationId}`] = t('admin.validation.chooseOne');
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = toBody(values);
    if (Object.keys(body).length === 1) return onDone();
    update.mutate(
      { id: person.id, body },
      {
        onSuccess: (result) => {
          notify('green', t('admin.people.saved', { name: result.data.name }));
          onDone();
        },
        onError: (error) => {
          if (isStepUpCancelled(error)) return;
          if (error instanceof ApiError && error.code === 'version_conflict') {
            onReload().catch((cause: unknown) => setFormError(t(errorMessageKey(cause))));
          } else if (error instanceof ApiError && error.code === 'duplicate') {
            form.setFieldError('email', t('admin.people.duplicateEmail'));
          } else {
            setFormError(t(errorMessageKey(error)));
          }
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <Alert color="yellow" role="alert">
            {t('admin.people.versionConflict')}
          </Alert>
        )}
        <FormError message={formError} />
        <TextInput label={t('admin.people.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label={t('admin.people.email')}
          description={t('admin.people.emailHelp')}
          required
          type="email"
          autoComplete="off"
          disabled={!abilities.changeEmail}
          {...form.getInputProps('email')}
        />
        <TextInput label={t('admin.people.phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        {editable.map((m) => (
          <RoleCheckboxes
            key={m.organisationId}
            roles={ORG_ROLES}
            label={t('admin.people.rolesIn', { organisation: m.organisationName })}
            description={abilities.grantOrgAdmin && !m.roles.includes('org_admin') ? t('admin.people.orgAdminHelp') : undefined}
            required
            value={form.values.roles[m.organisationId] ?? []}
            onChange={(value) => form.setFieldValue(`roles.${m.organisationId}`, value)}
            error={form.errors[`roles.${m.organisationId}`]}
            roleDisabled={(role) => role === 'org_admin' && !abilities.grantOrgAdmin && !m.roles.includes('org_admin')}
          />
        ))}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
