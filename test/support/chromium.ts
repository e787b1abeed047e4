// Headless Debian Chromium for the browser tests, driven by playwright-core: started by the test
// itself, with the flags that work on this machine's closed network and a fresh profile.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; XXGK_CHROMIUM points elsewhere (another distribution's path). */
export const CHROMIUM = process.env['XXGK_CHROMIUM'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Why a browser test does not run here — in its title, so a skip is never silent. */
export const skipReason = hasChromium ? '' : ` [skipped: ${CHROMIUM} not found — apt-get install -y chromium, as .ci/run does]`;

// In CI the browser must be there (.ci/run installs it): a missing one fails instead of skipping.
if (!hasChromium && process.env['CI']) throw new Error(`${CHROMIUM} is missing in CI: .ci/run should have installed it`);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found — apt-get install -y chromium (as .ci/run does)`);

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'xxgk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
