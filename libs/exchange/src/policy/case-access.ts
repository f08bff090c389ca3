import { AbilityBuilder, createMongoAbility, type MongoAbility, subject } from '@casl/ability';
import type { Principal } from '@hub/identity';
import { DATA_CATEGORIES, type DataCategory, Purpose, Role } from '@hub/vocabulary';
import { type AccessDecision, decideAccess } from './access-decision';
import { CASE_FIELD_CATEGORIES, type CaseField, fieldsOfCategory } from './case-fields';
import type { CasePolicyFacts } from './policy-facts';

type CaseAbility = MongoAbility;

/** One caller's access to one case: the decision per category, enforced per field through CASL. */
export class CaseAccess {
  // The ability never changes once built, so each field is asked once (the audit entry and the field both ask).
  private readonly answers = new Map<CaseField, boolean>();

  constructor(
    readonly caseId: string,
    readonly decisions: ReadonlyMap<DataCategory, AccessDecision>,
    /** The case shell (id, owner) is shown to its owner and to a recipient of a live referral. */
    readonly visible: boolean,
    private readonly ability: CaseAbility,
  ) {}

  canRead(field: CaseField): boolean {
    let answer = this.answers.get(field);
    if (answer === undefined) {
      answer = this.ability.can('read', subject('Case', { id: this.caseId }), field);
      this.answers.set(field, answer);
    }
    return answer;
  }

  decisionFor(field: CaseField): AccessDecision {
    return this.decisions.get(CASE_FIELD_CATEGORIES[field]) as AccessDecision;
  }
}

/**
 * Builds the caller's CASL ability over these cases from the rule's decisions: a `read` rule per
 * case for the fields of every allowed category. Field resolution asks the ability, nothing else.
 */
export function caseAccessFor(
  principal: Principal,
  facts: CasePolicyFacts[],
  today: string,
  purpose: Purpose = Purpose.DIRECT_SUPPORT,
): Map<string, CaseAccess> {
  const { can, build } = new AbilityBuilder<CaseAbility>(createMongoAbility);
  const decided = facts.map((caseFacts) => {
    const decisions = new Map(DATA_CATEGORIES.map((c) => [c, decideAccess(principal, caseFacts, c, today, purpose)]));
    const fields = [...decisions].filter(([, d]) => d.allowed).flatMap(([category]) => fieldsOfCategory(category));
    if (fields.length > 0) can('read', 'Case', fields, { id: caseFacts.caseId });
    const related =
      caseFacts.ownerOrg !== undefined && (caseFacts.ownerOrg === principal.orgId || caseFacts.referrals.length > 0);
    return { caseFacts, decisions, visible: related && principal.role !== Role.COMMISSIONER };
  });
  const ability = build();
  return new Map(
    decided.map(({ caseFacts, decisions, visible }) => [
      caseFacts.caseId,
      new CaseAccess(caseFacts.caseId, decisions, visible, ability),
    ]),
  );
}
