import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, NativeSelect, Radio, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHECK_ANSWERS, SCORE_MAX, SCORE_MIN, type TCheckAnswer, type TPartnershipDetail, type TRound, type TToolkitContent } from '../../../shared/schemas/learning-toolkit.js';
import { useAddRound, useDeleteRound, usePartnership, usePutAssessment } from '../../api/learning-toolkit.js';
import { ApiError } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { DateInput } from '../../components/date-input.js';
import { FormError } from '../../components/form/form-error.js';
import { authErrorText } from '../../components/form/error-text.js';
import { notify } from '../../components/notify.js';
import { LEARNING_PATH, todayInBrussels, useLearningFormat } from './learning-bits.js';
import { PARTNER_COLOURS, PARTNER_DASHES, TOOLKIT_PATH } from './toolkit-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** A partnership: its rounds, where the partners differ, my organisation's view, and the scores over time. */
export function PartnershipPage() {
  const { t } = useTranslation();
  const { partnershipId = '' } = useParams();
  const login = useFullLogin();
  const query = usePartnership(partnershipId);
  const [chosen, setChosen] = useState<string | null>(null);

  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  const me = login.me;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data.data;
  const abilities = query.data.abilities;
  const round = p.rounds.find((r) => r.id === chosen) ?? p.rounds.at(-1) ?? null;
  const content = round ? p.contents.find((c) => c.version === round.contentVersion) : undefined;
  const memberships = me.memberships;
  const mine = p.members.filter((m) => memberships.some((x) => x.organisationId === m.organisationId));

  return (
    <>
      <PageHeader
        title={p.name}
        description={p.description || undefined}
        breadcrumbs={[{ label: t('learning.title'), to: LEARNING_PATH }, { label: t('toolkit.breadcrumb'), to: TOOLKIT_PATH }]}
      />
      <Stack gap="lg">
        <Text>
          <Text span fw={600}>{t('toolkit.members')}:</Text> {p.members.map((m) => m.organisationName).join(', ')}
        </Text>
        <RoundBar partnership={p} round={round} onChoose={setChosen} canAdd={abilities.assess} canDelete={abilities.deleteRounds} />
        {!round && <EmptyState title={t('toolkit.noRounds')}>{t('toolkit.noRoundsText')}</EmptyState>}
        {round && content && <Comparison partnership={p} round={round} content={content} />}
        {round && content && abilities.assess &&
          mine.map((m) => <ViewForm key={`${round.id}-${m.organisationId}`} partnershipId={p.id} round={round} content={content} organisationId={m.organisationId} organisationName={m.organisationName} />)}
        <ScoreChart partnership={p} />
      </Stack>
    </>
  );
}

function RoundBar({ partnership, round, onChoose, canAdd, canDelete }: { partnership: TPartnershipDetail; round: TRound | null; onChoose: (id: string) => void; canAdd: boolean; canDelete: boolean }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const [date, setDate] = useState<string | null>(todayInBrussels());
  const add = useAddRound(partnership.id);
  const remove = useDeleteRound(partnership.id);
  const [confirming, setConfirming] = useState<TRound | null>(null);
  const roundLabel = (r: TRound) => t('toolkit.round', { date: f.shortDay(r.date) });
  return (
    <Group align="flex-end" justify="space-between" wrap="wrap" gap="md">
      {partnership.rounds.length > 0 && round && (
        <Stack gap={4}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              maw="100%"
              label={t('toolkit.chooseRound')}
              value={round.id}
              onChange={(e) => {
                remove.reset();
                onChoose(e.currentTarget.value);
              }}
              data={partnership.rounds.map((r) => ({ value: r.id, label: roundLabel(r) }))}
              w={260}
            />
            {canDelete && (
              <Button
                variant="default"
                maw="100%"
                h="auto"
                mih={36}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                leftSection={<IconTrash size={18} aria-hidden="true" />}
                onClick={() => {
                  remove.reset();
                  setConfirming(round);
                }}
              >
                {t('toolkitRounds.delete', { round: roundLabel(round) })}
              </Button>
            )}
          </Group>
          <FormError message={remove.error ? (remove.error instanceof ApiError && remove.error.status === 409 ? remove.error.message : authErrorText(t, remove.error)) : null} />
        </Stack>
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={t('toolkitRounds.deleteTitle')}
        confirmLabel={t('toolkitRounds.deleteConfirm')}
        loading={remove.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return;
          const gone = confirming;
          remove.mutate(
            { roundId: gone.id, version: gone.version },
            {
              onSuccess: (d) => {
                setConfirming(null);
                notify('green', t('toolkitRounds.deleted', { round: roundLabel(gone) }));
                const last = d.rounds.at(-1);
                onChoose(last ? last.id : '');
              },
              onError: () => setConfirming(null),
            },
          );
        }}
      >
        {confirming &&
          (confirming.assessments.length
            ? t('toolkitRounds.deleteTextViews', { round: roundLabel(confirming), count: confirming.assessments.length })
            : t('toolkitRounds.deleteText', { round: roundLabel(confirming) }))}
      </ConfirmDialog>
      {canAdd && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (date)
              add.mutate(date, {
                onSuccess: (d) => {
                  notify('green', t('toolkit.roundAdded'));
                  const added = [...d.rounds].reverse().find((r) => r.date === date);
                  if (added) onChoose(added.id);
                },
              });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateInput label={t('toolkit.fields.date')} value={date} onChange={setDate} />
            <Button type="submit" variant="default" loading={add.isPending} leftSection={<IconPlus size={18} aria-hidden="true" />}>
              {t('toolkit.addRound')}
            </Button>
          </Group>
          <FormError message={add.error ? authErrorText(t, add.error) : null} />
        </form>
      )}
    </Group>
  );
}

/** The round's scores side by side; criteria where partners lie 2 or more apart are marked (not by colour only). */
function Comparison({ partnership, round, content }: { partnership: TPartnershipDetail; round: TRound; content: TToolkitContent }) {
  const { t } = useTranslation();
  const differing = round.spreads.filter((s) => s.differs);
  const orgs = partnership.members.map((m) => ({ ...m, view: round.assessments.find((a) => a.organisationId === m.organisationId) }));
  const phaseTitle = (key: string | undefined) => content.phases.find((ph) => ph.key === key)?.title ?? '—';
  return (
    <Card withBorder component="section" aria-labelledby="compare-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="compare-heading">
            {t('toolkit.compare')}
          </Title>
          <Badge variant="light" color="gray">{t('toolkit.contentVersion', { version: content.version })}</Badge>
        </Group>
        <Text size="sm">{t('toolkit.compareLead')}</Text>
        {differing.length > 0 ? (
          <Alert variant="light" color="orange" icon={<IconAlertTriangle aria-hidden="true" />}>
            {t('toolkit.differsCount', { count: differing.length })}
          </Alert>
        ) : (
          round.assessments.length > 1 && <Text size="sm">{t('toolkit.noDifferences')}</Text>
        )}
        <div tabIndex={0} role="region" aria-label={t('toolkit.compare')} style={{ overflowX: 'auto' }}>
          <Table striped={false} withTableBorder miw={320}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('toolkit.criterion')}</Table.Th>
                {orgs.map((o) => (
                  <Table.Th scope="col" key={o.organisationId}>{o.organisationName}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {content.criteria.map((c) => {
                const spread = round.spreads.find((s) => s.criterion === c.key);
                return (
                  <Table.Tr key={c.key} data-differs={spread?.differs ? 'true' : undefined} bg={spread?.differs ? 'var(--mantine-color-orange-0)' : undefined}>
                    <Table.Th scope="row" fw={spread?.differs ? 700 : 500}>
                      {c.title}
                      {spread?.differs && (
                        <Badge ml="xs" color="orange" variant="filled" c="black" bg="var(--mantine-color-orange-3)">
                          {t('toolkit.differs', { spread: spread.spread })}
                        </Badge>
                      )}
                    </Table.Th>
                    {orgs.map((o) => {
                      const s = o.view?.scores.find((x) => x.criterion === c.key);
                      return (
                        <Table.Td key={o.organisationId}>
                          {s ? <Text fw={600}>{s.score} / {SCORE_MAX}</Text> : <Text size="sm" c="dimmed">{t('toolkit.notFilled')}</Text>}
                          {s?.note && <Text size="xs">{s.note}</Text>}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Th scope="row">{t('toolkit.phase')}</Table.Th>
                {orgs.map((o) => (
                  <Table.Td key={o.organisationId}>{o.view ? phaseTitle(o.view.phase) : '—'}</Table.Td>
                ))}
              </Table.Tr>
              {content.checklist.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Th scope="row" fw={400}>{c.text}</Table.Th>
                  {orgs.map((o) => {
                    const a = o.view?.checklist.find((x) => x.item === c.key);
                    return (
                      <Table.Td key={o.organisationId}>
                        {a ? t(`toolkit.answer.${a.answer}`) : '—'}
                        {a?.note && <Text size="xs">{a.note}</Text>}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
    </Card>
  );
}

/** My organisation's view in a round: a score and note per criterion (with the weak and strong end), the phase, the checklist. */
function ViewForm({ partnershipId, round, content, organisationId, organisationName }: { partnershipId: string; round: TRound; content: TToolkitContent; organisationId: string; organisationName: string }) {
  const { t } = useTranslation();
  const existing = round.assessments.find((a) => a.organisationId === organisationId);
  const [scores, setScores] = useState<Record<string, { score: number | null; note: string }>>(() =>
    Object.fromEntries(content.criteria.map((c) => {
      const s = existing?.scores.find((x) => x.criterion === c.key);
      return [c.key, { score: s?.score ?? null, note: s?.note ?? '' }];
    })),
  );
  const [phase, setPhase] = useState<string>(existing?.phase ?? '');
  const [checks, setChecks] = useState<Record<string, { answer: TCheckAnswer | null; note: string }>>(() =>
    Object.fromEntries(content.checklist.map((c) => {
      const a = existing?.checklist.find((x) => x.item === c.key);
      return [c.key, { answer: a?.answer ?? null, note: a?.note ?? '' }];
    })),
  );
  const put = usePutAssessment(partnershipId);
  const complete = content.criteria.every((c) => scores[c.key]?.score != null) && phase !== '' && content.checklist.every((c) => checks[c.key]?.answer != null);
  const headingId = `view-${organisationId}`;

  const submit = () =>
    put.mutate(
      {
        roundId: round.id,
        organisationId,
        body: {
          version: existing?.version ?? 0,
          scores: content.criteria.map((c) => ({ criterion: c.key, score: scores[c.key]?.score ?? 0, note: scores[c.key]?.note ?? '' })),
          phase,
          checklist: content.checklist.map((c) => ({ item: c.key, answer: checks[c.key]?.answer ?? 'no', note: checks[c.key]?.note ?? '' })),
        },
      },
      { onSuccess: () => notify('green', t('toolkit.viewSaved')) },
    );

  const scoreValues = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {t('toolkit.myView', { organisation: organisationName })}
          </Title>
          <Text size="sm">{t('toolkit.myViewLead')}</Text>
          {existing?.filledByName && <Text size="sm" c="dimmed">{t('toolkit.filledBy', { name: existing.filledByName })}</Text>}
          {content.criteria.map((c) => (
            <Stack key={c.key} gap={4} role="group" aria-labelledby={`${headingId}-${c.key}`}>
              <Text fw={700} id={`${headingId}-${c.key}`}>{c.title}</Text>
              {c.description && <Text size="sm">{c.description}</Text>}
              <Text size="sm">{t('toolkit.weakEnd', { text: c.weak })}</Text>
              <Text size="sm">{t('toolkit.strongEnd', { text: c.strong })}</Text>
              <Radio.Group
                label={t('toolkit.scoreFor', { criterion: c.title })}
                value={scores[c.key]?.score != null ? String(scores[c.key]?.score) : null}
                onChange={(v) => setScores((s) => ({ ...s, [c.key]: { score: Number(v), note: s[c.key]?.note ?? '' } }))}
              >
                <Group gap="md" mt={4}>
                  {scoreValues.map((v) => (
                    <Radio key={v} value={v} label={v} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                label={t('toolkit.noteFor', { item: c.title })}
                value={scores[c.key]?.note ?? ''}
                onChange={(e) => {
                  const note = e.currentTarget.value;
                  setScores((s) => ({ ...s, [c.key]: { score: s[c.key]?.score ?? null, note } }));
                }}
                autosize
                minRows={1}
                maxLength={1000}
              />
            </Stack>
          ))}
          <Radio.Group label={t('toolkit.phaseOf')} value={phase || null} onChange={setPhase}>
            <Stack gap={6} mt={4}>
              {content.phases.map((ph) => (
                <Radio key={ph.key} value={ph.key} label={ph.title} description={ph.description} />
              ))}
            </Stack>
          </Radio.Group>
          <Title order={3} size="h4">{t('toolkit.checklist')}</Title>
          {content.checklist.map((c) => (
            <Stack key={c.key} gap={4}>
              <Text size="sm" fw={600} id={`${headingId}-check-${c.key}`}>{c.text}</Text>
              <SegmentedControl
                aria-labelledby={`${headingId}-check-${c.key}`}
                value={checks[c.key]?.answer ?? ''}
                onChange={(v) => setChecks((s) => ({ ...s, [c.key]: { answer: v as TCheckAnswer, note: s[c.key]?.note ?? '' } }))}
                data={[...CHECK_ANSWERS.map((a) => ({ value: a, label: t(`toolkit.answer.${a}`) }))]}
                w="fit-content"
              />
              <Textarea
                label={t('toolkit.noteFor', { item: c.text })}
                labelProps={{ style: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } }}
                placeholder={t('toolkit.note')}
                value={checks[c.key]?.note ?? ''}
                onChange={(e) => {
                  const note = e.currentTarget.value;
                  setChecks((s) => ({ ...s, [c.key]: { answer: s[c.key]?.answer ?? null, note } }));
                }}
                autosize
                minRows={1}
                maxLength={1000}
              />
            </Stack>
          ))}
          <FormError message={put.error ? authErrorText(t, put.error) : null} />
          <Group>
            <Button type="submit" loading={put.isPending} disabled={!complete}>
              {t('toolkit.saveView')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Per criterion: each partner's score in each round, as a small SVG line chart with the same figures in a table. */
function ScoreChart({ partnership }: { partnership: TPartnershipDetail }) {
  const { t } = useTranslation();
  const f = useLearningFormat();
  const rounds = partnership.rounds;
  // The criteria of the newest content used, matched by key in older rounds.
  const criteria = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of [...partnership.contents].reverse()) for (const k of c.criteria) if (!seen.has(k.key)) seen.set(k.key, k.title);
    return [...seen.entries()].map(([key, title]) => ({ key, title }));
  }, [partnership.contents]);
  if (rounds.length === 0) return null;
  const orgs = partnership.members;
  const score = (r: TRound, org: string, key: string) => r.assessments.find((a) => a.organisationId === org)?.scores.find((s) => s.criterion === key)?.score ?? null;
  const W = 300;
  const H = 140;
  const pad = { l: 28, r: 12, t: 10, b: 24 };
  const x = (i: number) => pad.l + (rounds.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (rounds.length - 1));
  const y = (s: number) => pad.t + ((SCORE_MAX - s) * (H - pad.t - pad.b)) / (SCORE_MAX - SCORE_MIN);

  return (
    <Card withBorder component="section" aria-labelledby="chart-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="chart-heading">
          {t('toolkit.chart')}
        </Title>
        <Text size="sm">{rounds.length > 1 ? t('toolkit.chartLead') : t('toolkit.chartNeedsTwo')}</Text>
        <Group gap="md" wrap="wrap" aria-hidden="true">
          {orgs.map((o, i) => (
            <Group key={o.organisationId} gap={6}>
              <svg width="28" height="10">
                <line x1="0" y1="5" x2="28" y2="5" stroke={PARTNER_COLOURS[i % PARTNER_COLOURS.length]} strokeWidth="3" strokeDasharray={PARTNER_DASHES[i % PARTNER_DASHES.length]} />
              </svg>
              <Text size="sm">{o.organisationName}</Text>
            </Group>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {criteria.map((c) => (
            <figure key={c.key} style={{ margin: 0, minWidth: 0 }}>
              <figcaption>
                <Text size="sm" fw={600}>{c.title}</Text>
              </figcaption>
              <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W, height: 'auto', display: 'block' }} role="img" aria-label={t('toolkit.chartAlt', { criterion: c.title })}>
                {Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i).map((s) => (
                  <g key={s}>
                    <line x1={pad.l} x2={W - pad.r} y1={y(s)} y2={y(s)} stroke="#ccc" strokeWidth="1" />
                    <text x={pad.l - 8} y={y(s) + 4} fontSize="11" textAnchor="end" fill="#333">{s}</text>
                  </g>
                ))}
                {rounds.map((r, i) => (
                  <text key={r.id} x={x(i)} y={H - 6} fontSize="10" textAnchor="middle" fill="#333">{f.shortDay(r.date)}</text>
                ))}
                {orgs.map((o, oi) => {
                  const points = rounds.map((r, i) => ({ i, s: score(r, o.organisationId, c.key) })).filter((p): p is { i: number; s: number } => p.s !== null);
                  const colour = PARTNER_COLOURS[oi % PARTNER_COLOURS.length];
                  return (
                    <g key={o.organisationId}>
                      {points.length > 1 && (
                        <polyline points={points.map((p) => `${x(p.i)},${y(p.s)}`).join(' ')} fill="none" stroke={colour} strokeWidth="2.5" strokeDasharray={PARTNER_DASHES[oi % PARTNER_DASHES.length]} />
                      )}
                      {points.map((p) => (
                        <circle key={p.i} cx={x(p.i)} cy={y(p.s)} r="4" fill={colour} />
                      ))}
                    </g>
                  );
                })}
              </svg>
            </figure>
          ))}
        </SimpleGrid>
        <details>
          <summary>{t('toolkit.chartTable')}</summary>
          <div tabIndex={0} role="region" aria-label={t('toolkit.chartTable')} style={{ overflowX: 'auto' }}>
            <Table withTableBorder miw={320}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('toolkit.criterion')}</Table.Th>
                  {rounds.flatMap((r) =>
                    orgs.map((o) => (
                      <Table.Th scope="col" key={`${r.id}-${o.organisationId}`}>
                        {f.shortDay(r.date)} · {o.organisationName}
                      </Table.Th>
                    )),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criteria.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Th scope="row">{c.title}</Table.Th>
                    {rounds.flatMap((r) => orgs.map((o) => <Table.Td key={`${r.id}-${o.organisationId}`}>{score(r, o.organisationId, c.key) ?? '—'}</Table.Td>))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </details>
      </Stack>
    </Card>
  );
}
