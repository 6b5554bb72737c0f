import { useState } from 'react';
import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REQUEST_CHANNELS, REQUEST_URGENCIES, type TRequestChannel, type TRequestUrgency } from '../../../../shared/schemas/families/enums.js';
import { ZRequestCreate, oneMonthAfter, type TRequestCreate } from '../../../../shared/schemas/families/requests.js';
import { useMe } from '../../../api/auth.js';
import { useCreateRequest, useLifeDomains } from '../../../api/families/requests.js';
import { regionQuery, useRegions } from '../../../api/queries.js';
import { ApiError, detailField, detailText, errorMessageKey } from '../../../api/client.js';
import { PageHeader } from '../../../components/page-header.js';
import { FormError } from '../../../components/form/form-error.js';
import { zodValidate } from '../../../components/form/zod-form.js';
import { announcedError } from '../../../components/form/error-text.js';
import { notify } from '../../../components/notify.js';
import { DayField, formatDay, todayInBrussels } from './labels.js';

interface TValues {
  receivedOn: string | null;
  dueOn: string | null;
  channel: TRequestChannel | null;
  referrer: string;
  familyName: string;
  contactInfo: string;
  question: string;
  lifeDomains: string[];
  urgency: TRequestUrgency;
  regionCode: string | null;
  municipalityNis: string | null;
}

function toBody(v: TValues): TRequestCreate {
  return {
    receivedOn: v.receivedOn ?? '',
    ...(v.dueOn ? { dueOn: v.dueOn } : {}),
    channel: (v.channel ?? '') as TRequestChannel,
    referrer: v.referrer.trim() || null,
    familyName: v.familyName,
    contactInfo: v.contactInfo.trim() || null,
    question: v.question,
    lifeDomains: v.lifeDomains,
    urgency: v.urgency,
    municipalityNis: v.municipalityNis ?? '',
  };
}

/** Register a request (coordinators): the family's question, how it came in, the municipality, the due date. */
export function NewRequestPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const regions = useRegions();
  const domains = useLifeDomains();
  const create = useCreateRequest();
  const [formError, setFormError] = useState<string | null>(null);
  const today = todayInBrussels();

  // The regions I coordinate (every network region when my role is not bound to one).
  const roles = (me.data?.platformRoles ?? []).filter((r) => r.role === 'network_coordinator');
  const everyRegion = roles.some((r) => r.regionId === null);
  const myRegions = (regions.data ?? []).filter((r) => r.kind === 'network' && (everyRegion || roles.some((x) => x.regionId === r.id)));

  const schemaValidate = zodValidate<TValues>(ZRequestCreate, t, toBody);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: {
      receivedOn: today, dueOn: null, channel: null, referrer: '', familyName: '', contactInfo: '', question: '', lifeDomains: [], urgency: 'normal',
      regionCode: null, municipalityNis: null,
    },
    validateInputOnBlur: true,
    validate: (values) => {
      const errors: Record<string, string> = { ...schemaValidate(values) };
      for (const key of ['receivedOn', 'channel', 'municipalityNis'] as const) if (!values[key]) errors[key] = t('requests.form.required');
      if (!values.regionCode && !values.municipalityNis) errors.regionCode = t('requests.form.required');
      if (values.receivedOn && values.receivedOn > today) errors.receivedOn = t('requests.form.futureReceipt');
      if (values.receivedOn && values.dueOn && values.dueOn < values.receivedOn) errors.dueOn = t('requests.form.dueBeforeReceipt');
      else if (values.receivedOn && values.dueOn && values.dueOn > oneMonthAfter(values.receivedOn)) errors.dueOn = t('requests.form.dueAfterNorm');
      return errors;
    },
  });
  const regionCode = form.values.regionCode ?? (myRegions.length === 1 ? myRegions[0]?.code ?? null : null);
  const region = useQuery({ ...regionQuery(regionCode ?? ''), enabled: regionCode !== null });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(toBody(values), {
      onSuccess: (created) => {
        notify('green', t('requests.form.created', { name: created.familyName }));
        void navigate(`/aanmeldingen/${created.id}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed' && error.details?.length) {
          for (const d of error.details) form.setFieldError(detailField(d.path), detailText(d, t('admin.validation.invalid')));
        }
        setFormError(t(errorMessageKey(error)));
      },
    });
  });

  const lang = i18n.language.startsWith('en') ? 'en' : 'nl';
  // Only active domains for a new request; the list also holds retired ones, which older requests still name.
  const domainOptions = (domains.data ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.nameNl }));
  const received = form.values.receivedOn;

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('requests.form.title')} description={t('requests.form.lead')} breadcrumbs={[{ label: t('requests.title'), to: '/aanmeldingen' }]} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError message={formError} />
            <TextInput label={t('requests.form.familyName')} description={t('requests.form.familyNameHelp')} required {...announcedError} {...form.getInputProps('familyName')} />
            <Textarea label={t('requests.form.question')} required autosize minRows={4} {...announcedError} {...form.getInputProps('question')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <DayField label={t('requests.form.receivedOn')} required maxDate={today} {...form.getInputProps('receivedOn')} value={form.values.receivedOn} onChange={(v) => form.setFieldValue('receivedOn', v)} />
              <DayField
                label={t('requests.form.dueOn')}
                description={received ? t('requests.form.dueOnHelp', { date: formatDay(oneMonthAfter(received)) }) : undefined}
                clearable
                minDate={received ?? undefined}
                maxDate={received ? oneMonthAfter(received) : undefined}
                {...form.getInputProps('dueOn')}
                value={form.values.dueOn}
                onChange={(v) => form.setFieldValue('dueOn', v)}
              />
              <Select
                label={t('requests.form.channel')}
                required
                data={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
                {...announcedError}
                {...form.getInputProps('channel')}
              />
              <TextInput label={t('requests.form.referrer')} description={t('requests.form.referrerHelp')} {...announcedError} {...form.getInputProps('referrer')} />
              {myRegions.length > 1 && (
                <Select
                  label={t('requests.form.region')}
                  required
                  searchable
                  data={myRegions.map((r) => ({ value: r.code, label: r.name }))}
                  {...announcedError}
                  {...form.getInputProps('regionCode')}
                  onChange={(v) => {
                    form.setFieldValue('regionCode', v);
                    form.setFieldValue('municipalityNis', null);
                  }}
                />
              )}
              <Select
                label={t('requests.form.municipality')}
                required
                searchable
                disabled={!region.data}
                data={(region.data?.municipalities ?? []).map((m) => ({ value: m.nisCode, label: m.nameNl }))}
                {...announcedError}
                {...form.getInputProps('municipalityNis')}
              />
            </SimpleGrid>
            <MultiSelect label={t('requests.form.lifeDomains')} data={domainOptions} searchable clearable {...announcedError} {...form.getInputProps('lifeDomains')} />
            <Select
              label={t('requests.form.urgency')}
              data={REQUEST_URGENCIES.map((u) => ({ value: u, label: t(`requests.urgency.${u}`) }))}
              allowDeselect={false}
              maw={240}
              {...form.getInputProps('urgency')}
            />
            <Textarea label={t('requests.form.contactInfo')} autosize minRows={2} {...announcedError} {...form.getInputProps('contactInfo')} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to="/aanmeldingen">
                {t('requests.steps.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('requests.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
