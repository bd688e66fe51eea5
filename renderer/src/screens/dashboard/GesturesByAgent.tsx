/** Goodwill gestures given in the dashboard's range, by agent: how many and what they were worth, per currency. */
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { GestureFigures } from '@core/metrics';
import { FormattedMessage } from 'react-intl';
import { useFigureFormat } from './format';

export function GesturesByAgent({ gestures, nameOf }: { gestures: GestureFigures; nameOf: (id: string) => string }) {
  const figure = useFigureFormat();
  return (
    <Paper variant="outlined" component="section" aria-labelledby="gestures-title" sx={{ p: 1.5 }}>
      <Typography variant="h2" id="gestures-title" sx={{ mb: 1 }}>
        <FormattedMessage id="dashboard.gestures.title" defaultMessage="Goodwill gestures by agent" />
      </Typography>
      <Table size="small" aria-labelledby="gestures-title" data-testid="gestures-table">
        <TableHead>
          <TableRow>
            <TableCell>
              <FormattedMessage id="dashboard.gestures.agent" defaultMessage="Agent" />
            </TableCell>
            <TableCell align="right">
              <FormattedMessage id="dashboard.gestures.given" defaultMessage="Given" />
            </TableCell>
            <TableCell align="right">
              <FormattedMessage id="dashboard.gestures.value" defaultMessage="Value" />
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {gestures.byAgent.map((row) => (
            <TableRow key={row.agentId}>
              <TableCell>{nameOf(row.agentId)}</TableCell>
              <TableCell align="right">{figure.count(row.given)}</TableCell>
              <TableCell align="right">{figure.money(row.value)}</TableCell>
            </TableRow>
          ))}
          {gestures.byAgent.length === 0 && (
            <TableRow>
              <TableCell colSpan={3}>
                <Typography variant="body2" color="text.secondary">
                  <FormattedMessage id="dashboard.gestures.none" defaultMessage="No gestures given in these dates." />
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Paper>
  );
}
