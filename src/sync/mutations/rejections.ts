/**
 * Every refusal the rules give, as messages: the hub commits the id and its
 * values with a rejection and the desktop says it in the agent's language.
 * Names, queue names and ids are values; words that vary with the case (what
 * only a supervisor may do, which record is missing) are ICU selects, so each
 * language words the whole sentence.
 */
import { defineMessages } from '@formatjs/intl';

/** What only administrators may do (requireAdmin). */
export type AdminAction = 'addPeople' | 'changePeople' | 'changeTeams' | 'changeQueues';

/** What only supervisors may do (requireSupervisor). */
export type SupervisorAction =
  | 'writeArticles'
  | 'archiveArticles'
  | 'changeTier'
  | 'undoMerge'
  | 'planForOthers'
  | 'reassignFollowUps'
  | 'editScripts'
  | 'publishScripts'
  | 'setTargets'
  | 'setOthersPresence';

/** Which due time is in the past (followUp rules). */
export type DueTimeKind = 'due' | 'newDue' | 'nextDue';

/** What cannot be done to a follow-up that is no longer open. */
export type FollowUpAction = 'rescheduled' | 'snoozed' | 'reassigned' | 'completed' | 'cancelled';

export const REJECTIONS = defineMessages({
  onlyAdmins: {
    id: 'rejection.access.onlyAdmins',
    defaultMessage:
      '{action, select, addPeople {Only administrators can add people.} changePeople {Only administrators can change people.} changeTeams {Only administrators can make or change teams.} changeQueues {Only administrators can make or change queues.} other {Only administrators can do this.}}',
  },
  onlySupervisors: {
    id: 'rejection.access.onlySupervisors',
    defaultMessage:
      "{action, select, writeArticles {Only supervisors can write knowledge articles.} archiveArticles {Only supervisors can archive knowledge articles.} changeTier {Only supervisors can change a customer's tier.} undoMerge {Only supervisors can undo a merge.} planForOthers {Only supervisors can plan follow-ups for someone else.} reassignFollowUps {Only supervisors can reassign follow-ups.} editScripts {Only supervisors can edit scripts.} publishScripts {Only supervisors can publish scripts.} setTargets {Only supervisors can set targets.} setOthersPresence {Only supervisors can set someone else's presence.} other {Only supervisors can do this.}}",
  },
  mergeRights: { id: 'rejection.access.mergeRights', defaultMessage: 'Only supervisors, or agents of a team allowed to, can merge customers.' },
  notYourTeam: { id: 'rejection.access.notYourTeam', defaultMessage: '{name} is not in one of your teams.' },
  unknownPerson: { id: 'rejection.access.unknownPerson', defaultMessage: 'No person with id {id}.' },

  recordMissing: {
    id: 'rejection.record.missing',
    defaultMessage:
      'That {entity, select, queueItem {queued contact} contact {contact} customer {customer} team {team} user {person} queue {queue} article {article} other {record}} does not exist ({id}).',
  },
  recordIdTaken: { id: 'rejection.record.idTaken', defaultMessage: 'A different record already has this id.' },
  /** A change whose input the schema refuses without saying which field (the problems list was empty). */
  recordInvalid: {
    id: 'rejection.record.invalid',
    defaultMessage: '{entity, select, user {Invalid person.} queue {Invalid queue.} customer {Invalid customer.} other {Invalid input.}}',
  },
  /** The hub's last check of a row before it is written. */
  rowInvalid: { id: 'rejection.record.rowInvalid', defaultMessage: 'Invalid {entity}: {problem}' },
  rowPersonKey: { id: 'rejection.record.rowPersonKey', defaultMessage: 'Invalid {entity}: a customer id cannot start with “person:”.' },

  contactOtherTeam: { id: 'rejection.contact.otherTeam', defaultMessage: 'This contact is in a queue of another team.' },
  contactAlreadyHandled: { id: 'rejection.contact.alreadyHandled', defaultMessage: 'This contact has already been handled.' },
  contactAlreadyTaken: { id: 'rejection.contact.alreadyTaken', defaultMessage: '{name} already took this contact.' },
  contactOfferedElsewhere: { id: 'rejection.contact.offeredElsewhere', defaultMessage: 'This contact is being offered to {name}.' },
  contactHeldByOther: { id: 'rejection.contact.heldByOther', defaultMessage: '{name} has this contact, not you.' },
  contactHeldByNobody: { id: 'rejection.contact.heldByNobody', defaultMessage: 'Nobody has this contact, not you.' },
  contactAlreadyWrappedUp: { id: 'rejection.contact.alreadyWrappedUp', defaultMessage: 'This contact was already wrapped up.' },
  contactTakeFirst: { id: 'rejection.contact.takeFirst', defaultMessage: 'Take the contact first.' },
  contactTakeBeforeWrapUp: { id: 'rejection.contact.takeBeforeWrapUp', defaultMessage: 'Take the contact before wrapping it up.' },

  noteUnknownPerson: { id: 'rejection.note.unknownPerson', defaultMessage: 'No person with id {id} to mention.' },
  notePersonSwitchedOff: { id: 'rejection.note.personSwitchedOff', defaultMessage: '{name} is switched off: they would never see the mention.' },

  replyNotOnCall: { id: 'rejection.reply.notOnCall', defaultMessage: 'Replies go out on chat, email, SMS or social contacts; for a call, add a note.' },
  replyNotQueued: { id: 'rejection.reply.notQueued', defaultMessage: 'Replies go on a contact taken from a queue; this one is not in a queue.' },
  replyTakeFirst: { id: 'rejection.reply.takeFirst', defaultMessage: 'Take the contact before replying to it.' },

  movedMeanwhile: { id: 'rejection.handoff.movedMeanwhile', defaultMessage: '{name} moved this contact to the {queue} queue meanwhile: look again before moving it.' },
  movedMeanwhileBySomeone: { id: 'rejection.handoff.movedMeanwhileBySomeone', defaultMessage: 'Someone moved this contact to the {queue} queue meanwhile: look again before moving it.' },
  onlySupervisorMovesWaiting: { id: 'rejection.handoff.onlySupervisorMovesWaiting', defaultMessage: 'Only a supervisor of its team moves a waiting contact.' },
  conversationEnded: { id: 'rejection.handoff.conversationEnded', defaultMessage: 'The conversation has ended: wrap it up instead of transferring it.' },
  alreadyInQueue: { id: 'rejection.handoff.alreadyInQueue', defaultMessage: 'This contact is already in that queue: choose another queue or a person.' },
  notYourself: { id: 'rejection.handoff.notYourself', defaultMessage: 'Choose someone other than yourself.' },
  personSwitchedOff: { id: 'rejection.handoff.personSwitchedOff', defaultMessage: '{name} is switched off: the contact was not transferred.' },
  notInQueueTeam: { id: 'rejection.handoff.notInQueueTeam', defaultMessage: '{name} does not work the {queue} queue: choose a queue of theirs.' },
  personUnavailable: {
    id: 'rejection.handoff.personUnavailable',
    defaultMessage:
      '{presence, select, busy {{name} is busy: the contact was not transferred. Choose someone available, or a queue.} afterContactWork {{name} is after-contact work: the contact was not transferred. Choose someone available, or a queue.} away {{name} is away: the contact was not transferred. Choose someone available, or a queue.} other {{name} is offline: the contact was not transferred. Choose someone available, or a queue.}}',
  },
  takeBeforeEscalating: { id: 'rejection.handoff.takeBeforeEscalating', defaultMessage: 'Take the contact before escalating it.' },
  onlySupervisorTakesOver: { id: 'rejection.handoff.onlySupervisorTakesOver', defaultMessage: 'Only a supervisor of its team takes a contact over.' },
  nobodyHolds: { id: 'rejection.handoff.nobodyHolds', defaultMessage: 'Nobody holds this contact: take it from the queue instead.' },
  onlySupervisorAnswers: { id: 'rejection.handoff.onlySupervisorAnswers', defaultMessage: 'Only a supervisor of its team answers an escalation.' },
  noEscalation: { id: 'rejection.handoff.noEscalation', defaultMessage: 'Nobody asked for help on this contact.' },

  customerIdTaken: { id: 'rejection.customer.idTaken', defaultMessage: 'A different customer already has this id.' },
  customerAlreadyMerged: { id: 'rejection.customer.alreadyMerged', defaultMessage: '{name} was already merged into another customer.' },
  customerSurvivorMerged: { id: 'rejection.customer.survivorMerged', defaultMessage: '{name} was merged into another customer: merge into that one instead.' },
  customerHistoryTooLong: { id: 'rejection.customer.historyTooLong', defaultMessage: '{name} has too long a history to merge (over {limit, number} {kind} rows).' },
  customerMergedIntoMissing: { id: 'rejection.customer.mergedIntoMissing', defaultMessage: 'That customer was merged into one that no longer exists ({id}).' },

  personIdTaken: { id: 'rejection.directory.personIdTaken', defaultMessage: 'A different person already has this id.' },
  usernameTaken: { id: 'rejection.directory.usernameTaken', defaultMessage: 'The user name “{username}” is taken: choose another.' },
  cannotDisableSelf: { id: 'rejection.directory.cannotDisableSelf', defaultMessage: 'You cannot disable your own account: another administrator has to.' },
  cannotDemoteSelf: { id: 'rejection.directory.cannotDemoteSelf', defaultMessage: 'You cannot take away your own administrator role: another administrator has to.' },

  dueInPast: {
    id: 'rejection.followUp.dueInPast',
    defaultMessage:
      '{kind, select, newDue {The new due time is in the past ({at} UTC). Pick a time from now on.} nextDue {The next follow-up’s due time is in the past ({at} UTC). Pick a time from now on.} other {The due time is in the past ({at} UTC). Pick a time from now on.}}',
  },
  followUpUnknownCustomer: { id: 'rejection.followUp.unknownCustomer', defaultMessage: 'No customer with id {id}: a follow-up needs a known customer.' },
  followUpUnknown: { id: 'rejection.followUp.unknown', defaultMessage: 'No follow-up with id {id}.' },
  followUpAlreadyCompleted: {
    id: 'rejection.followUp.alreadyCompleted',
    defaultMessage:
      '{action, select, rescheduled {This follow-up was already completed; it cannot be rescheduled.} snoozed {This follow-up was already completed; it cannot be snoozed.} reassigned {This follow-up was already completed; it cannot be reassigned.} cancelled {This follow-up was already completed; it cannot be cancelled.} other {This follow-up was already completed; it cannot be completed.}}',
  },
  followUpCancelled: {
    id: 'rejection.followUp.cancelled',
    defaultMessage:
      '{action, select, rescheduled {This follow-up was cancelled; it cannot be rescheduled.} snoozed {This follow-up was cancelled; it cannot be snoozed.} reassigned {This follow-up was cancelled; it cannot be reassigned.} cancelled {This follow-up was cancelled; it cannot be cancelled.} other {This follow-up was cancelled; it cannot be completed.}}',
  },
  followUpBelongsTo: { id: 'rejection.followUp.belongsTo', defaultMessage: 'This follow-up belongs to {name}.' },
  followUpBelongsToOtherTeam: { id: 'rejection.followUp.belongsToOtherTeam', defaultMessage: 'This follow-up belongs to {name}, who is not in one of your teams.' },
  snoozeInPast: { id: 'rejection.followUp.snoozeInPast', defaultMessage: 'Snooze until a time that is still to come.' },

  surveyAlreadyAnswered: { id: 'rejection.survey.alreadyAnswered', defaultMessage: 'This survey was already answered: only a supervisor of your team can correct it.' },
  surveyNobodyHandled: { id: 'rejection.survey.nobodyHandled', defaultMessage: 'Nobody has handled this contact: only a supervisor of its team can record its survey.' },
  surveyHandledBy: { id: 'rejection.survey.handledBy', defaultMessage: 'This contact was handled by {name}: only {first} or a supervisor of {first}’s team can record its survey.' },
  surveyOfAnotherContact: { id: 'rejection.survey.ofAnotherContact', defaultMessage: 'This survey belongs to another contact: it cannot be moved or replaced.' },
  surveyOfAnothersContact: { id: 'rejection.survey.ofAnothersContact', defaultMessage: 'This survey belongs to a contact handled by {name}: it cannot be moved or replaced.' },

  slaPerQueue: { id: 'rejection.target.slaPerQueue', defaultMessage: 'An SLA is set per queue, not per team.' },
  targetsOwnTeamsOnly: { id: 'rejection.target.ownTeamsOnly', defaultMessage: 'You can set targets for your own teams only.' },

  scriptVersionMissing: { id: 'rejection.script.versionMissing', defaultMessage: 'Version {version} of this script does not exist.' },
  scriptVersionRetired: { id: 'rejection.script.versionRetired', defaultMessage: 'Version {version} was retired; save a new draft instead.' },
  /** As hubs before the first problem travelled as a message refused (scriptCannotPublishFirst). */
  scriptCannotPublish: { id: 'rejection.script.cannotPublish', defaultMessage: 'Cannot publish “{name}”: {problems}' },
  /** `problem` is the first problem in the reader's language (sync/said.ts nestedValues); `more` counts the others. */
  scriptCannotPublishFirst: {
    id: 'rejection.script.cannotPublishFirst',
    defaultMessage: 'Cannot publish “{name}”: {problem}{more, plural, =0 {.} one {; and # more problem.} other {; and # more problems.}}',
  },
  replyCannotSave: { id: 'rejection.article.replyVariants', defaultMessage: 'Cannot save “{title}”: {problems}' },

  /** The hub failed on a change (a bug, bad stored data): refused so later changes still go through. */
  internal: {
    id: 'rejection.hub.internal',
    defaultMessage:
      'The hub could not apply this change because of an unexpected error (logged as mutation {mutationId}); it was not saved. Tell your administrator if this happens again.',
  },
});
