import { Anchor, createTheme, type CSSVariablesResolver, type MantineColorSchemeManager, type MantineColorsTuple } from '@mantine/core';

/** The one accent colour: a calm petrol teal. Shade 7 is the primary (5.9:1 on white). */
const petrol: MantineColorsTuple = [
  '#e7f5f6',
  '#cfe8eb',
  '#a0d0d6',
  '#6db6bf',
  '#449fab',
  '#2b8e9b',
  '#1a7f8c',
  '#0f6e7a',
  '#085c67',
  '#034a53',
];

export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: { light: 7, dark: 4 },
  colors: { petrol },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.875rem', lineHeight: '1.25' },
      h2: { fontSize: '1.375rem', lineHeight: '1.3' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // Links are underlined so they do not rely on colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A dialog's header is no page banner: a <div>, not Mantine's <header> (axe: duplicate banner landmark).
    ModalHeader: { defaultProps: { component: 'div' } },
  },
});

/** Darker "dimmed" text and error red than Mantine's defaults, which are below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Field errors: Mantine's red-6 is 3.3:1 on white; red-9 is 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/**
 * Keeps the colour scheme in memory only: the language is the one thing
 * Samenplan stores in the browser.
 */
export const memoryColorSchemeManager: MantineColorSchemeManager = {
  get: (defaultValue) => defaultValue,
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};
