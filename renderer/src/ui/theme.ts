// Runtime: renderer. The look of Attaché: a diplomatic navy with a gold accent, calm type, soft corners.
import { createTheme, type CSSVariablesResolver, type MantineColorScheme, type MantineColorSchemeManager, type MantineColorsTuple } from '@mantine/core';

const navy: MantineColorsTuple = ['#edf2fb', '#d9e2f3', '#b1c2e5', '#86a0d7', '#6384cb', '#4c72c4', '#3f68c2', '#3157ab', '#294d9a', '#1c4189'];

const gold: MantineColorsTuple = ['#fdf8e7', '#f7eed3', '#eedba6', '#e5c775', '#ddb64c', '#d8ab32', '#d6a623', '#bd9115', '#a8800c', '#916d00'];

export const theme = createTheme({
  // People who ask their system for reduced motion get dialogs and menus without animation.
  respectReducedMotion: true,
  primaryColor: 'navy',
  // White text on a filled button must keep 4.5:1 in both schemes.
  primaryShade: { light: 8, dark: 7 },
  colors: { navy, gold },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
  },
});

/**
 * Mantine's dimmed grey falls under 4.5:1 for small text; these keep secondary text readable. The
 * critical red (what fails an axis or a scenario) keeps 4.5:1 on both schemes' surfaces too, and so
 * does a field's error (its message, and the text typed in it), which Mantine draws in a lighter red.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--attache-color-critical': theme.colors.red[9], '--mantine-color-error': theme.colors.red[9] },
  dark: { '--mantine-color-dimmed': '#b0b4b8', '--attache-color-critical': theme.colors.red[3], '--mantine-color-error': theme.colors.red[3] },
});

/**
 * Keeps Mantine's colour scheme in memory only. The saved choice lives in the settings table and
 * reaches Mantine through PreferencesSync, so there is one place it is stored.
 */
export function memoryColorSchemeManager(): MantineColorSchemeManager {
  let current: MantineColorScheme | null = null;
  return {
    get: (defaultValue) => current ?? defaultValue,
    set: (value) => {
      current = value;
    },
    subscribe: () => undefined,
    unsubscribe: () => undefined,
    clear: () => {
      current = null;
    },
  };
}
