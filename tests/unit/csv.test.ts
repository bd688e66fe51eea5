/** CSV exports open cleanly in spreadsheets: quoting, UTF-8 BOM, and no formulas smuggled in through text. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../renderer/src/screens/dashboard/csv';

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
