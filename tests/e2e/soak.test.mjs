// Soak: many polls with faults interleaved, in headless Chromium against
// oms-sim; after warm-up, wasm memory and JS heap must not grow (< 1 MB),
// the DOM node and listener counts must come back to where they were, and
// live timers stay within one a poll loop plus the page's clock and timeout
// check. OMS_SOAK_POLLS sets the length: 1,000 in the test run, 10,000 for
// the benchmark (scripts/reliability.sh), which records the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simAndBrowser, widget, measureFor, eventually, reportDir, countTimers } from './harness.mjs';

const TOTAL_POLLS = Number(process.env.OMS_SOAK_POLLS || 1000);
const WIDGETS = 20; // each polls once a second (the minimum interval)
const MB = 1024 * 1024;

const env = simAndBrowser();

const FROZEN = { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { unix: 1764000000 } };
const steady = (i) => ({ type: 'steady', lag_min_secs: 1, lag_max_secs: 40, period_secs: 30 + i });

// Timers are counted by the harness's wrapper; the wasm instance is caught
// from Trunk's start event, for its memory size.
const catchWasm = () => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });

async function sample(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await measureFor(200); // finalizers of the first collection run, on no event we can see
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const page_ = await page.evaluate(() => ({ wasm: window.__wasm.memory.buffer.byteLength, timers: window.__liveTimers() }));
  return { jsHeap: heap.usedSize, wasmMemory: page_.wasm, nodes: dom.nodes, listeners: dom.jsEventListeners, timers: page_.timers };
}

async function allLive(page, ids) {
  for (const id of ids) {
    await eventually(() => widget(page, id).getAttribute('data-state'), (s) => s === 'live', { what: `${id} live`, timeout: 20_000 });
  }
}

// Samples with every project in one identical state, so the DOM compared at
// the start and at the end is the same document (a drifting lag crosses the
// warning threshold and adds a note), then lets the projects drift again.
async function sampleFrozen(page, cdp, ids) {
  const since = await env.sim.nextSeq();
  for (const id of ids) await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: FROZEN });
  for (const id of ids) {
    await eventually(() => env.sim.requestsFor(id, since), (r) => r.length >= 2, { what: `${id} polled twice`, timeout: 20_000 });
  }
  await allLive(page, ids);
  const figures = await sample(page, cdp);
  if (process.env.OMS_SOAK_BEHAVIOUR !== 'fixed') {
    for (const [i, id] of ids.entries()) await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: steady(i) });
  }
  return figures;
}

test(`soak: ${TOTAL_POLLS} polls with faults interleaved leak nothing`, { timeout: 3_600_000 }, async () => {
  const ids = Array.from({ length: WIDGETS }, (_, i) => `np_soak_${i}`);
  for (const [i, id] of ids.entries()) {
    await env.sim.control('PUT', `/_sim/projects/${id}`, {
      behaviour: process.env.OMS_SOAK_BEHAVIOUR === 'fixed' ? FROZEN : steady(i),
    });
  }
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(countTimers);
  await page.addInitScript(catchWasm);
  const cdp = await env.browser.context.newCDPSession(page);
  await page.goto(`${env.sim.base}/?project=${ids.join(',')}&interval=1&timeout=1&max-backoff=2`);
  await allLive(page, ids);

  const polls = async () => (await env.sim.control('GET', '/_sim/requests?path_prefix=/api/omsp/v2/sync/np_soak_')).requests.length;
  const warmup = Math.max(100, Math.floor(TOTAL_POLLS / 10));
  await eventually(polls, (n) => n >= warmup, { what: 'warm-up', timeout: 120_000 });
  const start = await sampleFrozen(page, cdp, ids);
  const started = Date.now();

  // Faults, one after another, each for a couple of requests of one project.
  const faults = [
    { kind: 'status', code: 503, count: 2 },
    { kind: 'malformed_json', count: 1 },
    { kind: 'close', count: 1 },
    { kind: 'latency', ms: 1500, count: 1 },
    { kind: 'html', count: 1 },
    { kind: 'business_error', code: 'INNER_ERROR', message: 'boom', advice: 'retry', count: 2 },
    { kind: 'truncated', count: 1 },
    { kind: 'status', code: 500, count: 3 },
  ];
  let injected = 0;
  let done = await polls();
  const withFaults = process.env.OMS_SOAK_FAULTS !== '0';
  while (done < TOTAL_POLLS) {
    if (!withFaults) {
      done = await eventually(polls, (n) => n >= TOTAL_POLLS, { what: `${TOTAL_POLLS} polls`, interval: 700, timeout: 3_600_000 });
      break;
    }
    const fault = faults[injected % faults.length];
    await env.sim.control('POST', '/_sim/faults', { project: ids[injected % ids.length], ...fault });
    injected += 1;
    await measureFor(700); // the faults' pace: one every 700 ms, whatever the polls do
    done = await polls();
  }
  await env.sim.control('DELETE', '/_sim/faults');
  const end = await sampleFrozen(page, cdp, ids);
  const seconds = (Date.now() - started) / 1000;

  const figures = {
    polls: done,
    widgets: WIDGETS,
    faults_injected: injected,
    seconds: Math.round(seconds),
    start,
    end,
    growth: {
      wasmMemory: end.wasmMemory - start.wasmMemory,
      jsHeap: end.jsHeap - start.jsHeap,
      nodes: end.nodes - start.nodes,
      listeners: end.listeners - start.listeners,
      timers: end.timers - start.timers,
    },
  };
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(path.join(reportDir, 'soak.json'), JSON.stringify(figures, null, 2));
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  writeFileSync(
    path.join(reportDir, 'soak.md'),
    [
      `## Soak: ${done} polls`,
      '',
      `${WIDGETS} widgets polling every second on one page (one wasm instance), ${injected} faults interleaved`,
      `(503, 500, malformed JSON, connection closed, timeout, HTML, success:false, truncated), ${Math.round(seconds)} s.`,
      'Measured after forced garbage collection, after warm-up and at the end, each time with every project set to one identical state and every widget live.',
      '',
      '| measure | after warm-up | at the end | growth |',
      '|---|---|---|---|',
      `| wasm memory | ${kb(start.wasmMemory)} | ${kb(end.wasmMemory)} | ${kb(figures.growth.wasmMemory)} |`,
      `| JS heap (used) | ${kb(start.jsHeap)} | ${kb(end.jsHeap)} | ${kb(figures.growth.jsHeap)} |`,
      `| DOM nodes | ${start.nodes} | ${end.nodes} | ${figures.growth.nodes} |`,
      `| JS event listeners | ${start.listeners} | ${end.listeners} | ${figures.growth.listeners} |`,
      `| live timers | ${start.timers} | ${end.timers} | ${figures.growth.timers} |`,
      '',
    ].join('\n'),
  );

  assert.ok(figures.growth.wasmMemory < MB, `wasm memory grew ${figures.growth.wasmMemory} bytes`);
  assert.ok(figures.growth.jsHeap < MB, `JS heap grew ${figures.growth.jsHeap} bytes`);
  assert.equal(figures.growth.nodes, 0, 'DOM node count');
  assert.equal(figures.growth.listeners, 0, 'event listener count');
  // Each poll loop has one timer while it waits and none while its request
  // is out (the page's one timeout check, a 250 ms interval, runs then), so
  // the count moves with the requests out at the moment it is read: a leak
  // shows as more than one timer a loop, plus the clock and the check.
  for (const [when, figures_] of [['after warm-up', start], ['at the end', end]]) {
    assert.ok(figures_.timers <= WIDGETS + 2, `${figures_.timers} live timers ${when} for ${WIDGETS} widgets`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
