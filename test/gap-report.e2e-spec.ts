import { DataSource } from 'typeorm';
import { attackerLearns, type DisclosureSettings, type ProtectedCount } from '@hub/insights';
import { startTestHub, type TestHub } from '@hub/testing';
import { NeedCategory, Role } from '@hub/vocabulary';
import { seedGapCube } from './fixtures/gap-cube';

const FIGURES = 'value rule';
const ROW = `margin need residenceBorough serviceBorough serviceId month
  sent { ${FIGURES} } accepted { ${FIGURES} } declined { ${FIGURES} } declinedByReason { reason count { ${FIGURES} } }
  completed { ${FIGURES} } closedUnmet { ${FIGURES} } unmetNeedsNoService { ${FIGURES} }
  appointments { ${FIGURES} } didNotAttend { ${FIGURES} } didNotAttendRate { ${FIGURES} }
  firstContacts { ${FIGURES} } daysToFirstContactMedian { ${FIGURES} } daysToFirstContactP90 { ${FIGURES} }`;
const REPORT = `query($input: GapReportInput!) { gapReport(input: $input) {
  from to groupBy organisationId
  disclosure { threshold fringeUpTo roundingBase rules { rule figures } explanation }
  rows { ${ROW} } total { ${ROW} }
  flows { residenceBorough serviceBorough referrals { ${FIGURES} } }
  csvUrl } }`;

interface Figure { value: number | null; rule: string }
interface Row {
  margin: string[];
  need: string | null;
  residenceBorough: string | null;
  month: string | null;
  sent: Figure;
  declined: Figure;
  declinedByReason: { reason: string; count: Figure }[];
  unmetNeedsNoService: Figure;
  appointments: Figure;
  didNotAttend: Figure;
  didNotAttendRate: Figure;
  firstContacts: Figure;
  daysToFirstContactMedian: Figure;
  daysToFirstContactP90: Figure;
  [figure: string]: unknown;
}
interface Report {
  organisationId: string | null;
  disclosure: { threshold: number; fringeUpTo: number; roundingBase: number; rules: { rule: string; figures: number }[] };
  rows: Row[];
  total: Row;
  flows: { residenceBorough: string | null; serviceBorough: string | null; referrals: Figure }[];
  csvUrl: string;
}

const SETTINGS: DisclosureSettings = { threshold: 7, roundingBase: 5, fringeSuppression: 0.5 };
const protectedOf = (figure: Figure): ProtectedCount => ({ value: figure.value, rule: figure.rule as ProtectedCount['rule'] });

describe('gap reports for commissioners', () => {
  let hub: TestHub;
  let insights: DataSource;

  const ask = async (input: Record<string, unknown>, org = 'greenwich-council', role: Role = Role.COMMISSIONER) =>
    hub.graphql<{ gapReport: Report }>(REPORT, { token: await hub.token(org, role), variables: { input } });
  const report = async (input: Record<string, unknown>, org?: string, role?: Role) => {
    const response = await ask(input, org, role);
    expect(response.errors).toBeUndefined();
    return response.data!.gapReport;
  };
  const requests = async () =>
    insights.query('SELECT organisation_id, role, channel, outcome, refusal, question FROM insights.report_requests ORDER BY seq');

  beforeAll(async () => {
    hub = await startTestHub();
    insights = hub.hub.apps.insights.get(DataSource);
    // A hand-made population in months no live event can reach (the hub's clock is today).
    await seedGapCube(insights, [
      // 2024-01, by residence: 40 and 30 publish exactly; 3 is small; 25 must go with it (secondary).
      { month: '2024-01', residence: 'GREENWICH', metric: 'SENT', count: 40 },
      { month: '2024-01', residence: 'BEXLEY', serviceBorough: 'BEXLEY', org: 'community-connect', metric: 'SENT', count: 25 },
      { month: '2024-01', residence: 'LEWISHAM', metric: 'SENT', count: 3 },
      { month: '2024-01', residence: 'UNKNOWN', metric: 'SENT', count: 30 },
      { month: '2024-01', metric: 'ATTENDED', count: 30 },
      { month: '2024-01', metric: 'DID_NOT_ATTEND', count: 10 },
      { month: '2024-01', metric: 'FIRST_CONTACT', detail: '3', count: 10 },
      { month: '2024-01', metric: 'FIRST_CONTACT', detail: '10', count: 10 },
      { month: '2024-01', metric: 'DECLINED', detail: 'NO_CAPACITY', count: 20 },
      { month: '2024-01', metric: 'DECLINED', detail: 'OUT_OF_AREA', count: 2 },
    ]);
  });
  afterAll(() => hub.close());

  it.each([Role.LINK_WORKER, Role.VOLUNTEER, Role.INTEGRATOR, Role.IG_LEAD])('refuses a %s, and audits the refusal', async (role) => {
    const response = await ask({ from: '2024-01', to: '2024-01' }, 'live-well', role);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await requests()).at(-1)).toMatchObject({ organisation_id: 'live-well', role, outcome: 'REFUSED', refusal: 'FORBIDDEN' });
  });

  it.each([
    [{ from: '2024-13', to: '2024-01' }, 'from'],
    [{ from: '2024-03', to: '2024-01' }, 'from'],
    [{ from: '2024-01', to: '2099-01' }, 'to'],
    [{ from: '2015-01', to: '2024-01' }, 'from'],
    [{ from: '2024-01', to: '2024-01', groupBy: ['NEED'], need: 'HOUSING' }, 'need'],
    [{ from: '2024-01', to: '2024-01', groupBy: ['NEED', 'MONTH', 'SERVICE'] }, 'groupBy'],
  ])('refuses the question %j with a BAD_USER_INPUT naming %s', async (input, field) => {
    const response = await ask(input);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.field).toBe(field);
  });

  it('refuses the month still open: a figure is published only once its month has closed', async () => {
    const now = hub.clock.now();
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(now);
    const response = await ask({ from: month, to: month });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('answers an empty period with every count suppressed and nothing derived', async () => {
    const r = await report({ from: '2023-01', to: '2023-03', groupBy: ['RESIDENCE_BOROUGH'] });
    expect(r.rows.map((row) => row.residenceBorough)).toEqual(['GREENWICH', 'BEXLEY', 'LEWISHAM', 'UNKNOWN']);
    for (const row of [...r.rows, r.total]) {
      expect(row.sent).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
      expect(row.didNotAttendRate).toEqual({ value: null, rule: 'WITHHELD_PART_SUPPRESSED' });
      expect(row.daysToFirstContactMedian.value).toBeNull();
    }
    expect(r.disclosure.rules.find((rule) => rule.rule === 'PUBLISHED')?.figures).toBe(0);
  });

  it('publishes multiples of 5 exactly, suppresses small counts and the cell that would give one away', async () => {
    const r = await report({ from: '2024-01', to: '2024-01', groupBy: ['RESIDENCE_BOROUGH'] });
    const sent = Object.fromEntries(r.rows.map((row) => [row.residenceBorough, row.sent]));
    expect(sent.GREENWICH).toEqual({ value: 40, rule: 'PUBLISHED' });
    expect(sent.UNKNOWN).toEqual({ value: 30, rule: 'PUBLISHED' });
    expect(sent.LEWISHAM).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
    // Without this, 98 (the total, published as 95 or 100) - 40 - 30 - 25 would bound Lewisham's 3.
    expect(sent.BEXLEY).toEqual({ value: null, rule: 'SUPPRESSED_SECONDARY' });
    expect(r.total.sent.rule).toBe('PUBLISHED');
    expect([95, 100]).toContain(r.total.sent.value);
    expect(r.disclosure).toMatchObject({ threshold: 7, fringeUpTo: 9, roundingBase: 5 });
  });

  it('derives rates and days from published figures only', async () => {
    const { total } = await report({ from: '2024-01', to: '2024-01' });
    expect(total.appointments).toEqual({ value: 40, rule: 'PUBLISHED' });
    expect(total.didNotAttend).toEqual({ value: 10, rule: 'PUBLISHED' });
    expect(total.didNotAttendRate).toEqual({ value: 0.25, rule: 'PUBLISHED' });
    expect(total.firstContacts).toEqual({ value: 20, rule: 'PUBLISHED' });
    expect(total.daysToFirstContactMedian).toEqual({ value: 3, rule: 'PUBLISHED' });
    expect(total.daysToFirstContactP90).toEqual({ value: 10, rule: 'PUBLISHED' });
    const reasons = Object.fromEntries(total.declinedByReason.map((d) => [d.reason, d.count]));
    expect(reasons.NO_CAPACITY).toEqual({ value: 20, rule: 'PUBLISHED' });
    expect(reasons.OUT_OF_AREA.value).toBeNull();
    expect([20, 25]).toContain(total.declined.value);
  });

  it('shows a commissioner of Greenwich and one of Bexley the same Thamesmead cells', async () => {
    const question = { from: '2024-01', to: '2024-01', groupBy: ['RESIDENCE_BOROUGH', 'SERVICE_BOROUGH'] };
    const greenwich = await report(question, 'greenwich-council');
    const bexley = await report(question, 'bexley-council');
    expect({ ...bexley, csvUrl: undefined }).toEqual({ ...greenwich, csvUrl: undefined });
    const flow = greenwich.flows.find((f) => f.residenceBorough === 'GREENWICH' && f.serviceBorough === 'GREENWICH');
    expect(flow?.referrals).toEqual({ value: 40, rule: 'PUBLISHED' });
  });

  it('gives a service admin its own organisation\'s referrals only', async () => {
    const r = await report({ from: '2024-01', to: '2024-01' }, 'community-connect', Role.SERVICE_ADMIN);
    expect(r.organisationId).toBe('community-connect');
    expect(r.total.sent).toEqual({ value: 25, rule: 'PUBLISHED' });
    expect(r.total.unmetNeedsNoService.rule).toBe('NOT_APPLICABLE');
  });

  it('audits every answered request with its question', async () => {
    const before = (await requests()).length;
    await report({ from: '2024-01', to: '2024-01', groupBy: ['MONTH'] }, 'bexley-council');
    const rows = await requests();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      organisation_id: 'bexley-council', role: 'COMMISSIONER', channel: 'GRAPHQL', outcome: 'ANSWERED',
      question: { from: '2024-01', to: '2024-01', groupBy: ['MONTH'] },
    });
    await expect(insights.query('DELETE FROM insights.report_requests')).rejects.toThrow(/append-only/);
  });

  it('answers the biggest question a commissioner can ask, every field, within the gateway\'s operation limits', async () => {
    const every = `${ROW} closedUnmetByReason { reason count { ${FIGURES} } } attended { ${FIGURES} }
      outcomes { instrument improved { ${FIGURES} } unchanged { ${FIGURES} } worsened { ${FIGURES} } } service { id name }`;
    const query = REPORT.replace(`rows { ${ROW} }`, `rows { ${every} }`);
    const response = await hub.graphql<{ gapReport: Report }>(query, {
      token: await hub.token('greenwich-council', Role.COMMISSIONER),
      variables: { input: { from: '2022-01', to: '2024-12', groupBy: ['NEED', 'MONTH'] } },
    });
    expect(response.errors).toBeUndefined();
    // 21 needs and 36 months, each with its margin, less the grand total.
    expect(response.data!.gapReport.rows).toHaveLength(22 * 37 - 1);
  });

  it("lets an IG lead review its own organisation's requests, and nobody else", async () => {
    const query = '{ gapReportRequests(first: 5) { organisationId role channel outcome refusal question withheld } }';
    await report({ from: '2024-01', to: '2024-01' }, 'bexley-council');
    const ig = await hub.graphql<{ gapReportRequests: { organisationId: string; outcome: string; question: string }[] }>(query, {
      token: await hub.token('bexley-council', Role.IG_LEAD),
    });
    expect(ig.errors).toBeUndefined();
    expect(ig.data!.gapReportRequests.every((r) => r.organisationId === 'bexley-council')).toBe(true);
    expect(JSON.parse(ig.data!.gapReportRequests[0].question)).toMatchObject({ from: '2024-01', to: '2024-01' });
    const commissioner = await hub.graphql(query, { token: await hub.token('bexley-council', Role.COMMISSIONER) });
    expect(commissioner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('as CSV at a URL', () => {
    const gatewayOrigin = () => new URL(hub.hub.url).origin;
    const linkOf = (csvUrl: string) => {
      const url = new URL(csvUrl);
      return `${gatewayOrigin()}${url.pathname}${url.search}`;
    };
    const parse = (csv: string) => csv.trim().split('\r\n').map((line) => line.split(','));

    it('serves the same figures through the signed link on the gateway, and audits the fetch', async () => {
      const r = await report({ from: '2024-01', to: '2024-01', groupBy: ['RESIDENCE_BOROUGH'] });
      const response = await fetch(linkOf(r.csvUrl));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, ...lines] = parse(await response.text());
      const column = (name: string) => header.indexOf(name);
      const byBorough = Object.fromEntries(lines.map((l) => [l[column('residence_borough')], l]));
      expect(byBorough.GREENWICH[column('sent')]).toBe('40');
      expect(byBorough.LEWISHAM[column('sent')]).toBe('[c]');
      expect(byBorough.All[column('sent')]).toBe(String(r.total.sent.value));
      expect(byBorough.All[column('unmet_needs_no_service')]).toBe('[c]');
      expect((await requests()).at(-1)).toMatchObject({ channel: 'CSV', outcome: 'ANSWERED', organisation_id: 'greenwich-council' });
    });

    it('refuses a forged link and a link worker\'s bearer token; answers a commissioner\'s', async () => {
      const r = await report({ from: '2024-01', to: '2024-01' });
      const forged = linkOf(r.csvUrl).replace(/ticket=([^.]+)\.([^.]+)\.(.+)$/, (_, h, p, s) => `ticket=${h}.${p}x.${s}`);
      expect((await fetch(forged)).status).toBe(401);
      const query = `${gatewayOrigin()}/reports/gap-report.csv?from=2024-01&to=2024-01&groupBy=RESIDENCE_BOROUGH`;
      const worker = await fetch(query, { headers: { authorization: `Bearer ${await hub.token('pst', Role.LINK_WORKER)}` } });
      expect(worker.status).toBe(403);
      const commissioner = await fetch(query, { headers: { authorization: `Bearer ${await hub.token('bexley-council', Role.COMMISSIONER)}` } });
      expect(commissioner.status).toBe(200);
      expect(parse(await commissioner.text())).toHaveLength(6);
    });
  });

  describe('a differencing attack', () => {
    // One need per base size, so the pairs below cross every rounding and suppression boundary from 0 to 40.
    const needs = Object.values(NeedCategory);
    const base = (i: number) => i * 2;

    beforeAll(async () => {
      await seedGapCube(insights, needs.flatMap((need, i) => [
        { month: '2022-03', needs: [need], residence: 'GREENWICH', metric: 'SENT', count: base(i) },
        // The one person the attacker is after: in April, and the only Bexley resident.
        { month: '2022-04', needs: [need], residence: 'BEXLEY', metric: 'SENT', count: 1 },
      ].filter((seed) => seed.count > 0)));
    });

    const sentByNeed = async (input: Record<string, unknown>) => {
      const r = await report({ ...input, groupBy: ['NEED'] });
      return new Map(r.rows.filter((row) => row.need).map((row) => [row.need!, row.sent]));
    };

    it('over overlapping periods learns nothing about the person added', async () => {
      const without = await sentByNeed({ from: '2022-03', to: '2022-03' });
      const withPerson = await sentByNeed({ from: '2022-03', to: '2022-04' });
      for (const need of needs) {
        expect([need, attackerLearns(protectedOf(without.get(need)!), protectedOf(withPerson.get(need)!), SETTINGS)]).toEqual([need, false]);
      }
    });

    it('over filters that differ by one person learns nothing either', async () => {
      const without = await sentByNeed({ from: '2022-03', to: '2022-04', residenceBorough: 'GREENWICH' });
      const withPerson = await sentByNeed({ from: '2022-03', to: '2022-04' });
      for (const need of needs) {
        expect([need, attackerLearns(protectedOf(without.get(need)!), protectedOf(withPerson.get(need)!), SETTINGS)]).toEqual([need, false]);
      }
    });

    it('would have learnt from plain rounding of the same counts: the population does reach the boundaries', () => {
      // Nearest-5 rounding with 1-7 suppressed and 0 published, the rule a reader might expect. It is
      // deterministic, so whenever its two answers differ the attacker knows the person is there.
      const naive = (n: number) => (n === 0 ? '0' : n <= 7 ? 'suppressed' : String(Math.round(n / 5) * 5));
      const learnt = needs.filter((_, i) => naive(base(i)) !== naive(base(i) + 1));
      expect(learnt.length).toBeGreaterThanOrEqual(3);
    });
  });
});
