import { LinearFilter, SRGBColorSpace, VideoTexture } from 'three';
import type HlsType from 'hls.js';
import { matchPosition, type MatchInfo, type MatchSource } from '../../shared/match.ts';
import type { ServerClock } from '../net/serverClock.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { type AngleNeeds, angleNeeds } from './angles.ts';
import { syncAction, syncError } from './syncLogic.ts';

/** How often videos are checked against the clock. Rate nudges need no more; React never sees it. */
const SYNC_INTERVAL_MS = 250;
/** An angle nobody has needed for this long is unloaded (its decoder and buffers freed). */
const RELEASE_AFTER_MS = 6000;

/** One angle's media: its video element (never in the DOM), the texture drawn from it, and its HLS player. */
export interface AngleVideo {
  source: MatchSource;
  video: HTMLVideoElement;
  /** three's VideoTexture uploads a frame only when the video presents a new one (requestVideoFrameCallback). */
  texture: VideoTexture;
  hls: HlsType | null;
  /** Last time (local ms) this angle was needed. */
  neededAt: number;
}

/** What an e2e test or a benchmark can read about one playing angle. */
export interface AngleReport {
  angle: string;
  currentTime: number;
  paused: boolean;
  playbackRate: number;
  readyState: number;
  /** Where the clock says the video should be, seconds, at the same instant. */
  target: number;
  /** target − currentTime, seconds (the shorter way round a loop). */
  error: number;
  /** Whether hls.js (not the browser) plays it. */
  viaHlsJs: boolean;
}

export interface MatchPlayer {
  /** The video of an angle if it is loaded (the screens and the 360° view draw its texture). */
  angle(id: string): AngleVideo | undefined;
  /** Which angles are needed now (recomputed every sync). */
  needs(): AngleNeeds | null;
  /** The audible angle's audio as a Web Audio node in `context` (made once per video), or null. */
  audioNode(context: AudioContext): MediaElementAudioSourceNode | null;
  /** Called when the audible angle changes (the sound follows it). */
  onAudibleChange(listener: () => void): () => void;
  report(): AngleReport[];
  /** Syncs now (after a host change, without waiting for the next tick). */
  syncNow(): void;
  dispose(): void;
}

const hlsSupport = () => import('hls.js').then((m) => m.default);

/** Whether this browser needs hls.js for an HLS source (it has MSE) or must fall back to its own HLS. */
function preferHlsJs(Hls: typeof HlsType): boolean {
  return Hls.isSupported();
}

/**
 * Plays the match: one hidden video element per needed camera angle, kept on the server's clock.
 * The director's angle always plays (for the screens); the 360° view adds the visitor's angle; the
 * director's next angle starts a moment before its cut. Positions come from the room's match clock and
 * the server clock estimate; small drift is bled off by the playback rate, large drift by a seek.
 */
export function createMatchPlayer(store: AppStore, clock: ServerClock): MatchPlayer {
  const videos = new Map<string, AngleVideo>();
  const sources = new Map<HTMLVideoElement, MediaElementAudioSourceNode>();
  const audibleListeners = new Set<() => void>();
  let needs: AngleNeeds | null = null;
  let seekLead = 0.15;
  let disposed = false;

  const load = (source: MatchSource, info: MatchInfo): AngleVideo => {
    const video = document.createElement('video');
    video.crossOrigin = 'anonymous';
    video.playsInline = true;
    video.preload = 'auto';
    video.muted = true;
    video.loop = info.loop;
    video.dataset.angle = source.id;
    for (const track of info.captions) {
      const el = document.createElement('track');
      el.kind = 'captions';
      el.srclang = track.lang;
      el.src = track.src;
      el.label = track.lang;
      video.appendChild(el);
    }
    const texture = new VideoTexture(video);
    texture.colorSpace = SRGBColorSpace;
    texture.minFilter = LinearFilter;
    texture.magFilter = LinearFilter;
    texture.generateMipmaps = false;
    const entry: AngleVideo = { source, video, texture, hls: null, neededAt: clock.localNow() };
    video.addEventListener('seeking', () => {
      video.dataset.seekStart = String(performance.now());
    });
    video.addEventListener('seeked', () => {
      const started = Number(video.dataset.seekStart);
      // A running average of how long seeks take, so the next one aims that far ahead.
      if (started) seekLead = Math.min(1, 0.7 * seekLead + 0.3 * ((performance.now() - started) / 1000));
    });
    if (source.type === 'hls') {
      void hlsSupport().then((Hls) => {
        if (disposed || videos.get(source.id) !== entry) return;
        if (preferHlsJs(Hls)) {
          const hls = new Hls({ maxBufferLength: 10, backBufferLength: 10 });
          hls.loadSource(source.src);
          hls.attachMedia(video);
          entry.hls = hls;
        } else video.src = source.src;
      });
    } else video.src = source.src;
    return entry;
  };

  const release = (id: string) => {
    const entry = videos.get(id);
    if (!entry) return;
    videos.delete(id);
    entry.video.pause();
    entry.hls?.destroy();
    entry.video.removeAttribute('src');
    entry.video.load();
    entry.texture.dispose();
    const node = sources.get(entry.video);
    node?.disconnect();
    sources.delete(entry.video);
  };

  let lastAudible: string | null = null;
  let captionTrack: TextTrack | null = null;
  const onCue = () => {
    const cues = captionTrack?.activeCues;
    const text = cues && cues.length > 0 ? Array.from(cues, (c) => (c as VTTCue).text).join('\n') : '';
    store.getState().setCaption(text);
  };
  const followCaptions = (entry: AngleVideo | undefined) => {
    const lang = store.getState().profile.locale;
    const tracks = entry ? Array.from(entry.video.textTracks) : [];
    const next = tracks.find((t) => t.language === lang) ?? tracks[0] ?? null;
    if (next === captionTrack) return;
    captionTrack?.removeEventListener('cuechange', onCue);
    if (captionTrack) captionTrack.mode = 'disabled';
    captionTrack = next;
    if (next) {
      next.mode = 'hidden';
      next.addEventListener('cuechange', onCue);
    }
    onCue();
  };

  const sync = () => {
    const s = store.getState();
    const info = s.match;
    const mc = s.matchClock;
    if (disposed || !info || !mc) return;
    const durationS = info.timeline.durationMs / 1000;
    const positionMs = matchPosition(mc, clock.now(), info.timeline.durationMs, info.loop);
    needs = angleNeeds(info.timeline, positionMs, mc.directorAngle, s.view360, s.personalAngle);
    const now = clock.localNow();
    for (const id of [needs.screen, needs.view, needs.warm]) {
      if (!id) continue;
      const source = info.sources.find((x) => x.id === id);
      if (!source) continue;
      const entry = videos.get(id) ?? load(source, info);
      videos.set(id, entry);
      entry.neededAt = now;
    }
    for (const [id, entry] of videos) {
      const needed = id === needs.screen || id === needs.view || id === needs.warm;
      if (!needed) {
        if (!entry.video.paused) entry.video.pause();
        if (now - entry.neededAt > RELEASE_AFTER_MS) release(id);
        continue;
      }
      const video = entry.video;
      if (video.readyState < HTMLMediaElement.HAVE_METADATA) continue;
      const target = matchPosition(mc, clock.now(), info.timeline.durationMs, info.loop) / 1000;
      const action = syncAction({
        videoTime: video.currentTime,
        videoPaused: video.paused,
        videoRate: video.playbackRate,
        target,
        durationS,
        playing: mc.playing,
        clockRate: mc.rate,
        loop: info.loop,
        seekLead,
      });
      switch (action.kind) {
        case 'pause':
          video.pause();
          if (action.seekTo !== null) video.currentTime = action.seekTo;
          break;
        case 'play':
          video.currentTime = action.seekTo;
          video.playbackRate = action.rate;
          void video.play().catch(() => {
            // NOTE: without a user gesture a browser only autoplays muted video; the sound waits for one.
            video.muted = true;
            void video.play().catch(() => undefined);
          });
          break;
        case 'seek':
          video.currentTime = action.seekTo;
          video.playbackRate = action.rate;
          break;
        case 'rate':
          video.playbackRate = action.rate;
          break;
      }
    }
    // Sound and captions follow the audible angle; every other video stays muted.
    for (const [id, entry] of videos) entry.video.muted = id !== needs.audible;
    followCaptions(videos.get(needs.audible));
    if (needs.audible !== lastAudible) {
      lastAudible = needs.audible;
      for (const listener of audibleListeners) listener();
    }
  };

  const timer = setInterval(sync, SYNC_INTERVAL_MS);
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.matchClock?.revision !== prev.matchClock?.revision ||
      s.view360 !== prev.view360 ||
      s.personalAngle !== prev.personalAngle
    )
      sync();
    if (s.profile.locale !== prev.profile.locale) {
      captionTrack = null;
      if (needs) followCaptions(videos.get(needs.audible));
    }
  });
  sync();

  return {
    angle: (id) => videos.get(id),
    needs: () => needs,
    audioNode(context) {
      const entry = needs ? videos.get(needs.audible) : undefined;
      if (!entry) return null;
      let node = sources.get(entry.video);
      if (!node) {
        node = context.createMediaElementSource(entry.video);
        sources.set(entry.video, node);
      }
      return node;
    },
    onAudibleChange(listener) {
      audibleListeners.add(listener);
      return () => audibleListeners.delete(listener);
    },
    report() {
      const s = store.getState();
      if (!s.match || !s.matchClock) return [];
      const target = matchPosition(s.matchClock, clock.now(), s.match.timeline.durationMs, s.match.loop) / 1000;
      const durationS = s.match.timeline.durationMs / 1000;
      const loop = s.match.loop;
      return [...videos.entries()].map(([angle, { video, hls }]) => {
        const error = syncError(video.currentTime, target, durationS, loop);
        return {
          angle,
          currentTime: video.currentTime,
          paused: video.paused,
          playbackRate: video.playbackRate,
          readyState: video.readyState,
          target,
          error,
          viaHlsJs: hls !== null,
        };
      });
    },
    syncNow: sync,
    dispose() {
      disposed = true;
      clearInterval(timer);
      unsubscribe();
      captionTrack?.removeEventListener('cuechange', onCue);
      for (const id of [...videos.keys()]) release(id);
      audibleListeners.clear();
    },
  };
}
