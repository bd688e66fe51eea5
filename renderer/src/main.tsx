import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import { AppShell } from './shell/AppShell';
import { startAppState } from './state/app';
import { bridge } from './bridge';
import { installErrorLog } from './lib/errorLog';

installErrorLog(bridge);

const container = document.getElementById('root');
if (!container) throw new Error('AgentDesk: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <AppShell />
    </ThemeProvider>
  </StrictMode>,
);

void startAppState();
