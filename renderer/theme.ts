import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm leaf green (the association's gardens), dark enough on white for WCAG AA text.
const leaf: MantineColorsTuple = [
  '#ecf9ef',
  '#dbf0df',
  '#b3e0bd',
  '#88ce98',
  '#65bf79',
  '#4fb565',
  '#42b05a',
  '#339a4a',
  '#2a8940',
  '#1b7733',
];

/** The one theme of Paniers: system fonts (nothing fetched), generous spacing, readable sizes. */
export const theme = createTheme({
  primaryColor: 'leaf',
  // Honour the system's « reduce motion » setting (and lets screenshots skip transitions).
  respectReducedMotion: true,
  primaryShade: 8,
  colors: { leaf },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  defaultRadius: 'md',
  fontSizes: { xs: '0.8125rem', sm: '0.9375rem', md: '1rem', lg: '1.125rem', xl: '1.25rem' },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
  },
});
