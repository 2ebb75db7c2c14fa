// The release-built standalone page against a real oms-sim, in headless
// Chromium: what the operator sees (the DOM contract) and what the network
// did (the simulator's request log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, widget, measureFor, eventually, openPage as open } from './harness.mjs';

const env = simAndBrowser();



const attr = (locator, name) => locator.getAttribute(name, { timeout: 5_000 });

const openPage = (query) => open(env.browser, env.sim.base, query);

test('seeded projects appear with the right states', async () => {
  const expected = {
    np_4ur1zdx1v8cg: { status: 'INIT', tone: 'neutral' },
    np_steady_orders: { status: 'RUNNING', tone: 'ok', lag: [1, 20] },
    p_3xj9docnames: { status: 'RUNNING', tone: 'ok', lag: [1, 13] },
    np_lagging_audit: { status: 'RUNNING', tone: 'ok', lag: [26, 3600] },
    np_failed_billing: { status: 'FAILED', tone: 'critical' },
    np_suspended_crm: { status: 'SUSPEND', tone: 'warn', lag: [95, 3600] },
    np_finished_archive: { status: 'FINISHED', tone: 'done', noIncr: true },
    np_released_legacy: { status: 'RELEASED', tone: 'neutral' },
    np_sybase_ledger: { status: 'RUNNING', tone: 'ok', checkpoint: /^log position 1\d\d,\d+$/ },
    np_ocp_inventory: { status: 'RUNNING', tone: 'ok', lag: [3, 16] },
    np_v4_payments: { status: 'RUNNING', tone: 'ok', lag: [1, 9] },
    p_migration_dw: { status: 'INIT', tone: 'neutral' },
  };
  const ids = Object.keys(expected).map((id) => (id === 'p_migration_dw' ? `migration:${id}` : id));
  // Fresh lifecycles so the walkers are at their start.
  await env.sim.control('POST', '/_sim/reset');
  const { page, errors } = await openPage(`project=${ids.join(',')},np_does_not_exist`);
  for (const [id, want] of Object.entries(expected)) {
    const w = widget(page, id);
    const state = await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: `${id} live` });
    assert.equal(state, 'live');
    assert.equal(await attr(w, 'data-status'), want.status, id);
    assert.equal(await attr(w, 'data-tone'), want.tone, id);
    if (want.lag) {
      const lag = Number(await attr(w.locator('[data-field=checkpoint]'), 'data-lag-seconds'));
      assert.ok(lag >= want.lag[0] && lag <= want.lag[1], `${id} lag ${lag}`);
    }
    if (want.noIncr) assert.equal(await w.locator('[data-field=checkpoint]').count(), 0, `${id} has no incremental part`);
    if (want.checkpoint) assert.match(await w.locator('[data-field=checkpoint-value]').textContent(), want.checkpoint);
  }
  // Released projects stop polling and say so.
  await widget(page, 'np_released_legacy').locator('[data-field=stopped]').waitFor();
  // The unknown project shows OMS's own code, message and advice.
  const missing = widget(page, 'np_does_not_exist');
  await eventually(() => attr(missing, 'data-state'), (s) => s === 'error', { what: 'not-found error' });
  const alert = missing.locator('[role=alert]');
  assert.equal(await alert.getAttribute('data-error'), 'not-found');
  assert.equal(await alert.locator('[data-field=error-code] span').last().textContent(), 'CM-RESONF000003');
  assert.match(await alert.textContent(), /np_does_not_exist does not exist/);
  assert.match(await alert.textContent(), /retrying in \d+ s/);
  await page.screenshot({ path: process.env.OMS_SCREENSHOT || '/dev/null' }).catch(() => {});
  assert.deepEqual(errors, []);
  await page.close();
});

test("a project's lifecycle is visible as it advances", async () => {
  const id = 'np_e2e_lifecycle';
  const put = (behaviour) => env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour });
  await put({ type: 'fixed', status: 'INIT', current_step: 'PRE_CHECK', struct_progress: 0, full_progress: 0 });
  const { page, errors } = await openPage(`project=${id}&interval=1`);
  const w = widget(page, id);
  const stages = [
    [{ type: 'fixed', status: 'INIT', current_step: 'PRE_CHECK', struct_progress: 0, full_progress: 0 }, 'INIT', 'PRE_CHECK', '0', '0'],
    [{ type: 'fixed', status: 'RUNNING', current_step: 'STRUCT_SYNC', struct_progress: 40, full_progress: 0 }, 'RUNNING', 'STRUCT_SYNC', '40', '0'],
    [{ type: 'fixed', status: 'RUNNING', current_step: 'CONNECTOR_FULL_SYNC', struct_progress: 100, full_progress: 75 }, 'RUNNING', 'CONNECTOR_FULL_SYNC', '100', '75'],
    [{ type: 'fixed', status: 'RUNNING', current_step: 'CONNECTOR_INCR_SYNC', struct_progress: 100, full_progress: 100, checkpoint: { lag_secs: 4 } }, 'RUNNING', 'CONNECTOR_INCR_SYNC', '100', '100'],
  ];
  for (const [behaviour, status, step, structPct, fullPct] of stages) {
    await put(behaviour);
    await eventually(() => attr(w.locator('[data-field=step]'), 'data-step'), (s) => s === step, { what: `step ${step}` });
    assert.equal(await attr(w, 'data-status'), status);
    assert.equal(await attr(w.locator('[role=progressbar][data-stage=struct]'), 'aria-valuenow'), structPct);
    assert.equal(await attr(w.locator('[role=progressbar][data-stage=full]'), 'aria-valuenow'), fullPct);
  }
  const lag = Number(await attr(w.locator('[data-field=checkpoint]'), 'data-lag-seconds'));
  assert.ok(lag >= 4 && lag <= 6, `lag ${lag}`);
  // The age ticks between polls, with no extra requests.
  await put({ type: 'fixed', status: 'RUNNING', current_step: 'CONNECTOR_INCR_SYNC', checkpoint: { unix: Math.floor(Date.now() / 1000) - 10 } });
  await eventually(() => attr(w.locator('[data-field=checkpoint]'), 'data-lag-seconds'), (s) => Number(s) >= 12, { what: 'lag ticking' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a fault shows an error with the last good data kept, then polling recovers', async () => {
  const id = 'np_steady_users';
  const { page, errors } = await openPage(`project=${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live first' });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'status', code: 503 });
  await eventually(() => attr(w, 'data-state'), (s) => s === 'error', { what: 'error state' });
  const alert = w.locator('[role=alert]');
  // nginx's 503 page in OMS's place: the proxy's error, by status and title.
  assert.equal(await alert.getAttribute('data-error'), 'proxy');
  assert.equal(await alert.locator('[data-field=error-detail]').textContent(), 'HTTP 503: "503 Service Unavailable"');
  assert.equal(await attr(w, 'data-status'), 'RUNNING', 'last good data stays on screen');
  // With no success for 3 intervals the data is marked stale, with its age.
  await w.locator('[data-field=stale]').waitFor({ timeout: 10_000 });
  assert.match(await w.locator('[data-field=updated]').textContent(), /updated \d+ s ago/);
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  // Backoff may have grown to a few seconds; "refresh now" asks at once.
  await w.locator('[data-action=refresh]').click();
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'recovered' });
  assert.equal(await w.locator('[role=alert]').count(), 0);
  assert.equal(await w.locator('[data-field=stale]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an auth error stops polling until the operator retries', async () => {
  const id = 'np_v4_payments';
  const { page } = await openPage(`project=${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live first' });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'status', code: 401 });
  await eventually(() => w.locator('[role=alert]').getAttribute('data-error').catch(() => null), (s) => s === 'auth', { what: 'auth error' });
  const seq = await env.sim.nextSeq();
  await measureFor(3_000); // three intervals in which no retry may be sent
  assert.equal((await env.sim.requestsFor(id, seq)).length, 0, 'no retry storm after 401');
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  await w.locator('[data-action=retry]').click();
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live after retry' });
  await page.close();
});

test('no requests while the page is hidden; one at once when it is shown again', async () => {
  const id = 'np_ocp_inventory';
  const { page } = await openPage(`project=${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live first' });
  // Chromium driven by Playwright reports every page visible, even behind
  // another tab or minimised (tried), so the page's visibility is set the
  // way the browser would: the property and the visibilitychange event.
  const setVisibility = (state) =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
      // As the browser fires it: at the document, bubbling to the window.
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, state);
  await setVisibility('hidden');
  // No event marks the end of a poll already in flight: a beat to land.
  await measureFor(1_500);
  const seq = await env.sim.nextSeq();
  await measureFor(4_000); // four intervals in which no request may be sent
  assert.equal((await env.sim.requestsFor(id, seq)).length, 0, 'silent while hidden');
  const shownAt = Date.now();
  await setVisibility('visible');
  const after = await eventually(() => env.sim.requestsFor(id, seq), (r) => r.length > 0, { what: 'poll on show' });
  assert.ok(after[0].wall_ms - shownAt < 900, `polled ${after[0].wall_ms - shownAt} ms after being shown`);
  await page.close();
});

test('hostile text from OMS is shown literally and never executed', async () => {
  const id = 'np_e2e_hostile';
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC' } });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'hostile', text: hostile });
  const { page, errors } = await openPage(`project=${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-status'), (s) => s === hostile, { what: 'hostile status' });
  assert.equal(await w.locator('.oms-badge-label').textContent(), hostile);
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'business_error', code: hostile, message: hostile, advice: hostile });
  await eventually(() => w.locator('[role=alert]').count(), (n) => n === 1, { what: 'error panel' });
  assert.match(await w.locator('[role=alert]').textContent(), /<img src=x onerror=/);
  assert.equal(await page.locator('img, [data-oms-widget] script').count(), 0, 'no element injected');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a poll that brings unchanged data writes nothing to the DOM but the ticking age', async () => {
  const id = 'np_e2e_unchanged';
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'CONNECTOR_FULL_SYNC', enable_incr: false, struct_progress: 100, full_progress: 40 },
  });
  // Every 2 s, so "updated N s ago" ticks between polls.
  const { page } = await openPage(`project=${id}&interval=2`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  const seq = await env.sim.nextSeq();
  await page.evaluate(() => {
    window.__mutations = [];
    const root = document.querySelector('[data-oms-widget]');
    const describe = (node) => {
      const el = node.nodeType === 1 ? node : node.parentElement;
      return el.closest('[data-field]')?.getAttribute('data-field') ?? el.className ?? el.tagName;
    };
    new MutationObserver((records) => {
      for (const r of records) window.__mutations.push(`${r.type}:${describe(r.target)}${r.attributeName ? '@' + r.attributeName : ''}`);
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await measureFor(6_500); // three polls watched: only the age may change
  const polls = (await env.sim.requestsFor(id, seq)).length;
  assert.ok(polls >= 3, `polled ${polls} times while watched`);
  const mutations = await page.evaluate(() => window.__mutations);
  assert.ok(mutations.some((m) => m.endsWith(':updated')), 'the observer sees the ticking age');
  const outsideTheAge = mutations.filter((m) => !m.endsWith(':updated'));
  assert.deepEqual(outsideTheAge, [], 'only "updated N s ago" may change');
  await page.close();
});

test('a request slower than the timeout is aborted and reported, then retried', async () => {
  const id = 'np_e2e_slow';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING' } });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'latency', ms: 4_000, count: 1 });
  const { page } = await openPage(`project=${id}&interval=1&timeout=1`);
  const w = widget(page, id);
  await eventually(() => w.locator('[role=alert]').getAttribute('data-error').catch(() => null), (s) => s === 'timeout', { what: 'timeout error', timeout: 5_000 });
  assert.match(await w.locator('[data-field=retry-in]').textContent(), /retrying in \d+ s/);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live after retry' });
  await page.close();
});

test('offline then online: unreachable (this browser is offline), then an immediate poll on the online event', async () => {
  const id = 'np_steady_orders';
  const { page } = await openPage(`project=${id}&interval=30`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live first' });
  await env.browser.context.setOffline(true);
  await w.locator('[data-action=refresh]').click();
  await eventually(() => w.locator('[role=alert]').getAttribute('data-error').catch(() => null), (s) => s === 'unreachable', { what: 'unreachable' });
  assert.match(await w.locator('[data-field=error-detail]').textContent(), /this browser is offline/);
  const seq = await env.sim.nextSeq();
  const onlineAt = Date.now();
  await env.browser.context.setOffline(false);
  const polls = await eventually(() => env.sim.requestsFor(id, seq), (r) => r.length > 0, { what: 'poll on online' });
  assert.ok(polls[0].wall_ms - onlineAt < 2_000, `polled ${polls[0].wall_ms - onlineAt} ms after going online (backoff would wait 30 s or more)`);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live again' });
  await page.close();
});

test('URL parameters that cannot be used are listed, and those options keep their defaults', async () => {
  const id = 'np_steady_orders';
  const { page, errors } = await openPage(`project=${id}&lang=fr&intervall=5&timeout=0.5&lag-warn=400&lag-critical=300`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live despite the bad parameters' });
  const said = await page.locator('[data-field=page-problem]').allTextContents();
  assert.deepEqual(said, [
    'lang "fr" is not en or zh-CN',
    'unknown option "intervall": did you mean interval? (known: project, api, interval, timeout, max-backoff, lag-warn, lag-critical, cutover-lag, cutover-hold, stuck-after, time-zone, lang, compact, oms)',
    'timeout 0.5 is out of range (1 to 86400 seconds)',
    'lag-warn (400 s) is above lag-critical (300 s)',
  ]);
  // The documented default for lang is the browser's language (en-US here).
  assert.equal(await attr(w, 'lang'), 'en');
  assert.deepEqual(errors, []);
  await page.close();
});

test('OMS 4.x: a project polled with POST /api/v2?Action=DescribeProjectProgress is live, with its lag', async () => {
  const id = 'np_steady_orders';
  const seq = await env.sim.nextSeq();
  const { page, errors } = await openPage(`project=v4:${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'v4 live' });
  assert.equal(await attr(w, 'data-status'), 'RUNNING');
  const lag = Number(await attr(w.locator('[data-field=checkpoint]'), 'data-lag-seconds'));
  assert.ok(lag >= 0 && lag <= 25, `lag ${lag}`);
  const log = (await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`)).requests;
  assert.ok(log.some((r) => r.method === 'POST' && r.path === '/api/v2' && r.query === 'Action=DescribeProjectProgress'), 'polled through the V4 action');
  assert.ok(!log.some((r) => r.path.includes(`/${id}/`)), 'not through the V3 path');
  assert.equal(await w.locator('[data-field=reverse-checkpoint]').count(), 0, 'no reverse sync before switch-over');
  assert.deepEqual(errors, []);
  await page.close();
});

test('after switch-over the reverse incremental sync has its own lag line and level', async () => {
  const id = 'np_reverse_orders';
  const { page, errors } = await openPage(`project=v4:${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  const forward = w.locator('[data-field=checkpoint]');
  const reverse = w.locator('[data-field=reverse-checkpoint]');
  assert.ok(Number(await attr(forward, 'data-lag-seconds')) <= 10);
  assert.equal(await attr(forward, 'data-lag-level'), 'ok');
  const reverseLag = Number(await attr(reverse, 'data-lag-seconds'));
  assert.ok(reverseLag >= 69 && reverseLag <= 75, `reverse lag ${reverseLag}`);
  assert.equal(await attr(reverse, 'data-lag-level'), 'warn');
  assert.match(await reverse.textContent(), /Reverse incremental sync/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an endpoint that answers 404 says to try another api, naming them', async () => {
  const id = 'np_e2e_wrong_api';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC' } });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'status', code: 404 });
  const { page } = await openPage(`project=${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => w.locator('[role=alert]').getAttribute('data-error').catch(() => null), (k) => k === 'http', { what: '404' });
  const hint = await w.locator('[data-field=error-hint]').textContent();
  for (const api of ['sync', 'migration', 'v4']) assert.match(hint, new RegExp(api));
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  await page.close();
});

test('OMS 4.x step list: collapsed, the plan asked once at the first answer, then each step with its status, a failed one with its reason', async () => {
  const id = 'np_failed_billing';
  const seq = await env.sim.nextSeq();
  const { page, errors } = await openPage(`project=v4:${id},v4:np_steady_orders&interval=1`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  const stepCalls = async () => (await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/v2`)).requests
    .filter((r) => r.query === 'Action=DescribeProjectSteps').length;
  const progressCalls = async () => (await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/v2`)).requests
    .filter((r) => r.query === 'Action=DescribeProjectProgress').length;
  // Both projects answered, then two more polls each: the window in which
  // a plan asked at every poll would show.
  await eventually(() => widget(page, 'np_steady_orders').getAttribute('data-state'), (s) => s === 'live', { what: 'both live' });
  const answered = await progressCalls();
  await eventually(progressCalls, (n) => n >= answered + 4, { what: 'two more polls of each project' });
  // Closed, the plan is asked for once a project, at its first answer (the
  // failed project's reason and any verification's verdict are on the
  // card), not at every poll.
  assert.equal(await stepCalls(), 2, 'asked once a project while the list is closed');
  assert.match(await w.locator('[data-field=failure]').textContent(), /billing\.invoice/);
  assert.equal(await widget(page, 'np_steady_orders').locator('[data-field=failure]').count(), 0);
  assert.equal(await w.locator('[data-field=steps]').getAttribute('open'), null, 'collapsed by default');
  await w.locator('[data-field=steps] summary').click();
  const failed = w.locator('[data-field=steps] li[data-step-name=FULL_TRANSFER][data-step-status=FAILED]');
  await failed.waitFor({ timeout: 5_000 });
  assert.match(await failed.locator('[data-field=step-error]').textContent(), /billing\.invoice/);
  assert.match(await failed.locator('[data-field=step-rows]').textContent(), /of 2,400,000 rows/);
  const names = await w.locator('[data-field=steps] li').evaluateAll((items) => items.map((li) => `${li.dataset.stepName}:${li.dataset.stepStatus}`));
  assert.deepEqual(names, ['TRANSFER_PRECHECK:FINISHED', 'STRUCT_TRANSFER:FINISHED', 'FULL_TRANSFER:FAILED', 'INCR_TRANSFER:INIT']);
  // A finished step: its start and finish (UTC) and how long it took.
  assert.match(
    await w.locator('[data-field=steps] li[data-step-name=TRANSFER_PRECHECK]').textContent(),
    /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC → \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · took \d+ s/,
  );
  assert.ok(await stepCalls() >= 1, 'asked for once opened');
  // Closed again: only the next widget's list asks from here on.
  await w.locator('[data-field=steps] summary').click();
  // Incremental sync sits in MONITORING for the life of a project: "Watching".
  const steady = widget(page, 'np_steady_orders');
  await steady.locator('[data-field=steps] summary').click();
  const incr = steady.locator('[data-field=steps] li[data-step-name=INCR_TRANSFER][data-step-status=MONITORING]');
  await incr.waitFor({ timeout: 5_000 });
  assert.match(await incr.textContent(), /Watching/);
  assert.match(await incr.textContent(), /running for \d+/);
  // Open, the list is asked for again on each poll; answers that change
  // nothing shown leave the list as it is. The simulator moves its steps'
  // times every 5 s, so over three answers the list is drawn anew at most
  // once (it was, for every answer, before answers were compared).
  await steady.locator('[data-field=steps] ol').waitFor();
  await steady.locator('[data-field=steps]').evaluate((details) => {
    window.__listsDrawn = 0;
    new MutationObserver((records) => {
      for (const r of records) window.__listsDrawn += [...r.removedNodes].filter((n) => n.nodeName === 'OL').length;
    }).observe(details, { childList: true });
  });
  const asked = await stepCalls();
  await eventually(stepCalls, (n) => n >= asked + 3, { what: 'three more step answers' });
  await measureFor(300); // the third answer's trip back and its render
  const redrawn = await page.evaluate(() => window.__listsDrawn);
  assert.ok(redrawn <= 1, `the list was drawn anew ${redrawn} times for three answers`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('OMS 4.x: behind, the card says whether the Store or the writer is behind, asking OMS only then', async () => {
  const seq = await env.sim.nextSeq();
  const { page, errors } = await openPage('project=v4:np_lagging_audit,v4:np_store_lag_crm,v4:np_steady_orders&interval=1');
  const writer = widget(page, 'np_lagging_audit').locator('[data-field=checkpoint] [data-field=lag-where]');
  const store = widget(page, 'np_store_lag_crm').locator('[data-field=checkpoint] [data-field=lag-where]');
  await writer.waitFor({ timeout: 8_000 });
  await store.waitFor({ timeout: 8_000 });
  assert.equal(await writer.getAttribute('data-where'), 'writer');
  assert.match(await writer.textContent(), /the writer is behind/);
  assert.equal(await store.getAttribute('data-where'), 'store');
  const steady = widget(page, 'np_steady_orders');
  await eventually(() => attr(steady, 'data-state'), (s) => s === 'live', { what: 'steady live' });
  assert.equal(await steady.locator('[data-field=lag-where]').count(), 0, 'caught up: nothing to say');
  await measureFor(3_000); // three polls, in which a call on every poll would show
  const calls = (await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/v2`)).requests
    .filter((r) => r.query === 'Action=DescribeProjectComponents');
  // Two lagging projects, each asked once on falling behind (not on every poll).
  assert.ok(calls.length >= 2 && calls.length <= 4, `${calls.length} component calls`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('OMS 4.x not ready: a temporary error is shown as such, retried, and the project recovers', async () => {
  const id = 'np_e2e_not_ready';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { naming: 'v4', behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 5, period_secs: 30 } });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'business_error', code: 'GHANA-OPERAT000001', message: 'the CM service may be not available', advice: 'Retry later.', count: 2 });
  const { page } = await openPage(`project=v4:${id}&interval=1`);
  const w = widget(page, id);
  await eventually(() => w.locator('[role=alert]').getAttribute('data-error').catch(() => null), (k) => k === 'temporary', { what: 'temporary' });
  assert.match(await w.locator('[role=alert]').textContent(), /not ready yet \(temporary\); retrying/);
  assert.match(await w.locator('[data-field=error-message]').textContent(), /the CM service may be not available/, 'the specific text, not the generic one');
  assert.equal(await w.locator('[data-action=retry]').isVisible(), false, 'retried by itself');
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'recovered', timeout: 15_000 });
  await page.close();
});

test("OMS 4.x: with the step list open, the lag comes from OMS's own clock and says so", async () => {
  const id = 'np_steady_orders';
  const { page, errors } = await openPage(`project=v4:${id}&interval=1`);
  const w = widget(page, id);
  const checkpoint = w.locator('[data-field=checkpoint]');
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  assert.equal(await attr(checkpoint, 'data-lag-source'), 'browser', 'closed: the checkpoint against this clock');
  await w.locator('[data-field=steps] summary').click();
  await eventually(() => attr(checkpoint, 'data-lag-source'), (s) => s === 'oms', { what: "OMS's clock" });
  const lag = Number(await attr(checkpoint, 'data-lag-seconds'));
  assert.ok(lag >= 0 && lag <= 25, `lag ${lag} by OMS's clock`);
  await w.locator('[data-field=steps] summary').click();
  await eventually(() => attr(checkpoint, 'data-lag-source'), (s) => s === 'browser', { what: 'back to the browser clock when closed' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page title is in the page language, and alarm levels too', async () => {
  const { page } = await openPage('project=np_steady_orders&lang=zh-CN');
  await eventually(() => page.title(), (t) => t === 'OMS 同步进度', { what: 'a Chinese title' });
  const importance = widget(page, 'np_steady_orders').locator('[data-field=importance]');
  await importance.waitFor({ timeout: 5_000 });
  assert.match(await importance.textContent(), /^(高|中|低|不告警)$/);
  await page.close();
});
