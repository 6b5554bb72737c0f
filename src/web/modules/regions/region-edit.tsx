import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TRegionDetail } from '../../../shared/schemas/reference.js';
import { ApiError, errorMessageKey } from '../../api/client.js';
import { useAddRegionMunicipality, useRemoveRegionMunicipality } from '../../api/directory-engagements.js';
import { useMunicipalities } from '../../api/directory-manage.js';
import { notify } from '../../components/notify.js';

/** Platform admins: add a municipality to the region or take one out (a municipality is in at most one 1G1P network). */
export function RegionMunicipalityEditor({ region }: { region: TRegionDetail }) {
  const { t } = useTranslation();
  const all = useMunicipalities();
  const add = useAddRegionMunicipality(region.code);
  const remove = useRemoveRegionMunicipality(region.code);
  const [nisCode, setNisCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inRegion = new Set(region.municipalities.map((m) => m.nisCode));
  const choices = (all.data ?? []).filter((m) => !inRegion.has(m.nisCode)).map((m) => ({ value: m.nisCode, label: `${m.nameNl} (${m.nisCode})` }));
  const failed = (error: unknown) =>
    setProblem(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.code !== 'version_conflict' ? error.message : t(errorMessageKey(error)));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="region-edit-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="region-edit-title">
          {t('region.edit.title')}
        </Title>
        <Text size="sm" c="gray.8" maw="46rem">
          {t('region.edit.lead')}
        </Text>
        {problem && (
          <Alert color="red" variant="light" role="alert">
            <Text c="gray.9" size="sm">
              {problem}
            </Text>
          </Alert>
        )}
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('region.edit.municipality')}
            data={choices}
            value={nisCode}
            onChange={setNisCode}
            searchable
            clearable
            limit={50}
            nothingFoundMessage={t('region.edit.nothingFound')}
            w={{ base: '100%', sm: '22rem' }}
          />
          <Button
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            disabled={!nisCode}
            loading={add.isPending}
            onClick={() => {
              if (!nisCode) return;
              setProblem(null);
              add.mutate(
                { nisCode, version: region.version },
                {
                  onSuccess: (r) => {
                    const added = r.municipalities.find((m) => m.nisCode === nisCode);
                    notify('green', t('region.edit.added', { name: added?.nameNl ?? nisCode }));
                    setNisCode(null);
                  },
                  onError: failed,
                },
              );
            }}
          >
            {t('region.edit.add')}
          </Button>
        </Group>
        {region.municipalities.length > 0 && (
          <Group gap="xs" wrap="wrap" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('region.municipalitiesTitle')}>
            {region.municipalities.map((m) => (
              <li key={m.nisCode}>
                <Button
                  variant="default"
                  size="compact-md"
                  rightSection={<IconX size={14} aria-hidden="true" />}
                  aria-label={t('region.edit.remove', { name: m.nameNl })}
                  loading={remove.isPending && remove.variables.nisCode === m.nisCode}
                  onClick={() => {
                    setProblem(null);
                    remove.mutate(
                      { nisCode: m.nisCode, version: region.version },
                      { onSuccess: () => notify('green', t('region.edit.removed', { name: m.nameNl })), onError: failed },
                    );
                  }}
                >
                  {m.nameNl}
                </Button>
              </li>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
