import { lazy, type ComponentType } from 'react';

/**
 * A page of a module, loaded on first use together with the module's texts (a loader made by
 * `textBundle` in i18n.ts), so the first visit downloads only the shell and that page. The layouts'
 * `<Suspense>` shows a skeleton meanwhile.
 */
export function lazyModulePage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType, texts?: () => Promise<void>) {
  return lazy(async () => {
    const [m] = await Promise.all([load(), texts?.()]);
    return { default: pick(m) };
  });
}
