import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconGitCompare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, detailField, detailText, errorMessageKey } from '../../api/client.js';
import { DateInput } from '../../components/date-input.js';
import { FormError } from '../../components/form/form-error.js';
import { announcedError } from '../../components/form/error-text.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { bodyOf, emptyValues, valuesOf, type TFieldSpec, type TFormValues, type TKindSpec, type TOptionSource } from './fields.js';

export type TOptions = Partial<Record<TOptionSource, { value: string; label: string }[]>>;

interface EntryFormDialogProps {
  opened: boolean;
  title: string;
  spec: TKindSpec;
  /** The record to change (with its version); `null` to create a new one. */
  record: (Record<string, unknown> & { version: number }) | null;
  options: TOptions;
  /** Sends the body; resolves with the saved record's name for the message. */
  onSave: (body: Record<string, unknown>) => Promise<unknown>;
  /** The newest version of the record, after a version conflict. */
  reload: () => Promise<Record<string, unknown> & { version: number }>;
  onClose: () => void;
}

/** Create or change a directory entry in a dialog, with the shared contract's rules and the server's field errors. */
export function EntryFormDialog(props: EntryFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered size="xl" closeButtonProps={{ 'aria-label': t('account.close') }}>
      {props.opened && <EntryForm {...props} />}
    </Modal>
  );
}

function EntryForm({ spec, record, options, onSave, reload, onClose }: EntryFormDialogProps) {
  const { t } = useTranslation();
  const [base, setBase] = useState(record);
  const initial = useMemo(() => (base ? valuesOf(spec.fields, base) : null), [base, spec.fields]);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [pending, setPending] = useState(false);

  const form = useForm<TFormValues>({
    mode: 'controlled',
    initialValues: initial ?? emptyValues(spec.fields),
    validateInputOnBlur: true,
    validate: zodValidate<TFormValues>(base ? spec.update : spec.create, t, (v) => bodyOf(spec.fields, v, null, base ? base.version : null)),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setConflict(false);
    setPending(true);
    try {
      await onSave(bodyOf(spec.fields, values, initial, base ? base.version : null));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') setConflict(true);
      else if (error instanceof ApiError && error.code === 'validation_failed' && error.details?.length) {
        for (const d of error.details) form.setFieldError(detailField(d.path), detailText(d, t('admin.validation.invalid')));
        setFormError(t(errorMessageKey(error)));
      } else setFormError(error instanceof ApiError && error.code === 'in_use' ? error.message : t(errorMessageKey(error)));
    } finally {
      setPending(false);
    }
  });

  /** Takes the newest version: the form shows it, and the next save is based on it. */
  const loadNewest = async () => {
    try {
      const newest = await reload();
      setBase(newest);
      form.setValues(valuesOf(spec.fields, newest));
      form.resetDirty();
      setConflict(false);
    } catch (error) {
      setFormError(t(errorMessageKey(error)));
    }
  };

  const label = (f: TFieldSpec) => t(`directoryManage.fields.${f.name}` as 'directoryManage.fields.name');

  const input = (f: TFieldSpec) => {
    const props = { ...form.getInputProps(f.name, f.type === 'bool' ? { type: 'checkbox' } : undefined), ...announcedError };
    switch (f.type) {
      case 'textarea':
        return <Textarea key={f.name} label={label(f)} required={f.required} autosize minRows={2} maxRows={8} {...props} />;
      case 'int':
      case 'number':
        return <NumberInput key={f.name} label={label(f)} required={f.required} allowDecimal={f.type === 'number'} decimalScale={f.type === 'number' ? 6 : 0} min={f.type === 'int' ? 0 : undefined} {...props} />;
      case 'bool':
        return <Checkbox key={f.name} label={label(f)} mt="sm" {...props} />;
      case 'select':
        return (
          <Select
            key={f.name}
            label={label(f)}
            required={f.required}
            data={options[f.options ?? 'statuses'] ?? []}
            clearable={f.nullable}
            allowDeselect={f.nullable}
            searchable
            nothingFoundMessage={t('admin.nothingFound')}
            {...props}
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            key={f.name}
            label={label(f)}
            data={options[f.options ?? 'languages'] ?? []}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('admin.nothingFound')}
            limit={f.options === 'municipalities' ? 50 : undefined}
            {...props}
          />
        );
      case 'date':
        return (
          <DateInput
            key={f.name}
            label={label(f)}
            clearable
            value={(form.getValues()[f.name] as string | null) ?? null}
            onChange={(v) => form.setFieldValue(f.name, v)}
            error={form.errors[f.name]}
          />
        );
      default:
        return <TextInput key={f.name} label={label(f)} required={f.required} data-autofocus={f === spec.fields[0] ? true : undefined} {...props} />;
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        {conflict && (
          <Alert
            variant="light"
            color="yellow"
            role="alert"
            icon={<IconGitCompare aria-hidden="true" />}
            title={t('directoryManage.conflictTitle')}
            styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
          >
            <Stack gap="sm" align="flex-start">
              <Text c="gray.9">{t('directoryManage.conflictText')}</Text>
              <Button size="sm" onClick={() => void loadNewest()}>
                {t('directoryManage.conflictReload')}
              </Button>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          {spec.fields.map((f) => (
            <div key={f.name} style={f.wide ? { gridColumn: '1 / -1' } : undefined}>
              {input(f)}
            </div>
          ))}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={conflict}>
            {t('directoryManage.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
