import { useState } from 'react';
import { Alert, Button, CloseButton, Group, Modal, NumberInput, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { IconGitCompare, IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ZExchangeRequestCreate, ZOfferCreate, ZOfferUpdate, type TExchangeRequest, type TOffer } from '../../../shared/schemas/exchange.js';
import { ApiError, detailField, errorMessageKey } from '../../api/client.js';
import { isFullyLoggedIn, useMe } from '../../api/auth.js';
import { fetchOrganisation } from '../../api/admin.js';
import { useSectors } from '../../api/queries.js';
import { useSectorName } from '../admin/labels.js';
import { useCreateOffer, useExchangeReflection, useExchangeStep, useRequestDay, useUpdateOffer } from '../../api/learning-exchange.js';
import { DateInput } from '../../components/date-input.js';
import { FormError } from '../../components/form/form-error.js';
import { announcedError } from '../../components/form/error-text.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { notify } from '../../components/notify.js';
import { todayInBrussels, useLearningFormat } from './learning-bits.js';

/** The message of a refused change: stale versions get our own sentence, the server's Dutch/English reason otherwise. */
export function exchangeErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'version_conflict') return t('exchangeUi.stale');
    const detail = error.details?.find((d) => d.message && d.message !== 'duplicate');
    if (error.code === 'validation_failed' && detail && !/^(Invalid|Too|Expected)/.test(detail.message)) return detail.message;
    if ((error.status === 409 || error.status === 403 || error.status === 400) && error.message) return error.message;
  }
  return t(errorMessageKey(error));
}

/** The day after `day` (`YYYY-MM-DD`). */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A conflict notice: somebody changed the record first. */
function StaleNotice() {
  const { t } = useTranslation();
  return (
    // Dark title text: Mantine's yellow title on the light yellow background is too faint (axe color-contrast).
    <Alert variant="light" color="yellow" role="alert" icon={<IconGitCompare aria-hidden="true" />} title={t('exchangeUi.staleTitle')} styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}>
      <Text c="gray.9">{t('exchangeUi.stale')}</Text>
    </Alert>
  );
}

// --- publish or change an offer ---------------------------------------------------------------

interface TOfferValues {
  organisationId: string | null;
  sector: string | null;
  team: string;
  description: string;
  dates: string[];
  visitorsPerDay: number | string;
}

const offerBody = (v: TOfferValues) => ({
  sector: v.sector ?? '',
  team: v.team.trim(),
  description: v.description.trim(),
  dates: [...v.dates].sort(),
  visitorsPerDay: typeof v.visitorsPerDay === 'number' ? v.visitorsPerDay : Number.NaN,
});

interface OfferDialogProps {
  opened: boolean;
  /** The offer to change (with its version), or null for a new one. */
  offer: TOffer | null;
  onClose: () => void;
}

/** Publish a host offer for an organisation I administer, or change one. */
export function OfferFormDialog(props: OfferDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.offer ? t('exchangeUi.offerForm.editTitle') : t('exchangeUi.offerForm.newTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      {props.opened && <OfferForm {...props} />}
    </Modal>
  );
}

function OfferForm({ offer, onClose }: OfferDialogProps) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const me = useMe();
  const sectors = useSectors();
  const create = useCreateOffer();
  const update = useUpdateOffer();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [newDay, setNewDay] = useState<string | null>(null);
  const today = todayInBrussels();

  // The organisations I administer (the server refuses any other, 403).
  const administered = isFullyLoggedIn(me.data) ? me.data.memberships.filter((m) => m.roles.includes('org_admin')) : [];
  const form = useForm<TOfferValues>({
    mode: 'controlled',
    initialValues: {
      organisationId: offer?.organisationId ?? administered[0]?.organisationId ?? null,
      sector: offer?.sector ?? null,
      team: offer?.team ?? '',
      description: offer?.description ?? '',
      dates: offer?.dates ?? [],
      visitorsPerDay: offer?.visitorsPerDay ?? 1,
    },
    validateInputOnBlur: true,
    validate: zodValidate<TOfferValues>(offer ? ZOfferUpdate : ZOfferCreate, t, (v) =>
      offer ? { ...offerBody(v), version: offer.version } : { ...offerBody(v), organisationId: v.organisationId ?? '' },
    ),
  });
  const organisationId = form.values.organisationId;
  const organisation = useQuery({
    queryKey: ['admin', 'organisations', organisationId],
    queryFn: () => fetchOrganisation(organisationId ?? ''),
    enabled: organisationId !== null,
  });
  const sectorName = useSectorName(sectors.data);
  const sectorCodes = organisation.data?.sectorCodes ?? (offer ? [offer.sector] : []);

  const addDay = () => {
    if (!newDay || form.values.dates.includes(newDay)) return;
    form.setFieldValue('dates', [...form.values.dates, newDay].sort());
    setNewDay(null);
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setStale(false);
    try {
      if (offer) {
        await update.mutateAsync({ id: offer.id, body: { ...offerBody(values), version: offer.version } });
        notify('green', t('exchangeUi.offerForm.saved'));
      } else {
        await create.mutateAsync({ ...offerBody(values), organisationId: values.organisationId ?? '' });
        notify('green', t('exchangeUi.offerForm.created'));
      }
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') setStale(true);
      else {
        if (error instanceof ApiError && error.details) for (const d of error.details) form.setFieldError(detailField(d.path), exchangeErrorText(t, error));
        setFormError(exchangeErrorText(t, error));
      }
    }
  });
  const input = (name: keyof TOfferValues) => ({ ...form.getInputProps(name), ...announcedError });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={offer ? t('exchangeUi.offerForm.editTitle') : t('exchangeUi.offerForm.newTitle')}>
      <Stack gap="md">
        <FormError message={formError} />
        {stale && <StaleNotice />}
        {!offer && (
          <Select
            label={t('exchangeUi.fields.organisation')}
            data={administered.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
            required
            allowDeselect={false}
            {...input('organisationId')}
            onChange={(v) => {
              form.setFieldValue('organisationId', v);
              form.setFieldValue('sector', null);
            }}
          />
        )}
        <Select
          label={t('exchangeUi.fields.sector')}
          description={t('exchangeUi.offerForm.sectorHelp')}
          data={sectorCodes.map((code) => ({ value: code, label: sectorName(code) }))}
          required
          allowDeselect={false}
          {...input('sector')}
        />
        <TextInput label={t('exchangeUi.fields.team')} required data-autofocus {...input('team')} />
        <Textarea label={t('exchangeUi.fields.description')} description={t('exchangeUi.offerForm.descriptionHelp')} required autosize minRows={3} {...input('description')} />
        <Stack gap={6}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateInput label={t('exchangeUi.offerForm.addDayLabel')} value={newDay} onChange={setNewDay} minDate={nextDay(today)} />
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={addDay} disabled={!newDay}>
              {t('exchangeUi.offerForm.addDay')}
            </Button>
          </Group>
          <Text size="sm" fw={600} id="offer-days-label">
            {t('exchangeUi.fields.days')}
          </Text>
          {form.values.dates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('exchangeUi.offerForm.noDays')}
            </Text>
          ) : (
            <Group gap="xs" wrap="wrap" role="list" aria-labelledby="offer-days-label">
              {form.values.dates.map((d) => (
                <Group key={d} gap={2} role="listitem" wrap="nowrap" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 16, paddingLeft: 10 }}>
                  <Text size="sm">{f.shortDay(d)}</Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('exchangeUi.offerForm.removeDay', { day: f.shortDay(d) })}
                    onClick={() => form.setFieldValue('dates', form.values.dates.filter((x) => x !== d))}
                  />
                </Group>
              ))}
            </Group>
          )}
          {typeof form.errors.dates === 'string' && (
            <Text size="sm" c="red.8" role="alert">
              {form.errors.dates}
            </Text>
          )}
        </Stack>
        <NumberInput label={t('exchangeUi.fields.visitorsPerDay')} min={1} max={50} required w={200} {...input('visitorsPerDay')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {offer ? t('exchangeUi.offerForm.save') : t('exchangeUi.offerForm.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// --- ask for a day ----------------------------------------------------------------------------

const OTHER = 'other';

/** Ask for a day of an offer: one of its days (future ones) or another day, with a short message. */
export function RequestDayDialog({ offer, onClose }: { offer: TOffer | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={offer !== null} onClose={onClose} title={t('exchangeUi.requestForm.title')} centered size="lg" closeButtonProps={{ 'aria-label': t('account.close') }}>
      {offer && <RequestDayForm offer={offer} onClose={onClose} />}
    </Modal>
  );
}

function RequestDayForm({ offer, onClose }: { offer: TOffer; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const me = useMe();
  const ask = useRequestDay();
  const today = todayInBrussels();
  const days = offer.dates.filter((d) => d > today);
  const memberships = isFullyLoggedIn(me.data) ? me.data.memberships.filter((m) => m.organisationId !== offer.organisationId) : [];
  const [choice, setChoice] = useState<string>(days[0] ?? OTHER);
  const [otherDay, setOtherDay] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(memberships[0]?.organisationId ?? null);
  const [motivation, setMotivation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const body = () => ({ day: choice === OTHER ? (otherDay ?? '') : choice, motivation: motivation.trim(), ...(organisationId ? { organisationId } : {}) });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found = zodValidate(ZExchangeRequestCreate, t)(body());
    if (choice === OTHER && !otherDay) found.day = t('exchangeUi.requestForm.chooseDay');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await ask.mutateAsync({ offerId: offer.id, body: body() });
      notify('green', t('exchangeUi.requestForm.sent'));
      onClose();
    } catch (error) {
      setFormError(exchangeErrorText(t, error));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('exchangeUi.requestForm.title')}>
      <Stack gap="md">
        <Text>
          {t('exchangeUi.requestForm.lead', { team: offer.team, organisation: offer.organisationName })}
        </Text>
        <FormError message={formError} />
        <Radio.Group label={t('exchangeUi.requestForm.whichDay')} value={choice} onChange={setChoice} required {...announcedError} error={choice !== OTHER ? errors.day : undefined}>
          <Stack gap={6} mt={6}>
            {days.map((d) => (
              <Radio key={d} value={d} label={f.day(d)} />
            ))}
            <Radio value={OTHER} label={t('exchangeUi.requestForm.otherDay')} />
          </Stack>
        </Radio.Group>
        {choice === OTHER && (
          <DateInput label={t('exchangeUi.requestForm.otherDayLabel')} value={otherDay} onChange={setOtherDay} minDate={nextDay(today)} required error={errors.day} />
        )}
        {memberships.length > 1 && (
          <Select
            label={t('exchangeUi.requestForm.fromOrganisation')}
            data={memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
            value={organisationId}
            onChange={setOrganisationId}
            allowDeselect={false}
          />
        )}
        <Textarea
          label={t('exchangeUi.requestForm.motivation')}
          description={t('exchangeUi.requestForm.motivationHelp')}
          required
          autosize
          minRows={3}
          value={motivation}
          onChange={(e) => setMotivation(e.currentTarget.value)}
          error={errors.motivation}
          {...announcedError}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={ask.isPending}>
            {t('exchangeUi.requestForm.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// --- propose another day ----------------------------------------------------------------------

/** The host proposes another day than the one asked for. */
export function ProposeDayDialog({ request, onClose }: { request: TExchangeRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={request !== null} onClose={onClose} title={t('exchangeUi.propose.title')} centered closeButtonProps={{ 'aria-label': t('account.close') }}>
      {request && <ProposeDayForm request={request} onClose={onClose} />}
    </Modal>
  );
}

function ProposeDayForm({ request, onClose }: { request: TExchangeRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const step = useExchangeStep();
  const [day, setDay] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!day) return setError(t('exchangeUi.requestForm.chooseDay'));
    if (day === request.day) return setError(t('exchangeUi.propose.sameDay'));
    setError(null);
    try {
      await step.mutateAsync({ requestId: request.id, step: 'propose', version: request.version, day });
      notify('green', t('exchangeUi.propose.sent'));
      onClose();
    } catch (err) {
      setFormError(exchangeErrorText(t, err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('exchangeUi.propose.title')}>
      <Stack gap="md">
        <Text>{t('exchangeUi.propose.lead', { name: request.visitorName, day: f.day(request.day) })}</Text>
        <FormError message={formError} />
        <DateInput label={t('exchangeUi.propose.dayLabel')} value={day} onChange={setDay} minDate={nextDay(todayInBrussels())} required error={error ?? undefined} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={step.isPending}>
            {t('exchangeUi.propose.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// --- reflection -------------------------------------------------------------------------------

/** Write or change my side's reflection (a short text after the visit day). */
export function ReflectionForm({ request, current, onDone }: { request: TExchangeRequest; current: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const reflect = useExchangeReflection();
  const [text, setText] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const label = current ? t('exchangeUi.reflection.change') : t('exchangeUi.reflection.write');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (text.trim().length === 0) return setError(t('exchangeUi.reflection.empty'));
    setError(null);
    try {
      await reflect.mutateAsync({ requestId: request.id, version: request.version, text: text.trim() });
      notify('green', t('exchangeUi.reflection.saved'));
      onDone();
    } catch (err) {
      setFormError(exchangeErrorText(t, err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <Stack gap="sm">
        <FormError message={formError} />
        <Textarea
          label={t('exchangeUi.reflection.mine')}
          description={t('exchangeUi.reflection.help')}
          autosize
          minRows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error ?? undefined}
          data-autofocus
          {...announcedError}
        />
        <Group gap="sm" justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('account.cancel')}
          </Button>
          <Button type="submit" loading={reflect.isPending}>
            {t('exchangeUi.reflection.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
