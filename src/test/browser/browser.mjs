// Opens Debian's Chromium headless on the sandbox, loopback only; shared by the sandbox scripts.
//   CHROMIUM      the browser executable (default /usr/bin/chromium)
//   PROFILE_DIR   a fresh, empty folder for the browser profile
import { chromium } from 'playwright-core';

export const WAIT = 30_000;

export function step(text) { console.log('step: ' + text); }

/** The browser on `base`: its context, one page, and the problems seen (page errors, console errors, outside requests). */
export async function openSandboxBrowser(base) {
  // the flags this machine needs; without the network ones Chromium tries outside hosts at every start
  const context = await chromium.launchPersistentContext(process.env.PROFILE_DIR, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
    timeout: WAIT
  });
  context.setDefaultTimeout(WAIT);
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('pageerror', error => problems.push('page error: ' + error.message));
  page.on('console', message => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
  // loopback only: the page works offline, with nothing from another host
  await context.route(url => !url.href.startsWith(base), route => {
    // the booking page a booking button's tracked link redirects to: a stand-in, the business's site is not here
    if (new URL(route.request().url()).hostname === 'beds24.com') {
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Booking page</title>booking page' });
    }
    problems.push('request outside the service: ' + route.request().url());
    return route.abort();
  });
  return { context, page, problems };
}
