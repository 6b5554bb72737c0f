import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPracticeStatus } from '../../../shared/schemas/learning-practices.js';
import { LEARNING_PATH } from './learning-bits.js';

export const PRACTICES_PATH = `${LEARNING_PATH}/praktijken`;
export const practicePath = (id: string) => `${PRACTICES_PATH}/${encodeURIComponent(id)}`;

export function PracticeStatusBadge({ status }: { status: TPracticeStatus }) {
  const { t } = useTranslation();
  const color = status === 'published' ? 'green' : status === 'draft' ? 'gray' : 'orange';
  return (
    <Badge color={color} variant="light" tt="none" c="gray.9">
      {t(`goodPractices.status.${status}`)}
    </Badge>
  );
}
