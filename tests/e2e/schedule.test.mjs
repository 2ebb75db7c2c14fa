// One scheduler per page: one clock for every widget, one poll per project
// and endpoint however many widgets show it, at most six requests in
// flight, and polls spread over the interval. Measured through oms-sim's
// request log and the page's own timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, widget, measureFor, eventually, openPage } from './harness.mjs';

const env = simAndBrowser();
const ids = (n, prefix) => Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(2, '0')}`);
const steady = { type: 'steady', lag_min_secs: 1, lag_max_secs: 5, period_secs: 60 };

async function allLive(page, list) {
  for (const id of new Set(list)) {
    await eventually(() => widget(page, id).first().getAttribute('data-state'), (s) => s === 'live', { what: `${id} live`, timeout: 20_000 });
  }
}

test('two widgets of one project share one poll; each page has one clock', async () => {
  const projects = ids(20, 'np_sched_clock');
  for (const id of projects) await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: steady });
  const page = await env.browser.context.newPage();
  await page.addInitScript(() => {
    window.__intervals = [];
    window.__timeouts = 0;
    window.__sends = 0;
    const si = window.setInterval;
    window.setInterval = (...a) => { window.__intervals.push(a[1]); return si(...a); };
    const st = window.setTimeout;
    window.setTimeout = (...a) => { if (a[1] === 0) window.__sends += 1; else window.__timeouts += 1; return st(...a); };
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const shown = ['np_steady_orders', 'np_steady_orders', ...projects];
  await page.goto(`${env.sim.base}/?project=${shown.join(',')}&interval=1`);
  await allLive(page, shown);
  assert.equal(await widget(page, 'np_steady_orders').count(), 2);
  const seq = await env.sim.nextSeq();
  const before = await page.evaluate(() => [window.__timeouts, window.__sends]);
  await measureFor(5_000); // the timers set and requests sent are counted over five intervals
  const [timeouts, sends] = (await page.evaluate(() => [window.__timeouts, window.__sends])).map((n, i) => n - before[i]);
  const polls = (await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`)).requests.length;
  const requests = (await env.sim.requestsFor('np_steady_orders', seq)).length;
  assert.ok(requests >= 4 && requests <= 6, `${requests} requests in 5 s for two widgets at 1 s`);
  // Both show the same answer, ticking from the one clock.
  const lags = await widget(page, 'np_steady_orders').evaluateAll((ws) => ws.map((w) => w.querySelector('[data-field=checkpoint]').dataset.lagSeconds));
  assert.equal(lags[0], lags[1]);
  // The clock is the one 1 s interval; the others are the page's one check
  // for requests past their timeout, running while any is out.
  const intervals = await page.evaluate(() => window.__intervals);
  assert.equal(intervals.filter((ms) => ms === 1000).length, 1, `one ticker for 22 widgets (intervals: ${intervals})`);
  assert.deepEqual([...new Set(intervals.filter((ms) => ms !== 1000))], [250], `intervals: ${intervals}`);
  // The waits ending on one wave share a timer (measured: 15 for 105
  // polls), none per request for its timeout; the page's sends (a 0 ms
  // timer each) carry the requests of a wave together.
  assert.ok(polls > 50 && timeouts <= polls / 3, `${timeouts} setTimeout calls for ${polls} polls`);
  assert.ok(sends >= 1 && sends <= polls * 0.75, `${sends} sends for ${polls} polls`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at most six requests in flight', async () => {
  const projects = ids(18, 'np_sched_slow');
  for (const id of projects) {
    await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: steady });
    await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'latency', ms: 1_000, count: 1 });
  }
  const seq = await env.sim.nextSeq();
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=${projects.join(',')}&interval=6&timeout=5`);
  await allLive(page, projects);
  // Each first request takes 1 s at the simulator: they arrive six at a time.
  const first = [];
  for (const id of projects) first.push((await env.sim.requestsFor(id, seq))[0].wall_ms);
  first.sort((a, b) => a - b);
  for (let i = 6; i < first.length; i++) {
    assert.ok(first[i] - first[i - 6] >= 900, `request ${i} arrived ${first[i] - first[i - 6]} ms after request ${i - 6}: more than six in flight`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('widgets that start together poll spread over the interval, not in step', async () => {
  const projects = ids(16, 'np_sched_spread');
  for (const id of projects) await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: steady });
  const seq = await env.sim.nextSeq();
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=${projects.join(',')}&interval=6`);
  await allLive(page, projects);
  const polls = await eventually(async () => {
    const got = [];
    for (const id of projects) got.push((await env.sim.requestsFor(id, seq)).map((r) => r.wall_ms));
    return got;
  }, (got) => got.every((r) => r.length >= 2), { what: 'a second poll each', timeout: 20_000 });
  const firsts = polls.map((r) => r[0]);
  const seconds = polls.map((r) => r[1]);
  const span = (list) => Math.max(...list) - Math.min(...list);
  assert.ok(span(firsts) < 1_000, `first polls together (within ${span(firsts)} ms)`);
  // The first wait is 3 to 6 s: sixteen of them cannot all fall within one second.
  assert.ok(span(seconds) >= 1_000, `second polls within ${span(seconds)} ms: not spread`);
  for (const r of polls) assert.ok(r[1] - r[0] >= 2_800 && r[1] - r[0] <= 6_500, `first wait ${r[1] - r[0]} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});
