import type { AgentDeskBridge } from '@core/bridge';

declare global {
  interface Window {
    /** Present when running inside the desktop shell (exposed by the preload). */
    readonly agentdesk?: AgentDeskBridge;
  }
}

