import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { wrappingBadge } from '../../admin/labels.js';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TConsent, TFamilyMember, TNetworkPerson } from '../../../../shared/schemas/families/family.js';
import { useEndMember, useEndNetwork, useEndTeamMember, useWithdrawConsent } from '../../../api/families/family.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { notify } from '../../../components/notify.js';
import { errorMessageKey } from '../../../api/client.js';
import { ConsentDialog, HandOverDialog, MemberDialog, NetworkDialog, OverrideDialog, TeamDialog } from './family-dialogs.js';
import { useFamilyContext } from './family-layout.js';
import { FamilySection } from '../family-ui.js';
import { formatDay, formatInstantDay } from './format.js';

type TDialog = 'member' | 'network' | 'team' | 'consent' | 'override' | 'handover' | null;
type TConfirm = { title: string; text: string; label: string; run: () => Promise<unknown> } | null;

function Item({ children, muted }: { children: ReactNode; muted?: boolean }) {
  return (
    <Paper withBorder radius="md" p="sm" component="li" bg={muted ? 'gray.0' : undefined}>
      {children}
    </Paper>
  );
}

function Items({ children, empty }: { children: ReactNode[]; empty: string }) {
  if (children.length === 0) return <Text c="gray.8">{empty}</Text>;
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

const AddButton = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={onClick}>
    {label}
  </Button>
);

/** The overview tab: members, informal network, team (with the contact person) and consents. */
export function FamilyOverview() {
  const { t, i18n } = useTranslation();
  const { data, abilities } = useFamilyContext();
  const familyId = data.family.id;
  const [dialog, setDialog] = useState<TDialog>(null);
  const [editMember, setEditMember] = useState<TFamilyMember | null>(null);
  const [editNetwork, setEditNetwork] = useState<TNetworkPerson | null>(null);
  const [confirm, setConfirm] = useState<TConfirm>(null);
  const [busy, setBusy] = useState(false);
  const endMember = useEndMember(familyId);
  const endNetwork = useEndNetwork(familyId);
  const endTeam = useEndTeamMember(familyId);
  const withdraw = useWithdrawConsent(familyId);
  const lang = i18n.language;

  const runConfirm = async () => {
    if (!confirm) return;
    setBusy(true);
    try {
      await confirm.run();
      notify('green', t('families.saved'));
      setConfirm(null);
    } catch (error) {
      notify('red', t(errorMessageKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const period = (c: TConsent) =>
    c.validUntil
      ? t('families.consent.periodUntil', { from: formatInstantDay(c.validFrom, lang), until: formatInstantDay(new Date(new Date(c.validUntil).getTime() - 1).toISOString(), lang) })
      : t('families.consent.periodOpen', { from: formatInstantDay(c.validFrom, lang) });

  const stateColor: Record<TConsent['state'], string> = { current: 'green', future: 'blue', expired: 'gray', withdrawn: 'red' };

  return (
    <Stack gap="xl">
      <FamilySection id="members-title" title={t('families.members.title')} action={abilities.editMembers && <AddButton label={t('families.members.add')} onClick={() => (setEditMember(null), setDialog('member'))} />}>
        <Items empty={t('families.members.empty')}>
          {data.members.map((m) => (
            <Item key={m.id} muted={m.endedAt !== null}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600}>{m.name}</Text>
                  <Text size="sm" c="gray.8">
                    {t(`families.roles.${m.role}`)}
                    {m.birthDate ? ` · ${formatDay(m.birthDate, lang)}` : ''}
                    {m.age !== null ? ` · ${t('families.members.age', { count: m.age })}` : ''}
                    {m.endedAt ? ` · ${t('families.ended')}` : ''}
                  </Text>
                </div>
                {abilities.editMembers && !m.endedAt && (
                  <Group gap="xs">
                    <Button size="xs" variant="default" aria-label={t('families.members.editNamed', { name: m.name })} onClick={() => (setEditMember(m), setDialog('member'))}>
                      {t('families.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('families.members.endNamed', { name: m.name })}
                      onClick={() =>
                        setConfirm({
                          title: t('families.members.endTitle', { name: m.name }),
                          text: t('families.members.endText'),
                          label: t('families.members.end'),
                          run: () => endMember.mutateAsync({ id: m.id, version: m.version }),
                        })
                      }
                    >
                      {t('families.members.end')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Item>
          ))}
        </Items>
      </FamilySection>

      <FamilySection id="network-title" title={t('families.network.title')} action={abilities.editMembers && <AddButton label={t('families.network.add')} onClick={() => (setEditNetwork(null), setDialog('network'))} />}>
        <Items empty={t('families.network.empty')}>
          {data.network.map((n) => (
            <Item key={n.id} muted={n.endedAt !== null}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600}>{n.name}</Text>
                  <Text size="sm" c="gray.8">
                    {n.relation}
                    {n.roleInPlan ? ` · ${n.roleInPlan}` : ''}
                    {n.contact ? ` · ${n.contact}` : ''}
                    {n.endedAt ? ` · ${t('families.ended')}` : ''}
                  </Text>
                </div>
                {abilities.editMembers && !n.endedAt && (
                  <Group gap="xs">
                    <Button size="xs" variant="default" aria-label={t('families.network.editNamed', { name: n.name })} onClick={() => (setEditNetwork(n), setDialog('network'))}>
                      {t('families.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('families.network.endNamed', { name: n.name })}
                      onClick={() =>
                        setConfirm({
                          title: t('families.network.endTitle', { name: n.name }),
                          text: t('families.network.endText'),
                          label: t('families.network.end'),
                          run: () => endNetwork.mutateAsync({ id: n.id, version: n.version }),
                        })
                      }
                    >
                      {t('families.network.end')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Item>
          ))}
        </Items>
      </FamilySection>

      <FamilySection
        id="team-title"
        title={t('families.team.title')}
        action={
          <Group gap="xs">
            {abilities.handOver && (
              <Button size="sm" variant="default" onClick={() => setDialog('handover')}>
                {t('families.contact.handOver')}
              </Button>
            )}
            {abilities.manageTeam && <AddButton label={t('families.team.add')} onClick={() => setDialog('team')} />}
          </Group>
        }
      >
        <Items empty={t('families.team.empty')}>
          {data.team
            .filter((m) => !m.untilAt)
            .map((m) => (
              <Item key={m.id}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Group gap="xs">
                      <Text fw={600}>{m.personName}</Text>
                      {m.isContact && (
                        <Badge variant="light" color="petrol" c="gray.9" tt="none" styles={wrappingBadge}>
                          {t('families.team.contact')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="gray.8">
                      {m.organisationName}
                      {m.role ? ` · ${m.role}` : ''} · {t('families.since', { date: formatInstantDay(m.fromAt, lang) })}
                    </Text>
                  </div>
                  {abilities.manageTeam && !m.isContact && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('families.team.endNamed', { name: m.personName })}
                      onClick={() =>
                        setConfirm({
                          title: t('families.team.endTitle', { name: m.personName }),
                          text: t('families.team.endText'),
                          label: t('families.team.end'),
                          run: () => endTeam.mutateAsync({ id: m.id }),
                        })
                      }
                    >
                      {t('families.team.end')}
                    </Button>
                  )}
                </Group>
              </Item>
            ))}
        </Items>
        {data.contactHistory.length > 1 && (
          <Text size="sm" c="gray.8">
            {t('families.contact.history')}:{' '}
            {data.contactHistory
              .flatMap((c) => (c.untilAt ? [`${c.personName} (${formatInstantDay(c.fromAt, lang)} – ${formatInstantDay(c.untilAt, lang)})`] : []))
              .join('; ')}
          </Text>
        )}
      </FamilySection>

      <FamilySection
        id="consent-title"
        title={t('families.consent.title')}
        action={
          <Group gap="xs">
            {abilities.override && (
              <Button size="sm" variant="default" onClick={() => setDialog('override')}>
                {t('families.override.open')}
              </Button>
            )}
            {abilities.manageConsent && <AddButton label={t('families.consent.record')} onClick={() => setDialog('consent')} />}
          </Group>
        }
      >
        <Items empty={t('families.consent.empty')}>
          {data.consents.map((c) => (
            <Item key={c.id} muted={c.state === 'withdrawn' || c.state === 'expired'}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs">
                    <Text fw={600}>
                      {c.kind === 'override' ? t(`families.override.bases.${c.overrideBasis ?? 'danger'}`) : t('families.consent.toWhom', { to: c.personName ? `${c.personName} (${c.organisationName})` : c.organisationName })}
                    </Text>
                    <Badge variant="light" color={stateColor[c.state]} c="gray.9" tt="none" styles={wrappingBadge}>
                      {t(`families.consent.states.${c.state}`)}
                    </Badge>
                    {c.kind === 'override' && (
                      <Badge variant="light" color="yellow" c="gray.9" tt="none" styles={wrappingBadge}>
                        {t('families.override.badge')}
                      </Badge>
                    )}
                  </Group>
                  {abilities.manageConsent && (c.state === 'current' || c.state === 'future') && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() =>
                        setConfirm({
                          title: t('families.consent.withdrawTitle'),
                          text: t('families.consent.withdrawText', { to: c.personName ?? c.organisationName }),
                          label: t('families.consent.withdraw'),
                          run: () => withdraw.mutateAsync({ id: c.id, withdrawnByMemberId: c.givenByMemberId }),
                        })
                      }
                    >
                      {t('families.consent.withdraw')}
                    </Button>
                  )}
                </Group>
                <Text size="sm" c="gray.8">
                  {c.kind === 'override'
                    ? t('families.override.by', { name: c.personName ?? '' })
                    : t('families.consent.givenByLine', { name: c.givenByName ?? '', subject: c.subjectName ?? '' })}
                  {' · '}
                  {c.scopes.map((s) => t(`families.scopes.${s}`)).join(', ')}
                  {' · '}
                  {period(c)}
                </Text>
                {c.reason && <Text size="sm">{c.reason}</Text>}
                {c.withdrawnAt && (
                  <Text size="sm" c="gray.8">
                    {t('families.consent.withdrawnOn', { date: formatInstantDay(c.withdrawnAt, lang), name: c.withdrawnByName ?? '' })}
                  </Text>
                )}
              </Stack>
            </Item>
          ))}
        </Items>
      </FamilySection>

      <MemberDialog familyId={familyId} member={editMember} opened={dialog === 'member'} onClose={() => setDialog(null)} />
      <NetworkDialog familyId={familyId} person={editNetwork} opened={dialog === 'network'} onClose={() => setDialog(null)} />
      <TeamDialog familyId={familyId} opened={dialog === 'team'} onClose={() => setDialog(null)} />
      <ConsentDialog page={data} opened={dialog === 'consent'} onClose={() => setDialog(null)} />
      <OverrideDialog familyId={familyId} opened={dialog === 'override'} onClose={() => setDialog(null)} />
      <HandOverDialog familyId={familyId} version={data.family.version} opened={dialog === 'handover'} onClose={() => setDialog(null)} />
      <ConfirmDialog opened={confirm !== null} title={confirm?.title ?? ''} confirmLabel={confirm?.label ?? ''} loading={busy} onConfirm={() => void runConfirm()} onClose={() => setConfirm(null)}>
        {confirm?.text}
      </ConfirmDialog>
    </Stack>
  );
}
