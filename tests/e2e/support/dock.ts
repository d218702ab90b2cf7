import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The text of a test id inside a scope (the event dock `event-extras`, a `product-card`), or '' while it is not there. */
export const textIn = (page: Page, scope: string, testId: string): Promise<string> =>
  page
    .locator(`[data-testid=${scope}] [data-testid=${testId}]`)
    .first()
    .textContent({ timeout: 500 })
    .then((t) => t ?? '')
    .catch(() => '');

/** Clicks a dock button, again if a slow frame lost the click, until `reached` holds. */
export async function clickUntil(page: Page, selector: string, reached: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 4 && !(await reached()); i++) {
    await page
      .locator(selector)
      .first()
      .click({ timeout: 30_000 })
      .catch(() => undefined);
    await expect
      .poll(reached, { timeout: 10_000 })
      .toBe(true)
      .catch(() => undefined);
  }
  expect(await reached()).toBe(true);
}
