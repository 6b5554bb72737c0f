import { useRef, useState } from 'react';
import { ActionIcon, Anchor, Button, FileButton, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MEETING_ATTACHMENT_MAX_BYTES, type TMeetingDetail } from '../../../shared/schemas/governance.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { attachmentUrl, useDeleteAttachment, useMeetingAttachments, useUploadAttachment } from '../../api/governance.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { usePlanFormat } from './plan-bits.js';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** The file's bytes as base64 (without the data URL's prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Files of a meeting and its agenda items: members download them; managers upload and delete. */
export function MeetingAttachments({ meeting, canManage }: { meeting: TMeetingDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const query = useMeetingAttachments(meeting.id);
  const upload = useUploadAttachment(meeting.id);
  const remove = useDeleteAttachment();
  const [itemId, setItemId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.data.items;
  const titleOf = (id: string | null) => meeting.agenda.find((i) => i.id === id)?.title;
  const send = async (file: File | null) => {
    setError(null);
    resetRef.current?.();
    if (!file) return;
    if (file.size > MEETING_ATTACHMENT_MAX_BYTES) {
      setError(t('planScreens.fileTooLarge'));
      return;
    }
    try {
      await upload.mutateAsync({ fileName: file.name, content: await readBase64(file), agendaItemId: itemId });
      notify('green', t('planScreens.fileUploaded'));
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 400 || e.status === 413 || e.status === 409) ? e.message : t(errorMessageKey(e)));
    }
  };
  const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${f.number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${f.number(Math.max(1, Math.round(bytes / 1024)))} kB`);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="attachments-heading">
        {t('planScreens.attachments')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('planScreens.noAttachments')}</Text>
      ) : (
        <List spacing={6} aria-labelledby="attachments-heading" data-testid="attachments">
          {items.map((a) => (
            <List.Item key={a.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor href={attachmentUrl(a.id)} style={{ overflowWrap: 'anywhere' }}>
                  {a.fileName}
                </Anchor>
                <Text span size="sm" c="dimmed">
                  {[size(a.sizeBytes), titleOf(a.agendaItemId) ? t('planScreens.withItem', { title: titleOf(a.agendaItemId) }) : t('planScreens.withMeeting')].join(' · ')}
                </Text>
                {canManage && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('planScreens.deleteFile', { name: a.fileName })}
                    loading={remove.isPending}
                    onClick={() => remove.mutate(a.id, { onSuccess: () => notify('green', t('planScreens.fileDeleted')), onError: (e) => notify('red', t(errorMessageKey(e))) })}
                  >
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canManage && (
        <Stack gap="xs">
          <FormError message={error} />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('planScreens.fileFor')}
              data={meeting.agenda.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))}
              value={itemId}
              onChange={setItemId}
              clearable
              placeholder={t('planScreens.withMeeting')}
              w={280}
            />
            <FileButton onChange={(file) => void send(file)} accept={ACCEPT} resetRef={resetRef}>
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending} leftSection={<IconPaperclip size={18} aria-hidden="true" />}>
                  {t('planScreens.addFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('planScreens.fileHint')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
