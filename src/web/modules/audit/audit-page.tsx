import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/nl-be';
import 'dayjs/locale/en-gb';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconBan, IconCheck, IconFilter, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AUDIT_OUTCOMES, useAudit, type TAuditFilters, type TAuditOutcome, type TAuditRow } from '../../api/admin.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { ErrorState } from '../../components/states.js';
import { localeFor } from '../../i18n.js';
import { formatDateTime } from '../account/format.js';
import { SectionNoAccess, useAdminContext } from '../admin/admin-layout.js';
import { ScrollRegion } from '../admin/labels.js';
import { TableSkeleton } from '../admin/organisations-panel.js';
import adminClasses from '../admin/admin.module.css';
import { brusselsDayBoundary } from './audit-format.js';

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
  const isMobile = useMediaQuery('(max-width: 47.99em)');
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
    <Stack gap="md">
      <div>
        <Title order={2} id={TITLE_ID}>
          {t('audit.title')}
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
            <DatePickerInput
              label={t('audit.filters.from')}
              placeholder={t('audit.filters.datePlaceholder')}
              valueFormat={DATE_FORMAT}
              locale={dateLocale}
              value={draft.from || null}
              onChange={(value) => set('from')(value ?? '')}
              clearable
            />
            <DatePickerInput
              label={t('audit.filters.to')}
              placeholder={t('audit.filters.datePlaceholder')}
              valueFormat={DATE_FORMAT}
              locale={dateLocale}
              value={draft.to || null}
              onChange={(value) => set('to')(value ?? '')}
              minDate={draft.from || undefined}
              clearable
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

      {audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
      ) : audit.isPending ? (
        <TableSkeleton rows={8} />
      ) : rows.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text>{filtered ? t('audit.emptyFiltered') : t('audit.empty')}</Text>
        </Paper>
      ) : isMobile ? (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={TITLE_ID}>
          {rows.map((r) => (
            <Paper component="li" key={r.id} withBorder radius="md" p="md">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600} title={r.action}>
                    {actionLabel(r.action)}
                  </Text>
                  <OutcomeBadge outcome={r.outcome} />
                </Group>
                <Text size="sm" className={adminClasses.tabular}>
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
            </Paper>
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md">
          <ScrollRegion labelledBy={TITLE_ID}>
            <Table miw={960} verticalSpacing="xs" horizontalSpacing="sm" aria-labelledby={TITLE_ID} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.columns.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.who')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.resource')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.ip')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td className={adminClasses.tabular}>{formatDateTime(r.occurredAt, locale)}</Table.Td>
                    <Table.Td>{who(r)}</Table.Td>
                    <Table.Td title={r.action}>{actionLabel(r.action)}</Table.Td>
                    <Table.Td title={r.resourceId ?? undefined} style={{ overflowWrap: 'anywhere' }}>
                      {resource(r)}
                    </Table.Td>
                    <Table.Td>
                      <OutcomeBadge outcome={r.outcome} />
                    </Table.Td>
                    <Table.Td className={adminClasses.tabular}>{r.ip ?? '—'}</Table.Td>
                    <Table.Td>{r.reason ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </Paper>
      )}

      {audit.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void audit.fetchNextPage()}
          loading={audit.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('audit.loadMore')}
        </Button>
      )}
      {audit.isFetchNextPageError && <ErrorState error={audit.error} onRetry={() => void audit.fetchNextPage()} />}
    </Stack>
  );
}
