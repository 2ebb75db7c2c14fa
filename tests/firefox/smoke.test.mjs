// A smoke of the release builds in Debian's Firefox ESR, headless, through
// geckodriver: the standalone page with a few widgets live, the element in a
// host page, the wallboard element with its cards, and a configuration
// error. The Chromium suite (tests/e2e) covers the behaviour; this one sees
// the engine-specific break (wasm, shadow DOM, adopted style sheets, fetch).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, embedDir, wallEmbedDir } from '../e2e/harness.mjs';
import { launchFirefox, until } from './webdriver.mjs';

// The host pages' site: both element modules and one page for each; every
// page records its errors, so a failure says what the page saw.
const site = mkdtempSync(path.join(tmpdir(), 'oms-firefox-site-'));
cpSync(embedDir, site, { recursive: true });
cpSync(wallEmbedDir, site, { recursive: true });
const hostPage = (title, module, body) => `<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>${title}</title>
<script>
  window.problems = [];
  addEventListener('error', (e) => problems.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => problems.push(String(e.reason)));
</script>
<script type="module" src="/${module}"></script>
<body>${body}</body></html>`;
writeFileSync(path.join(site, 'host.html'), hostPage('portal', 'oms-progress.js', `
<h1>Portal</h1>
<oms-sync-progress id="orders" project-id="np_steady_orders" interval="2" lang="en"></oms-sync-progress>
<oms-sync-progress id="bad" project-id=".." lang="en"></oms-sync-progress>`));
writeFileSync(path.join(site, 'wall.html'), hostPage('wallboard', 'oms-wallboard.js', `
<h1>Every project</h1>
<oms-wallboard interval="2" lang="en"></oms-wallboard>`));

const env = {};
before(async () => {
  env.page = await startSim();
  env.embed = await startSim({ staticDir: site });
  env.firefox = await launchFirefox();
});
after(async () => {
  await env.firefox?.close();
  await env.page?.stop();
  await env.embed?.stop();
  rmSync(site, { recursive: true, force: true });
});

/** What the pages' console printed since `from` that says a page broke: an
 *  uncaught error on a page of this test (a wasm trap is one) or a
 *  console.error call (a page's prints its arguments as source, `"text"` or
 *  `(object)`; Firefox's own modules print a `Name: ` prefix instead). */
const breakage = (from) =>
  env.firefox
    .log()
    .slice(from)
    .split('\n')
    .filter((l) => /^JavaScript error: http:\/\/127\.0\.0\.1|^console\.error: (?!\w+: )|panicked|RuntimeError/.test(l));

test('the standalone page: a few widgets live, each with its lag', async (t) => {
  t.diagnostic(`Firefox ${env.firefox.version}`);
  const from = env.firefox.log().length;
  const ids = ['np_steady_orders', 'np_v4_payments', 'np_lagging_audit'];
  await env.firefox.goto(`${env.page.base}/?project=${ids.join(',')}&interval=2&lang=en`);
  const read = () =>
    env.firefox.run((list) => list.map((id) => {
      const w = document.querySelector(`[data-oms-widget][data-project-id="${id}"]`);
      return {
        id,
        state: w?.dataset.state ?? null,
        status: w?.dataset.status ?? null,
        lag: w?.querySelector('[data-field=checkpoint]')?.dataset.lagSeconds ?? null,
      };
    }), ids);
  const widgets = await until(read, (ws) => ws.every((w) => w.state === 'live' && w.lag !== null), { what: 'widgets live with a lag' });
  for (const w of widgets) {
    assert.equal(w.status, 'RUNNING', w.id);
    assert.match(w.lag, /^\d+$/, `${w.id} lag`);
  }
  // The lagging project's lag is its scenario's, above the steady ones'.
  const lag = Object.fromEntries(widgets.map((w) => [w.id, Number(w.lag)]));
  assert.ok(lag.np_lagging_audit > lag.np_steady_orders, JSON.stringify(lag));
  assert.deepEqual(await env.firefox.run(() => [...document.querySelectorAll('[data-field=page-problem]')].map((p) => p.textContent)), []);
  assert.deepEqual(breakage(from), []);
});

test('<oms-sync-progress> in a host page: live in its shadow root; a bad project id is a configuration error', async () => {
  const from = env.firefox.log().length;
  await env.firefox.goto(`${env.embed.base}/host.html`);
  const read = (sel) =>
    env.firefox.run((s) => {
      const root = document.querySelector(s)?.shadowRoot?.querySelector('[data-oms-widget]');
      const alert = root?.querySelector('[role=alert]');
      return root
        ? {
            state: root.dataset.state,
            lag: root.querySelector('[data-field=checkpoint]')?.dataset.lagSeconds ?? null,
            error: alert?.dataset.error ?? null,
            problems: [...(alert?.querySelectorAll('[data-field=problem]') ?? [])].map((p) => p.textContent),
          }
        : null;
    }, sel);
  const orders = await until(() => read('#orders'), (w) => w?.state === 'live' && w.lag !== null, { what: 'the element live' });
  assert.match(orders.lag, /^\d+$/);
  const bad = await until(() => read('#bad'), (w) => w?.error === 'config', { what: 'the configuration error' });
  assert.deepEqual(bad.problems, ['project-id ".." is not a valid OMS project id']);
  // The host page's queries do not reach into the shadow roots.
  assert.equal(await env.firefox.run(() => document.querySelectorAll('[data-oms-widget]').length), 0);
  assert.deepEqual(await env.firefox.run(() => window.problems), []);
  assert.deepEqual(breakage(from), []);
});

test('<oms-wallboard>: a card for every project OMS lists', async () => {
  const from = env.firefox.log().length;
  const listed = await fetch(`${env.embed.base}/api/v2?Action=ListProjects`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pageNumber: 1, pageSize: 1 }),
  }).then((r) => r.json());
  assert.ok(listed.totalCount > 10, `${listed.totalCount} projects listed`);
  await env.firefox.goto(`${env.embed.base}/wall.html`);
  const read = () =>
    env.firefox.run(() => {
      const root = document.querySelector('oms-wallboard')?.shadowRoot;
      const wall = root?.querySelector('[data-oms-wallboard]');
      return wall
        ? {
            state: wall.dataset.wallState,
            cards: root.querySelectorAll('.oms-wall-card').length,
            title: root.querySelector('.oms-wall-title')?.textContent ?? null,
            // Drawn, not just in the tree: the shadow root's styles apply.
            height: root.querySelector('.oms-wall-card')?.getBoundingClientRect().height ?? 0,
          }
        : null;
    });
  const wall = await until(read, (w) => w?.state === 'live' && w.cards === listed.totalCount, { what: 'every card' });
  assert.ok(wall.height > 20, `a card ${wall.height} px high`);
  assert.ok(wall.title, 'the wallboard has a title');
  assert.deepEqual(await env.firefox.run(() => window.problems), []);
  assert.deepEqual(breakage(from), []);
});
