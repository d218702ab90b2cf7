/**
 * Every Redis key Courtside itself writes (Colyseus's presence and driver keep their own). One table,
 * so an operator looking at Redis can tell what each is.
 */
export const KEY = {
  /** Hash: process id → the URL the proxy reaches that process at (`INTERNAL_URL`). */
  processes: 'courtside:processes',
  /** A process is alive while this key exists; it expires `ALIVE_TTL_MS` after its last refresh. */
  alive: (processId: string) => `courtside:alive:${processId}`,
  /** The process id owning the venue's singletons (match clock, group buys, launch events, drops). */
  venueOwner: 'courtside:venue:owner',
  /** The last value published on a venue channel, for a process that starts or takes over after it. */
  lastOn: (channel: string) => `courtside:last:${channel}`,
} as const;

/** How long a process counts as alive after its last refresh; it refreshes three times as often. */
export const ALIVE_TTL_MS = 3_000;
