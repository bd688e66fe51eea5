import { useDeferredValue, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import InputBase from '@mui/material/InputBase';
import Typography from '@mui/material/Typography';
import Search from '@mui/icons-material/Search';
import { defineMessages, useIntl } from 'react-intl';
import { useShallow } from 'zustand/react/shallow';
import type { LocalRow } from '@core/db/schema';
import { CHANNEL_MESSAGES } from '@core/domain/common';
import { customerName, type Article } from '@core/domain/model';
import { customerIndexText, rankByWholeWords } from '@core/search/text';
import { searchArticles } from '../data/articleSearch';
import { quickFindCustomers } from '../data/customerSearch';
import { useLive } from '../data/hooks';
import { useCustomerMatches, useHistoryMatches, useHistorySearchState } from '../data/historySearch';
import { useFormat } from '../lib/i18n';
import { COMMANDS, commandFor } from '../lib/commands/catalogue';
import { chordLabel } from '../lib/commands/keys';
import { commands } from '../lib/commands/useCommands';
import { useAppState } from '../state/app';
import { navigate } from '../state/router';
import { useSession } from '../state/session';
import { visuallyHidden } from '../components/visuallyHidden';
import { focusScreenHeading, isMac } from './keyboard';

interface Item {
  key: string;
  group: string;
  label: string;
  detail?: string;
  keys?: string;
  run: () => void;
}

const MAX_ARTICLES = 5;
const MAX_CUSTOMERS = 8;
const MAX_HISTORY = 5;
/** Customers asked of the index: more than shown, so that whole-word matches can come first. */
const CUSTOMER_CANDIDATES = 24;

const GROUPS = defineMessages({
  commands: { id: 'shell.palette.group.commands', defaultMessage: 'Commands' },
  customers: { id: 'shell.palette.group.customers', defaultMessage: 'Customers' },
  articles: { id: 'shell.palette.group.articles', defaultMessage: 'Articles' },
  history: { id: 'shell.palette.group.history', defaultMessage: 'History' },
});

interface Found {
  customers: LocalRow<'customer'>[];
  history: { contact: LocalRow<'contact'>; customer: LocalRow<'customer'> | undefined }[];
  articles: Article[];
}

const NOTHING: Found = { customers: [], history: [], articles: [] };

function go(path: string) {
  navigate(path);
  focusScreenHeading();
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The live commands that match every word typed (label, group and aliases). */
function useCommandItems(query: string): Item[] {
  const intl = useIntl();
  const role = useSession((state) => state.session?.user.role);
  // Re-read when commands come and go (a screen opens, an offer arrives).
  const version = useSyncExternalStore(
    (listener) => commands.subscribe(listener),
    () => commands.version,
  );
  return useMemo(() => {
    void version;
    const terms = words(query);
    return commands
      .available(COMMANDS)
      .filter(({ spec }) => !spec.local && spec.id !== 'palette.open' && commandFor(spec, role))
      .map(({ spec, binding }) => ({ spec, label: binding.label?.() ?? intl.formatMessage(spec.label), group: intl.formatMessage(spec.group), run: binding.run }))
      .filter(({ spec, label, group }) => {
        // Word starts, not any substring: "an" should not bring up every command with "and" in it.
        const known = words(`${label} ${group} ${spec.aliases ? intl.formatMessage(spec.aliases) : ''}`);
        return terms.every((term) => known.some((word) => word.startsWith(term)));
      })
      .map(({ spec, label, group, run }) => ({
        key: spec.id,
        group: intl.formatMessage(GROUPS.commands),
        label,
        detail: group,
        keys: spec.keys[0] ? chordLabel(spec.keys[0], isMac) : undefined,
        run,
      }));
  }, [query, role, version, intl]);
}

function PaletteBody({ close }: { close: () => void }) {
  const intl = useIntl();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const commandItems = useCommandItems(query);
  // The search index's answers (null until it is ready: customers are then found by the indexed lookups, history not at all).
  const customerAnswer = useCustomerMatches(deferred.trim().length < 2 ? '' : deferred, CUSTOMER_CANDIDATES);
  const historyAnswer = useHistoryMatches(deferred.trim().length < 2 ? '' : deferred, MAX_HISTORY);
  // The first search on this desktop builds the index: how far it has got (the other results come meanwhile).
  const indexing = useHistorySearchState(useShallow((state) => (state.state === 'building' ? { loaded: state.loaded, total: state.total } : null)));
  const found = useLive(
    async (db): Promise<Found> => {
      if (deferred.trim().length < 2) return NOTHING;
      const customers = customerAnswer
        ? rankByWholeWords(
            (await db.customers.bulkGet(customerAnswer.ids)).filter((customer): customer is LocalRow<'customer'> => !!customer && !customer.mergedInto),
            deferred,
            customerIndexText,
          ).slice(0, MAX_CUSTOMERS)
        : await quickFindCustomers(db, deferred, MAX_CUSTOMERS);
      const contacts = historyAnswer ? (await db.contacts.bulkGet(historyAnswer.ids)).filter((contact): contact is LocalRow<'contact'> => !!contact) : [];
      const owners = await db.customers.bulkGet(contacts.map((contact) => contact.customerId));
      const articles = await db.articles.toArray();
      return {
        customers,
        history: contacts.map((contact, index) => ({ contact, customer: owners[index] })),
        articles: searchArticles(articles.filter((article) => !article.archived), deferred).slice(0, MAX_ARTICLES),
      };
    },
    [deferred, customerAnswer?.key, historyAnswer?.key],
    NOTHING,
  );
  // Commands first: they match only on word starts, so a command shown is one the words typed name. History last: the widest net.
  const items: Item[] = [
    ...commandItems,
    ...found.customers.map((customer) => ({
      key: `customer:${customer.id}`,
      group: intl.formatMessage(GROUPS.customers),
      label: customerName(customer),
      detail: [customer.phones[0], customer.emails[0]].filter(Boolean).join(' · '),
      run: () => go(`/customer?id=${encodeURIComponent(customer.id)}`),
    })),
    ...found.articles.map((article) => ({
      key: `article:${article.id}`,
      group: intl.formatMessage(GROUPS.articles),
      label: article.title,
      detail: article.tags.join(', '),
      run: () => go(`/knowledge?q=${encodeURIComponent(article.title)}`),
    })),
    ...found.history.map(({ contact, customer }) => ({
      key: `contact:${contact.id}`,
      group: intl.formatMessage(GROUPS.history),
      label: intl.formatMessage(
        { id: 'shell.palette.historyItem', defaultMessage: '{customer}: {subject}' },
        { customer: customer ? customerName(customer) : intl.formatMessage({ id: 'shell.palette.unknownCustomer', defaultMessage: 'A customer' }), subject: contact.subject || intl.formatMessage(CHANNEL_MESSAGES[contact.channel]) },
      ),
      detail: `${format.date(contact.at, 'medium')} · ${contact.body.slice(0, 120)}`,
      run: () => go(`/customer?id=${encodeURIComponent(contact.customerId)}`),
    })),
  ];
  const current = Math.min(active, items.length - 1);
  const choose = (item: Item | undefined) => {
    if (!item) return;
    close();
    item.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!items.length) return;
      setActive((current + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[current]);
    }
  };
  const groups = [...new Set(items.map((item) => item.group))];
  const optionId = (index: number) => `palette-option-${index}`;
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <Search color="action" aria-hidden />
        <InputBase
          autoFocus
          fullWidth
          value={query}
          placeholder={intl.formatMessage({ id: 'shell.palette.placeholder', defaultMessage: 'Search customers by name, phone or email, articles, and commands' })}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          inputProps={{
            role: 'combobox',
            'aria-label': intl.formatMessage({ id: 'shell.palette.inputLabel', defaultMessage: 'Search customers, articles and commands' }),
            'aria-expanded': items.length > 0,
            'aria-controls': 'palette-list',
            'aria-autocomplete': 'list',
            'aria-activedescendant': items.length ? optionId(current) : undefined,
          }}
        />
      </Box>
      <Box component="ul" role="listbox" id="palette-list" aria-label={intl.formatMessage({ id: 'shell.palette.results', defaultMessage: 'Results' })} sx={{ listStyle: 'none', m: 0, p: 1, maxHeight: 420, overflowY: 'auto' }}>
        {groups.map((group) => (
          <Box component="li" role="presentation" key={group}>
            <Typography id={`palette-group-${group}`} variant="overline" color="text.secondary" component="div" sx={{ px: 1.5, pt: 1 }}>
              {group}
            </Typography>
            <Box component="ul" role="group" aria-labelledby={`palette-group-${group}`} sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {items.map((item, index) =>
                item.group !== group ? null : (
                  <Box
                    component="li"
                    key={item.key}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === current}
                    onMouseMove={() => index !== current && setActive(index)}
                    onClick={() => choose(item)}
                    sx={{
                      display: 'flex',
                      alignItems: 'center',
                      gap: 1.5,
                      px: 1.5,
                      py: 0.75,
                      borderRadius: 1,
                      cursor: 'pointer',
                      bgcolor: index === current ? 'action.selected' : undefined,
                    }}
                  >
                    <Box sx={{ flex: 1, minWidth: 0 }}>
                      <Typography variant="body2" noWrap sx={{ fontWeight: 500 }}>
                        {item.label}
                      </Typography>
                      {item.detail && (
                        <Typography variant="caption" color="text.secondary" noWrap component="div">
                          {item.detail}
                        </Typography>
                      )}
                    </Box>
                    {item.keys && (
                      <Box component="kbd" sx={{ px: 0.75, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: 'inherit', fontSize: '0.75rem', color: 'text.secondary' }}>
                        {item.keys}
                      </Box>
                    )}
                  </Box>
                ),
              )}
            </Box>
          </Box>
        ))}
      </Box>
      {indexing && deferred.trim().length >= 2 && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ px: 2, pb: 1 }} role="status">
          {intl.formatMessage({ id: 'shell.palette.indexing', defaultMessage: 'Preparing history search: {done, number, percent}' }, { done: indexing.total ? indexing.loaded / indexing.total : 0 })}
        </Typography>
      )}
      {items.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 2 }} role="status">
          {deferred.trim().length < 2
            ? intl.formatMessage({ id: 'shell.palette.typeMore', defaultMessage: 'Type a name, a phone number or an email.' })
            : intl.formatMessage({ id: 'shell.palette.noMatch', defaultMessage: 'Nothing matches “{query}”.' }, { query: deferred.trim() })}
        </Typography>
      )}
    </>
  );
}

/** Ctrl+K (⌘K): every command and screen, customers by name, phone and email, and articles. Focus goes back where it was. */
export function CommandPalette() {
  const intl = useIntl();
  const open = useAppState((state) => state.paletteOpen);
  const setOpen = useAppState((state) => state.setPaletteOpen);
  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      aria-labelledby="palette-title"
      fullWidth
      maxWidth="sm"
      slotProps={{ paper: { sx: { alignSelf: 'flex-start', mt: '12vh' } } }}
    >
      <Typography id="palette-title" component="h2" sx={visuallyHidden}>
        {intl.formatMessage({ id: 'shell.palette.title', defaultMessage: 'Command palette' })}
      </Typography>
      {open && <PaletteBody close={() => setOpen(false)} />}
    </Dialog>
  );
}
