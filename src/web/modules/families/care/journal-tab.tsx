import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconNotebook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TJournalNote } from '../../../../shared/schemas/families/care.js';
import { DISCLOSURES, type TDisclosure } from '../../../../shared/schemas/families/enums.js';
import type { TFamilyMember } from '../../../../shared/schemas/families/family.js';
import { useAddJournalNote, useJournal } from '../../../api/families/care.js';
import { formatDateTime } from '../../../components/format.js';
import { FormError } from '../../../components/form/form-error.js';
import { notify } from '../../../components/notify.js';
import { SectionSkeleton } from '../../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../../components/states.js';
import { useFamilyContext } from '../family/family-layout.js';
import { FamilySection, StateBadge, useErrorText } from '../family-ui.js';

type TVisibility = TJournalNote['visibility'];
const MAX = 10_000;
/** A youth of 12+ decides for themselves (the server checks the same age for "eigen aan de jongere"). */
const YOUTH_AGE = 12;
/** The family's current children of 12 or older: the only ones a note can be "eigen aan". */
const currentYouths = (members: TFamilyMember[]) => members.filter((m) => m.role === 'child' && m.endedAt === null && m.age !== null && m.age >= YOUTH_AGE);

/** The journal tab: notes for the whole team or only my organisation (the server filters what I may see), newest first. */
export function JournalTab() {
  const { t, i18n } = useTranslation();
  const { data } = useFamilyContext();
  const familyId = data.family.id;
  const memberName = (id: string | null) => data.members.find((m) => m.id === id)?.name;
  const journal = useJournal(familyId);
  const write = journal.data?.pages[0]?.abilities.write ?? false;
  const notes = journal.data?.pages.flatMap((p) => p.data.items) ?? [];

  return (
    <Stack gap="xl">
      {write && <NoteForm familyId={familyId} youths={currentYouths(data.members)} />}
      <FamilySection id="journal-title" title={t('care.journal.title')} lead={t('care.journal.lead')}>
        {journal.isPending ? (
          <SectionSkeleton rows={4} />
        ) : journal.isError ? (
          <ErrorState error={journal.error} onRetry={() => void journal.refetch()} />
        ) : notes.length === 0 ? (
          <EmptyState title={t('care.journal.empty')} icon={<IconNotebook size={28} aria-hidden="true" />}>
            {write ? t('care.journal.emptyLead') : t('care.journal.emptyLeadRead')}
          </EmptyState>
        ) : (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {notes.map((n) => (
              <Paper key={n.id} withBorder radius="md" p="sm" component="li">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="sm" fw={600}>
                      {n.authorName} · {n.authorOrganisationName}
                    </Text>
                    <Group gap="xs" wrap="wrap">
                      <StateBadge color={n.visibility === 'team' ? 'blue' : 'yellow'}>
                        {n.visibility === 'team' ? t('care.journal.visibleTeam') : t('care.journal.visibleOrg', { organisation: n.authorOrganisationName })}
                      </StateBadge>
                      <DisclosureBadge disclosure={n.disclosure} youthName={memberName(n.youthMemberId)} />
                    </Group>
                  </Group>
                  <Text size="xs" c="gray.8">
                    {formatDateTime(n.createdAt, i18n.language)}
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.body}</Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {journal.hasNextPage && (
          <Button variant="default" onClick={() => void journal.fetchNextPage()} loading={journal.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
            {t('families.loadMore')}
          </Button>
        )}
      </FamilySection>
    </Stack>
  );
}

/** What the family does not see of a note, so the team knows (the portal leaves these out for the family). */
function DisclosureBadge({ disclosure, youthName }: { disclosure: TDisclosure; youthName: string | undefined }) {
  const { t } = useTranslation();
  if (disclosure === 'normal') return <StateBadge color="green">{t('journalDisclosure.badge.normal')}</StateBadge>;
  if (disclosure === 'youth_own')
    return <StateBadge color="grape">{youthName ? t('journalDisclosure.badge.youth_own', { name: youthName }) : t('journalDisclosure.badge.youthUnknown')}</StateBadge>;
  return <StateBadge color="red">{t(`journalDisclosure.badge.${disclosure}`)}</StateBadge>;
}

function NoteForm({ familyId, youths }: { familyId: string; youths: TFamilyMember[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddJournalNote(familyId);
  const [body, setBody] = useState('');
  // Only what is needed is shared: a note stays within my organisation unless I choose the whole team.
  const [visibility, setVisibility] = useState<TVisibility>('organisation');
  // By default the family sees the note: they read their own file (1 Gezin 1 Plan).
  const [disclosure, setDisclosure] = useState<TDisclosure>('normal');
  const [youthId, setYouthId] = useState<string | null>(null);
  const [youthError, setYouthError] = useState<string | undefined>();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const bodyMissing = body.trim().length === 0;
    const youthMissing = disclosure === 'youth_own' && !youthId;
    setFieldError(bodyMissing ? t('care.validation.required') : undefined);
    setYouthError(youthMissing ? t('journalDisclosure.youthRequired') : undefined);
    if (bodyMissing || youthMissing) return;
    add.mutate(
      { body: body.trim(), visibility, disclosure, ...(disclosure === 'youth_own' && youthId ? { youthMemberId: youthId } : {}) },
      {
        onSuccess: () => {
          notify('green', t('care.journal.added'));
          setBody('');
          setDisclosure('normal');
          setYouthId(null);
        },
        onError: (err) => setError(errorText(err)),
      },
    );
  };
  return (
    <FamilySection id="journal-new-title" title={t('care.journal.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={error} />
          <Textarea label={t('care.journal.body')} required autosize minRows={3} maxRows={12} maxLength={MAX} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fieldError} errorProps={{ role: 'alert' }} />
          <Radio.Group label={t('care.journal.visibility')} value={visibility} onChange={(v) => setVisibility(v as TVisibility)} required>
            <Stack gap="xs" mt="xs">
              <Radio value="organisation" label={t('care.journal.onlyOrg')} description={t('care.journal.onlyOrgHelp')} />
              <Radio value="team" label={t('care.journal.wholeTeam')} description={t('care.journal.wholeTeamHelp')} />
            </Stack>
          </Radio.Group>
          <Radio.Group
            label={t('journalDisclosure.title')}
            description={t('journalDisclosure.help')}
            value={disclosure}
            onChange={(v) => {
              setDisclosure(v as TDisclosure);
              setYouthError(undefined);
            }}
            required
          >
            <Stack gap="xs" mt="xs">
              {DISCLOSURES.map((d) => {
                const disabled = d === 'youth_own' && youths.length === 0;
                return (
                  <Radio
                    key={d}
                    value={d}
                    disabled={disabled}
                    label={t(`journalDisclosure.option.${d}`)}
                    description={disabled ? t('journalDisclosure.noYouth') : t(`journalDisclosure.optionHelp.${d}`)}
                  />
                );
              })}
            </Stack>
          </Radio.Group>
          {disclosure === 'youth_own' && youths.length > 0 && (
            <Radio.Group label={t('journalDisclosure.youth')} value={youthId} onChange={setYouthId} required error={youthError} errorProps={{ role: 'alert' }}>
              <Stack gap="xs" mt="xs">
                {youths.map((y) => (
                  <Radio key={y.id} value={y.id} label={y.age === null ? y.name : `${y.name} (${y.age})`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('care.journal.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FamilySection>
  );
}
