import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { DirectoryModule } from '../directory.module';

/** The exchange's Referral, seen from the directory: its key and the service it was sent to. */
@ObjectType('Referral', { registerIn: () => DirectoryModule })
@Directive('@key(fields: "id")')
export class ReferralReference {
  @Field(() => ID)
  id: string;

  /** Owned by the exchange; the gateway fetches it there (with the exchange's policy) before asking here. */
  @Field(() => ID, { nullable: true })
  @Directive('@external')
  serviceId: string | null;
}
