import { useState } from 'react';
import { Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEscalateRegionSignal, useRegionSignals } from '../../../api/families/care.js';
import { errorMessageKey } from '../../../api/client.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { formatDateTime } from '../../../components/format.js';
import { ResponsiveList, type TListColumn } from '../../../components/list/responsive-list.js';
import { notify } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { EmptyState } from '../../../components/states.js';
import { localeFor } from '../../../i18n.js';
import type { TCaseSummary, TRegionSignal } from '../../../../shared/schemas/families/care.js';

const TITLE_ID = 'signals-title';

/** Where the signal came from, as a word (never cut off). */
function SourceBadge({ source }: { source: TRegionSignal['source'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" c="gray.9" tt="none" styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } }}>
      {t(`care.sources.${source}`)}
    </Badge>
  );
}

/** The pseudonymised case summary, as the case table gets it: codes, bands and counts only. */
function CaseSummaryView({ summary }: { summary: TCaseSummary }) {
  const { t } = useTranslation();
  const none = t('care.summary.none');
  return (
    <Stack gap="xs">
      <Text>
        <strong>{t('care.summary.pseudonym')}:</strong> {summary.pseudonym} · {summary.regionName}
      </Text>
      <Text>
        <strong>{t('care.summary.children')}:</strong> {summary.childAgeBands.join(', ') || none}
      </Text>
      <Text>
        <strong>{t('care.summary.domains')}:</strong> {summary.lifeDomains.join(', ') || none}
      </Text>
      <Text fw={700}>{t('care.summary.waits')}</Text>
      {summary.waits.length === 0 ? (
        <Text>{none}</Text>
      ) : (
        <List>
          {summary.waits.map((w, i) => (
            <List.Item key={i}>{t('care.summary.waitLine', { days: w.days, sectors: w.serviceSectors.join(', ') || t('care.summary.unknownSector') })}</List.Item>
          ))}
        </List>
      )}
      <Text>
        <strong>{t('care.summary.refused')}:</strong> {summary.refusedWaits}
      </Text>
      <Text fw={700}>{t('care.summary.signals')}</Text>
      <List>
        {summary.signals.map((s, i) => (
          <List.Item key={i}>
            {s.rule ? t(`care.rules.${s.rule}`) : t('care.summary.manualSignal')} ({s.since})
          </List.Item>
        ))}
      </List>
      <Text fw={700}>{t('care.summary.team')}</Text>
      <List>
        {summary.team.map((m, i) => (
          <List.Item key={i}>{t('care.summary.teamLine', { count: m.professionals, sectors: m.sectors.join(', ') || t('care.summary.unknownSector') })}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The network coordinator's list of blocked trajectories of the region: pseudonyms only, escalation to the case table. */
export function SignalsPage() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const query = useRegionSignals();
  const escalate = useEscalateRegionSignal();
  const [confirming, setConfirming] = useState<TRegionSignal | null>(null);
  const [showing, setShowing] = useState<TRegionSignal | null>(null);
  const items = query.data?.pages.flatMap((p) => p.data.items);
  const abilities = Object.assign({}, ...(query.data?.pages.map((p) => p.abilities) ?? [])) as Record<string, { escalate: boolean }>;

  // The text of a hand-raised signal reaches only coordinators on the family's team (the server sends null otherwise).
  const why = (s: TRegionSignal) =>
    s.rule
      ? t(`care.rules.${s.rule}`)
      : (s.reason ??
        (s.raisedByOrganisation ? t('care.signals.reasonHidden', { organisation: s.raisedByOrganisation }) : t('care.signals.reasonHiddenNoOrg')));
  const action = (s: TRegionSignal) =>
    s.caseSummary ? (
      <Button size="xs" variant="default" onClick={() => setShowing(s)} aria-label={t('care.signals.showSummaryOf', { pseudonym: s.pseudonym })}>
        {t('care.signals.showSummary')}
      </Button>
    ) : abilities[s.id]?.escalate ? (
      <Button size="xs" onClick={() => setConfirming(s)} aria-label={t('care.signals.escalateOf', { pseudonym: s.pseudonym })}>
        {t('care.signals.escalate')}
      </Button>
    ) : null;

  const columns: TListColumn<TRegionSignal>[] = [
    { key: 'pseudonym', header: t('care.signals.pseudonym'), cell: (s) => s.pseudonym, rowHeader: true, nowrap: true },
    { key: 'reason', header: t('care.signals.reason'), cell: why },
    {
      key: 'source',
      header: t('care.signals.source'),
      cell: (s) => <SourceBadge source={s.source} />,
      nowrap: true,
    },
    { key: 'since', header: t('care.signals.since'), cell: (s) => formatDateTime(s.raisedAt, locale), nowrap: true, compare: (a, b) => a.raisedAt.localeCompare(b.raisedAt) },
    { key: 'action', header: t('care.signals.action'), cell: action, nowrap: true },
  ];

  return (
    <>
      <PageHeader title={t('care.signals.title')} description={t('care.signals.lead')} />
      <Title order={2} id={TITLE_ID} size="h3" mb="sm">
        {t('care.signals.listTitle')}
      </Title>
      <ResponsiveList
        items={items}
        query={query}
        getKey={(s) => s.id}
        labelledBy={TITLE_ID}
        columns={columns}
        card={(s) => (
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fw={700}>{s.pseudonym}</Text>
              <SourceBadge source={s.source} />
            </Group>
            <Text>{why(s)}</Text>
            <Text size="sm">{t('care.signals.sinceLine', { date: formatDateTime(s.raisedAt, locale) })}</Text>
            <Group>{action(s)}</Group>
          </Stack>
        )}
        empty={<EmptyState title={t('care.signals.empty')} icon={<IconAlertTriangle size={28} aria-hidden="true" />}>{t('care.signals.emptyLead')}</EmptyState>}
        paging={query}
      />
      <ConfirmDialog
        opened={confirming !== null}
        title={t('care.signals.escalateTitle')}
        confirmLabel={t('care.signals.escalate')}
        loading={escalate.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return;
          escalate.mutate(
            { id: confirming.id, version: confirming.version },
            {
              onSuccess: (s) => {
                setConfirming(null);
                notify('green', t('care.signals.escalated', { pseudonym: s.pseudonym }));
                setShowing(s);
              },
              onError: (e) => notify('red', t(errorMessageKey(e))),
            },
          );
        }}
      >
        {t('care.signals.escalateText', { pseudonym: confirming?.pseudonym ?? '' })}
      </ConfirmDialog>
      <Modal opened={showing !== null} onClose={() => setShowing(null)} title={t('care.summary.title')} centered closeButtonProps={{ 'aria-label': t('account.close') }}>
        {showing?.caseSummary && <CaseSummaryView summary={showing.caseSummary} />}
      </Modal>
    </>
  );
}
