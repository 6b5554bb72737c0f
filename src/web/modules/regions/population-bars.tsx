import { Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMunicipality } from '../../../shared/schemas/reference.js';
import { useFormat } from '../../i18n.js';
import classes from './population-bars.module.css';

/**
 * Horizontal bars of inhabitants per municipality, largest first. The bars are
 * decoration: each row also states the name and the number as text.
 */
export function PopulationBars({ municipalities }: { municipalities: TMunicipality[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const descriptionId = useId();
  const sorted = [...municipalities].sort(
    (a, b) => b.population - a.population || format.collator.compare(a.nameNl, b.nameNl),
  );
  const max = Math.max(1, ...sorted.map((m) => m.population));

  return (
    <figure aria-labelledby={titleId} aria-describedby={descriptionId} style={{ margin: 0 }}>
      <Title order={2} id={titleId}>
        {t('region.chartTitle')}
      </Title>
      <Text c="dimmed" mt={4} mb="md" id={descriptionId}>
        {t('region.chartDescription')}
      </Text>
      <Paper withBorder radius="md" p="md">
        <ul className={classes.list}>
          {sorted.map((m) => (
            <li key={m.nisCode} className={classes.row}>
              <span className={classes.name}>{m.nameNl}</span>
              <span className={classes.track} aria-hidden="true">
                <span className={classes.bar} style={{ width: `${(m.population / max) * 100}%` }} />
              </span>
              <span className={classes.value}>{format.number(m.population)}</span>
            </li>
          ))}
        </ul>
      </Paper>
    </figure>
  );
}
