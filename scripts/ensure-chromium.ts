/**
 * Makes sure the e2e tests have a browser: a Chromium already installed; else, as root on Debian, Debian's own
 * `chromium` package; else stop with a message that says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path';

function install(): void {
  process.stdout.write('No Chromium found: installing Debian\'s chromium package (apt-get)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
}

function main(): void {
  if (findChromium()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    install();
    if (findChromium()) return;
  }
  process.stderr.write(
    [
      'The end-to-end tests need Chromium and none was found.',
      'Install it, e.g. on Debian/Ubuntu: sudo apt-get install chromium',
      'or point KASSA_CHROMIUM at a Chromium or Chrome binary.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

main();
