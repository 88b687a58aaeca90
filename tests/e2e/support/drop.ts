import type { Page } from 'playwright-core';
import type { PageFile } from './files';

/** The few browser globals the drop needs (this project's tsconfig has Node's types, not the DOM's). */
interface DropGlobals {
  DataTransfer: new () => { items: { add(file: File): unknown } };
  DragEvent: new (type: string, init: Record<string, unknown>) => Event;
  document: { body: { dispatchEvent(event: Event): boolean } };
}

/**
 * Drops files onto the window as a user dragging them from the desktop would: dragenter, dragover
 * and drop events carrying a DataTransfer with real File objects. Chromium cannot give a synthetic
 * DataTransfer folder entries (webkitGetAsEntry is null for constructed Files), so folders go
 * through the folder picker instead.
 */
export async function dropFiles(page: Page, files: readonly PageFile[]): Promise<void> {
  await page.evaluate((toDrop) => {
    const browser = globalThis as unknown as DropGlobals;
    const data = new browser.DataTransfer();
    for (const file of toDrop) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.type }));
    }
    const fire = (type: string) =>
      browser.document.body.dispatchEvent(
        new browser.DragEvent(type, {
          bubbles: true,
          cancelable: true,
          dataTransfer: data,
          clientX: 640,
          clientY: 400,
        }),
      );
    fire('dragenter');
    fire('dragover');
    fire('drop');
  }, files);
}
