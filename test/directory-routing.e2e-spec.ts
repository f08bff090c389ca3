import { DataSource } from 'typeorm';
import { seededServiceId } from '@hub/directory';
import { startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const ROUTE = `query($input: RouteInput!) { routeOptions(input: $input) {
  residence { postcode status borough boroughs } gpBorough
  options { rank service { id name organisation { id } } meets doesNotMeet eligibleBy capacity waitlistBand distanceBand why }
  cannotTake { service { organisation { id } } reason why }
  servicesMeetingNoNeed unmetNeeds { need reason } } }`;
const CAPACITY = 'query($input: CapacityCheckInput!) { capacityCheck(input: $input) { answer waitlistBand reason services { organisation { id } } } }';

interface Plan {
  residence: { status: string; borough: string | null; boroughs: string[] } | null;
  gpBorough: string | null;
  options: { rank: number; service: { organisation: { id: string } }; eligibleBy: string[]; capacity: string; waitlistBand: string | null; distanceBand: string | null; why: string[] }[];
  cannotTake: { service: { organisation: { id: string } }; reason: string; why: string }[];
  servicesMeetingNoNeed: number;
  unmetNeeds: { need: string; reason: string }[];
}

describe('routing a case across the borough boundary', () => {
  let hub: TestHub;
  let directory: DataSource;
  const route = async (input: Record<string, unknown>, org = 'pst', role = Role.LINK_WORKER) =>
    hub.graphql<{ routeOptions: Plan }>(ROUTE, { token: await hub.token(org, role), variables: { input } });
  const plan = async (input: Record<string, unknown>) => {
    const response = await route(input);
    expect(response.errors).toBeUndefined();
    return response.data!.routeOptions;
  };
  const option = (p: Plan, org: string) => p.options.find((o) => o.service.organisation.id === org);
  const refusal = (p: Plan, org: string) => p.cannotTake.find((r) => r.service.organisation.id === org);
  const gaps = async () => directory.query('SELECT need, borough, age_band, reason, signals FROM directory.unmet_needs ORDER BY need');

  beforeAll(async () => {
    hub = await startTestHub();
    directory = hub.hub.apps.directory.get(DataSource);
  });
  afterAll(() => hub.close());

  it('offers a Bexley resident registered with a Greenwich GP both Live Well (by GP) and Community Connect (by residence)', async () => {
    const p = await plan({ needs: ['LONELINESS'], postcode: 'DA18 4AA', gpPractice: 'Gallions Reach Health Centre', age: 70 });
    expect(p.residence).toMatchObject({ status: 'IN_BOROUGH', borough: 'BEXLEY' });
    expect(p.gpBorough).toBe('GREENWICH');
    expect(option(p, 'live-well')?.eligibleBy).toEqual(['GP_REGISTRATION']);
    expect(option(p, 'community-connect')?.eligibleBy).toEqual(['RESIDENCE']);
    expect(option(p, 'community-connect')?.why).toContain('accepts residents of BEXLEY');
  });

  it('offers a Greenwich resident at Lakeside (Bexley side) the Bexley services that follow the GP', async () => {
    const p = await plan({ needs: ['COUNSELLING', 'LONELINESS'], postcode: 'SE28 8AA', gpPractice: 'Lakeside Health Centre', age: 40 });
    expect(p.gpBorough).toBe('BEXLEY');
    expect(option(p, 'counselling-matters')?.eligibleBy).toEqual(['GP_REGISTRATION']);
    expect(option(p, 'community-connect')?.eligibleBy).toEqual(['GP_REGISTRATION']);
    expect(option(p, 'live-well')?.eligibleBy).toEqual(['RESIDENCE']);
    expect(option(p, 'pst')?.eligibleBy).toEqual(['RESIDENCE', 'GP_REGISTRATION']);
  });

  it('asks to confirm the address when the postcode is split and the service takes one borough only', async () => {
    const p = await plan({ needs: ['DEBT'], postcode: 'SE2 0XY' });
    expect(p.residence).toMatchObject({ status: 'SPLIT', borough: null, boroughs: ['GREENWICH', 'BEXLEY'] });
    expect(option(p, 'pst')?.eligibleBy).toEqual(['RESIDENCE']);
    expect(option(p, 'citizens-advice-bexley')?.eligibleBy).toEqual(['RESIDENCE_TO_CONFIRM']);
    expect(option(p, 'pst')!.rank).toBeLessThan(option(p, 'citizens-advice-bexley')!.rank);
  });

  it('lists a service on its waiting list with the band, and capacityCheck answers WAITLIST', async () => {
    const p = await plan({ needs: ['IMMIGRATION'], borough: 'LEWISHAM', age: 30 });
    expect(option(p, 'lrmn')).toMatchObject({ capacity: 'WAITLIST', waitlistBand: 'ONE_TO_3_MONTHS' });
    expect(refusal(p, 'pst')?.reason).toBe('NOT_ELIGIBLE');
    const answer = await hub.graphql<{ capacityCheck: { answer: string; waitlistBand: string } }>(CAPACITY, {
      token: await hub.token('pst', Role.LINK_WORKER),
      variables: { input: { needs: ['IMMIGRATION'], borough: 'LEWISHAM', ageBand: 'AGE_25_TO_64' } },
    });
    expect(answer.data?.capacityCheck).toMatchObject({ answer: 'WAITLIST', waitlistBand: 'ONE_TO_3_MONTHS' });
  });

  it('answers YES or NO (with the reason) to a capacity check without identifiers', async () => {
    const ask = async (input: Record<string, unknown>) =>
      (await hub.graphql<{ capacityCheck: { answer: string; reason: string | null } }>(CAPACITY, { token: await hub.token('live-well', Role.LINK_WORKER), variables: { input } })).data?.capacityCheck;
    expect(await ask({ needs: ['DEBT'], borough: 'BEXLEY', ageBand: 'AGE_25_TO_64' })).toMatchObject({ answer: 'YES', reason: null });
    expect(await ask({ needs: ['LONELINESS'], borough: 'BEXLEY', ageBand: 'UNDER_18' })).toMatchObject({ answer: 'NO', reason: 'AGE_NOT_ELIGIBLE' });
    expect(await ask({ needs: ['COUNSELLING'], borough: 'GREENWICH', ageBand: 'AGE_25_TO_64', serviceId: seededServiceId('counselling-matters', 'Counselling Matters adult counselling') }))
      .toMatchObject({ answer: 'NO', reason: 'NOT_ELIGIBLE' });
  });

  it('says when no service meets a need, and records it as a de-identified gap signal', async () => {
    const p = await plan({ needs: ['SUBSTANCE_MISUSE', 'DEBT'], postcode: 'DA17 5AB', age: 34 });
    expect(p.unmetNeeds).toEqual([{ need: 'SUBSTANCE_MISUSE', reason: 'NO_SERVICE_EXISTS' }]);
    expect(option(p, 'citizens-advice-bexley')).toBeDefined();
    expect(await gaps()).toEqual([{ need: 'SUBSTANCE_MISUSE', borough: 'BEXLEY', age_band: 'AGE_25_TO_64', reason: 'NO_SERVICE_EXISTS', signals: 1 }]);
    const [columns] = await directory.query(`SELECT string_agg(column_name, ',' ORDER BY column_name) AS names FROM information_schema.columns WHERE table_schema = 'directory' AND table_name = 'unmet_needs'`);
    expect(columns.names).toBe('age_band,borough,month,need,reason,signals');
  });

  it('lets a commissioner route (it is de-identified) without adding to the gap signal', async () => {
    const before = await gaps();
    const response = await route({ needs: ['SUBSTANCE_MISUSE'], borough: 'BEXLEY' }, 'bexley-council', Role.COMMISSIONER);
    expect(response.data?.routeOptions.unmetNeeds).toEqual([{ need: 'SUBSTANCE_MISUSE', reason: 'NO_SERVICE_EXISTS' }]);
    expect(await gaps()).toEqual(before);
  });

  it('refuses a service that has no capacity, and says the need is unmet for want of capacity', async () => {
    const id = seededServiceId('community-connect', 'Community Connect link workers');
    await directory.query(`UPDATE directory.services SET capacity = 'CLOSED', waitlist_band = NULL WHERE id = $1`, [id]);
    const p = await plan({ needs: ['LONELINESS'], postcode: 'DA8 1AA', gpPractice: 'erith-health-centre', age: 50 });
    expect(refusal(p, 'community-connect')).toMatchObject({ reason: 'NO_CAPACITY' });
    expect(refusal(p, 'live-well')?.reason).toBe('NOT_ELIGIBLE');
    expect(p.unmetNeeds).toEqual([{ need: 'LONELINESS', reason: 'NO_CAPACITY' }]);
    await directory.query(`UPDATE directory.services SET capacity = 'OPEN' WHERE id = $1`, [id]);
  });

  it('answers a postcode outside the area clearly, and routes on the GP practice alone', async () => {
    const p = await plan({ needs: ['LONELINESS'], postcode: 'M1 1AE', gpPractice: 'Lakeside Health Centre' });
    expect(p.residence).toMatchObject({ status: 'OUTSIDE_AREA', boroughs: [] });
    expect(p.options.map((o) => o.service.organisation.id)).toEqual(['community-connect']);
  });

  it.each([
    ['both a postcode and a borough', { needs: ['DEBT'], postcode: 'SE2 9LH', borough: 'BEXLEY' }, 'postcode'],
    ['neither a postcode nor a borough', { needs: ['DEBT'] }, 'postcode'],
    ['a postcode that is not one', { needs: ['DEBT'], postcode: 'NOT A CODE' }, 'postcode'],
    ['an unknown GP practice', { needs: ['DEBT'], borough: 'BEXLEY', gpPractice: 'Nowhere Surgery' }, 'gpPractice'],
    ['an age over 120', { needs: ['DEBT'], borough: 'BEXLEY', age: 121 }, 'age'],
    ['no needs', { needs: [], borough: 'BEXLEY' }, 'needs'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, input, field) => {
    const response = await route(input);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers postcodeBorough and lists GP practices with their boroughs', async () => {
    const response = await hub.graphql<{ postcodeBorough: { status: string; borough: string }; gpPractices: { name: string; borough: string }[] }>(
      '{ postcodeBorough(postcode: "se2 9lh") { status borough } gpPractices { name borough } }',
      { token: await hub.token('pst', Role.VOLUNTEER) },
    );
    expect(response.data?.postcodeBorough).toEqual({ status: 'IN_BOROUGH', borough: 'BEXLEY' });
    expect(response.data?.gpPractices).toEqual(expect.arrayContaining([{ name: 'Lakeside Health Centre', borough: 'BEXLEY' }, { name: 'Gallions Reach Health Centre', borough: 'GREENWICH' }]));
  });
});
