import { Borough, Disability } from '@hub/vocabulary';
import { borough, disability, formDate, londonMidnight, ticked, yesNo } from './pst-form-values';

describe('reading the paper form\'s answers', () => {
  it.each([
    ['04/03/2025', '2025-03-04'],
    ['4/3/2025', '2025-03-04'],
    ['2025-03-04', '2025-03-04'],
    ['29/02/2024', '2024-02-29'],
  ])('reads the date %s as %s (day first, as written in the UK)', (text, iso) => {
    expect(formDate(text)).toEqual({ value: iso });
  });

  it('refuses a day that does not exist rather than rolling it into the next month', () => {
    expect(formDate('31/02/2025')).toEqual({ problem: 'is not a real date' });
    expect(formDate('March 4th')).toEqual({ problem: 'must be a date as DD/MM/YYYY' });
  });

  it('takes a blank permission box as no, and refuses a word that is neither', () => {
    expect(yesNo('', false)).toEqual({ value: false });
    expect(yesNo('y')).toEqual({ value: true });
    expect(yesNo('maybe').problem).toBe('must be Y or N, not "maybe"');
  });

  it('reads ticks as a pen would make them', () => {
    expect(['Y', 'x', '✓'].map((t) => ticked(t).value)).toEqual([true, true, true]);
    expect(['', 'N'].map((t) => ticked(t).value)).toEqual([false, false]);
    expect(ticked('?').problem).toBeDefined();
  });

  it('offers the form\'s two boroughs only', () => {
    expect(borough('bexley')).toEqual({ value: Borough.BEXLEY });
    expect(borough('Lewisham').problem).toBe('must be Greenwich or Bexley, not "Lewisham"');
  });

  it('reads "Prefer not to say"', () => {
    expect(disability('prefer  not to say')).toEqual({ value: Disability.PREFER_NOT_TO_SAY });
  });

  it('starts a form\'s day at midnight in London, in summer time too', () => {
    expect(londonMidnight('2025-01-15').toISOString()).toBe('2025-01-15T00:00:00.000Z');
    expect(londonMidnight('2025-07-15').toISOString()).toBe('2025-07-14T23:00:00.000Z');
    // The clocks go back at 01:00 UTC on 26 October 2025: that day began in summer time.
    expect(londonMidnight('2025-10-26').toISOString()).toBe('2025-10-25T23:00:00.000Z');
  });
});
