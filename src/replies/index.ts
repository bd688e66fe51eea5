/** Saved replies: schema, the default set, search and rendering. */
export {
  REPLY_CHANNELS,
  SavedRepliesSchema,
  SavedReplySchema,
  defaultReplies,
  queryTerms,
  renderReply,
  searchReplies,
  type ReplyChannel,
  type ReplyField,
  type ReplyMatch,
  type ReplySearchOptions,
  type SavedReply,
} from './replies';
