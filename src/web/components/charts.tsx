import { Box, Group, Stack, Text } from '@mantine/core';

/** One bar: a label, its value (the bar's length) and the value as people read it. */
export interface TBar {
  key: string;
  label: string;
  value: number;
  display: string;
  color?: string;
}

/**
 * Horizontal bars as a plain list (label, bar, value in words): readable by screen readers without
 * a description of the picture, and fits a phone because the label sits above its bar.
 */
export function BarList({ bars, labelledBy }: { bars: TBar[]; labelledBy?: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={labelledBy}>
      {bars.map((bar) => {
        const share = max > 0 ? Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * 100) : 0;
        return (
          <li key={bar.key}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{bar.label}</Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {bar.display}
              </Text>
            </Group>
            <Box
              aria-hidden="true"
              h={10}
              bg="gray.1"
              style={{ borderRadius: 5, overflow: 'hidden' }}
            >
              <Box h={10} w={`${share}%`} bg={bar.color ?? 'indigo.6'} style={{ borderRadius: 5 }} />
            </Box>
          </li>
        );
      })}
    </Stack>
  );
}

/** A point of a line chart: an ISO day and a value. */
export interface TPoint {
  day: string;
  value: number;
}

/**
 * A small line chart of values over time (an SVG that scales to its container), with an optional
 * dashed target line. The picture is described by `summary` for screen readers; the numbers themselves
 * belong in a table or list next to it.
 */
export function LineChart({
  points,
  target,
  summary,
  formatValue,
  formatDay,
  targetLabel,
}: {
  points: TPoint[];
  target?: number | null;
  summary: string;
  formatValue: (v: number) => string;
  formatDay: (day: string) => string;
  targetLabel?: string;
}) {
  const width = 600;
  const height = 220;
  const pad = { left: 56, right: 16, top: 16, bottom: 32 };
  const values = points.map((p) => p.value);
  if (target !== null && target !== undefined) values.push(target);
  let low = Math.min(0, ...values);
  let high = Math.max(...values, 0);
  if (high === low) high = low + 1;
  const span = high - low;
  high += span * 0.05;
  low = low < 0 ? low - span * 0.05 : low;
  const times = points.map((p) => Date.parse(`${p.day}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (t: number) => (last === first ? pad.left + (width - pad.left - pad.right) / 2 : pad.left + ((t - first) / (last - first)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - (v - low) / (high - low)) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${x(times[i] ?? 0).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const firstPoint = points[0];
  const lastPoint = points[points.length - 1];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: width, display: 'block' }}>
      <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} stroke="#868e96" />
      <line x1={pad.left} x2={pad.left} y1={pad.top} y2={height - pad.bottom} stroke="#868e96" />
      <text x={pad.left - 6} y={y(high) + 4} fontSize="12" textAnchor="end" fill="#343a40">
        {formatValue(high)}
      </text>
      <text x={pad.left - 6} y={y(low) + 4} fontSize="12" textAnchor="end" fill="#343a40">
        {formatValue(low)}
      </text>
      {target !== null && target !== undefined && (
        <g>
          <line x1={pad.left} x2={width - pad.right} y1={y(target)} y2={y(target)} stroke="#e8590c" strokeDasharray="6 4" strokeWidth={2} />
          {targetLabel && (
            <text x={width - pad.right} y={y(target) - 6} fontSize="12" textAnchor="end" fill="#a23b05">
              {targetLabel}
            </text>
          )}
        </g>
      )}
      {points.length > 1 && <polyline points={path} fill="none" stroke="#364fc7" strokeWidth={2.5} />}
      {points.map((p, i) => (
        <circle key={p.day} cx={x(times[i] ?? 0)} cy={y(p.value)} r={4} fill="#364fc7" />
      ))}
      {firstPoint && (
        <text x={pad.left} y={height - 10} fontSize="12" textAnchor="start" fill="#343a40">
          {formatDay(firstPoint.day)}
        </text>
      )}
      {lastPoint && lastPoint !== firstPoint && (
        <text x={width - pad.right} y={height - 10} fontSize="12" textAnchor="end" fill="#343a40">
          {formatDay(lastPoint.day)}
        </text>
      )}
    </svg>
  );
}
