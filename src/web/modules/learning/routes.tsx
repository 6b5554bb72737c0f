import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadLearningTexts } from '../../i18n.js';
import { lazyModulePage } from '../../app/lazy-page.js';

/** A page of the module, loaded on first use together with the module's texts. */
const modulePage = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazyModulePage(load, pick, loadLearningTexts);

const EventsPage = modulePage(() => import('./events-page.js'), (m) => m.EventsPage);
const EventPage = modulePage(() => import('./event-page.js'), (m) => m.EventPage);
const CheckInPage = modulePage(() => import('./check-in-page.js'), (m) => m.CheckInPage);

/** Learning together (wired once into app/router.tsx). */
export const learningRoutes: RouteObject[] = [
  { path: 'samen-leren', element: <EventsPage /> },
  { path: 'samen-leren/:eventId', element: <EventPage /> },
  { path: 'samen-leren/:eventId/aanwezigheden', element: <CheckInPage /> },
];
