import { useState } from 'react';
import { Alert, Button, Group, List, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconGitCompare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ZOrganisationCreate, ZOrganisationUpdate, type TOrganisation } from '../../../shared/schemas/admin.js';
import { fetchOrganisation, useCreateOrganisation, useUpdateOrganisation, type TOrganisationUpdateBody } from '../../api/admin.js';
import { ApiError, detailField, detailText, errorMessageKey } from '../../api/client.js';
import { useRegions, useSectors } from '../../api/queries.js';
import { FormError } from '../../components/form/form-error.js';
import { useSectorName } from './labels.js';
import { notify } from '../../components/notify.js';
import { zodValidate } from '../../components/form/zod-form.js';

interface TValues {
  name: string;
  regionCode: string | null;
  sectorCodes: string[];
  status: 'active' | 'archived';
}

interface OrganisationFormDialogProps {
  /** The organisation to change; `null` to create a new one. */
  organisation: TOrganisation | null;
  opened: boolean;
  /** Platform admins may archive. */
  canArchive: boolean;
  onClose: () => void;
}

/** Create or change an organisation in a dialog. */
export function OrganisationFormDialog({ organisation, opened, canArchive, onClose }: OrganisationFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={organisation ? t('admin.organisations.editTitle', { name: organisation.name }) : t('admin.organisations.createTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      {opened && <OrganisationForm key={organisation?.id ?? 'new'} organisation={organisation} canArchive={canArchive} onDone={onClose} />}
    </Modal>
  );
}

function OrganisationForm({
  organisation,
  canArchive,
  onDone,
}: {
  organisation: TOrganisation | null;
  canArchive: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const regions = useRegions();
  const sectors = useSectors();
  const sectorName = useSectorName(sectors.data);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const [formError, setFormError] = useState<string | null>(null);
  // The version the changes are based on; moves on when the person takes the newest version.
  const [base, setBase] = useState<TOrganisation | null>(organisation);
  // Someone else's newer version, found when saving answered 409.
  const [conflict, setConflict] = useState<TOrganisation | null>(null);

  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: {
      name: organisation?.name ?? '',
      regionCode: null,
      sectorCodes: organisation?.sectorCodes ?? [],
      status: organisation?.status ?? 'active',
    },
    validateInputOnBlur: true,
    validate: organisation
      ? zodValidate<TValues>(ZOrganisationUpdate, t, (v) => ({ version: 1, name: v.name, sectorCodes: v.sectorCodes }))
      : zodValidate<TValues>(ZOrganisationCreate, t, (v) => ({ name: v.name, regionCode: v.regionCode, sectorCodes: v.sectorCodes })),
  });

  const fail = (error: unknown) => {
    // A taken name, on create or on rename: said next to the field.
    if (error instanceof ApiError && error.code === 'duplicate') {
      form.setFieldError('name', t('admin.organisations.duplicateName'));
    } else if (error instanceof ApiError && error.code === 'validation_failed' && error.details?.length) {
      for (const d of error.details) form.setFieldError(detailField(d.path), detailText(d, t('admin.validation.invalid')));
      setFormError(t(errorMessageKey(error)));
    } else setFormError(t(errorMessageKey(error)));
  };

  const save = (values: TValues, against: TOrganisation) => {
    const body: TOrganisationUpdateBody = { version: against.version, name: values.name.trim(), sectorCodes: values.sectorCodes };
    if (canArchive && values.status !== against.status) body.status = values.status;
    update.mutate(
      { id: against.id, body },
      {
        onSuccess: () => {
          notify('green', t('admin.organisations.saved', { name: values.name.trim() }));
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'version_conflict') {
            // Show what changed meanwhile; if even that fails, say so.
            fetchOrganisation(against.id).then(setConflict, fail);
          } else fail(error);
        },
      },
    );
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    if (base) {
      setConflict(null);
      save(values, base);
      return;
    }
    create.mutate(
      { name: values.name.trim(), regionCode: values.regionCode, sectorCodes: values.sectorCodes },
      {
        onSuccess: (created) => {
          notify('green', t('admin.organisations.created', { name: created.name }));
          onDone();
        },
        onError: fail,
      },
    );
  });

  /** Keep my changes, on top of the newest version. */
  const reapply = () => {
    if (!conflict) return;
    const newest = conflict;
    setBase(newest);
    setConflict(null);
    save(form.getValues(), newest);
  };
  /** Throw my changes away and show the newest version. */
  const takeTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setValues({ name: conflict.name, sectorCodes: conflict.sectorCodes, status: conflict.status });
    setConflict(null);
  };

  const sectorOptions = (sectors.data ?? []).map((s) => ({ value: s.code, label: sectorName(s.code) }));
  const regionOptions = (regions.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  const pending = create.isPending || update.isPending;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        {conflict && (
          <Alert
            variant="light"
            color="yellow"
            role="alert"
            icon={<IconGitCompare aria-hidden="true" />}
            title={t('admin.organisations.conflictTitle')}
            styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
          >
            <Stack gap="sm">
              <Text c="gray.9">{t('admin.organisations.conflictText')}</Text>
              <List size="sm" c="gray.9">
                <List.Item>
                  {t('admin.organisations.name')}: <strong>{conflict.name}</strong>
                </List.Item>
                <List.Item>
                  {t('admin.organisations.sectors')}:{' '}
                  <strong>{conflict.sectorCodes.map(sectorName).join(', ') || t('admin.organisations.noSectors')}</strong>
                </List.Item>
                <List.Item>
                  {t('admin.organisations.status')}: <strong>{t(`admin.status.${conflict.status}`)}</strong>
                </List.Item>
              </List>
              <Group gap="sm">
                <Button size="sm" onClick={reapply} loading={update.isPending}>
                  {t('admin.organisations.reapply')}
                </Button>
                <Button size="sm" variant="default" onClick={takeTheirs}>
                  {t('admin.organisations.takeTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <TextInput label={t('admin.organisations.name')} required autoComplete="organization" data-autofocus {...form.getInputProps('name')} />
        {!organisation && (
          <Select
            label={t('admin.organisations.region')}
            description={t('admin.organisations.regionHelp')}
            data={regionOptions}
            clearable
            searchable
            nothingFoundMessage={t('admin.nothingFound')}
            disabled={regions.isPending}
            {...form.getInputProps('regionCode')}
          />
        )}
        <MultiSelect
          label={t('admin.organisations.sectors')}
          description={t('admin.organisations.sectorsHelp')}
          data={sectorOptions}
          searchable
          clearable
          nothingFoundMessage={t('admin.nothingFound')}
          disabled={sectors.isPending}
          {...form.getInputProps('sectorCodes')}
        />
        {organisation && canArchive && (
          <Select
            label={t('admin.organisations.status')}
            description={t('admin.organisations.statusHelp')}
            data={[
              { value: 'active', label: t('admin.status.active') },
              { value: 'archived', label: t('admin.status.archived') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={conflict !== null}>
            {organisation ? t('admin.save') : t('admin.organisations.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
