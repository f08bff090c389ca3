import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from './principal';

/** The verified caller. Every GraphQL request has one: the context refuses a request without it. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    GqlExecutionContext.create(context).getContext<{ principal: Principal }>().principal,
);
