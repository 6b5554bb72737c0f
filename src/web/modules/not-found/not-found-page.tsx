import { NotFoundMessage } from '../../components/not-found-message.js';

/** Catch-all route for addresses the app does not know. */
export function NotFoundPage() {
  return <NotFoundMessage />;
}
