import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadGovernanceTexts } from '../../i18n.js';
import { lazyModulePage } from '../../app/lazy-page.js';

/** A page of the module, loaded on first use together with the module's texts. */
const modulePage = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazyModulePage(load, pick, loadGovernanceTexts);

const BodiesPage = modulePage(() => import('./bodies-page.js'), (m) => m.BodiesPage);
const BodyPage = modulePage(() => import('./body-page.js'), (m) => m.BodyPage);
const MeetingPage = modulePage(() => import('./meeting-page.js'), (m) => m.MeetingPage);
const MyActionsPage = modulePage(() => import('./my-actions-page.js'), (m) => m.MyActionsPage);
const PlanPage = modulePage(() => import('./plan-page.js'), (m) => m.PlanPage);
const PublishedPage = modulePage(() => import('./published-page.js'), (m) => m.PublishedPage);

/** Consultation and governance (wired once into app/router.tsx). */
export const governanceRoutes: RouteObject[] = [
  { path: 'overleg', element: <BodiesPage /> },
  { path: 'overleg/mijn-acties', element: <MyActionsPage /> },
  { path: 'overleg/vergadering/:meetingId', element: <MeetingPage /> },
  { path: 'overleg/:bodyId', element: <BodyPage /> },
  { path: 'overleg/plan/:planId', element: <PlanPage /> },
  { path: 'overleg/gepubliceerd', element: <PublishedPage /> },
];
