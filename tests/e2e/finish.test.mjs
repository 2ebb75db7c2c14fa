// What the card says agrees with itself and with OMS, in the states a card
// can be in at once: a proxy's refusal named as such, the lag's note beside
// its figure, a finished project between its slower polls, a page clock that
// jumps, a verification's verdict without a click, the page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, startSim, embedDir, widget, measureFor, eventually, openPage as open } from './harness.mjs';

const env = simAndBrowser();
const openPage = (query, options) => open(env.browser, env.sim.base, query, options);
const attr = (locator, name) => locator.getAttribute(name, { timeout: 5_000 }).catch(() => null);

test("a page where OMS's JSON should be is the proxy refusing that path, not OMS's account", async () => {
  // What the demo's Trunk proxy does with base-url="/oms": the path reaches
  // a server that has no such route (an empty 404, not OMS's JSON).
  const sim = await startSim({ staticDir: embedDir });
  try {
    const page = await env.browser.context.newPage();
    await page.goto(`${sim.base}/examples/mount.html`);
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend',
      '<oms-sync-progress id="refused" project-id="np_steady_orders" base-url="/oms" interval="2"></oms-sync-progress>'));
    const alert = page.locator('#refused [role=alert]');
    await eventually(() => attr(alert, 'data-error'), (k) => k === 'refused', { what: 'refused', timeout: 15_000 });
    const said = await alert.textContent();
    assert.match(said, /\/oms\/api\/omsp\/v2\/sync\/np_steady_orders\/progress was refused before OMS/);
    assert.match(said, /deploy\/nginx\.conf passes only GET/);
    assert.doesNotMatch(said, /signs in|Not authorised/);
    await page.close();
  } finally {
    await sim.stop();
  }
});

test('with the steps open, "shown as 0 s" only ever sits beside 0 s', async () => {
  // OMS samples its checkpoint 2 s before answering; a checkpoint a second
  // old is then a second past OMS's sample: within the stamps' precision.
  await env.sim.control('PUT', '/_sim/projects/np_fresh_sample', {
    naming: 'v4', behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { lag_secs: 1 } },
  });
  const { page, errors } = await openPage('project=v4:np_fresh_sample&interval=5');
  const w = widget(page, 'np_fresh_sample');
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  await w.locator('[data-field=steps] summary').click();
  await w.locator('[data-step-name]').first().waitFor();
  const seen = [];
  for (let i = 0; i < 40; i += 1) {
    seen.push(await w.locator('[data-field=checkpoint]').evaluate((c) => ({
      secs: c.getAttribute('data-lag-seconds'),
      source: c.getAttribute('data-lag-source'),
      note: c.querySelector('[data-field=clock-skew]') !== null,
      text: c.querySelector('[data-field=lag]')?.textContent,
    })));
    await measureFor(500); // the sampling period
  }
  const wrong = seen.filter((s) => s.note && s.secs !== '0');
  assert.deepEqual(wrong, [], 'a note that the lag is shown as 0 s beside another figure');
  // A second past OMS's sample is within whole-second stamps: no note at all.
  assert.deepEqual(seen.filter((s) => s.note), [], 'a clock note for a second of rounding');
  assert.ok(seen.some((s) => s.source === 'oms'), 'the lag came by OMS\'s clock with the steps open');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a finished project is never stale between its slower polls', async () => {
  // Polled every 60 s once FINISHED; with a 1 s interval the grace of three
  // intervals is 3 s, long gone before the next poll.
  const { page, errors } = await openPage('project=np_finished_archive&interval=1');
  const w = widget(page, 'np_finished_archive');
  await eventually(() => attr(w, 'data-status'), (s) => s === 'FINISHED', { what: 'finished' });
  const states = new Set();
  for (let i = 0; i < 24; i += 1) {
    states.add(await attr(w, 'data-state'));
    if (await w.locator('[data-field=stale]').count()) states.add('stale marker');
    await measureFor(500); // the sampling period
  }
  assert.deepEqual([...states], ['live']);
  assert.match(await w.locator('[data-field=updated]').textContent(), /updated 1\d s ago/);
  assert.deepEqual(errors, []);
  await page.close();
});

// The page's wall clock as a test can step it (as NTP or a waking laptop
// does); the monotonic clock goes on as it was.
const steppableClock = () => {
  const RealDate = Date;
  let shift = 0;
  window.__stepClock = (ms) => { shift += ms; };
  class SteppedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
    static now() { return RealDate.now() + shift; }
  }
  window.Date = SteppedDate;
  window.__notices = 0;
  window.Notification = class { constructor() { window.__notices += 1; } close() {} static requestPermission() { return Promise.resolve('granted'); } };
  window.Notification.permission = 'granted';
};

test('a page clock stepped 30 minutes ahead: no false far behind, stale, stuck, notice or burst', async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(steppableClock);
  await page.goto(`${env.sim.base}/?project=np_steady_orders,np_steady_users&interval=2&stuck-after=30`);
  const w = widget(page, 'np_steady_orders');
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  await page.locator('[data-action=notify]').click();
  const on = await env.sim.nextSeq();
  await eventually(() => page.locator('[data-action=notify]').getAttribute('aria-pressed'), (p) => p === 'true', { what: 'notifications on' });
  // Each project seen again with notifications on, before the step.
  for (const id of ['np_steady_orders', 'np_steady_users']) {
    await eventually(() => env.sim.requestsFor(id, on), (r) => r.length >= 2, { what: `two polls of ${id} with notifications on` });
  }
  const seq = await env.sim.nextSeq();
  await page.evaluate(() => window.__stepClock(30 * 60 * 1000));
  const seen = [];
  for (let i = 0; i < 40; i += 1) {
    seen.push(await page.evaluate(() => [...document.querySelectorAll('[data-oms-widget]')].map((r) => ({
      state: r.getAttribute('data-state'),
      level: r.querySelector('[data-field=checkpoint]')?.getAttribute('data-lag-level'),
      secs: Number(r.querySelector('[data-field=checkpoint]')?.getAttribute('data-lag-seconds')),
      stuck: r.querySelector('[data-field=stuck]') !== null,
      updated: r.querySelector('[data-field=updated]')?.textContent,
    }))));
    await measureFor(250); // the sampling period
  }
  const wrong = seen.flat().filter((s) => s.state !== 'live' || s.level === 'critical' || s.secs > 60 || s.stuck || !/updated \d s ago/.test(s.updated));
  assert.deepEqual(wrong, [], 'after the step: every card live, its lag and ages as before');
  assert.equal(await page.evaluate(() => window.__notices), 0, 'no notification');
  // Two projects every 2 s over 10 s: about 10 polls, never a burst.
  const polls = (await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`)).requests.length;
  assert.ok(polls <= 14, `${polls} requests in 10 s`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a verification that found differing rows is on the card without a click, and its tables fit', async () => {
  for (const [lang, line] of [['en', 'Verification: 1,203 rows differ'], ['zh-CN', '全量校验：1,203 行不一致']]) {
    const { page, errors } = await openPage(`project=v4:np_verify_mismatch&lang=${lang}`);
    await page.setViewportSize({ width: 390, height: 900 });
    const w = widget(page, 'np_verify_mismatch');
    const verify = w.locator('[data-field=verify]');
    await verify.waitFor({ timeout: 15_000 });
    assert.equal(await attr(verify, 'data-verify'), 'inconsistent');
    assert.equal(await verify.locator('[data-field=verify-line]').textContent(), line);
    assert.equal(await w.locator('[data-field=steps]').evaluate((d) => d.open), false, 'the step list stays closed');
    await verify.locator('[data-field=verify-tables] summary').click();
    const fit = await w.evaluate((root) => {
      const card = root.getBoundingClientRect();
      const out = [...root.querySelectorAll('[data-field=verify-tables] th, [data-field=verify-tables] td')]
        .map((cell) => ({ text: cell.textContent, box: cell.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.right > card.right + 1 || box.left < card.left - 1));
      const scroller = root.querySelector('[data-field=verify-tables]');
      return { out: out.map((o) => o.text), scrolls: scroller.scrollWidth > scroller.clientWidth + 1 };
    });
    assert.deepEqual(fit, { out: [], scrolls: false }, `${lang}: every count inside the card at 390 px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('one row that differs is one row, and a full verification at 100 % is done, not running', async () => {
  await env.sim.control('PUT', '/_sim/projects/np_verify_one', {
    kind: 'migration', naming: 'v4', verify: { tables: 2, differing_rows: 1 },
    behaviour: { type: 'steady', lag_min_secs: 2, lag_max_secs: 6, period_secs: 60 },
  });
  const { page, errors } = await openPage('project=v4:np_verify_one');
  const w = widget(page, 'np_verify_one');
  const line = w.locator('[data-field=verify-line]');
  await line.waitFor({ timeout: 15_000 });
  assert.equal(await line.textContent(), 'Verification: 1 row differs');
  await w.locator('[data-field=steps] summary').click();
  const step = w.locator('li[data-step-name=FULL_VERIFIER]');
  await step.waitFor();
  assert.equal(await step.getAttribute('data-step-status'), 'RUNNING', "OMS's own status stays in the contract");
  const text = await step.textContent();
  assert.match(text, /Done 100%/);
  assert.doesNotMatch(text, /Running|running for/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the document's language follows lang, and a project read through both APIs says which", async () => {
  const { page, errors } = await openPage('project=np_v4_payments,v4:np_v4_payments,np_steady_orders&lang=zh-CN');
  await eventually(() => page.locator('[data-oms-widget][data-state=live]').count(), (n) => n === 3, { what: 'live' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const tags = await page.evaluate(() => [...document.querySelectorAll('[data-oms-widget]')].map((w) => [
    w.getAttribute('data-project-id'), w.querySelector('[data-field=api]')?.textContent ?? null]));
  assert.deepEqual(tags, [['np_v4_payments', 'OMS 3.x'], ['np_v4_payments', 'OMS 4.x'], ['np_steady_orders', null]]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a second tab reads the leader's answers as old as they are: no made-up clock offset", async () => {
  const query = 'project=np_steady_orders,np_finished_archive&interval=2';
  const first = await openPage(query);
  await eventually(() => first.page.locator('[data-oms-widget][data-state=live]').count(), (n) => n === 2, { what: 'first tab live' });
  // The finished project is polled once a minute: the leader's latest answer ages.
  const aged = /updated ([89]|1\d) s ago/;
  await eventually(() => first.page.locator('[data-project-id=np_finished_archive] [data-field=updated]').textContent(), (t) => aged.test(t), { what: "the leader's answer 8 s old", timeout: 15_000 });
  const second = await openPage(query);
  await eventually(() => second.page.locator('[data-oms-widget][data-state=live]').count(), (n) => n === 2, { what: 'second tab live' });
  const seen = [];
  for (let i = 0; i < 12; i += 1) {
    seen.push(await second.page.evaluate(() => ({
      offsets: [...document.querySelectorAll('[data-field=history][data-clock-offset-ms]')].map((h) => h.getAttribute('data-clock-offset-ms')),
      notes: document.querySelectorAll('[data-field=clock-offset]').length,
      finished: document.querySelector('[data-project-id=np_finished_archive] [data-field=updated]')?.textContent,
    })));
    await measureFor(500); // the sampling period
  }
  assert.deepEqual(seen.filter((s) => s.offsets.length || s.notes), [], 'no clock correction between two tabs of one machine');
  assert.match(seen[0].finished, aged, "the leader's answer keeps its age");
  assert.deepEqual([...first.errors, ...second.errors], []);
  await first.page.close();
  await second.page.close();
});

test('compact, a verification shows only when rows differ, as one line', async () => {
  const { page, errors } = await openPage('project=v4:np_verify_mismatch,v4:np_verified_ledger&compact');
  const bad = widget(page, 'np_verify_mismatch').locator('[data-field=verify]');
  const good = widget(page, 'np_verified_ledger').locator('[data-field=verify]');
  await eventually(() => good.getAttribute('data-verify').catch(() => null), (v) => v === 'consistent', { what: 'consistent read' });
  await eventually(() => bad.getAttribute('data-verify').catch(() => null), (v) => v === 'inconsistent', { what: 'inconsistent read' });
  assert.equal(await bad.locator('[data-field=verify-line]').isVisible(), true);
  assert.equal(await bad.locator('[data-field=verify-tables]').isVisible(), false);
  assert.equal(await good.isVisible(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

// The page's monotonic clock as a test can hold back (as a laptop's sleep
// stops it, while the wall clock and OMS's go on).
// A sleep leaves timeOrigin + now() behind the wall clock; shifting
// timeOrigin does that without sending now() back, which no browser does
// (the page's timers keep reading now()).
const sleepableClock = () => {
  const origin = performance.timeOrigin;
  let lost = 0;
  window.__sleep = (ms) => { lost += ms; };
  Object.defineProperty(performance, 'timeOrigin', { get: () => origin - lost });
};

test("after a sleep the page's clock is corrected from the next answer, and no clock note blames the browser", async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(sleepableClock);
  await page.goto(`${env.sim.base}/?project=np_steady_orders&interval=2`);
  const w = widget(page, 'np_steady_orders');
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  await page.evaluate(() => window.__sleep(30 * 60 * 1000));
  // The next answers re-estimate OMS's clock against the page's.
  const seq = await env.sim.nextSeq();
  await eventually(async () => (await env.sim.requestsFor('np_steady_orders', seq)).length, (n) => n >= 2, { what: 'two polls after the sleep' });
  const read = async () => {
    const seen = await w.evaluate((root) => ({
      state: root.getAttribute('data-state'),
      lag: Number(root.querySelector('[data-field=checkpoint]')?.getAttribute('data-lag-seconds')),
      note: root.querySelector('[data-field=clock-offset]')?.textContent ?? null,
      offset: root.querySelector('[data-field=history]')?.getAttribute('data-clock-offset-ms') ?? null,
    }));
    return { ...seen, lag: seen.lag <= 25 };
  };
  const expected = { state: 'live', lag: true, note: null, offset: null };
  // The second answer's trip back and its render; a wrong state fails at the timeout, with it.
  const seen = await eventually(read, (s) => JSON.stringify(s) === JSON.stringify(expected), { what: 'corrected after the sleep', timeout: 5_000 }).catch(() => read());
  assert.deepEqual(seen, expected);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a paused project tells its lag without judging it, as its badge and the alerts do', async () => {
  const { page, errors } = await openPage('project=np_suspended_crm,v4:np_suspended_crm&lang=zh-CN');
  for (const w of await page.locator('[data-oms-widget][data-project-id=np_suspended_crm]').all()) {
    await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
    const part = w.locator('[data-field=checkpoint]');
    assert.equal(await part.getAttribute('data-lag-level'), 'paused');
    assert.match(await part.locator('[data-field=lag]').textContent(), /\(已暂停\)$/);
    assert.equal(await part.locator('[data-field=lag-where]').count(), 0);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
