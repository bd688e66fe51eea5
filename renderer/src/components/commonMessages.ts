/**
 * Words many screens share (Cancel, Save, Close…) and the roles' names: one
 * message each, so every screen says them the same way in every language.
 */
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { Role } from '@core/domain/model';

export const COMMON = defineMessages({
  cancel: { id: 'common.action.cancel', defaultMessage: 'Cancel' },
  save: { id: 'common.action.save', defaultMessage: 'Save' },
  close: { id: 'common.action.close', defaultMessage: 'Close' },
  retry: { id: 'common.action.retry', defaultMessage: 'Retry' },
  tryAgain: { id: 'common.action.tryAgain', defaultMessage: 'Try again' },
  dismiss: { id: 'common.action.dismiss', defaultMessage: 'Dismiss' },
  open: { id: 'common.action.open', defaultMessage: 'Open' },
  ok: { id: 'common.action.ok', defaultMessage: 'OK' },
  copy: { id: 'common.action.copy', defaultMessage: 'Copy' },
  copied: { id: 'common.action.copied', defaultMessage: 'Copied' },
  edit: { id: 'common.action.edit', defaultMessage: 'Edit' },
  delete: { id: 'common.action.delete', defaultMessage: 'Delete' },
  back: { id: 'common.action.back', defaultMessage: 'Back' },
  next: { id: 'common.action.next', defaultMessage: 'Next' },
  done: { id: 'common.action.done', defaultMessage: 'Done' },
  loading: { id: 'common.status.loading', defaultMessage: 'Loading…' },
  notYet: { id: 'common.status.notYet', defaultMessage: 'Not yet' },
  noSubject: { id: 'common.text.noSubject', defaultMessage: '(no subject)' },
});

export const ROLE_MESSAGES = defineMessages({
  agent: { id: 'common.role.agent', defaultMessage: 'Agent' },
  supervisor: { id: 'common.role.supervisor', defaultMessage: 'Supervisor' },
  admin: { id: 'common.role.admin', defaultMessage: 'Administrator' },
}) satisfies Record<Role, MessageDescriptor>;
