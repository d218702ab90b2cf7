import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { CanvasTexture, type ShaderMaterial, SRGBColorSpace } from 'three';
import { continuousScoreboard, matchGameMs } from '../../../shared/matchGame.ts';
import { useServices } from '../../state/context.tsx';
import type { MatchPlayer } from '../../media/matchPlayer.ts';
import { drawScoreboard, SCOREBOARD_PX, scoreboardKey } from './scoreboardCanvas.ts';
import { showSource } from './screenMaterial.ts';
import { FRAME } from '../../frame.ts';

/** Basketball's four quarters; a period after them is overtime (OT1, OT2…). */
const REGULATION_PERIODS = 4;

/**
 * Keeps a screen material on the director's angle: swaps the texture only when the angle (or its
 * readiness) changes. Runs in useFrame; React does not re-render for it.
 */
export function useScreenFeed(
  player: MatchPlayer | null,
  materials: readonly ShaderMaterial[],
  pick: 'screen' | 'view' = 'screen',
) {
  const shown = useRef('');
  useFrame(() => {
    const needs = player?.needs();
    const angle = needs ? (pick === 'view' ? needs.view : needs.screen) : null;
    const entry = angle ? player?.angle(angle) : undefined;
    const ready = !!entry && entry.video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA;
    const key = `${angle}:${ready}`;
    if (key === shown.current) return;
    shown.current = key;
    for (const m of materials) showSource(m, entry?.source, ready ? entry.texture : undefined, m.userData.eye ?? 'left');
  }, FRAME.effects);
}

/**
 * The scoreboard strip's texture: teams, score, period and game clock from the timeline at the
 * clock's position. Redrawn only when what it shows changes (about once a second, tenths in the last minute).
 */
export function useScoreboardTexture(): CanvasTexture {
  const { store, serverClock } = useServices();
  const { t } = useTranslation();
  const texture = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = SCOREBOARD_PX.w;
    canvas.height = SCOREBOARD_PX.h;
    const tex = new CanvasTexture(canvas);
    tex.colorSpace = SRGBColorSpace;
    return tex;
  }, []);
  const drawn = useRef('');
  useFrame(() => {
    const { match, matchClock } = store.getState();
    if (!match) return;
    // NOTE: the game time, not the looping media position: the score carries on from one pass of the demo to the next.
    const gameMs = matchClock ? matchGameMs(matchClock, serverClock.now()) : 0;
    const board = continuousScoreboard(match.timeline, gameMs, match.loop);
    const text = {
      home: match.timeline.teams.home,
      away: match.timeline.teams.away,
      board,
      periodLabel:
        board.period > REGULATION_PERIODS
          ? t('match.overtime', { count: board.period - REGULATION_PERIODS })
          : t('match.period', { period: board.period }),
    };
    const key = scoreboardKey(text);
    if (key === drawn.current) return;
    drawn.current = key;
    drawScoreboard((texture.image as HTMLCanvasElement).getContext('2d')!, text);
    texture.needsUpdate = true;
  }, FRAME.effects);
  return texture;
}
