import { ExchangeFixtures, MRS_X, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const CREATE = 'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }';

/** Mrs X with one answer changed. */
function withChange(section: keyof typeof MRS_X, field: string, value: unknown) {
  const base = MRS_X as Record<string, unknown>;
  return { ...MRS_X, [section]: { ...(base[section] as Record<string, unknown>), [field]: value } };
}

describe('a case with bad input', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let caseCount: () => Promise<number>;

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    caseCount = async () => (await fx.exchangeDatabase().query('SELECT count(*)::int AS n FROM exchange.cases'))[0].n;
  });
  afterAll(() => hub.close());

  it.each([
    ['a postcode that is not a UK postcode', withChange('contact', 'postcode', 'SE28'), 'contact.postcode'],
    ['a US ZIP code', withChange('contact', 'postcode', '90210'), 'contact.postcode'],
    ['an NHS number failing modulus 11', withChange('identity', 'nhsNumber', '943 476 5918'), 'identity.nhsNumber'],
    ['an NHS number of nine digits', withChange('identity', 'nhsNumber', '943476591'), 'identity.nhsNumber'],
    ['a date of birth in the future', withChange('identity', 'dateOfBirth', '2099-01-01'), 'identity.dateOfBirth'],
    ['a phone number that is not one', withChange('contact', 'phone', '12345'), 'contact.phone'],
    ['an email that is not one', withChange('contact', 'email', 'margaret-at-example'), 'contact.email'],
    ['a given name past 100 characters', withChange('identity', 'givenName', 'M'.repeat(101)), 'identity.givenName'],
    ['a name carrying control characters', withChange('identity', 'familyName', 'Ex\u0000ample'), 'identity.familyName'],
    ['no needs at all', withChange('needs', 'categories', []), 'needs.categories'],
    ['household of minus one', withChange('circumstances', 'adultsInHousehold', -1), 'circumstances.adultsInHousehold'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, input, field) => {
    const before = await caseCount();
    const response = await fx.call<{ createCase: null }>('pst', Role.LINK_WORKER, CREATE, { input });
    expect(response.data?.createCase ?? null).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await caseCount()).toBe(before);
  });

  it('accepts Mrs X as she is, and keeps postcode, NHS number and phone in canonical form', async () => {
    const caseId = await fx.createCase('pst');
    const [row] = await fx.exchangeDatabase().query('SELECT postcode, nhs_number, phone FROM exchange.cases WHERE id = $1', [caseId]);
    expect(row).toEqual({ postcode: 'SE2 9XX', nhs_number: '9434765919', phone: '+447700900123' });
  });

  it.each([
    ['a GP surgery, which refers but holds no caseload', 'lakeside-health-centre', Role.LINK_WORKER],
    ['a commissioner', 'greenwich-council', Role.COMMISSIONER],
    ['an IG lead', 'pst', Role.IG_LEAD],
    ['an integrator without the cases:write scope', 'pst', Role.INTEGRATOR],
  ])('refuses a case opened by %s with FORBIDDEN', async (_name, org, role) => {
    const before = await caseCount();
    const response = await fx.call<{ createCase: null }>(org, role, CREATE, { input: MRS_X });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await caseCount()).toBe(before);
  });
});
