import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { HubEnvironment } from '../config/hub-environment';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id from the caller (or the gateway) is kept, so one request reads as one line of work. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Structured JSON logs, one logger per app; tokens never reach a log line. */
export function loggingModule(environment: HubEnvironment, app: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: environment.LOG_LEVEL,
      name: app,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      customProps: () => ({ app }),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
  });
}
