import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REQUEST_OUTCOMES, type TRequestOutcome } from '../../../../shared/schemas/families/enums.js';
import type { TRequest } from '../../../../shared/schemas/families/requests.js';
import { useContactCandidates, useLifeDomains, useRequest, useRequestStep } from '../../../api/families/requests.js';
import { ApiError, errorMessageKey, isNotFound } from '../../../api/client.js';
import { PageHeader } from '../../../components/page-header.js';
import { ErrorState } from '../../../components/states.js';
import { FormError } from '../../../components/form/form-error.js';
import { NotFoundMessage } from '../../../components/not-found-message.js';
import { TableSkeleton } from '../../../components/skeletons.js';
import { notify } from '../../../components/notify.js';
import { DayField, FlagBadge, formatDay, todayInBrussels, useDaysLeftText } from './labels.js';

type TDialog = 'assign' | 'firstContact' | 'answer' | null;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{children}</Text>
    </div>
  );
}

/** One request: the question, its details, and the next steps the server allows me. */
export function RequestPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const request = useRequest(id);
  const domains = useLifeDomains();
  const step = useRequestStep(id);
  const daysLeftText = useDaysLeftText();
  const [dialog, setDialog] = useState<TDialog>(null);
  const [error, setError] = useState<string | null>(null);

  if (request.isError) {
    if (isNotFound(request.error)) return <NotFoundMessage title={t('requests.detail.notFoundTitle')} text={t('requests.detail.notFound')} />;
    return <ErrorState error={request.error} onRetry={() => void request.refetch()} retrying={request.isFetching} />;
  }
  if (!request.data) return <TableSkeleton rows={6} />;
  const { data: r, abilities } = request.data;
  const lang = i18n.language.startsWith('en') ? 'en' : 'nl';
  const domainName = (code: string) => {
    const d = domains.data?.find((x) => x.code === code);
    return d ? (lang === 'en' ? d.nameEn : d.nameNl) : code;
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiError && (e.code === 'version_conflict' || e.code === 'invalid_transition')) {
      setError(e.code === 'invalid_transition' ? e.message : t('requests.steps.conflict'));
      void request.refetch();
    } else setError(t(errorMessageKey(e)));
  };
  const done = (message: string) => () => {
    setDialog(null);
    setError(null);
    notify('green', message);
  };

  const triage = () => step.mutate({ step: 'triage', body: { version: r.version } }, { onSuccess: done(t('requests.steps.triageDone')), onError: fail });
  const anySteps = abilities.triage || abilities.assignContact || abilities.recordFirstContact || abilities.answer;

  return (
    <Stack gap="lg">
      <PageHeader
        title={r.familyName}
        breadcrumbs={[{ label: t('requests.title'), to: '/aanmeldingen' }]}
        aside={
          <Group gap="xs">
            <Badge variant="light" color="petrol" tt="none" c="gray.9">
              {t(`requests.status.${r.status}`)}
            </Badge>
            <FlagBadge flag={r.flag} />
          </Group>
        }
      />
      <FormError message={error} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('requests.detail.nextSteps')}
          </Title>
          {anySteps ? (
            <Group gap="sm">
              {abilities.triage && (
                <Button onClick={triage} loading={step.isPending}>
                  {t('requests.steps.triage')}
                </Button>
              )}
              {abilities.assignContact && <Button onClick={() => setDialog('assign')}>{t('requests.steps.assignContact')}</Button>}
              {abilities.recordFirstContact && <Button onClick={() => setDialog('firstContact')}>{t('requests.steps.firstContact')}</Button>}
              {abilities.answer && (
                <Button variant={abilities.assignContact ? 'default' : 'filled'} onClick={() => setDialog('answer')}>
                  {t('requests.steps.answer')}
                </Button>
              )}
            </Group>
          ) : (
            <Text c="gray.8">{t('requests.detail.noSteps')}</Text>
          )}
          {r.familyId && r.familyPseudonym && (
            <Anchor component={Link} to={`/gezinnen/${r.familyId}`}>
              {t('requests.detail.openFamily', { pseudonym: r.familyPseudonym })}
            </Anchor>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('requests.detail.question')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{r.question}</Text>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('requests.detail.facts')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Fact label={t('requests.detail.receivedOn')}>{formatDay(r.receivedOn)}</Fact>
            <Fact label={t('requests.detail.dueOn')}>
              {formatDay(r.dueOn)}
              {r.daysLeft !== null ? ` (${daysLeftText(r.daysLeft)})` : ''}
            </Fact>
            <Fact label={t('requests.detail.urgency')}>{t(`requests.urgency.${r.urgency}`)}</Fact>
            <Fact label={t('requests.detail.channel')}>{t(`requests.channel.${r.channel}`)}</Fact>
            <Fact label={t('requests.detail.referrer')}>{r.referrer ?? '—'}</Fact>
            <Fact label={t('requests.detail.municipality')}>
              {r.municipalityName} ({r.regionName})
            </Fact>
            <Fact label={t('requests.detail.lifeDomains')}>{r.lifeDomains.map(domainName).join(', ') || '—'}</Fact>
            <Fact label={t('requests.detail.contactInfo')}>{r.contactInfo ?? '—'}</Fact>
            <Fact label={t('requests.detail.contactPerson')}>
              {r.contactPerson ? `${r.contactPerson.name} (${r.contactPerson.organisationName})` : t('requests.noContact')}
            </Fact>
            {r.firstContactOn && <Fact label={t('requests.detail.firstContactOn')}>{formatDay(r.firstContactOn)}</Fact>}
            {r.answeredOn && <Fact label={t('requests.detail.answeredOn')}>{formatDay(r.answeredOn)}</Fact>}
            {r.outcome && <Fact label={t('requests.detail.outcome')}>{t(`requests.outcome.${r.outcome}`)}</Fact>}
          </SimpleGrid>
        </Stack>
      </Paper>

      <Modal opened={dialog === 'assign'} onClose={() => setDialog(null)} title={t('requests.steps.assignTitle')} centered size="lg" closeButtonProps={{ 'aria-label': t('account.close') }}>
        {dialog === 'assign' && (
          <AssignContactForm
            pending={step.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(personId, organisationId, name) =>
              step.mutate({ step: 'assign-contact', body: { version: r.version, personId, organisationId } }, { onSuccess: done(t('requests.steps.assigned', { name })), onError: fail })
            }
          />
        )}
      </Modal>
      <Modal opened={dialog === 'firstContact'} onClose={() => setDialog(null)} title={t('requests.steps.firstContactTitle')} centered closeButtonProps={{ 'aria-label': t('account.close') }}>
        {dialog === 'firstContact' && (
          <FirstContactForm
            request={r}
            pending={step.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(on) => step.mutate({ step: 'first-contact', body: { version: r.version, on } }, { onSuccess: done(t('requests.steps.firstContactDone')), onError: fail })}
          />
        )}
      </Modal>
      <Modal opened={dialog === 'answer'} onClose={() => setDialog(null)} title={t('requests.steps.answerTitle')} centered closeButtonProps={{ 'aria-label': t('account.close') }}>
        {dialog === 'answer' && (
          <AnswerForm
            request={r}
            pending={step.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(outcome) => step.mutate({ step: 'answer', body: { version: r.version, outcome } }, { onSuccess: done(t('requests.steps.answered')), onError: fail })}
          />
        )}
      </Modal>
    </Stack>
  );
}

function FormButtons({ pending, onCancel, label, disabled }: { pending: boolean; onCancel: () => void; label: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('requests.steps.cancel')}
      </Button>
      <Button type="submit" loading={pending} disabled={disabled}>
        {label}
      </Button>
    </Group>
  );
}

function AssignContactForm({ pending, onCancel, onSubmit }: { pending: boolean; onCancel: () => void; onSubmit: (personId: string, organisationId: string, name: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const candidates = useContactCandidates(q);
  const [personId, setPersonId] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const chosen = candidates.data?.find((c) => c.personId === personId);
  const orgs = chosen?.organisations ?? [];
  const orgId = organisationId ?? (orgs.length === 1 ? orgs[0]?.organisationId ?? null : null);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen && orgId) onSubmit(chosen.personId, orgId, chosen.name);
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('requests.steps.assignLead')}</Text>
        <TextInput label={t('requests.steps.search')} description={t('requests.steps.searchHelp')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
        {q.length >= 2 && candidates.data && candidates.data.length === 0 && <Text c="gray.8">{t('requests.steps.noCandidates')}</Text>}
        {candidates.data && candidates.data.length > 0 && (
          <Radio.Group label={t('requests.columns.contact')} value={personId} onChange={(v) => { setPersonId(v); setOrganisationId(null); }}>
            <Stack gap="xs" mt="xs">
              {candidates.data.map((c) => (
                <Radio key={c.personId} value={c.personId} label={`${c.name} — ${c.organisations.map((o) => o.organisationName).join(', ')}`} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {orgs.length > 1 && (
          <Select
            label={t('requests.steps.organisation')}
            required
            data={orgs.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
            value={orgId}
            onChange={setOrganisationId}
          />
        )}
        <FormButtons pending={pending} onCancel={onCancel} label={t('requests.steps.assignSubmit')} disabled={!chosen || !orgId} />
      </Stack>
    </form>
  );
}

function FirstContactForm({ request, pending, onCancel, onSubmit }: { request: TRequest; pending: boolean; onCancel: () => void; onSubmit: (on: string) => void }) {
  const { t } = useTranslation();
  const today = todayInBrussels();
  const [on, setOn] = useState<string | null>(today);
  const problem = !on ? t('requests.form.required') : on < request.receivedOn ? t('requests.form.dueBeforeReceipt') : on > today ? t('requests.form.futureReceipt') : null;
  const [touched, setTouched] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (on && !problem) onSubmit(on);
      }}
    >
      <Stack gap="md">
        <DayField label={t('requests.steps.firstContactOn')} required value={on} onChange={setOn} minDate={request.receivedOn} maxDate={today} error={touched ? problem : null} />
        <FormButtons pending={pending} onCancel={onCancel} label={t('requests.steps.save')} />
      </Stack>
    </form>
  );
}

function AnswerForm({ request, pending, onCancel, onSubmit }: { request: TRequest; pending: boolean; onCancel: () => void; onSubmit: (outcome: TRequestOutcome) => void }) {
  const { t } = useTranslation();
  const options = REQUEST_OUTCOMES.filter((o) => o !== 'plan_started' || request.familyId !== null);
  const [outcome, setOutcome] = useState<TRequestOutcome | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (outcome) onSubmit(outcome);
      }}
    >
      <Stack gap="md">
        <Radio.Group label={t('requests.detail.outcome')} required value={outcome} onChange={(v) => setOutcome(v as TRequestOutcome)}>
          <Stack gap="xs" mt="xs">
            {options.map((o) => (
              <Radio key={o} value={o} label={t(`requests.outcome.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <FormButtons pending={pending} onCancel={onCancel} label={t('requests.steps.answerSubmit')} disabled={!outcome} />
      </Stack>
    </form>
  );
}
