/** Saved replies: schema, the default set, search and rendering. */
export {
  REPLY_CHANNELS,
  SavedRepliesSchema,
  SavedReplySchema,
  SavedReplyVariantSchema,
  defaultReplies,
  localiseReply,
  queryTerms,
  renderReply,
  searchReplies,
  type ReplyChannel,
  type ReplyField,
  type ReplyMatch,
  type ReplySearchOptions,
  type SavedReply,
  type SavedReplyVariant,
} from './replies';
export { REPLY_VARIANT_MESSAGES, replyVariableDifferences, replyVariantProblemText, replyVariantProblems, type ReplyVariantProblem } from './variants';
