import { useEffect, useRef, type ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '../../components/document-title.js';

interface AuthCardProps {
  /** The page's one h1; it gets the focus when the step appears. */
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  /** Wider card for the steps with a QR code or a list of codes. */
  wide?: boolean;
}

/** One step of logging in: a calm card with a heading that takes the focus, so screen readers start there. */
export function AuthCard({ title, lead, children, wide }: AuthCardProps) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', xs: 'xl' }} maw={wide ? 640 : 480} mx="auto" shadow="xs">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          {lead && <Text c="gray.8">{lead}</Text>}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
