import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse } from 'graphql';
import { EmbeddedDatabase, type HubEnvironment } from '@hub/platform';
import { SUBGRAPHS } from './subgraphs';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Default subgraph URLs written into the supergraph; the gateway overrides them by name at run time. */
const DEFAULT_URLS: Record<string, string> = {
  exchange: 'http://localhost:4001/graphql',
  directory: 'http://localhost:4002/graphql',
  insights: 'http://localhost:4003/graphql',
};

/** Builds each subgraph's code-first schema (on a throwaway embedded database) and prints its SDL. */
export async function printSubgraphSdls(environment: HubEnvironment): Promise<SubgraphSdl[]> {
  const database = await EmbeddedDatabase.open('memory://');
  // Only the schema is wanted: no bus connections, no relay, whatever the shell's settings say.
  const quiet = Object.assign(Object.create(Object.getPrototypeOf(environment)) as HubEnvironment, environment, {
    EVENT_BUS: 'memory',
    OUTBOX_RELAY: 'off',
  });
  const sdls: SubgraphSdl[] = [];
  try {
    for (const [name, { root }] of Object.entries(SUBGRAPHS)) {
      const app = await NestFactory.create(root({ environment: quiet, database }), { logger: ['error'], abortOnError: false });
      await app.init();
      const { schema } = app.get(GraphQLSchemaHost);
      sdls.push({ name, url: DEFAULT_URLS[name] ?? `http://localhost/${name}/graphql`, sdl: printSubgraphSchema(schema) });
      await app.close();
    }
  } finally {
    await database.close();
  }
  return sdls;
}

/** Composes the supergraph with Apollo's composition library; throws with every composition error. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`Supergraph does not compose:\n${(result.errors ?? []).map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
