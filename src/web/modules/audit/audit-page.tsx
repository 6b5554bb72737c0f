import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/nl-be';
import 'dayjs/locale/en-gb';
import { IconAlertTriangle, IconBan, IconCheck, IconFilter, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AUDIT_OUTCOMES, useAudit, type TAuditFilters, type TAuditOutcome, type TAuditRow } from '../../api/admin.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { ResponsiveList } from '../../components/list/responsive-list.js';
import { localeFor } from '../../i18n.js';
import { formatDateTime } from '../../components/format.js';
import { SectionNoAccess, useAdminContext } from '../admin/admin-layout.js';
import { Term } from '../../components/term.js';
import { brusselsDayBoundary, parseBelgianDate } from './audit-format.js';

const TITLE_ID = 'audit-title';
/** Belgian day/month/year in both languages (22/11/2026), whatever the browser's own format. */
const DATE_FORMAT = 'DD/MM/YYYY';

/** Every action the server records, for the filter; a code not in this list still shows as itself. */
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.logout_all',
  'auth.mfa',
  'auth.mfa_enrol',
  'auth.mfa_replace',
  'auth.recovery_codes_renew',
  'auth.reauth',
  'auth.enrol',
  'auth.oidc_link',
  'auth.password_change',
  'auth.password_reset',
  'auth.password_reset_request',
  'auth.session_revoke',
  'organisation.create',
  'organisation.update',
  'person.create',
  'person.update',
  'person.disable',
  'person.enable',
  'request.denied',
  'request.csrf',
] as const;

/** Outcome with an icon and a word, not by colour alone. */
function OutcomeBadge({ outcome }: { outcome: TAuditOutcome }) {
  const { t } = useTranslation();
  const Icon = outcome === 'success' ? IconCheck : outcome === 'denied' ? IconBan : IconAlertTriangle;
  const color = outcome === 'success' ? 'green' : outcome === 'denied' ? 'orange' : 'red';

  return (
    <Badge
      variant="light"
      color={color}
      c="gray.9"
      tt="none"
      styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } }}
      leftSection={<Icon size={14} aria-hidden="true" />}>
      {t(`audit.outcome.${outcome}`)}
    </Badge>
  );
}

interface TFilterValues {
  action: string;
  outcome: string;
  from: string;
  to: string;
}
const EMPTY: TFilterValues = { action: '', outcome: '', from: '', to: '' };

function toFilters(values: TFilterValues): TAuditFilters {
  return {
    action: values.action.trim() || undefined,
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(values.outcome) ? (values.outcome as TAuditOutcome) : undefined,
    from: values.from ? brusselsDayBoundary(values.from, 'start') : undefined,
    to: values.to ? brusselsDayBoundary(values.to, 'end') : undefined,
  };
}

/** The audit trail for platform admins: filters, newest first, more on request. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const { me } = useAdminContext();
  const allowed = Boolean(me.abilities['audit.view']);
  useDocumentTitle(t('audit.title'));
  const [draft, setDraft] = useState<TFilterValues>(EMPTY);
  const [applied, setApplied] = useState<TAuditFilters>({});
  const [dateError, setDateError] = useState<string | null>(null);
  const audit = useAudit(applied, allowed);

  if (!allowed) return <SectionNoAccess />;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setDateError(t('audit.filters.toBeforeFrom'));
      return;
    }
    setDateError(null);
    setApplied(toFilters(draft));
  };
  const clear = () => {
    setDraft(EMPTY);
    setDateError(null);
    setApplied({});
  };
  const set = (key: keyof TFilterValues) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const rows = audit.data?.pages.flatMap((p) => p.data) ?? [];
  const who = (r: TAuditRow) => r.actorName ?? r.actorLabel ?? t('audit.unknownActor');
  // Codes the labels do not know yet (a module added an action) still show, as the code itself.
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  const typeLabel = (type: string) => t(`audit.resources.${type}`, { defaultValue: type });
  // A person or organisation by name; otherwise the id, long ones (uuids) shortened (full id in the tooltip).
  const resource = (r: TAuditRow) => {
    const name = r.resourceName ?? (r.resourceId ? (r.resourceId.length > 12 ? `${r.resourceId.slice(0, 8)}…` : r.resourceId) : null);
    return name ? `${typeLabel(r.resourceType)}: ${name}` : typeLabel(r.resourceType);
  };
  const dateLocale = locale === 'en-GB' ? 'en-gb' : 'nl-be';
  const filtered = Object.values(applied).some(Boolean);

  return (
    // No red weekend days: red on white is below the contrast minimum, and the audit knows no weekends.
    <DatesProvider settings={{ locale: dateLocale, firstDayOfWeek: 1, weekendDays: [] }}>
      <Stack gap="md">
        <div>
          <Title order={2} id={TITLE_ID}>
            <Term term="audit">{t('audit.title')}</Term>
          </Title>
          <Text c="gray.8">{t('audit.lead')}</Text>
        </div>

        <Paper withBorder radius="md" p="md" component="form" onSubmit={apply} noValidate aria-label={t('audit.filters.label')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
              <Select
                label={t('audit.filters.action')}
                data={[
                  { value: '', label: t('audit.filters.anyAction') },
                  ...KNOWN_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })),
                ]}
                value={draft.action}
                onChange={(value) => set('action')(value ?? '')}
                searchable
                allowDeselect={false}
              />
              <Select
                label={t('audit.filters.outcome')}
                data={[
                  { value: '', label: t('audit.filters.anyOutcome') },
                  ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) })),
                ]}
                value={draft.outcome}
                onChange={(value) => set('outcome')(value ?? '')}
                allowDeselect={false}
              />
              <DateInput
                label={t('audit.filters.from')}
                placeholder={t('audit.filters.datePlaceholder')}
                valueFormat={DATE_FORMAT}
                dateParser={parseBelgianDate}
                value={draft.from || null}
                onChange={(value) => set('from')(value ?? '')}
                maxDate={draft.to || undefined}
                clearable
                clearButtonProps={{ 'aria-label': t('audit.filters.clearDate') }}
              />
              <DateInput
                label={t('audit.filters.to')}
                placeholder={t('audit.filters.datePlaceholder')}
                valueFormat={DATE_FORMAT}
                dateParser={parseBelgianDate}
                value={draft.to || null}
                onChange={(value) => set('to')(value ?? '')}
                minDate={draft.from || undefined}
                clearable
                clearButtonProps={{ 'aria-label': t('audit.filters.clearDate') }}
                error={dateError}
              />
            </SimpleGrid>
            <Group gap="sm">
              <Button type="submit" leftSection={<IconFilter size={18} aria-hidden="true" />}>
                {t('audit.filters.apply')}
              </Button>
              <Button variant="default" onClick={clear} leftSection={<IconX size={18} aria-hidden="true" />}>
                {t('audit.filters.clear')}
              </Button>
            </Group>
          </Stack>
        </Paper>

        <ResponsiveList
          items={rows}
          query={audit}
          paging={audit}
          loadMoreLabel={t('audit.loadMore')}
          getKey={(r) => r.id}
          labelledBy={TITLE_ID}
          skeletonRows={8}
          striped
          empty={
            <Paper withBorder radius="md" p="lg">
              <Text>{filtered ? t('audit.emptyFiltered') : t('audit.empty')}</Text>
            </Paper>
          }
          columns={[
            { key: 'time', header: t('audit.columns.time'), nowrap: true, cell: (r) => formatDateTime(r.occurredAt, locale) },
            { key: 'who', header: t('audit.columns.who'), cell: who },
            { key: 'action', header: t('audit.columns.action'), cell: (r) => actionLabel(r.action), title: (r) => r.action },
            { key: 'resource', header: t('audit.columns.resource'), cell: resource, title: (r) => r.resourceId ?? undefined },
            { key: 'outcome', header: t('audit.columns.outcome'), cell: (r) => <OutcomeBadge outcome={r.outcome} /> },
            { key: 'ip', header: t('audit.columns.ip'), nowrap: true, cell: (r) => r.ip ?? '—' },
            { key: 'reason', header: t('audit.columns.reason'), cell: (r) => r.reason ?? '—' },
          ]}
          card={(r) => (
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600} title={r.action}>
                  {actionLabel(r.action)}
                </Text>
                <OutcomeBadge outcome={r.outcome} />
              </Group>
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(r.occurredAt, locale)}
              </Text>
              <Text size="sm">
                {t('audit.columns.who')}: {who(r)}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('audit.columns.resource')}: {resource(r)}
              </Text>
              {r.ip && (
                <Text size="sm">
                  {t('audit.columns.ip')}: {r.ip}
                </Text>
              )}
              {r.reason && (
                <Text size="sm">
                  {t('audit.columns.reason')}: {r.reason}
                </Text>
              )}
            </Stack>
          )}
        />
      </Stack>
    </DatesProvider>
  );
}
