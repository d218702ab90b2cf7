import { z } from 'zod';

/** One ICE server as `RTCPeerConnection` takes it (STUN or TURN). */
export const IceServer = z.strictObject({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** `GET /api/voice`: the ICE servers voice peers use ([] means host candidates only, fine on a LAN). */
export const VoiceConfigResponse = z.object({ iceServers: z.array(IceServer) });
export type VoiceConfigResponse = z.infer<typeof VoiceConfigResponse>;
