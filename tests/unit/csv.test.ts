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

  it('writes cells a spreadsheet would run as formulas as text, but leaves negative numbers alone', () => {
    expect(toCsv(['a', 'b', 'c'], [['=HYPERLINK("x")', '-0.25', '@SUM(A1)']])).toBe('\uFEFFa,b,c\r\n"\'=HYPERLINK(""x"")",-0.25,\'@SUM(A1)\r\n');
  });
});
