// When something is wrong, the widget names the real cause: a cross-origin
// OMS that CORS blocks against a host that does not answer, a project of
// the other OMS 3.x type, a typo in an element's attribute; and a hung
// detail call (the step plan) never piles up requests nor holds the
// progress poll back. <oms-sync-progress> elements on a portal page served
// by one oms-sim, pointed at a second (another origin) or at nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, embedDir, eventually, measureFor } from './harness.mjs';

const site = mkdtempSync(path.join(tmpdir(), 'oms-diagnoses-site-'));
cpSync(embedDir, site, { recursive: true });
writeFileSync(path.join(site, 'portal.html'), `<!DOCTYPE html><meta charset="utf-8"><title>portal</title>
<script type="module" src="/oms-progress.js"></script>
<main id="portal"></main>`);

const env = {};
before(async () => {
  env.sim = await startSim({ staticDir: site, marker: 'oms-progress.js' });
  // Another origin: another port. It sends no CORS headers, as OMS does not.
  env.other = await startSim({ staticDir: site, marker: 'oms-progress.js' });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.sim?.stop();
  await env.other?.stop();
  rmSync(site, { recursive: true, force: true });
});

/** A port nothing listens on (taken, then freed). */
const deadPort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/** The portal page with `html` in it. */
async function portal(html) {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  await page.goto(env.sim.base + '/portal.html');
  await page.waitForFunction(() => customElements.get('oms-sync-progress'));
  await page.evaluate((h) => (document.getElementById('portal').innerHTML = h), html);
  return { page, errors };
}

/** The error panel of the first widget: its kind and its text. */
const alertOf = (page) =>
  page.evaluate(() => {
    const alert = document.querySelector('oms-sync-progress')?.shadowRoot?.querySelector('[role=alert]');
    return alert ? { kind: alert.dataset.error, text: alert.textContent } : null;
  });

test('another origin that CORS blocks, and a host where nothing answers, are told apart', async () => {
  const blocked = await portal(`<oms-sync-progress project-id="np_steady_orders" base-url="${env.other.base}" interval="1" lang="en"></oms-sync-progress>`);
  const cors = await eventually(() => alertOf(blocked.page), (a) => a?.kind === 'cors', { what: 'a CORS diagnosis' });
  assert.match(cors.text, /Blocked by the browser \(CORS\)/);
  assert.match(cors.text, new RegExp(`${env.other.base}: TypeError`));
  assert.match(cors.text, /through the proxy/);
  await blocked.page.close();

  const port = await deadPort();
  const dead = await portal(`<oms-sync-progress project-id="np_steady_orders" base-url="http://127.0.0.1:${port}" interval="1" lang="en"></oms-sync-progress>`);
  const gone = await eventually(() => alertOf(dead.page), (a) => a?.kind === 'unreachable', { what: 'unreachable' });
  assert.match(gone.text, /Cannot reach the server/);
  assert.match(gone.text, new RegExp(`http://127.0.0.1:${port}: TypeError`));
  await dead.page.close();
});

test('a project of the other OMS 3.x type: asked once, then "set api=sync"', async () => {
  const seq = await env.sim.nextSeq();
  const { page, errors } = await portal('<oms-sync-progress project-id="np_steady_orders" api="migration" interval="1" lang="en"></oms-sync-progress>');
  const said = await eventually(() => alertOf(page), (a) => a?.kind === 'wrong-api', { what: 'wrong-api' });
  assert.match(said.text, /np_steady_orders is a sync project: set api=sync/);
  await measureFor(2_500); // two intervals in which the other endpoint must not be asked again
  const log = await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`);
  const asked = log.requests.filter((r) => r.path === '/api/omsp/v2/sync/np_steady_orders/progress');
  assert.equal(asked.length, 1, 'the other endpoint is asked once');
  assert.deepEqual(errors, []);
  await page.close();
  // In Chinese too.
  const zh = await portal('<oms-sync-progress project-id="np_steady_orders" api="migration" lang="zh-CN"></oms-sync-progress>');
  const zhSaid = await eventually(() => alertOf(zh.page), (a) => a?.kind === 'wrong-api', { what: 'wrong-api in Chinese' });
  assert.match(zhSaid.text, /np_steady_orders 是同步项目：请设置 api=sync/);
  await zh.page.close();
});

test('a near miss of an option in an attribute is reported; the page\'s own attributes are not', async () => {
  const { page } = await portal('<oms-sync-progress project-id="np_steady_orders" intreval="5" class="x" data-team="dba" aria-label="orders" lang="en"></oms-sync-progress>');
  const said = await eventually(() => alertOf(page), (a) => a?.kind === 'config', { what: 'a config error' });
  assert.match(said.text, /"intreval" is not an option: did you mean interval\?/);
  assert.doesNotMatch(said.text, /class|data-team|aria-label/);
  // Fixed: the widget starts.
  await page.evaluate(() => {
    const el = document.querySelector('oms-sync-progress');
    el.removeAttribute('intreval');
    el.setAttribute('interval', '5');
  });
  await eventually(
    () => page.evaluate(() => document.querySelector('oms-sync-progress').shadowRoot.querySelector('[data-oms-widget]')?.dataset.state),
    (s) => s === 'live',
    { what: 'live once fixed' },
  );
  await page.close();
});

test('a step plan that hangs: one request at a time, aborted at the timeout; the progress poll goes on', async () => {
  const id = 'np_v4_payments';
  await env.sim.control('POST', '/_sim/faults', { project: id, action: 'DescribeProjectSteps', kind: 'hang' });
  try {
    const { page, errors } = await portal(`<oms-sync-progress project-id="${id}" api="v4" interval="1" timeout="3" lang="en"></oms-sync-progress>`);
    const widgetState = () => page.evaluate(() => document.querySelector('oms-sync-progress').shadowRoot.querySelector('[data-oms-widget]')?.dataset.state);
    await eventually(widgetState, (s) => s === 'live', { what: 'live' });
    const seq = await env.sim.nextSeq();
    await page.locator('oms-sync-progress [data-field=steps] summary').click();
    await measureFor(8_000); // eight intervals: steps requests one at a time, progress polls on time
    const log = await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`);
    const steps = log.requests.filter((r) => r.query === 'Action=DescribeProjectSteps');
    const progress = log.requests.filter((r) => r.query === 'Action=DescribeProjectProgress');
    // Eight polls' worth of time: one hangs for 3 s, then backoff spaces the next.
    assert.ok(steps.length >= 1 && steps.length <= 3, `${steps.length} steps requests in 8 s`);
    assert.ok(progress.length >= 6, `${progress.length} progress polls in 8 s`);
    assert.equal(await widgetState(), 'live', 'the progress poll is not held back');
    // Closed, and OMS answering again: not asked with the polls any more
    // (the last failed ask is asked again once, when its backoff is over).
    await page.locator('oms-sync-progress [data-field=steps] summary').click();
    await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
    const closedAt = await env.sim.nextSeq();
    await measureFor(3_000);
    const after = await env.sim.control('GET', `/_sim/requests?since_seq=${closedAt}&path_prefix=/api/`);
    const closedSteps = after.requests.filter((r) => r.query === 'Action=DescribeProjectSteps').length;
    assert.ok(closedSteps <= 1, `${closedSteps} steps requests in three polls, closed`);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  }
});

/** An attribute of the first widget's root, or of an element inside it. */
const inWidget = (page, selector, name) =>
  page.evaluate(([s, n]) => {
    const root = document.querySelector('oms-sync-progress')?.shadowRoot?.querySelector('[data-oms-widget]');
    const el = s ? root?.querySelector(s) : root;
    return el ? (n ? el.getAttribute(n) : el.textContent) : null;
  }, [selector, name]);

test('without a current answer the lag is the last one OMS confirmed, neutral, and does not grow', async () => {
  const id = 'np_diag_frozen_lag';
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { lag_secs: 20 } },
  });
  const { page, errors } = await portal(`<oms-sync-progress project-id="${id}" interval="1" lang="en"></oms-sync-progress>`);
  await eventually(() => inWidget(page, '[data-field=checkpoint]', 'data-lag-level'), (l) => l === 'ok', { what: 'caught up' });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'close' });
  try {
    await eventually(() => inWidget(page, '[data-field=checkpoint]', 'data-lag-as-of'), (at) => at !== null, { what: 'the lag frozen' });
    // Long enough for a lag read from this clock to pass the 25 s warning.
    await measureFor(9_000);
    assert.equal(await inWidget(page, '[data-field=checkpoint]', 'data-lag-level'), 'ok', 'not escalated');
    assert.ok(Number(await inWidget(page, '[data-field=checkpoint]', 'data-lag-seconds')) <= 22, 'not grown');
    assert.match(await inWidget(page, '[data-field=lag]'), /^\d+ s \(last confirmed .+\)$/);
  } finally {
    await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  }
  // After some ten failed polls the next try may be a backoff of up to
  // max-backoff (60 s, with jitter) away: wait that long, not one interval.
  await eventually(() => inWidget(page, '[data-field=checkpoint]', 'data-lag-as-of'), (at) => at === null, { what: 'current again', timeout: 70_000 });
  assert.match(await inWidget(page, '[data-field=lag]'), /caught up/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a released project gets no lag judgement; a failed one says why without a click', async () => {
  const released = await portal('<oms-sync-progress project-id="np_released_legacy" lang="en"></oms-sync-progress>');
  await eventually(() => inWidget(released.page, null, 'data-status'), (s) => s === 'RELEASED', { what: 'released' });
  assert.equal(await inWidget(released.page, '[data-field=lag]'), null, 'no lag line');
  assert.equal(await inWidget(released.page, '[data-field=checkpoint]', 'data-lag-level'), null);
  assert.notEqual(await inWidget(released.page, '[data-field=checkpoint-value]'), null, 'the checkpoint still shows');
  await released.page.close();

  const failed = await portal('<oms-sync-progress project-id="np_failed_billing" api="v4" lang="en"></oms-sync-progress>');
  const why = await eventually(() => inWidget(failed.page, '[data-field=failure]'), (t) => t !== null, { what: 'the failure reason' });
  assert.match(why, /^Failed: Full data transfer: .*target table billing\.invoice is missing/);
  assert.equal(await inWidget(failed.page, '[data-field=steps]', 'open'), null, 'the step list stays closed');
  await failed.page.close();
});
