/**
 * Debian's Chromium, as the end-to-end tests and the page benchmark start it: the flags
 * this machine needs (no sandbox as root; no background networking on a closed network).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
