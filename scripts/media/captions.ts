import type { MatchTimeline } from '../../shared/match.ts';

/** `HH:MM:SS.mmm`, as WebVTT writes cue times. */
export function vttTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** The commentary track in one language: one cue per timeline commentary line. */
export function commentaryVtt(timeline: MatchTimeline, lang: 'en' | 'zh-CN'): string {
  const cues = timeline.commentary.map((line, i) => {
    const text = line.text[lang];
    return `${i + 1}\n${vttTime(line.atMs)} --> ${vttTime(line.atMs + line.durationMs)}\n${text}\n`;
  });
  return `WEBVTT\n\n${cues.join('\n')}`;
}
