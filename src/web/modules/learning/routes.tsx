import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadLearningTexts } from '../../i18n.js';
import { lazyModulePage } from '../../app/lazy-page.js';

/** A page of the module, loaded on first use together with the module's texts. */
const modulePage = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazyModulePage(load, pick, loadLearningTexts);

const EventsPage = modulePage(() => import('./events-page.js'), (m) => m.EventsPage);
const EventPage = modulePage(() => import('./event-page.js'), (m) => m.EventPage);
const CheckInPage = modulePage(() => import('./check-in-page.js'), (m) => m.CheckInPage);
const ExchangeMatrixPage = modulePage(() => import('./exchange-matrix-page.js'), (m) => m.ExchangeMatrixPage);
const ExchangeOffersPage = modulePage(() => import('./exchange-offers-page.js'), (m) => m.ExchangeOffersPage);
const ExchangeRequestsPage = modulePage(() => import('./exchange-requests-page.js'), (m) => m.ExchangeRequestsPage);
const PublicRegistrationPage = modulePage(() => import('./public-registration-page.js'), (m) => m.PublicRegistrationPage);
const PublicConfirmPage = modulePage(() => import('./public-registration-page.js'), (m) => m.PublicConfirmPage);
const PublicCancelPage = modulePage(() => import('./public-registration-page.js'), (m) => m.PublicCancelPage);
const PartnershipsPage = modulePage(() => import('./toolkit-list-page.js'), (m) => m.PartnershipsPage);
const PartnershipPage = modulePage(() => import('./partnership-page.js'), (m) => m.PartnershipPage);
const ToolkitContentPage = modulePage(() => import('./toolkit-content-page.js'), (m) => m.ToolkitContentPage);
const PracticesPage = modulePage(() => import('./practices-page.js'), (m) => m.PracticesPage);
const PracticePage = modulePage(() => import('./practice-page.js'), (m) => m.PracticePage);

/** Learning together (wired once into app/router.tsx). */
export const learningRoutes: RouteObject[] = [
  { path: 'samen-leren', element: <EventsPage /> },
  { path: 'samen-leren/samenwerking', element: <PartnershipsPage /> },
  { path: 'samen-leren/samenwerking/teksten', element: <ToolkitContentPage /> },
  { path: 'samen-leren/samenwerking/:partnershipId', element: <PartnershipPage /> },
  { path: 'samen-leren/praktijken', element: <PracticesPage /> },
  { path: 'samen-leren/praktijken/:practiceId', element: <PracticePage /> },
  { path: 'samen-leren/:eventId', element: <EventPage /> },
  { path: 'samen-leren/:eventId/aanwezigheden', element: <CheckInPage /> },
  { path: 'samen-leren/wisselleren', element: <ExchangeOffersPage /> },
  { path: 'samen-leren/wisselleren/aanvragen', element: <ExchangeRequestsPage /> },
  { path: 'samen-leren/wisselleren/matrix', element: <ExchangeMatrixPage /> },
  // The public form for parents and young people and the links of its mails (no login).
  { path: 'samen-leren/inschrijven/:eventId', element: <PublicRegistrationPage /> },
  { path: 'samen-leren/inschrijving/bevestigen', element: <PublicConfirmPage /> },
  { path: 'samen-leren/inschrijving/annuleren', element: <PublicCancelPage /> },
];
