// Faults and bad values in a real browser against oms-sim: each ends in a
// clear state the operator can read, polling recovers by itself, the last
// good data stays on screen marked stale, and nothing panics. Every case
// adds a row to the reliability report (docs/reliability.md).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simAndBrowser, startSim, widget, measureFor, eventually, openPage, reportDir } from './harness.mjs';

const env = simAndBrowser();
const faultRows = [];
const valueRows = [];


after(() => {
  mkdirSync(reportDir, { recursive: true });
  const table = (head, rows) => [head, head.replace(/[^|]+/g, '---'), ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const md = [
    '## Faults (headless Chromium against oms-sim)',
    '',
    table('| fault | what the operator sees | what the network did |', faultRows),
    '',
    '## Bad values',
    '',
    table('| OMS sent | the widget shows |', valueRows),
    '',
  ].join('\n');
  writeFileSync(path.join(reportDir, 'faults.md'), md);
});

const attr = (locator, name) => locator.getAttribute(name, { timeout: 5_000 });
const cell = (text) => String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').trim();
const errorKind = (w) => w.locator('[role=alert]').getAttribute('data-error', { timeout: 500 }).catch(() => null);

/** Defines a steady project, opens it live, and returns the page and widget. */
async function liveProject(id, query = 'interval=1') {
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'CONNECTOR_INCR_SYNC', struct_progress: 100, full_progress: 100, checkpoint: { lag_secs: 3 } },
  });
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=${id}&${query}`);
  const w = widget(page, id);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: `${id} live` });
  return { page, errors, w };
}

/** What the operator reads in the error panel and footer. */
async function operatorSees(w) {
  const alert = w.locator('[role=alert]');
  const parts = [`state=${await attr(w, 'data-state')}`, `error=${await alert.getAttribute('data-error')}`];
  for (const field of ['error-code', 'error-message', 'error-detail']) {
    const loc = alert.locator(`[data-field=${field}]`);
    if (await loc.count()) parts.push(`"${(await loc.textContent()).slice(0, 70)}"`);
  }
  parts.push(`status still ${await attr(w, 'data-status')}`);
  return parts.join(', ');
}

const failing = [
  ['HTTP 500 from OMS (its JSON)', { kind: 'status', code: 500 }, 'http', /HTTP 500/],
  ['HTTP 502 (the proxy up, OMS down: its HTML page)', { kind: 'status', code: 502 }, 'proxy', /HTTP 502: "502 Bad Gateway"/],
  ['HTTP 503 (the proxy\'s HTML page)', { kind: 'status', code: 503 }, 'proxy', /HTTP 503: "503 Service Unavailable"/],
  ['HTTP 500 (the proxy\'s HTML page)', { kind: 'proxy_page', code: 500 }, 'proxy', /The proxy cannot reach OMS/],
  ['HTTP 404 (a proxy without the route: its HTML page)', { kind: 'proxy_page', code: 404 }, 'refused', /\/api\/omsp\/v2\/sync\/np_fault_refused_\d+\/progress was refused before OMS/],
  // nginx's own 403 page (a deny-by-default proxy refusing the path) is not OMS's account.
  ['HTTP 403 (the proxy refusing the path: its HTML page)', { kind: 'proxy_page', code: 403 }, 'refused', /deploy\/nginx\.conf passes only.*HTTP 403: "403 Forbidden"/s],
  ['connection closed without an answer', { kind: 'close' }, 'unreachable', /Nothing answers at this address/],
  ['malformed JSON', { kind: 'malformed_json' }, 'invalid', /\{"success":true/],
  ['truncated body', { kind: 'truncated' }, 'invalid', /cut off/],
  ['HTML page with HTTP 200 (a login page)', { kind: 'html' }, 'not-oms', /HTTP 200: "Login"/],
  ['empty body', { kind: 'empty' }, 'invalid', /empty/],
  ['5 MB body', { kind: 'huge', bytes: 5_000_000 }, 'invalid', /bytes, far more than a progress answer/],
  ['HTTP 401', { kind: 'status', code: 401 }, 'auth', /HTTP 401/],
  ['HTTP 403', { kind: 'status', code: 403 }, 'auth', /HTTP 403/],
];

for (const [name, fault, kind, detail] of failing) {
  test(`fault: ${name} → "${kind}", then recovery`, async () => {
    const id = `np_fault_${kind}_${faultRows.length}`;
    const { page, errors, w } = await liveProject(id);
    await env.sim.control('POST', '/_sim/faults', { project: id, ...fault });
    await eventually(() => errorKind(w), (k) => k === kind, { what: `${name} → ${kind}` });
    const said = await w.locator('[role=alert]').textContent();
    if (detail) assert.match(said, detail);
    // Never a page's markup: its status line and title at most.
    assert.doesNotMatch(said, /<html|<head|<!DOCTYPE/i);
    // The widget sends no credentials itself: an auth error points at the proxy's account.
    if (kind === 'auth') assert.match(said, /the proxy in front of OMS signs in/);
    else assert.doesNotMatch(said, /signs in|Not authorised/);
    assert.equal(await attr(w, 'data-status'), 'RUNNING', 'the last good data stays');
    const sees = await operatorSees(w);
    // Stale after three intervals without a success, with its age.
    await w.locator('[data-field=stale]').waitFor({ timeout: 8_000 });
    assert.match(await w.locator('[data-field=updated]').textContent(), /updated \d+ s ago/);
    const seq = await env.sim.nextSeq();
    await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
    // Auth errors wait for the operator; everything else retries by itself.
    if (kind === 'auth') {
      // A host watching the "stopped" marker sees auth stops too, with the reason.
      assert.equal(await w.locator('[data-field=stopped]').getAttribute('data-reason'), 'auth');
      await measureFor(2_500); // two intervals in which no retry may be sent
      assert.equal((await env.sim.requestsFor(id, seq)).length, 0, `no retries after ${name}`);
      await w.locator('[data-action=retry]').click();
    }
    await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'recovered', timeout: 15_000 });
    assert.equal(await w.locator('[data-field=stale]').count(), 0);
    assert.equal(await w.locator('[data-field=stopped]').count(), 0, 'polling again');
    assert.deepEqual(errors, []);
    const network = kind === 'auth' ? 'polling stopped; one request after "retry"' : 'retried with backoff; live again without a reload';
    faultRows.push([cell(name), cell(sees), network]);
    await page.close();
  });
}

test('fault: slower than the timeout → "timeout", request aborted, then recovery', async () => {
  const id = 'np_fault_timeout';
  const { page, w } = await liveProject(id, 'interval=1&timeout=1');
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'latency', ms: 5_000, count: 2 });
  await eventually(() => errorKind(w), (k) => k === 'timeout', { what: 'timeout', timeout: 6_000 });
  assert.match(await w.locator('[data-field=retry-in]').textContent(), /retrying in \d+ s/);
  const sees = await operatorSees(w);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'recovered', timeout: 15_000 });
  faultRows.push(['response slower than the 1 s timeout', cell(sees), 'request aborted at 1 s; retried; live again']);
  await page.close();
});

test('fault: unknown project → OMS code, message and advice', async () => {
  const { page, errors } = await openPage(env.browser, env.sim.base, 'project=np_nobody_home&interval=1');
  const w = widget(page, 'np_nobody_home');
  await eventually(() => errorKind(w), (k) => k === 'not-found', { what: 'not found' });
  const alert = w.locator('[role=alert]');
  assert.match(await alert.locator('[data-field=error-code]').textContent(), /CM-RESONF000003/);
  assert.match(await alert.locator('[data-field=error-advice]').textContent(), /Check the project ID/);
  faultRows.push(['unknown project (HTTP 200, success:false)', cell(await operatorSees(w)), 'retried with backoff']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('backoff: spacing grows, is capped, has jitter, and resets after a success', async () => {
  const id = 'np_fault_backoff';
  const { page, w } = await liveProject(id, 'interval=1&max-backoff=4');
  const seq = await env.sim.nextSeq();
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'status', code: 500 });
  await eventually(() => env.sim.requestsFor(id, seq), (r) => r.length >= 7, { what: '7 failed polls', timeout: 30_000 });
  const failed = (await env.sim.requestsFor(id, seq)).map((r) => r.wall_ms);
  const gaps = failed.slice(1).map((t, i) => (t - failed[i]) / 1000);
  // After the n-th failure in a row: between half and all of min(1 s × 2^n, 4 s).
  assert.ok(gaps[0] >= 0.9 && gaps[0] <= 2.3, `first gap ${gaps[0]}`);
  for (const g of gaps.slice(1)) assert.ok(g >= 1.9 && g <= 4.3, `capped gap ${g} of ${gaps}`);
  const later = gaps.slice(1);
  assert.ok(Math.max(...later) - Math.min(...later) > 0.1, `jitter spreads retries: ${later}`);
  await env.sim.control('DELETE', `/_sim/faults?project=${id}`);
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'recovered', timeout: 10_000 });
  const okSeq = await env.sim.nextSeq();
  await measureFor(3_300); // the gaps between polls, measured over three
  const okPolls = (await env.sim.requestsFor(id, okSeq)).map((r) => r.wall_ms);
  const okGaps = okPolls.slice(1).map((t, i) => (t - okPolls[i]) / 1000);
  assert.ok(okGaps.length >= 2 && okGaps.every((g) => g >= 0.8 && g <= 1.4), `back to 1 s: ${okGaps}`);
  faultRows.push(['HTTP 500 for 7 polls (interval 1 s, max-backoff 4 s)', `retry gaps ${gaps.map((g) => g.toFixed(2)).join(', ')} s`, `after recovery: ${okGaps.map((g) => g.toFixed(2)).join(', ')} s`]);
  await page.close();
});

test('fault: the server gone, then back → unreachable, then live', async () => {
  const own = await startSim();
  const { page, errors } = await openPage(env.browser, own.base, 'project=np_steady_orders&interval=1');
  const w = widget(page, 'np_steady_orders');
  await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live' });
  const listen = own.base.replace('http://', '');
  await own.stop();
  await eventually(() => errorKind(w), (k) => k === 'unreachable', { what: 'unreachable' });
  const sees = await operatorSees(w);
  await w.locator('[data-field=stale]').waitFor({ timeout: 8_000 });
  const back = await startSim({ listen });
  try {
    await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: 'live again', timeout: 15_000 });
  } finally {
    await back.stop();
  }
  assert.deepEqual(errors, []);
  faultRows.push(['simulator stopped, restarted 5 s later', cell(sees), 'retried with backoff; live again without a reload']);
  await page.close();
});

// Bad values: served verbatim as `data`, all on one page.
const badValues = [
  ['percent -5', { status: 'RUNNING', enableStructSync: true, structMigrationProgress: -5 }, async (w) => {
    assert.equal(await attr(w.locator('[data-stage=struct]'), 'aria-valuenow'), '0');
    assert.match(await w.locator('[data-field=raw-value]').textContent(), /as sent: -5/);
  }],
  ['percent 150', { status: 'RUNNING', enableFullSync: true, fullSyncProgress: 150 }, async (w) => {
    assert.equal(await attr(w.locator('[data-stage=full]'), 'aria-valuenow'), '100');
    assert.match(await w.locator('[data-field=raw-value]').textContent(), /150/);
  }],
  ['percent null, stage enabled', { status: 'RUNNING', enableStructSync: true, structMigrationProgress: null }, async (w) => {
    // The stage exists but OMS gave no value: a bar with no aria-valuenow and "—", not 0 %.
    assert.equal(await attr(w.locator('[data-stage=struct]'), 'aria-valuenow'), null);
    assert.equal(await w.locator('.oms-stage-value').textContent(), '—');
  }],
  ['percent "50" (a string)', { status: 'RUNNING', enableStructSync: true, structSyncProgress: '50' }, async (w) => {
    assert.equal(await attr(w.locator('[data-stage=struct]'), 'aria-valuenow'), '50');
  }],
  ['percent 1e12', { status: 'RUNNING', enableFullSync: true, fullMigrationProgress: 1e12 }, async (w) => {
    assert.equal(await attr(w.locator('[data-stage=full]'), 'aria-valuenow'), '100');
  }],
  ['checkpoint 0', { status: 'RUNNING', enableIncrSync: true, incrSyncCheckpoint: '0' }, rawCheckpoint('0')],
  ['checkpoint negative', { status: 'RUNNING', enableIncrSync: true, incrSyncCheckpoint: -1661241223 }, rawCheckpoint('-1661241223')],
  ['checkpoint 1 h in the future', { status: 'RUNNING', enableIncrSync: true, incrSyncCheckpoint: String(Math.floor(Date.now() / 1000) + 3600) }, async (w) => {
    assert.equal(await attr(w.locator('[data-field=checkpoint]'), 'data-lag-seconds'), '0');
    assert.equal(await w.locator('[data-field=clock-skew]').count(), 1);
  }],
  ['checkpoint "100,30" (Sybase)', { status: 'RUNNING', enableIncrSync: true, incrSyncCheckpoint: '100,30' }, rawCheckpoint('log position 100,30')],
  ['checkpoint ""', { status: 'RUNNING', enableIncrSync: true, incrSyncCheckpoint: '' }, rawCheckpoint('""')],
  ['checkpoint "abc"', { status: 'RUNNING', enableIncrSync: true, incrSyncCheckpoint: 'abc' }, rawCheckpoint('abc')],
  ['checkpoint of 25 digits', { status: 'RUNNING', enableIncrSync: true, incrSyncCheckpoint: '1234567890123456789012345' }, rawCheckpoint('1234567890123456789012345')],
  ['status lower-case "running"', { status: 'running' }, async (w) => {
    // A known status in OMS's own spelling, so hosts can match [data-status=RUNNING].
    assert.equal(await attr(w, 'data-status'), 'RUNNING');
    assert.equal(await attr(w, 'data-tone'), 'ok');
  }],
  ['status unknown "HIBERNATING"', { status: 'HIBERNATING' }, async (w) => {
    assert.equal(await w.locator('.oms-badge-label').textContent(), 'HIBERNATING');
    assert.equal(await attr(w, 'data-tone'), 'neutral');
  }],
  ['status missing', { currentStep: 'INCR_SYNC' }, async (w) => {
    assert.equal(await attr(w, 'data-status'), 'UNKNOWN');
    assert.equal(await w.locator('.oms-badge-label').textContent(), 'Unknown status');
  }],
  ['extra unknown fields', { status: 'RUNNING', futureField: { nested: [1, 2] }, anotherOne: 'x' }, async (w) => {
    assert.equal(await attr(w, 'data-status'), 'RUNNING');
  }],
  ['step unknown "NEW_STEP"', { status: 'RUNNING', currentStep: 'NEW_STEP' }, async (w) => {
    assert.equal(await w.locator('[data-field=step] span').last().textContent(), 'NEW_STEP');
  }],
];

function rawCheckpoint(shown) {
  return async (w) => {
    assert.equal(await w.locator('[data-field=checkpoint-value]').textContent(), shown);
    assert.equal(await attr(w.locator('[data-field=checkpoint]'), 'data-lag-seconds'), null, 'no age is made up');
  };
}

test('bad values are shown honestly, never as a guess, and never panic', async () => {
  const ids = [];
  for (const [i, [, data]] of badValues.entries()) {
    const id = `np_bad_${i}`;
    ids.push(id);
    await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'raw', data } });
  }
  await env.sim.control('PUT', '/_sim/projects/np_bad_null', { behaviour: { type: 'raw', data: null } });
  const { page, errors } = await openPage(env.browser, env.sim.base, `project=${[...ids, 'np_bad_null'].join(',')}&interval=2`);
  for (const [i, [name, , check]] of badValues.entries()) {
    const w = widget(page, ids[i]);
    await eventually(() => attr(w, 'data-state'), (s) => s === 'live', { what: `${name} live` });
    await check(w);
    const shown = await w.evaluate((el) => {
      const text = (sel) => [...el.querySelectorAll(sel)].map((e) => e.textContent.trim());
      const bars = [...el.querySelectorAll('[role=progressbar]')].map((b) => `${b.getAttribute('aria-label')} bar ${b.getAttribute('aria-valuenow') ?? 'without a value'}`);
      return [...text('.oms-badge'), ...text('[data-field=step] span:nth-child(2)').map((s) => `step ${s}`), ...bars, ...text('[data-field=raw-value]'),
        ...text('[data-field=checkpoint-value]').map((c) => `checkpoint ${c}`), ...text('[data-field=lag]').map((l) => `lag ${l}`), ...text('[data-field=clock-skew]')]
        .join(' · ');
    });
    valueRows.push([cell(name), cell(shown)]);
  }
  const empty = widget(page, 'np_bad_null');
  await eventually(() => errorKind(empty), (k) => k === 'invalid', { what: 'data:null invalid' });
  assert.match(await empty.locator('[role=alert]').textContent(), /no progress data/);
  valueRows.push(['success:true with data:null', cell(await operatorSees(empty))]);
  valueRows.push(['`<script>` and `<img onerror>` in status, step, message, advice', 'shown literally as text; no element injected, no script ran (widget.test.mjs)']);
  assert.deepEqual(errors, []);
  await page.close();
});
