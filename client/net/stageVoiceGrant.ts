import { API } from '../../shared/api.ts';
import { StageVoiceGrant } from '../../shared/stageVoice.ts';
import { requestJson } from './http.ts';

/** Asks the server for this visitor's part in an event's stage voice (host: publish; others: listen). */
export function fetchStageVoiceGrant(eventId: string, token: string | null): Promise<StageVoiceGrant> {
  return requestJson(`${API.events}/${encodeURIComponent(eventId)}/stage-voice`, StageVoiceGrant, { token });
}
