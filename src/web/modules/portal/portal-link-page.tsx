import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePortalLinkLogin } from '../../api/portal.js';
import { PortalFrame, PortalHeading } from './portal-frame.js';
import { PORTAL_HOME, PORTAL_LOGIN } from './portal-layout.js';

/** The magic link of the login mail (`/portaal#<token>`): logs in and opens the plan. */
export function PortalLinkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = usePortalLinkLogin();
  // Read once, before the effect takes it out of the address bar.
  const [token] = useState(() => window.location.hash.slice(1));
  const valid = /^[\w-]{20,100}$/.test(token);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // The token leaves the address bar (and the history) at once.
    window.history.replaceState(null, '', window.location.pathname);
    if (valid) login.mutate(token, { onSuccess: () => void navigate(PORTAL_HOME, { replace: true }) });
  }, [login, navigate, token, valid]);

  const failed = !valid || login.isError;

  return (
    <PortalFrame>
      <Stack maw={480} mx="auto">
        {failed ? (
          <>
            <PortalHeading key="failed" title={t('portal.link.failedTitle')} />
            <Alert color="red" variant="light">
              <Text c="gray.9">{t('portal.link.failed')}</Text>
            </Alert>
            <Button component={Link} to={PORTAL_LOGIN} size="lg">
              {t('portal.link.again')}
            </Button>
          </>
        ) : (
          <>
            <PortalHeading key="busy" title={t('portal.link.title')} />
            <Stack align="center" role="status">
              <Loader aria-hidden="true" />
              <Text>{t('portal.link.busy')}</Text>
            </Stack>
          </>
        )}
      </Stack>
    </PortalFrame>
  );
}
