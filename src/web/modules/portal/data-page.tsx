import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PORTAL_EXPORT_PDF_URL, usePortalExport } from '../../api/portal.js';
import { FormError } from '../../components/form/form-error.js';
import { authErrorText } from '../../components/form/error-text.js';
import { PortalHeading } from './portal-frame.js';

/** "Mijn gegevens": download everything Samenplan holds about me as a readable document (PDF) or a JSON file. */
export function DataPage() {
  const { t } = useTranslation();
  const exporting = usePortalExport();
  const download = () =>
    exporting.mutate(undefined, {
      onSuccess: (data) => {
        const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `samenplan-mijn-gegevens-${data.exportedAt.slice(0, 10)}.json`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
    });
  return (
    <>
      <PortalHeading title={t('portal.data.title')} lead={t('portal.data.lead')} />
      <Stack gap="lg" maw={560}>
        <Text>{t('portal.data.leftOut')}</Text>
        <FormError message={exporting.isError ? authErrorText(t, exporting.error) : null} />
        <Stack gap={4}>
          <Button component="a" href={PORTAL_EXPORT_PDF_URL} download size="lg" fullWidth leftSection={<IconFileText aria-hidden="true" />}>
            {t('portal.data.downloadPdf')}
          </Button>
          <Text size="sm" c="gray.8">
            {t('portal.data.pdfHelp')}
          </Text>
        </Stack>
        <Button size="lg" fullWidth variant="default" leftSection={<IconDownload aria-hidden="true" />} loading={exporting.isPending} onClick={download}>
          {t('portal.data.download')}
        </Button>
        <div aria-live="polite">
          {exporting.isSuccess && (
            <Alert color="green" variant="light">
              <Text c="gray.9">{t('portal.data.ready')}</Text>
            </Alert>
          )}
        </div>
      </Stack>
    </>
  );
}
