import { z } from 'zod';

/** `GET /health/live`: the process runs and answers (a supervisor restarts it when this stops). */
export const LiveResponse = z.object({ live: z.literal(true), process: z.string() });
export type LiveResponse = z.infer<typeof LiveResponse>;

/** What readiness checks, each true when fine (`draining` is true when the process is draining, i.e. not fine). */
export const ReadyChecks = z.object({
  database: z.boolean(),
  venue: z.boolean(),
  draining: z.boolean(),
});
export type ReadyChecks = z.infer<typeof ReadyChecks>;

/**
 * `GET /health/ready`: whether a proxy may send this process new visitors — 200 when the database takes
 * a query, the venue runs and the process is not draining; 503 with the same body otherwise.
 */
export const ReadyResponse = z.object({ ready: z.boolean(), process: z.string(), checks: ReadyChecks });
export type ReadyResponse = z.infer<typeof ReadyResponse>;

/** Whether the checks add up to ready. */
export function isReady(checks: ReadyChecks): boolean {
  return checks.database && checks.venue && !checks.draining;
}
