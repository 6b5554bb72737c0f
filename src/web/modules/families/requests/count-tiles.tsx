import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRequestCounts } from '../../../../shared/schemas/families/requests.js';
import { FLAG_COLOR } from './labels.js';

/**
 * The region's open requests on time / at risk / overdue as three coloured tiles, each with its
 * number and its words (colour is never the only cue). Used by the request board and the
 * coordinator's home page; `…` while the counts load.
 */
export function RequestCountTiles({ counts, testIdPrefix }: { counts: TRequestCounts | undefined; testIdPrefix: string }) {
  const { t } = useTranslation();
  const tiles = [
    { key: 'onTime', flag: 'on_time', value: counts?.onTime },
    { key: 'atRisk', flag: 'at_risk', value: counts?.atRisk },
    { key: 'overdue', flag: 'overdue', value: counts?.overdue },
  ] as const;
  return (
    <SimpleGrid component="ul" cols={3} spacing="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-busy={counts === undefined}>
      {tiles.map((tile) => (
        <Paper
          component="li"
          key={tile.key}
          withBorder
          radius="md"
          p="md"
          bg={`${FLAG_COLOR[tile.flag]}.0`}
          style={{ borderColor: `var(--mantine-color-${FLAG_COLOR[tile.flag]}-6)`, borderWidth: 2 }}
        >
          <Text fz={{ base: 26, sm: 34 }} fw={700} lh={1.1} c={`${FLAG_COLOR[tile.flag]}.9`} data-testid={`${testIdPrefix}-${tile.key}`}>
            {tile.value ?? '…'}
          </Text>
          <Text size="sm" c="gray.9">
            {t(`requests.counts.${tile.key}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
