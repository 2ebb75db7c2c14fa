// Shared parts of the end-to-end tests: a real oms-sim process serving the
// release-built page, and headless Debian Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
const targetDir = process.env.CARGO_TARGET_DIR || path.join(repo, 'target');
export const simBinary = path.join(targetDir, 'release', 'oms-sim');
export const distDir = process.env.OMS_DIST_DIR || path.join(repo, 'dist');
/** The embed artifacts and examples (scripts/build-embed.sh). */
export const embedDir = process.env.OMS_EMBED_DIR || path.join(repo, 'dist-embed');
/** The module with <oms-wallboard> too (scripts/build-embed.sh). */
export const wallEmbedDir = process.env.OMS_WALL_EMBED_DIR || path.join(repo, 'dist-embed-wallboard');
/** The Leptos app of tests/leptos-app, built by Trunk (scripts/build.sh). */
export const leptosAppDir = process.env.OMS_LEPTOS_APP_DIR || path.join(repo, 'dist-leptos-app');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts oms-sim (a free loopback port unless `listen` says) serving
 *  `staticDir` (the page by default; `marker` is a file it must hold);
 *  resolves when it listens. */
export async function startSim({ listen = '127.0.0.1:0', args: extraArgs = [], staticDir = distDir, auth = false, marker } = {}) {
  marker ??= staticDir === distDir ? 'index.html' : 'oms-progress.js';
  for (const needed of [simBinary, path.join(staticDir, marker)]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run scripts/test.sh, which builds it`);
  }
  const args = ['--listen', listen, '--static', staticDir, ...(auth ? [] : ['--no-auth']), ...extraArgs];
  const child = spawn(simBinary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`oms-sim did not start: ${out}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`oms-sim exited with ${code}: ${out}`)));
  });
  const control = async (method, route, body) => {
    const res = await fetch(base + route, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    base,
    control,
    /** API requests logged for one project since `sinceSeq`. */
    async requestsFor(projectId, sinceSeq = 0) {
      const log = await control('GET', `/_sim/requests?since_seq=${sinceSeq}&path_prefix=/api/`);
      return log.requests.filter((r) => r.path.includes(`/${projectId}/`));
    },
    async nextSeq() {
      return (await control('GET', '/_sim/requests?path_prefix=/none')).next_seq;
    },
    stop() {
      child.kill('SIGTERM');
      return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

/** Launches headless Chromium with the flags this closed network needs
 *  (`options`: more of playwright's context options). */
export async function launchBrowser(options = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'oms-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The widget root for a project. */
export function widget(page, projectId) {
  return page.locator(`[data-oms-widget][data-project-id="${projectId}"]`);
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** A measurement window: the test counts what happens (or must not happen)
 *  in these `ms`, so it cannot end early on a condition. Never a wait for
 *  something: that is `eventually`. */
export const measureFor = pause;

/** The one polling wait of the suite (as Playwright's `expect.poll`): reads
 *  `read()` every `interval` ms until `ok` accepts it and returns that value;
 *  after `timeout` ms fails naming `what` was awaited and the last value seen
 *  (or the error the last read threw). */
export async function eventually(read, ok, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let failed;
  for (;;) {
    try {
      last = await read();
      failed = undefined;
      if (ok(last)) return last;
    } catch (e) {
      failed = e;
    }
    if (Date.now() >= deadline) break;
    await pause(interval);
  }
  const seen = failed ? `the read threw ${failed}` : `still ${JSON.stringify(last)}`;
  throw new Error(`waiting for ${what}: ${seen} after ${timeout} ms`);
}

/** Opens the page for a query, collecting page errors and wasm panics. */
export async function openPage(browser, base, query) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${base}/?${query}`);
  return { page, errors };
}

/** tests/leptos-app served by a simulator of its own, in a browser of its
 *  own: `body({ sim, page, errors })` runs on the app's page, opened after
 *  `prepare(page)` (for listeners that must see its first requests); both
 *  stop after it, whatever it threw. */
export async function withLeptosApp(body, prepare = () => {}) {
  const sim = await startSim({ staticDir: leptosAppDir, marker: 'index.html' });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    prepare(page);
    await page.goto(`${sim.base}/`);
    await body({ sim, page, errors });
  } finally {
    await browser.close();
    await sim.stop();
  }
}

/** Where reports go: docs/ when regenerating them, else a scratch folder. */
export const reportDir = process.env.OMS_REPORT_DIR || path.join(here, 'artifacts');

/** One simulator and one browser for a whole test file, started before its
 *  first test and stopped after its last; read them as `env.sim`, `env.browser`. */
export function simAndBrowser() {
  const env = {};
  before(async () => {
    env.sim = await startSim();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.sim?.stop();
  });
  return env;
}

/** Run in the page as an init script: notifications on, as chosen at an
 *  earlier visit, through a stub that keeps each title in `window.notified`. */
export function stubNotifications() {
  window.notified = [];
  window.Notification = class {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title) { window.notified.push(title); }
  };
  localStorage.setItem('oms-progress:notify', 'on');
}

/** Run in the page (as an init script or by `page.evaluate`): wraps the timer
 *  functions so `window.__liveTimers()` counts the timers still pending. */
export function countTimers() {
  const live = new Set();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = (fn, ms, ...rest) => {
    const id = st((...a) => { live.delete(id); return typeof fn === 'function' ? fn(...a) : undefined; }, ms, ...rest);
    live.add(id);
    return id;
  };
  window.clearTimeout = (id) => { live.delete(id); ct(id); };
  window.setInterval = (fn, ms, ...rest) => { const id = si(fn, ms, ...rest); live.add(id); return id; };
  window.clearInterval = (id) => { live.delete(id); ci(id); };
  window.__liveTimers = () => live.size;
}

/** Reads the wallboard inside the page's first <oms-wallboard>'s shadow
 *  root: `read` gets the root (it runs in the page, so it is passed as text). */
export const inWall = (page, read) =>
  page.evaluate((fn) => {
    const root = document.querySelector('oms-wallboard')?.shadowRoot;
    return root ? new Function('root', `return (${fn})(root)`)(root) : null;
  }, read.toString());
