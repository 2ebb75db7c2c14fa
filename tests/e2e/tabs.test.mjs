// Across tabs: pages of one origin elect one leader per poll (Web Locks)
// that polls and broadcasts its answers (BroadcastChannel); the others send
// nothing, and take over when the leader closes or hides. Counted in
// oms-sim's request log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, widget, measureFor, eventually, openPage } from './harness.mjs';

const env = simAndBrowser();
const live = (page, id) =>
  eventually(() => widget(page, id).getAttribute('data-state'), (s) => s === 'live', { what: `${id} live`, timeout: 15_000 });
const requestsIn = async (id, ms) => {
  const seq = await env.sim.nextSeq();
  await measureFor(ms); // the window the requests are counted in
  return (await env.sim.requestsFor(id, seq)).length;
};
const setVisibility = (page, state) =>
  page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);

test('two tabs of one project send the requests of one, and the second takes over when the first closes', async () => {
  const id = 'np_steady_orders';
  const a = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  await live(a.page, id);
  const b = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  await live(b.page, id);
  const both = await requestsIn(id, 5_000);
  assert.ok(both >= 4 && both <= 6, `${both} requests in 5 s from two tabs at 1 s`);
  // The follower shows the leader's answers as they come.
  const lag = () => widget(b.page, id).locator('[data-field=checkpoint]').getAttribute('data-lag-seconds');
  assert.ok(Number(await lag()) <= 20);
  await eventually(() => widget(b.page, id).locator('[data-field=updated]').textContent(), (t) => /updated [01] s ago/.test(t), { what: 'fresh in the follower' });
  await a.page.close();
  const alone = await requestsIn(id, 4_000);
  assert.ok(alone >= 3 && alone <= 5, `${alone} requests in 4 s after the leader closed`);
  assert.equal(await widget(b.page, id).getAttribute('data-state'), 'live');
  assert.deepEqual(a.errors.concat(b.errors), []);
  await b.page.close();
});

test('a hidden leader hands over to a visible tab; with every tab hidden, none polls', async () => {
  const id = 'np_steady_users';
  const a = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  await live(a.page, id);
  const b = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  await live(b.page, id);
  await setVisibility(a.page, 'hidden');
  // The follower takes over at its next turn: its first request, then the count.
  const hidden = await env.sim.nextSeq();
  await eventually(() => env.sim.requestsFor(id, hidden), (r) => r.length >= 2, { what: 'a poll after the handover' });
  const handedOver = await requestsIn(id, 4_000);
  assert.ok(handedOver >= 3 && handedOver <= 5, `${handedOver} requests in 4 s with the leader hidden`);
  await eventually(() => widget(b.page, id).locator('[data-field=updated]').textContent(), (t) => /updated [01] s ago/.test(t), { what: 'the visible tab polls' });
  await setVisibility(b.page, 'hidden');
  // No event marks the end of a poll already in flight: a second to land.
  await measureFor(1_500);
  assert.equal(await requestsIn(id, 3_000), 0, 'silent while every tab is hidden');
  await setVisibility(a.page, 'visible');
  await eventually(() => requestsIn(id, 1_500), (n) => n >= 1, { what: 'polling again once a tab is shown' });
  assert.deepEqual(a.errors.concat(b.errors), []);
  await a.page.close();
  await b.page.close();
});

test('a tab alone broadcasts only its hello; a tab opened while the first is hidden still feeds it once shown', async () => {
  const id = 'np_lagging_audit';
  await env.browser.context.addInitScript(() => {
    window.__posts = 0;
    const post = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (message) {
      window.__posts += 1;
      return post.call(this, message);
    };
  });
  const posts = (page) => page.evaluate(() => window.__posts);
  const a = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  await live(a.page, id);
  await measureFor(3_000); // three polls in which a lone tab must not broadcast
  assert.equal(await posts(a.page), 1, 'a tab alone says hello once, then broadcasts nothing');
  // Hidden, it polls no more; a new tab leads and learns that the first is there.
  await setVisibility(a.page, 'hidden');
  // No event marks the end of a poll already in flight: a second to land.
  await measureFor(1_500);
  const b = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  await live(b.page, id);
  await setVisibility(a.page, 'visible');
  // A tab shown may poll at once: the window below starts after that beat.
  await measureFor(1_500);
  const both = await requestsIn(id, 4_000);
  assert.ok(both >= 3 && both <= 5, `${both} requests in 4 s from two tabs at 1 s`);
  await eventually(() => widget(a.page, id).locator('[data-field=updated]').textContent(), (t) => /updated [01] s ago/.test(t), { what: 'the first tab fed by the second' });
  assert.ok((await posts(b.page)) >= 3, 'the leader broadcasts once another tab is there');
  assert.deepEqual(a.errors.concat(b.errors), []);
  await a.page.close();
  await b.page.close();
});

test('three tabs on one wallboard send the list requests of one', async () => {
  const lists = async (ms) => {
    const seq = await env.sim.nextSeq();
    await measureFor(ms); // the window the list requests are counted in
    const log = await env.sim.control('GET', `/_sim/requests?since_seq=${seq}&path_prefix=/api/`);
    return log.requests.filter((r) => (r.query || '').includes('Action=ListProjects')).length;
  };
  const one = await openPage(env.browser, env.sim.base, 'wall&interval=2');
  await eventually(() => one.page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'live' });
  const single = await lists(6_000);
  const tabs = [one];
  for (let i = 0; i < 2; i++) {
    const t = await openPage(env.browser, env.sim.base, 'wall&interval=2');
    await eventually(() => t.page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'live' });
    tabs.push(t);
  }
  const three = await lists(6_000);
  assert.ok(Math.abs(three - single) <= 1, `one tab: ${single} list requests in 6 s; three tabs: ${three}`);
  const counts = await Promise.all(tabs.map((t) => t.page.locator('.oms-wall-summary [data-group=all] [data-field=count]').textContent()));
  assert.equal(new Set(counts).size, 1, `every tab shows the same board: ${counts}`);
  for (const t of tabs) {
    assert.deepEqual(t.errors, []);
    await t.page.close();
  }
});

test('a tab without BroadcastChannel polls alone, correctly', async () => {
  const id = 'np_ocp_inventory';
  const a = await openPage(env.browser, env.sim.base, `project=${id}&interval=1`);
  await live(a.page, id);
  const page = await env.browser.context.newPage();
  await page.addInitScript(() => { delete window.BroadcastChannel; });
  await page.goto(`${env.sim.base}/?project=${id}&interval=1`);
  await live(page, id);
  const requests = await requestsIn(id, 4_000);
  assert.ok(requests >= 7 && requests <= 10, `${requests} requests in 4 s: each tab on its own`);
  await a.page.close();
  await page.close();
});
