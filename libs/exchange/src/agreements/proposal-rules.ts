import { HubError, HubErrorCode } from '@hub/platform';
import type { AgreementEntity } from './agreement.entity';
import type { ProposeAgreementInput } from './dto/propose-agreement.input';

const bad = (field: string, message: string) => new HubError(HubErrorCode.BAD_USER_INPUT, message, { field });

/** What makes a proposal coherent beyond the shape of its fields. */
export function checkProposal(
  input: ProposeAgreementInput,
  knownOrganisations: Set<string>,
  previous: AgreementEntity | null,
  proposer: string,
  today: string,
): void {
  const unknown = input.parties.filter((p) => !knownOrganisations.has(p));
  if (unknown.length) throw bad('parties', `parties names unknown organisations: ${unknown.join(', ')}`);
  if (!input.parties.includes(proposer)) throw bad('parties', 'parties must include your own organisation');
  const outsiders = input.receives.map((g) => g.organisationId).filter((o) => !input.parties.includes(o));
  if (outsiders.length) throw bad('receives', `receives names organisations that are not parties: ${outsiders.join(', ')}`);
  if (new Set(input.receives.map((g) => g.organisationId)).size !== input.receives.length) {
    throw bad('receives', 'receives names an organisation twice');
  }
  if (input.endsOn <= input.startsOn) throw bad('endsOn', 'endsOn must be after startsOn');
  if (input.endsOn < today) throw bad('endsOn', 'endsOn must not be in the past');
  if (input.reviewOn < input.startsOn || input.reviewOn > input.endsOn) {
    throw bad('reviewOn', 'reviewOn must fall between startsOn and endsOn');
  }
  if (input.supersedes !== undefined) {
    if (!previous || !previous.parties.includes(proposer)) {
      throw new HubError(HubErrorCode.AGREEMENT_NOT_VISIBLE, 'No agreement your organisation is party to has this id.', {
        field: 'supersedes',
      });
    }
    if (previous.terminatedAt) throw new HubError(HubErrorCode.STATE_CONFLICT, 'A terminated agreement cannot be superseded.');
  }
}
