import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@hub/vocabulary';
import type { GraphQLResponse, TestHub } from './test-hub';

/** Mrs X as the PST form would have her: every category filled, so every withholding shows. */
export const MRS_X = {
  identity: { givenName: 'Margaret', familyName: 'Example', dateOfBirth: '1951-03-14', nhsNumber: '943 476 5919' },
  contact: {
    addressLine1: '12 Harrow Manorway',
    town: 'London',
    postcode: 'se2 9xx',
    phone: '07700 900123',
    email: 'margaret@example.org',
    preferences: { canWriteToAddress: true, canLeaveMessage: false, canContactForFeedback: true, preferredChannel: 'PHONE' },
  },
  circumstances: {
    boroughOfResidence: 'GREENWICH',
    gpPractice: 'Lakeside Health Centre',
    adultsInHousehold: 1,
    childrenInHousehold: 0,
    anyChildUnderFive: false,
    accessToPublicFunds: 'YES',
    landlordType: 'SOCIAL',
    landlordName: 'Peabody',
    disability: 'YES',
  },
  needs: { categories: ['LONELINESS', 'DEBT', 'PHYSICAL_ACTIVITY'], detail: 'Lonely since her husband died; arrears on the gas bill.' },
  healthSummary: 'Type 2 diabetes; low mood.',
  notes: 'Prefers mornings.',
};

/** Every personal field of a case, as a selection. */
export const ALL_CASE_FIELDS = `givenName familyName dateOfBirth nhsNumber addressLine1 addressLine2 town postcode phone email
  contactPreferences { canWriteToAddress canLeaveMessage canContactForFeedback preferredChannel }
  boroughOfResidence gpPractice household { adults children anyChildUnderFive } gender accessToPublicFunds
  landlord { type name } disability ethnicity needs needsDetail healthSummary notes`;

export interface AgreementSpec {
  parties: string[];
  receives: Record<string, string[]>;
  purposes?: string[];
  startsOn?: string;
  endsOn?: string;
  supersedes?: string;
}

/** Drives the exchange through the gateway the way each organisation's staff would. */
export class ExchangeFixtures {
  constructor(private readonly hub: TestHub) {}

  async as(org: string, role: Role, scopes?: string[]) {
    return this.hub.token(org, role, { user: `${org}-${role.toLowerCase()}`, scopes });
  }

  /** Fails the test on any GraphQL error: fixtures set the scene, they are not what is tested. */
  async ok<T>(org: string, role: Role, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.hub.graphql<T>(query, { token: await this.as(org, role), variables });
    if (response.errors?.length) throw new Error(`${org}/${role}: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  async call<T>(org: string, role: Role, query: string, variables: Record<string, unknown> = {}, scopes?: string[]): Promise<GraphQLResponse<T>> {
    return this.hub.graphql<T>(query, { token: await this.as(org, role, scopes), variables });
  }

  async proposeAgreement(spec: AgreementSpec): Promise<string> {
    const data = await this.ok<{ proposeAgreement: { id: string } }>(spec.parties[0], Role.SERVICE_ADMIN, PROPOSE, {
      input: {
        title: `Sharing between ${spec.parties.join(' and ')}`,
        parties: spec.parties,
        purposes: spec.purposes ?? ['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'],
        receives: Object.entries(spec.receives).map(([organisationId, categories]) => ({ organisationId, categories })),
        lawfulBasis: 'UK GDPR 6(1)(e) public task with 9(2)(h) health or social care',
        startsOn: spec.startsOn ?? '2026-01-01',
        endsOn: spec.endsOn ?? '2029-12-31',
        reviewOn: spec.startsOn ?? '2027-06-30',
        ...(spec.supersedes ? { supersedes: spec.supersedes } : {}),
      },
    });
    return data.proposeAgreement.id;
  }

  async sign(org: string, id: string): Promise<{ status: string }> {
    const data = await this.ok<{ signAgreement: { status: string } }>(org, Role.SERVICE_ADMIN, SIGN, { id });
    return data.signAgreement;
  }

  /** Proposed by the first party and signed by every party: ACTIVE (given a start in the past). */
  async activeAgreement(spec: AgreementSpec): Promise<string> {
    const id = await this.proposeAgreement(spec);
    for (const party of spec.parties) await this.sign(party, id);
    return id;
  }

  async createCase(org: string, input: Record<string, unknown> = MRS_X, role = Role.LINK_WORKER): Promise<string> {
    const data = await this.ok<{ createCase: { id: string } }>(org, role, 'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }', {
      input,
    });
    return data.createCase.id;
  }

  async recordConsent(org: string, caseId: string, provisions: { recipients?: string[]; partnership?: boolean; purposes?: string[]; categories: string[] }): Promise<string> {
    const data = await this.ok<{ recordConsent: { id: string } }>(org, Role.LINK_WORKER, RECORD_CONSENT, {
      input: {
        caseId,
        givenBy: 'The resident',
        method: 'SIGNED_FORM',
        givenAt: new Date(Date.now() - 60_000).toISOString(),
        venue: 'Lakeside Health Centre',
        recipients: provisions.recipients ?? [],
        partnership: provisions.partnership ?? false,
        purposes: provisions.purposes ?? ['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'],
        categories: provisions.categories,
        contactPreferences: { canWriteToAddress: true, canLeaveMessage: false, canContactForFeedback: true },
      },
    });
    return data.recordConsent.id;
  }

  async sendReferral(org: string, caseId: string, recipientId: string, needs: string[] = ['LONELINESS'], key: string = randomUUID()) {
    return this.call<{ sendReferral: { id: string } }>(org, Role.LINK_WORKER, SEND, {
      input: { caseId, recipientId, needs, idempotencyKey: key },
    });
  }

  async readCase<T = Record<string, unknown>>(org: string, role: Role, caseId: string, scopes?: string[]) {
    return this.call<{ case: T | null }>(org, role, `query($id: ID!) { case(id: $id) { id ${ALL_CASE_FIELDS} } }`, { id: caseId }, scopes);
  }

  /** The exchange's own DataSource, for scenes no API can set (an agreement past its end date). */
  exchangeDatabase(): DataSource {
    return this.hub.hub.apps.exchange.get(DataSource);
  }
}

const PROPOSE = 'mutation($input: ProposeAgreementInput!) { proposeAgreement(input: $input) { id status } }';
const SIGN = 'mutation($id: ID!) { signAgreement(id: $id) { id status } }';
const RECORD_CONSENT = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id status } }';
const SEND = 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }';
