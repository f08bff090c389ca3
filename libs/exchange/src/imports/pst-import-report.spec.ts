import { pstImportReportCsv } from './pst-import-report';

describe('the import report', () => {
  it('has one line per reason, quoted where needed, and never lets a spreadsheet run a cell as a formula', () => {
    const csv = pstImportReportCsv({
      read: 3,
      imported: 1,
      alreadyImported: 0,
      rejected: [
        { row: 3, reference: '=HYPERLINK("x")', problems: [{ column: 'post_code', reason: 'must be a UK postcode' }] },
        { row: 5, reference: 'R-5', problems: [{ column: 'borough', reason: 'must be Greenwich or Bexley, not "Kent"' }, { column: 'signature', reason: 'no signed consent' }] },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'row,reference,column,reason',
      `3,"'=HYPERLINK(""x"")",post_code,must be a UK postcode`,
      '5,R-5,borough,"must be Greenwich or Bexley, not ""Kent"""',
      '5,R-5,signature,no signed consent',
      '',
    ]);
  });
});
