/** What getStats says of the stage connections on a page (tests and the bench read it). */
export interface StageStats {
  /** inbound-rtp audio of the stage stream (a listener's one connection). */
  packetsReceived: number | null;
  /** The jitter buffer delay per emitted sample (s), and the RTT of the first connection (s). */
  jitterBufferDelayS: number | null;
  roundTripTimeS: number | null;
  /** outbound-rtp audio bytes, summed over every connection (the direct stage's host: one per listener). */
  bytesSent: number | null;
}

type Stat = {
  type: string;
  kind?: string;
  packetsReceived?: number;
  jitterBufferDelay?: number;
  jitterBufferEmittedCount?: number;
  currentRoundTripTime?: number;
  nominated?: boolean;
  bytesSent?: number;
};

/** Reads the stage's stats from its connections (none: every figure null). */
export async function readStageStats(connections: readonly RTCPeerConnection[]): Promise<StageStats> {
  let inbound: Stat | undefined;
  let pair: Stat | undefined;
  let bytesSent: number | null = null;
  for (const [i, pc] of connections.entries()) {
    (await pc.getStats()).forEach((r: Stat) => {
      if (i === 0 && r.type === 'inbound-rtp' && r.kind === 'audio') inbound = r;
      if (i === 0 && r.type === 'candidate-pair' && r.nominated) pair = r;
      if (r.type === 'outbound-rtp' && r.kind === 'audio') bytesSent = (bytesSent ?? 0) + (r.bytesSent ?? 0);
    });
  }
  const emitted = inbound?.jitterBufferEmittedCount ?? 0;
  return {
    packetsReceived: inbound?.packetsReceived ?? null,
    jitterBufferDelayS: emitted > 0 ? (inbound?.jitterBufferDelay ?? 0) / emitted : null,
    roundTripTimeS: pair?.currentRoundTripTime ?? null,
    bytesSent,
  };
}
