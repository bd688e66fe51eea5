/**
 * Follow-up kinds and outcomes as ICU select keys (identifiers without
 * hyphens), for sentences that say them in the middle ("Complete the
 * check-in…"), where each language words and inflects them itself.
 */
import type { FollowUpKind, FollowUpOutcome } from '@core/domain/model';

export const KIND_KEYS: Record<FollowUpKind, string> = { callback: 'callback', 'check-in': 'checkIn', recovery: 'recovery', message: 'message' };

export const OUTCOME_KEYS: Record<FollowUpOutcome, string> = {
  reached: 'reached',
  'no-answer': 'noAnswer',
  'left-message': 'leftMessage',
  resolved: 'resolved',
  'needs-another': 'needsAnother',
};
