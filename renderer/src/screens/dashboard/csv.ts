/**
 * CSV for spreadsheets: RFC 4180 quoting, a BOM so Excel reads UTF-8, CRLF
 * line ends. Exports are for spreadsheets and other tools, not read as a
 * screen: fixed English column names (a sheet or an import keyed on them
 * works whoever exported it, in whatever language), times in UTC ISO, numbers
 * plain (a point for decimals), and channels and follow-up kinds by their
 * English names, whatever the language of the screen.
 */
import { CHANNEL_LABELS, type Channel } from '@core/domain/common';
import { FOLLOW_UP_KIND_LABELS, type FollowUpKind, type FollowUpOutcome, type FollowUpState, type Resolution } from '@core/domain/model';

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined) => {
    if (value === null || value === undefined) return '';
    // A number (negative too) is written as one: only text can smuggle in a formula.
    if (typeof value === 'number') return String(value);
    // OWASP: text a spreadsheet would run as a formula is kept as text with a leading '.
    // No exception for what looks like a number ("-2+3+cmd|…" does too): a negative number passed as text is exported as text.
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file through the browser's (or the desktop shell's) download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * One row of a drill-down, as listed and as exported: the machine values
 * (keys, ids), which the list writes in the agent's language and the CSV
 * keeps as they are.
 */
export interface DrillRow {
  id: string;
  customerId: string;
  at: number;
  customer: string;
  channel: Channel;
  /** A follow-up's kind (its subject is then its reason). */
  followUpKind: FollowUpKind | null;
  subject: string;
  agent: string;
  queue: string;
  /** A contact's disposition (the company's own wording), or a follow-up's state. */
  disposition: string;
  followUpState: FollowUpState | null;
  /** A contact's resolution, or a follow-up's outcome. */
  resolution: Resolution | FollowUpOutcome | null;
  csat: number | null;
  nps: number | null;
}

export const DRILL_CSV_HEADER = ['Contact', 'When (UTC)', 'Customer', 'Channel', 'Subject', 'Agent', 'Queue', 'Disposition', 'Resolution', 'CSAT', 'NPS'];

export function drillCsv(rows: readonly DrillRow[]): string {
  return toCsv(
    DRILL_CSV_HEADER,
    rows.map((row) => [
      row.id,
      new Date(row.at).toISOString().slice(0, 16).replace('T', ' '),
      row.customer,
      CHANNEL_LABELS[row.channel],
      row.followUpKind ? `${FOLLOW_UP_KIND_LABELS[row.followUpKind]}: ${row.subject}` : row.subject,
      row.agent,
      row.queue,
      row.followUpState ?? row.disposition,
      row.resolution ?? '',
      row.csat,
      row.nps,
    ]),
  );
}

/** The supervisor dashboard's agents table. */
export const AGENT_CSV_HEADER = ['Agent', 'Handled', 'AHT (s)', 'ACW (s)', 'FCR', 'CSAT', 'Adherence'];
