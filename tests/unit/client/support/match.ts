import { MatchConfigFile, type MatchInfo, MatchTimeline } from '../../../../shared/match.ts';
import config from '../../../../server/venue/match/demo/match.json' with { type: 'json' };
import timelineFile from '../../../../server/venue/match/demo/timeline.json' with { type: 'json' };

/** The demo venue's match, validated, as `GET /api/match` serves it. */
export const timeline = MatchTimeline.parse(timelineFile);
const parsed = MatchConfigFile.parse(config);
export const matchInfo: MatchInfo = { loop: parsed.loop, sources: parsed.sources, captions: parsed.captions, timeline };

export function source(id: string) {
  const s = matchInfo.sources.find((x) => x.id === id);
  if (!s) throw new Error(`demo match has no angle ${id}`);
  return s;
}
