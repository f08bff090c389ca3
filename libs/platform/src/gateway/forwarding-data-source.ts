import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '../logging/logging.module';

export interface GatewayContext {
  authorization?: string;
  requestId?: string;
}

/**
 * Passes the caller's own token to each subgraph, which verifies it again: the gateway is never
 * a trusted middleman. The request id goes along so logs join up across apps.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
