import { BoxGeometry, CanvasTexture, Group, Mesh, MeshBasicMaterial, SRGBColorSpace } from 'three';
import { ARENA } from '../../../shared/arena.ts';
import type { MatchTimeline, Scoreboard } from '../../../shared/match.ts';

/** The center-hung scoreboard: team codes, score, period and game clock on all four sides. */
export function buildScoreboard(timeline: MatchTimeline): { group: Group; show(board: Scoreboard): void } {
  const canvas = document.createElement('canvas');
  canvas.width = 512;
  canvas.height = 256;
  const g = canvas.getContext('2d')!;
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const { width, height, y } = ARENA.jumbotron;
  const screen = new MeshBasicMaterial({ map: texture });
  const dark = new MeshBasicMaterial({ color: '#111318' });
  // BoxGeometry's material order is +x, -x, +y, -y, +z, -z: screens on the four sides.
  const box = new Mesh(new BoxGeometry(width, height, width), [screen, screen, dark, dark, screen, screen]);
  const group = new Group();
  box.position.y = y + height / 2;
  group.add(box);
  let shown = '';
  const { home, away } = timeline.teams;
  return {
    group,
    show(board) {
      const secs = Math.ceil(board.gameClockMs / 100) / 10;
      const clock = secs >= 60 ? `${Math.floor(secs / 60)}:${String(Math.floor(secs % 60)).padStart(2, '0')}` : secs.toFixed(1);
      const key = `${board.home}-${board.away}-${board.period}-${clock}`;
      if (key === shown) return;
      shown = key;
      g.fillStyle = '#0b0f18';
      g.fillRect(0, 0, 512, 256);
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.font = 'bold 56px sans-serif';
      g.fillStyle = home.color;
      g.fillText(home.code, 110, 60);
      g.fillStyle = '#5b8bff';
      g.fillText(away.code, 402, 60);
      g.fillStyle = '#ffffff';
      g.font = 'bold 96px sans-serif';
      g.fillText(String(board.home), 110, 150);
      g.fillText(String(board.away), 402, 150);
      g.font = 'bold 44px sans-serif';
      g.fillStyle = '#ffcc33';
      g.fillText(`Q${board.period}`, 256, 70);
      g.fillText(clock, 256, 150);
      texture.needsUpdate = true;
    },
  };
}
