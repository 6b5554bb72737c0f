import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { AppShell, Box, Burger, Container, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { NavLink as RouterNavLink, Link, Outlet, useLocation, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.js';
import { useHealth } from '../api/queries.js';
import { PageSkeleton } from '../components/skeletons.js';
import { StepUpProvider } from '../components/step-up/step-up.js';
import { AccountMenu } from '../modules/auth/account-menu.js';
import { useSessionExpiryRedirect } from '../modules/auth/session-expiry.js';
import { LanguageSwitch } from './language-switch.js';
import { navigableModules, type TModuleEntry } from './modules.js';
import classes from './app-layout.module.css';

const MAIN_ID = 'main-content';
const NAV_ID = 'main-navigation';

/** Samenplan's mark: two overlapping circles, working together. */
function Logo() {
  return (
    <svg width="32" height="32" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-petrol-7)" />
      <circle cx="25" cy="32" r="12" fill="none" stroke="#fff" strokeWidth="4.5" />
      <circle cx="39" cy="32" r="12" fill="none" stroke="#fff" strokeWidth="4.5" />
    </svg>
  );
}

/** Version of the server, quietly at the bottom of the navigation. */
function VersionNote() {
  const { t } = useTranslation();
  const { data } = useHealth();
  if (!data) return null;
  return (
    <Text size="xs" c="dimmed" px="sm">
      {t('app.version', { version: data.version })}
    </Text>
  );
}

/** One module link; React Router sets `aria-current="page"` when it is active. */
function ModuleNavLink({ entry, onNavigate }: { entry: TModuleEntry; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { key, path, icon: Icon } = entry;
  const end = path === '/';
  const active = useMatch({ path, end }) !== null;
  return (
    <NavLink
      component={RouterNavLink}
      to={path}
      end={end}
      active={active}
      label={t(`nav.${key}`)}
      leftSection={<Icon size={20} stroke={1.6} aria-hidden="true" />}
      className={classes.navLink}
      onClick={onNavigate}
    />
  );
}

/** Moves focus to the main region after client-side navigation, so screen readers follow. */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById(MAIN_ID);
    // A page may have put the focus on its own heading already (the login steps do).
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname]);
}

/** The app shell: top bar, module navigation, and the page in `<main>`. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Same breakpoint as the AppShell navbar ('sm' = 48em).
  const isMobile = useMediaQuery('(max-width: 47.99em)');
  const abilities = useMe().data?.abilities;
  // Only what works for this person: no modules still being built, administration only for those who may.
  const modules = navigableModules(abilities);
  const navHidden = Boolean(isMobile) && !opened;
  useFocusMainOnNavigate();
  useSessionExpiryRedirect();

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };

  return (
    <>
      <a href={`#${MAIN_ID}`} className={classes.skipLink} onClick={skipToContent}>
        {t('skipLink')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={0}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.menu')}
                aria-expanded={opened}
                aria-controls={NAV_ID}
              />
              <Link to="/" className={classes.brand}>
                <Logo />
                <span className={classes.brandName}>{t('app.name')}</span>{' '}
                <span className={classes.tagline}>{t('app.tagline')}</span>
              </Link>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <AccountMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          id={NAV_ID}
          aria-label={t('nav.label')}
          p="sm"
          className={classes.navbar}
          data-collapsed={navHidden || undefined}
          inert={navHidden}
        >
          <AppShell.Section grow component={ScrollArea} type="auto">
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {modules.map((entry) => (
                <li key={entry.key}>
                  <ModuleNavLink entry={entry} onNavigate={close} />
                </li>
              ))}
            </Box>
          </AppShell.Section>
          <AppShell.Section pt="sm">
            <VersionNote />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
          <Container size="lg" px={{ base: 'md', sm: 'xl' }} py={{ base: 'lg', sm: 'xl' }}>
            <StepUpProvider>
              <Suspense fallback={<PageSkeleton />}>
                <Outlet />
              </Suspense>
            </StepUpProvider>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
