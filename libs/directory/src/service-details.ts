import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, Matches } from 'class-validator';
import { Borough } from '@hub/vocabulary';
import { IsFreeText, IsUkPostcode } from '@hub/validation';
import { DirectoryModule } from './directory.module';

/** How a resident or a referrer reaches a service. */
export enum ContactPointKind {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEBSITE = 'WEBSITE',
  TEXT = 'TEXT',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(ContactPointKind, { name: 'ContactPointKind' });

export enum Weekday {
  MO = 'MO',
  TU = 'TU',
  WE = 'WE',
  TH = 'TH',
  FR = 'FR',
  SA = 'SA',
  SU = 'SU',
}
registerEnumType(Weekday, { name: 'Weekday', description: 'iCalendar BYDAY codes, as Open Referral schedules use them.' });

// Each type doubles as its input: the stored JSON, the GraphQL object and the validated input agree by construction.
@ObjectType('ContactPoint', { registerIn: () => DirectoryModule })
@InputType('ContactPointInput')
export class ContactPoint {
  @Field(() => ContactPointKind) @IsEnum(ContactPointKind) kind: ContactPointKind;
  @Field({ description: 'A phone number, address, URL or place.' }) @IsFreeText(300) value: string;
}

@ObjectType('OpeningTime', { registerIn: () => DirectoryModule })
@InputType('OpeningTimeInput')
export class OpeningTime {
  @Field(() => [Weekday]) @ArrayMaxSize(7) @IsEnum(Weekday, { each: true }) days: Weekday[];
  @Field({ description: 'HH:MM, London time.' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) opensAt: string;
  @Field({ description: 'HH:MM, London time.' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) closesAt: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsFreeText(300) note?: string | null;
}

@InputType('ServiceLocationInput')
export class ServiceLocationInput {
  @Field() @IsFreeText(200) name: string;
  @Field() @IsFreeText(200) addressLine1: string;
  @Field() @IsFreeText(100) town: string;
  @Field() @IsUkPostcode() postcode: string;
}

// Not `extends ServiceLocationInput`: Nest does not carry an input type's fields into an object type.
@ObjectType('ServiceLocation', { registerIn: () => DirectoryModule })
export class ServiceLocation {
  @Field() name: string;
  @Field() addressLine1: string;
  @Field() town: string;
  @Field() postcode: string;
  /** From the postcode, by the directory's own lookup; null outside the area it knows. */
  @Field(() => Borough, { nullable: true }) borough: Borough | null;
}
