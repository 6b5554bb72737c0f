import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** An error of the whole form, announced to screen readers as soon as it appears. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert variant="light" color="red" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
      {message}
    </Alert>
  );
}
