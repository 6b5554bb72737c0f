import { useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, Modal, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconFileUpload, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ENGAGEMENT_STATUSES, type TEngagementStatus } from '../../../shared/schemas/directory/enums.js';
import { ENGAGEMENT_DOCUMENT_MAX_BYTES, type TEngagementDeclaration } from '../../../shared/schemas/directory/engagement.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import {
  engagementDocumentUrl,
  useCreateEngagement,
  useDeleteEngagement,
  useEngagements,
  useUpdateEngagement,
  useUploadEngagementDocument,
} from '../../api/directory-engagements.js';
import { useRegions } from '../../api/queries.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DateInput } from '../../components/date-input.js';
import { notify } from '../../components/notify.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';

/** 2026-03-01 → 01/03/2026, as people in Belgium write a day. */
export const belgianDay = (day: string) => day.split('-').reverse().join('/');

/** The server's own words for a refusal (it answers in the person's language), else the text of its code. */
function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) => (error instanceof ApiError && error.message && error.status >= 400 && error.status < 500 ? error.message : t(errorMessageKey(error)));
}

/** The status of a declaration in words, with its day; an overdue one in red. */
export function EngagementStatus({ status, receivedOn, expectedBy, overdue }: { status: TEngagementStatus; receivedOn: string | null; expectedBy: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const color = status === 'received' ? 'green' : overdue ? 'red' : status === 'expected' ? 'blue' : 'gray';
  const label =
    status === 'received' && receivedOn
      ? t('directoryManage.engagements.receivedOn', { date: belgianDay(receivedOn) })
      : status === 'expected' && expectedBy
        ? t(overdue ? 'directoryManage.engagements.overdueSince' : 'directoryManage.engagements.expectedBy', { date: belgianDay(expectedBy) })
        : t(`directoryManage.engagements.status.${status}`);
  return (
    <Badge variant="light" color={color} c="gray.9" tt="none" size="lg" styles={{ label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal' } }} h="auto" py={4}>
      {label}
    </Badge>
  );
}

/** "Engagementsverklaringen": the organisation's declarations per region, with the signed document. */
export function EngagementSection({ organisationId, canCreate }: { organisationId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const list = useEngagements(organisationId);
  const [editing, setEditing] = useState<TEngagementDeclaration | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TEngagementDeclaration | null>(null);
  const remove = useDeleteEngagement();
  const errorText = useErrorText();

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="engagements-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} maw="46rem">
            <Title order={2} size="h3" id="engagements-title">
              {t('directoryManage.engagements.title')}
            </Title>
            <Text size="sm" c="gray.8">
              {t('directoryManage.engagements.lead')}
            </Text>
          </Stack>
          {canCreate && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('directoryManage.engagements.add')}
            </Button>
          )}
        </Group>
        {list.isPending ? (
          <SectionSkeleton />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.data.length === 0 ? (
          <Text c="gray.8">{t('directoryManage.engagements.empty')}</Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.data.data.map((d) => (
              <li key={d.id}>
                <DeclarationCard
                  declaration={d}
                  abilities={list.data.abilities[d.id]}
                  onEdit={() => setEditing(d)}
                  onDelete={() => setDeleting(d)}
                />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
      {editing !== null && (
        <DeclarationForm
          organisationId={organisationId}
          declaration={editing === 'new' ? null : editing}
          taken={(list.data?.data ?? []).map((d) => d.region.id)}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('directoryManage.engagements.deleteTitle', { region: deleting?.region.name ?? '' })}
        confirmLabel={t('directoryManage.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notify('green', t('directoryManage.engagements.deleted', { region: deleting.region.name }));
              setDeleting(null);
            },
            onError: (error) => notify('red', errorText(error)),
          });
        }}
      >
        {t('directoryManage.engagements.deleteText')}
      </ConfirmDialog>
    </Paper>
  );
}

function DeclarationCard({
  declaration: d,
  abilities,
  onEdit,
  onDelete,
}: {
  declaration: TEngagementDeclaration;
  abilities: { update: boolean; delete: boolean; upload: boolean; download: boolean } | undefined;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadEngagementDocument();
  const errorText = useErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const choose = (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setProblem(null);
    if (file.size > ENGAGEMENT_DOCUMENT_MAX_BYTES) {
      setProblem(t('directoryManage.engagements.tooBig'));
      return;
    }
    upload.mutate(
      { id: d.id, version: d.version, file },
      {
        onSuccess: () => notify('green', t('directoryManage.engagements.uploaded', { region: d.region.name })),
        onError: (error) => setProblem(errorText(error)),
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {d.region.name}
          </Title>
          <EngagementStatus {...d} />
        </Group>
        {d.note && <Text style={{ whiteSpace: 'pre-line' }}>{d.note}</Text>}
        <Text size="sm">
          {d.document ? (
            abilities?.download ? (
              <Anchor href={engagementDocumentUrl(d.id)} download={d.document.fileName}>
                <IconDownload size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom' }} /> {t('directoryManage.engagements.download', { name: d.document.fileName })}
              </Anchor>
            ) : (
              d.document.fileName
            )
          ) : (
            t('directoryManage.engagements.noDocument')
          )}
        </Text>
        {problem && (
          <Alert color="red" variant="light" role="alert">
            <Text c="gray.9" size="sm">
              {problem}
            </Text>
          </Alert>
        )}
        <Group gap="xs" wrap="wrap">
          {abilities?.upload && (
            <FileButton onChange={choose} accept="application/pdf,.pdf" resetRef={resetRef}>
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending} leftSection={<IconFileUpload size={18} aria-hidden="true" />}>
                  {t(d.document ? 'directoryManage.engagements.replaceDocument' : 'directoryManage.engagements.uploadDocument')}
                </Button>
              )}
            </FileButton>
          )}
          {abilities?.update && (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden="true" />} onClick={onEdit} aria-label={t('directoryManage.editNamed', { name: d.region.name })}>
              {t('directoryManage.edit')}
            </Button>
          )}
          {abilities?.delete && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={18} aria-hidden="true" />} onClick={onDelete} aria-label={t('directoryManage.deleteNamed', { name: d.region.name })}>
              {t('directoryManage.delete')}
            </Button>
          )}
        </Group>
        {abilities?.upload && (
          <Text size="xs" c="gray.8">
            {t('directoryManage.engagements.documentHelp')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function DeclarationForm({ organisationId, declaration, taken, onClose }: { organisationId: string; declaration: TEngagementDeclaration | null; taken: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const create = useCreateEngagement();
  const update = useUpdateEngagement();
  const errorText = useErrorText();
  const [regionId, setRegionId] = useState<string | null>(declaration?.region.id ?? null);
  const [status, setStatus] = useState<TEngagementStatus>(declaration?.status ?? 'expected');
  const [receivedOn, setReceivedOn] = useState<string | null>(declaration?.receivedOn ?? null);
  const [expectedBy, setExpectedBy] = useState<string | null>(declaration?.expectedBy ?? null);
  const [note, setNote] = useState(declaration?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const choices = (regions.data ?? []).filter((r) => r.kind === 'network' && (!taken.includes(r.id) || r.id === declaration?.region.id)).map((r) => ({ value: r.id, label: r.name }));

  const save = () => {
    const problems: Record<string, string> = {};
    if (!declaration && !regionId) problems.regionId = t('directoryManage.engagements.regionNeeded');
    if (status === 'received' && !receivedOn) problems.receivedOn = t('directoryManage.engagements.receivedNeeded');
    if (status === 'expected' && !expectedBy) problems.expectedBy = t('directoryManage.engagements.expectedNeeded');
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length) return;
    const dates = { receivedOn: status === 'received' ? receivedOn : null, expectedBy: status === 'expected' ? expectedBy : null };
    const onError = (error: unknown) => {
      const fieldErrors: Record<string, string> = {};
      if (error instanceof ApiError) for (const d of error.details ?? []) fieldErrors[d.path.replace(/^body\./, '')] = d.message;
      setErrors(fieldErrors);
      setFormError(error instanceof ApiError && error.code === 'version_conflict' ? t('errors.version_conflict') : errorText(error));
    };
    const done = (name: string) => {
      notify('green', t('directoryManage.engagements.saved', { region: name }));
      onClose();
    };
    if (declaration) {
      update.mutate({ id: declaration.id, body: { version: declaration.version, status, ...dates, note } }, { onSuccess: () => done(declaration.region.name), onError });
    } else if (regionId) {
      create.mutate({ organisationId, body: { regionId, status, ...dates, note } }, { onSuccess: (d) => done(d.region.name), onError });
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={declaration ? t('directoryManage.engagements.editTitle', { region: declaration.region.name }) : t('directoryManage.engagements.addTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            <Text c="gray.9" size="sm">
              {formError}
            </Text>
          </Alert>
        )}
        {!declaration && (
          <Select
            label={t('directoryManage.engagements.region')}
            data={choices}
            value={regionId}
            onChange={setRegionId}
            required
            searchable
            error={errors.regionId}
            nothingFoundMessage={t('admin.nothingFound')}
            data-autofocus
          />
        )}
        <Radio.Group label={t('directoryManage.engagements.statusLabel')} value={status} onChange={(v) => setStatus(v as TEngagementStatus)} required>
          <Stack gap="xs" mt="xs">
            {ENGAGEMENT_STATUSES.map((s) => (
              <Radio key={s} value={s} label={t(`directoryManage.engagements.status.${s}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {status === 'received' && (
          <DateInput label={t('directoryManage.engagements.receivedOnLabel')} value={receivedOn} onChange={setReceivedOn} required error={errors.receivedOn} />
        )}
        {status === 'expected' && (
          <DateInput label={t('directoryManage.engagements.expectedByLabel')} value={expectedBy} onChange={setExpectedBy} required error={errors.expectedBy} />
        )}
        <Textarea label={t('directoryManage.engagements.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} error={errors.note} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('directoryManage.engagements.cancel')}
          </Button>
          <Button onClick={save} loading={create.isPending || update.isPending}>
            {t('directoryManage.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
