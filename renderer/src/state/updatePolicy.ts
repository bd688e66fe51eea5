/**
 * When a new build of the web workstation may be offered and applied. Reloading drops what is on
 * screen (a half-typed reply is kept as a draft, but the agent loses their place), so it is the
 * agent's choice, and never offered while they are in the middle of a contact.
 */
export interface UpdateSituation {
  /** A new build has been downloaded and waits to take over. */
  waiting: boolean;
  /** The agent holds a contact that is taken or in wrap-up. */
  midContact: boolean;
  /** The agent said "Later" to this build. */
  postponed: boolean;
  /** The agent hid the mid-contact notice ("OK"): quiet until this contact is finished, then offered. */
  hushedForContact?: boolean;
}

/** What the update notice shows: nothing, the offer to reload, or that it will be offered after the contact. */
export type UpdateNotice = 'none' | 'offer' | 'after-contact';

export function updateNotice(situation: UpdateSituation): UpdateNotice {
  if (!situation.waiting || situation.postponed) return 'none';
  if (!situation.midContact) return 'offer';
  return situation.hushedForContact ? 'none' : 'after-contact';
}

/** Whether reloading into the new build may happen now (asked again at the click: a contact may have been taken meanwhile). */
export function mayReloadNow(situation: Pick<UpdateSituation, 'waiting' | 'midContact'>): boolean {
  return situation.waiting && !situation.midContact;
}
