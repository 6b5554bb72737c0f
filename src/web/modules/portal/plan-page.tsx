import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Group, List, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS, type TPlanAction, type TPlanOwner } from '../../../shared/schemas/families/plan.js';
import type { TPortalVoice } from '../../../shared/schemas/portal.js';
import { ApiError } from '../../api/client.js';
import { usePortalPlan, usePortalVoice } from '../../api/portal.js';
import { announcedError } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { authErrorText } from '../../components/form/error-text.js';
import { useFormat } from '../../i18n.js';
import { PortalBadge, PortalHeading, formatPortalDay } from './portal-frame.js';
import { usePortalViewer } from './use-portal-me.js';

type TPlanData = NonNullable<ReturnType<typeof usePortalPlan>['data']>;

function ownerId(owner: TPlanOwner): string {
  return owner.kind === 'team' ? owner.personId : owner.kind === 'member' ? owner.memberId : owner.networkPersonId;
}

const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/** "Mijn plan": goals in the family's order, who does what by when, agreements, next review, what is new; and "Mijn stem". */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const me = usePortalViewer();
  const plan = usePortalPlan();

  return (
    <>
      <PortalHeading title={t('portal.plan.title')} lead={t('portal.plan.lead', { family: me.familyName })} />
      {plan.isPending ? (
        <SectionSkeleton />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} retrying={plan.isFetching} />
      ) : (
        <PlanView data={plan.data} locale={i18n.language} />
      )}
    </>
  );
}

function PlanView({ data, locale: lng }: { data: TPlanData; locale: string }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { current, names, nextEvaluationOn, agreement, sinceLastVisit, waits } = data.data;
  const abilities = data.abilities;
  const voice = usePortalVoice();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const day = (value: string) => formatPortalDay(value, locale);
  const nameOf = (id: string) => names.people.find((p) => p.id === id)?.name ?? t('portal.plan.someone');
  const domainName = (code: string) => {
    const d = names.domains.find((x) => x.code === code);
    return d ? (lng.startsWith('en') ? d.nameEn : d.nameNl) : code;
  };

  const send = (body: TPortalVoice, done: string, after?: () => void) => {
    setMessage(null);
    setError(null);
    voice.mutate(body, {
      onSuccess: () => {
        setMessage(done);
        after?.();
      },
      onError: (e) => setError(isConflict(e) ? t('portal.plan.conflict') : authErrorText(t, e)),
    });
  };

  const content = current.content;
  const goals = [...content.goals].sort((a, b) => a.priority - b.priority);
  const comments = content.comments ?? [];
  const newVersions = sinceLastVisit?.newVersions ?? [];
  const agreedNow = agreement?.version === current.number;

  const actionCard = (action: TPlanAction) => (
    <Card key={action.key} withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600}>{action.what}</Text>
          <PortalBadge color={action.status === 'done' ? 'green' : 'gray'}>
            {t(`portal.plan.status.${action.status}`)}
          </PortalBadge>
        </Group>
        <Text size="sm">{t('portal.plan.who', { name: nameOf(ownerId(action.owner)) })}</Text>
        {action.dueOn && <Text size="sm">{t('portal.plan.dueOn', { date: day(action.dueOn) })}</Text>}
        {comments.some((c) => c.on?.kind === 'action' && c.on.key === action.key) && (
          <Stack gap={2} mt={4} role="group" aria-label={t('portal.plan.commentsOnAction')}>
            {comments
              .filter((c) => c.on?.kind === 'action' && c.on.key === action.key)
              .map((c) => (
                <Text key={c.key} size="sm" c="gray.8">
                  “{c.text}” — {nameOf(c.memberId)}, {day(c.at)}
                </Text>
              ))}
          </Stack>
        )}
        {abilities.addVoice && action.status !== 'done' && action.status !== 'dropped' && (
          <Button
            variant="light"
            size="md"
            mt={4}
            leftSection={<IconCheck size={18} aria-hidden="true" />}
            aria-label={`${t('portal.plan.markDone')}: ${action.what}`}
            loading={voice.isPending && voice.variables.kind === 'action_done' && voice.variables.actionKey === action.key}
            onClick={() => send({ kind: 'action_done', basedOn: current.number, actionKey: action.key }, t('portal.plan.markedDone'))}
          >
            {t('portal.plan.markDone')}
          </Button>
        )}
      </Stack>
    </Card>
  );

  return (
    <Stack gap="xl">
      {current.number === 0 ? (
        <Text>{t('portal.plan.empty')}</Text>
      ) : (
        current.createdAt && <Text c="gray.8">{t('portal.plan.version', { number: current.number, date: day(current.createdAt) })}</Text>
      )}

      {newVersions.length > 0 && (
        <Alert variant="light" color="petrol" icon={<IconSparkles aria-hidden="true" />} title={t('portal.plan.newTitle')}>
          <List spacing={4}>
            {newVersions.map((v) => (
              <List.Item key={v.number}>
                {day(v.createdAt)}: {v.summary}
                {v.byFamily && ` (${t('portal.plan.newByFamily')})`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Stack gap="xs">
        <Text fw={600}>{nextEvaluationOn ? t('portal.plan.nextEvaluation', { date: day(nextEvaluationOn) }) : t('portal.plan.noEvaluation')}</Text>
        {current.number > 0 && (
          <Text>
            {agreedNow && agreement
              ? t('portal.plan.agreed', { version: agreement.version, date: day(agreement.at) })
              : agreement
                ? t('portal.plan.agreedOld', { version: agreement.version })
                : t('portal.plan.notAgreed')}
          </Text>
        )}
        {abilities.addVoice && current.number > 0 && !agreedNow && (
          <Button size="md" style={{ alignSelf: 'flex-start' }} loading={voice.isPending && voice.variables.kind === 'agree'} onClick={() => send({ kind: 'agree', basedOn: current.number }, t('portal.plan.agreeDone'))}>
            {t('portal.plan.agree')}
          </Button>
        )}
      </Stack>

      <div aria-live="polite">
        <FormError message={error} />
        {message && !error && (
          <Alert variant="light" color="green">
            <Text c="gray.9">{message}</Text>
          </Alert>
        )}
      </div>

      {current.number > 0 && (
        <section aria-labelledby="portal-goals">
          <Title order={2} id="portal-goals" mb="sm">
            {t('portal.plan.goalsTitle')}
          </Title>
          {goals.length === 0 && <Text>{t('portal.plan.noGoals')}</Text>}
          <Stack gap="md">
            {goals.map((goal) => {
              const actions = content.actions.filter((a) => a.goalKey === goal.key);
              const goalComments = comments.filter((c) => c.on?.kind === 'goal' && c.on.key === goal.key);
              return (
                <Card key={goal.key} withBorder radius="md" p="md" component="article" aria-labelledby={`goal-${goal.key}`}>
                  <Stack gap="sm">
                    <Group gap="xs">
                      <PortalBadge color="petrol">{t('portal.plan.priority', { n: goal.priority })}</PortalBadge>
                      <Text size="sm" c="gray.8">
                        {domainName(goal.domain)}
                      </Text>
                    </Group>
                    <Title order={3} id={`goal-${goal.key}`} size="h4">
                      {goal.text}
                    </Title>
                    {actions.length > 0 && (
                      <Stack gap="xs">
                        <Text fw={600} size="sm">
                          {t('portal.plan.actionsOf')}
                        </Text>
                        {actions.map(actionCard)}
                      </Stack>
                    )}
                    {goalComments.length > 0 && (
                      <Stack gap={4}>
                        <Text fw={600} size="sm">
                          {t('portal.plan.commentsTitle')}
                        </Text>
                        {goalComments.map((c) => (
                          <Text key={c.key} size="sm">
                            “{c.text}” — {nameOf(c.memberId)}, {day(c.at)}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Stack>
                </Card>
              );
            })}
            {content.actions.some((a) => a.goalKey === null) && (
              <Stack gap="xs">
                <Title order={3} size="h4">
                  {t('portal.plan.otherActions')}
                </Title>
                {content.actions.filter((a) => a.goalKey === null).map(actionCard)}
              </Stack>
            )}
          </Stack>
        </section>
      )}

      {content.agreements.length > 0 && (
        <section aria-labelledby="portal-agreements">
          <Title order={2} id="portal-agreements" mb="sm">
            {t('portal.plan.agreementsTitle')}
          </Title>
          <List spacing="xs">
            {content.agreements.map((a, i) => (
              <List.Item key={i}>{a}</List.Item>
            ))}
          </List>
        </section>
      )}

      {comments.some((c) => c.on === null) && (
        <section aria-labelledby="portal-comments">
          <Title order={2} id="portal-comments" mb="sm">
            {t('portal.plan.commentsTitle')}
          </Title>
          <Stack gap={4}>
            {comments
              .filter((c) => c.on === null)
              .map((c) => (
                <Text key={c.key}>
                  “{c.text}” — {nameOf(c.memberId)}, {day(c.at)}
                </Text>
              ))}
          </Stack>
        </section>
      )}

      {waits.length > 0 && (
        <section aria-labelledby="portal-waits">
          <Title order={2} id="portal-waits" mb="sm">
            {t('portal.plan.waitsTitle')}
          </Title>
          <Stack gap="xs">
            {waits.map((w) => (
              <Card key={w.id} withBorder radius="md" p="sm">
                <Text fw={600}>{w.service}</Text>
                <Text size="sm">{t('portal.plan.waitSince', { date: day(w.sinceOn) })}</Text>
                {w.bridging.map((b, i) => (
                  <Text key={i} size="sm">
                    {t('portal.plan.bridging', { what: b.what, provider: b.provider })}
                  </Text>
                ))}
              </Card>
            ))}
          </Stack>
        </section>
      )}

      {abilities.addVoice && (
        <VoiceForms data={data} domainName={domainName} send={send} busy={voice.isPending} />
      )}
    </Stack>
  );
}

interface VoiceFormsProps {
  data: TPlanData;
  domainName: (code: string) => string;
  send: (body: TPortalVoice, done: string, after?: () => void) => void;
  busy: boolean;
}

/** "Mijn stem": add a goal, give a comment. */
function VoiceForms({ data, domainName, send, busy }: VoiceFormsProps) {
  const { t } = useTranslation();
  const { current, names } = data.data;
  const domains = names.domains.filter((d) => d.active);
  const [domain, setDomain] = useState(domains[0]?.code ?? '');
  const [goalText, setGoalText] = useState('');
  const [goalError, setGoalError] = useState<string | null>(null);
  const [on, setOn] = useState('');
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const addGoal = (event: FormEvent) => {
    event.preventDefault();
    if (goalText.trim() === '') return setGoalError(t('portal.plan.goalRequired'));
    setGoalError(null);
    send({ kind: 'goal', basedOn: current.number, domain, text: goalText.trim() }, t('portal.plan.goalAdded'), () => setGoalText(''));
  };
  const addComment = (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim() === '') return setCommentError(t('portal.plan.commentRequired'));
    setCommentError(null);
    const [kind, key] = on.split(':');
    send(
      { kind: 'comment', basedOn: current.number, on: key && (kind === 'goal' || kind === 'action') ? { kind, key } : null, text: comment.trim() },
      t('portal.plan.commentAdded'),
      () => setComment(''),
    );
  };

  return (
    <section aria-labelledby="portal-voice">
      <Title order={2} id="portal-voice">
        {t('portal.plan.voiceTitle')}
      </Title>
      <Text c="gray.8" mb="md">
        {t('portal.plan.voiceLead')}
      </Text>
      <Stack gap="lg">
        <Card withBorder radius="md" p="md" component="form" onSubmit={addGoal} noValidate aria-labelledby="portal-goal-form">
          <Stack gap="sm">
            <Title order={3} size="h4" id="portal-goal-form">
              {t('portal.plan.goalTitle')}
            </Title>
            <NativeSelect
              label={t('portal.plan.goalDomain')}
              size="md"
              value={domain}
              onChange={(e) => setDomain(e.currentTarget.value)}
              data={domains.map((d) => ({ value: d.code, label: domainName(d.code) }))}
            />
            <Textarea label={t('portal.plan.goalText')} size="md" autosize minRows={2} maxLength={PLAN_LIMITS.item} value={goalText} onChange={(e) => setGoalText(e.currentTarget.value)} error={goalError} {...announcedError} />
            <Button type="submit" size="md" loading={busy} style={{ alignSelf: 'flex-start' }}>
              {t('portal.plan.goalAdd')}
            </Button>
          </Stack>
        </Card>
        {current.number > 0 && (
          <Card withBorder radius="md" p="md" component="form" onSubmit={addComment} noValidate aria-labelledby="portal-comment-form">
            <Stack gap="sm">
              <Title order={3} size="h4" id="portal-comment-form">
                {t('portal.plan.commentTitle')}
              </Title>
              <NativeSelect
                label={t('portal.plan.commentOn')}
                size="md"
                value={on}
                onChange={(e) => setOn(e.currentTarget.value)}
                data={[
                  { value: '', label: t('portal.plan.commentOnPlan') },
                  ...[...current.content.goals].sort((a, b) => a.priority - b.priority).map((g) => ({ value: `goal:${g.key}`, label: t('portal.plan.commentOnGoal', { text: g.text.slice(0, 80) }) })),
                  ...current.content.actions.map((a) => ({ value: `action:${a.key}`, label: t('portal.plan.commentOnAction', { text: a.what.slice(0, 80) }) })),
                ]}
              />
              <Textarea label={t('portal.plan.commentText')} size="md" autosize minRows={2} maxLength={PLAN_LIMITS.item} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={commentError} {...announcedError} />
              <Button type="submit" size="md" loading={busy} style={{ alignSelf: 'flex-start' }}>
                {t('portal.plan.commentAdd')}
              </Button>
            </Stack>
          </Card>
        )}
      </Stack>
    </section>
  );
}
