/** In-app routes, shared by the bridge contract and the reminder schema. */
import { z } from 'zod';

/** An in-app route: a path starting with a single slash, optionally with a query. */
export const AppPathSchema = z
  .string()
  .max(1024)
  .regex(/^\/(?!\/)[^\s]*$/, 'must be an app path such as /queue');
