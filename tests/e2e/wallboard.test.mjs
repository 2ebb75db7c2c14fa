// The wallboard (`/?wall`) against oms-sim with 300 generated projects beside
// the seeded ones: every project from the list pages alone, sorted by what
// needs attention, the summary strip as a filter, the URL's filters, a card
// opened into the full widget, the title's counts, and OMS 3.x's fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, launchBrowser, openPage, eventually, measureFor, widget } from './harness.mjs';

const GROUPS = ['failed', 'far-behind', 'behind', 'alarming', 'unknown', 'paused', 'not-started', 'running', 'finished', 'released'];
const env = {};
before(async () => {
  env.sim = await startSim({ args: ['--generate', '300'] });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.sim?.stop();
});

/** How many projects OMS lists, asked directly. */
async function listedCount(body = {}) {
  const res = await fetch(`${env.sim.base}/api/v2?Action=ListProjects`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pageNumber: 1, pageSize: 1, ...body }),
  });
  return (await res.json()).totalCount;
}

/** The cards in page order: key facts of each. */
const cards = (page) =>
  page.$$eval('.oms-wall-card', (list) =>
    list.map((li) => ({
      id: li.dataset.projectId,
      attention: li.dataset.attention,
      delay: li.dataset.delaySeconds === undefined ? -1 : Number(li.dataset.delaySeconds),
      details: li.querySelector('[data-field=details]').textContent,
      title: li.querySelector('[data-action=open]').textContent,
    })),
  );

const counts = (page) =>
  page.$$eval('.oms-wall-summary [data-group]', (buttons) =>
    Object.fromEntries(buttons.map((b) => [b.dataset.group, Number(b.querySelector('[data-field=count]').textContent)])),
  );

async function openWall(query) {
  const opened = await openPage(env.browser, env.sim.base, `wall&lang=en&interval=2&${query}`);
  await eventually(() => opened.page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'wallboard live' });
  return opened;
}

test('every project from the list pages alone, sorted by what needs attention', async () => {
  const total = await listedCount();
  assert.ok(total > 300, `${total} projects listed`);
  const seq = await env.sim.nextSeq();
  const { page, errors } = await openWall('');
  const shown = await eventually(() => cards(page), (c) => c.length === total, { what: 'every card' });
  const strip = await counts(page);
  assert.equal(strip.all, total);
  assert.equal(GROUPS.reduce((sum, g) => sum + strip[g], 0), total, 'each project in one group');
  // Every button of the strip says its count in `data-count` too, "all" included.
  const both = await page.$$eval('.oms-wall-summary [data-group]', (buttons) =>
    buttons.map((b) => [b.dataset.group, b.dataset.count ?? null, b.querySelector('[data-field=count]').textContent]));
  assert.equal(both.length, GROUPS.length + 1);
  for (const [group, data, shown] of both) assert.equal(data, shown, `${group}: data-count ${data}, shown ${shown}`);
  for (const g of ['failed', 'far-behind', 'behind', 'alarming', 'paused', 'running', 'finished', 'released']) {
    assert.ok(strip[g] > 0, `some ${g}: ${JSON.stringify(strip)}`);
  }
  // Groups in order; behind and far behind the longest delay first, the
  // other groups by name (a current project's delay of a few seconds would
  // only make cards swap places at every poll).
  for (let i = 1; i < shown.length; i++) {
    const [a, b] = [shown[i - 1], shown[i]];
    const [ra, rb] = [GROUPS.indexOf(a.attention), GROUPS.indexOf(b.attention)];
    assert.ok(ra <= rb, `${a.id} (${a.attention}) before ${b.id} (${b.attention})`);
    if (ra !== rb) continue;
    if (['far-behind', 'behind'].includes(a.attention)) assert.ok(a.delay >= b.delay, `${a.id} delay ${a.delay} before ${b.id} delay ${b.delay}`);
    else assert.ok(a.title <= b.title, `${a.title} before ${b.title}`);
  }
  // One request per page per interval; no per-project request for a closed card.
  await measureFor(4_500); // the window these requests are counted in
  const log = await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`);
  const lists = log.requests.filter((r) => (r.query || '').includes('Action=ListProjects'));
  const others = log.requests.filter((r) => !(r.query || '').includes('Action=ListProjects'));
  const pages = Math.ceil(total / 150);
  const polls = lists.length / pages;
  assert.ok(Number.isInteger(polls) && polls >= 2 && polls <= 4, `${lists.length} list requests for ${pages} pages`);
  assert.deepEqual(others.map((r) => r.path + '?' + r.query), []);
  // The title tells what needs attention, with the strip's counts (read
  // together: the counts move with the projects).
  const titleFrom = (c) =>
    ['failed', 'far-behind', 'behind', 'alarming', 'unknown']
      .filter((g) => c[g] > 0)
      .map((g) => `${c[g]} ${{ 'far-behind': 'far behind', unknown: 'unknown status' }[g] ?? g}`)
      .join(' · ') + ' — OMS';
  const [title, want] = await eventually(
    async () => [await page.title(), titleFrom(await counts(page))],
    ([t, w]) => t === w,
    { what: 'title with the counts' },
  );
  assert.equal(title, want);
  assert.match(title, /^\d+ failed · \d+ far behind · \d+ behind · \d+ alarming( · \d+ unknown status)? — OMS$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the summary strip filters by group, and the URL by type, label and name', async () => {
  const { page, errors } = await openWall('');
  const strip = await counts(page);
  await page.click('.oms-wall-summary [data-group=failed]');
  assert.equal(await page.getAttribute('.oms-wall-summary [data-group=failed]', 'aria-pressed'), 'true');
  const failed = await eventually(() => cards(page), (c) => c.length > 0 && c.every((x) => x.attention === 'failed'), { what: 'only failed' });
  assert.equal(failed.length, strip.failed);
  await page.click('.oms-wall-summary [data-group=failed]');
  await eventually(() => cards(page), (c) => c.length === strip.all, { what: 'all again' });
  assert.equal(await page.getAttribute('.oms-wall-summary [data-group=all]', 'aria-pressed'), 'true');
  await page.close();

  const filtered = await openWall('type=sync&label=team-a&search=orders');
  const shown = await eventually(() => cards(filtered.page), (c) => c.length > 0, { what: 'filtered cards' });
  for (const c of shown) {
    assert.match(c.details, /^SYNC · .* · team-a/, c.id);
    assert.match(c.title.toLowerCase(), /orders/, c.id);
  }
  const expected = (await fetch(`${env.sim.base}/api/v2?Action=ListProjects`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'SYNC', searchKey: 'orders', pageNumber: 1, pageSize: 150 }),
  }).then((r) => r.json())).data.filter((p) => p.labels.includes('team-a'));
  assert.equal(shown.length, expected.length);
  assert.deepEqual(errors.concat(filtered.errors), []);
  await filtered.page.close();

  const bad = await openPage(env.browser, env.sim.base, 'wall&lang=en&group=urgent');
  await bad.page.locator('[data-field=page-problem]').first().waitFor();
  assert.match(await bad.page.locator('[data-field=page-problem]').first().textContent(), /^group "urgent" is not failed, /);
  await bad.page.close();
});

test('a card opens into the full widget, which alone asks for that project', async () => {
  const { page, errors } = await openWall('');
  // A card further down: once open it moves first and stays there while
  // the others reorder, so its widget is never rebuilt under the reader.
  const first = (await eventually(() => cards(page), (c) => c.length > 10, { what: 'cards' })).find((c) => c.attention === 'running' && c.id);
  const seq = await env.sim.nextSeq();
  const card = page.locator(`.oms-wall-card[data-project-id="${first.id}"]`);
  await card.locator('[data-action=open]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await card.locator('[data-action=open]').getAttribute('aria-expanded'), 'true');
  assert.equal((await cards(page))[0].id, first.id, 'the open card comes first');
  const w = card.locator(`[data-oms-widget][data-project-id="${first.id}"]`);
  await eventually(() => w.getAttribute('data-state'), (s) => s === 'live', { what: 'opened widget live' });
  assert.match(await w.getAttribute('data-status'), /^(RUNNING|INIT)$/);
  // Polls later, still first, still the same widget (not rebuilt).
  await w.evaluate((el) => { el.dataset.marked = 'yes'; });
  const marked = await env.sim.nextSeq();
  const polled = async (action) => (await env.sim.control('GET', `/_sim/requests?since_seq=${marked}&path_prefix=/api/`)).requests
    .filter((r) => (r.query || '').includes(`Action=${action}`)).length;
  // The board and the open card poll on one interval: two more of each.
  await eventually(() => polled('DescribeProjectProgress'), (n) => n >= 2, { what: 'two more polls of the open card' });
  assert.equal((await cards(page))[0].id, first.id, 'still first after polls');
  assert.equal(await w.getAttribute('data-marked'), 'yes', 'the same widget');
  const log = await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`);
  assert.ok(log.requests.some((r) => (r.query || '').includes('Action=DescribeProjectProgress')), 'the opened card polls its project');
  await card.locator('[data-action=open]').click();
  await eventually(() => card.locator('[data-oms-widget]').count(), (n) => n === 0, { what: 'closed' });
  // Closed: no more per-project requests. No event marks the end of a poll
  // already in flight: a beat to land, then the window.
  await measureFor(500);
  const after = await env.sim.nextSeq();
  await measureFor(3_000);
  const later = await env.sim.control('GET', `/_sim/requests?since_seq=${after}&path_prefix=/api/`);
  assert.deepEqual(later.requests.filter((r) => !(r.query || '').includes('Action=ListProjects')), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in Chinese, and with OMS 3.x, which has no list, the named projects and a line saying so', async () => {
  const zh = await openPage(env.browser, env.sim.base, 'wall&lang=zh-CN&group=failed');
  await eventually(() => zh.page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'live' });
  assert.match(await zh.page.title(), /^\d+ 失败 · .* — OMS$/);
  assert.equal(await zh.page.locator('.oms-wall-card [data-field=status]').first().textContent(), '✖ 失败');
  await zh.page.close();

  const { page, errors } = await openPage(env.browser, env.sim.base, 'wall&lang=en&api=sync&project=np_steady_orders');
  assert.match(await page.locator('[data-field=wall-v3]').textContent(), /OMS 3\.x has no project list/);
  await eventually(() => widget(page, 'np_steady_orders').getAttribute('data-state'), (s) => s === 'live', { what: 'V3 widget live' });
  assert.equal(await page.locator('[data-oms-wallboard]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a server that pages by 50, with or without a count: every project still shown', async () => {
  const total = await listedCount();
  try {
    for (const shape of [{ page_cap: 50 }, { page_cap: 50, send_total: false }]) {
      await env.sim.control('PUT', '/_sim/list', shape);
      const { page, errors } = await openWall('');
      await eventually(() => cards(page), (c) => c.length === total, { what: `every card, list ${JSON.stringify(shape)}` });
      assert.equal((await counts(page)).all, total);
      assert.equal(await page.getAttribute('[data-field=wall-partial]', 'hidden'), '', 'not partial');
      assert.doesNotMatch(await page.title(), /partial/);
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    await env.sim.control('PUT', '/_sim/list', {});
  }
});

test('a list page that cannot be read: the board says it is partial, in its line and its title', async () => {
  const total = await listedCount();
  await env.sim.control('PUT', '/_sim/list', { page_cap: 50 });
  await env.sim.control('POST', '/_sim/faults', { kind: 'status', code: 502, action: 'ListProjects', page: 3 });
  try {
    const { page } = await openPage(env.browser, env.sim.base, 'wall&lang=en&interval=2');
    const line = await eventually(
      () => page.textContent('[data-field=wall-partial]'),
      (t) => (t || '').startsWith(`100 of ${total} projects read`),
      { what: 'the partial line' },
    );
    assert.match(line, /a list page could not be read/);
    assert.equal(await page.getAttribute('[data-field=wall-partial]', 'hidden'), null);
    assert.equal((await cards(page)).length, 100, 'the pages read are shown');
    assert.match(await page.title(), / · partial list — OMS$/);
    assert.equal(await page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), 'live');
    // The page comes back: the list is whole again.
    await env.sim.control('DELETE', '/_sim/faults');
    await eventually(() => cards(page), (c) => c.length === total, { what: 'the whole list again' });
    assert.doesNotMatch(await page.title(), /partial/);
    await page.close();
  } finally {
    await env.sim.control('DELETE', '/_sim/faults');
    await env.sim.control('PUT', '/_sim/list', {});
  }
});

test('a project not started yet is a group of its own, its delay not judged', async () => {
  await env.sim.control('PUT', '/_sim/projects/np_wall_not_started', {
    behaviour: { type: 'fixed', status: 'INIT', current_step: 'TRANSFER_PRECHECK', checkpoint: { frozen_lag_secs: 9000 } },
    naming: 'v4',
  });
  try {
    const { page } = await openWall('search=np_wall_not_started');
    const [card] = await eventually(() => cards(page), (c) => c.length === 1, { what: 'the card' });
    assert.equal(card.attention, 'not-started');
    assert.equal(card.delay, -1, 'no delay judged');
    assert.equal((await counts(page))['not-started'], 1);
    assert.doesNotMatch(await page.title(), /behind/);
    await page.close();
  } finally {
    await env.sim.control('DELETE', '/_sim/projects/np_wall_not_started');
  }
});

test('a failed card says why, from the failed step the list carries', async () => {
  const { page } = await openWall('search=np_failed_billing');
  const why = await eventually(
    () => page.locator('.oms-wall-card[data-project-id=np_failed_billing] [data-field=failure]').textContent(),
    (t) => /target table billing\.invoice is missing/.test(t),
    { what: 'the failure on the card' },
  );
  assert.match(why, /^Full data transfer: /);
  await page.close();
});

test('the page: a favicon dot of the worst state, and oms= in its URL takes paths on this origin only', async () => {
  const favicon = (page) => page.evaluate(() => document.querySelector('link[data-oms-favicon]')?.dataset.omsFavicon ?? null);
  // The board has a failed project: red.
  const { page } = await openWall('');
  assert.equal(await eventually(() => favicon(page), (c) => c !== null && c !== '', { what: 'a favicon' }), 'rgb(200,30,50)');
  await page.close();
  // Widgets alone: the worst of them; running and current is green.
  const steady = await openPage(env.browser, env.sim.base, 'project=np_steady_users&lang=en');
  await eventually(() => favicon(steady.page), (c) => c === 'rgb(30,150,70)', { what: 'green for a steady project' });
  // "Notify me" is on the widgets' page too, and asks nothing on load.
  assert.equal(await steady.page.getAttribute('[data-action=notify]', 'aria-pressed'), 'false');
  await steady.page.close();
  // A link cannot send the page's requests to another host.
  const far = await openPage(env.browser, env.sim.base, 'wall&lang=en&oms=here:/,far:https://elsewhere.example');
  const elsewhere = [];
  far.page.on('request', (r) => { if (r.url().includes('elsewhere')) elsewhere.push(r.url()); });
  const said = await eventually(() => far.page.locator('[data-field=page-problem]').allTextContents(), (t) => t.length > 0, { what: 'the problem said' });
  assert.match(said.join(' '), /oms "far:https:\/\/elsewhere.example" is not a path/);
  await eventually(() => far.page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'the board of this origin' });
  assert.deepEqual(elsewhere, []);
  await far.page.close();
});
