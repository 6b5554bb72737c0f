import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CONSENT_SCOPES } from '../../../shared/schemas/families/enums.js';
import type { ZPortalConsent } from '../../../shared/schemas/portal.js';
import { usePortalConsents, usePortalGiveConsent, usePortalWithdrawConsent } from '../../api/portal.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { authErrorText } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { useFormat } from '../../i18n.js';
import { PortalBadge, PortalHeading, formatPortalDay } from './portal-frame.js';
import { usePortalViewer } from './use-portal-me.js';
import { ConfidantsSection } from './confidants-section.js';
import { ObjectionsSection } from './objections-section.js';

type TConsent = z.infer<typeof ZPortalConsent>;
type TScope = (typeof CONSENT_SCOPES)[number];
const isScope = (s: string): s is TScope => (CONSENT_SCOPES as readonly string[]).includes(s);

/** "Toestemming": which organisation may see what since when; withdraw (at once, after a confirmation) or give. */
export function ConsentPage() {
  const { t } = useTranslation();
  const me = usePortalViewer();
  const consents = usePortalConsents();
  const withdraw = usePortalWithdrawConsent();
  const [asked, setAsked] = useState<TConsent | null>(null);
  const [error, setError] = useState<string | null>(null);

  const confirmWithdraw = () => {
    if (!asked) return;
    withdraw.mutate(asked.id, {
      onSuccess: () => {
        setAsked(null);
        notify('green', t('portal.consent.withdrawn'));
      },
      onError: (e) => {
        setAsked(null);
        setError(authErrorText(t, e));
      },
    });
  };

  return (
    <>
      <PortalHeading title={t('portal.consent.title')} lead={t('portal.consent.lead')} />
      {consents.isPending ? (
        <SectionSkeleton />
      ) : consents.isError ? (
        <ErrorState error={consents.error} onRetry={() => void consents.refetch()} retrying={consents.isFetching} />
      ) : (
        <Stack gap="xl">
          <FormError message={error} />
          {consents.data.data.consents.length === 0 ? (
            <EmptyState title={t('portal.consent.empty')} order={2} />
          ) : (
            <Stack gap="md">
              {consents.data.data.consents.map((c) => (
                <ConsentCard key={c.id} consent={c} onWithdraw={() => setAsked(c)} />
              ))}
            </Stack>
          )}
          {me.abilities.manageConsent && me.memberId && consents.data.data.subjects.length > 0 && (
            <GiveConsent me={me.memberId} subjects={consents.data.data.subjects} organisations={consents.data.data.organisations} />
          )}
          {me.abilities.object && <ObjectionsSection objections={consents.data.data.objections} />}
          {me.abilities.designateConfidant && <ConfidantsSection />}
        </Stack>
      )}
      <ConfirmDialog
        opened={asked !== null}
        title={t('portal.consent.withdrawTitle')}
        confirmLabel={t('portal.consent.withdrawConfirm')}
        loading={withdraw.isPending}
        onConfirm={confirmWithdraw}
        onClose={() => setAsked(null)}
      >
        {t('portal.consent.withdrawText', { organisation: asked?.person ? `${asked.person} (${asked.organisation})` : (asked?.organisation ?? '') })}
      </ConfirmDialog>
    </>
  );
}

function ConsentCard({ consent: c, onWithdraw }: { consent: TConsent; onWithdraw: () => void }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const day = (v: string) => formatPortalDay(v, locale);
  const override = c.kind === 'override';
  const scopes = c.scopes.map((s) => (isScope(s) ? t(`portal.consent.scopes.${s}`) : s)).join(', ');
  const active = c.state === 'current' || c.state === 'future';
  return (
    <Card withBorder radius="md" p="md" component="article" aria-labelledby={`consent-${c.id}`} bg={override ? 'orange.0' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Title order={2} size="h4" id={`consent-${c.id}`}>
            {c.organisation}
          </Title>
          <PortalBadge color={override ? 'orange' : active ? 'green' : 'gray'}>
            {override ? t('portal.consent.overrideTitle') : t(`portal.consent.state.${c.state}`)}
          </PortalBadge>
        </Group>
        {c.person && <Text>{t('portal.consent.person', { name: c.person })}</Text>}
        {c.subject && <Text size="sm">{t('portal.consent.about', { name: c.subject.name })}</Text>}
        <Text size="sm">{t('portal.consent.may', { what: scopes })}</Text>
        <Text size="sm">
          {t('portal.consent.since', { date: day(c.validFrom) })}
          {c.validUntil && ` · ${t('portal.consent.until', { date: day(c.validUntil) })}`}
        </Text>
        {c.givenBy && <Text size="sm">{t('portal.consent.givenBy', { name: c.givenBy })}</Text>}
        {c.withdrawnAt && <Text size="sm">{t('portal.consent.withdrawnOn', { date: day(c.withdrawnAt) })}</Text>}
        {override && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} mt={4}>
            {(c.overrideBasis === 'danger' || c.overrideBasis === 'legal_duty') && <Text c="gray.9">{t(`portal.consent.overrideBasis.${c.overrideBasis}`)}</Text>}
            {c.reason && (
              <Text fw={700} c="gray.9">
                {t('portal.consent.reason', { reason: c.reason })}
              </Text>
            )}
          </Alert>
        )}
        {c.canWithdraw && (
          <Button color="red.9" variant="outline" size="md" mt="xs" style={{ alignSelf: 'flex-start' }} onClick={onWithdraw} aria-label={`${t('portal.consent.withdraw')}: ${c.person ?? c.organisation}`}>
            {t('portal.consent.withdraw')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function GiveConsent({ me, subjects, organisations }: { me: string; subjects: { memberId: string; name: string }[]; organisations: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const give = usePortalGiveConsent();
  const [memberId, setMemberId] = useState(subjects.some((s) => s.memberId === me) ? me : (subjects[0]?.memberId ?? ''));
  const [organisationId, setOrganisationId] = useState('');
  const [scopes, setScopes] = useState<TScope[]>(['read_plan']);
  const [error, setError] = useState<string | null>(null);
  if (organisations.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!organisationId) return setError(t('portal.consent.organisationRequired'));
    if (scopes.length === 0) return setError(t('portal.consent.scopesRequired'));
    give.mutate(
      { subjectMemberId: memberId, organisationId, scopes },
      {
        onSuccess: () => {
          notify('green', t('portal.consent.given'));
          setOrganisationId('');
        },
        onError: (e) => setError(authErrorText(t, e)),
      },
    );
  };

  return (
    <Card withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-labelledby="portal-give">
      <Stack gap="sm">
        <Title order={2} size="h3" id="portal-give">
          {t('portal.consent.giveTitle')}
        </Title>
        <Text c="gray.8">{t('portal.consent.giveLead')}</Text>
        <FormError message={error} />
        {subjects.length > 1 && (
          <NativeSelect
            label={t('portal.consent.subject')}
            size="md"
            value={memberId}
            onChange={(e) => setMemberId(e.currentTarget.value)}
            data={subjects.map((s) => ({ value: s.memberId, label: s.memberId === me ? t('portal.consent.subjectMe', { name: s.name }) : s.name }))}
          />
        )}
        <NativeSelect
          label={t('portal.consent.organisation')}
          size="md"
          value={organisationId}
          onChange={(e) => setOrganisationId(e.currentTarget.value)}
          data={[{ value: '', label: '—' }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <Checkbox.Group label={t('portal.consent.scopesLabel')} value={scopes} onChange={(v) => setScopes(v.filter(isScope))}>
          <Stack gap="xs" mt={6}>
            {CONSENT_SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`portal.consent.scopes.${s}`)} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button type="submit" size="md" loading={give.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('portal.consent.give')}
        </Button>
      </Stack>
    </Card>
  );
}
