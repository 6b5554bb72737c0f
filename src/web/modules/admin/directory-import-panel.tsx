import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileInput, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TDirectoryImport, TDirectoryImportCreate } from '../../../shared/schemas/directory/hsds.js';
import { DIRECTORY_IMPORT_MAX_BYTES } from '../../../shared/schemas/directory/hsds.js';
import { errorMessageKey } from '../../api/client.js';
import { useDirectoryImport, useDirectoryImports, useStartDirectoryImport } from '../../api/directory-imports.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { formatDateTime } from '../../components/format.js';
import { ResponsiveList } from '../../components/list/responsive-list.js';
import { EmptyState } from '../../components/states.js';
import { SectionNoAccess, useAdminContext } from './admin-layout.js';

const TITLE_ID = 'directory-import-title';
const HISTORY_ID = 'directory-import-history';

/** Thrown for a file the browser can already tell is not an HSDS dataset. */
class FileProblem extends Error {}

/** Reads the chosen file into what the API takes: a JSON dataset, or the CSV files of a zipped tabular package. */
async function readUpload(file: File): Promise<TDirectoryImportCreate['content']> {
  if (file.size > DIRECTORY_IMPORT_MAX_BYTES) throw new FileProblem('tooLarge');
  if (/\.zip$/i.test(file.name)) {
    const { default: JSZip } = await import('jszip');
    let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
    try {
      zip = await JSZip.loadAsync(await file.arrayBuffer());
    } catch {
      throw new FileProblem('badZip');
    }
    const files: Record<string, string> = {};
    for (const entry of Object.values(zip.files)) {
      const name = entry.name.split('/').pop() ?? '';
      if (!entry.dir && /^[\w.-]+\.csv$/i.test(name)) files[name] = await entry.async('string');
    }
    if (Object.keys(files).length === 0) throw new FileProblem('noCsv');
    return { kind: 'tabular', files };
  }
  try {
    return { kind: 'json', dataset: JSON.parse(await file.text()) as unknown };
  } catch {
    throw new FileProblem('badJson');
  }
}

function StatusBadge({ item }: { item: TDirectoryImport }) {
  const { t } = useTranslation();
  const color = item.status === 'done' ? (item.report?.rejected.length ? 'yellow' : 'green') : item.status === 'failed' || item.status === 'refused' ? 'red' : 'blue';
  return (
    <Badge color={color} variant="light" c="gray.9" tt="none" style={{ overflow: 'visible' }} w="max-content">
      {t(`admin.directoryImport.status.${item.status}`)}
    </Badge>
  );
}

/** The progress of a running import, and its report once done. */
function ImportProgress({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useDirectoryImport(id);
  const item = query.data;
  if (!item) return <Progress value={0} animated aria-label={t('admin.directoryImport.progressLabel')} />;
  const percent = item.recordsTotal === 0 ? 100 : Math.round((item.recordsDone / item.recordsTotal) * 100);
  const report = item.report;
  return (
    <Paper withBorder p="md" radius="md" aria-live="polite">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{item.fileName}</Text>
          <StatusBadge item={item} />
        </Group>
        {item.status !== 'done' && item.status !== 'refused' && item.status !== 'failed' && (
          <>
            <Progress value={item.status === 'writing' ? 100 : percent} animated striped size="lg" aria-label={t('admin.directoryImport.progressLabel')} />
            <Text size="sm">
              {item.status === 'writing'
                ? t('admin.directoryImport.writing')
                : t('admin.directoryImport.checked', { done: item.recordsDone, total: item.recordsTotal })}
            </Text>
          </>
        )}
        {item.status === 'failed' && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title={t('admin.directoryImport.failedTitle')} styles={{ title: { color: 'var(--mantine-color-red-9)' } }}>
            <Text c="red.9">{t('admin.directoryImport.failedText')}</Text>
          </Alert>
        )}
        {report && (
          <Stack gap="xs">
            <Alert
              color={report.refused ? 'red' : report.rejected.length ? 'yellow' : 'green'}
              icon={report.refused ? <IconAlertTriangle aria-hidden="true" /> : <IconCircleCheck aria-hidden="true" />}
              title={t(report.refused ? 'admin.directoryImport.refusedTitle' : report.dryRun ? 'admin.directoryImport.dryRunDone' : 'admin.directoryImport.done')}
              styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
            >
              {report.refused && <Text c="gray.9">{t('admin.directoryImport.refusedText')}</Text>}
              <Text c="gray.9">
                {t('admin.directoryImport.counts', { organizations: report.organizations, services: report.services, zinplekken: report.zinplekken })}{' '}
                {t('admin.directoryImport.rejectedCount', { count: report.rejected.length })}
              </Text>
              {item.finishedAt && (
                <Text size="sm" c="gray.8">
                  {formatDateTime(item.finishedAt, i18n.language)}
                </Text>
              )}
            </Alert>
            {report.rejected.length > 0 && (
                <Table striped withTableBorder aria-label={t('admin.directoryImport.rejectedTable')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('admin.directoryImport.columns.record')}</Table.Th>
                      <Table.Th scope="col">{t('admin.directoryImport.columns.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.rejected.slice(0, 200).map((r, i) => (
                      <Table.Tr key={`${r.entity}-${r.index ?? 'x'}-${i}`}>
                        <Table.Td>
                          {t(`admin.directoryImport.entity.${r.entity}`)}
                          {r.index !== null ? ` #${r.index + 1}` : ''}
                          {r.id && (
                            <Text size="xs" c="gray.8" ff="monospace" style={{ wordBreak: 'break-all' }}>
                              {r.id}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {/* The reason in the page's language; reports stored before the Dutch reasons carry only the English one. */}
                          <Text size="sm" lang={i18n.language === 'en' || !r.reasonEn ? 'en' : 'nl'} style={{ overflowWrap: 'anywhere' }}>
                            {i18n.language === 'en' && r.reasonEn ? r.reasonEn : r.reason}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** Platform administrators import an Open Referral HSDS dataset into the sociale kaart: upload, progress, report. */
export function DirectoryImportPanel() {
  const { t, i18n } = useTranslation();
  const { me } = useAdminContext();
  useDocumentTitle(t('admin.directoryImport.title'));
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const start = useStartDirectoryImport();
  const history = useDirectoryImports();
  if (!me.abilities['directory.import']) return <SectionNoAccess />;

  const submit = async () => {
    setProblem(null);
    if (!file) {
      setProblem(t('admin.directoryImport.problems.noFile'));
      return;
    }
    setReading(true);
    try {
      const content = await readUpload(file);
      const created = await start.mutateAsync({ fileName: file.name, dryRun, allOrNothing, content });
      setCurrent(created.id);
    } catch (err) {
      setProblem(err instanceof FileProblem ? t(`admin.directoryImport.problems.${err.message as 'badJson'}`) : t(errorMessageKey(err)));
    } finally {
      setReading(false);
    }
  };

  return (
    <Stack gap="lg" maw="60rem">
      <Stack gap={4}>
        <Title order={2} id={TITLE_ID}>
          {t('admin.directoryImport.title')}
        </Title>
        <Text maw="46rem">{t('admin.directoryImport.lead')}</Text>
      </Stack>
      <Paper withBorder p="md" radius="md" component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-labelledby={TITLE_ID}>
        <Stack gap="md">
          <FileInput
            label={t('admin.directoryImport.file')}
            description={t('admin.directoryImport.fileHelp')}
            accept=".json,.zip,application/json,application/zip"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('admin.directoryImport.clear') }}
            leftSection={<IconFileImport size={18} aria-hidden="true" />}
            error={problem}
          />
          <Checkbox label={t('admin.directoryImport.dryRun')} description={t('admin.directoryImport.dryRunHelp')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          <Checkbox
            label={t('admin.directoryImport.allOrNothing')}
            description={t('admin.directoryImport.allOrNothingHelp')}
            checked={allOrNothing}
            onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={reading || start.isPending} leftSection={<IconUpload size={18} aria-hidden="true" />}>
              {dryRun ? t('admin.directoryImport.check') : t('admin.directoryImport.start')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {current && <ImportProgress id={current} />}
      <Stack gap="xs">
        <Title order={3} id={HISTORY_ID}>
          {t('admin.directoryImport.history')}
        </Title>
        <ResponsiveList
          items={history.data?.items}
          query={history}
          getKey={(i) => i.id}
          labelledBy={HISTORY_ID}
          empty={<EmptyState title={t('admin.directoryImport.none')} />}
          columns={[
            { key: 'file', header: t('admin.directoryImport.columns.file'), cell: (i) => i.fileName, rowHeader: true },
            { key: 'when', header: t('admin.directoryImport.columns.when'), cell: (i) => formatDateTime(i.createdAt, i18n.language), nowrap: true },
            { key: 'who', header: t('admin.directoryImport.columns.who'), cell: (i) => i.createdByName ?? '—', visibleFrom: 'md' },
            { key: 'status', header: t('admin.directoryImport.columns.status'), cell: (i) => <StatusBadge item={i} />, nowrap: true },
            {
              key: 'result',
              header: t('admin.directoryImport.columns.result'),
              cell: (i) =>
                i.report
                  ? `${t('admin.directoryImport.counts', { organizations: i.report.organizations, services: i.report.services, zinplekken: i.report.zinplekken })} ${t('admin.directoryImport.rejectedCount', { count: i.report.rejected.length })}`
                  : '—',
            },
          ]}
          card={(i) => (
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{i.fileName}</Text>
                <StatusBadge item={i} />
              </Group>
              <Text size="sm">{formatDateTime(i.createdAt, i18n.language)}</Text>
              {i.report && <Text size="sm">{t('admin.directoryImport.rejectedCount', { count: i.report.rejected.length })}</Text>}
            </Stack>
          )}
        />
      </Stack>
    </Stack>
  );
}
