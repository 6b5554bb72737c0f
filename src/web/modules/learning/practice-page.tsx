import { useRef, useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconPencil, IconSend, IconArchive, IconTrash } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/schemas/attachments.js';
import type { TPracticeAttachment, TPracticeDetail } from '../../../shared/schemas/learning-practices.js';
import { ApiError, errorMessageKey, isNotFound } from '../../api/client.js';
import { practiceAttachmentUrl, useDeletePracticeFile, usePractice, usePracticeStatus, useUpdatePractice, useUploadPracticeFile } from '../../api/learning-practices.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { EmptyState, ErrorState } from '../../components/states.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { LEARNING_PATH } from './learning-bits.js';
import { PracticeFormDialog, contactsOf, organisationIdsOf, toFormValues } from './practice-form.js';
import { PRACTICES_PATH, PracticeStatusBadge } from './practices-bits.js';
import { useFullLogin } from '../auth/use-full-login.js';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** One good practice: its description, contacts and files; edit, publish and withdraw from its abilities. */
export function PracticePage() {
  const { t } = useTranslation();
  const { practiceId = '' } = useParams();
  const login = useFullLogin();
  const query = usePractice(practiceId);
  const [editing, setEditing] = useState(false);

  if (login.me === null) return login.gate;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    return isNotFound(query.error) ? <EmptyState title={t('goodPractices.notFound')}>{t('goodPractices.notFoundText')}</EmptyState> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const { data: p, abilities } = query.data;

  return (
    <>
      <PageHeader
        title={p.title}
        description={p.authorOrganisationName ? t('goodPractices.proposedBy', { organisation: p.authorOrganisationName }) : undefined}
        breadcrumbs={[
          { label: t('learning.title'), to: LEARNING_PATH },
          { label: t('goodPractices.title'), to: PRACTICES_PATH },
        ]}
      />
      <Stack gap="lg">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="wrap">
            <PracticeStatusBadge status={p.status} />
            {p.sectors.map((s) => (
              <Badge key={s.code} variant="light" color="blue" tt="none" c="blue.9" style={{ maxWidth: '100%' }}>
                {s.name}
              </Badge>
            ))}
          </Group>
          <Group gap="sm" wrap="wrap">
            {abilities.update && (
              <Button variant="default" leftSection={<IconPencil size={18} aria-hidden="true" />} onClick={() => setEditing(true)}>
                {t('goodPractices.edit')}
              </Button>
            )}
            <StatusButtons practice={p} publish={abilities.publish} withdraw={abilities.withdraw} />
          </Group>
        </Group>
        {p.status === 'draft' && <Text c="dimmed">{t('goodPractices.draftNote')}</Text>}
        {p.status === 'withdrawn' && <Text c="dimmed">{t('goodPractices.withdrawnNote')}</Text>}
        <Section title={t('goodPractices.fields.summary')} text={p.summary} />
        <Section title={t('goodPractices.fields.goals')} text={p.goals} />
        <Section title={t('goodPractices.fields.addedValue')} text={p.addedValue} />
        <Section title={t('goodPractices.fields.bottlenecks')} text={p.bottlenecks} />
        {p.organisations.length > 0 && (
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t('goodPractices.fields.organisations')}
            </Title>
            <Text>{p.organisations.map((o) => o.name).join(', ')}</Text>
          </Stack>
        )}
        <Stack gap="xs">
          <Title order={2} size="h3" id="contacts-heading">
            {t('goodPractices.fields.contacts')}
          </Title>
          {p.contacts.length === 0 ? (
            <Text c="dimmed">{t('goodPractices.noContacts')}</Text>
          ) : (
            <Stack gap="xs" component="ul" aria-labelledby="contacts-heading" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {p.contacts.map((c, i) => (
                <Paper component="li" key={i} withBorder p="sm" radius="md">
                  <Text fw={600}>{c.name}</Text>
                  {(c.function || c.organisation) && <Text size="sm">{[c.function, c.organisation].filter(Boolean).join(', ')}</Text>}
                  {c.email && (
                    <Anchor href={`mailto:${c.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {c.email}
                    </Anchor>
                  )}
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
        <Attachments practice={p} canManage={abilities.update} />
      </Stack>
      {editing && <EditDialog practice={p} onClose={() => setEditing(false)} />}
    </>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <Stack gap={4}>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{text}</Text>
    </Stack>
  );
}

function StatusButtons({ practice: p, publish, withdraw }: { practice: TPracticeDetail; publish: boolean; withdraw: boolean }) {
  const { t } = useTranslation();
  const change = usePracticeStatus(p.id);
  const run = (to: 'publish' | 'withdraw') =>
    change.mutate(
      { to, version: p.version },
      { onSuccess: () => notify('green', t(to === 'publish' ? 'goodPractices.published' : 'goodPractices.withdrawn')), onError: (e) => notify('red', e instanceof ApiError ? e.message : t(errorMessageKey(e))) },
    );
  return (
    <>
      {publish && (
        <Button leftSection={<IconSend size={18} aria-hidden="true" />} loading={change.isPending} onClick={() => run('publish')}>
          {t('goodPractices.publish')}
        </Button>
      )}
      {withdraw && (
        <Button color="red" variant="default" leftSection={<IconArchive size={18} aria-hidden="true" />} loading={change.isPending} onClick={() => run('withdraw')}>
          {t('goodPractices.withdraw')}
        </Button>
      )}
    </>
  );
}

function EditDialog({ practice: p, onClose }: { practice: TPracticeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePractice(p.id);
  return (
    <PracticeFormDialog
      opened
      onClose={onClose}
      title={t('goodPractices.edit')}
      initial={toFormValues(p)}
      pending={update.isPending}
      error={update.error}
      onSubmit={(v) =>
        update.mutate(
          { version: p.version, title: v.title, summary: v.summary, goals: v.goals, addedValue: v.addedValue, bottlenecks: v.bottlenecks, sectorCodes: v.sectorCodes, contacts: contactsOf(v), organisationIds: organisationIdsOf(v) },
          {
            onSuccess: () => {
              notify('green', t('goodPractices.saved'));
              onClose();
            },
          },
        )
      }
    />
  );
}

function Attachments({ practice: p, canManage }: { practice: TPracticeDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadPracticeFile(p.id);
  const remove = useDeletePracticeFile(p.id);
  const [removing, setRemoving] = useState<TPracticeAttachment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirmRemove = (file: TPracticeAttachment) =>
    remove.mutate(file.id, {
      onSuccess: () => {
        notify('green', t('practiceOrganisations.fileDeleted', { name: file.fileName }));
        setRemoving(null);
      },
      onError: (e) => {
        notify('red', e instanceof ApiError ? e.message : t(errorMessageKey(e)));
        setRemoving(null);
      },
    });
  const resetRef = useRef<() => void>(null);
  const send = async (file: File | null) => {
    setError(null);
    resetRef.current?.();
    if (!file) return;
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setError(t('goodPractices.fileTooLarge'));
      return;
    }
    try {
      await upload.mutateAsync({ fileName: file.name, content: await readBase64(file) });
      notify('green', t('goodPractices.fileUploaded'));
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 400 || e.status === 413) ? e.message : t(errorMessageKey(e)));
    }
  };
  if (!canManage && p.attachments.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id="files-heading">
        {t('goodPractices.attachments')}
      </Title>
      {p.attachments.length === 0 ? (
        <Text c="dimmed">{t('goodPractices.noAttachments')}</Text>
      ) : (
        <List spacing={4} aria-labelledby="files-heading">
          {p.attachments.map((a) => (
            <List.Item key={a.id}>
              <Group gap="xs" wrap="nowrap" align="center">
                <Anchor href={practiceAttachmentUrl(p.id, a.id)} style={{ overflowWrap: 'anywhere' }}>
                  {a.fileName}
                </Anchor>
                {canManage && (
                  <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('practiceOrganisations.deleteFile', { name: a.fileName })} onClick={() => setRemoving(a)}>
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canManage && (
        <Stack gap={4}>
          <FormError message={error} />
          <Group>
            <FileButton onChange={(file) => void send(file)} accept={ACCEPT} resetRef={resetRef}>
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending} leftSection={<IconPaperclip size={18} aria-hidden="true" />}>
                  {t('goodPractices.addFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('goodPractices.fileHint')}
          </Text>
        </Stack>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('practiceOrganisations.deleteFileTitle')}
        confirmLabel={t('practiceOrganisations.deleteFileConfirm')}
        loading={remove.isPending}
        onConfirm={() => removing && confirmRemove(removing)}
        onClose={() => setRemoving(null)}
      >
        {t('practiceOrganisations.deleteFileText', { name: removing?.fileName ?? '' })}
      </ConfirmDialog>
    </Stack>
  );
}
