// The npm package as a portal team uses it: tests/portal (a Vite +
// TypeScript app with plain TS, React 19 and Vue 3 hosts) has the packed
// tarball installed (scripts/test.sh). Here: its types pass on real use and
// catch deliberate mistakes (tsc and vue-tsc), `vite build` bundles it with
// the wasm as a hashed asset, and the built app shows live widgets against
// oms-sim in headless Chromium, with events shaped as the types say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, repo, eventually } from './harness.mjs';

const portal = path.join(repo, 'tests/portal');
const installed = path.join(portal, 'node_modules/oms-progress');
const types = readFileSync(path.join(repo, 'embed/oms-progress.d.ts'), 'utf8');
const crateVersion = readFileSync(path.join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

/** Runs one of the portal's tools; returns its exit code and output. */
function tool(name, ...args) {
  const run = spawnSync(path.join(portal, 'node_modules/.bin', name), args, { cwd: portal, encoding: 'utf8' });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** The field names of an interface in the types, with those of what it extends. */
function fieldsOf(name) {
  const body = types.match(new RegExp(`interface ${name}(?: extends (\\w+))? \\{([^}]*)\\}`));
  assert.ok(body, `interface ${name} in the types`);
  const own = [...body[2].matchAll(/^\s+'?([\w-]+)'?\??:/gm)].map((m) => m[1]);
  return [...(body[1] ? fieldsOf(body[1]) : []), ...own].sort();
}

const site = mkdtempSync(path.join(tmpdir(), 'oms-portal-'));
const env = {};
before(async () => {
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.sim?.stop();
  rmSync(site, { recursive: true, force: true });
});

test('the portal has the packed tarball installed, not a path into the repository', () => {
  assert.ok(!lstatSync(installed).isSymbolicLink(), 'a copy from the tarball, not a link');
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.version, crateVersion, "the package's version is the crate's");
  assert.equal(manifest.type, 'module');
  assert.deepEqual(Object.keys(manifest.exports), ['.', './react', './vue', './wallboard', './oms-progress_bg.wasm', './oms-wallboard_bg.wasm', './package.json']);
  assert.deepEqual(readdirSync(installed).sort(), [...manifest.files, 'package.json'].sort());
});

test("docs/embedding.md's React and Vue snippets are the files the portal builds", () => {
  const readme = readFileSync(path.join(repo, 'docs/embedding.md'), 'utf8');
  // The portal's own (the Leptos one is tests/leptos-app's: tests/docs.rs).
  const snippets = [...readme.matchAll(/<!-- snippet:(tests\/portal\/[\w/.-]+) -->\n```\w+\n([\s\S]*?)```\n/g)];
  assert.deepEqual(snippets.map((m) => m[1]), ['tests/portal/src/OmsProgress.tsx', 'tests/portal/src/OpsPanel.vue']);
  for (const [, file, code] of snippets) assert.equal(code, readFileSync(path.join(repo, file), 'utf8'), file);
});

test('tsc and vue-tsc pass on code that uses every option, the handle, each event and both frameworks', () => {
  for (const checker of ['tsc', 'vue-tsc']) {
    const { code, out } = tool(checker, '-p', 'tsconfig.json');
    assert.equal(code, 0, `${checker}:\n${out}`);
  }
  // Every option of the types is used by the plain host.
  const main = readFileSync(path.join(portal, 'src/main.ts'), 'utf8');
  for (const option of fieldsOf('MountOptions')) assert.match(main, new RegExp(`\\b${option}:`), option);
});

test('each deliberate mistake fails the type check on its own line, and nothing else does', () => {
  const marked = new Set();
  for (const file of readdirSync(path.join(portal, 'mistakes'))) {
    readFileSync(path.join(portal, 'mistakes', file), 'utf8').split('\n').forEach((line, i) => {
      if (/mistake: /.test(line) && !/^\s*(\/\/|<!--)/.test(line)) marked.add(`mistakes/${file}:${i + 1}`);
    });
  }
  assert.ok(marked.size >= 14, `marked mistakes: ${marked.size}`);
  // tsc reads the .ts and .tsx files; vue-tsc the .vue file as well.
  for (const [checker, files] of [['tsc', /\.tsx?:/], ['vue-tsc', /./]]) {
    const { code, out } = tool(checker, '-p', 'tsconfig.mistakes.json');
    assert.notEqual(code, 0, `${checker}: the mistakes must not type-check`);
    const reported = new Set([...out.matchAll(/^(mistakes\/[\w.]+)\((\d+),\d+\): error/gm)].map((m) => `${m[1]}:${m[2]}`));
    const expected = [...marked].filter((place) => files.test(place)).sort();
    assert.deepEqual([...reported].sort(), expected, `${checker}:\n${out}`);
  }
});

test('vite build bundles the module and emits the wasm as a hashed asset', () => {
  const { code, out } = tool('vite', 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'warn');
  assert.equal(code, 0, out);
  const assets = readdirSync(path.join(site, 'assets'));
  const wasm = assets.filter((f) => /^oms-progress_bg-[\w-]+\.wasm$/.test(f));
  assert.equal(wasm.length, 1, `assets: ${assets}`);
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(site, 'assets', f), 'utf8')).join('\n');
  assert.ok(js.includes(wasm[0]), 'the bundle loads the emitted wasm');
  env.wasmAsset = `/assets/${wasm[0]}`;
});

test('the built portal shows live widgets from every host, and events as the types describe them', async () => {
  assert.ok(env.wasmAsset, 'built by the test before');
  env.sim = await startSim({ staticDir: site, marker: 'index.html' });
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.sim.base}/`);
  const state = (host) => page.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot?.querySelector('[data-oms-widget]');
    return root ? `${root.dataset.projectId}:${root.dataset.state}` : null;
  }, host);
  // mount() from plain TS, the element from TS, React's wrapper and element, Vue's element.
  for (const [host, project] of [
    ['#mounted', 'np_steady_orders'],
    ['#plain oms-sync-progress', 'np_failed_billing'],
    ['#react div:has(+ oms-sync-progress)', 'np_finished_archive'],
    ['#react oms-sync-progress', 'np_suspended_crm'],
    ['#vue oms-sync-progress', 'np_lagging_audit'],
  ]) {
    await eventually(() => state(host), (s) => s === `${project}:live`, { what: `${host} live` });
  }
  // Event props and listeners: React's wrapper callback and element prop, Vue's @ handler.
  await eventually(() => page.textContent('[data-testid=react-seen]'), (t) => /wrapper:FINISHED/.test(t) && /element:SUSPEND/.test(t), { what: 'React saw both status changes' });
  await eventually(() => page.textContent('[data-testid=vue-seen]'), (t) => /RUNNING/.test(t), { what: 'Vue saw the status change' });
  // A health change needs a minute of history; the e2e history suite checks it.
  const polled = ['oms-progress-update', 'oms-status-change', 'oms-error'];
  const events = await eventually(() => page.evaluate(() => window.portalEvents), (e) => polled.every((name) => e[name].length > 0), { what: 'one event of each poll kind' });
  for (const [name, iface] of [['oms-progress-update', 'OmsProgressUpdateDetail'], ['oms-status-change', 'OmsStatusChangeDetail'], ['oms-error', 'OmsErrorDetail'], ['oms-health-change', 'OmsHealthChangeDetail'], ['oms-attention-change', 'OmsAttentionChangeDetail'], ['oms-cutover-change', 'OmsCutoverChangeDetail']]) {
    for (const detail of events[name]) assert.deepEqual(Object.keys(detail).sort(), fieldsOf(iface), `${name} detail`);
  }
  // The bundler's hashed asset URL is what the browser loaded.
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
  assert.ok(loaded.includes(env.wasmAsset), `loaded: ${loaded}`);
  // The package's module exports what the types declare, and only internals besides.
  const declared = [...types.matchAll(/^export declare (?:function|class) (\w+)/gm)].map((m) => m[1]);
  const own = readFileSync(path.join(installed, 'oms-progress.js'), 'utf8').match(/export\s*\{([^}]*)\}\s*;?\s*$/)[1]
    .split(',').map((s) => s.trim().split(/\s+as\s+/).pop());
  // The Rust halves of the element and of the handle (widgets by id), and
  // three classes wasm-bindgen exports for gloo-net's stream support
  // (wasm-streams): not part of the API.
  const internal = ['attachElement', 'elementAttributes', 'mountWidget', 'updateWidget', 'refreshWidget', 'unmountWidget', 'syncElement', 'IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
  assert.deepEqual(own.filter((n) => !internal.includes(n)).sort(), declared.sort());
  // The wallboard's module: the same, and its element (its Rust half internal too).
  const wallTypes = readFileSync(path.join(installed, 'oms-wallboard.d.ts'), 'utf8');
  const wallDeclared = [...wallTypes.matchAll(/^export declare (?:function|class) (\w+)/gm)].map((m) => m[1]);
  const wallOwn = readFileSync(path.join(installed, 'oms-wallboard.js'), 'utf8').match(/export\s*\{([^}]*)\}\s*;?\s*$/)[1]
    .split(',').map((s) => s.trim().split(/\s+as\s+/).pop());
  const wallInternal = [...internal, 'attachWallboard', 'wallboardAttributes'];
  assert.deepEqual(wallOwn.filter((n) => !wallInternal.includes(n)).sort(), [...declared, ...wallDeclared].sort());
  assert.deepEqual(errors, []);
  await page.close();
});

/** A free loopback port. */
const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});

test("vite dev serves the portal live too, as docs/embedding.md sets it up (the API proxied with credentials)", async () => {
  const sim = await startSim({ auth: true, staticDir: site, marker: 'index.html' });
  const port = await freePort();
  const dev = spawn(path.join(portal, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: portal, env: { ...process.env, OMS_API: sim.base, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  dev.stdout.on('data', (c) => { out += c; });
  dev.stderr.on('data', (c) => { out += c; });
  try {
    // Vite colours its banner whatever the terminal: ask the server instead.
    const up = () => fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
    await eventually(up, (ok) => ok, { what: "vite dev listening", timeout: 30_000 });
    const page = await env.browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`);
    const state = (host) => page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[data-oms-widget]')?.dataset.state ?? null, host);
    for (const host of ['#mounted', '#react oms-sync-progress', '#vue oms-sync-progress']) {
      await eventually(() => state(host), (s) => s === 'live', { what: `${host} live under vite dev`, timeout: 30_000 });
    }
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('.wasm')));
    assert.equal(wasm.length, 1, `one wasm: ${wasm}`);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    const exited = dev.exitCode !== null || dev.signalCode !== null ? Promise.resolve() : new Promise((r) => dev.once('exit', r));
    dev.kill('SIGTERM');
    await sim.stop();
    await exited;
  }
});
