import { useLayoutEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Contact } from '@core/domain/model';
import { useFormat } from '../../lib/i18n';
import { useLive } from '../../data/hooks';
import { useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';

/** How close to the end counts as "reading the newest" (a few pixels of rounding, a line of slack). */
const AT_END_PX = 32;

/**
 * The customer's message and what was said back, oldest first. Opens on the
 * newest message and follows new ones, unless the agent has scrolled up to
 * read. A reply still in the outbox says it has not gone out yet. What was
 * written reads in its own direction (dir="auto"); the customer's messages
 * carry their language (`language`, from the profile) for screen readers.
 */
export function Conversation({ contact, replies, pendingIds, language }: { contact: Contact; replies: Contact[]; pendingIds: ReadonlySet<string>; language: string }) {
  const actor = useLocal((state) => state.actor);
  const intl = useIntl();
  const format = useFormat();
  const offline = useLocal((state) => !state.networkOnline || state.sync.state === 'offline');
  const users = useLive((db) => db.users.toArray(), [], []);
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const messages = [contact, ...replies];
  const newest = messages.at(-1)!.id;

  // A new contact opens on its newest message.
  useLayoutEffect(() => {
    following.current = true;
  }, [contact.id]);
  useLayoutEffect(() => {
    const pane = scrollRef.current;
    if (pane && following.current) pane.scrollTop = pane.scrollHeight;
  }, [contact.id, newest, messages.length]);

  const now = useNow();
  return (
    <Paper
      ref={scrollRef}
      variant="outlined"
      component="section"
      aria-labelledby="conversation-title"
      data-testid="conversation"
      sx={{ p: 2, maxHeight: 320, overflowY: 'auto' }}
      tabIndex={0}
      onScroll={(event) => {
        const pane = event.currentTarget;
        following.current = pane.scrollHeight - pane.scrollTop - pane.clientHeight <= AT_END_PX;
      }}
    >
      <Typography variant="h2" id="conversation-title" sx={{ mb: 1 }}>
        <FormattedMessage id="contact.conversation.title" defaultMessage="Conversation" />
      </Typography>
      <Stack spacing={1.25} component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {messages.map((message) => {
          const fromCustomer = message.direction === 'inbound';
          const who = fromCustomer
            ? intl.formatMessage({ id: 'contact.conversation.customer', defaultMessage: 'Customer' })
            : message.agentId === actor?.userId
              ? intl.formatMessage({ id: 'contact.conversation.you', defaultMessage: 'You' })
              : (users.find((user) => user.id === message.agentId)?.name ?? intl.formatMessage({ id: 'contact.conversation.agent', defaultMessage: 'An agent' }));
          const notSent = !fromCustomer && pendingIds.has(message.id);
          return (
            <Box
              component="li"
              key={message.id}
              data-testid="conversation-message"
              sx={{
                alignSelf: fromCustomer ? 'flex-start' : 'flex-end',
                maxWidth: '85%',
                bgcolor: fromCustomer ? 'action.hover' : notSent ? 'background.paper' : 'primary.main',
                color: fromCustomer || notSent ? 'text.primary' : 'primary.contrastText',
                border: notSent ? 2 : 0,
                borderStyle: 'dashed',
                borderColor: 'primary.main',
                px: 1.5,
                py: 1,
                borderRadius: 2,
              }}
            >
              <Typography variant="caption" component="div" sx={{ opacity: notSent ? 1 : 0.85 }}>
                <FormattedMessage
                  id="contact.conversation.who"
                  defaultMessage="{who} · {when}"
                  values={{ who, when: <time dateTime={new Date(message.at).toISOString()}>{format.when(message.at, now)}</time> }}
                />
              </Typography>
              <Typography variant="body2" data-testid="conversation-text" dir="auto" lang={fromCustomer ? language : undefined} sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {message.body}
              </Typography>
              {notSent && (
                <Typography variant="caption" component="div" data-testid="not-sent" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mt: 0.5, fontWeight: 600 }}>
                  <ScheduleOutlined fontSize="inherit" aria-hidden />
                  {offline ? (
                    <FormattedMessage id="contact.conversation.notSent" defaultMessage="Not sent yet — will send when online" />
                  ) : (
                    <FormattedMessage id="contact.conversation.sending" defaultMessage="Sending…" />
                  )}
                </Typography>
              )}
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}
