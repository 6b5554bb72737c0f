import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TAtelier, TCommitment, TCommitmentCreate, TParticipant } from '../../../../shared/schemas/families/care.js';
import type { TPlanOwner } from '../../../../shared/schemas/families/plan.js';
import { useAtelierMutations, useAteliers } from '../../../api/families/care.js';
import { usePlan } from '../../../api/families/plan.js';
import { FormError } from '../../../components/form/form-error.js';
import { ResponsiveList, type TListColumn } from '../../../components/list/responsive-list.js';
import { notify } from '../../../components/notify.js';
import { SectionSkeleton } from '../../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../../components/states.js';
import { useFamilyContext, type TFamilyContext } from '../family/family-layout.js';
import { DateInput } from '../../../components/date-input.js';
import { formatDay, todayInBrussels } from '../requests/labels.js';
import { FormDialog, FamilySection, DialogActions, StateBadge, isConflict, useErrorText } from '../family-ui.js';
import { DisclosureBadge, DisclosureChoice, MarkItem, currentYouths, markingBody, useMarking } from './disclosure-choice.js';

/** Someone who can take part in an atelier or own a commitment: a member, a network person or a team member of this family. */
interface TPerson {
  kind: TParticipant['kind'];
  id: string;
  name: string;
  detail: string;
}
const personKey = (p: { kind: string; id: string }) => `${p.kind}:${p.id}`;

/** The family's current people, from the family page: members, informal network, open team. */
function usePeople(page: TFamilyContext['data']): TPerson[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      ...page.members.filter((m) => !m.endedAt).map((m) => ({ kind: 'member' as const, id: m.id, name: m.name, detail: t(`families.roles.${m.role}`) })),
      ...page.network.filter((n) => !n.endedAt).map((n) => ({ kind: 'network' as const, id: n.id, name: n.name, detail: n.relation })),
      ...page.team.filter((m) => !m.untilAt).map((m) => ({ kind: 'professional' as const, id: m.personId, name: m.personName, detail: m.organisationName })),
    ],
    [page, t],
  );
}

type TDialog = { kind: 'atelier' } | { kind: 'commitment'; atelier: TAtelier } | { kind: 'toPlan'; commitmentId: string } | { kind: 'marking'; atelierId: string } | null;

/** The ateliers tab: the open commitments to follow up, and each atelier with its participants, ideas and commitments. */
export function AteliersTab() {
  const { t } = useTranslation();
  const { data } = useFamilyContext();
  const familyId = data.family.id;
  const ateliers = useAteliers(familyId);
  const { update, updateCommitment } = useAtelierMutations(familyId);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<TDialog>(null);
  const close = () => setDialog(null);
  const abilities = ateliers.data?.abilities ?? { manage: false, toPlan: false };
  const list = ateliers.data?.data.items;
  const commitments = useMemo(() => (list ?? []).flatMap((a) => a.commitments), [list]);
  const open = useMemo(
    () => commitments.filter((c) => c.status === 'open').sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')),
    [commitments],
  );

  const setStatus = (c: TCommitment, status: TCommitment['status']) =>
    updateCommitment.mutate(
      { commitmentId: c.id, body: { version: c.version, status } },
      { onSuccess: () => notify('green', t(`care.ateliers.statusSaved.${status}`, { what: c.description })), onError: (err) => notify('red', errorText(err)) },
    );

  const followUp = (c: TCommitment) =>
    abilities.manage ? (
      <Group gap="xs" wrap="wrap">
        <Button size="xs" variant="light" onClick={() => setStatus(c, 'done')} aria-label={t('care.ateliers.markDoneOf', { what: c.description })}>
          {t('care.ateliers.markDone')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setStatus(c, 'dropped')} aria-label={t('care.ateliers.dropOf', { what: c.description })}>
          {t('care.ateliers.drop')}
        </Button>
        {abilities.toPlan && !c.planActionKey && (
          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'toPlan', commitmentId: c.id })} aria-label={t('care.ateliers.toPlanOf', { what: c.description })}>
            {t('care.ateliers.toPlan')}
          </Button>
        )}
      </Group>
    ) : null;

  const due = (c: TCommitment) => (
    <Group gap={6} wrap="wrap">
      <Text size="sm" span>
        {formatDay(c.dueOn)}
      </Text>
      {c.overdue && <StateBadge color="red">{t('care.ateliers.overdue')}</StateBadge>}
    </Group>
  );
  const inPlan = (c: TCommitment) => (c.planActionKey ? <StateBadge color="petrol">{t('care.ateliers.inPlan')}</StateBadge> : null);

  const columns: TListColumn<TCommitment>[] = [
    { key: 'what', header: t('care.ateliers.commitment'), rowHeader: true, cell: (c) => (
      <Stack gap={2} align="flex-start">
        <Text size="sm" fw={600}>
          {c.description}
        </Text>
        {inPlan(c)}
      </Stack>
    ) },
    { key: 'owner', header: t('care.ateliers.owner'), cell: (c) => c.ownerLabel },
    { key: 'due', header: t('care.ateliers.dueOn'), cell: due, compare: (a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') },
    { key: 'atelier', header: t('care.ateliers.fromAtelier'), cell: (c) => formatDay(c.atelierHeldOn), nowrap: true },
    ...(abilities.manage ? [{ key: 'actions', header: t('care.ateliers.followUp'), cell: followUp }] : []),
  ];

  const toPlanCommitment = dialog?.kind === 'toPlan' ? commitments.find((c) => c.id === dialog.commitmentId) : undefined;
  const markingAtelier = dialog?.kind === 'marking' ? list?.find((a) => a.id === dialog.atelierId) : undefined;

  return (
    <Stack gap="xl">
      <FamilySection id="commitments-title" title={t('care.ateliers.openTitle')} lead={t('care.ateliers.openLead')}>
        <ResponsiveList
          items={list ? open : undefined}
          query={ateliers}
          getKey={(c) => c.id}
          labelledBy="commitments-title"
          columns={columns}
          card={(c) => (
            <Stack gap={6}>
              <Text fw={700}>{c.description}</Text>
              {inPlan(c)}
              <Text size="sm">
                {t('care.ateliers.owner')}: {c.ownerLabel}
              </Text>
              <Group gap={6}>
                <Text size="sm" span>
                  {t('care.ateliers.dueOn')}:
                </Text>
                {due(c)}
              </Group>
              {followUp(c)}
            </Stack>
          )}
          empty={<Text c="gray.8">{t('care.ateliers.noOpen')}</Text>}
        />
      </FamilySection>

      <FamilySection
        id="ateliers-title"
        title={t('care.ateliers.title')}
        lead={t('care.ateliers.lead')}
        action={
          abilities.manage && (
            <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setDialog({ kind: 'atelier' })}>
              {t('care.ateliers.add')}
            </Button>
          )
        }
      >
        {ateliers.isPending ? (
          <SectionSkeleton rows={3} />
        ) : ateliers.isError ? (
          <ErrorState error={ateliers.error} onRetry={() => void ateliers.refetch()} />
        ) : list && list.length === 0 ? (
          <EmptyState title={t('care.ateliers.empty')} icon={<IconUsersGroup size={28} aria-hidden="true" />}>
            {abilities.manage ? t('care.ateliers.emptyLead') : t('care.ateliers.emptyLeadRead')}
          </EmptyState>
        ) : (
          <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {list?.map((a) => (
              <AtelierCard
                key={a.id}
                atelier={a}
                manage={abilities.manage}
                youthName={data.members.find((m) => m.id === a.youthMemberId)?.name}
                onAddCommitment={() => setDialog({ kind: 'commitment', atelier: a })}
                onMark={() => setDialog({ kind: 'marking', atelierId: a.id })}
                onReopen={(c) => setStatus(c, 'open')}
              />
            ))}
          </Stack>
        )}
      </FamilySection>

      <FormDialog opened={dialog?.kind === 'atelier'} title={t('care.ateliers.addTitle')} onClose={close}>
        <AtelierForm familyId={familyId} onDone={close} />
      </FormDialog>
      <FormDialog opened={dialog?.kind === 'commitment'} title={t('care.ateliers.addCommitmentTitle')} onClose={close}>
        {dialog?.kind === 'commitment' && <CommitmentForm familyId={familyId} atelier={dialog.atelier} onDone={close} />}
      </FormDialog>
      <FormDialog opened={dialog?.kind === 'toPlan'} title={t('care.ateliers.toPlanTitle')} onClose={close}>
        {toPlanCommitment && <ToPlanForm familyId={familyId} commitment={toPlanCommitment} onDone={close} />}
      </FormDialog>
      <FormDialog opened={dialog?.kind === 'marking'} title={t('marking.title')} onClose={close}>
        {markingAtelier && (
          <MarkItem
            item={markingAtelier}
            youths={currentYouths(data.members)}
            help={t('marking.helpAtelier')}
            label={(a) => t('care.ateliers.heldOn', { date: formatDay(a.heldOn) })}
            save={(a, body) => update.mutateAsync({ atelierId: a.id, body })}
            reload={async () => (await ateliers.refetch()).data?.data.items.find((a) => a.id === markingAtelier.id)}
            onDone={close}
          />
        )}
      </FormDialog>
    </Stack>
  );
}

const COMMITMENT_COLOR: Record<TCommitment['status'], string> = { open: 'blue', done: 'green', dropped: 'gray' };

function AtelierCard({
  atelier,
  manage,
  youthName,
  onAddCommitment,
  onMark,
  onReopen,
}: {
  atelier: TAtelier;
  manage: boolean;
  youthName: string | undefined;
  onAddCommitment: () => void;
  onMark: () => void;
  onReopen: (c: TCommitment) => void;
}) {
  const { t } = useTranslation();
  const titleId = `atelier-${atelier.id}`;
  const byKind = (kind: TParticipant['kind']) => atelier.participants.filter((p) => p.kind === kind);
  const names = (ps: TParticipant[]) => ps.map((p) => (p.organisationName ? `${p.name} (${p.organisationName})` : p.name)).join(', ');
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={titleId}>
            {t('care.ateliers.heldOn', { date: formatDay(atelier.heldOn) })}
          </Title>
          {manage && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={onAddCommitment} aria-label={t('care.ateliers.addCommitmentTo', { date: formatDay(atelier.heldOn) })}>
              {t('care.ateliers.addCommitment')}
            </Button>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <DisclosureBadge disclosure={atelier.disclosure} youthName={youthName} />
          {manage && (
            <Button size="compact-sm" variant="default" onClick={onMark} aria-label={t('marking.changeFor', { item: t('marking.atelierItem', { date: formatDay(atelier.heldOn) }) })}>
              {t('marking.change')}
            </Button>
          )}
        </Group>
        {(['member', 'network', 'professional'] as const).map((kind) =>
          byKind(kind).length > 0 ? (
            <Text size="sm" key={kind}>
              <strong>{t(`care.ateliers.kinds.${kind}`)}:</strong> {names(byKind(kind))}
            </Text>
          ) : null,
        )}
        {atelier.ideas && (
          <div>
            <Text size="sm" fw={700}>
              {t('care.ateliers.ideas')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {atelier.ideas}
            </Text>
          </div>
        )}
        <Text size="sm" fw={700}>
          {t('care.ateliers.commitments')}
        </Text>
        {atelier.commitments.length === 0 ? (
          <Text size="sm" c="gray.8">
            {t('care.ateliers.noCommitments')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {atelier.commitments.map((c) => (
              <Group key={c.id} component="li" gap="xs" wrap="wrap" justify="space-between">
                <Text size="sm" style={{ flex: '1 1 14rem' }}>
                  {c.description} — {c.ownerLabel}
                  {c.dueOn ? `, ${t('care.ateliers.byDate', { date: formatDay(c.dueOn) })}` : ''}
                </Text>
                <Group gap={6} wrap="wrap">
                  <StateBadge color={COMMITMENT_COLOR[c.status]}>{t(`care.ateliers.statuses.${c.status}`)}</StateBadge>
                  {c.overdue && <StateBadge color="red">{t('care.ateliers.overdue')}</StateBadge>}
                  {c.planActionKey && <StateBadge color="petrol">{t('care.ateliers.inPlan')}</StateBadge>}
                  {manage && c.status !== 'open' && (
                    <Button size="compact-xs" variant="default" onClick={() => onReopen(c)} aria-label={t('care.ateliers.reopenOf', { what: c.description })}>
                      {t('care.ateliers.reopen')}
                    </Button>
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** A commitment being written: what, who (one of the family's people), by when. */
interface TDraft {
  description: string;
  owner: string | null;
  dueOn: string | null;
}
const emptyDraft = (): TDraft => ({ description: '', owner: null, dueOn: null });

function draftErrors(d: TDraft, heldOn: string | null, t: TFunction) {
  const e: Partial<Record<keyof TDraft, string>> = {};
  if (d.description.trim().length < 2) e.description = t('care.validation.tooShort', { min: 2 });
  if (!d.owner) e.owner = t('care.validation.required');
  if (d.dueOn && heldOn && d.dueOn < heldOn) e.dueOn = t('care.ateliers.dueBeforeAtelier');
  return e;
}

function toCommitmentBody(d: TDraft, people: TPerson[]): TCommitmentCreate {
  const p = people.find((x) => personKey(x) === d.owner);
  return {
    description: d.description.trim(),
    ownerLabel: p?.name ?? '',
    ownerPersonId: p?.kind === 'professional' ? p.id : null,
    dueOn: d.dueOn,
  };
}

function ownerOptions(people: TPerson[], t: TFunction) {
  return (['professional', 'member', 'network'] as const)
    .map((kind) => ({ group: t(`care.ateliers.kinds.${kind}`), items: people.filter((p) => p.kind === kind).map((p) => ({ value: personKey(p), label: `${p.name} (${p.detail})` })) }))
    .filter((g) => g.items.length > 0);
}

function DraftFields({ draft, onChange, errors, people, heldOn, index }: { draft: TDraft; onChange: (d: TDraft) => void; errors: Partial<Record<keyof TDraft, string>>; people: TPerson[]; heldOn: string | null; index?: number }) {
  const { t } = useTranslation();
  const suffix = index === undefined ? '' : ` ${index + 1}`;
  return (
    <>
      <Textarea
        label={`${t('care.ateliers.commitment')}${suffix}`}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
        error={errors.description}
        errorProps={{ role: 'alert' }}
      />
      <Select
        label={`${t('care.ateliers.owner')}${suffix}`}
        required
        searchable
        data={ownerOptions(people, t)}
        value={draft.owner}
        onChange={(v) => onChange({ ...draft, owner: v })}
        error={errors.owner}
        errorProps={{ role: 'alert' }}
      />
      <DateInput label={`${t('care.ateliers.dueOn')}${suffix}`} clearable value={draft.dueOn} onChange={(v) => onChange({ ...draft, dueOn: v })} error={errors.dueOn} minDate={heldOn ?? undefined} />
    </>
  );
}

function AtelierForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { data } = useFamilyContext();
  const people = usePeople(data);
  const errorText = useErrorText();
  const { create } = useAtelierMutations(familyId);
  const [heldOn, setHeldOn] = useState<string | null>(todayInBrussels());
  const [chosen, setChosen] = useState<string[]>([]);
  const [ideas, setIdeas] = useState('');
  const [drafts, setDrafts] = useState<TDraft[]>([]);
  const marking = useMarking();
  const [errors, setErrors] = useState<{ heldOn?: string; participants?: string; drafts: Partial<Record<keyof TDraft, string>>[] }>({ drafts: [] });
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const youthOk = marking.check();
    const found = {
      heldOn: heldOn ? undefined : t('care.validation.required'),
      participants: chosen.length === 0 ? t('care.ateliers.chooseParticipant') : undefined,
      drafts: drafts.map((d) => draftErrors(d, heldOn, t)),
    };
    setErrors(found);
    if (found.heldOn || found.participants || found.drafts.some((d) => Object.keys(d).length > 0) || !heldOn || !youthOk) return;
    const participants = people.filter((p) => chosen.includes(personKey(p))).map((p) => ({ kind: p.kind, id: p.id }));
    create.mutate(
      { heldOn, participants, ideas: ideas.trim() || null, commitments: drafts.map((d) => toCommitmentBody(d, people)), ...markingBody(marking.value) },
      { onSuccess: () => (notify('green', t('care.ateliers.added')), onDone()), onError: (err) => setError(errorText(err)) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={error} />
        <DateInput label={t('care.ateliers.heldOnLabel')} required value={heldOn} onChange={setHeldOn} error={errors.heldOn} />
        <Checkbox.Group label={t('care.ateliers.participants')} description={t('care.ateliers.participantsHelp')} required value={chosen} onChange={setChosen} error={errors.participants} errorProps={{ role: 'alert' }}>
          <Stack gap="xs" mt="xs">
            {(['member', 'network', 'professional'] as const).map((kind) => {
              const ofKind = people.filter((p) => p.kind === kind);
              if (ofKind.length === 0) return null;
              return (
                <Stack gap={4} key={kind}>
                  <Text size="sm" fw={600}>
                    {t(`care.ateliers.kinds.${kind}`)}
                  </Text>
                  {ofKind.map((p) => (
                    <Checkbox key={personKey(p)} value={personKey(p)} label={`${p.name} (${p.detail})`} />
                  ))}
                </Stack>
              );
            })}
          </Stack>
        </Checkbox.Group>
        <Textarea label={t('care.ateliers.ideas')} description={t('care.ateliers.ideasHelp')} autosize minRows={3} maxLength={10_000} value={ideas} onChange={(e) => setIdeas(e.currentTarget.value)} />
        {drafts.map((d, i) => (
          <Paper key={i} withBorder p="sm" radius="md">
            <Stack gap="sm">
              <DraftFields draft={d} index={i} people={people} heldOn={heldOn} errors={errors.drafts[i] ?? {}} onChange={(next) => setDrafts(drafts.map((x, j) => (j === i ? next : x)))} />
              <Button size="xs" variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                {t('care.ateliers.removeCommitment', { n: i + 1 })}
              </Button>
            </Stack>
          </Paper>
        ))}
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }} onClick={() => setDrafts([...drafts, emptyDraft()])}>
          {t('care.ateliers.addCommitment')}
        </Button>
        <DisclosureChoice marking={marking} youths={currentYouths(data.members)} help={t('marking.helpAtelier')} />
        <DialogActions onCancel={onDone} pending={create.isPending} label={t('care.ateliers.save')} />
      </Stack>
    </form>
  );
}

function CommitmentForm({ familyId, atelier, onDone }: { familyId: string; atelier: TAtelier; onDone: () => void }) {
  const { t } = useTranslation();
  const { data } = useFamilyContext();
  const people = usePeople(data);
  const errorText = useErrorText();
  const { addCommitment } = useAtelierMutations(familyId);
  const [draft, setDraft] = useState<TDraft>(emptyDraft());
  const [errors, setErrors] = useState<Partial<Record<keyof TDraft, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found = draftErrors(draft, atelier.heldOn, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    addCommitment.mutate(
      { atelierId: atelier.id, body: toCommitmentBody(draft, people) },
      { onSuccess: () => (notify('green', t('care.ateliers.commitmentAdded')), onDone()), onError: (err) => setError(errorText(err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('care.ateliers.heldOn', { date: formatDay(atelier.heldOn) })}</Text>
        <FormError message={error} />
        <DraftFields draft={draft} onChange={setDraft} errors={errors} people={people} heldOn={atelier.heldOn} />
        <DialogActions onCancel={onDone} pending={addCommitment.isPending} label={t('care.ateliers.addCommitment')} />
      </Stack>
    </form>
  );
}

/** Makes a commitment a plan action: which goal it serves and (without a team owner) who does it; saved as a new plan version. */
function ToPlanForm({ familyId, commitment, onDone }: { familyId: string; commitment: TCommitment; onDone: () => void }) {
  const { t } = useTranslation();
  const plan = usePlan(familyId);
  const errorText = useErrorText();
  const { toPlan } = useAtelierMutations(familyId);
  const [goalKey, setGoalKey] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [ownerError, setOwnerError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  if (plan.isPending) return <SectionSkeleton rows={3} />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const { current, people } = plan.data.data;
  const needsOwner = commitment.ownerPersonId === null;
  const ownerChoices = [
    { group: t('care.ateliers.kinds.professional'), items: people.team.filter((p) => p.current).map((p) => ({ value: `team:${p.personId}`, label: `${p.name} (${p.organisationName})` })) },
    { group: t('care.ateliers.kinds.member'), items: people.members.filter((p) => p.current).map((p) => ({ value: `member:${p.id}`, label: p.name })) },
    { group: t('care.ateliers.kinds.network'), items: people.network.filter((p) => p.current).map((p) => ({ value: `network:${p.id}`, label: `${p.name} (${p.relation})` })) },
  ].filter((g) => g.items.length > 0);
  const ownerOf = (value: string): TPlanOwner => {
    const [kind, id = ''] = value.split(':');
    return kind === 'team' ? { kind: 'team', personId: id } : kind === 'member' ? { kind: 'member', memberId: id } : { kind: 'network', networkPersonId: id };
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (needsOwner && !owner) return setOwnerError(t('care.validation.required'));
    setOwnerError(undefined);
    toPlan.mutate(
      { commitmentId: commitment.id, body: { version: commitment.version, planBasedOn: current.number, goalKey, ...(owner ? { owner: ownerOf(owner) } : {}) } },
      {
        onSuccess: () => (notify('green', t('care.ateliers.toPlanDone')), onDone()),
        onError: (err) => {
          // Someone saved the plan (or changed the commitment) meanwhile: load the new state, the person tries again.
          if (isConflict(err)) {
            void plan.refetch();
            return setError(t('care.ateliers.toPlanConflict'));
          }
          setError(errorText(err));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t('care.ateliers.toPlanText', { what: commitment.description, version: current.number + 1 })}</Text>
        <FormError message={error} />
        <Select
          label={t('care.ateliers.goal')}
          description={t('care.ateliers.goalHelp')}
          clearable
          data={current.content.goals.map((g) => ({ value: g.key, label: g.text }))}
          value={goalKey}
          onChange={setGoalKey}
          data-autofocus
        />
        {needsOwner ? (
          <Select label={t('care.ateliers.planOwner')} description={t('care.ateliers.planOwnerHelp', { name: commitment.ownerLabel })} required searchable data={ownerChoices} value={owner} onChange={setOwner} error={ownerError} errorProps={{ role: 'alert' }} />
        ) : (
          <Alert variant="light" color="blue">
            {t('care.ateliers.planOwnerIs', { name: commitment.ownerLabel })}
          </Alert>
        )}
        <DialogActions onCancel={onDone} pending={toPlan.isPending} label={t('care.ateliers.toPlan')} />
      </Stack>
    </form>
  );
}

