import { notifications } from '@mantine/notifications';
import i18n from '../i18n.js';

/** A short message in the corner, with a close button that has a name. */
export function notify(color: 'green' | 'red', message: string, title?: string): void {
  notifications.show({ color, message, title, closeButtonProps: { 'aria-label': i18n.t('account.close') } });
}
