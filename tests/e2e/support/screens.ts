import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** How long a user would wait for something to appear before calling it broken. */
export const PATIENCE_MS = 60_000;

/** Signs in through the form, as a user types it. */
export async function signIn(
  page: Page,
  username: string,
  password: string,
  labels = { email: 'Email', password: 'Password', signIn: 'Sign in' },
): Promise<void> {
  await page.getByLabel(labels.email, { exact: true }).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.signIn, exact: true }).click();
}

/** The width the browser decoded an image at: 0 until (unless) its bytes arrived and decoded. */
export function decodedWidth(image: Locator): Promise<number> {
  return image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth);
}

/** Waits until an image is shown with real pixels, not a broken-image icon. */
export async function expectDecoded(image: Locator): Promise<void> {
  await image.waitFor({ timeout: PATIENCE_MS });
  await expect.poll(() => decodedWidth(image), { timeout: PATIENCE_MS }).toBeGreaterThan(0);
}

/** Waits until a progress bar reports `percent` (its aria-valuenow). */
export async function expectProgress(bar: Locator, percent: number): Promise<void> {
  await bar.waitFor({ timeout: PATIENCE_MS });
  await expect
    .poll(() => bar.getAttribute('aria-valuenow'), { timeout: PATIENCE_MS })
    .toBe(String(percent));
}

/** Waits until some text is on screen. */
export async function expectText(page: Page | Locator, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: PATIENCE_MS });
}
