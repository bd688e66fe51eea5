/**
 * Routing rules, shared by the hub (ingestion, offers) and the desktop (queue
 * order, "take next"): pure functions of the rows, no I/O.
 */
export { TOPICS, detectTopic, isTopic, topicScores, type Topic } from './topics';
export { chooseQueue, compareQueueItems, priorityFor, type QueueOrderFields } from './queues';
export {
  canTake,
  chooseAgent,
  hasSkills,
  idleSinceOf,
  joinPresence,
  nextItemFor,
  offerIsLive,
  planOffers,
  requiredSkills,
  type Agent,
  type ChooseAgentOptions,
  type OfferChange,
  type OfferPlan,
  type PlanOffersInput,
  type ReturnedTransfer,
} from './agents';
