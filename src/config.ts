/** Product-wide constants shared by the hub, the desktop shell and the renderer. */
export const PRODUCT_NAME = 'AgentDesk';
export const APP_ID = 'com.agentdesk.workstation';

/** Serve mode listens here unless PORT / HOST say otherwise. */
export const DEFAULT_SERVE_HOST = '127.0.0.1';
export const DEFAULT_SERVE_PORT = 4870;

/** The renderer is loaded from `app://agentdesk/` in Electron, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'agentdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Screen-pop deep links: `agentdesk://customer?phone=…`. */
export const DEEP_LINK_SCHEME = 'agentdesk';

/** Environment variables the hub and the start script read. */
export const ENV = {
  dataDir: 'AGENTDESK_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  port: 'PORT',
  host: 'HOST',
  hubUrl: 'AGENTDESK_HUB_URL',
  rendererDir: 'AGENTDESK_RENDERER_DIR',
  allowedOrigins: 'AGENTDESK_ALLOWED_ORIGINS',
} as const;
