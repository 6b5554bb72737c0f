/* global module */
// PostCSS for Mantine: mixins, rem/em helpers and the breakpoint variables used
// in CSS modules (`@media (max-width: $mantine-breakpoint-sm)`).
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
    'postcss-simple-vars': {
      variables: {
        'mantine-breakpoint-xs': '36em',
        'mantine-breakpoint-sm': '48em',
        'mantine-breakpoint-md': '62em',
        'mantine-breakpoint-lg': '75em',
        'mantine-breakpoint-xl': '88em',
      },
    },
  },
};
