/** Shapes of the system routes (health, the OpenAPI document), read by the server, the tests and monitoring. */
import { z } from 'zod';
import type { AppDeps } from './types';

export const HealthAnswer = z.object({
  status: z.literal('ok'),
  db: z.enum(['embedded', 'postgres']) satisfies z.ZodType<AppDeps['dbKind']>,
  version: z.string(),
});
export type HealthAnswer = z.infer<typeof HealthAnswer>;

/** The OpenAPI 3.1 document: its parts typed loosely (each operation's schema is the route's own). */
export const OpenApiAnswer = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});
export type OpenApiAnswer = z.infer<typeof OpenApiAnswer>;
