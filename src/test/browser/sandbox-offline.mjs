// The sandbox as `./mvnw spring-boot:run` shows it (no secrets: the offline agent answers), driven in real headless
// Chromium: a guest asks whether Casa Pescarului is free next month for two, names three free nights, gets the
// booking button and opens it; the replies turn read and the operator panel shows the offline agent's turns and
// tool calls. Started by SandboxOfflineBrowserTest; every wait is on a condition, bounded. The screenshot of this
// conversation is the README's docs/sandbox.png.
//   SANDBOX_URL   the service's public base URL (loopback)
//   CHROMIUM, PROFILE_DIR   see browser.mjs
//   SCREENSHOT    where to save the screenshot (PNG)
//   PAGE_TEXT     where to save what the page shows at the screenshot (JSON: guest, chat, panel)
//   ASK           the guest's question; PICK       the free nights she names
//   PICK_FROM, PICK_TO   the same nights as ISO dates (the booking page must be opened for them)
import { writeFileSync } from 'node:fs';
import { openSandboxBrowser, step } from './browser.mjs';

const base = process.env.SANDBOX_URL;
const { context, page, problems } = await openSandboxBrowser(base);

try {
  step('open the sandbox: the first guest, Ana Popescu, is ready');
  await page.goto(base + '/simulator');
  const ana = page.locator('#guests li.selected', { hasText: 'Ana Popescu' });
  await ana.waitFor();
  const anaId = await ana.getAttribute('data-id');

  step('ask: ' + process.env.ASK);
  await page.fill('#text', process.env.ASK);
  await page.press('#text', 'Enter');
  await page.locator('#chat .msg.guest', { hasText: process.env.ASK }).waitFor();
  const answer = page.locator('#chat .msg.business', { hasText: 'Casa Pescarului' });
  await answer.first().waitFor();
  console.log('answer: ' + (await answer.first().innerText()).replace(/\s+/g, ' '));
  await page.locator('#chat .msg.business strong', { hasText: 'Casa Pescarului' }).first().waitFor();

  step('name three free nights: ' + process.env.PICK);
  await page.fill('#text', process.env.PICK);
  await page.press('#text', 'Enter');
  const goodNews = page.locator('#chat .msg.business', { hasText: 'Good news' });
  await goodNews.waitFor();
  // the booking link is a button (cta_url) opening the service's tracked link, not an address in the text
  const booking = goodNews.locator('a.cta[href^="' + base + '/b/"]');
  await booking.waitFor();
  console.log('booking: ' + (await goodNews.innerText()).replace(/\s+/g, ' '));

  step('open the booking button: the tracked link redirects to the booking page of those nights in a new tab');
  const opened = context.waitForEvent('response', response => response.url().startsWith(base + '/b/'));
  const [tab] = await Promise.all([context.waitForEvent('page'), booking.click()]);
  const redirect = await opened;
  const landed = redirect && redirect.status() === 302 ? redirect.headers()['location'] : null;
  if (!landed || !landed.includes('checkin=' + process.env.PICK_FROM) || !landed.includes('checkout=' + process.env.PICK_TO)) {
    throw new Error('the booking button did not open the booking page of the named nights: '
      + (redirect ? redirect.status() + ' ' + redirect.url() : 'no request to ' + base + '/b/'));
  }
  console.log('opened: ' + redirect.url() + ' -> 302 ' + landed);
  await tab.close();

  step('both replies read (blue ticks), and both of the guest\'s messages read by the business');
  await page.waitForFunction(() => document.querySelectorAll('#chat .msg.business .ticks.read').length >= 2);
  await page.waitForFunction(() => document.querySelectorAll('#chat .msg.guest .ticks.read').length >= 2);

  step('the operator panel: two turns of the offline agent, with the availability search it made');
  await page.waitForFunction(() => document.querySelectorAll('#turns .turn[data-agent="offline"]').length >= 2);
  const search = page.locator('#turns .turn[data-agent="offline"] details.tool summary', { hasText: 'search_availability' });
  await search.first().click();
  await page.locator('#turns details.tool[open] pre').first().waitFor();
  if (await page.locator('#turns .turn:not([data-agent="offline"])').count() !== 0) {
    throw new Error('a turn was not the offline agent\'s: ' + await page.locator('#turns').innerText());
  }
  if (await page.locator('#chat .msg.guest').count() !== 2 || await page.locator('#chat .msg.business').count() !== 2) {
    throw new Error('the thread is not two messages and two replies: ' + await page.locator('#chat').innerText());
  }

  step('screenshot');
  await page.locator('#guests li.selected[data-id="' + anaId + '"]').waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: process.env.SCREENSHOT });
  writeFileSync(process.env.PAGE_TEXT, JSON.stringify({
    guest: await page.locator('#head-name').innerText(),
    chat: await page.locator('#chat').innerText(),
    panel: await page.locator('#turns').innerText()
  }, null, 2));

  if (problems.length) throw new Error(problems.join('\n'));
  console.log('sandbox page: all steps passed');
} catch (error) {
  console.error('FAILED: ' + error.message);
  await page.screenshot({ path: process.env.SCREENSHOT.replace(/\.png$/, '-failure.png') }).catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
}
