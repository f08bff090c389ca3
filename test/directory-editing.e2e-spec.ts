import { DataSource } from 'typeorm';
import { seededServiceId } from '@hub/directory';
import { startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const UPDATE = 'mutation($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { id name locations { postcode borough } } }';
const CAPACITY = 'mutation($id: ID!, $capacity: CapacityStatus!, $band: WaitlistBand) { setServiceCapacity(id: $id, capacity: $capacity, waitlistBand: $band) { capacity waitlistBand capacityUpdatedAt } }';
const CREATE = 'mutation($input: ServiceInput!) { createService(input: $input) { id organisation { id } } }';

const LIVE_WELL = seededServiceId('live-well', 'Live Well social prescribing');

const entry = (overrides: Record<string, unknown> = {}) => ({
  name: 'Live Well social prescribing',
  needs: ['LONELINESS', 'PHYSICAL_ACTIVITY'],
  acceptsResidence: ['GREENWICH'],
  acceptsGpRegistration: ['GREENWICH'],
  minimumAge: 18,
  contactPoints: [{ kind: 'PHONE', value: '020 7946 0020' }],
  openingTimes: [{ days: ['MO', 'TU'], opensAt: '09:00', closesAt: '17:00' }],
  languages: ['English'],
  cost: 'Free',
  locations: [{ name: 'Thamesmead hub', addressLine1: 'Yarnton Way', town: 'London', postcode: 'se28 8ab' }],
  ...overrides,
});

describe('each organisation maintains its own directory entries', () => {
  let hub: TestHub;
  let directory: DataSource;
  const as = async (org: string, role: Role, query: string, variables: Record<string, unknown>) =>
    hub.graphql<Record<string, { id: string } | null>>(query, { token: await hub.token(org, role), variables });
  const nameOf = async (id: string) => (await directory.query('SELECT name, capacity FROM directory.services WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    hub = await startTestHub();
    directory = hub.hub.apps.directory.get(DataSource);
  });
  afterAll(() => hub.close());

  it('lets the service admin of the owning organisation replace its entry, placing locations by postcode', async () => {
    const response = await as('live-well', Role.SERVICE_ADMIN, UPDATE, { id: LIVE_WELL, input: entry({ name: 'Live Well Greenwich coaching' }) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.updateService).toMatchObject({ name: 'Live Well Greenwich coaching', locations: [{ postcode: 'SE28 8AB', borough: 'GREENWICH' }] });
  });

  it('refuses an admin editing another organisation\'s service with FORBIDDEN, and changes nothing', async () => {
    const before = await nameOf(LIVE_WELL);
    const response = await as('pst', Role.SERVICE_ADMIN, UPDATE, { id: LIVE_WELL, input: entry({ name: 'Taken over' }) });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await nameOf(LIVE_WELL)).toEqual(before);
  });

  it('refuses a link worker of the owning organisation with FORBIDDEN', async () => {
    const response = await as('live-well', Role.LINK_WORKER, CAPACITY, { id: LIVE_WELL, capacity: 'CLOSED' });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await nameOf(LIVE_WELL)).capacity).toBe('OPEN');
  });

  it('states a waiting list with its band, and refuses WAITLIST without one', async () => {
    const refused = await as('live-well', Role.SERVICE_ADMIN, CAPACITY, { id: LIVE_WELL, capacity: 'WAITLIST' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'waitlistBand' });
    const response = await as('live-well', Role.SERVICE_ADMIN, CAPACITY, { id: LIVE_WELL, capacity: 'WAITLIST', band: 'OVER_3_MONTHS' });
    expect(response.data?.setServiceCapacity).toMatchObject({ capacity: 'WAITLIST', waitlistBand: 'OVER_3_MONTHS' });
    const closed = await as('live-well', Role.SERVICE_ADMIN, CAPACITY, { id: LIVE_WELL, capacity: 'CLOSED', band: null });
    expect(closed.data?.setServiceCapacity).toMatchObject({ capacity: 'CLOSED', waitlistBand: null });
    const reopened = await as('live-well', Role.SERVICE_ADMIN, CAPACITY, { id: LIVE_WELL, capacity: 'OPEN' });
    expect(reopened.data?.setServiceCapacity).toMatchObject({ capacity: 'OPEN', waitlistBand: null });
  });

  it('refuses a waitlist band given with OPEN', async () => {
    const response = await as('live-well', Role.SERVICE_ADMIN, CAPACITY, { id: LIVE_WELL, capacity: 'OPEN', band: 'UNDER_1_MONTH' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'waitlistBand' });
  });

  it('adds a new service to the admin\'s own organisation, whatever the input says', async () => {
    const response = await as('metro-gad', Role.SERVICE_ADMIN, CREATE, { input: entry({ name: 'Metro GAD benefits clinic', acceptsGpRegistration: [] }) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createService).toMatchObject({ organisation: { id: 'metro-gad' } });
  });

  it.each([
    ['an unknown service', { id: '00000000-0000-4000-8000-000000000000', input: entry() }, 'NOT_FOUND'],
    ['an id that is not a UUID', { id: 'live-well', input: entry() }, 'BAD_USER_INPUT'],
    ['an age range upside down', { id: LIVE_WELL, input: entry({ minimumAge: 65, maximumAge: 18 }) }, 'BAD_USER_INPUT'],
    ['an age over 120', { id: LIVE_WELL, input: entry({ maximumAge: 130 }) }, 'BAD_USER_INPUT'],
    ['a location postcode that is not one', { id: LIVE_WELL, input: entry({ locations: [{ name: 'x', addressLine1: 'y', town: 'z', postcode: 'XX' }] }) }, 'BAD_USER_INPUT'],
    ['an opening time that is not a time', { id: LIVE_WELL, input: entry({ openingTimes: [{ days: ['MO'], opensAt: '9am', closesAt: '17:00' }] }) }, 'BAD_USER_INPUT'],
    ['a name of control characters', { id: LIVE_WELL, input: entry({ name: '\u0007' }) }, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_name, variables, code) => {
    const before = await nameOf(LIVE_WELL);
    const response = await as('live-well', Role.SERVICE_ADMIN, UPDATE, variables);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(await nameOf(LIVE_WELL)).toEqual(before);
  });
});
