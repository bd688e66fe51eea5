/** Messages between the desktop's main process and its hub child (utilityProcess), validated on both sides. */
import { z } from 'zod';
import { HttpUrlSchema } from './bridge';

/** Main → child: how to start, and when to stop. */
export const HubChildCommandSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('start'),
      /** 0 at first start; the first port again after a restart, so the renderer's hub URL and CSP stay valid. */
      port: z.number().int().min(0).max(65535),
      dataDir: z.string().min(1),
      logsDir: z.string().min(1),
      databaseUrl: z.string().optional(),
      demo: z.enum(['small', 'medium', 'large']).nullable(),
    })
    .strict(),
  z.object({ type: z.literal('stop') }).strict(),
]);
export type HubChildCommand = z.infer<typeof HubChildCommandSchema>;
export type HubChildStart = Extract<HubChildCommand, { type: 'start' }>;

/** Child → main: listening, or could not start (it exits right after). */
export const HubChildReportSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: HttpUrlSchema, port: z.number().int().min(1).max(65535) }).strict(),
  z.object({ type: z.literal('failed'), message: z.string().max(4000) }).strict(),
]);
export type HubChildReport = z.infer<typeof HubChildReportSchema>;
