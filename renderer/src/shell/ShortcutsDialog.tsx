import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import type { Role } from '@core/domain/model';
import { sectionsFor } from '../sections';
import { useSession } from '../state/session';
import { useAppState } from '../state/app';
import { ALT_LABEL } from './keyboard';

interface Shortcut {
  keys: string[];
  action: string;
}

const sectionGroup = (role: Role | undefined) => ({
  title: 'Sections',
  shortcuts: sectionsFor(role).map((section) => ({ keys: [`${ALT_LABEL}${section.key}`], action: `Open ${section.label}` })),
});

const GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Queue',
    shortcuts: [
      { keys: ['N'], action: 'Take the next contact' },
      { keys: ['A', 'D'], action: 'Accept or decline the contact offered to you' },
      { keys: ['↑', '↓', 'Page Up', 'Page Down'], action: 'Move through the waiting contacts' },
      { keys: ['Enter'], action: 'Take the selected contact and open it' },
      { keys: ['C'], action: 'Take the selected contact without opening it' },
    ],
  },
  {
    title: 'A contact',
    shortcuts: [
      { keys: ['Alt+C'], action: 'Go to the reply box' },
      { keys: ['Ctrl+Enter'], action: 'Send the reply, add the note, or finish the wrap-up' },
      { keys: ['Alt+S'], action: 'Go to the script' },
      { keys: ['Space'], action: 'Tick off the script step in focus' },
      { keys: ['→', '←'], action: 'Next or previous script stage' },
      { keys: ['I'], action: 'Insert the script line in focus into the reply' },
      { keys: ['Alt+P'], action: 'Insert the promise into the reply' },
      { keys: ['Alt+K'], action: 'Search saved replies' },
      { keys: ['Alt+E'], action: 'End the conversation and wrap up' },
      { keys: ['Alt+R'], action: 'Release the contact back to the queue' },
    ],
  },
  {
    title: 'Customers',
    shortcuts: [
      { keys: ['↑', '↓', 'Enter'], action: 'Move through the list and open a customer' },
      { keys: ['Ctrl+Enter'], action: 'Add the note you are writing' },
    ],
  },
  {
    title: 'Everywhere',
    shortcuts: [
      { keys: ['?'], action: 'Show these shortcuts' },
      { keys: ['↑', '↓', 'Home', 'End'], action: 'Move between sections in the section list' },
      { keys: ['Tab', 'Shift+Tab'], action: 'Move between controls' },
      { keys: ['Esc'], action: 'Close a dialog or menu' },
    ],
  },
];

function Keys({ keys }: { keys: string[] }) {
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {keys.map((key) => (
        <Box
          component="kbd"
          key={key}
          sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: 'inherit', fontSize: '0.8rem', bgcolor: 'action.hover' }}
        >
          {key}
        </Box>
      ))}
    </Box>
  );
}

export function ShortcutsDialog() {
  const open = useAppState((state) => state.shortcutsOpen);
  const setOpen = useAppState((state) => state.setShortcutsOpen);
  const role = useSession((state) => state.session?.user.role);
  const groups = [sectionGroup(role), ...GROUPS];
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="shortcuts-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        {groups.map((group) => (
          <Box key={group.title} sx={{ mb: 2 }}>
            <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
              {group.title}
            </Typography>
            <Table size="small" aria-label={`${group.title} shortcuts`}>
              <TableBody>
                {group.shortcuts.map((shortcut) => (
                  <TableRow key={shortcut.action}>
                    <TableCell sx={{ width: '40%' }}>
                      <Keys keys={shortcut.keys} />
                    </TableCell>
                    <TableCell>{shortcut.action}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ))}
      </DialogContent>
    </Dialog>
  );
}
