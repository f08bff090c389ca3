import 'reflect-metadata';
import { createHubApp, loadEnvironment, subgraphUrlsFrom } from '@hub/platform';
import { GatewayAppModule } from './gateway-app.module';

async function main(): Promise<void> {
  const environment = loadEnvironment();
  const app = await createHubApp(GatewayAppModule.forRoot(environment, subgraphUrlsFrom(environment)));
  app.enableShutdownHooks();
  await app.listen(environment.PORT);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
