/** Goodwill gestures given in the dashboard's range, by agent: how many and what they were worth, per currency. */
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { GestureFigures } from '@core/metrics';
import { money } from './format';

export function GesturesByAgent({ gestures, nameOf }: { gestures: GestureFigures; nameOf: (id: string) => string }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="gestures-title" sx={{ p: 1.5 }}>
      <Typography variant="h2" id="gestures-title" sx={{ mb: 1 }}>
        Goodwill gestures by agent
      </Typography>
      <Table size="small" aria-labelledby="gestures-title" data-testid="gestures-table">
        <TableHead>
          <TableRow>
            <TableCell>Agent</TableCell>
            <TableCell align="right">Given</TableCell>
            <TableCell align="right">Value</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {gestures.byAgent.map((row) => (
            <TableRow key={row.agentId}>
              <TableCell>{nameOf(row.agentId)}</TableCell>
              <TableCell align="right">{row.given}</TableCell>
              <TableCell align="right">{money(row.value)}</TableCell>
            </TableRow>
          ))}
          {gestures.byAgent.length === 0 && (
            <TableRow>
              <TableCell colSpan={3}>
                <Typography variant="body2" color="text.secondary">
                  No gestures given in these dates.
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Paper>
  );
}
