import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconCheck, IconCircleOff, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ZLifeDomainCreate, ZLifeDomainUpdate, type TLifeDomainAdmin } from '../../../shared/schemas/families/lifedomains.js';
import { ApiError, detailField, detailText, errorMessageKey } from '../../api/client.js';
import { useAdminLifeDomains, useCreateLifeDomain, useDeleteLifeDomain, useOrderLifeDomains, useUpdateLifeDomain } from '../../api/life-domains.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { FormError } from '../../components/form/form-error.js';
import { zodValidate } from '../../components/form/zod-form.js';
import { ResponsiveList } from '../../components/list/responsive-list.js';
import { EmptyState } from '../../components/states.js';
import { notify } from '../../components/notify.js';
import { SectionNoAccess, useAdminContext } from './admin-layout.js';

const TITLE_ID = 'life-domains-title';

interface TValues {
  code: string;
  nameNl: string;
  nameEn: string;
}

/** Create (code + names) or rename (names) a life domain in a dialog. */
function LifeDomainDialog({ domain, onClose }: { domain: TLifeDomainAdmin | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const isNew = domain === 'new';
  const create = useCreateLifeDomain();
  const update = useUpdateLifeDomain();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: { code: isNew ? '' : domain.code, nameNl: isNew ? '' : domain.nameNl, nameEn: isNew ? '' : domain.nameEn },
    validateInputOnBlur: true,
    validate: isNew ? zodValidate<TValues>(ZLifeDomainCreate, t) : zodValidate<TValues>(ZLifeDomainUpdate, t, (v) => ({ nameNl: v.nameNl, nameEn: v.nameEn })),
  });
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'duplicate') form.setFieldError('code', t('admin.lifeDomains.duplicateCode'));
    else if (error instanceof ApiError && error.code === 'validation_failed' && error.details?.length) {
      for (const d of error.details) form.setFieldError(detailField(d.path), detailText(d, t('admin.validation.invalid')));
    }
    setFormError(t(errorMessageKey(error)));
  };
  const submit = form.onSubmit((v) => {
    setFormError(null);
    const names = { nameNl: v.nameNl.trim(), nameEn: v.nameEn.trim() };
    const done = () => {
      notify('green', t('admin.lifeDomains.saved', { name: names.nameNl }));
      onClose();
    };
    if (isNew) create.mutate({ code: v.code.trim(), ...names }, { onSuccess: done, onError: fail });
    else update.mutate({ code: domain.code, body: names }, { onSuccess: done, onError: fail });
  });
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={isNew ? t('admin.lifeDomains.createTitle') : t('admin.lifeDomains.editTitle', { name: domain.nameNl })}
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={formError} />
          <TextInput
            label={t('admin.lifeDomains.code')}
            description={isNew ? t('admin.lifeDomains.codeHelp') : t('admin.lifeDomains.codeFixed')}
            required={isNew}
            disabled={!isNew}
            autoComplete="off"
            {...(isNew ? { 'data-autofocus': true } : {})}
            {...form.getInputProps('code')}
          />
          <TextInput label={t('admin.lifeDomains.nameNl')} required lang="nl" autoComplete="off" {...(isNew ? {} : { 'data-autofocus': true })} {...form.getInputProps('nameNl')} />
          <TextInput label={t('admin.lifeDomains.nameEn')} required lang="en" autoComplete="off" {...form.getInputProps('nameEn')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('account.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {isNew ? t('admin.lifeDomains.createSubmit') : t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The life domains requests and plan goals are about (platform admins): add, rename in Dutch and
 * English, move up or down, retire (inactive: no longer offered, still shown on older requests and
 * plans) or bring back, and delete one that nothing uses yet.
 */
export function LifeDomainsPanel() {
  const { t, i18n } = useTranslation();
  const { me } = useAdminContext();
  const allowed = Boolean(me.abilities['admin.lifeDomains.manage']);
  useDocumentTitle(t('admin.lifeDomains.title'));
  const domains = useAdminLifeDomains(allowed);
  const update = useUpdateLifeDomain();
  const order = useOrderLifeDomains();
  const remove = useDeleteLifeDomain();
  const [editing, setEditing] = useState<TLifeDomainAdmin | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TLifeDomainAdmin | null>(null);
  if (!allowed) return <SectionNoAccess />;

  const items = domains.data;
  const name = (d: TLifeDomainAdmin) => (i18n.language === 'en' ? d.nameEn : d.nameNl);
  const failed = (error: unknown) => notify('red', t(errorMessageKey(error)));

  /** Moves a domain one place within the whole list (active and inactive alike). */
  const move = (d: TLifeDomainAdmin, by: -1 | 1) => {
    if (!items) return;
    const codes = [...items].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code)).map((x) => x.code);
    const from = codes.indexOf(d.code);
    const other = codes[from + by];
    if (from < 0 || other === undefined) return;
    codes[from + by] = d.code;
    codes[from] = other;
    order.mutate(codes, { onError: failed });
  };
  const toggle = (d: TLifeDomainAdmin) =>
    update.mutate(
      { code: d.code, body: { active: !d.active } },
      { onSuccess: () => notify('green', t(d.active ? 'admin.lifeDomains.retired' : 'admin.lifeDomains.restored', { name: name(d) })), onError: failed },
    );

  const sorted = items ? [...items].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code)) : undefined;
  const first = sorted?.[0]?.code;
  const last = sorted?.[sorted.length - 1]?.code;

  const status = (d: TLifeDomainAdmin) => (
    // Dark text on the light badge (as StatusBadge): green.9 on green-light is too faint; the icon says it without colour.
    <Badge variant="light" color={d.active ? 'green' : 'gray'} c="gray.9" tt="none" size="lg" leftSection={d.active ? <IconCheck size={14} aria-hidden="true" /> : <IconCircleOff size={14} aria-hidden="true" />}>
      {d.active ? t('admin.lifeDomains.active') : t('admin.lifeDomains.inactive')}
    </Badge>
  );
  const actions = (d: TLifeDomainAdmin) => (
    <Group gap={6} wrap="wrap">
      <ActionIcon variant="default" size="lg" disabled={d.code === first || order.isPending} onClick={() => move(d, -1)} aria-label={t('admin.lifeDomains.moveUp', { name: name(d) })}>
        <IconArrowUp size={18} aria-hidden="true" />
      </ActionIcon>
      <ActionIcon variant="default" size="lg" disabled={d.code === last || order.isPending} onClick={() => move(d, 1)} aria-label={t('admin.lifeDomains.moveDown', { name: name(d) })}>
        <IconArrowDown size={18} aria-hidden="true" />
      </ActionIcon>
      <Button variant="default" size="xs" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setEditing(d)} aria-label={t('admin.lifeDomains.editNamed', { name: name(d) })}>
        {t('admin.lifeDomains.edit')}
      </Button>
      <Button variant="default" size="xs" onClick={() => toggle(d)} loading={update.isPending && update.variables?.code === d.code}
        aria-label={t(d.active ? 'admin.lifeDomains.retireNamed' : 'admin.lifeDomains.restoreNamed', { name: name(d) })}>
        {d.active ? t('admin.lifeDomains.retire') : t('admin.lifeDomains.restore')}
      </Button>
      {!d.inUse && (
        <Button variant="default" size="xs" color="red.9" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => setDeleting(d)}
          aria-label={t('admin.lifeDomains.deleteNamed', { name: name(d) })}>
          {t('admin.lifeDomains.delete')}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} id={TITLE_ID}>
            {t('admin.lifeDomains.title')}
          </Title>
          <Text c="gray.8" maw="46rem">
            {t('admin.lifeDomains.lead')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
          {t('admin.lifeDomains.create')}
        </Button>
      </Group>
      <ResponsiveList<TLifeDomainAdmin>
        items={sorted}
        query={domains}
        getKey={(d) => d.code}
        labelledBy={TITLE_ID}
        minTableWidth={760}
        columns={[
          { key: 'name', header: t('admin.lifeDomains.nameNl'), rowHeader: true, cell: (d) => d.nameNl },
          { key: 'nameEn', header: t('admin.lifeDomains.nameEn'), cell: (d) => <span lang="en">{d.nameEn}</span> },
          { key: 'code', header: t('admin.lifeDomains.code'), nowrap: true, cell: (d) => <code>{d.code}</code> },
          { key: 'status', header: t('admin.lifeDomains.status'), nowrap: true, cell: status },
          { key: 'inUse', header: t('admin.lifeDomains.inUse'), nowrap: true, cell: (d) => (d.inUse ? t('admin.yes') : t('admin.no')) },
          { key: 'actions', header: <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>, cell: actions },
        ]}
        card={(d) => (
          <Stack gap={8}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {d.nameNl}
              </Text>
              {status(d)}
            </Group>
            <Text size="sm" lang="en">
              {t('admin.lifeDomains.nameEn')}: {d.nameEn}
            </Text>
            <Text size="sm">
              {t('admin.lifeDomains.code')}: <code>{d.code}</code> · {t('admin.lifeDomains.inUse')}: {d.inUse ? t('admin.yes') : t('admin.no')}
            </Text>
            {actions(d)}
          </Stack>
        )}
        empty={<EmptyState title={t('admin.lifeDomains.empty')}>{t('admin.lifeDomains.emptyLead')}</EmptyState>}
      />
      {editing && <LifeDomainDialog domain={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('admin.lifeDomains.deleteTitle')}
        confirmLabel={t('admin.lifeDomains.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.code, {
            onSuccess: () => {
              notify('green', t('admin.lifeDomains.deleted', { name: name(deleting) }));
              setDeleting(null);
            },
            onError: (e) => {
              setDeleting(null);
              failed(e);
            },
          })
        }
      >
        {deleting ? t('admin.lifeDomains.deleteText', { name: name(deleting) }) : null}
      </ConfirmDialog>
    </Stack>
  );
}
