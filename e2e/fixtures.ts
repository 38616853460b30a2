// Runtime: Node (Playwright). The web tests' fixtures: page objects, screenshots saved as artifacts,
// and a check that fails any test during which the page logged an error or threw.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** Tallest viewport a screenshot stretches to, in CSS pixels (about three laptop screens). */
const MAX_SCREENSHOT_HEIGHT = 2400;

interface Fixtures {
  app: AppPage;
  /** Saves a full-page screenshot as `<SCREENSHOT_DIR>/<name>.png` and attaches it to the report. */
  saveScreenshot: (name: string) => Promise<void>;
  pageErrors: string[];
  /**
   * Fails on any serious or critical accessibility violation axe-core finds on the page as it is,
   * or only within `within` (a CSS selector): an open dialog dims what lies behind it on purpose.
   */
  expectAccessible: (what: string, options?: { within?: string }) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        errors.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught error: ${error.message}`));
      // Chromium also logs most refusals to the console, but the event is what the policy itself
      // reports (every directive, workers' and styles' included), so it is listened to directly.
      await page.exposeBinding('reportCspViolation', (_source, violation: string) => errors.push(`CSP violation: ${violation}`));
      await page.addInitScript(() => {
        const report = (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation;
        document.addEventListener('securitypolicyviolation', (event) => {
          void report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
        });
      });
      await use(errors);
      expect(errors, 'the page logged errors or threw').toEqual([]);
    },
    { auto: true },
  ],

  expectAccessible: async ({ page }, use) => {
    await use(async (what, options) => {
      // Contrast is judged on the settled page: no transition may still be fading something in.
      // (Endless ones, a spinner's, never settle and change no contrast.)
      await page.waitForFunction(() =>
        document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
      );
      const builder = new AxeBuilder({ page });
      if (options?.within) builder.include(options.within);
      const { violations } = await builder.analyze();
      const serious = violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(' '))
              .join('; ')}`,
        );
      expect(serious, `accessibility of ${what}`).toEqual([]);
    });
  },

  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },

  saveScreenshot: async ({ page }, use, testInfo) => {
    const directory = process.env.SCREENSHOT_DIR ?? 'test-report/screenshots';
    await use(async (name) => {
      await mkdir(directory, { recursive: true });
      // Full-page capture leaves fixed elements (header, navigation) where the scroll put them, so
      // the viewport grows to the page's height instead, then shrinks back. The growth is capped:
      // a very tall viewport (the whole Settings page) made Chromium's capture stall on a busy
      // machine, and nothing below a couple of screens is looked at in these pictures.
      const viewport = page.viewportSize();
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), MAX_SCREENSHOT_HEIGHT);
      if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
      const body = await page.screenshot({ path: path.join(directory, `${name}.png`), animations: 'disabled' });
      if (viewport) await page.setViewportSize(viewport);
      await testInfo.attach(name, { body, contentType: 'image/png' });
    });
  },
});

export { expect };
