import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { startHarness, type HarnessProcess } from './harness';

const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** Chromium as the E2E suite runs it: the system build, headless, quiet, no first-run chores. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface HakobuSession {
  la: TestLocalAws;
  harness: HarnessProcess;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page so far: a crash, as a user would meet it. */
  pageErrors: Error[];
  /** Loads the app page (the harness URL with its token). */
  open(): Promise<void>;
  /** Saves a full-window screenshot to test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** The OS locale Hakobu and Chromium report. */
  locale?: 'en-US' | 'ja-JP';
  /** A local-aws setup, or a change to the default one. */
  setup?: LocalAwsSetup | ((base: LocalAwsSetup) => unknown);
  /**
   * What IT's managed config file says (every key it sets is locked), from local-aws's app config:
   * once a managed file exists only it may set `endpoints`, so it must carry local-aws's.
   */
  managedConfig?: (appConfig: { endpoints?: unknown }, info: TestLocalAws['info']) => unknown;
}

/**
 * Starts everything one E2E file needs, fresh: local-aws, the web harness as a child process wired
 * to it, and Chromium with a new browser context (its own profile, storage and locale).
 */
export async function startHakobu(options: SessionOptions = {}): Promise<HakobuSession> {
  const locale = options.locale ?? 'en-US';
  const la = await startTestLocalAws(options.setup);
  const cleanups: (() => Promise<void>)[] = [() => la.dispose()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const harness = await startHarness({
      configPath: la.info.appConfig,
      locale,
      ...(options.managedConfig
        ? {
            managedConfig: options.managedConfig(
              JSON.parse(readFileSync(la.info.appConfig, 'utf8')),
              la.info,
            ),
          }
        : {}),
    });
    cleanups.push(() => harness.stop());
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      locale,
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      la,
      harness,
      browser,
      context,
      page,
      pageErrors,
      open: async () => {
        await page.goto(harness.url);
      },
      screenshot: async (name) => {
        // Finished transitions: a thumbnail caught mid fade-in looks washed out.
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
