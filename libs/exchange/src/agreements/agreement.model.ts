import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Organisation } from '@hub/organisations';
import { AgreementStatus, DataCategory, Purpose } from '@hub/vocabulary';
import { ExchangeGraphQLScope } from '../exchange-graphql.module';

@ObjectType('AgreementGrant', { registerIn: () => ExchangeGraphQLScope, description: 'What one party may receive.' })
export class AgreementGrant {
  @Field(() => ID) organisationId: string;
  @Field(() => [DataCategory]) categories: DataCategory[];
}

@ObjectType('AgreementSignature', { registerIn: () => ExchangeGraphQLScope })
export class AgreementSignature {
  @Field(() => ID) organisationId: string;
  @Field() signedBy: string;
  @Field() signedAt: Date;
}

/** A data-sharing agreement (ICO data sharing code): only an ACTIVE one lets data flow. */
@ObjectType('DataSharingAgreement', { registerIn: () => ExchangeGraphQLScope })
export class DataSharingAgreement {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'Shared by every version of this agreement.' }) lineageId: string;
  @Field(() => Int) version: number;
  @Field() title: string;
  @Field(() => [Organisation]) parties: Organisation[];
  @Field(() => [Purpose]) purposes: Purpose[];
  @Field(() => [AgreementGrant]) receives: AgreementGrant[];
  @Field({ description: 'e.g. UK GDPR 6(1)(e) with 9(2)(h), or consent.' }) lawfulBasis: string;
  @Field(() => GraphQLLocalDate) startsOn: string;
  @Field(() => GraphQLLocalDate) endsOn: string;
  @Field(() => GraphQLLocalDate) reviewOn: string;
  @Field(() => AgreementStatus, { description: 'Computed from the record and today: expiry needs no job.' })
  status: AgreementStatus;
  @Field(() => [AgreementSignature]) signatures: AgreementSignature[];
  @Field(() => [ID], { description: 'Parties whose admin has not signed yet.' }) awaitingSignatureFrom: string[];
  @Field(() => String, { nullable: true, description: 'Why it was suspended or terminated.' }) statusReason: string | null;
  @Field(() => ID, { nullable: true }) supersedes: string | null;
  @Field(() => Organisation) proposedBy: Organisation;
  @Field() createdAt: Date;
}
