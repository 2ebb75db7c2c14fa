// The last 30 minutes, end to end: a lag falling along a scripted curve is
// "catching up" with an honest ETA and a sparkline, a RUNNING project whose
// checkpoint does not move is marked stuck (and clears by itself), and a
// brief FAILED spell that runs again is shown as recovered; and an OMS
// whose clock is 2 minutes off the browser's gets its lag corrected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, startSim, openPage, widget, eventually, measureFor, stubNotifications } from './harness.mjs';

const env = simAndBrowser();

test('trend, catch-up ETA, sparkline and stuck from one minute of polls', async () => {
  // Lag 900 s falling to 0 over 300 s (3 s a second), then held.
  await env.sim.control('PUT', '/_sim/projects/np_catching_up', { behaviour: { type: 'lag_curve', points: [[0, 900], [300, 0]] } });
  await env.sim.control('PUT', '/_sim/projects/np_stuck_writer', { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { unix: Math.floor(Date.now() / 1000) - 40 } } });
  // Notifications on, as chosen at an earlier visit, through a stub that keeps them.
  await env.browser.context.addInitScript(stubNotifications);
  const { page, errors } = await openPage(env.browser, env.sim.base, 'project=np_catching_up,np_stuck_writer&interval=2&stuck-after=30');
  const falling = widget(page, 'np_catching_up');
  const stuck = widget(page, 'np_stuck_writer');
  const history = (w) => w.locator('[data-field=history]');
  await eventually(() => falling.getAttribute('data-state'), (s) => s === 'live', { what: 'live' });
  // No trend, no ETA and no stuck mark before a minute of samples.
  assert.equal(await history(falling).getAttribute('data-trend'), null);
  assert.equal(await falling.locator('[data-field=catch-up-eta]').count(), 0);
  assert.equal(await history(stuck).getAttribute('data-stuck'), null);

  await eventually(() => history(stuck).getAttribute('data-stuck'), (s) => s === 'checkpoint', { what: 'stuck after 30 s', timeout: 45_000 });
  assert.match(await stuck.locator('[data-field=stuck]').textContent(), /stuck: the checkpoint has not moved since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await eventually(() => history(falling).getAttribute('data-trend'), (t) => t === 'catching-up', { what: 'catching up', timeout: 45_000 });
  const eta = await falling.locator('[data-field=catch-up-eta]');
  const secs = Number(await eta.getAttribute('data-eta-seconds'));
  // About (lag now − 25 s) / 3: the lag is near 700 s after a minute.
  assert.ok(secs >= 150 && secs <= 330, `ETA ${secs} s`);
  assert.match(await eta.textContent(), /^caught up in about \d+ min$/);
  const spark = falling.locator('svg[data-field=lag-history]');
  assert.match(await spark.getAttribute('aria-label'), /^lag went from 1\d min \d+ s to \d+ min \d+ s over 1 min( \d+ s)?$/);
  assert.ok((await spark.locator('polyline').getAttribute('points')).split(' ').length >= 4);
  assert.equal(await spark.locator('line.oms-spark-warn').count(), 1, 'the warn line shows');

  // Stuck is told (a widget's own samples alone can tell it); far behind at open is not.
  const notified = () => page.evaluate(() => window.notified);
  await eventually(notified, (n) => n.includes('np_stuck_writer: stuck'), { what: 'stuck notified', timeout: 5_000 });

  // The stuck mark clears by itself once the checkpoint moves, and that is told too.
  await env.sim.control('PUT', '/_sim/projects/np_stuck_writer', { behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 3, period_secs: 30 } });
  await eventually(() => history(stuck).getAttribute('data-stuck'), (s) => s === null, { what: 'stuck cleared' });
  await eventually(notified, (n) => n.includes('np_stuck_writer: running again'), { what: 'recovery notified', timeout: 5_000 });
  assert.deepEqual(await notified(), ['np_stuck_writer: stuck', 'np_stuck_writer: running again']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the lag chart and budget move on the page\'s tick, with the ages, never in a frame of their own after a poll', async () => {
  // A frozen checkpoint: the lag grows, so the newest 15 s bucket, the
  // chart's line and the budget's worst lag move with every poll.
  const id = 'np_growing_lag';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { unix: Math.floor(Date.now() / 1000) - 20 } } });
  // Every 3 s: the polls' answers land at any time between two ticks.
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=${id}&interval=3`);
  const w = widget(page, id);
  await eventually(() => w.locator('svg[data-field=lag-history]').count(), (n) => n === 1, { what: 'the chart' });
  await page.evaluate(() => {
    window.__batches = [];
    const root = document.querySelector('[data-oms-widget]');
    new MutationObserver((records) => {
      const fields = records.map((r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement).closest('[data-field]')?.getAttribute('data-field'));
      window.__batches.push({ at: performance.now(), fields });
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await measureFor(10_000); // three polls and ten ticks: the frames each write lands in
  const batches = await page.evaluate(() => window.__batches);
  const ticks = batches.filter((b) => b.fields.includes('updated')).map((b) => b.at);
  for (const field of ['lag-history', 'lag-budget']) {
    const moved = batches.filter((b) => b.fields.includes(field));
    assert.ok(moved.length >= 2, `${field} moved ${moved.length} times in 10 s`);
    // Written in the same task as "updated N s ago": within a few ms of a tick's writes.
    const alone = moved.filter((b) => !ticks.some((t) => Math.abs(t - b.at) < 30));
    assert.deepEqual(alone.map((b) => b.fields), [], `${field} writes away from a tick`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a brief FAILED spell that runs again is shown as recovered', async () => {
  const id = 'np_blip';
  const put = (status) => env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status, current_step: 'INCR_SYNC', checkpoint: { lag_secs: 3 } } });
  await put('RUNNING');
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => w.getAttribute('data-status'), (s) => s === 'RUNNING', { what: 'running' });
  await put('FAILED');
  const failedFrom = await env.sim.nextSeq();
  await eventually(() => w.getAttribute('data-status'), (s) => s === 'FAILED', { what: 'failed' });
  assert.equal(await w.locator('[data-field=recovered]').count(), 0, 'no recovery while failed');
  // A spell of a few polls, not one answer.
  await eventually(() => env.sim.requestsFor(id, failedFrom), (r) => r.length >= 3, { what: 'three polls answered FAILED' });
  await put('RUNNING');
  const note = w.locator('[data-field=recovered]');
  await eventually(() => note.count(), (n) => n === 1, { what: 'recovered note' });
  assert.match(await note.textContent(), /^recovered at .+ UTC after \d s FAILED \(a short failure is often OMS restarting its services\)$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a 2-minute offset between OMS's clock and the browser's is measured from Date and corrected", async () => {
  // OMS (the simulator) runs 120 s ahead: its checkpoints look 2 minutes in
  // the browser's future, which would read as a lag of 0 s.
  const skewed = await startSim({ args: ['--clock-offset-secs', '120'] });
  try {
    const id = 'np_skewed';
    await skewed.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { lag_secs: 40 } } });
    const { page, errors } = await openPage(env.browser, skewed.base, `project=${id}&interval=1`);
    const w = widget(page, id);
    const history = w.locator('[data-field=history]');
    const offset = await eventually(() => history.getAttribute('data-clock-offset-ms'), (o) => o !== null, { what: 'offset measured' });
    assert.ok(Math.abs(Number(offset) - 120_000) <= 1_500, `offset ${offset} ms`);
    const lag = Number(await w.locator('[data-field=checkpoint]').getAttribute('data-lag-seconds'));
    assert.ok(lag >= 38 && lag <= 43, `corrected lag ${lag} s (OMS says 40 s behind)`);
    assert.match(await w.locator('[data-field=clock-offset]').textContent(), /^OMS's clock is (1 min 59 s|2 min 0 s|2 min 1 s) ahead of this browser's; lag corrected$/);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await skewed.stop();
  }
});

test("times are shown in the viewer's zone (or time-zone's), UTC in the tooltip and datetime", async () => {
  const id = 'np_zoned';
  // 2025-11-24 16:00:00 UTC is midnight in Beijing.
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { unix: 1764000000 } } });
  const shown = async (query) => {
    const { page, errors } = await openPage(env.browser, env.sim.base, `project=${id}&interval=5${query}`);
    const time = widget(page, id).locator('[data-field=checkpoint-value] time');
    await eventually(() => time.count(), (n) => n === 1, { what: `a <time> (${query})` });
    const seen = { text: await time.textContent(), title: await time.getAttribute('title'), datetime: await time.getAttribute('datetime'), errors };
    await page.close();
    return seen;
  };
  const beijing = await shown('&time-zone=Asia/Shanghai');
  assert.match(beijing.text, /^2025-11-25 00:00:00 (GMT\+8|CST)$/);
  // In Chinese the same order: date, time, zone.
  assert.match((await shown('&time-zone=Asia/Shanghai&lang=zh-CN')).text, /^2025-11-25 00:00:00 GMT\+8$/);
  assert.deepEqual([beijing.title, beijing.datetime, beijing.errors], ['2025-11-24 16:00:00 UTC', '2025-11-24T16:00:00Z', []]);
  // This browser runs in UTC (the test machine's zone): its own zone is UTC.
  assert.equal((await shown('')).text, '2025-11-24 16:00:00 UTC');
  // A zone the browser does not know is shown in UTC, saying so.
  const unknown = await shown('&time-zone=Mars/Olympus_Mons');
  assert.deepEqual([unknown.text, unknown.errors], ['2025-11-24 16:00:00 UTC', []]);
});

test("the viewer's own zone is written as Intl writes a zone named by its offset, without Intl", async () => {
  const id = 'np_own_zone';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { unix: 1764000000 } } });
  // Zones whose short name is their offset: east and west of UTC, whole
  // and half hours, in both languages.
  for (const zone of ['Asia/Shanghai', 'Asia/Kolkata', 'America/St_Johns', 'America/New_York']) {
    for (const [lang, locale] of [['en', 'sv-SE'], ['zh-CN', 'zh-CN']]) {
      const page = await env.browser.context.newPage();
      const cdp = await env.browser.context.newCDPSession(page);
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: zone });
      // Counts the formatters the page makes (the first costs 10-18 ms).
      await page.addInitScript(() => {
        const Made = Intl.DateTimeFormat;
        window.intlMade = 0;
        Intl.DateTimeFormat = function DateTimeFormat(...args) { window.intlMade += 1; return new Made(...args); };
      });
      await page.goto(`${env.sim.base}/?project=${id}&interval=5&lang=${lang}`);
      const time = widget(page, id).locator('[data-field=checkpoint-value] time');
      await eventually(() => time.count(), (n) => n === 1, { what: `a <time> in ${zone}` });
      assert.equal(await page.evaluate(() => window.intlMade), 0, 'no Intl.DateTimeFormat made');
      // Intl's parts, in the widget's order for both languages: date, time, zone.
      const intl = await page.evaluate((locale) => {
        const parts = Object.fromEntries(new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(new Date(1764000000000)).map((p) => [p.type, p.value]));
        return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
      }, locale);
      assert.equal(await time.textContent(), intl, `${zone}, ${lang}`);
      await page.close();
    }
  }
});

test('the reverse checkpoint is shown in the chosen zone too', async () => {
  const id = 'np_zoned_reverse';
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'REVERSE_INCR_TRANSFER', checkpoint: { unix: 1764000000 }, enable_reverse: true, reverse_checkpoint: { unix: 1764000000 } },
    naming: 'v4',
  });
  const { page } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=5&time-zone=Asia/Shanghai`);
  const reverse = widget(page, id).locator('[data-field=reverse-checkpoint] [data-field=checkpoint-value] time');
  await eventually(() => reverse.count(), (n) => n === 1, { what: 'the reverse checkpoint as a <time>' });
  assert.match(await reverse.textContent(), /^2025-11-25 00:00:00 (GMT\+8|CST)$/);
  assert.equal(await reverse.getAttribute('datetime'), '2025-11-24T16:00:00Z');
  await page.close();
});
