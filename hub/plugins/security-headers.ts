/**
 * Security headers on every answer: pages get the workstation's CSP; API
 * answers are personal and live, so never cached, and are never rendered as
 * a page (a JSON body with a CSP of 'none').
 */
import fp from 'fastify-plugin';
import { buildCsp } from '@core/csp';

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** Headers of the pages the hub serves (the workstation, the API guide). */
export function pageHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': buildCsp(), ...COMMON };
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const securityHeaders = fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      for (const [name, value] of Object.entries(COMMON)) if (!reply.hasHeader(name)) void reply.header(name, value);
      const path = request.url;
      if (path.startsWith('/sync/') || path.startsWith('/api/') || path === '/health' || path.startsWith('/health/') || path === '/metrics') {
        void reply.header('Cache-Control', 'no-store');
        const type = String(reply.getHeader('content-type') ?? '');
        if (!type.startsWith('text/html') && !reply.hasHeader('Content-Security-Policy')) void reply.header('Content-Security-Policy', API_CSP);
      }
      return payload;
    });
  },
  { name: 'security-headers' },
);
