/**
 * Drafts: what the agent has typed or chosen on a contact and not yet stored
 * as a change (the reply, a note, ticked script steps, the promise and
 * gesture, the half-filled wrap-up). They live in the local database only:
 * personal, never synced, kept across reloads, crashes and restarts.
 *
 * One row per box, so sending the reply drops the reply's row and leaves the
 * script's ticks. Every row names the contact it belongs to (a note's parent
 * contact, or none on the customer screen), so finishing a contact drops all
 * of its drafts at once.
 */
import { z } from 'zod';
import { ReachableChannelSchema } from '../domain/common';
import { FollowUpKindSchema, GestureSchema, PromiseSchema } from '../domain/model';
import type { AgentDeskDb } from './schema';

/** A stored draft. `value` is checked against its kind's schema when read back. */
export interface DraftRow {
  key: string;
  /** The contact it belongs to, or null for a note on the customer screen. */
  contactId: string | null;
  value: unknown;
  /** When it was last written (the desktop's clock): shown as "restored" context only. */
  at: number;
}

export const draftKeys = {
  reply: (contactId: string) => `reply:${contactId}`,
  work: (contactId: string) => `work:${contactId}`,
  wrapUp: (contactId: string) => `wrapup:${contactId}`,
  note: (customerId: string, parentId: string | null) => `note:${customerId}:${parentId ?? ''}`,
};

export const TextDraftSchema = z.string().max(100_000);

export const ScriptProgressSchema = z.object({
  scriptId: z.string(),
  version: z.number().int(),
  done: z.array(z.string()),
  total: z.number().int().min(0),
});
export type ScriptProgress = z.infer<typeof ScriptProgressSchema>;

/** The promise, gesture and script progress chosen on a contact. */
export const WorkDraftSchema = z.object({
  promise: PromiseSchema.nullable(),
  gesture: GestureSchema.nullable(),
  script: ScriptProgressSchema.nullable(),
});
export type WorkDraft = z.infer<typeof WorkDraftSchema>;

/** One follow-up as the wrap-up form holds it (due on the agent's clock, as typed). */
export const FollowUpDraftSchema = z.object({
  kind: FollowUpKindSchema,
  channel: ReachableChannelSchema,
  due: z.string(),
  reason: z.string(),
});

/** The wrap-up form, every field as the agent left it. */
export const WrapUpDraftSchema = z.object({
  disposition: z.string(),
  resolved: z.enum(['resolved', 'unresolved', '']),
  summary: z.string(),
  csat: z.number().int().min(1).max(5).nullable(),
  nps: z.number().int().min(0).max(10).nullable(),
  surveySent: z.boolean(),
  plan: z.boolean(),
  manual: FollowUpDraftSchema,
  decisions: z.record(
    z.string(),
    z.discriminatedUnion('state', [
      z.object({ state: z.literal('accepted') }),
      z.object({ state: z.literal('dismissed') }),
      z.object({ state: z.literal('edited'), draft: FollowUpDraftSchema }),
    ]),
  ),
});
export type WrapUpDraft = z.infer<typeof WrapUpDraftSchema>;

/** Drafts a change makes obsolete, dropped in the change's own transaction: a reload leaves the change or the draft, never neither, never both. */
export interface DraftDrop {
  keys?: readonly string[];
  /** Every draft of this contact (it is finished, or no longer the agent's). */
  contactId?: string;
}

/** Drops drafts; called inside a transaction that includes `db.drafts`. */
export async function dropDrafts(db: AgentDeskDb, drop: DraftDrop): Promise<void> {
  if (drop.keys?.length) await db.drafts.bulkDelete([...drop.keys]);
  if (drop.contactId) await db.drafts.where('contactId').equals(drop.contactId).delete();
}

/** A stored draft's value, or null when there is none or it no longer reads as its kind (a draft from an older release is dropped quietly). */
export function readDraft<T>(row: DraftRow | undefined, schema: z.ZodType<T>): T | null {
  if (!row) return null;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}
