import type { Page } from 'playwright-core';

/** What the center-hung screen's Q&A banner shows on this page now (its lines; empty when hidden). */
export const screenLines = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...(window.__courtsideInspect?.get('qnaBoard')?.lines() ?? [])]);

/** The store's view of a question by its text on this page (votes, mine), or undefined before it arrives. */
export const questionOn = (page: Page, text: string) =>
  page.evaluate((t) => {
    const s = window.__courtside!.state();
    const q = s.qna?.questions.find((x) => x.text === t);
    return q && { id: q.id, votes: q.votes, mine: s.qnaMine?.asked.includes(q.id) ?? false };
  }, text);

/** Opens the Q&A panel from the HUD. */
export async function openQna(page: Page): Promise<void> {
  await page.getByTestId('hud-qna').click();
  await page.getByTestId('qna-panel').waitFor();
}
