/** What `CHANNEL.visitorJoined` carries: who joined, as which session, when (server ms). */
export interface VisitorJoined {
  visitorId: string;
  sessionId: string;
  at: number;
}

/**
 * Whether `mine` joined before `newer` and so gives way to it. Two joins of one visitor in the same
 * millisecond are ordered by session id, so every shard agrees on one winner whichever it hears first.
 */
export function isOlderJoin(mine: VisitorJoined, newer: VisitorJoined): boolean {
  if (mine.sessionId === newer.sessionId) return false;
  return mine.at < newer.at || (mine.at === newer.at && mine.sessionId < newer.sessionId);
}
