import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { Badge, Box, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/language-switch.js';
import { useDocumentTitle } from '../../components/document-title.js';
import classes from './portal.module.css';

export const PORTAL_MAIN_ID = 'portal-main';

interface PortalFrameProps {
  /** The family's name and the logout button, once logged in. */
  familyName?: string;
  onLogout?: () => void;
  loggingOut?: boolean;
  /** The tab bar (logged in). */
  nav?: ReactNode;
  children: ReactNode;
}

/** The portal's own simple layout: no professional navigation, big touch targets. */
export function PortalFrame({ familyName, onLogout, loggingOut, nav, children }: PortalFrameProps) {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(PORTAL_MAIN_ID)?.focus();
  };
  return (
    <>
      <a href={`#${PORTAL_MAIN_ID}`} className={classes.skipLink} onClick={skip}>
        {t('portal.skipLink')}
      </a>
      <header className={classes.header}>
        <Container size="md" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs" mih={44}>
            <Text fw={700} size="md" lh={1.2} style={{ overflowWrap: 'anywhere' }}>
              {familyName ?? t('portal.name')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              {onLogout && (
                <Button variant="default" size="sm" onClick={onLogout} loading={loggingOut}>
                  {t('portal.logout')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </header>
      {nav}
      <main id={PORTAL_MAIN_ID} tabIndex={-1} className={classes.main}>
        <Container size="md" py="lg">
          {children}
        </Container>
      </main>
    </>
  );
}

/** A page's heading (the one h1, focused when the page opens) and a short lead. */
export function PortalHeading({ title, lead }: { title: string; lead?: ReactNode }) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {lead && (
        <Box c="gray.8" fz="md">
          {lead}
        </Box>
      )}
    </Stack>
  );
}

/** "22/11/2026" for a plain date (YYYY-MM-DD) or a moment, in Brussels. */
export function formatPortalDay(value: string, locale: string): string {
  const date = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** A calm status label: light colour, dark text (contrast), no capitals. */
export function PortalBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} c="gray.9" tt="none" size="lg" style={{ flexShrink: 0 }}>
      {children}
    </Badge>
  );
}
