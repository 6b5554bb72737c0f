import './app/mantine-styles.js';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { CrashBoundary } from './components/crash-boundary.js';
import { i18nReady } from './i18n.js';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

const root = container;
// At once in Dutch; someone who chose English waits for that one file first, instead of a flash of Dutch.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <CrashBoundary>
        <App />
      </CrashBoundary>
    </StrictMode>,
  ),
);
