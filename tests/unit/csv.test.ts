/** CSV exports open cleanly in spreadsheets: quoting, UTF-8 BOM, and no formulas smuggled in through text. */
import { describe, expect, it } from 'vitest';
import { DRILL_CSV_HEADER, drillCsv, toCsv } from '../../renderer/src/screens/dashboard/csv';

describe('CSV export', () => {
  it('quotes what needs quoting, keeps accents, and writes CRLF rows after a BOM', () => {
    const text = toCsv(['Customer', 'Subject', 'CSAT'], [
      ['Chloé Laurent', 'Refund, please', 2],
      ['Ben "B" Okafor', 'Line one\nline two', null],
    ]);
    expect(text).toBe('\uFEFFCustomer,Subject,CSAT\r\nChloé Laurent,"Refund, please",2\r\n"Ben ""B"" Okafor","Line one\nline two",\r\n');
  });

  it('writes cells a spreadsheet would run as formulas as text, and numbers as numbers', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['=HYPERLINK("x")', -0.25, '@SUM(A1)', 0]])).toBe('\uFEFFa,b,c,d\r\n"\'=HYPERLINK(""x"")",-0.25,\'@SUM(A1),0\r\n');
  });

  // OWASP CSV injection: a text cell starting with = + - @ tab or CR gets a leading ' (and RFC 4180 quotes where needed).
  const payloads: [string | number, string][] = [
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    // Text that looks like a negative number is text too: a spreadsheet shows it as text, never runs it.
    ['-1', "'-1"],
    [-1, '-1'],
  ];
  for (const [value, written] of payloads) {
    it(`writes ${JSON.stringify(value)} (${typeof value}) as ${JSON.stringify(written)}`, () => {
      expect(toCsv(['x', 'y'], [[value, 'after']])).toBe(`\uFEFFx,y\r\n${written},after\r\n`);
      expect(toCsv(['x', 'y'], [['before', value]])).toBe(`\uFEFFx,y\r\nbefore,${written}\r\n`);
    });
  }

  it('neutralises ingested names and subjects in a drill-down row, and keeps its scores as numbers', () => {
    const row = ['con_1', '2026-11-02 09:00', "-2+3+cmd|' /C calc'!A0", 'Email', '+SUM(1)', '@me', 'Care', '=1', '', null, -1];
    expect(toCsv(['Contact', 'When', 'Customer', 'Channel', 'Subject', 'Agent', 'Queue', 'Disposition', 'Resolution', 'CSAT', 'NPS'], [row]).split('\r\n')[1]).toBe(
      "con_1,2026-11-02 09:00,'-2+3+cmd|' /C calc'!A0,Email,'+SUM(1),'@me,Care,'=1,,,-1",
    );
  });
});

describe('drill-down CSV', () => {
  const at = Date.UTC(2026, 10, 2, 9, 5);
  const base = { customerId: 'cus_1', at, customer: 'Lucía Gómez', agent: 'Ava Thompson', queue: 'Billing', csat: null, nps: null };

  // A machine export: the same columns and values whatever language the screen is in (the function takes no locale).
  it('keeps English column names, UTC ISO times, English channel names, machine keys and plain numbers', () => {
    const text = drillCsv([
      { ...base, id: 'con_1', channel: 'email', followUpKind: null, subject: 'Charged twice', disposition: 'Refund issued', followUpState: null, resolution: 'unresolved', csat: 1, nps: -1 },
      { ...base, id: 'fu_1', channel: 'call', followUpKind: 'callback', subject: 'Check the refund landed', queue: '', disposition: '', followUpState: 'scheduled', resolution: null },
    ]);
    expect(text.split('\r\n')).toEqual([
      `\uFEFF${DRILL_CSV_HEADER.join(',')}`,
      'con_1,2026-11-02 09:05,Lucía Gómez,Email,Charged twice,Ava Thompson,Billing,Refund issued,unresolved,1,-1',
      'fu_1,2026-11-02 09:05,Lucía Gómez,Call,Callback: Check the refund landed,Ava Thompson,,scheduled,,,',
      '',
    ]);
    expect(DRILL_CSV_HEADER).toEqual(['Contact', 'When (UTC)', 'Customer', 'Channel', 'Subject', 'Agent', 'Queue', 'Disposition', 'Resolution', 'CSAT', 'NPS']);
  });
});
