// Drives the development sandbox page in real headless Chromium (Debian's), as a developer would use it.
// Started by SandboxBrowserTest with the service already up; every wait is on a condition, bounded.
//   SANDBOX_URL   the service's public base URL (loopback)
//   CHROMIUM, PROFILE_DIR   see browser.mjs
//   SCREENSHOT    where to save the screenshot (PNG)
import { openSandboxBrowser, step } from './browser.mjs';

const base = process.env.SANDBOX_URL;
const screenshot = process.env.SCREENSHOT;
const { context, page, problems } = await openSandboxBrowser(base);

try {
  step('open the sandbox');
  await page.goto(base + '/simulator');
  const ana = page.locator('#guests li.selected');
  await ana.filter({ hasText: 'Ana Popescu' }).waitFor();
  const anaId = await ana.getAttribute('data-id');

  step('ask about Casa Pescarului next month for 2');
  await page.fill('#text', 'Is Casa Pescarului available next month for 2?');
  await page.press('#text', 'Enter');
  const answer = page.locator('#chat .msg.business', { hasText: 'Casa Pescarului' }).filter({ hasText: 'RON' });
  await answer.first().waitFor();
  console.log('answer: ' + (await answer.first().innerText()).replace(/\s+/g, ' '));
  await page.locator('#chat .msg.business strong', { hasText: 'Casa Pescarului' }).first().waitFor();

  step('tap the button the answer offers');
  await page.locator('#chat button.choice', { hasText: 'Book these dates' }).click();
  await page.locator('#chat .msg.guest', { hasText: 'Book these dates' }).waitFor();
  // the booking link is a button (cta_url) opening the service's tracked link, not an address in the text
  const link = page.locator('#chat .msg.business a.cta[href^="' + base + '/b/"]');
  await link.first().waitFor();
  console.log('booking button: ' + await link.first().innerText() + ' -> ' + await link.first().getAttribute('href'));

  step('see both replies read (blue ticks) and the guest\'s messages read by the business');
  await page.waitForFunction(() => document.querySelectorAll('#chat .msg.business .ticks.read').length >= 2);
  await page.waitForFunction(() => document.querySelectorAll('#chat .msg.guest .ticks.read').length >= 2);

  step('see in the operator panel which agent answered, the tool calls and Mem0\'s memories');
  await page.locator('#turns .turn[data-agent="model"] details.tool', { hasText: 'search_availability' }).first().waitFor();
  await page.locator('#turns .turn[data-agent="model"] details.tool', { hasText: 'create_booking_link' }).first().waitFor();
  await page.locator('#turns .turn', { hasText: 'Travels with a small dog' }).first().waitFor();

  step('create a second guest with a user id and no phone number');
  await page.fill('#new-name', 'Ioana Stan');
  await page.click('#new-user-id-generate');
  const ioanaId = await page.inputValue('#new-user-id');
  await page.click('#new-guest button[type="submit"]');
  await page.locator('#guests li.selected', { hasText: 'Ioana Stan' }).waitFor();
  await page.locator('#chat .day-note').waitFor();
  await page.fill('#text', 'Is anything free this weekend for 2?');
  await page.press('#text', 'Enter');
  await page.locator('#chat .msg.business').first().waitFor();
  await page.locator('#turns .turn[data-agent="offline"]', { hasText: 'The model gave no answer' }).waitFor();
  const ioanaThread = await page.locator('#chat').innerText();

  step('back to the first guest: her thread is intact');
  await page.click('#guests li[data-id="' + anaId + '"]');
  await page.locator('#chat .msg.business a.cta').first().waitFor();
  const anaThread = await page.locator('#chat').innerText();
  for (const expected of ['Is Casa Pescarului available next month for 2?', 'Book these dates', 'booking link']) {
    if (!anaThread.includes(expected)) throw new Error('the first guest\'s thread lost "' + expected + '": ' + anaThread);
  }
  if (anaThread.includes('this weekend for 2')) throw new Error('the first guest\'s thread shows the second guest\'s message');
  if (await page.locator('#chat .msg.guest').count() !== 2 || await page.locator('#chat .msg.business').count() !== 2) {
    throw new Error('the first guest\'s thread is not two messages and two replies: ' + anaThread);
  }

  step('and to the second guest again: hers too');
  await page.click('#guests li[data-id="' + ioanaId + '"]');
  await page.locator('#chat .msg.guest', { hasText: 'this weekend for 2' }).waitFor();
  await page.locator('#chat .msg.business').first().waitFor();
  if ((await page.locator('#chat').innerText()).includes('Casa Pescarului available next month')) {
    throw new Error('the second guest\'s thread shows the first guest\'s message');
  }
  console.log('second guest: ' + ioanaThread.replace(/\s+/g, ' ').slice(0, 200));

  step('the second guest asks about a month: the date picker, its taken nights disabled');
  await page.fill('#text', 'Is Casa Pescarului free in ' + process.env.PICK_MONTH + '?');
  await page.press('#text', 'Enter');
  const opener = page.locator('#chat .msg.business button.flow-open');
  await opener.first().waitFor();
  await opener.first().click();
  const calendar = page.locator('#chat .calendar');
  await calendar.waitFor();
  const taken = calendar.locator('button.day[data-date="' + process.env.TAKEN_NIGHT + '"]');
  if (!await taken.isDisabled()) throw new Error('the taken night ' + process.env.TAKEN_NIGHT + ' can be picked');
  console.log('date picker: ' + await calendar.locator('button.day:disabled').count() + ' days disabled');

  step('pick a free range: it reaches the webhook as Meta\'s nfm_reply, and the stay is answered with a booking button');
  await calendar.locator('button.day[data-date="' + process.env.PICK_FROM + '"]').click();
  await calendar.locator('button.day[data-date="' + process.env.PICK_TO + '"]').click();
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-date-picker.png') });
  await calendar.locator('button.send-dates').click();
  await page.locator('#chat .msg.guest', { hasText: process.env.PICK_FROM }).first().waitFor();
  const booking = page.locator('#chat .msg.business', { hasText: 'Good news' }).locator('a.cta');
  await booking.waitFor();

  step('open the booking button: the tracked link redirects to the booking page in a new tab');
  const opened = context.waitForEvent('response', response => response.url().startsWith(base + '/b/'));
  const [tab] = await Promise.all([context.waitForEvent('page'), booking.click()]);
  const redirect = await opened;
  const landed = redirect && redirect.status() === 302 ? redirect.headers()['location'] : null;
  if (!landed || !landed.includes('checkin=' + process.env.PICK_FROM) || !landed.includes('checkout=' + process.env.PICK_TO)) {
    throw new Error('the booking button did not open the booking page of the picked stay: '
      + (redirect ? redirect.status() + ' ' + redirect.url() : 'no request to ' + base + '/b/'));
  }
  console.log('opened: ' + redirect.url() + ' -> 302 ' + landed);
  await tab.close();

  step('screenshot of the first guest\'s conversation');
  await page.click('#guests li[data-id="' + anaId + '"]');
  await page.locator('#chat .msg.business a.cta').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#chat .msg.business .ticks.read').length >= 2);
  await page.locator('#turns .turn[data-agent="model"]').first().waitFor();
  await page.locator('#turns .turn[data-agent="model"] details.tool summary', { hasText: 'search_availability' }).click();
  await page.locator('#turns details.tool[open] pre').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: screenshot });

  if (problems.length) throw new Error(problems.join('\n'));
  console.log('sandbox page: all steps passed');
} catch (error) {
  console.error('FAILED: ' + error.message);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-failure.png') }).catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
}
