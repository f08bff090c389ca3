import { Module } from '@nestjs/common';

/**
 * The scope every exchange GraphQL type registers in (`registerIn`). It has no imports, so models
 * can name it without a cycle; ExchangeModule imports it and the subgraph `include`s both.
 */
@Module({})
export class ExchangeGraphQLScope {}
