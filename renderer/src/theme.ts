import { createTheme, type Theme } from '@mui/material/styles';

/**
 * One theme, light and dark, following the OS unless the agent picks one in
 * Settings. Dense enough for a screen an agent looks at all day, with focus
 * rings that are easy to see when working from the keyboard.
 */
function makeTheme(direction: 'ltr' | 'rtl'): Theme {
  return createTheme({
    direction,
    cssVariables: { colorSchemeSelector: 'class' },
    colorSchemes: {
      light: {
        palette: {
          primary: { main: '#1f56d6' },
          secondary: { main: '#0b7a75' },
          // Dark enough for 4.5:1 as text on the grey of a selected row (a queue row's "SLA … left").
          success: { main: '#17733a' },
          // Dark enough for 4.5:1 as text on the grey of a selected row, not only on white (the SLA "at risk" chips).
          warning: { main: '#9a4f00' },
          error: { main: '#c62828' },
          // Darker than the default blue so "Syncing" and "Waiting to sync" text passes 4.5:1 on white.
          info: { main: '#0b63a8' },
          background: { default: '#f4f6f9', paper: '#ffffff' },
        },
      },
      dark: {
        palette: {
          primary: { main: '#8fb0ff' },
          secondary: { main: '#5fd3c9' },
          success: { main: '#6fcf8a' },
          warning: { main: '#ffb45c' },
          error: { main: '#ff8a80' },
          info: { main: '#7cc4ff' },
          background: { default: '#0f1216', paper: '#171b21' },
        },
      },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
      h1: { fontSize: '1.5rem', fontWeight: 600 },
      h2: { fontSize: '1.25rem', fontWeight: 600 },
      h3: { fontSize: '1.1rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiButtonBase: {
        styleOverrides: {
          root: ({ theme: t }) => ({
            '&.Mui-focusVisible': { outline: `2px solid ${t.vars.palette.primary.main}`, outlineOffset: 2 },
          }),
        },
      },
    },
  });
}

const themes = { ltr: makeTheme('ltr'), rtl: makeTheme('rtl') };

/** The theme for a writing direction (right-to-left mirrors the layout). */
export function themeFor(direction: 'ltr' | 'rtl'): Theme {
  return themes[direction];
}
