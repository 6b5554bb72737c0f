import { Button, Code, CopyButton, SimpleGrid } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A button that copies `value` and says so for a moment ("Gekopieerd"). */
export function CopyAction({ value, label, done }: { value: string; label: string; done: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          onClick={copy}
          style={{ alignSelf: 'flex-start' }}
          leftSection={copied ? <IconCheck size={18} aria-hidden="true" /> : <IconCopy size={18} aria-hidden="true" />}
        >
          {copied ? done : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** Recovery codes as a list, two columns from small screens up, each code readable on its own. */
export function RecoveryCodeList({ codes, label }: { codes: readonly string[]; label: string }) {
  return (
    <SimpleGrid component="ul" cols={{ base: 1, xs: 2 }} spacing="xs" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {codes.map((code) => (
        <li key={code}>
          <Code fz="lg" px="sm" py={6} display="block" ta="center" style={{ letterSpacing: '0.08em' }}>
            {code}
          </Code>
        </li>
      ))}
    </SimpleGrid>
  );
}
