import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the system's Chromium is there; browser tests skip without it. */
export const hasChromium = existsSync(CHROMIUM_PATH);

// Headless, and quiet on the network: a test's browser asks nothing of the outside world on its own.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
