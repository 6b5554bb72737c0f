import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Container, Loader, Paper, Radio, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GUEST_ROLES, ZPublicRegistrationCreate, type TGuestRole, type TPublicRegistration } from '../../../shared/schemas/learning.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { usePublicEvent, usePublicRegister, usePublicToken } from '../../api/learning.js';
import { FormError } from '../../components/form/form-error.js';
import { announcedError } from '../../components/form/error-text.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { useLearningFormat } from './learning-bits.js';

interface TValues {
  name: string;
  email: string;
  role: TGuestRole | '';
  sessionIds: string[];
}

/** The public form (`/samen-leren/inschrijven/:eventId`): a parent or young person registers without a login. */
export function PublicRegistrationPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useLearningFormat();
  const event = usePublicEvent(eventId);
  const register = usePublicRegister(eventId);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  useDocumentTitle(event.data?.data.title ?? t('publicRegistration.title'));

  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: { name: '', email: '', role: '', sessionIds: [] },
    validateInputOnBlur: true,
    validate: zodValidate<TValues>(ZPublicRegistrationCreate, t, (v) => ({ name: v.name.trim(), email: v.email.trim(), role: v.role, sessionIds: v.sessionIds })),
  });

  if (event.isPending) {
    return (
      <Container size="sm" py="xl">
        <Stack align="center" role="status">
          <Loader aria-hidden="true" />
          <Text>{t('publicRegistration.loading')}</Text>
        </Stack>
      </Container>
    );
  }
  if (event.isError) {
    return (
      <Container size="sm" py="xl">
        {event.error instanceof ApiError && event.error.status === 404 ? (
          <NotFoundMessage title={t('publicRegistration.notFoundTitle')} text={t('publicRegistration.notFound')} />
        ) : (
          <Alert color="red" variant="light" role="alert">
            <Text c="gray.9">{t(errorMessageKey(event.error))}</Text>
          </Alert>
        )}
      </Container>
    );
  }
  const e = event.data.data;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await register.mutateAsync({ name: values.name.trim(), email: values.email.trim(), role: values.role as TGuestRole, sessionIds: values.sessionIds });
      setSentTo(values.email.trim());
    } catch (error) {
      if (error instanceof ApiError && error.details?.some((d) => d.path === 'body.sessionIds')) form.setFieldError('sessionIds', error.details.find((d) => d.path === 'body.sessionIds')?.message);
      setFormError(error instanceof ApiError && (error.status === 400 || error.status === 409) ? error.message : t(errorMessageKey(error)));
    }
  });

  return (
    <Container size="sm" py="lg" px="md">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('publicRegistration.kicker')}
          </Text>
          <Title order={1} size="h2">
            {e.title}
          </Title>
          <Text>
            {fmt.day(e.date)} · {fmt.hours(e.startsAt, e.endsAt)}
          </Text>
          {e.place && <Text>{e.place}</Text>}
          {e.onlineUrl && <Text>{t('learning.online')}</Text>}
          {e.organiser && <Text size="sm" c="dimmed">{t('publicRegistration.organiser', { name: e.organiser })}</Text>}
          {e.feeCents > 0 && <Text size="sm">{t('publicRegistration.fee', { amount: fmt.money(e.feeCents) })}</Text>}
        </Stack>
        {e.description && <Text style={{ whiteSpace: 'pre-line' }}>{e.description}</Text>}

        <Paper withBorder p="md" radius="md">
          {sentTo !== null ? (
            <Alert variant="light" color="petrol" icon={<IconMailCheck aria-hidden="true" />} role="status" title={t('publicRegistration.sentTitle')}>
              <Text c="gray.9">{t('publicRegistration.sent', { email: sentTo })}</Text>
            </Alert>
          ) : !e.open ? (
            <Alert variant="light" color="yellow" role="status">
              <Text c="gray.9">{t('publicRegistration.closed')}</Text>
            </Alert>
          ) : (
            <form onSubmit={(ev) => void submit(ev)} noValidate aria-labelledby="public-form-heading">
              <Stack gap="md">
                <Title order={2} size="h3" id="public-form-heading">
                  {t('publicRegistration.formTitle')}
                </Title>
                <Text size="sm">{t('publicRegistration.intro')}</Text>
                <FormError message={formError} />
                <TextInput label={t('publicRegistration.name')} required autoComplete="name" {...form.getInputProps('name')} {...announcedError} />
                <TextInput label={t('publicRegistration.email')} type="email" required autoComplete="email" {...form.getInputProps('email')} {...announcedError} />
                <Radio.Group label={t('publicRegistration.roleLabel')} required {...form.getInputProps('role')}>
                  <Group gap="lg" mt={6}>
                    {GUEST_ROLES.map((r) => (
                      <Radio key={r} value={r} label={t(`publicRegistration.role.${r}`)} />
                    ))}
                  </Group>
                </Radio.Group>
                {e.sessions.length > 0 && (
                  <Checkbox.Group label={t('publicRegistration.sessions')} description={t('publicRegistration.sessionsHint')} required {...form.getInputProps('sessionIds')}>
                    <Stack gap="xs" mt={6}>
                      {e.sessions.map((s) => (
                        <Checkbox
                          key={s.id}
                          value={s.id}
                          label={`${fmt.hours(s.startsAt, s.endsAt)} · ${s.title} (${s.room})`}
                          description={s.full ? t('publicRegistration.full') : undefined}
                        />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                )}
                <Button type="submit" loading={register.isPending} style={{ alignSelf: 'flex-start' }}>
                  {t('publicRegistration.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Stack>
    </Container>
  );
}

/** The links of the mails: `/samen-leren/inschrijving/bevestigen#<token>` and `…/annuleren#<token>`. */
export function PublicConfirmPage() {
  return <PublicLinkPage step="confirm" />;
}
export function PublicCancelPage() {
  return <PublicLinkPage step="cancel" />;
}

function PublicLinkPage({ step }: { step: 'confirm' | 'cancel' }) {
  const { t } = useTranslation();
  const fmt = useLearningFormat();
  const mutation = usePublicToken(step);
  // Read once, before the token leaves the address bar.
  const [token] = useState(() => window.location.hash.slice(1));
  const valid = /^[\w-]{20,100}$/.test(token);
  const [confirmedCancel, setConfirmedCancel] = useState(step === 'confirm');
  const started = useRef(false);
  useDocumentTitle(t(`publicRegistration.${step}.title`));

  useEffect(() => {
    if (!confirmedCancel || started.current) return;
    started.current = true;
    window.history.replaceState(null, '', window.location.pathname);
    if (valid) mutation.mutate(token);
  }, [confirmedCancel, mutation, token, valid]);

  const result: TPublicRegistration | undefined = mutation.data;

  return (
    <Container size="sm" py="xl" px="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t(`publicRegistration.${step}.title`)}
        </Title>
        {!valid ? (
          <Alert color="red" variant="light" role="alert">
            <Text c="gray.9">{t('publicRegistration.badLink')}</Text>
          </Alert>
        ) : !confirmedCancel ? (
          <Stack gap="sm">
            <Text>{t('publicRegistration.cancel.ask')}</Text>
            <Button color="red" onClick={() => setConfirmedCancel(true)} style={{ alignSelf: 'flex-start' }}>
              {t('publicRegistration.cancel.button')}
            </Button>
          </Stack>
        ) : mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            <Text c="gray.9">{mutation.error instanceof ApiError && mutation.error.status !== 429 && mutation.error.status < 500 ? mutation.error.message : t(errorMessageKey(mutation.error))}</Text>
          </Alert>
        ) : result ? (
          <Stack gap="sm" role="status">
            <Alert color={step === 'confirm' ? 'teal' : 'gray'} variant="light">
              <Text c="gray.9">
                {t(`publicRegistration.${step}.done`, { name: result.name, title: result.eventTitle, day: fmt.day(result.date), time: result.startsAt })}
              </Text>
            </Alert>
            {step === 'confirm' && result.seats.length > 0 && (
              <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {result.seats.map((s) => (
                  <Text component="li" key={s.sessionId}>
                    {s.sessionTitle}: {s.status === 'confirmed' ? t('publicRegistration.seatConfirmed') : t('publicRegistration.seatWaiting', { position: s.waitingPosition ?? '?' })}
                  </Text>
                ))}
              </Stack>
            )}
            {step === 'confirm' && <Text size="sm">{t('publicRegistration.confirm.cancelHint')}</Text>}
          </Stack>
        ) : (
          <Stack align="center" role="status">
            <Loader aria-hidden="true" />
            <Text>{t('publicRegistration.busy')}</Text>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
