import { API } from '../../shared/api.ts';
import { EventRecap } from '../../shared/recap.ts';
import { requestJson } from './http.ts';

/** An event's recap (`GET /api/events/:id/recap`): public, no token. */
export function loadRecap(eventId: string): Promise<EventRecap> {
  return requestJson(`${API.events}/${encodeURIComponent(eventId)}/recap`, EventRecap);
}
