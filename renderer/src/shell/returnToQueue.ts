import { navigate } from '../state/router';
import { focusWhenShown } from './keyboard';

/** The id of the queue's waiting list (and, with `-empty`, of what stands in for it when nothing waits). */
export const QUEUE_LIST_ID = 'queue-list';

/** After finishing a contact: back to the queue, focus on its waiting list (the next contact first), not lost on the page. */
export function returnToQueue(): void {
  navigate('/queue');
  focusWhenShown(`#${QUEUE_LIST_ID}, #${QUEUE_LIST_ID}-empty`);
}
