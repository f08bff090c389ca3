import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { HubError } from './hub-error';

/**
 * A HubError is an answer, not a fault: hand it to GraphQL as it is, without the error-level log
 * line Nest writes for unexpected exceptions. Anything else still reaches Nest's handler and the log.
 */
@Catch(HubError)
export class HubErrorFilter implements GqlExceptionFilter {
  catch(error: HubError): HubError {
    return error;
  }
}
