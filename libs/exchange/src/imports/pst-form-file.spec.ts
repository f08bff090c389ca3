import { PST_FORM_COLUMNS } from './pst-form-columns';
import { PstFormFileError, readPstFormLines } from './pst-form-file';

const header = PST_FORM_COLUMNS.map((c) => c.name);
const blank = header.map(() => '');
const line = (values: Record<string, string>) => header.map((name) => values[name] ?? '').join(',');

describe('reading a file of PST forms', () => {
  it('numbers rows as a spreadsheet does: header 1, a quoted comment over two lines is one row, blank rows count', () => {
    const comment = header.map((name) => (name === 'other_comments' ? '"two\nlines"' : name === 'reference' ? 'A' : '')).join(',');
    const text = [header.join(','), comment, blank.join(','), line({ reference: 'B' })].join('\r\n');
    expect(readPstFormLines(text).map((l) => [l.row, l.record.reference])).toEqual([[2, 'A'], [4, 'B']]);
  });

  it('reads a header in any order and case, with the NHS number column left out', () => {
    const names = [...header].reverse().filter((n) => n !== 'nhs_number').map((n) => n.toUpperCase());
    const [form] = readPstFormLines(`\uFEFF${names.join(',')}\n${names.map((n) => (n === 'VENUE' ? 'Lakeside' : '')).join(',')}\n`);
    expect(form.record.venue).toBe('Lakeside');
  });

  it('refuses a header that is not the form\'s, naming what is wrong', () => {
    const wrong = [...header.filter((n) => n !== 'signature'), 'shoe_size', 'venue'];
    try {
      readPstFormLines(`${wrong.join(',')}\n`);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(PstFormFileError);
      expect((error as PstFormFileError).problems).toEqual([
        'unknown column "shoe_size"',
        'column "venue" appears twice',
        'missing column(s): signature',
      ]);
    }
  });

  it('marks a row with the wrong number of fields', () => {
    const [form] = readPstFormLines(`${header.join(',')}\na,b,c\n`);
    expect(form.problems).toEqual([{ column: '(row)', reason: `has 3 fields; the header has ${header.length}` }]);
  });
});
