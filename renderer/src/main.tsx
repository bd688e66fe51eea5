import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import { bridge } from './bridge';
import { AppShell } from './shell/AppShell';
import { UpdateNotice } from './shell/UpdateNotice';
import { registerServiceWorkerAfterLoad } from './state/appUpdate';
import { startAppState } from './state/app';
import { installErrorLog } from './lib/errorLog';

installErrorLog(bridge);

const container = document.getElementById('root');
if (!container) throw new Error('AgentDesk: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <AppShell />
      <UpdateNotice />
    </ThemeProvider>
  </StrictMode>,
);

void startAppState();

// In a browser only: Electron loads the app from its own app:// protocol, and the dev server has no worker.
if (bridge.host === 'browser' && import.meta.env.PROD) registerServiceWorkerAfterLoad();
