import { Container } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useEffect } from 'react';
import { NotFoundMessage } from './not-found-message.js';
import { CrashMessage } from './crash-message.js';

/** React Router `errorElement` inside the app shell: 404s and crashes of a page. */
export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    if (!isRouteErrorResponse(error)) console.error('Page crashed', error);
  }, [error]);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundMessage />;
  return <CrashMessage />;
}

/** React Router `errorElement` of the root route, when the shell itself failed. */
export function RootRouteError() {
  return (
    <Container size="sm" component="main" id="main-content">
      <RouteError />
    </Container>
  );
}
