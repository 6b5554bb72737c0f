import type { ReactNode } from 'react';
import { Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { wrappingBadge } from '../admin/labels.js';

/**
 * Small building blocks shared by the tabs and dialogs of the family page (overview, waits,
 * ateliers, journal, signals): a titled section, a form dialog with its buttons, a status badge and the text of a
 * refused change.
 */

/** A section of a tab: an h2 with an optional action next to it. */
export function FamilySection({ id, title, lead, action, children }: { id: string; title: string; lead?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {lead && <Text c="gray.8">{lead}</Text>}
      {children}
    </Stack>
  );
}

/** A dialog holding a form; the form is mounted only while open, so it starts empty each time. */
export function FormDialog(props: { opened: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered size="lg" closeButtonProps={{ 'aria-label': t('account.close') }}>
      {props.opened && props.children}
    </Modal>
  );
}

/** Cancel and submit, at the end of a dialog's form. */
export function DialogActions({ onCancel, pending, label }: { onCancel: () => void; pending: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('account.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </Group>
  );
}

/** A state in words on a light badge (colour is never the only cue); the text stays readable (gray.9). */
export function StateBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} c="gray.9" tt="none" styles={wrappingBadge}>
      {children}
    </Badge>
  );
}

/** The text of a refused change: the server's own message for a field when it gave one, else the code's text. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError && error.details?.length && error.details[0]?.message && error.message !== error.code) return error.message;
    return t(errorMessageKey(error));
  };
}

/** Whether a refusal was a stale version (someone else changed it meanwhile). */
export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;
