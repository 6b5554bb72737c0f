import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Shows the one-time enrolment link once, with a copy button; it is not kept anywhere. */
export function EnrolmentLinkDialog({ result, onClose }: { result: { name: string; enrolmentLink: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={result !== null}
      onClose={onClose}
      title={t('admin.people.linkTitle', { name: result?.name ?? '' })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('account.close') }}
    >
      {result && (
        <Stack gap="md">
          <Text>{t('admin.people.linkLead', { name: result.name })}</Text>
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('admin.people.linkLabel')}
              value={result.enrolmentLink}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="enrolment-link"
            />
            <CopyButton value={result.enrolmentLink}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  variant={copied ? 'light' : 'filled'}
                  leftSection={copied ? <IconCheck size={18} aria-hidden="true" /> : <IconCopy size={18} aria-hidden="true" />}
                >
                  {copied ? t('admin.people.copied') : t('admin.people.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert variant="light" color="petrol" icon={<IconShieldLock aria-hidden="true" />}>
            <Text c="gray.9">{t('admin.people.linkSafety')}</Text>
          </Alert>
          <Text size="sm" c="gray.8">
            {t('admin.people.linkOnce')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('admin.people.linkDone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
