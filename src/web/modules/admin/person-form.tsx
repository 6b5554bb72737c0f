import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ZPersonCreate, type TOrganisation } from '../../../shared/schemas/admin.js';
import { ORG_ROLES, PLATFORM_ROLES, type OrgRole, type PlatformRole } from '../../../shared/permissions.js';
import { useCreatePerson, type TPersonCreateBody } from '../../api/admin.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { isStepUpCancelled, useStepUp } from '../../components/step-up/step-up.js';
import { FormError } from '../../components/form/form-error.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { RoleCheckboxes } from './role-checkboxes.js';

interface TValues {
  name: string;
  email: string;
  phone: string;
  organisationId: string | null;
  orgRoles: OrgRole[];
  platformRoles: PlatformRole[];
}

interface PersonFormDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Organisations the person may be added to. */
  organisations: TOrganisation[];
  /** Platform admins may leave out the organisation and give platform roles. */
  isPlatformAdmin: boolean;
  defaultOrganisationId: string | null;
  onCreated: (result: { name: string; enrolmentLink: string }) => void;
}

const toBody = (values: TValues): TPersonCreateBody => ({
  name: values.name.trim(),
  email: values.email.trim(),
  phone: values.phone.trim() === '' ? null : values.phone.trim(),
  ...(values.organisationId ? { organisationId: values.organisationId, orgRoles: values.orgRoles } : { orgRoles: ['professional'] }),
  platformRoles: values.platformRoles,
});

/** Add a person with a login; the result is a one-time enrolment link. */
export function PersonFormDialog(props: PersonFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('admin.people.createTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      {props.opened && <PersonForm {...props} />}
    </Modal>
  );
}

function PersonForm({ onClose, organisations, isPlatformAdmin, defaultOrganisationId, onCreated }: PersonFormDialogProps) {
  const { t } = useTranslation();
  const { withStepUp } = useStepUp();
  const create = useCreatePerson(withStepUp);
  const [formError, setFormError] = useState<string | null>(null);
  const schemaCheck = zodValidate<TValues>(ZPersonCreate, t, toBody);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: {
      name: '',
      email: '',
      phone: '',
      organisationId: defaultOrganisationId ?? (!isPlatformAdmin && organisations.length === 1 ? (organisations[0]?.id ?? null) : null),
      orgRoles: ['professional'],
      platformRoles: [],
    },
    validateInputOnBlur: true,
    validate: (values) => {
      const errors = schemaCheck(values);
      if (!isPlatformAdmin && !values.organisationId) errors.organisationId = t('admin.people.organisationRequired');
      if (values.organisationId && values.orgRoles.length === 0) errors.orgRoles = t('admin.validation.chooseOne');
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(toBody(values), {
      onSuccess: (result) => onCreated({ name: result.person.name, enrolmentLink: result.enrolmentLink }),
      onError: (error) => {
        if (isStepUpCancelled(error)) return;
        if (error instanceof ApiError && error.code === 'duplicate') form.setFieldError('email', t('admin.people.duplicateEmail'));
        else setFormError(t(errorMessageKey(error)));
      },
    });
  });

  const organisationOptions = organisations.map((o) => ({ value: o.id, label: o.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        <TextInput label={t('admin.people.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('admin.people.email')} required type="email" autoComplete="off" {...form.getInputProps('email')} />
        <TextInput label={t('admin.people.phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        <Select
          label={t('admin.people.organisation')}
          description={isPlatformAdmin ? t('admin.people.organisationHelpPlatform') : undefined}
          required={!isPlatformAdmin}
          data={organisationOptions}
          clearable={isPlatformAdmin}
          searchable
          nothingFoundMessage={t('admin.nothingFound')}
          {...form.getInputProps('organisationId')}
        />
        {form.values.organisationId && (
          <RoleCheckboxes roles={ORG_ROLES} label={t('admin.people.orgRoles')} required {...form.getInputProps('orgRoles')} />
        )}
        {isPlatformAdmin && (
          <RoleCheckboxes
            roles={PLATFORM_ROLES}
            label={t('admin.people.platformRoles')}
            description={t('admin.people.platformRolesHelp')}
            {...form.getInputProps('platformRoles')}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('admin.people.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
