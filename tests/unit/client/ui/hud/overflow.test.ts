import { describe, expect, it } from 'vitest';
import { type BarItem, partitionBar } from '../../../../../client/ui/hud/overflow.ts';

const items: BarItem[] = [
  { id: 'status', width: 60, priority: 0, pinned: true },
  { id: 'event', width: 120, priority: 2 },
  { id: 'qna', width: 0, priority: 3 },
  { id: 'voice', width: 90, priority: 6 },
  { id: 'language', width: 80, priority: 7 },
  { id: 'orders', width: 70, priority: 5 },
  { id: 'cart', width: 60, priority: 0, pinned: true },
];

describe('partitionBar', () => {
  it('keeps everything on the bar, with no menu, when it all fits', () => {
    // 60+120+90+80+70+60 = 480 plus 5 gaps of 10 (the empty item takes none) = 530.
    expect(partitionBar(items, 530, 70, 10)).toEqual({ bar: items.map((i) => i.id), more: [] });
  });

  it('moves the least important items into "More", keeping the bar order', () => {
    // More (70) + status and cart (60+10, 60+10) = 200; event +130 = 330; orders +80 = 410; voice would need 510.
    expect(partitionBar(items, 420, 70, 10)).toEqual({
      bar: ['status', 'event', 'qna', 'orders', 'cart'],
      more: ['voice', 'language'],
    });
  });

  it('keeps pinned items on the bar even when nothing else fits', () => {
    expect(partitionBar(items, 150, 70, 10)).toEqual({
      bar: ['status', 'qna', 'cart'],
      more: ['event', 'voice', 'language', 'orders'],
    });
  });

  it('does not let a small unimportant item jump a bigger important one', () => {
    const bar = partitionBar(
      [
        { id: 'cart', width: 50, priority: 0, pinned: true },
        { id: 'store', width: 100, priority: 1 },
        { id: 'orders', width: 20, priority: 5 },
      ],
      // NOTE: all three need 170; cart and More take 110, so orders (20) would fit but store (100) comes first.
      150,
      60,
      0,
    );
    expect(bar).toEqual({ bar: ['cart'], more: ['store', 'orders'] });
  });

  it('leaves an empty item on the bar so it is measured once it has content', () => {
    expect(partitionBar(items, 100, 70, 10).bar).toContain('qna');
  });
});
