import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { HubErrorFilter } from '../errors/hub-error.filter';
import { hubValidationPipe } from '../graphql/validation-pipe';

/** Builds an app from its root module with JSON logging; `listen` is the caller's choice. */
export async function createHubApp(root: DynamicModule): Promise<INestApplication> {
  const app = await NestFactory.create(root, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(hubValidationPipe());
  app.useGlobalFilters(new HubErrorFilter());
  return app;
}

/** The address an app listens on, as a GraphQL URL. */
export function graphqlUrlOf(app: INestApplication): string {
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}/graphql`;
}
