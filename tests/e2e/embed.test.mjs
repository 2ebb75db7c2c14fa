// The embed build in headless Chromium against oms-sim: <oms-sync-progress>,
// its attributes, the JS mount() API, DOM events, shadow isolation under
// hostile CSS and a strict CSP, 50 widgets on a page, credentials, and
// 1,000 add/remove cycles (figures recorded in the report folder).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, embedDir, repo, eventually, measureFor, reportDir, countTimers } from './harness.mjs';

// What the simulator serves: the examples as built (dist-embed/), the test
// page, and the artifacts again under a deep prefix, as a CDN would.
const site = mkdtempSync(path.join(tmpdir(), 'oms-embed-site-'));
cpSync(embedDir, site, { recursive: true });
cpSync(path.join(repo, 'tests/e2e/pages'), site, { recursive: true });
for (const file of ['oms-progress.js', 'oms-progress_bg.wasm']) {
  mkdirSync(path.join(site, 'cdn/oms-progress/1.0.0'), { recursive: true });
  cpSync(path.join(embedDir, file), path.join(site, 'cdn/oms-progress/1.0.0', file));
}

const env = {};
before(async () => {
  env.sim = await startSim({ staticDir: site });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.sim?.stop();
  rmSync(site, { recursive: true, force: true });
});

const MODULE = '/cdn/oms-progress/1.0.0/oms-progress.js';

/** A page with the module loaded; collects page errors, CSP violations and console errors. */
async function openEmbedPage(route = '/embed.html') {
  const page = await env.browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url ?? '')) problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(env.sim.base + route);
  await page.waitForFunction(() => customElements.get('oms-sync-progress') !== undefined);
  return { page, problems };
}

/** Reads a field of the widget inside an element's shadow root. */
const inShadow = (page, selector, read) =>
  page.evaluate(([sel, fn]) => {
    const host = document.querySelector(sel);
    const root = host?.shadowRoot?.querySelector('[data-oms-widget]');
    return root ? new Function('root', `return (${fn})(root)`)(root) : null;
  }, [selector, read.toString()]);

const stateOf = (page, selector) => inShadow(page, selector, (r) => r.getAttribute('data-state'));

test('hostile CSS and a strict CSP: widgets work, nothing leaks either way, theming applies', async () => {
  const { page, problems } = await openEmbedPage('/examples/hostile.html');
  for (const i of [1, 2, 3]) {
    await eventually(() => stateOf(page, `oms-sync-progress:nth-of-type(${i})`), (s) => s === 'live', { what: `widget ${i} live` });
  }
  const look = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll('oms-sync-progress')];
    const root = hosts[0].shadowRoot;
    const badge = getComputedStyle(root.querySelector('.oms-badge'));
    const span = getComputedStyle(root.querySelector('.oms-project'));
    const refresh = getComputedStyle(root.querySelector('[data-action="refresh"]'));
    const themedBadge = getComputedStyle(hosts[2].shadowRoot.querySelector('.oms-badge'));
    const themedRoot = getComputedStyle(hosts[2].shadowRoot.querySelector('.oms-progress'));
    const lookalike = getComputedStyle(document.getElementById('host-lookalike'));
    return {
      modes: hosts.map((h) => h.shadowRoot?.mode),
      sheets: hosts.map((h) => h.shadowRoot.adoptedStyleSheets.length),
      sameSheet: hosts.every((h) => h.shadowRoot.adoptedStyleSheets[0] === root.adoptedStyleSheets[0]),
      badgeFont: badge.fontFamily, badgeDisplay: badge.display, letterSpacing: span.letterSpacing,
      textTransform: span.textTransform, spanBorder: span.borderTopStyle, refreshDisplay: refresh.display,
      themedColor: themedBadge.color, themedBorder: themedRoot.borderTopWidth, themedRadius: themedRoot.borderTopLeftRadius,
      lookalikeRadius: lookalike.borderTopLeftRadius, lookalikeBorder: lookalike.borderTopStyle,
      styleElements: document.querySelectorAll('style').length,
    };
  });
  assert.deepEqual(look.modes, ['open', 'open', 'open']);
  assert.deepEqual(look.sheets, [1, 1, 1], 'one adopted stylesheet each');
  assert.ok(look.sameSheet, 'the stylesheet is shared, parsed once');
  assert.doesNotMatch(look.badgeFont, /Comic Sans/, 'host fonts do not leak in');
  assert.equal(look.badgeDisplay, 'flex', 'ours (inline-flex, blockified in the flex header), not the host\'s block');
  assert.equal(look.letterSpacing, 'normal');
  assert.equal(look.textTransform, 'none');
  assert.equal(look.spanBorder, 'none', 'host `span {}` rules do not reach in');
  assert.notEqual(look.refreshDisplay, 'none', 'host `button { display: none }` does not hide ours');
  assert.equal(look.themedColor, 'rgb(111, 66, 193)', '--oms-ok set by the host applies');
  assert.equal(look.themedBorder, '3px', '::part(root) applies');
  assert.equal(look.themedRadius, '0px', '--oms-radius applies');
  assert.equal(look.lookalikeRadius, '0px', 'widget CSS never styles the host page');
  assert.equal(look.lookalikeBorder, 'dotted');
  assert.equal(look.styleElements, 0, 'no <style> element added');
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('oms-sync-progress').shadowRoot.querySelector('.oms-progress')).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(21, 27, 35)', 'dark defaults follow prefers-color-scheme');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.deepEqual(problems, []);
  await page.close();
});

test('attributes take effect live: a new project-id stops the old polling and starts the new', async () => {
  const { page, problems } = await openEmbedPage();
  await page.evaluate(() => {
    const el = document.createElement('oms-sync-progress');
    el.id = 'w';
    el.setAttribute('project-id', 'np_steady_orders');
    el.setAttribute('interval', '1');
    document.getElementById('slot').append(el);
  });
  await eventually(() => stateOf(page, '#w'), (s) => s === 'live', { what: 'first project live' });
  await page.evaluate(() => {
    const el = document.getElementById('w');
    el.setAttribute('project-id', 'np_failed_billing');
    el.setAttribute('lang', 'zh-CN');
    el.setAttribute('compact', '');
  });
  await eventually(() => inShadow(page, '#w', (r) => r.getAttribute('data-status')), (s) => s === 'FAILED', { what: 'second project shown' });
  const switched = await env.sim.nextSeq();
  await measureFor(2_500); // two intervals: the new project polled, the old one not
  assert.equal((await env.sim.requestsFor('np_steady_orders', switched)).length, 0, 'the old project is no longer polled');
  assert.ok((await env.sim.requestsFor('np_failed_billing', switched)).length >= 2, 'the new one is, every second');
  const attrs = await inShadow(page, '#w', (r) => [r.getAttribute('lang'), r.hasAttribute('data-compact'), r.getAttribute('data-project-id')]);
  assert.deepEqual(attrs, ['zh-CN', true, 'np_failed_billing']);

  // A wrong attribute is said plainly, then fixing it brings the widget back.
  await page.evaluate(() => document.getElementById('w').setAttribute('interval', 'soon'));
  await eventually(() => inShadow(page, '#w', (r) => r.querySelector('[data-error="config"]')?.textContent), (t) => /interval "soon" is not a number of seconds/.test(t ?? ''), { what: 'config error' });
  await page.evaluate(() => document.getElementById('w').setAttribute('interval', '2'));
  await eventually(() => stateOf(page, '#w'), (s) => s === 'live', { what: 'live again' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('mount(): bad options throw clearly and leave nothing; update, refresh and unmount work', async () => {
  const { page, problems } = await openEmbedPage();
  const bad = await page.evaluate(async (module) => {
    const { mount } = await import(module);
    const slot = document.getElementById('slot');
    const errors = [];
    for (const options of [
      { projetId: 'np_1' },
      { projectId: '', interval: 0.1, credentials: 'always' },
      { projectId: 'np_1', baseUrl: 'https://user:pw@oms.example' },
      { projectId: 'np_1', headers: 'Bearer x' },
      'np_1',
      { projetId: 'x', interval: 0 },
      { projectId: 'np_1', api: 3, interval: 'five', lagWarn: 400, lagCritical: 300, compact: {} },
    ]) {
      try { mount(slot, options); errors.push('no error'); } catch (e) { errors.push(String(e.message ?? e)); }
    }
    for (const target of [null, 'slot', document.createElementNS('http://www.w3.org/2000/svg', 'svg')]) {
      try { mount(target, { projectId: 'np_1' }); errors.push('no error'); } catch (e) { errors.push(String(e.message ?? e)); }
    }
    // Numeric strings are numbers, as in attributes; null and undefined are "not given".
    const ok = document.createElement('div');
    document.body.append(ok);
    try { mount(ok, { projectId: 'np_1', interval: '2', lang: undefined, baseUrl: null }).unmount(); errors.push('mounted'); } catch (e) { errors.push(String(e.message ?? e)); }
    ok.remove();
    return { errors, shadow: slot.shadowRoot === null, children: slot.childNodes.length };
  }, MODULE);
  assert.match(bad.errors[0], /unknown option "projetId" \(known: projectId,/);
  assert.match(bad.errors[1], /projectId is required/);
  assert.match(bad.errors[1], /interval 0\.1 is out of range/);
  assert.match(bad.errors[1], /credentials "always"/);
  assert.match(bad.errors[2], /must not carry credentials/);
  assert.match(bad.errors[3], /headers must be a function/);
  assert.match(bad.errors[4], /options must be an object/);
  // Every problem of every kind at once, each naming its option.
  assert.match(bad.errors[5], /unknown option "projetId".*; interval 0 is out of range \(1 to 86400 seconds\); projectId is required/);
  assert.match(bad.errors[6], /api must be a string, not a number/);
  assert.match(bad.errors[6], /interval "five" is not a number of seconds/);
  assert.match(bad.errors[6], /compact must be true or false, not an object/);
  assert.match(bad.errors[6], /lagWarn \(400 s\) is above lagCritical \(300 s\)/);
  assert.equal(bad.errors[10], 'mounted');
  for (const i of [7, 8, 9]) assert.match(bad.errors[i], /mount\(\) needs an HTML element/);
  assert.ok(bad.shadow && bad.children === 0, 'a bad option leaves no half-mounted widget');

  const before = await env.sim.nextSeq();
  await page.evaluate(async (module) => {
    const { mount } = await import(module);
    window.updates = [];
    document.addEventListener('oms-progress-update', (e) => window.updates.push(e.detail.projectId));
    window.handle = mount(document.getElementById('slot'), { projectId: 'np_steady_users', interval: 60 });
  }, MODULE);
  await eventually(() => stateOf(page, '#slot'), (s) => s === 'live', { what: 'mounted widget live' });
  assert.equal((await env.sim.requestsFor('np_steady_users', before)).length, 1);
  await eventually(() => page.evaluate(() => window.updates), (u) => u.length > 0, { what: 'an update event' });
  assert.equal((await page.evaluate(() => window.updates))[0], 'np_steady_users', 'events of mount()ed widgets name their project');

  // refresh(): one request at once, despite the 60 s interval.
  await page.evaluate(() => window.handle.refresh());
  await eventually(() => env.sim.requestsFor('np_steady_users', before), (r) => r.length === 2, { what: 'refresh polls' });

  // update() with a bad option throws and keeps the widget as it was.
  const kept = await page.evaluate(() => {
    try { window.handle.update({ projectId: 'np_other', lang: 'fr' }); return 'no error'; } catch (e) { return e.message; }
  });
  assert.match(kept, /lang "fr" is not en or zh-CN/);
  assert.equal(await inShadow(page, '#slot', (r) => r.getAttribute('data-project-id')), 'np_steady_users');

  await page.evaluate(() => window.handle.update({ projectId: 'np_suspended_crm', interval: 60 }));
  await eventually(() => inShadow(page, '#slot', (r) => r.getAttribute('data-status')), (s) => s === 'SUSPEND', { what: 'updated project' });

  // A second mount on the same element is refused; the first widget stays.
  const twice = await page.evaluate(async (module) => {
    const { mount } = await import(module);
    try { mount(document.getElementById('slot'), { projectId: 'np_other' }); return 'no error'; } catch (e) { return e.message; }
  }, MODULE);
  assert.match(twice, /already shows a widget/);
  assert.equal(await inShadow(page, '#slot', (r) => r.getAttribute('data-status')), 'SUSPEND');

  await page.evaluate(() => window.handle.unmount());
  const gone = await env.sim.nextSeq();
  await measureFor(1_500); // past an interval: no request may follow the unmount
  assert.equal(await page.evaluate(() => document.getElementById('slot').shadowRoot.childNodes.length), 0);
  assert.equal((await env.sim.requestsFor('np_suspended_crm', gone)).length, 0);
  await page.evaluate(() => window.handle.refresh()); // after unmount: nothing, no error
  assert.deepEqual(problems, []);
  await page.close();
});

test('a mounted widget whose handle is dropped and garbage-collected keeps working', async () => {
  const { page, problems } = await openEmbedPage();
  const cdp = await env.browser.context.newCDPSession(page);
  await page.evaluate(async (module) => {
    const { mount } = await import(module);
    mount(document.getElementById('slot'), { projectId: 'np_steady_orders', interval: 1 }); // handle not kept
  }, MODULE);
  await eventually(() => stateOf(page, '#slot'), (s) => s === 'live', { what: 'live' });
  for (let i = 0; i < 3; i += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    // Finalizers run when the engine gets to them, on no event we can see.
    await measureFor(300);
  }
  const since = await env.sim.nextSeq();
  await measureFor(2_500); // two intervals in which the widget must still poll
  assert.ok((await env.sim.requestsFor('np_steady_orders', since)).length >= 2, 'still polling after GC');
  assert.equal(await stateOf(page, '#slot'), 'live');
  assert.deepEqual(problems, []);
  await page.close();
});

test('events bubble out of the widget: update, status change, error with OMS code and message', async () => {
  const id = 'np_embed_events';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { unix: 1764000000 } } });
  const { page, problems } = await openEmbedPage();
  await page.evaluate(() => {
    window.events = [];
    for (const name of ['oms-progress-update', 'oms-status-change', 'oms-error', 'oms-attention-change']) {
      document.addEventListener(name, (e) => window.events.push({ name, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));
    }
    const el = document.createElement('oms-sync-progress');
    el.setAttribute('project-id', 'np_embed_events');
    el.setAttribute('interval', '1');
    document.getElementById('slot').append(el);
  });
  const events = () => page.evaluate(() => window.events);
  await eventually(events, (e) => e.some((x) => x.name === 'oms-status-change'), { what: 'first status change' });
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'FAILED', current_step: 'INCR_SYNC', checkpoint: { unix: 1764000000 } } });
  await eventually(events, (e) => e.some((x) => x.name === 'oms-status-change' && x.detail.to === 'FAILED'), { what: 'RUNNING → FAILED' });
  await env.sim.control('POST', '/_sim/faults', { project: id, kind: 'business_error', code: 'CM-OMS-X1', message: 'the store is gone', advice: 'recreate it', count: 1 });
  await eventually(events, (e) => e.some((x) => x.name === 'oms-error'), { what: 'error event' });
  const all = await events();
  const update = all.find((x) => x.name === 'oms-progress-update');
  // Every name of the DOM contract, each present (null when OMS said nothing).
  const keys = (name) => Object.keys(all.find((x) => x.name === name).detail).sort();
  assert.deepEqual(keys('oms-progress-update'), ['currentStep', 'enableFullSync', 'enableIncrSync', 'enableReverseIncrSync', 'enableStructSync', 'fullProgress', 'importance', 'incrSyncCheckpoint', 'projectId', 'reverseIncrSyncCheckpoint', 'source', 'status', 'structProgress']);
  assert.deepEqual(keys('oms-status-change'), ['from', 'projectId', 'source', 'to']);
  assert.deepEqual(keys('oms-error'), ['advice', 'code', 'httpStatus', 'kind', 'message', 'projectId', 'requestId', 'source']);
  assert.equal(update.detail.source, null, 'one unnamed OMS');
  // Far behind (a checkpoint of long ago), then failed: one change, not the first state.
  const attention = all.filter((x) => x.name === 'oms-attention-change').map((x) => x.detail);
  assert.deepEqual(attention, [{ projectId: id, source: null, title: id, from: 'far-behind', to: 'failed' }]);
  assert.equal(update.detail.reverseIncrSyncCheckpoint, null);
  assert.equal(update.detail.projectId, id);
  assert.equal(update.detail.status, 'RUNNING');
  assert.equal(update.detail.currentStep, 'INCR_SYNC');
  assert.equal(update.detail.incrSyncCheckpoint, '1764000000');
  const changes = all.filter((x) => x.name === 'oms-status-change').map((x) => [x.detail.from, x.detail.to]);
  assert.deepEqual(changes, [[null, 'RUNNING'], ['RUNNING', 'FAILED']]);
  const error = all.find((x) => x.name === 'oms-error').detail;
  assert.deepEqual([error.kind, error.code, error.message, error.advice], ['oms', 'CM-OMS-X1', 'the store is gone', 'recreate it']);
  assert.ok(all.every((x) => x.bubbles && x.composed));
  assert.deepEqual(problems, []);
  await page.close();
});

test('oms-health-change tells a host when a project becomes stuck and when it moves again', { timeout: 90_000 }, async () => {
  const id = 'np_embed_stuck';
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { unix: Math.floor(Date.now() / 1000) - 20 } } });
  const { page, problems } = await openEmbedPage();
  await page.evaluate(async ([module, projectId]) => {
    window.health = [];
    document.addEventListener('oms-health-change', (e) => window.health.push(e.detail));
    const { mount } = await import(module);
    mount(document.getElementById('slot'), { projectId, interval: 2, stuckAfter: 30 });
  }, [MODULE, id]);
  const health = () => page.evaluate(() => window.health);
  const stuck = await eventually(health, (h) => h.some((d) => d.stuck === 'checkpoint'), { what: 'stuck event', timeout: 45_000 });
  const detail = stuck.find((d) => d.stuck === 'checkpoint');
  assert.deepEqual(Object.keys(detail).sort(), ['projectId', 'recoveredAt', 'source', 'stuck', 'stuckSince', 'trend']);
  assert.equal(detail.projectId, id);
  assert.ok(Math.abs(detail.stuckSince - Date.now()) < 60_000, `stuck since ${detail.stuckSince}`);
  // The element shows the same marks inside its shadow root.
  assert.equal(await inShadow(page, '#slot', (r) => r.querySelector('[data-field=history]')?.getAttribute('data-stuck')), 'checkpoint');
  assert.match(await inShadow(page, '#slot', (r) => r.querySelector('[data-field=stuck]')?.textContent), /^stuck: the checkpoint has not moved since /);
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 3, period_secs: 30 } });
  await eventually(health, (h) => h.at(-1).stuck === null, { what: 'unstuck event' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('oms-cutover-change tells a host each verdict of switch-over readiness, with the documented detail', { timeout: 60_000 }, async () => {
  const types = readFileSync(path.join(repo, 'embed/oms-progress.d.ts'), 'utf8');
  const fields = (name) => {
    const body = types.match(new RegExp(`interface ${name}(?: extends (\\w+))? \\{([^}]*)\\}`));
    assert.ok(body, `interface ${name} in the types`);
    const own = [...body[2].matchAll(/^\s+'?([\w-]+)'?\??:/gm)].map((m) => m[1]);
    return [...(body[1] ? fields(body[1]) : []), ...own].sort();
  };
  const { page, problems } = await openEmbedPage();
  await page.evaluate(async ([module, projectId]) => {
    window.cutover = [];
    document.addEventListener('oms-cutover-change', (e) => window.cutover.push(e.detail));
    const { mount } = await import(module);
    mount(document.getElementById('slot'), { projectId, api: 'v4', interval: 2 });
  }, [MODULE, 'np_cutover_rows_differ']);
  const [detail] = await eventually(() => page.evaluate(() => window.cutover), (c) => c.length > 0, { what: 'oms-cutover-change', timeout: 20_000 });
  assert.deepEqual(Object.keys(detail).sort(), fields('OmsCutoverChangeDetail'));
  assert.deepEqual(Object.keys(detail.checks).sort(), fields('OmsCutoverChecks'));
  assert.deepEqual(
    [detail.projectId, detail.from, detail.to, detail.blocking, detail.line],
    ['np_cutover_rows_differ', null, 'not-ready', 'verify', 'Not ready: 1,203 rows differ'],
  );
  assert.deepEqual(detail.checks, { full: 'true', verify: 'false', lag: 'true', lagHeld: 'true', healthy: 'true', reverse: 'true' });
  // The element shows the same verdict inside its shadow root, and tells it once.
  assert.equal(await inShadow(page, '#slot', (r) => r.querySelector('[data-field=cutover]')?.dataset.cutover), 'not-ready');
  await measureFor(4_000); // two more polls, the same verdict
  assert.equal((await page.evaluate(() => window.cutover)).length, 1);
  // A change: a ready migration paused is no longer ready.
  const id = 'np_embed_cutover';
  const define = (behaviour) => env.sim.control('PUT', `/_sim/projects/${id}`, {
    kind: 'migration', naming: 'v4', verify: { tables: 2, differing_rows: 0 },
    switch_over: { state: 'waiting', reverse: true }, behaviour,
  });
  await define({ type: 'steady', lag_min_secs: 1, lag_max_secs: 6, period_secs: 60 });
  await page.evaluate(async ([module, projectId]) => {
    const slot = document.createElement('div');
    slot.id = 'slot2';
    document.body.append(slot);
    const { mount } = await import(module);
    mount(slot, { projectId, api: 'v4', interval: 1 });
  }, [MODULE, id]);
  const mine = () => page.evaluate((id) => window.cutover.filter((d) => d.projectId === id), id);
  await eventually(mine, (c) => c.length === 1 && c[0].to === 'ready', { what: 'ready first', timeout: 20_000 });
  await define({ type: 'fixed', status: 'SUSPEND', current_step: 'INCR_TRANSFER', struct_progress: 100, full_progress: 100, checkpoint: { frozen_lag_secs: 5 } });
  const [, change] = await eventually(mine, (c) => c.length === 2, { what: 'the change of verdict', timeout: 20_000 });
  assert.deepEqual([change.from, change.to, change.blocking, change.checks.healthy], ['ready', 'not-ready', 'healthy', 'false']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('credentials: headers from a JS callback reach OMS; never in the URL; a failing callback is an error', async () => {
  const sim = await startSim({ staticDir: site, auth: true });
  try {
    const page = await env.browser.context.newPage();
    await page.goto(sim.base + '/embed.html');
    await page.waitForFunction(() => customElements.get('oms-sync-progress') !== undefined);
    await page.evaluate(async (module) => {
      const { mount } = await import(module);
      let calls = 0;
      window.headerCalls = () => calls;
      window.good = mount(document.getElementById('slot'), {
        projectId: 'np_steady_orders', interval: 1,
        headers: () => { calls += 1; return { Authorization: `Basic ${btoa('oms:oms-sim')}` }; },
      });
      const el = document.createElement('oms-sync-progress');
      el.id = 'bad';
      el.headers = () => { throw new Error('token service down: s3cret'); };
      el.setAttribute('project-id', 'np_steady_users');
      document.body.append(el);
    }, MODULE);
    await eventually(() => stateOf(page, '#slot'), (s) => s === 'live', { what: 'authorized widget live' });
    await eventually(() => page.evaluate(() => window.headerCalls()), (n) => n >= 2, { what: 'the callback runs before every request' });
    const log = (await sim.control('GET', '/_sim/requests?path_prefix=/api/')).requests;
    const orders = log.filter((r) => r.path.includes('np_steady_orders'));
    assert.ok(orders.length >= 2 && orders.every((r) => r.auth_sent), 'every request carried the header');
    assert.ok(log.every((r) => !/oms-sim|Basic|Authorization/i.test(`${r.path}?${r.query ?? ''}`)), 'nothing secret in a URL');
    const bad = await eventually(() => inShadow(page, '#bad', (r) => r.querySelector('.oms-error')?.textContent ?? null), (t) => t !== null, { what: 'callback failure shown' });
    assert.match(bad, /the headers function threw/);
    assert.doesNotMatch(bad, /s3cret/, 'the callback\'s message is not repeated');
    await page.close();
  } finally {
    await sim.stop();
  }
});

test('50 widgets share one module, one wasm instance and one stylesheet', async () => {
  const { page, problems } = await openEmbedPage('/examples/fifty.html');
  await eventually(
    () => page.evaluate(() => [...document.querySelectorAll('oms-sync-progress')].filter((h) => h.shadowRoot?.querySelector('[data-state="live"]')).length),
    (n) => n === 50, { what: '50 live widgets', timeout: 20_000 },
  );
  const shared = await page.evaluate(() => ({
    wasm: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length,
    modules: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('oms-progress.js')).length,
    sheets: new Set([...document.querySelectorAll('oms-sync-progress')].map((h) => h.shadowRoot.adoptedStyleSheets[0])).size,
  }));
  assert.deepEqual(shared, { wasm: 1, modules: 1, sheets: 1 });
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('1,000 add/remove cycles: no timers, listeners, nodes or memory left, no request after removal', { timeout: 600_000 }, async () => {
  const CYCLES = Number(process.env.OMS_EMBED_CYCLES || 1000);
  const { page, problems } = await openEmbedPage();
  const cdp = await env.browser.context.newCDPSession(page);
  await page.evaluate(countTimers);
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await measureFor(100); // finalizers of the first collection run
    await cdp.send('HeapProfiler.collectGarbage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const page_ = await page.evaluate(async (module) => {
      const m = await import(module);
      return { timers: window.__liveTimers(), wasm: m.wasmMemoryBytes() };
    }, MODULE);
    return { nodes: dom.nodes, listeners: dom.jsEventListeners, jsHeap: heap.usedSize, ...page_ };
  };
  const cycle = (n) => page.evaluate(async ([count]) => {
    const slot = document.getElementById('slot');
    for (let i = 0; i < count; i += 1) {
      const el = document.createElement('oms-sync-progress');
      el.setAttribute('project-id', `np_cycle_${i % 7}`);
      el.setAttribute('interval', '1');
      slot.append(el);
      // Let it start: mount, first request in flight, timers armed.
      await new Promise((r) => setTimeout(r, 2));
      el.remove();
    }
  }, [n]);
  await cycle(50); // warm-up: allocator and caches settle
  await measureFor(500); // the warm-up's last requests land before the first sample
  const start = await sample();
  const started = Date.now();
  const cyclesFrom = await env.sim.nextSeq();
  await cycle(CYCLES);
  const removedWallMs = Date.now();
  const removedAt = await env.sim.nextSeq();
  const during = removedAt - cyclesFrom;
  await measureFor(3_000); // three intervals in which a poller left behind would ask
  const end = await sample();
  // A request the last widgets sent just before their removal can reach
  // oms-sim a few ms after it (the browser's network process is a queue of
  // its own): those arrive within 500 ms. A poller left running would ask
  // again a second later (interval 1 s), so anything later counts.
  const logged = (await env.sim.control('GET', `/_sim/requests?since_seq=${removedAt}&path_prefix=/api/`)).requests;
  const inFlight = logged.filter((r) => r.wall_ms <= removedWallMs + 500).length;
  const after = logged.length - inFlight;
  const growth = Object.fromEntries(Object.keys(start).map((k) => [k, end[k] === null ? null : end[k] - start[k]]));
  const figures = { cycles: CYCLES, seconds: Math.round((Date.now() - started) / 1000), start, end, growth, requestsDuringCycles: during, requestsInFlightAtRemoval: inFlight, requestsAfterRemoval: after };
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(path.join(reportDir, 'embed-cycles.json'), JSON.stringify(figures, null, 2));
  const kb = (b) => (b === null ? 'n/a' : `${(b / 1024).toFixed(1)} KB`);
  writeFileSync(path.join(reportDir, 'embed-cycles.md'), [
    `## ${CYCLES} add/remove cycles of \`<oms-sync-progress>\``,
    '',
    `Each cycle creates an element (interval 1 s), lets it mount and start its first request, and removes it (${during} requests reached oms-sim during the cycles; the others were aborted before leaving the browser).`,
    'Measured after forced garbage collection, after 50 warm-up cycles and 3 s after the last removal.',
    '',
    '| measure | after warm-up | at the end | growth |',
    '|---|---|---|---|',
    `| live timers | ${start.timers} | ${end.timers} | ${growth.timers} |`,
    `| JS event listeners | ${start.listeners} | ${end.listeners} | ${growth.listeners} |`,
    `| DOM nodes | ${start.nodes} | ${end.nodes} | ${growth.nodes} |`,
    `| wasm memory | ${kb(start.wasm)} | ${kb(end.wasm)} | ${kb(growth.wasm)} |`,
    `| JS heap (used) | ${kb(start.jsHeap)} | ${kb(end.jsHeap)} | ${kb(growth.jsHeap)} |`,
    `| requests sent before the last removal, arriving within 500 ms of it | | | ${inFlight} |`,
    `| requests after the last removal (later than 500 ms) | | | ${after} |`,
    '',
  ].join('\n'));
  assert.equal(growth.timers, 0, 'live timers');
  assert.equal(growth.listeners, 0, 'event listeners');
  assert.ok(growth.nodes <= 0, `DOM nodes grew by ${growth.nodes}`);
  assert.ok(growth.wasm !== null && growth.wasm < 1024 * 1024, `wasm memory grew ${growth.wasm} bytes`);
  assert.ok(growth.jsHeap < 1024 * 1024, `JS heap grew ${growth.jsHeap} bytes`);
  assert.ok(during > 0, 'the widgets did start polling');
  assert.equal(after, 0, 'no request after removal');
  assert.deepEqual(problems, []);
  await page.close();
});
