import { useState } from 'react';
import { Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TToolkitContent, TToolkitTexts } from '../../../shared/schemas/learning-toolkit.js';
import { ApiError } from '../../api/client.js';
import { useToolkitContent, useUpdateToolkitContent } from '../../api/learning-toolkit.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { FormError } from '../../components/form/form-error.js';
import { authErrorText } from '../../components/form/error-text.js';
import { notify } from '../../components/notify.js';
import { LEARNING_PATH } from './learning-bits.js';
import { TOOLKIT_PATH } from './toolkit-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

/** Coordinators and platform admins edit the barometer, phases and checklist; saving makes a new content version. */
export function ToolkitContentPage() {
  const { t } = useTranslation();
  const login = useFullLogin();
  const query = useToolkitContent();
  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('toolkit.contentTitle')}
        description={t('toolkit.contentLead')}
        breadcrumbs={[{ label: t('learning.title'), to: LEARNING_PATH }, { label: t('toolkit.breadcrumb'), to: TOOLKIT_PATH }]}
      />
      {query.data.abilities.editContent ? <ContentForm key={query.data.data.version} content={query.data.data} /> : <Text>{t('toolkit.notAllowed')}</Text>}
    </>
  );
}

/** Limits of ZToolkitTexts. */
const MAX_CRITERIA = 10;
const MIN_PHASES = 2;
const MAX_PHASES = 10;
/** A new stable key (lower-case letters, digits, hyphens). */
const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

function ContentForm({ content }: { content: TToolkitContent }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<TToolkitTexts>({ criteria: content.criteria, phases: content.phases, checklist: content.checklist });
  const save = useUpdateToolkitContent();
  const setCriterion = (i: number, field: 'title' | 'description' | 'weak' | 'strong', value: string) =>
    setTexts((x) => ({ ...x, criteria: x.criteria.map((c, j) => (j === i ? { ...c, [field]: value } : c)) }));
  const setPhase = (i: number, field: 'title' | 'description', value: string) => setTexts((x) => ({ ...x, phases: x.phases.map((c, j) => (j === i ? { ...c, [field]: value } : c)) }));
  const setItem = (i: number, value: string) => setTexts((x) => ({ ...x, checklist: x.checklist.map((c, j) => (j === i ? { ...c, text: value } : c)) }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ version: content.version, ...texts }, { onSuccess: (d) => notify('green', t('toolkit.contentSaved', { version: d.version })) });
      }}
    >
      <Stack gap="lg">
        <Text>{t('toolkit.currentVersion', { version: content.version })}</Text>
        <Title order={2} size="h3">{t('toolkit.criteria')}</Title>
        {texts.criteria.map((c, i) => (
          <Card withBorder key={c.key} component="fieldset" aria-label={c.title || t('toolkitItems.criterionN', { n: i + 1 })}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600}>{t('toolkitItems.criterionN', { n: i + 1 })}</Text>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconTrash size={16} aria-hidden="true" />}
                  aria-label={t('toolkitItems.removeCriterion', { n: i + 1 })}
                  disabled={texts.criteria.length <= 1}
                  onClick={() => setTexts((x) => ({ ...x, criteria: x.criteria.filter((_, j) => j !== i) }))}
                >
                  {t('toolkitItems.remove')}
                </Button>
              </Group>
              <TextInput label={t('toolkit.itemTitle')} value={c.title} onChange={(e) => setCriterion(i, 'title', e.currentTarget.value)} required minLength={2} maxLength={120} />
              <Textarea label={t('toolkit.itemDescription')} value={c.description} onChange={(e) => setCriterion(i, 'description', e.currentTarget.value)} autosize minRows={1} maxLength={1000} />
              <Textarea label={t('toolkit.weak')} value={c.weak} onChange={(e) => setCriterion(i, 'weak', e.currentTarget.value)} autosize minRows={1} required maxLength={500} />
              <Textarea label={t('toolkit.strong')} value={c.strong} onChange={(e) => setCriterion(i, 'strong', e.currentTarget.value)} autosize minRows={1} required maxLength={500} />
            </Stack>
          </Card>
        ))}
        {texts.criteria.length < MAX_CRITERIA && (
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() => setTexts((x) => ({ ...x, criteria: [...x.criteria, { key: newKey('criterium'), title: '', description: '', weak: '', strong: '' }] }))}
            >
              {t('toolkitItems.addCriterion')}
            </Button>
          </Group>
        )}
        <Title order={2} size="h3">{t('toolkit.phases')}</Title>
        {texts.phases.map((p, i) => (
          <Card withBorder key={p.key} component="fieldset" aria-label={p.title || t('toolkitItems.phaseN', { n: i + 1 })}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600}>{t('toolkitItems.phaseN', { n: i + 1 })}</Text>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconTrash size={16} aria-hidden="true" />}
                  aria-label={t('toolkitItems.removePhase', { n: i + 1 })}
                  disabled={texts.phases.length <= MIN_PHASES}
                  onClick={() => setTexts((x) => ({ ...x, phases: x.phases.filter((_, j) => j !== i) }))}
                >
                  {t('toolkitItems.remove')}
                </Button>
              </Group>
              <TextInput label={t('toolkit.itemTitle')} value={p.title} onChange={(e) => setPhase(i, 'title', e.currentTarget.value)} required minLength={2} maxLength={120} />
              <Textarea label={t('toolkit.itemDescription')} value={p.description} onChange={(e) => setPhase(i, 'description', e.currentTarget.value)} autosize minRows={1} maxLength={1000} />
            </Stack>
          </Card>
        ))}
        {texts.phases.length < MAX_PHASES && (
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() => setTexts((x) => ({ ...x, phases: [...x.phases, { key: newKey('fase'), title: '', description: '' }] }))}
            >
              {t('toolkitItems.addPhase')}
            </Button>
          </Group>
        )}
        <Title order={2} size="h3">{t('toolkit.checklistItems')}</Title>
        {texts.checklist.map((c, i) => (
          <Group key={c.key} align="flex-end" wrap="nowrap" gap="xs">
            <Textarea style={{ flex: 1 }} label={`${t('toolkit.itemText')} ${i + 1}`} value={c.text} onChange={(e) => setItem(i, e.currentTarget.value)} autosize minRows={1} required maxLength={500} />
            <Button
              variant="subtle"
              color="red"
              aria-label={`${t('toolkit.removeItem')}: ${t('toolkit.itemText')} ${i + 1}`}
              disabled={texts.checklist.length <= 1}
              onClick={() => setTexts((x) => ({ ...x, checklist: x.checklist.filter((_, j) => j !== i) }))}
            >
              <IconTrash size={18} aria-hidden="true" />
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => setTexts((x) => ({ ...x, checklist: [...x.checklist, { key: `vraag-${Date.now().toString(36)}`, text: '' }] }))}
          >
            {t('toolkit.addCheckItem')}
          </Button>
        </Group>
        {/* A criterion with answers cannot be removed: the server's message names it. */}
        <FormError message={save.error ? (save.error instanceof ApiError && save.error.code === 'conflict' ? save.error.message : authErrorText(t, save.error)) : null} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('toolkit.saveContent')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
