// The deployment recipe for real: Debian's nginx runs deploy/nginx.conf (only
// its "# site:" lines rewritten for this machine) in front of oms-sim with
// Basic auth on; headless Chromium loads the host page from nginx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Socket } from 'node:net';
import { startSim, launchBrowser, embedDir, repo, eventually, measureFor, reportDir } from './harness.mjs';
import { copyModules, startRecipe } from './nginx.mjs';

const env = {};

before(async () => {
  env.sim = await startSim({ staticDir: embedDir, auth: true });
  // A second region with an account of its own.
  env.simHz = await startSim({
    staticDir: embedDir,
    auth: true,
    args: ['--scenario', path.join(repo, 'sim/scenarios/hangzhou.toml'), '--user', 'oms-hz', '--password', 'oms-hz-sim'],
  });
  env.nginx = await startRecipe({ oms: new URL(env.sim.base).host, omsHz: new URL(env.simHz.base).host });
  env.port = env.nginx.port;
  env.base = env.nginx.base;
  // The two modules, their wasm and precompressed copies, as the recipe lists.
  const { root } = env.nginx;
  copyModules(root);
  cpSync(path.join(repo, 'deploy/index.html'), path.join(root, 'index.html'));
  cpSync(path.join(repo, 'tests/e2e/pages/viewer.html'), path.join(root, 'viewer.html'));
  cpSync(path.join(repo, 'tests/e2e/pages/viewer-v4.html'), path.join(root, 'viewer-v4.html'));
  cpSync(path.join(repo, 'tests/e2e/pages/two-oms.html'), path.join(root, 'two-oms.html'));
  await eventually(async () => (await fetch(env.base + '/').catch(() => null))?.status, (s) => s === 200, { what: 'the host page through nginx' });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.nginx?.stop();
  await env.sim?.stop();
  await env.simHz?.stop();
});

/** `count` pages of `viewerPath`, each with its widget live. */
async function openViewers(viewerPath, count) {
  const pages = [];
  for (let i = 0; i < count; i += 1) {
    const page = await env.browser.context.newPage();
    // Viewers on twenty machines: tabs of one browser would share one poll
    // (tabs.test.mjs), so each page here polls alone, as a browser of its own.
    await page.addInitScript(() => { delete window.BroadcastChannel; });
    await page.goto(env.base + viewerPath);
    pages.push(page);
  }
  for (const page of pages) {
    await eventually(() => page.evaluate(() => document.querySelector('oms-sync-progress').shadowRoot?.querySelector('[data-oms-widget]')?.getAttribute('data-state')), (s) => s === 'live', { what: `${viewerPath} live` });
  }
  return pages;
}

/** Bytes that cross the wire for `path` with the given Accept-Encoding. */
function onTheWire(urlPath, encoding) {
  return new Promise((resolve, reject) => {
    http.get(env.base + urlPath, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'], vary: res.headers.vary }));
    }).on('error', reject);
  });
}
const wireRows = [];

const accessLog = () => env.nginx.accessLog();

test('same origin through nginx: live widgets, the CSP header, and no credentials in the browser', async () => {
  const page = await env.browser.context.newPage();
  const apiRequests = [];
  const problems = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) apiRequests.push(r); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  });
  const response = await page.goto(env.base + '/');
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  const expected = { np_steady_orders: 'RUNNING', np_lagging_audit: 'RUNNING', np_failed_billing: 'FAILED' };
  for (const [id, status] of Object.entries(expected)) {
    await eventually(
      () => page.evaluate((pid) => document.querySelector(`oms-sync-progress[project-id="${pid}"]`)?.shadowRoot?.querySelector('[data-oms-widget]')?.getAttribute('data-status'), id),
      (s) => s === status, { what: `${id} ${status}` },
    );
  }
  assert.ok(apiRequests.length >= 3);
  for (const r of apiRequests) {
    const headers = await r.allHeaders();
    assert.equal(headers.authorization, undefined, `${r.url()} carried credentials from the browser`);
    assert.ok(!/oms-sim|@/.test(r.url()));
  }
  const log = (await env.sim.control('GET', '/_sim/requests?path_prefix=/api/')).requests;
  assert.ok(log.length >= 3 && log.every((r) => r.auth_sent), 'nginx signed every request to OMS');
  assert.ok(accessLog().filter((l) => l.includes('/api/')).every((l) => l.includes('auth="-"')), 'nothing reached nginx with credentials');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await page.close();

  const wasm = await fetch(env.base + '/oms-progress/oms-progress_bg.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  // The bytes on the wire: the build's precompressed files, each to a
  // browser that accepts its encoding, brotli first when it accepts both.
  const size = (file) => statSync(path.join(embedDir, file)).size;
  for (const file of ['oms-progress_bg.wasm', 'oms-progress.js']) {
    const plain = await onTheWire(`/oms-progress/${file}`, 'identity');
    const gzipped = await onTheWire(`/oms-progress/${file}`, 'gzip');
    const brotli = await onTheWire(`/oms-progress/${file}`, 'br');
    const browser = await onTheWire(`/oms-progress/${file}`, 'gzip, deflate, br, zstd');
    assert.equal(plain.encoding, undefined, `${file} as is without Accept-Encoding`);
    assert.equal(plain.bytes, size(file));
    assert.deepEqual([gzipped.encoding, gzipped.bytes], ['gzip', size(`${file}.gz`)], `${file}: the build's .gz`);
    assert.deepEqual([brotli.encoding, brotli.bytes], ['br', size(`${file}.br`)], `${file}: the build's .br`);
    assert.deepEqual([browser.encoding, browser.bytes], ['br', brotli.bytes], `${file}: brotli when both are accepted`);
    assert.ok(gzipped.bytes < plain.bytes * 0.6, `${file}: ${gzipped.bytes} bytes gzipped of ${plain.bytes}`);
    assert.ok(brotli.bytes < gzipped.bytes, `${file}: brotli ${brotli.bytes} bytes, gzip ${gzipped.bytes}`);
    for (const answer of [plain, gzipped, brotli]) assert.equal(answer.vary, 'Accept-Encoding', `${file}: caches keep the encodings apart`);
    if (file.endsWith('.wasm')) {
      wireRows.push(`the wasm through nginx: ${plain.bytes} bytes as is, ${gzipped.bytes} bytes with Accept-Encoding: gzip, ${brotli.bytes} with br`);
    }
  }
  assert.equal((await fetch(env.base + '/oms/health')).status, 200, 'OMS health through the proxy');
});

test('the module and wasm load from another origin, as from a CDN (nginx sends CORS for them)', async () => {
  // A page on another simulator's origin (another port, so another origin);
  // the widget's files from nginx; the API on the page's own origin.
  const pageDir = mkdtempSync(path.join(tmpdir(), 'oms-cdn-page-'));
  const cdn = `${env.base}/oms-progress/oms-progress.js`;
  writeFileSync(path.join(pageDir, 'oms-progress.js'), '// placeholder: startSim wants one\n');
  writeFileSync(path.join(pageDir, 'index.html'), `<!DOCTYPE html><meta charset="utf-8"><script type="module" src="${cdn}"></script>
<oms-sync-progress project-id="np_steady_orders"></oms-sync-progress>`);
  const origin = await startSim({ staticDir: pageDir });
  try {
    const page = await env.browser.context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(origin.base + '/index.html');
    await eventually(
      () => page.evaluate(() => document.querySelector('oms-sync-progress').shadowRoot?.querySelector('[data-oms-widget]')?.getAttribute('data-state')),
      (s) => s === 'live', { what: 'widget from a CDN live' },
    );
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /oms-progress(_bg\.wasm|\.js)$/.test(n)));
    assert.ok(loaded.length === 2 && loaded.every((n) => n.startsWith(`${env.base}/oms-progress/`)), JSON.stringify(loaded));
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await origin.stop();
    rmSync(pageDir, { recursive: true, force: true });
  }
});

test('20 viewers of one project: the 1 s micro-cache keeps OMS at about one request a second', { timeout: 120_000 }, async () => {
  const VIEWERS = 20;
  const SECONDS = 15;
  await env.sim.control('PUT', '/_sim/projects/np_viewers', { behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 20, period_secs: 30 } });
  const pages = await openViewers('/viewer.html', VIEWERS);
  const fromSeq = await env.sim.nextSeq();
  const logFrom = accessLog().length;
  await measureFor(SECONDS * 1000); // the window the requests reaching OMS are counted in
  const toOms = (await env.sim.requestsFor('np_viewers', fromSeq)).length;
  const served = accessLog().slice(logFrom).filter((l) => l.includes('/np_viewers/'));
  const hits = served.filter((l) => /cache=(HIT|UPDATING)/.test(l)).length;
  const figures = { viewers: VIEWERS, seconds: SECONDS, browserRequests: served.length, cacheHits: hits, requestsToOms: toOms, omsPerSecond: +(toOms / SECONDS).toFixed(2) };
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(path.join(reportDir, 'deploy.json'), JSON.stringify(figures, null, 2));
  writeFileSync(path.join(reportDir, 'deploy.md'), [
    `## nginx micro-cache: ${VIEWERS} viewers of one project`,
    '',
    `${VIEWERS} pages, each polling every second through deploy/nginx.conf for ${SECONDS} s:`,
    '',
    '| measure | value |',
    '|---|---|',
    `| requests from browsers to nginx | ${served.length} |`,
    `| answered from the 1 s cache | ${hits} |`,
    `| requests nginx sent to OMS | ${toOms} (${figures.omsPerSecond} per second) |`,
    '',
    ...wireRows.map((row) => `Compression: ${row}.`),
    '',
  ].join('\n'));
  assert.ok(served.length >= VIEWERS * (SECONDS - 3), `the viewers did poll (${served.length})`);
  assert.ok(toOms <= SECONDS * 1.5 + 2, `OMS saw ${toOms} requests in ${SECONDS} s`);
  for (const page of pages) await page.close();
});

/** Requests that reached the simulator on OMS 4.x's path since `seq`. */
const v4Requests = async (seq) =>
  (await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/v2`)).requests;

test('OMS 4.x through nginx: read actions forwarded with credentials, write actions refused before OMS', async () => {
  const seq = await env.sim.nextSeq();
  const post = (query, body = { id: 'np_steady_orders' }) =>
    fetch(`${env.base}/api/v2?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const read = await post('Action=DescribeProjectProgress');
  assert.equal(read.status, 200);
  // OMS's clock for the widget's lag correction, readable cross-origin too.
  assert.equal(read.headers.get('access-control-expose-headers'), 'Date');
  assert.match(read.headers.get('date'), /^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
  assert.equal((await read.json()).data.projectId, 'np_steady_orders');
  for (const query of [
    'Action=StopProject', 'Action=ReleaseProject', 'Action=DeleteProject', 'Action=ResumeProject',
    'Action=describeprojectprogress', 'Action=DescribeProjectProgress&Action=StopProject',
    'action=StopProject&Action=DescribeProjectProgress', 'Action=DescribeProjectProgressX', '',
  ]) {
    assert.equal((await post(query)).status, 403, `refused: ${query || '(no action)'}`);
  }
  assert.equal((await fetch(`${env.base}/api/v2?Action=DescribeProjectProgress`)).status, 403, 'only POST');
  const reached = await v4Requests(seq);
  assert.deepEqual(reached.map((r) => r.query), ['Action=DescribeProjectProgress'], 'no write action reached OMS');
  assert.ok(reached.every((r) => r.auth_sent), 'nginx signed in for the browser');
});

test('20 viewers of one OMS 4.x project: the micro-cache, keyed by the body, keeps OMS at about one request a second', { timeout: 120_000 }, async () => {
  const VIEWERS = 20;
  const SECONDS = 15;
  await env.sim.control('PUT', '/_sim/projects/np_viewers_v4', { behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 20, period_secs: 30 } });
  const pages = await openViewers('/viewer-v4.html', VIEWERS);
  // Another project through the same path is a different cache entry.
  const other = await fetch(`${env.base}/api/v2?Action=DescribeProjectProgress`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id":"np_steady_users"}' });
  assert.equal((await other.json()).data.projectId, 'np_steady_users', 'the body is in the cache key');
  const fromSeq = await env.sim.nextSeq();
  await measureFor(SECONDS * 1000); // the window the requests reaching OMS are counted in
  const toOms = (await v4Requests(fromSeq)).length;
  assert.ok(toOms >= SECONDS / 3 && toOms <= SECONDS * 1.5 + 2, `OMS saw ${toOms} V4 requests in ${SECONDS} s from ${VIEWERS} viewers`);
  mkdirSync(reportDir, { recursive: true });
  appendFileSync(path.join(reportDir, 'deploy.md'), `OMS 4.x: ${VIEWERS} viewers of one project through POST /api/v2 for ${SECONDS} s: ${toOms} requests reached OMS (${(toOms / SECONDS).toFixed(2)} per second); write actions answered 403 by nginx, none reached OMS.\n`);
  for (const page of pages) await page.close();
});

/** One request exactly as written (no client normalises its path): its status. */
const raw = (method, target, body = '') => new Promise((resolve, reject) => {
  const socket = new Socket();
  let answer = '';
  // Written, not ended: a half-closed client counts as gone to nginx's proxy.
  socket.connect(env.port, '127.0.0.1', () => {
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  socket.on('data', (chunk) => (answer += chunk));
  socket.on('end', () => {
    socket.destroy();
    resolve(Number(answer.split(' ')[1]));
  });
  socket.on('error', reject);
});

test('deny by default: only the requests the widget makes reach OMS; hostile ones get 403 from nginx', async () => {
  const seq = await env.sim.nextSeq();
  const id = '{"id":"np_steady_orders"}';
  const allowed = [
    ['GET', '/api/omsp/v2/sync/np_steady_orders/progress'],
    ['GET', '/api/omsp/v2/migrations/p_migration_dw/progress'],
    ['POST', '/api/v2?Action=DescribeProjectProgress', id],
    ['POST', '/api/v2?Action=DescribeProjectSteps', id],
    ['POST', '/api/v2?Action=DescribeProjectComponents', id],
    ['POST', '/api/v2?Action=ListProjects', '{"pageNumber":1,"pageSize":10}'],
    ['POST', '/api/v2?Action=DescribeProjectStepMetric', `{"projectId":"np_steady_orders","stepName":"INCR_TRANSFER","metricType":"DELAY","aggregator":"AVG","beginTimestamp":${Math.floor(Date.now() / 1000) - 3700},"endTimestamp":${Math.floor(Date.now() / 1000) - 100},"maxPointNum":10}`],
    ['POST', '/api/v2?Action=ListProjectFullVerifyResult', '{"projectId":"np_steady_orders","sourceSchemas":[],"destSchemas":[],"pageNumber":1,"pageSize":150}'],
    ['GET', '/oms/health'],
  ];
  for (const [method, target, body] of allowed) {
    assert.equal(await raw(method, target, body), 200, `passes: ${method} ${target}`);
  }
  const hostile = [
    ['POST', '/oms/anything'],
    ['PUT', '/oms/health'],
    ['DELETE', '/oms/health'],
    ['GET', '/oms/health?verbose'],
    ['GET', '/api/omsp/v2/datasources'],
    ['GET', '/api/omsp/v2/projects/np_steady_orders'],
    ['POST', '/api/omsp/v2/sync/np_steady_orders/progress'],
    ['HEAD', '/api/omsp/v2/sync/np_steady_orders/progress'],
    ['GET', '/api/omsp/v2/sync/np_steady_orders/progress?detail=1'],
    ['GET', '/api/omsp/v2/sync/np_steady_orders/progress/'],
    ['GET', '/api/omsp/v2/sync/np_x;jsessionid=1/progress'],
    ['GET', '/api/omsp/v2/datasources/../sync/np_steady_orders/progress'],
    ['GET', '/oms/health/../../api/omsp/v2/datasources'],
    ['GET', '/api/v2?Action=ListProjects'],
    ['POST', '/api/v2?Action=StopProject', id],
    ['POST', '/api/v2?Action=ResumeProject', id],
    ['POST', '/api/v2?Action=DescribeProjectStepMetric&Action=StopProject', id],
    ['POST', '/api/v2?action=stopproject', id],
    ['POST', '/api/v2?action=describeprojectprogress', id],
    ['POST', '/api/v2/?Action=DescribeProjectProgress', id],
    ['POST', '/api/v2;x=1?Action=DescribeProjectProgress', id],
    ['POST', '/api/v2?Action=DescribeProjectProgress&Action=StopProject', id],
    ['POST', '/api/v2?Action=ListProjects%26Action=DeleteProject', id],
    ['POST', '/api/x/../v2?Action=DeleteProject', id],
    ['POST', '/api/%76%32?Action=ReleaseProject', id],
  ];
  assert.ok(hostile.length >= 15);
  for (const [method, target, body] of hostile) {
    assert.equal(await raw(method, target, body), 403, `refused: ${method} ${target}`);
  }
  // What reached OMS: only allowed requests (some may have come from
  // nginx's 1 s cache instead; none of the hostile ones reached it at all).
  const log = await env.sim.control('GET', `/_sim/requests?since_seq=${seq}`);
  const reached = log.requests.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`);
  const passing = new Set(allowed.map(([m, t]) => `${m} ${t}`));
  assert.ok(reached.length > 0, 'the allowed requests went through to OMS');
  assert.deepEqual(reached.filter((r) => !passing.has(r)), [], 'no hostile request reached OMS');
  // The wallboard's module is served beside the widget's.
  const wall = await fetch(`${env.base}/oms-progress/oms-wallboard.js`);
  assert.equal(wall.status, 200);
  assert.match(wall.headers.get('content-type'), /javascript/);
});

test('two OMS through two upstreams, one account each: one wallboard of both, nothing else passes', async () => {
  const page = await env.browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  const seq = { bj: await env.sim.nextSeq(), hz: await env.simHz.nextSeq() };
  await page.goto(env.base + '/two-oms.html');
  const read = () => page.evaluate(() => {
    const root = document.querySelector('oms-wallboard')?.shadowRoot;
    const wall = root?.querySelector('[data-oms-wallboard]');
    return wall ? { state: wall.dataset.wallState, cards: [...root.querySelectorAll('.oms-wall-card')].map((li) => `${li.dataset.source}:${li.dataset.projectId}`) } : null;
  });
  const board = await eventually(read, (b) => b?.state === 'live' && b.cards.some((c) => c.startsWith('hz:')) && b.cards.some((c) => c.startsWith('bj:')), { what: 'both regions live' });
  assert.ok(board.cards.includes('hz:np_hz_failed_refunds') && board.cards.includes('bj:np_failed_billing'));
  // Both lists answered, so each OMS took the account nginx sent it (the
  // simulators refuse any other); none came from the browser.
  const reached = async (sim, from) => (await sim.control('GET', `/_sim/requests?since_seq=${from}&path_prefix=/api/v2`)).requests;
  for (const [name, sim] of [['bj', env.sim], ['hz', env.simHz]]) {
    const log = await reached(sim, seq[name]);
    assert.ok(log.length >= 1 && log.every((r) => r.auth_sent), `${name}: ${JSON.stringify(log.slice(0, 3))}`);
  }
  // The second prefix passes the same read actions and nothing else.
  const post = (prefix, query) => fetch(`${env.base}${prefix}/api/v2?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id":"np_hz_orders"}' });
  assert.equal((await post('/oms-hz', 'Action=DescribeProjectProgress')).status, 200);
  for (const query of ['Action=StopProject', 'Action=DeleteProject', '']) assert.equal((await post('/oms-hz', query)).status, 403, query);
  assert.equal((await fetch(`${env.base}/oms-hz/api/omsp/v2/sync/np_hz_orders/progress`)).status, 403, 'OMS 3.x paths only on the first');
  assert.equal((await fetch(`${env.base}/oms-hz/oms/health`)).status, 403);
  assert.deepEqual(problems, []);
  await page.close();
});
