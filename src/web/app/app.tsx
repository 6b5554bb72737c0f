import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './providers.js';
import { createAppRouter } from './router.js';

/** The Samenplan web app. */
export function App() {
  const [router] = useState(createAppRouter);
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
