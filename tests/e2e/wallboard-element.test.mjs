// <oms-wallboard> from oms-wallboard.js against oms-sim with 300 generated
// projects: the list in a shadow root, its attributes (the option table's
// and the filters), its DOM events (a status change per project from the
// list, the list's errors, an opened card's updates), and the module's
// <oms-sync-progress> beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, wallEmbedDir, eventually, inWall, measureFor, countTimers } from './harness.mjs';

const site = mkdtempSync(path.join(tmpdir(), 'oms-wall-site-'));
cpSync(wallEmbedDir, site, { recursive: true });
// Every event of every element, in order, as plain data.
writeFileSync(path.join(site, 'wall.html'), `<!DOCTYPE html><meta charset="utf-8"><title>portal</title>
<script>
  window.events = [];
  for (const name of ['oms-progress-update', 'oms-status-change', 'oms-health-change', 'oms-error']) {
    document.addEventListener(name, (e) => events.push({ name, from: e.target.localName, ...e.detail }));
  }
</script>
<script type="module" src="/oms-wallboard.js"></script>
<main id="portal"></main>`);

const env = {};
before(async () => {
  env.sim = await startSim({ args: ['--generate', '300'], staticDir: site, marker: 'oms-wallboard.js' });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.sim?.stop();
  rmSync(site, { recursive: true, force: true });
});

/** A portal page holding `html` (after `init`, run before any script of
 *  the page's); collects page and console errors. */
async function portal(html, init) {
  const page = await env.browser.context.newPage();
  if (init) await page.addInitScript(init);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => m.type() === 'error' && !/favicon/.test(m.location().url ?? '') && errors.push(m.text()));
  await page.goto(env.sim.base + '/wall.html');
  await page.waitForFunction(() => customElements.get('oms-wallboard') && customElements.get('oms-sync-progress'));
  await page.evaluate((h) => (document.getElementById('portal').innerHTML = h), html);
  return { page, errors };
}

const wallState = (page) => inWall(page, (r) => r.querySelector('[data-oms-wallboard]')?.dataset.wallState ?? null);
const cardIds = (page) => inWall(page, (r) => [...r.querySelectorAll('.oms-wall-card')].map((li) => li.dataset.projectId));
const events = (page, name) => page.evaluate((n) => events.filter((e) => e.name === n), name);

async function listed(body = {}) {
  const res = await fetch(`${env.sim.base}/api/v2?Action=ListProjects`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pageNumber: 1, pageSize: 150, ...body }),
  });
  return res.json();
}

test('every project in a shadow root, a status change per project from the list, then only what changed', async () => {
  const total = (await listed()).totalCount;
  const { page, errors } = await portal('<oms-wallboard interval="2" lang="en"></oms-wallboard>');
  await eventually(() => wallState(page), (s) => s === 'live', { what: 'wallboard live' });
  const ids = await eventually(() => cardIds(page), (c) => c.length === total, { what: 'every card' });
  assert.equal(new Set(ids).size, total);
  // The host page's CSS and queries do not reach in: the cards are in the shadow root.
  assert.equal(await page.evaluate(() => document.querySelectorAll('.oms-wall-card').length), 0);
  const first = await eventually(() => events(page, 'oms-status-change'), (e) => e.length === total, { what: 'one status change each' });
  assert.ok(first.every((e) => e.from === null && e.to && e.projectId && e.from !== undefined));
  assert.deepEqual(new Set(first.map((e) => e.projectId)), new Set(ids));

  // One project fails: one more status change, for it alone, and its card goes up.
  const id = 'np_steady_orders';
  const before = first.find((e) => e.projectId === id).to;
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'FAILED', current_step: 'INCR_SYNC' } });
  const changes = await eventually(() => events(page, 'oms-status-change'), (e) => e.length > total, { what: 'the change', timeout: 8_000 });
  assert.deepEqual(changes.slice(total).map((e) => [e.projectId, e.from, e.to]), [[id, before, 'FAILED']]);
  await eventually(
    () => inWall(page, (r) => r.querySelector('.oms-wall-card[data-project-id=np_steady_orders]').dataset.attention),
    (a) => a === 'failed',
    { what: 'its card among the failed' },
  );
  assert.deepEqual(errors, []);
  await page.close();
  await env.sim.control('POST', '/_sim/reset');
});

test('attributes: filters, a new group, and the option table’s refusals shown as text', async () => {
  const failed = (await listed({ status: ['FAILED'] })).totalCount;
  const { page, errors } = await portal('<oms-wallboard interval="2" lang="zh-CN" status="failed"></oms-wallboard>');
  const ids = await eventually(() => cardIds(page), (c) => c.length === failed && failed > 0, { what: 'only failed cards' });
  assert.ok(ids.length > 0);
  assert.equal(await inWall(page, (r) => r.querySelector('[data-oms-wallboard]').getAttribute('lang')), 'zh-CN');
  // An attribute changed in place: the same element shows the new list.
  await page.evaluate(() => {
    const wall = document.querySelector('oms-wallboard');
    wall.removeAttribute('status');
    wall.setAttribute('group', 'paused');
    wall.setAttribute('lang', 'en');
  });
  await eventually(
    () => inWall(page, (r) => r.querySelector('[data-group=paused]')?.getAttribute('aria-pressed')),
    (p) => p === 'true',
    { what: 'the paused group chosen' },
  );
  const shown = await eventually(() => inWall(page, (r) => [...r.querySelectorAll('.oms-wall-card')].map((li) => li.dataset.attention)), (a) => a.length > 0, { what: 'paused cards' });
  assert.ok(shown.every((a) => a === 'paused'), shown.join());
  // Wrong values: the element says what is wrong, as text, and polls nothing.
  await page.evaluate(() => document.querySelector('oms-wallboard').setAttribute('interval', 'soon'));
  const problem = await eventually(() => inWall(page, (r) => r.textContent), (t) => /interval/.test(t) && /soon/.test(t), { what: 'the problem shown' });
  assert.match(problem, /"soon"/);
  await page.evaluate(() => (document.getElementById('portal').innerHTML = '<oms-wallboard api="sync"></oms-wallboard>'));
  const v3 = await eventually(() => inWall(page, (r) => r.textContent), (t) => /api/.test(t), { what: 'OMS 3.x refused' });
  assert.match(v3, /"sync"/);
  assert.match(v3, /v4/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a card opened in the element polls its project and tells its updates; the list’s failure is an event of the list', async () => {
  const { page, errors } = await portal('<oms-wallboard interval="2" lang="en"></oms-wallboard>');
  await eventually(() => wallState(page), (s) => s === 'live', { what: 'wallboard live' });
  const id = 'np_v4_payments';
  await page.evaluate((pid) => {
    document.querySelector('oms-wallboard').shadowRoot.querySelector(`.oms-wall-card[data-project-id=${pid}] [data-action=open]`).click();
  }, id);
  await eventually(
    () => inWall(page, (r) => r.querySelector('[data-oms-widget]')?.dataset.state),
    (s) => s === 'live',
    { what: 'the opened widget live' },
  );
  const updates = await eventually(() => events(page, 'oms-progress-update'), (e) => e.length > 0, { what: 'an update from the card' });
  assert.ok(updates.every((e) => e.projectId === id && e.from === 'oms-wallboard'), JSON.stringify(updates[0]));
  // Status changes come from the list alone: the opened card adds none.
  const changes = (await events(page, 'oms-status-change')).filter((e) => e.projectId === id);
  assert.equal(changes.length, 1);

  // The module's <oms-sync-progress> works beside it.
  await page.evaluate(() => document.getElementById('portal').insertAdjacentHTML('beforeend', '<oms-sync-progress project-id="np_steady_users"></oms-sync-progress>'));
  await eventually(
    () => page.evaluate(() => document.querySelector('oms-sync-progress').shadowRoot?.querySelector('[data-oms-widget]')?.dataset.state),
    (s) => s === 'live',
    { what: 'a widget from the same module live' },
  );

  // A list that cannot be read: an error event of the list (no project id), shown in the element.
  await page.evaluate(() => document.querySelector('oms-wallboard').setAttribute('base-url', '/nowhere'));
  const failure = await eventually(() => events(page, 'oms-error'), (e) => e.some((x) => x.projectId === ''), { what: 'the list’s error event' });
  const listError = failure.find((x) => x.projectId === '');
  assert.ok(listError.httpStatus >= 400 && listError.kind, JSON.stringify(listError));
  assert.equal(listError.from, 'oms-wallboard');
  await eventually(() => wallState(page), (s) => s === 'error', { what: 'the wallboard in error' });
  // Chromium logs the failed request itself; nothing else went wrong.
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource: .* 405/.test(e)), []);
  await page.close();
});

test('removed from the page, it stops at once: no request, no timer left; put back, it draws anew', async () => {
  const { page, errors } = await portal('<oms-wallboard interval="1" lang="en"></oms-wallboard>', countTimers);
  await eventually(() => wallState(page), (s) => s === 'live', { what: 'wallboard live' });
  // With a card open, its widget polls too.
  await inWall(page, (r) => r.querySelector('.oms-wall-card[data-project-id=np_v4_payments] [data-action=open]').click());
  await eventually(() => inWall(page, (r) => r.querySelector('[data-oms-widget]')?.dataset.state), (s) => s === 'live', { what: 'the opened widget live' });
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  const removed = await page.evaluate(() => {
    window.wall = document.querySelector('oms-wallboard');
    window.wall.remove();
    return window.wall.shadowRoot.childElementCount;
  });
  assert.equal(removed, 0, 'its shadow root emptied');
  const from = asked.length;
  // A measurement window: three of the list's 1 s intervals, none asked.
  await measureFor(3_000);
  assert.deepEqual(asked.slice(from), []);
  assert.equal(await page.evaluate(() => window.__liveTimers()), 0, 'no timer left');
  await page.evaluate(() => document.getElementById('portal').append(window.wall));
  await eventually(() => wallState(page), (s) => s === 'live', { what: 'the element put back live' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('console-url: names link to OMS\'s console in a new tab; a bad template is a configuration error', async () => {
  const template = 'https://oms.example/#/project/{id}';
  const { page, errors } = await portal(`<oms-wallboard interval="2" console-url="${template}"></oms-wallboard>
    <oms-sync-progress project-id="np_steady_orders" console-url="${template}"></oms-sync-progress>
    <oms-sync-progress project-id="np_steady_users"></oms-sync-progress>
    <oms-sync-progress project-id="np_steady_users" console-url="javascript:alert(1)//{id}"></oms-sync-progress>`);
  await eventually(() => wallState(page), (s) => s === 'live', { what: 'wallboard live' });
  const links = await inWall(page, (r) => [...r.querySelectorAll('.oms-wall-card')].slice(0, 3).map((li) => {
    const a = li.querySelector('a[data-field=console]');
    return { id: li.dataset.projectId, href: a?.getAttribute('href'), target: a?.target, rel: a?.rel, label: a?.getAttribute('aria-label') };
  }));
  for (const l of links) {
    assert.equal(l.href, `https://oms.example/#/project/${l.id}`);
    assert.deepEqual([l.target, l.rel, l.label], ['_blank', 'noopener', 'Open in OMS\'s console']);
  }
  const names = await eventually(() => page.evaluate(() => [...document.querySelectorAll('oms-sync-progress')].slice(0, 2).map((h) => {
    const name = h.shadowRoot?.querySelector('[data-field=project-id]');
    return name && { tag: name.localName, href: name.getAttribute('href'), rel: name.getAttribute('rel'), target: name.getAttribute('target') };
  })), (n) => n.every(Boolean), { what: 'the widgets drawn' });
  assert.deepEqual(names[0], { tag: 'a', href: 'https://oms.example/#/project/np_steady_orders', rel: 'noopener', target: '_blank' });
  assert.deepEqual(names[1], { tag: 'span', href: null, rel: null, target: null }, 'without a template: text');
  const refused = await page.evaluate(() => document.querySelectorAll('oms-sync-progress')[2].shadowRoot.querySelector('[data-error=config] [data-field=problem]')?.textContent ?? '');
  assert.match(refused, /console-url/);
  assert.deepEqual(errors.filter((e) => !/console-url/.test(e)), []);
  await page.close();
});
