/** CSV for spreadsheets: RFC 4180 quoting, a BOM so Excel reads UTF-8, CRLF line ends. */
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
