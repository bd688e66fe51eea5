import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { SECTIONS } from '../sections';
import { useAppState } from '../state/app';
import { ALT_LABEL } from './keyboard';

interface Shortcut {
  keys: string[];
  action: string;
}

const GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Sections',
    shortcuts: SECTIONS.map((section) => ({ keys: [`${ALT_LABEL}${section.key}`], action: `Open ${section.label}` })),
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
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="shortcuts-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        {GROUPS.map((group) => (
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
