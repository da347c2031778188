import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, devices } from 'playwright-core';
import { repoRoot } from './app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = join(repoRoot, 'e2e', '.tmp', 'screenshots');

/** Debian's Chromium, headless, with the flags this machine needs (no downloads, no phoning home). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A phone-sized context, the way diaspora members and door staff use the product. */
export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const { defaultBrowserType, ...pixel } = devices['Pixel 7'];
  return browser.newContext({ ...pixel, baseURL });
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}
