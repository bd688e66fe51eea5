import { useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES } from '@core/domain/common';
import { customerName } from '@core/domain/model';
import { ChannelIcon } from '../../components/ChannelIcon';
import { HandoffNote } from '../../components/HandoffNote';
import { TransferDialog } from '../../components/TransferDialog';
import { cancelContactDrafts } from '../../data/drafts';
import { useLive } from '../../data/hooks';
import { run, useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { useFormat } from '../../lib/i18n';
import { EmptyState } from '../../shell/EmptyState';
import { focusScreenHeading } from '../../shell/keyboard';
import { ShortcutHints } from '../../components/ShortcutHints';
import { ariaKeys, useCommands } from '../../lib/commands/useCommands';
import { useAppState } from '../../state/app';
import { useQueryParams } from '../../state/params';
import { navigate } from '../../state/router';
import { ProfilePanel } from '../customer/ProfilePanel';
import { Timeline } from '../customer/Timeline';
import { Conversation } from './Conversation';
import { AdviseDialog, EscalateDialog } from './HandoffDialogs';
import { EscalationBanner } from './HandoffBanner';
import { ScriptPanel } from './ScriptPanel';
import { WrapUpPanel } from './WrapUpPanel';
import { Composer } from './Composer';
import { discardWorkspace, useWorkspaceLoaded } from './workspace';

/** The keys the hints row under the reply box names. */
const CONTACT_HINTS = ['contact.reply', 'script.focus', 'script.promise', 'script.savedReplies', 'contact.end', 'contact.release', 'contact.transfer', 'contact.escalate'];


/**
 * One contact, start to finish: who the customer is and their history on the
 * left; the conversation, the script and the wrap-up on the right.
 */
export function ContactScreen() {
  const params = useQueryParams();
  const contactId = params.get('id') ?? '';
  const now = useNow();
  const intl = useIntl();
  const format = useFormat();
  const actor = useLocal((state) => state.actor);
  const notify = useAppState((state) => state.notify);
  const wrapUpRef = useRef<HTMLDivElement>(null);
  const [focusWrapUp, setFocusWrapUp] = useState(0);
  const data = useLive(
    async (db) => {
      const contact = await db.contacts.get(contactId);
      if (!contact) return { contact: null } as const;
      const [item, customer, later] = await Promise.all([
        db.queueItems.get(contactId),
        db.customers.get(contact.customerId),
        db.contacts.where('[customerId+at]').between([contact.customerId, contact.at], [contact.customerId, Infinity]).toArray(),
      ]);
      const replies = later.filter((other) => other.parentId === contact.id && other.channel !== 'note');
      const holder = item?.assigneeId ? await db.users.get(item.assigneeId) : undefined;
      const supervisorId = item?.escalation?.supervisorId;
      const advice = supervisorId ? (later.filter((other) => other.parentId === contact.id && other.channel === 'note' && other.agentId === supervisorId).at(-1)?.body ?? null) : null;
      const queue = item ? await db.queues.get(item.queueId) : undefined;
      return { contact, item: item ?? null, customer: customer ?? null, replies, holder: holder?.name ?? null, advice, queueTeamId: queue?.teamId ?? null } as const;
    },
    [contactId],
    undefined,
  );
  const pending = useLive((db) => db.shadow.toArray(), [], []);
  const pendingIds = useMemo(() => new Set(pending.map((row) => row.id)), [pending]);

  const item = data?.contact ? data.item : null;
  const mine = !!item && item.assigneeId === actor?.userId && (item.state === 'claimed' || item.state === 'wrap-up');
  const [dialog, setDialog] = useState<'transfer' | 'escalate' | 'advise' | null>(null);
  const queueTeamId = data?.contact ? data.queueTeamId : null;
  // A supervisor of the queue's team (or an admin) moves, takes over and advises on contacts they do not hold.
  const supervising = !!actor && (actor.role === 'admin' || (actor.role === 'supervisor' && queueTeamId !== null && actor.teamIds.includes(queueTeamId)));
  const open = !!item && item.state !== 'done';
  const canTransfer = open && ((mine && item.state === 'claimed') || supervising);
  const canEscalate = mine && item?.state === 'claimed';
  // The agent's drafts on this contact, read back from the local database before the boxes that show them appear.
  const workspaceLoaded = useWorkspaceLoaded(contactId);
  const act = (promise: Promise<unknown>, then?: () => void): void => {
    promise.then(
      () => then?.(),
      (error: unknown) => notify(error instanceof Error ? error.message : String(error)),
    );
  };
  // Released or transferred: the contact leaves the agent's hands, and so do its drafts, in the change's own
  // transaction (a page closed a moment later must not bring them back); edits still waiting are dropped first.
  const release = () => {
    cancelContactDrafts(contactId);
    act(run('contact.release', { contactId }, { drafts: { contactId } }), () => {
      discardWorkspace(contactId);
      navigate('/queue');
    });
  };
  const endConversation = () => {
    if (item?.state === 'claimed' && mine) act(run('contact.endConversation', { contactId }), () => setFocusWrapUp((n) => n + 1));
    else if (item?.state === 'wrap-up') setFocusWrapUp((n) => n + 1);
  };

  const inWrapUp = data?.contact ? data.item?.state === 'wrap-up' : false;
  // The wrap-up form appears once the end of the conversation is stored: focus it then.
  useEffect(() => {
    if (focusWrapUp && inWrapUp) requestAnimationFrame(() => document.getElementById('wrapup-disposition')?.focus());
  }, [focusWrapUp, inWrapUp]);

  // Alt+E ends the conversation (or goes to the wrap-up), Alt+R releases, Alt+C goes to the reply box, Alt+T
  // transfers, Alt+H asks for help: keys and labels are declared in the command catalogue.
  useCommands({
    'contact.end': { run: endConversation, enabled: () => (item?.state === 'claimed' && mine) || item?.state === 'wrap-up' },
    'contact.release': { run: release, enabled: () => mine && item?.state === 'claimed' },
    'contact.reply': { run: () => document.getElementById('composer')?.focus() },
    'contact.transfer': { run: () => setDialog('transfer'), enabled: () => canTransfer },
    'contact.escalate': { run: () => setDialog('escalate'), enabled: () => canEscalate },
  });

  useEffect(() => {
    focusScreenHeading();
  }, [contactId]);

  if (data === undefined) return null;
  if (!data.contact || !data.customer) {
    return (
      <EmptyState icon={<SearchOffOutlined sx={{ fontSize: 48 }} color="disabled" />} title={intl.formatMessage({ id: 'contact.screen.notHereTitle', defaultMessage: 'This contact is not on this device' })}>
        <FormattedMessage id="contact.screen.notHereBody" defaultMessage="It may belong to another team, or this device has not synced it yet." />
        <Box sx={{ mt: 2 }}>
          <Button variant="contained" onClick={() => navigate('/queue')}>
            <FormattedMessage id="contact.screen.backToQueue" defaultMessage="Back to the queue" />
          </Button>
        </Box>
      </EmptyState>
    );
  }
  const { contact, customer, replies } = data;
  const state = item?.state ?? 'done';
  const subjectText = contact.subject ? (
    <bdi lang={contact.direction === 'inbound' ? customer.language : undefined} data-testid="contact-subject">
      {contact.subject}
    </bdi>
  ) : (
    intl.formatMessage({ id: 'contact.screen.noSubject', defaultMessage: '(no subject)' })
  );
  const status =
    state === 'claimed' && mine
      ? intl.formatMessage({ id: 'contact.status.withYou', defaultMessage: 'With you · {time}' }, { time: format.clockDuration(now - (item?.claimedAt ?? now)) })
      : state === 'wrap-up' && mine
        ? intl.formatMessage({ id: 'contact.status.wrapUp', defaultMessage: 'Wrap-up' })
        : state === 'waiting'
          ? intl.formatMessage({ id: 'contact.status.waiting', defaultMessage: 'Waiting · {time}' }, { time: format.clockDuration(now - (item?.enqueuedAt ?? now)) })
          : state === 'done'
            ? intl.formatMessage({ id: 'contact.status.handled', defaultMessage: 'Handled' })
            : data.holder
              ? intl.formatMessage({ id: 'contact.status.heldBy', defaultMessage: '{name} has it' }, { name: data.holder })
              : intl.formatMessage({ id: 'contact.status.heldByOther', defaultMessage: 'Another agent has it' });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <ChannelIcon channel={contact.channel} />
            <Typography variant="h1" tabIndex={-1} sx={{ outline: 'none' }}>
              {customerName(customer)}
            </Typography>
            <Chip size="small" label={status} color={mine ? 'primary' : 'default'} variant={mine ? 'filled' : 'outlined'} data-testid="contact-status" />
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {/* The subject is the customer's words: isolated in its own direction, in their language. */}
            {contact.topic ? (
              <FormattedMessage
                id="contact.screen.subjectTopic"
                defaultMessage="{channel} · {subject} · {topic}"
                values={{ channel: intl.formatMessage(CHANNEL_MESSAGES[contact.channel]), subject: subjectText, topic: contact.topic }}
              />
            ) : (
              <FormattedMessage
                id="contact.screen.subject"
                defaultMessage="{channel} · {subject}"
                values={{ channel: intl.formatMessage(CHANNEL_MESSAGES[contact.channel]), subject: subjectText }}
              />
            )}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {state === 'waiting' && (
            <Button variant="contained" onClick={() => act(run('contact.claim', { contactId }))}>
              <FormattedMessage id="contact.screen.take" defaultMessage="Take this contact" />
            </Button>
          )}
          {canEscalate && (
            <Button onClick={() => setDialog('escalate')} aria-keyshortcuts={ariaKeys('contact.escalate')}>
              <FormattedMessage id="contact.screen.askForHelp" defaultMessage="Ask for help…" />
            </Button>
          )}
          {canTransfer && (
            <Button onClick={() => setDialog('transfer')} aria-keyshortcuts={ariaKeys('contact.transfer')}>
              <FormattedMessage id="contact.screen.transfer" defaultMessage="Transfer…" />
            </Button>
          )}
          {supervising && !mine && (state === 'claimed' || state === 'wrap-up') && item?.escalation?.state !== 'open' && (
            <Button onClick={() => act(run('contact.takeOver', { id: crypto.randomUUID(), contactId }))}>
              <FormattedMessage id="contact.screen.takeOver" defaultMessage="Take over" />
            </Button>
          )}
          {mine && state === 'claimed' && (
            <>
              <Button onClick={release} aria-keyshortcuts={ariaKeys('contact.release')}>
                <FormattedMessage id="contact.screen.release" defaultMessage="Release" />
              </Button>
              <Button variant="contained" onClick={endConversation} aria-keyshortcuts={ariaKeys('contact.end')}>
                <FormattedMessage id="contact.screen.end" defaultMessage="End conversation" />
              </Button>
            </>
          )}
        </Stack>
      </Box>
      {!mine && state !== 'waiting' && state !== 'done' && (
        <Alert severity="info">
          {data.holder ? (
            <FormattedMessage id="contact.screen.readOnly" defaultMessage="{name} is handling this contact: you can read it, not work on it." values={{ name: data.holder }} />
          ) : (
            <FormattedMessage id="contact.screen.readOnlyOther" defaultMessage="Another agent is handling this contact: you can read it, not work on it." />
          )}
        </Alert>
      )}
      {item?.handoff && state !== 'done' && <HandoffNote handoff={item.handoff} />}
      {item?.escalation && state !== 'done' && (
        <EscalationBanner
          escalation={item.escalation}
          advice={data.advice}
          supervising={supervising && !mine}
          onTakeOver={() => act(run('contact.takeOver', { id: crypto.randomUUID(), contactId }))}
          onAdvise={() => setDialog('advise')}
        />
      )}
      {dialog === 'transfer' && item && (
        <TransferDialog
          item={item}
          handsOver={mine}
          onClose={() => setDialog(null)}
          onDone={(to) => {
            setDialog(null);
            notify(intl.formatMessage({ id: 'contact.screen.transferred', defaultMessage: 'Transferred to {to}.' }, { to }));
            if (mine) {
              discardWorkspace(contactId);
              navigate('/queue');
            }
          }}
        />
      )}
      {dialog === 'escalate' && item && <EscalateDialog item={item} onClose={() => setDialog(null)} />}
      {dialog === 'advise' && item && <AdviseDialog item={item} agentName={data.holder} onClose={() => setDialog(null)} />}
      <Box sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(320px, 500px) minmax(0, 1fr)', gap: 2 }}>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minHeight: 0 }}>
          <Box sx={{ overflowY: 'auto', flex: '0 1 auto', maxHeight: '55%' }}>
            <ProfilePanel customer={customer} pending={pendingIds.has(customer.id)} compact />
          </Box>
          <Box sx={{ flex: 1, minHeight: 240 }}>
            <Timeline customerId={customer.id} pendingIds={pendingIds} parentId={contact.id} compact />
          </Box>
        </Box>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minHeight: 0, overflowY: 'auto', pr: 0.5, '& > *': { flexShrink: 0 } }}>
          <Conversation contact={contact} replies={replies} pendingIds={pendingIds} language={customer.language} />
          {workspaceLoaded && <Composer contact={contact} canWrite={mine} language={customer.language} />}
          <ShortcutHints ids={CONTACT_HINTS} />
          {workspaceLoaded && mine && state === 'wrap-up' && item && (
            <Box ref={wrapUpRef}>
              <WrapUpPanel contact={contact} item={item} />
            </Box>
          )}
          {workspaceLoaded && (state === 'claimed' || state === 'wrap-up' || state === 'waiting') && <ScriptPanel contact={contact} customer={customer} item={item} active={mine} />}
        </Box>
      </Box>
    </Box>
  );
}
