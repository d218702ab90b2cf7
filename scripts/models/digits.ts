/** One bar of a block digit, centred at (x, y) relative to the digit's centre. */
export type Segment = { x: number; y: number; w: number; h: number };

// NOTE: seven-segment layout (a top, b top-right, c bottom-right, d bottom, e bottom-left,
// f top-left, g middle) reads as a printed jersey number at shelf distance.
const LIT: Readonly<Record<string, string>> = {
  '0': 'abcdef',
  '1': 'bc',
  '2': 'abged',
  '3': 'abgcd',
  '4': 'fgbc',
  '5': 'afgcd',
  '6': 'afgedc',
  '7': 'abc',
  '8': 'abcdefg',
  '9': 'abcdfg',
};

/** The bars of a block digit `width` × `height`; unknown characters draw nothing. */
export function digitSegments(char: string, width: number, height: number): Segment[] {
  const t = width * 0.24;
  const hw = width / 2,
    hh = height / 2;
  const bars: Record<string, Segment> = {
    a: { x: 0, y: hh - t / 2, w: width, h: t },
    g: { x: 0, y: 0, w: width, h: t },
    d: { x: 0, y: -hh + t / 2, w: width, h: t },
    b: { x: hw - t / 2, y: hh / 2, w: t, h: hh },
    c: { x: hw - t / 2, y: -hh / 2, w: t, h: hh },
    e: { x: -hw + t / 2, y: -hh / 2, w: t, h: hh },
    f: { x: -hw + t / 2, y: hh / 2, w: t, h: hh },
  };
  return [...(LIT[char] ?? '')].flatMap((s) => (bars[s] ? [bars[s]] : []));
}
