import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { bridge } from './bridge';
import { AppShell } from './shell/AppShell';
import { UpdateNotice } from './shell/UpdateNotice';
import { registerServiceWorkerInTime } from './state/appUpdate';
import { startAppState } from './state/app';
import { installErrorLog } from './lib/errorLog';
import { LocaleProvider, loadInitialLocale } from './lib/i18n';

installErrorLog(bridge);

const container = document.getElementById('root');
if (!container) throw new Error('AgentDesk: #root is missing from index.html');

// The language's catalogue first (local, a few milliseconds), so the first screen is already in it.
void loadInitialLocale().then(() =>
  createRoot(container).render(
    <StrictMode>
      <LocaleProvider>
        <CssBaseline enableColorScheme />
        <AppShell />
        <UpdateNotice />
      </LocaleProvider>
    </StrictMode>,
  ),
);

void startAppState();

// In a browser only: Electron loads the app from its own app:// protocol, and the dev server has no worker.
if (bridge.host === 'browser' && import.meta.env.PROD) registerServiceWorkerInTime();
