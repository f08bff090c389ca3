import type { BankHolidayEvent } from './bank-holiday-division';

/**
 * Changes made by royal proclamation (or, once, by gov.uk's bunting flag) that no rule predicts. Add each new
 * one here: the unit tests hold config/bank-holidays.england-and-wales.json to the rules plus this list.
 * Changes before 2018 (the 2012 Diamond Jubilee, say) are not listed, so the rules are not used for earlier years.
 */
export interface OneOffHoliday {
  /** The rule's holiday of the same year that this one moves, renames or re-flags; absent for an extra day. */
  replaces?: string;
  event: BankHolidayEvent;
  why: string;
}

export const ONE_OFF_HOLIDAYS: readonly OneOffHoliday[] = [
  {
    replaces: 'Easter Monday',
    event: { title: 'Easter Monday', date: '2020-04-13', notes: '', bunting: false },
    why: 'Same date; gov.uk flagged no bunting during the first COVID-19 lockdown',
  },
  {
    replaces: 'Early May bank holiday',
    event: { title: 'Early May bank holiday (VE day)', date: '2020-05-08', notes: '', bunting: true },
    why: 'Moved to Friday 8 May for the 75th anniversary of VE Day',
  },
  {
    replaces: 'Spring bank holiday',
    event: { title: 'Spring bank holiday', date: '2022-06-02', notes: '', bunting: true },
    why: 'Moved to Thursday 2 June for the Platinum Jubilee',
  },
  {
    event: { title: 'Platinum Jubilee bank holiday', date: '2022-06-03', notes: '', bunting: true },
    why: 'Platinum Jubilee of Queen Elizabeth II',
  },
  {
    event: { title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', date: '2022-09-19', notes: '', bunting: false },
    why: 'State Funeral of Queen Elizabeth II',
  },
  {
    event: { title: 'Bank holiday for the coronation of King Charles III', date: '2023-05-08', notes: '', bunting: true },
    why: 'Coronation of King Charles III',
  },
];
