// Vitest global setup: browser tests drive Debian's Chromium, which a fresh machine does not have.
// Installing it needs root and Debian's package lists; without them the browser tests say why.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';
/** A Japanese font, so screenshots show text rather than empty boxes (12 MB; Debian's IPA Gothic). */
const japaneseFont = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf';

function apt(args: string[]): void {
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function installJapaneseFont(): void {
  if (existsSync(japaneseFont) || process.getuid?.() !== 0) return;
  const install = () => apt(['install', '-y', '--no-install-recommends', 'fonts-ipafont-gothic']);
  try {
    install();
  } catch {
    try {
      apt(['update']);
      install();
    } catch {
      // Screenshots without Japanese glyphs are still screenshots; no test depends on the font.
    }
  }
}

export default function setup(): void {
  installJapaneseFont();
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `Browser tests need Chromium at ${chromiumPath}. Install it as root: apt-get install -y chromium`,
    );
  console.log('Installing Debian chromium for the browser tests (about a minute)…');
  try {
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    // A fresh machine may not have read the package lists yet.
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  }
  if (!existsSync(chromiumPath)) throw new Error(`apt-get ran but ${chromiumPath} is missing`);
}
