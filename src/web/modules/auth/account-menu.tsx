import { Avatar, Button, Menu, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogin2, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isFullyLoggedIn, useLogout, useMe } from '../../api/auth.js';
import classes from './account-menu.module.css';
import { LOGIN_PATH, withReturn } from './return-path.js';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** Top-bar account area: "Aanmelden" when logged out, a menu with my name when logged in. */
/** Pages that are themselves part of getting logged in: no "Aanmelden" button there. */
const LOGIN_FLOW_PAGES = new Set(['/inschrijven', '/wachtwoord-vergeten', '/wachtwoord-herstellen']);

export function AccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const me = useMe();
  const logout = useLogout();

  if (me.isLoading) return null;
  if (!isFullyLoggedIn(me.data)) {
    if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`) || LOGIN_FLOW_PAGES.has(pathname)) return null;
    return (
      <Button
        component={Link}
        to={withReturn(LOGIN_PATH, pathname + search)}
        variant="light"
        leftSection={<IconLogin2 size={18} aria-hidden="true" />}
        classNames={{ section: classes.loginIcon }}
        className={classes.loginButton}
      >
        {t('auth.menu.login')}
      </Button>
    );
  }

  const name = me.data.person?.name ?? me.data.account.email;
  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/', { replace: true }) });
  };

  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.trigger} aria-label={t('auth.menu.label', { name })}>
          <Avatar size={32} radius="xl" color="petrol" aria-hidden="true">
            {initials(name)}
          </Avatar>
          <span className={classes.name}>{name}</span>
          <IconChevronDown size={16} aria-hidden="true" className={classes.chevron} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={18} aria-hidden="true" />}>
          {t('auth.menu.account')}
        </Menu.Item>
        <Menu.Item onClick={signOut} leftSection={<IconLogout size={18} aria-hidden="true" />}>
          {t('auth.menu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
