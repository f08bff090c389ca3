import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { DirectoryModule } from './directory.module';

/** The exchange's Organisation, seen from the directory: only its key, plus the services added here. */
@ObjectType('Organisation', { registerIn: () => DirectoryModule })
@Directive('@key(fields: "id")')
export class OrganisationReference {
  @Field(() => ID)
  id: string;
}
