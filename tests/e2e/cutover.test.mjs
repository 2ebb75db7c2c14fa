// Switch-over readiness end to end through oms-sim: each seeded migration
// reads its verdict and its six checks without a click, in English and in
// Chinese; a plan without a switch-over step has none; stale data is not
// judged afresh; the element tells each change of verdict
// (`oms-cutover-change`), "Notify me" tells a project becoming ready, a
// wallboard card whose plan waits at its switch-over says so; the
// requests stay within their bounds over two minutes; and a verification
// that just finished is judged by its final counts, not those so far.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, startSim, openPage, widget, eventually, measureFor, stubNotifications } from './harness.mjs';

const env = simAndBrowser();

/** The panel's verdict, blocker, line, advice and checks, read at once. */
const readinessOf = (w) =>
  w.locator('[data-field=cutover]').evaluate((el) => ({
    verdict: el.dataset.cutover,
    blocking: el.dataset.blocking ?? null,
    line: el.querySelector('[data-field=cutover-line]').textContent,
    advice: el.querySelector('[data-field=cutover-advice]')?.textContent ?? null,
    checks: Object.fromEntries([...el.querySelectorAll('[data-check]')].map((c) => [c.dataset.check, c.dataset.ok])),
    order: [...el.querySelectorAll('[data-check]')].map((c) => c.dataset.check),
  }));

const ORDER = ['full', 'verify', 'lag', 'lag-held', 'healthy', 'reverse'];

// Each seeded migration (sim/scenarios/default.toml): its verdict, what
// blocks it, each check's data-ok, and its line in both languages (a
// regular expression where the line names a time).
const SEEDED = {
  np_cutover_ready: {
    verdict: 'ready', blocking: null,
    checks: { full: 'true', verify: 'true', lag: 'true', 'lag-held': 'true', healthy: 'true', reverse: 'true' },
    en: /^Ready to switch over$/, zh: /^可以切换$/,
  },
  np_cutover_rows_differ: {
    verdict: 'not-ready', blocking: 'verify',
    checks: { full: 'true', verify: 'false', lag: 'true', 'lag-held': 'true', healthy: 'true', reverse: 'true' },
    en: /^Not ready: 1,203 rows differ$/, zh: /^未就绪：1,203 行不一致$/,
  },
  np_cutover_lagging: {
    verdict: 'not-ready', blocking: 'lag',
    checks: { full: 'true', verify: 'true', lag: 'false', 'lag-held': 'false', healthy: 'true', reverse: 'true' },
    en: /^Not ready: Lag above 25 s$/, zh: /^未就绪：延迟超过 25 秒$/,
  },
  np_cutover_just_caught_up: {
    verdict: 'not-ready', blocking: 'lag-held',
    checks: { full: 'true', verify: 'true', lag: 'true', 'lag-held': 'false', healthy: 'true', reverse: 'true' },
    en: /^Not ready: Lag 1 min 35 s at .+, above 25 s within the last 5 min$/,
    zh: /^未就绪：.+ 延迟 1 分 35 秒，最近 5 分内超过 25 秒$/,
  },
  np_cutover_switching: {
    verdict: 'switching', blocking: null,
    checks: { full: 'true', verify: 'true', lag: 'true', 'lag-held': 'true', healthy: 'true', reverse: 'true' },
    en: /^Switching over, 40 %$/, zh: /^正在切换，40 %$/,
  },
  np_cutover_switched: {
    verdict: 'switched', blocking: null,
    checks: { full: 'true', verify: 'true', lag: 'true', 'lag-held': 'true', healthy: 'true', reverse: 'true' },
    en: /^Switched over · watch the reverse sync's lag$/, zh: /^已切换 · 请关注反向同步延迟$/,
  },
  np_cutover_no_way_back: {
    verdict: 'ready', blocking: null,
    checks: { full: 'true', verify: 'true', lag: 'true', 'lag-held': 'true', healthy: 'true', reverse: 'false' },
    en: /^Ready to switch over$/, zh: /^可以切换$/,
    advice: { en: 'No reverse incremental: no way back after switching', zh: /回退|反向/ },
  },
};

test('each seeded migration: its verdict and checks without a click, in both languages', { timeout: 120_000 }, async () => {
  const ids = Object.keys(SEEDED);
  for (const lang of ['en', 'zh-CN']) {
    const query = `project=${[...ids, 'np_verified_ledger'].map((id) => `v4:${id}`).join(',')}&interval=2&lang=${lang}`;
    const { page, errors } = await openPage(env.browser, env.sim.base, query);
    for (const [id, want] of Object.entries(SEEDED)) {
      const w = widget(page, id);
      const r = await eventually(() => readinessOf(w), (r) => r.verdict === want.verdict && r.blocking === want.blocking,
        { what: `${id}: ${want.verdict} (${lang})`, timeout: 20_000 });
      assert.deepEqual(r.order, ORDER, `${id}: one check each, in order`);
      if (want.checks) assert.deepEqual(r.checks, want.checks, `${id} (${lang})`);
      assert.match(r.line, lang === 'en' ? want.en : want.zh, `${id} (${lang})`);
      if (want.advice) {
        const advice = lang === 'en' ? want.advice.en : want.advice.zh;
        if (typeof advice === 'string') assert.equal(r.advice, advice);
        else assert.match(r.advice ?? '', advice);
      } else if (want.verdict === 'ready' || want.verdict === 'not-ready') {
        assert.equal(r.advice, null, `${id}: a way back, no advice`);
      }
      // Without a click: the checks sit in a closed disclosure, the verdict beside the card's figures.
      assert.equal(await w.locator('details.oms-cutover-checks').getAttribute('open'), null);
    }
    // A plan without a switch-over step has no readiness.
    const plain = widget(page, 'np_verified_ledger');
    await eventually(() => plain.locator('[data-field=verify]').count(), (n) => n === 1, { what: 'the plain migration\'s plan read' });
    assert.equal(await plain.locator('[data-field=cutover]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('data no longer current is not judged afresh: the lag turns unknown and the verdict not ready', { timeout: 90_000 }, async () => {
  const id = 'np_cutover_stale';
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    kind: 'migration', naming: 'v4', verify: { tables: 2, differing_rows: 0 },
    switch_over: { state: 'waiting', reverse: true },
    behaviour: { type: 'steady', lag_min_secs: 2, lag_max_secs: 4, period_secs: 60 },
  });
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=1&cutover-hold=60`);
  const w = widget(page, id);
  await eventually(() => readinessOf(w), (r) => r.checks.lag === 'true', { what: 'the lag judged', timeout: 20_000 });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'hang' });
  const r = await eventually(() => readinessOf(w), (r) => r.checks.lag === 'unknown',
    { what: 'the lag unknown once the data is stale', timeout: 30_000 });
  assert.match(await w.getAttribute('data-state'), /^(error|stale)$/);
  assert.equal(r.verdict, 'not-ready');
  assert.equal(r.checks['lag-held'], 'unknown');
  assert.equal(r.line, 'Not ready: Lag unknown: no current answer from OMS');
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Notify me" tells a project becoming ready to switch over', { timeout: 120_000 }, async () => {
  const id = 'np_cutover_events';
  const define = (status) => env.sim.control('PUT', `/_sim/projects/${id}`, {
    kind: 'migration', naming: 'v4', verify: { tables: 2, differing_rows: 0 },
    switch_over: { state: 'waiting', reverse: true },
    behaviour: status === 'RUNNING'
      ? { type: 'steady', lag_min_secs: 2, lag_max_secs: 4, period_secs: 60 }
      : { type: 'fixed', status, current_step: 'INCR_TRANSFER', struct_progress: 100, full_progress: 100, checkpoint: { frozen_lag_secs: 5 } },
  });
  await define('SUSPEND');
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(stubNotifications);
  await page.goto(`${env.sim.base}/?project=v4:${id}&interval=1&cutover-hold=60`);
  const w = widget(page, id);
  const first = await eventually(() => readinessOf(w), (r) => r.verdict === 'not-ready' && r.blocking === 'healthy',
    { what: 'not ready while paused', timeout: 20_000 });
  assert.equal(first.checks.healthy, 'false');
  await define('RUNNING');
  // Ready once it runs and a minute of lag within the limit is covered.
  await eventually(() => readinessOf(w), (r) => r.verdict === 'ready', { what: 'ready', timeout: 100_000, interval: 500 });
  const notified = await eventually(() => page.evaluate(() => window.notified), (n) => n.length > 0, { what: 'a notification', timeout: 5_000 });
  assert.deepEqual(notified, [`${id}: ready to switch over`]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the wallboard: a card whose plan waits at its switch-over says so; opened, its readiness', { timeout: 60_000 }, async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await openPage(env.browser, env.sim.base, `wall&lang=${lang}&interval=2`);
    await eventually(() => page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'wallboard live' });
    const awaiting = await page.$$eval('li.oms-wall-card', (cards) => cards
      .filter((c) => !c.querySelector('[data-field=awaiting-switch-over]').hidden)
      .map((c) => [c.dataset.projectId, c.querySelector('[data-field=awaiting-switch-over]').textContent]));
    const waiting = ['np_cutover_just_caught_up', 'np_cutover_lagging', 'np_cutover_no_way_back', 'np_cutover_ready', 'np_cutover_rows_differ'];
    // Of the seeded ones (the other tests of this file define more).
    const seeded = awaiting.filter(([id]) => id in SEEDED).map(([id]) => id).sort();
    assert.deepEqual(seeded, waiting, 'waiting at the switch-over, and only those');
    assert.ok(awaiting.every(([id]) => id.startsWith('np_cutover_')), JSON.stringify(awaiting));
    for (const [, text] of awaiting) assert.equal(text, lang === 'en' ? 'awaiting switch-over' : '等待切换');
    const card = page.locator('li.oms-wall-card[data-project-id=np_cutover_rows_differ]');
    await card.locator('[data-action=open]').click();
    const r = await eventually(() => readinessOf(card), (r) => r.verdict === 'not-ready' && r.blocking === 'verify',
      { what: `the opened card's readiness (${lang})`, timeout: 20_000 });
    assert.equal(r.checks.verify, 'false');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('requests stay within their bounds over two minutes: the plan and the verification, not per poll', { timeout: 180_000 }, async () => {
  // Two projects at once, each in a simulator of its own (its log is its
  // project's): one waiting at its switch-over (RUNNING at 0 %), one whose
  // full copy runs (a step running toward an end, its current step still).
  const running = await startSim();
  try {
    const cases = [
      [env.sim, 'np_cutover_requests', { type: 'steady', lag_min_secs: 2, lag_max_secs: 4, period_secs: 60 }, 'true'],
      [running, 'np_cutover_requests_full', { type: 'fixed', status: 'RUNNING', current_step: 'FULL_TRANSFER', struct_progress: 100, full_progress: 40, checkpoint: { lag_secs: 3 } }, 'false'],
    ];
    const opened = [];
    for (const [sim, id, behaviour, full] of cases) {
      await sim.control('PUT', `/_sim/projects/${id}`, {
        kind: 'migration', naming: 'v4', verify: { tables: 2, differing_rows: 0 },
        // A waiting switch-over is the current step: the full copy's case has none yet.
        ...(full === 'true' ? { switch_over: { state: 'waiting', reverse: true } } : {}),
        behaviour,
      });
      const seq = await sim.nextSeq();
      const { page, errors } = await openPage(env.browser, sim.base, `project=v4:${id}&interval=1`);
      const w = widget(page, id);
      if (full === 'true') {
        await eventually(() => readinessOf(w), (r) => r.checks.verify === 'true', { what: `${id}: readiness read`, timeout: 20_000 });
      } else {
        await eventually(() => w.locator('[data-field=steps] li[data-step-name=FULL_TRANSFER]').getAttribute('data-step-status'), (s) => s === 'RUNNING',
          { what: `${id}: the plan read, its full copy running`, timeout: 20_000 });
      }
      opened.push({ sim, id, seq, page, errors, full });
    }
    // Two minutes of polls every second: a plan asked every minute would
    // be asked three times.
    await measureFor(125_000);
    for (const { sim, id, seq, page, errors, full } of opened) {
      const log = (await sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`)).requests;
      const count = (action) => log.filter((r) => (r.query ?? '').includes(`Action=${action}`)).length;
      const polls = count('DescribeProjectProgress');
      assert.ok(polls >= 100, `${id}: ${polls} progress polls in two minutes`);
      // At open, then at most once every 3 minutes: at most 2 here.
      const plans = count('DescribeProjectSteps');
      assert.ok(plans >= 1 && plans <= 2, `${id}: ${plans} plan asks`);
      // Finished: read once (its pages), not again while it stays
      // finished; before the full copy finished there is none to read.
      const verify = count('ListProjectFullVerifyResult');
      if (full === 'true') assert.ok(verify >= 1 && verify <= 2, `${id}: ${verify} verification reads`);
      else assert.equal(verify, 0, `${id}: no verification yet`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    await running.stop();
  }
});

test('a verification\'s counts so far are not read as its final ones when the plan says it finished', { timeout: 150_000 }, async () => {
  const id = 'np_cutover_verify_ends';
  const define = (verify) => env.sim.control('PUT', `/_sim/projects/${id}`, {
    kind: 'migration', naming: 'v4', verify, switch_over: { state: 'waiting', reverse: true },
    behaviour: { type: 'steady', lag_min_secs: 2, lag_max_secs: 4, period_secs: 60 },
  });
  // Running, no row differing so far.
  await define({ tables: 2, differing_rows: 0, duration_secs: 3600 });
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=1&cutover-hold=60`);
  const w = widget(page, id);
  // The step list open: the plan is asked after every poll.
  await w.locator('[data-field=steps] summary').click();
  await eventually(() => readinessOf(w), (r) => r.checks['lag-held'] === 'true' && r.checks.verify === 'false',
    { what: 'everything but the running verification holds', timeout: 100_000, interval: 500 });
  await w.locator('[data-field=cutover]').evaluate((el) => {
    window.__verdicts = [];
    new MutationObserver(() => window.__verdicts.push(el.dataset.cutover))
      .observe(el, { attributes: true, attributeFilter: ['data-cutover'] });
  });
  // It finished, with rows differing: the plan says so before the final
  // counts are read.
  await define({ tables: 2, differing_rows: 1203 });
  const r = await eventually(() => readinessOf(w), (r) => r.line === 'Not ready: 1,203 rows differ',
    { what: 'the final counts judged', timeout: 20_000 });
  assert.equal(r.checks.verify, 'false');
  const verdicts = await page.evaluate(() => window.__verdicts);
  assert.ok(!verdicts.includes('ready'), `never ready in between: ${JSON.stringify(verdicts)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a finished verification whose read failed is read again when the backoff is over, without a reload', { timeout: 60_000 }, async () => {
  const id = 'np_cutover_verify_retry';
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    kind: 'migration', naming: 'v4', verify: { tables: 2, differing_rows: 0 },
    switch_over: { state: 'waiting', reverse: true },
    behaviour: { type: 'steady', lag_min_secs: 2, lag_max_secs: 4, period_secs: 60 },
  });
  // The first read of the results fails; nothing else moves the call's revision.
  await env.sim.control('POST', '/_sim/faults', { project: id, action: 'ListProjectFullVerifyResult', kind: 'status', code: 503, count: 1 });
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=1`);
  const w = widget(page, id);
  const failed = await eventually(() => readinessOf(w), (r) => r.checks.verify === 'unknown', { what: 'the read failed', timeout: 20_000 });
  assert.match(failed.line, /^Not ready: Verification results could not be read/);
  await eventually(() => readinessOf(w), (r) => r.checks.verify === 'true', { what: 'read again', timeout: 30_000 });
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a project ready when first seen is not told as becoming ready; an unchanged poll writes nothing', { timeout: 60_000 }, async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(stubNotifications);
  await page.goto(`${env.sim.base}/?project=v4:np_cutover_ready&interval=1`);
  const w = widget(page, 'np_cutover_ready');
  await eventually(() => readinessOf(w), (r) => r.verdict === 'ready', { what: 'ready', timeout: 20_000 });
  await w.locator('[data-field=cutover]').evaluate((el) => {
    window.__cutoverWrites = 0;
    new MutationObserver(() => { window.__cutoverWrites += 1; })
      .observe(el, { attributes: true, characterData: true, childList: true, subtree: true });
  });
  await measureFor(5_000); // five polls that change no check
  assert.equal(await page.evaluate(() => window.__cutoverWrites), 0, 'an unchanged poll rewrote readiness');
  assert.deepEqual(await page.evaluate(() => window.notified), [], 'ready at open is not news');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a plan without a verification: the check says so and does not block', { timeout: 60_000 }, async () => {
  const id = 'np_cutover_unverified';
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    kind: 'migration', naming: 'v4', switch_over: { state: 'waiting', reverse: true },
    behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 6, period_secs: 60 },
  });
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=2&lang=${lang}`);
    const w = widget(page, id);
    const r = await eventually(() => readinessOf(w), (r) => r.verdict === 'ready', { what: `ready without a verification (${lang})`, timeout: 20_000 });
    assert.equal(r.checks.verify, 'unknown');
    const verify = w.locator('[data-check=verify]');
    assert.equal(await verify.getAttribute('data-blocking'), 'false');
    assert.match(await verify.textContent(), lang === 'en' ? /No verification in this plan: consistency not checked/ : /此计划不含全量校验/);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
