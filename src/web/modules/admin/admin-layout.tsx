import { Suspense } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconCategory, IconFileImport, IconHome, IconListDetails, IconLock, IconUsers } from '@tabler/icons-react';
import { Link, NavLink, Outlet, useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TMe } from '../../../shared/schemas/auth.js';
import { useDocumentTitle } from '../../components/document-title.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import classes from './admin.module.css';
import { useFullLogin } from '../auth/use-full-login.js';

export const ADMIN_PATH = '/beheer';
export const ADMIN_PEOPLE_PATH = '/beheer/personen';
export const ADMIN_AUDIT_PATH = '/beheer/audit';
export const ADMIN_LIFE_DOMAINS_PATH = '/beheer/levensdomeinen';
export const ADMIN_DIRECTORY_IMPORT_PATH = '/beheer/sociale-kaart-import';

/** The logged-in administrator, handed to the pages under /beheer. */
export type TAdminContext = { me: TMe };
export const useAdminContext = () => useOutletContext<TAdminContext>();

/** "You have no access here", calm, with a way back. */
export function NoAccess() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.noAccess.title'));
  return (
    <Stack gap="md" maw="40rem" py="xl" align="flex-start">
      <IconLock size={40} stroke={1.5} aria-hidden="true" color="var(--mantine-color-petrol-7)" />
      <Title order={1}>{t('admin.noAccess.title')}</Title>
      <Text size="lg">{t('admin.noAccess.text')}</Text>
      <Button component={Link} to="/" leftSection={<IconHome size={18} aria-hidden="true" />}>
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}

/** Inside /beheer, a section this person may not open: said below the page's heading. */
export function SectionNoAccess() {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="gray" icon={<IconLock aria-hidden="true" />} title={t('admin.noAccess.title')}>
      <Text c="gray.9">{t('admin.noAccess.section')}</Text>
    </Alert>
  );
}

/** Administration: the guard, the one h1, and the sections (organisations, people, audit). */
export function AdminLayout() {
  const { t } = useTranslation();
  const login = useFullLogin();
  if (login.me === null) return login.gate;
  const me = login.me;
  const abilities = me.abilities;
  if (!abilities['admin.view']) return <NoAccess />;

  const sections = [
    { to: ADMIN_PATH, label: t('admin.nav.organisations'), icon: IconBuilding, end: true, show: true },
    { to: ADMIN_PEOPLE_PATH, label: t('admin.nav.people'), icon: IconUsers, end: false, show: Boolean(abilities['admin.people.manage']) },
    { to: ADMIN_LIFE_DOMAINS_PATH, label: t('admin.nav.lifeDomains'), icon: IconCategory, end: false, show: Boolean(abilities['admin.lifeDomains.manage']) },
    { to: ADMIN_DIRECTORY_IMPORT_PATH, label: t('admin.nav.directoryImport'), icon: IconFileImport, end: false, show: Boolean(abilities['directory.import']) },
    { to: ADMIN_AUDIT_PATH, label: t('admin.nav.audit'), icon: IconListDetails, end: false, show: Boolean(abilities['audit.view']) },
  ].filter((s) => s.show);

  return (
    <>
      <Stack gap="sm" mb="lg">
        <Title order={1}>{t('admin.title')}</Title>
        <Text size="lg" maw="46rem">
          {t('admin.lead')}
        </Text>
      </Stack>
      <nav aria-label={t('admin.nav.label')} className={classes.sectionNav}>
        <Group gap={4} wrap="wrap" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {sections.map(({ to, label, icon: Icon, end }) => (
            <li key={to}>
              <NavLink to={to} end={end} className={classes.sectionLink}>
                <Icon size={18} stroke={1.7} aria-hidden="true" />
                <span>{label}</span>
              </NavLink>
            </li>
          ))}
        </Group>
      </nav>
      <Suspense fallback={<SectionSkeleton />}>
        <Outlet context={{ me } satisfies TAdminContext} />
      </Suspense>
    </>
  );
}
