// Several OMS on one wallboard, and alerts that reach an engineer who is
// not looking. Two simulators (two regions): `bj` serves the portal page and
// its own API, `hz` answers the same page cross-origin (CORS). The page's
// `Notification` is a stub that counts what each tab sends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, wallEmbedDir, repo, eventually, measureFor, inWall } from './harness.mjs';

const site = mkdtempSync(path.join(tmpdir(), 'oms-sources-site-'));
cpSync(wallEmbedDir, site, { recursive: true });
writeFileSync(path.join(site, 'two.html'), `<!DOCTYPE html><meta charset="utf-8"><title>two regions</title>
<script>
  window.attention = [];
  document.addEventListener('oms-attention-change', (e) => attention.push({ target: e.target.localName, ...e.detail }));
</script>
<script type="module" src="/oms-wallboard.js"></script>
<main id="portal"></main>`);

// A stand-in for the browser's notifications: permission granted once
// asked, and every notification kept (title, body, tag, its onclick).
const stubNotifications = () => {
  window.notified = [];
  window.permissionAsked = 0;
  class Notification {
    static permission = 'default';
    static requestPermission() {
      window.permissionAsked += 1;
      Notification.permission = 'granted';
      return Promise.resolve('granted');
    }
    constructor(title, options = {}) {
      this.title = title;
      this.body = options.body;
      this.tag = options.tag;
      this.silent = options.silent;
      window.notified.push(this);
    }
  }
  // What this origin already granted (the permission is per origin).
  if (localStorage.getItem('stub-granted')) Notification.permission = 'granted';
  window.Notification = Notification;
};

const env = {};
before(async () => {
  // bj: the seeded projects and the portal page; hz: the second region.
  env.bj = await startSim({ staticDir: site, marker: 'oms-wallboard.js' });
  // hz answers bj's page cross-origin; its own credentials are nginx's
  // business (deploy.test.mjs), never the browser's.
  env.hz = await startSim({
    staticDir: site,
    marker: 'oms-wallboard.js',
    args: ['--scenario', path.join(repo, 'sim/scenarios/hangzhou.toml'), '--cors-origin', env.bj.base],
  });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.bj?.stop();
  await env.hz?.stop();
  rmSync(site, { recursive: true, force: true });
});

/** A tab of the portal with a two-region wallboard. */
async function portal({ stub = true, extra = '', interval = 1 } = {}) {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  if (stub) await page.addInitScript(stubNotifications);
  await page.goto(env.bj.base + '/two.html');
  await page.waitForFunction(() => customElements.get('oms-wallboard'));
  const html = `<oms-wallboard oms="bj:,hz:${env.hz.base}" interval="${interval}" lang="en" ${extra}></oms-wallboard>`;
  await page.evaluate((h) => (document.getElementById('portal').innerHTML = h), html);
  return { page, errors };
}

const cards = (page) =>
  inWall(page, (r) => [...r.querySelectorAll('.oms-wall-card')].map((li) => ({
    id: li.dataset.projectId,
    source: li.dataset.source ?? null,
    attention: li.dataset.attention,
    stale: li.dataset.stale !== undefined,
    shownSource: li.querySelector('[data-field=source]')?.textContent ?? null,
  })));

const live = (page) =>
  eventually(() => inWall(page, (r) => r.querySelector('[data-oms-wallboard]')?.dataset.wallState), (s) => s === 'live', { what: 'wallboard live' });

const listed = async (base) => {
  const res = await fetch(`${base}/api/v2?Action=ListProjects`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pageNumber: 1, pageSize: 150 }),
  });
  return (await res.json()).totalCount;
};

test('two OMS on one board: cards carry their source, sorted together, counted together and apart', async () => {
  const [bjCount, hzCount] = [await listed(env.bj.base), await listed(env.hz.base)];
  const { page, errors } = await portal();
  await live(page);
  const shown = await eventually(() => cards(page), (c) => c.length === bjCount + hzCount, { what: 'every card of both' });
  // Failed first, wherever it runs: bj's np_failed_billing and
  // np_failed_longname, and hz's np_hz_failed_refunds.
  const failed = shown.filter((c) => c.attention === 'failed');
  assert.deepEqual(failed.map((c) => `${c.source}:${c.id}`).sort(), ['bj:np_failed_billing', 'bj:np_failed_longname', 'hz:np_hz_failed_refunds']);
  assert.deepEqual(shown.slice(0, 3).map((c) => c.attention), ['failed', 'failed', 'failed'], 'failed first, across sources');
  const order = ['failed', 'far-behind', 'behind', 'alarming', 'unknown', 'paused', 'not-started', 'running', 'finished', 'released'];
  const ranks = shown.map((c) => order.indexOf(c.attention));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'one order across both sources');
  // One id in two OMS is two projects.
  assert.deepEqual(shown.filter((c) => c.id === 'np_steady_orders').map((c) => c.source).sort(), ['bj', 'hz']);
  assert.ok(shown.every((c) => c.shownSource === c.source), 'each card names its source');
  // The counts: all of both; the source strip filters.
  const strip = () => inWall(page, (r) => Object.fromEntries([...r.querySelectorAll('[data-source-choice]')].map((b) => [b.dataset.sourceChoice || 'all', b.dataset.count ?? null])));
  assert.deepEqual(await strip(), { all: String(bjCount + hzCount), bj: String(bjCount), hz: String(hzCount) });
  const allFailed = await inWall(page, (r) => r.querySelector('[data-group=failed] [data-field=count]').textContent);
  assert.equal(allFailed, '3');
  await inWall(page, (r) => r.querySelector('[data-source-choice=hz]').click());
  const hzOnly = await eventually(() => cards(page), (c) => c.length === hzCount, { what: 'hz alone' });
  assert.ok(hzOnly.every((c) => c.source === 'hz'));
  assert.equal(await inWall(page, (r) => r.querySelector('[data-group=failed] [data-field=count]').textContent), '1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sources\' lists are asked together, on one wave, poll after poll', async () => {
  const { page, errors } = await portal({ interval: 4 });
  await live(page);
  const from = { bj: await env.bj.nextSeq(), hz: await env.hz.nextSeq() };
  await measureFor(13_000); // three waves of the lists, timed
  const asked = async (name) => (await env[name].control('GET', `/_sim/requests?since_seq=${from[name]}&path_prefix=/api/`)).requests
    .filter((r) => (r.query || '').includes('Action=ListProjects')).map((r) => r.wall_ms);
  const [bj, hz] = [await asked('bj'), await asked('hz')];
  assert.ok(bj.length >= 3 && hz.length >= 3, `three polls each: ${bj.length}, ${hz.length}`);
  // Not spread over the interval as a page's widgets are, and each an
  // interval after the last one started (not after its answer): one timer
  // sends both, poll after poll, so both answers reach the board together.
  // A poll at either end of the window may have been counted for one only.
  // On one wave, or on a loaded machine the next (a first poll that
  // started late keeps to its wave, 250 ms on), plus the simulators'
  // scheduling; spread polls are seconds apart.
  const paired = bj.filter((at) => at > Math.min(...hz) - 1000 && at < Math.max(...hz) + 1000);
  assert.ok(paired.length >= 2, `polls of both: ${paired.length}`);
  for (const at of paired) {
    const apart = Math.min(...hz.map((t) => Math.abs(t - at)));
    assert.ok(apart < 400, `hz asked ${apart} ms from bj (bj ${bj.join(', ')}; hz ${hz.join(', ')})`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('one source down: its own error line, its cards kept and marked stale, the other live', { timeout: 90_000 }, async () => {
  const { page, errors } = await portal({ extra: 'timeout="2"' });
  await live(page);
  const before = await eventually(() => cards(page), (c) => c.some((x) => x.source === 'hz'), { what: 'hz cards' });
  const hzCards = before.filter((c) => c.source === 'hz').length;
  // hz's proxy answers 502 from now on.
  await env.hz.control('POST', '/_sim/faults', { kind: 'status', code: 502, action: 'ListProjects' });
  try {
    const line = await eventually(
      () => inWall(page, (r) => {
        const el = r.querySelector('.oms-wall-source-line[data-source=hz]');
        return el && !el.hidden ? { state: el.dataset.sourceState, error: el.querySelector('[data-error]')?.dataset.error, text: el.textContent } : null;
      }),
      (l) => l?.error, { what: 'hz error line' },
    );
    assert.match(line.text, /^hz/);
    assert.equal(await inWall(page, (r) => r.querySelector('.oms-wall-source-line[data-source=bj]').hidden), true, 'bj has nothing to say');
    assert.equal(await inWall(page, (r) => r.querySelector('[data-oms-wallboard]').dataset.sourcesFailing), 'hz');
    // The cards stay, and once the list is older than the staleness limit they say so.
    const stale = await eventually(() => cards(page), (c) => c.filter((x) => x.source === 'hz' && x.stale).length === hzCards, { what: 'hz cards stale', timeout: 30_000 });
    assert.equal(stale.filter((c) => c.source === 'hz').length, hzCards, 'not dropped');
    assert.ok(stale.filter((c) => c.source === 'bj').every((c) => !c.stale), 'bj stays live');
  } finally {
    await env.hz.control('DELETE', '/_sim/faults');
  }
  await eventually(() => cards(page), (c) => c.every((x) => !x.stale), { what: 'hz current again', timeout: 70_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('notifications: asked on a click only, one per change across three tabs, a burst as one, a click shows the card', { timeout: 120_000 }, async () => {
  const tabs = [await portal()];
  await live(tabs[0].page);
  await measureFor(1500); // a poll and a half in which nothing may ask
  assert.equal(await tabs[0].page.evaluate(() => window.permissionAsked), 0, 'never asked on load');
  // The operator clicks "Notify me"; the choice holds for the origin.
  await inWall(tabs[0].page, (r) => r.querySelector('[data-action=notify]').click());
  await eventually(() => inWall(tabs[0].page, (r) => r.querySelector('[data-action=notify]').getAttribute('aria-pressed')), (v) => v === 'true', { what: 'notifications on' });
  assert.equal(await tabs[0].page.evaluate(() => window.permissionAsked), 1);
  await tabs[0].page.evaluate(() => localStorage.setItem('stub-granted', '1'));
  // The page says what was already wrong when it opened (not notified).
  const note = await inWall(tabs[0].page, (r) => r.querySelector('[data-field=notify-note]').textContent);
  const alerting = (await cards(tabs[0].page)).filter((c) => ['failed', 'far-behind'].includes(c.attention)).length;
  assert.ok(alerting >= 2, `${alerting} failed or far behind`);
  assert.match(note, new RegExp(`${alerting} projects were already failed, far behind or stuck when this page opened: not notified`));
  tabs.push(await portal(), await portal());
  for (const { page } of tabs.slice(1)) {
    await live(page);
    assert.equal(await inWall(page, (r) => r.querySelector('[data-action=notify]').getAttribute('aria-pressed')), 'true', 'remembered per origin');
    assert.equal(await page.evaluate(() => window.permissionAsked), 0);
  }
  await measureFor(3000); // three polls in which the states already there must not be told
  const sent = async () => (await Promise.all(tabs.map(({ page }) => page.evaluate(() => window.notified.map((n) => ({ title: n.title, body: n.body, tag: n.tag, silent: n.silent })))))).flat();
  assert.deepEqual(await sent(), [], 'nothing for states already there');

  // hz's np_hz_orders fails: one notification, whichever tab polls.
  await env.hz.control('PUT', '/_sim/projects/np_hz_orders', { behaviour: { type: 'fixed', status: 'FAILED', current_step: 'INCR_TRANSFER', struct_progress: 100, full_progress: 100 } });
  const one = await eventually(sent, (s) => s.length >= 1, { what: 'a notification', timeout: 15_000 });
  await measureFor(4000); // four polls in which another tab might tell it again
  const afterOne = await sent();
  assert.equal(afterOne.length, 1, `three tabs sent ${JSON.stringify(afterOne)}`);
  assert.equal(one[0].title, 'hz · hz_orders: failed');
  assert.equal(one[0].silent, true, 'quiet by default');
  // The same change as an event on the document, in every tab.
  // (Every change of state is an event, behind and not-started → running too.)
  const events = await tabs[1].page.evaluate(() => window.attention.filter((e) => e.projectId === 'np_hz_orders'));
  assert.deepEqual(events.map((e) => [e.target, e.projectId, e.source, e.title, e.from, e.to]), [['oms-wallboard', 'np_hz_orders', 'hz', 'hz_orders', 'running', 'failed']]);

  // A click on it focuses the tab and shows the card.
  const sender = await (async () => {
    for (const { page } of tabs) if (await page.evaluate(() => window.notified.length)) return page;
    return null;
  })();
  await inWall(sender, (r) => r.querySelector('[data-group=paused]').click());
  await sender.evaluate(() => window.notified[0].onclick());
  const focused = await eventually(
    () => inWall(sender, (r) => { const li = r.activeElement?.closest('.oms-wall-card'); return li ? `${li.dataset.source}:${li.dataset.projectId}` : null; }),
    (f) => f === 'hz:np_hz_orders', { what: 'the card focused' },
  );
  assert.equal(focused, 'hz:np_hz_orders');

  // A burst: 40 of bj's projects fail at once; one summary.
  const ids = Array.from({ length: 40 }, (_, i) => `np_burst_${String(i).padStart(2, '0')}`);
  await Promise.all(ids.map((id) => env.bj.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 5, period_secs: 60 } })));
  // Seen running first, in every tab that shows every group.
  for (const { page } of tabs.filter((t) => t.page !== sender)) {
    await eventually(() => cards(page), (c) => c.filter((x) => ids.includes(x.id) && x.attention === 'running').length === ids.length, { what: 'the 40 running', timeout: 15_000 });
  }
  await Promise.all(ids.map((id) => env.bj.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'FAILED', current_step: 'INCR_TRANSFER', struct_progress: 100, full_progress: 100 } })));
  await eventually(sent, (s) => s.length >= 2, { what: 'the burst told', timeout: 15_000 });
  await measureFor(4000); // four polls in which the burst might be told again, or one by one
  const burst = (await sent()).slice(1);
  assert.equal(burst.length, 1, JSON.stringify(burst));
  assert.equal(burst[0].title, '40 OMS projects changed');
  assert.equal(burst[0].body, '40 failed');

  // Recovery is told too.
  await env.hz.control('PUT', '/_sim/projects/np_hz_orders', { behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 5, period_secs: 60 } });
  await eventually(sent, (s) => s.some((n) => n.title === 'hz · hz_orders: running again'), { what: 'recovery told', timeout: 15_000 });
  await measureFor(3000); // three polls in which it might be told again
  assert.equal((await sent()).length, 3);
  for (const { page } of tabs) await page.close();
  for (const id of ids) await env.bj.control('DELETE', `/_sim/projects/${id}`);
});
