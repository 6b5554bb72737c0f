import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { ZPortalMe } from '../../../shared/schemas/portal.js';

type TPortalMe = z.infer<typeof ZPortalMe>;

/** The logged-in portal viewer, given by PortalLayout to its pages. */
export const PortalViewerContext = createContext<TPortalMe | null>(null);

/** The logged-in portal viewer (only inside PortalLayout). */
export function usePortalViewer(): TPortalMe {
  const me = useContext(PortalViewerContext);
  if (!me) throw new Error('usePortalViewer outside PortalLayout');
  return me;
}
