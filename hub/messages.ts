/**
 * What the hub says to people in its HTTP answers (sign-in, setup, the admin
 * pages, rate limits, requests it cannot take), as messages: each answer is
 * worded in the requester's language (Accept-Language, plugins/locale.ts) and
 * carries the message id and values besides.
 */
import { defineMessages } from '@formatjs/intl';

export const HUB_MESSAGES = defineMessages({
  wrongPassword: { id: 'hub.signIn.wrongPassword', defaultMessage: 'Wrong user name or password.' },
  accountDisabled: { id: 'hub.signIn.accountDisabled', defaultMessage: 'This account is disabled: ask an administrator.' },
  tooManyFromAddress: {
    id: 'hub.signIn.tooManyFromAddress',
    defaultMessage: 'Too many failed sign-ins from this address: try again in {minutes, plural, one {# minute} other {# minutes}}.',
  },
  tooManyForAccount: {
    id: 'hub.signIn.tooManyForAccount',
    defaultMessage:
      'Too many failed sign-ins for {username} from this address: try again in {minutes, plural, one {# minute} other {# minutes}}, or ask an administrator to reset the password.',
  },
  tokenMalformed: { id: 'hub.session.tokenMalformed', defaultMessage: 'The sign-in token is malformed.' },
  signInFirst: { id: 'hub.session.signInFirst', defaultMessage: 'Sign in first: this needs a bearer token.' },
  sessionInvalid: { id: 'hub.session.invalid', defaultMessage: 'This session is not valid any more: sign in again.' },
  sessionExpired: { id: 'hub.session.expired', defaultMessage: 'This session has expired: sign in again.' },
  accountGone: { id: 'hub.session.accountGone', defaultMessage: 'This account no longer exists.' },
  noSuchSession: { id: 'hub.session.noSuchSession', defaultMessage: 'No such session of yours: it may have signed out or expired already.' },
  currentPasswordWrong: { id: 'hub.password.currentWrong', defaultMessage: 'Your current password is not right.' },
  passwordUnchanged: { id: 'hub.password.unchanged', defaultMessage: 'The new password is the one you have now.' },
  passwordTooShort: { id: 'hub.password.tooShort', defaultMessage: 'Use at least {min} characters.' },
  passwordTooLong: { id: 'hub.password.tooLong', defaultMessage: 'Use at most {max} characters.' },
  passwordHasUsername: { id: 'hub.password.hasUsername', defaultMessage: 'Do not use your user name in your password.' },
  passwordOneCharacter: { id: 'hub.password.oneCharacter', defaultMessage: 'Do not repeat one character.' },
  alreadySetUp: { id: 'hub.setup.alreadySetUp', defaultMessage: 'This hub already has an administrator: sign in instead.' },
  setupOnHubMachine: {
    id: 'hub.setup.onHubMachine',
    defaultMessage: "The first administrator is created on the hub's own machine: open the workstation there (http://127.0.0.1:…).",
  },
  noSuchPerson: { id: 'hub.admin.noSuchPerson', defaultMessage: 'No such person on the hub (yet): a person just added appears once their change has synced.' },
  noSuchKey: { id: 'hub.admin.noSuchKey', defaultMessage: 'No active key is named "{name}".' },
  tooManyRequests: {
    id: 'hub.request.tooMany',
    defaultMessage: 'Too many requests from this address: try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  invalidRequest: { id: 'hub.request.invalid', defaultMessage: 'Invalid request: {problems}' },
  noRoute: { id: 'hub.request.noRoute', defaultMessage: 'No route for {method} {path}' },
  failed: { id: 'hub.request.failed', defaultMessage: 'The hub failed to handle this request; it has been logged.' },
  databaseUnavailable: { id: 'hub.request.databaseUnavailable', defaultMessage: 'The hub cannot reach its database just now; try again in a few seconds.' },
});
