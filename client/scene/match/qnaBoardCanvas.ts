import type { ScreenContent } from '../../ui/qna/qnaLogic.ts';

/** The Q&A banner's canvas: a lower third across each video face of the center-hung screen. */
export const QNA_BOARD_PX = { w: 1024, h: 256 } as const;

/** The banner's words in the visitor's language (from i18n). */
export interface QnaBoardLabels {
  /** "Question from Ada" / "Ada 的提问". */
  questionFrom: (name: string) => string;
  poll: string;
  final: string;
  votes: (count: number) => string;
}

/** The lines the banner shows for this content (what it draws, and what a test can read back). */
export function qnaBoardLines(content: ScreenContent, labels: QnaBoardLabels): string[] {
  if (!content) return [];
  if (content.kind === 'question') return [labels.questionFrom(content.question.askerName), content.question.text];
  const { poll } = content;
  return [
    `${poll.open ? labels.poll : labels.final}: ${poll.question}`,
    ...poll.options.map((o) => `${o.label} · ${labels.votes(o.count)}`),
  ];
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (as `measure` says), at spaces where there are
 * any and between characters where there are none (Chinese); at most `maxLines`, the last ending in "…".
 */
export function wrapLines(text: string, maxWidth: number, maxLines: number, measure: (s: string) => number): string[] {
  const units = /\s/.test(text) ? text.split(/(\s+)/) : [...text];
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const next = line + unit;
    if (measure(next.trimEnd()) <= maxWidth || line === '') {
      line = next;
      continue;
    }
    lines.push(line.trim());
    line = unit.trimStart();
  }
  if (line.trim() !== '') lines.push(line.trim());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] ?? ''}…`;
  while (measure(last) > maxWidth && last.length > 1) last = `${[...last].slice(0, -2).join('')}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** Draws the banner: the picked question with its asker, or the poll with a live bar per option. */
export function drawQnaBoard(g: CanvasRenderingContext2D, content: ScreenContent, labels: QnaBoardLabels): void {
  const { w, h } = QNA_BOARD_PX;
  g.clearRect(0, 0, w, h);
  if (!content) return;
  g.fillStyle = 'rgba(5, 7, 13, 0.88)';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#ffb400';
  g.fillRect(0, 0, 12, h);
  g.textBaseline = 'top';
  g.textAlign = 'left';
  const [title = '', ...rest] = qnaBoardLines(content, labels);
  g.fillStyle = '#ffb400';
  g.font = 'bold 34px sans-serif';
  g.fillText(title, 32, 18, w - 56);
  if (content.kind === 'question') {
    g.fillStyle = '#ffffff';
    g.font = 'bold 46px sans-serif';
    const lines = wrapLines(rest[0] ?? '', w - 64, 3, (s) => g.measureText(s).width);
    lines.forEach((line, i) => {
      g.fillText(line, 32, 70 + i * 58);
    });
    return;
  }
  const rows = content.poll.options;
  const rowH = (h - 70) / Math.max(rows.length, 1);
  rows.forEach((o, i) => {
    const y = 66 + i * rowH;
    g.fillStyle = '#1d2433';
    g.fillRect(32, y + 4, w - 64, rowH - 10);
    g.fillStyle = o.chosen ? '#ff4b3a' : '#2d6cdf';
    g.fillRect(32, y + 4, (w - 64) * o.share, rowH - 10);
    g.fillStyle = '#ffffff';
    g.font = `bold ${Math.floor(rowH * 0.5)}px sans-serif`;
    g.textBaseline = 'middle';
    g.fillText(rest[i] ?? '', 44, y + rowH / 2, w - 88);
  });
}
