import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the translated browser tab title: "<page> · Samenplan", or "Samenplan" alone. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const title = page ? t('app.documentTitle', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
