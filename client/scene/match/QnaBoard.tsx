import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type BufferGeometry, CanvasTexture, type Mesh, PlaneGeometry, SRGBColorSpace } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { useExpose } from '../../debug/inspect.ts';
import { useServices } from '../../state/context.tsx';
import { screenContent, shownQna } from '../../ui/qna/qnaLogic.ts';
import { drawQnaBoard, QNA_BOARD_PX, type QnaBoardLabels, qnaBoardLines } from './qnaBoardCanvas.ts';

declare module '../../debug/inspect.ts' {
  interface Inspectable {
    /** The Q&A banner on the center-hung screen: the lines it shows now (empty when hidden). */
    qnaBoard: { lines: () => readonly string[] };
  }
}

/** The banner as fractions of a face: the lower part of the video picture. */
const BANNER = { w: 0.94, h: 0.41, y: 0.485 } as const;

function bannerGeometry(width: number, height: number): BufferGeometry {
  const planes = [0, 1, 2, 3].map((k) => {
    const a = (k * Math.PI) / 2;
    // NOTE: 2 cm in front of the video faces, so the banner never fights them for depth.
    const r = width / 2 + 0.03;
    return new PlaneGeometry(width * BANNER.w, height * BANNER.h)
      .rotateY(a)
      .translate(Math.sin(a) * r, height * BANNER.y, Math.cos(a) * r);
  });
  const merged = mergeGeometries(planes, false);
  for (const p of planes) p.dispose();
  if (!merged) throw new Error('QnaBoard: cannot merge faces');
  return merged;
}

/**
 * The Q&A on the center-hung screen: the question the host picked, with the asker's name, or the
 * poll's live results, as a banner over the lower part of each video face. The canvas is drawn again
 * only when what it shows changes (a store subscription, not a per-frame check); hidden when empty.
 */
export function QnaBoard({ width, height }: { width: number; height: number }) {
  const { t, i18n } = useTranslation();
  const { store } = useServices();
  const mesh = useRef<Mesh>(null);
  const shown = useRef<readonly string[]>([]);
  const geometry = useMemo(() => bannerGeometry(width, height), [width, height]);
  const texture = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = QNA_BOARD_PX.w;
    canvas.height = QNA_BOARD_PX.h;
    const tex = new CanvasTexture(canvas);
    tex.colorSpace = SRGBColorSpace;
    return tex;
  }, []);
  useEffect(
    () => () => {
      geometry.dispose();
      texture.dispose();
    },
    [geometry, texture],
  );
  useExpose(
    'qnaBoard',
    useMemo(() => ({ lines: () => shown.current }), []),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is a trigger: the banner's words change with it.
  useEffect(() => {
    const labels: QnaBoardLabels = {
      questionFrom: (name) => t('qna.screenFrom', { name }),
      poll: t('qna.screenPoll'),
      final: t('qna.screenFinal'),
      votes: (count) => t('qna.votes', { count }),
    };
    let drawnKey = '';
    const redraw = () => {
      const s = store.getState();
      const content = screenContent(shownQna(s.qna, s.venueEvent?.id));
      const lines = qnaBoardLines(content, labels);
      const key = JSON.stringify([lines, content?.kind === 'poll' ? content.poll.options.map((o) => o.share) : null]);
      if (key === drawnKey) return;
      drawnKey = key;
      shown.current = lines;
      drawQnaBoard((texture.image as HTMLCanvasElement).getContext('2d')!, content, labels);
      texture.needsUpdate = true;
      if (mesh.current) mesh.current.visible = content !== null;
    };
    redraw();
    return store.subscribe(redraw);
  }, [store, texture, t, i18n.language]);

  return (
    <mesh ref={mesh} geometry={geometry} name="jumbotron-qna" visible={false}>
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  );
}
