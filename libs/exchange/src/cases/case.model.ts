import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Borough, ContactChannel, Disability, LandlordType, NeedCategory, YesNoUnknown } from '@hub/vocabulary';
import { ExchangeGraphQLScope } from '../exchange-graphql.module';
import type { CaseAccess } from '../policy/case-access';
import { CaseField } from './case-field.decorator';

@ObjectType('ContactPreferences', { registerIn: () => ExchangeGraphQLScope })
export class ContactPreferences {
  @Field({ description: 'Can we write to you at this address?' }) canWriteToAddress: boolean;
  @Field({ description: 'Can we leave a message?' }) canLeaveMessage: boolean;
  @Field({ description: 'Can we contact you for feedback?' }) canContactForFeedback: boolean;
  @Field(() => ContactChannel, { nullable: true }) preferredChannel: ContactChannel | null;
}

@ObjectType('Household', { registerIn: () => ExchangeGraphQLScope })
export class Household {
  @Field(() => Int, { nullable: true }) adults: number | null;
  @Field(() => Int, { nullable: true }) children: number | null;
  @Field(() => Boolean, { nullable: true }) anyChildUnderFive: boolean | null;
}

@ObjectType('Landlord', { registerIn: () => ExchangeGraphQLScope })
export class Landlord {
  @Field(() => LandlordType, { nullable: true }) type: LandlordType | null;
  @Field(() => String, { nullable: true }) name: string | null;
}

/**
 * A resident's case. Every personal field is nullable: withheld, it is null with a FIELD_WITHHELD
 * error naming it beside the data. `owner`, `id` and `createdAt` are shown to whoever may see the case.
 */
@ObjectType('Case', { registerIn: () => ExchangeGraphQLScope })
export class CaseModel {
  @Field(() => ID) id: string;
  /** Not in the schema: `owner` is resolved from it only when asked for. */
  ownerId: string;
  @Field() createdAt: Date;

  @CaseField(() => String) givenName: string;
  @CaseField(() => String) familyName: string;
  @CaseField(() => GraphQLLocalDate) dateOfBirth: string | null;
  @CaseField(() => String, 'Ten digits; many residents do not know theirs.') nhsNumber: string | null;

  @CaseField(() => String) addressLine1: string | null;
  @CaseField(() => String) addressLine2: string | null;
  @CaseField(() => String) town: string | null;
  @CaseField(() => String) postcode: string | null;
  @CaseField(() => String, 'E.164, e.g. +447700900123.') phone: string | null;
  @CaseField(() => String) email: string | null;
  @CaseField(() => ContactPreferences) contactPreferences: ContactPreferences;

  @CaseField(() => Borough) boroughOfResidence: Borough | null;
  @CaseField(() => String, 'The GP practice the resident is registered with.') gpPractice: string | null;
  @CaseField(() => Household) household: Household;
  @CaseField(() => String) gender: string | null;
  @CaseField(() => YesNoUnknown) accessToPublicFunds: YesNoUnknown | null;
  @CaseField(() => Landlord) landlord: Landlord;
  @CaseField(() => Disability) disability: Disability | null;
  @CaseField(() => String) ethnicity: string | null;

  @CaseField(() => [NeedCategory]) needs: NeedCategory[];
  @CaseField(() => String, 'Needs in the resident\'s words.') needsDetail: string | null;
  @CaseField(() => String) healthSummary: string | null;
  @CaseField(() => String) notes: string | null;

  /** Not in the schema: how the caller may see this case, for the field middleware. */
  access: CaseAccess;
}
