import { useOutletContext } from 'react-router';
import type { z } from 'zod';
import type { ZPortalMe } from '../../../shared/schemas/portal.js';

/** The logged-in portal viewer (given by PortalLayout to its pages). */
export const usePortalViewer = () => useOutletContext<z.infer<typeof ZPortalMe>>();
