// OMS's own history and verification, end to end: a project that fell
// behind an hour before the page opened shows a full chart, its trend and
// its catch-up ETA from the first answer, a 1 h / 6 h / 24 h switch and its
// throughput; an OMS without the action (4.0) leaves the browser's own
// samples, says so, and is asked once; verification shows a consistent and
// an inconsistent project with their tables, on the card without a click.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, startSim, openPage, widget, eventually, measureFor } from './harness.mjs';

const env = simAndBrowser();

/** The simulator's logged requests for one action since `seq`. */
async function asked(sim, action, seq) {
  const log = await sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`);
  return log.requests.filter((r) => r.query === `Action=${action}`);
}

test('OMS\'s history fills the chart at open: trend and ETA from the first answer, range switch, throughput', async () => {
  const id = 'np_incident_catchup';
  // Fell to 30 min behind an hour ago, catching up since.
  await env.sim.control('PUT', `/_sim/projects/${id}`, { naming: 'v4', behaviour: { type: 'lag_curve', points: [[-3600, 1800], [-1800, 1500], [900, 60], [1200, 8]] } });
  const seq = await env.sim.nextSeq();
  const opened = Date.now();
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=5`);
  const w = widget(page, id);
  const history = w.locator('[data-field=history]');
  await eventually(() => history.getAttribute('data-history-source'), (s) => s === 'both', { what: 'OMS\'s history joined' });
  // Well before a minute of the browser's own samples.
  await eventually(() => history.getAttribute('data-trend'), (t) => t === 'catching-up', { what: 'trend from the first answer' });
  const eta = Number(await w.locator('[data-field=catch-up-eta]').getAttribute('data-eta-seconds'));
  assert.ok(Date.now() - opened < 30_000, `trend after ${Date.now() - opened} ms`);
  // About 1,000 s of lag falling ~0.55 s a second towards 25 s.
  assert.ok(eta >= 600 && eta <= 3600, `ETA ${eta} s`);
  const spark = w.locator('svg[data-field=lag-history]');
  assert.ok(Number(await spark.getAttribute('data-points')) >= 9, 'an hour of points');
  // The oldest point at the chart's left edge: the whole hour is drawn.
  const xs = (await spark.locator('polyline').getAttribute('points')).split(' ').map((p) => Number(p.split(',')[0]));
  assert.ok(xs[0] <= 12 && xs.at(-1) === 120, `x from ${xs[0]} to ${xs.at(-1)}`);
  assert.equal(await history.getAttribute('data-range'), '1h');
  assert.match(await w.locator('[data-field=chart-caption]').textContent(), /^Forward lag over 1 h \(scale 0–\d+ min\)$/);
  const rate = w.locator('[data-field=throughput]');
  assert.ok(Number(await rate.getAttribute('data-rows-per-second')) > 0);
  assert.match(await rate.textContent(), /^Incremental: [\d,]+ rows\/s now, [\d,]+ rows\/s on average over 1 h$/);
  // DELAY and RPS, once each: never per poll.
  await measureFor(11_000); // ten polls: the history is asked once, never per poll
  const metric = await asked(env.sim, 'DescribeProjectStepMetric', seq);
  assert.equal(metric.length, 2, `metric requests in 11 s: ${metric.length}`);

  // The range switch, by mouse and by keyboard.
  await w.locator('button[data-range="6h"]').click();
  await eventually(() => history.getAttribute('data-range'), (r) => r === '6h', { what: '6 h' });
  assert.equal(await w.locator('button[data-range="6h"]').getAttribute('aria-pressed'), 'true');
  await eventually(() => w.locator('[data-field=chart-caption]').textContent(), (t) => /over 6 h/.test(t), { what: 'caption 6 h' });
  await w.locator('button[data-range="24h"]').focus();
  await page.keyboard.press('Enter');
  await eventually(() => history.getAttribute('data-range'), (r) => r === '24h', { what: '24 h' });
  assert.equal(await w.locator('button[data-range="1h"]').getAttribute('aria-pressed'), 'false');
  // Each range asked once (DELAY and RPS), and the chart says which it draws.
  assert.equal((await asked(env.sim, 'DescribeProjectStepMetric', seq)).length, 6, 'each range asked once');
  assert.match(await w.locator('[data-field=chart-caption]').textContent(), /over 24 h/);
  assert.equal(await w.locator('[data-field=error]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();

  // In Chinese.
  const zh = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=5&lang=zh-CN`);
  const zw = widget(zh.page, id);
  await eventually(() => zw.locator('[data-field=chart-caption]').count(), (n) => n === 1, { what: 'caption' });
  assert.match(await zw.locator('[data-field=chart-caption]').textContent(), /^正向延迟，1 小时（刻度 0–\d+ 分）$/);
  assert.equal(await zw.locator('[role=group]').getAttribute('aria-label'), '图表范围');
  await zh.page.close();
});

test('a running full copy: its throughput and its ETA from the rows left at open', async () => {
  const id = 'np_full_copy';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { naming: 'v4', behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'FULL_TRANSFER', struct_progress: 100, full_progress: 40 } });
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=5`);
  const w = widget(page, id);
  const opened = Date.now();
  const eta = w.locator('[data-field=full-eta]');
  await eventually(() => eta.count(), (n) => n === 1, { what: 'the full-data ETA' });
  assert.ok(Date.now() - opened < 20_000, 'before the browser\'s own samples could give one');
  // 1.44 M rows left at a few thousand rows a second.
  const secs = Number(await eta.getAttribute('data-eta-seconds'));
  assert.ok(secs >= 120 && secs <= 1_200, `ETA ${secs} s`);
  const rate = w.locator('[data-field=full-throughput]');
  assert.ok(Number(await rate.getAttribute('data-rows-per-second')) > 1_000);
  assert.match(await rate.textContent(), /^Full data: [\d,]+ rows\/s now, [\d,]+ rows\/s on average over 1 h$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an OMS without the action: the browser\'s own samples, said in the tooltip, no error, not asked again', async () => {
  const old = await startSim({ args: ['--oms-version', '4.0'] });
  try {
    const seq = await old.nextSeq();
    const { page, errors } = await openPage(env.browser, old.base, 'project=v4:np_steady_orders,v4:np_v4_payments&interval=1');
    const w = widget(page, 'np_steady_orders');
    const spark = w.locator('svg[data-field=lag-history]');
    await eventually(() => spark.count(), (n) => n === 1, { what: 'the browser\'s chart' });
    await measureFor(8_000); // eight polls: the action OMS lacks is not asked again
    const history = w.locator('[data-field=history]');
    assert.equal(await history.getAttribute('data-history-source'), 'browser');
    assert.equal(await history.getAttribute('data-range'), null);
    assert.equal(await w.locator('button[data-range]').count(), 0, 'no range switch');
    assert.match(await spark.locator(':scope > title').textContent(), /This OMS serves no history \(OMS 4\.1 or later does\)/);
    assert.equal(await w.getAttribute('data-state'), 'live');
    assert.equal(await w.locator('[data-field=error]').count(), 0);
    // Once per widget at most (both asked before the first answer came), then never.
    const metric = await asked(old, 'DescribeProjectStepMetric', seq);
    assert.ok(metric.length >= 1 && metric.length <= 2, `asked ${metric.length} times over 9 s of 1 s polls`);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await old.stop();
  }
});

test('verification: a consistent and an inconsistent project without a click, tables when opened, a finished one asked once', async () => {
  const { page, errors } = await openPage(env.browser, env.sim.base, 'project=v4:np_verified_ledger,v4:np_verify_mismatch&interval=2');
  const good = widget(page, 'np_verified_ledger');
  const bad = widget(page, 'np_verify_mismatch');
  await eventually(() => good.getAttribute('data-state'), (s) => s === 'live', { what: 'live' });
  // The verdict is on the card without opening the step list.
  const verify = (w) => w.locator('[data-field=verify]');
  await eventually(() => verify(good).getAttribute('data-verify'), (v) => v === 'consistent', { what: 'consistent' });
  assert.equal(await verify(good).getAttribute('data-differing-rows'), '0');
  assert.equal(await good.locator('[data-field=verify-line]').textContent(), 'Verification: consistent');
  await eventually(() => verify(bad).getAttribute('data-verify'), (v) => v === 'inconsistent', { what: 'inconsistent' });
  assert.equal(await verify(bad).getAttribute('data-differing-rows'), '1203');
  assert.equal(await bad.locator('[data-field=verify-line]').textContent(), 'Verification: 1,203 rows differ');
  // The tables, when opened: the one that differs first, with OMS's counts.
  await bad.locator('[data-field=verify-tables] summary').click();
  const rows = bad.locator('[data-field=verify-tables] tbody tr');
  assert.equal(await rows.count(), 6);
  assert.equal(await rows.first().getAttribute('data-table'), 'billing.invoice');
  assert.equal(await rows.first().getAttribute('data-result'), 'INCONSISTENT');
  assert.equal(await rows.first().getAttribute('data-consistent'), 'false');
  assert.deepEqual(await rows.first().locator('td').allTextContents(), ['INCONSISTENT (不一致)', '401', '200', '602', '8,797', '100%']);
  assert.equal(await rows.nth(1).getAttribute('data-consistent'), 'true');
  // A finished verification is not asked again, the step list open or not.
  const seq = await env.sim.nextSeq();
  await bad.locator('[data-field=steps] summary').click();
  await measureFor(6_000); // six polls, the list open: a finished verification is not asked again
  assert.equal((await asked(env.sim, 'ListProjectFullVerifyResult', seq)).length, 0, 'finished: not refreshed');
  assert.equal(await page.locator('[data-field=steps][open]').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a running verification shows its progress without a click, then its verdict, the list closed; asked once a minute at most', async () => {
  const id = 'np_verify_running';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { kind: 'migration', naming: 'v4', verify: { tables: 3, differing_rows: 0, duration_secs: 20 }, behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 4, period_secs: 60 } });
  const seq = await env.sim.nextSeq();
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=1`);
  const w = widget(page, id);
  const verify = w.locator('[data-field=verify]');
  await eventually(() => verify.getAttribute('data-verify'), (v) => v === 'running', { what: 'running' });
  assert.match(await w.locator('[data-field=verify-line]').textContent(), /^Verification: running, \d+ %$/);
  // Polled every second with the list closed: the plan and the results are
  // asked again within a minute, and the verdict comes once it finished.
  await eventually(() => verify.getAttribute('data-verify'), (v) => v === 'consistent', { what: 'finished, the list closed', timeout: 80_000 });
  assert.equal(await w.locator('[data-field=verify-line]').textContent(), 'Verification: consistent');
  assert.equal(await w.locator('[data-field=steps][open]').count(), 0);
  const results = (await asked(env.sim, 'ListProjectFullVerifyResult', seq)).length;
  const plans = (await asked(env.sim, 'DescribeProjectSteps', seq)).length;
  assert.ok(results >= 2 && results <= 4, `results asked ${results} times`);
  assert.ok(plans >= 2 && plans <= 4, `plan asked ${plans} times`);
  assert.deepEqual(errors, []);
  await page.close();
});
