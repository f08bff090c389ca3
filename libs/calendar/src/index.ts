// Working days in England and Wales (weekends and bank holidays), on the Europe/London calendar: the clock
// behind working-day service levels such as "acknowledge a referral within N working days".
export * from './working-calendar';
export * from './working-day-deadline';
export * from './london-date';
export * from './england-and-wales';
export * from './bank-holiday-division';
export * from './holiday-rules';
export * from './one-off-holidays';
