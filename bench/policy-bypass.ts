import { createMongoAbility } from '@casl/ability';
import { In, type DataSource } from 'typeorm';
import type { Principal } from '@hub/identity';
import { AccessRule, DATA_CATEGORIES, type DataCategory, type Purpose } from '@hub/vocabulary';
import { CaseEntity } from '../libs/exchange/src/cases/case.entity';
import type { CaseModel } from '../libs/exchange/src/cases/case.model';
import { CaseReader } from '../libs/exchange/src/cases/case-reader';
import { toCaseView } from '../libs/exchange/src/cases/case-view';
import type { AccessDecision } from '../libs/exchange/src/policy/access-decision';
import { CaseAccess } from '../libs/exchange/src/policy/case-access';

/**
 * BENCHMARK ONLY: never imported by libs/ or apps/, and installed only by bench/serve-hub.ts when
 * BENCH_POLICY_BYPASS_USER is set (the `policy` suite's own hub process).
 *
 * Patches `CaseReader.prototype.read` so that a principal whose userId is `bypassUser` skips the
 * policy entirely: no policy facts, no CASL ability built per request, no transaction, no audit row.
 * It loads the case rows and their owners with the exchange's DataSource (the one CaseReader holds), and
 * hands GraphQL the same `toCaseView` with a CaseAccess whose (prebuilt) ability allows every field,
 * so the field middleware still runs and releases everything. Every other principal gets the original.
 *
 * The import paths resolve to the very modules the exchange lib loads, so this patches the class the
 * running Nest app instantiated (`readOne` calls `this.read`, which looks the method up here); it
 * works installed after the hub has started.
 */
export function installPolicyBypass(bypassUser: string, exchange: DataSource): void {
  const original = CaseReader.prototype.read;
  const readEverything = createMongoAbility([{ action: 'read', subject: 'Case' }]);
  const allowed: AccessDecision = { allowed: true, rule: AccessRule.OWNER, reason: 'Policy bypassed (benchmark only).' };
  const decisions = new Map<DataCategory, AccessDecision>(DATA_CATEGORIES.map((category) => [category, allowed]));

  CaseReader.prototype.read = async function read(
    this: CaseReader,
    principal: Principal,
    caseIds: string[],
    requested: Set<string>,
    purpose?: Purpose,
  ): Promise<Map<string, CaseModel>> {
    if (principal.userId !== bypassUser) return original.call(this, principal, caseIds, requested, purpose);
    const { manager } = exchange;
    const rows = await manager.findBy(CaseEntity, { id: In([...new Set(caseIds)]) });
    if (rows.length === 0) return new Map();
    return new Map(rows.map((row) => [row.id, toCaseView(row, new CaseAccess(row.id, decisions, true, readEverything))]));
  };
}
