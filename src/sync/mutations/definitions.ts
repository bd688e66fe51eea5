/**
 * Every mutation, in the order the API lists them (mutationArgs, mutators and
 * the OpenAPI document follow it). A new mutation is defined in its
 * aggregate's module and listed here once.
 */
import { addNote, claim, decline, endConversation, release, reply, wrapUp } from './contact';
import { createCustomer, mergeCustomers, unmergeCustomer, updateCustomer } from './customer';
import { cancelFollowUp, completeFollowUp, reassignFollowUp, rescheduleFollowUp, scheduleFollowUp, snoozeFollowUp } from './followUp';
import { recordSurvey } from './survey';
import { advise, escalate, takeOver, transfer } from './handoff';
import { readNotifications } from './notification';
import { setPresence, setPresenceFor } from './presence';
import { publishScript, saveScript } from './script';
import { setTarget } from './target';
import { archiveArticle, saveArticle } from './article';
import { createUser, saveQueue, saveTeam, updateUser } from './directory';

export const MUTATION_DEFINITIONS = [
  claim,
  release,
  decline,
  endConversation,
  addNote,
  reply,
  wrapUp,
  transfer,
  escalate,
  takeOver,
  advise,
  updateCustomer,
  createCustomer,
  mergeCustomers,
  unmergeCustomer,
  scheduleFollowUp,
  rescheduleFollowUp,
  snoozeFollowUp,
  reassignFollowUp,
  completeFollowUp,
  cancelFollowUp,
  recordSurvey,
  setPresence,
  setPresenceFor,
  readNotifications,
  saveScript,
  publishScript,
  setTarget,
  saveArticle,
  archiveArticle,
  createUser,
  updateUser,
  saveTeam,
  saveQueue,
] as const;

export type AnyMutationDefinition = (typeof MUTATION_DEFINITIONS)[number];
