// The lag budget of the chart's range, end to end through oms-sim: a
// project whose OMS history is known (half an hour of 10 s with three of
// OMS's points at 10 min between) reads "Within 25 s for 70.0 % of the last
// 1 h · above 5 min for 18 min · worst 10 min at …" in English and in
// Chinese, with the same figures in its data-* attributes, and an
// unchanged poll rewrites nothing; without OMS's history (OMS 3.x's API)
// the browser's few samples of a 30-minute range say how much of it they
// cover; a paused project has no budget to judge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, openPage, widget, eventually, measureFor } from './harness.mjs';

const env = simAndBrowser();

/** The line's attributes and its text, read at once (a poll may come between reads). */
const budgetOf = (w) =>
  w.locator('[data-field=lag-budget]').evaluate((el) => ({ ...el.dataset, text: el.textContent }));

/** A duration as the widget writes a rounded one in English: "18 min", "6 min 41 s", "7 s". */
function duration(secs) {
  const [m, s] = [Math.floor(secs / 60), secs % 60];
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** The instant a "2025-11-25 00:00:00 GMT+8" time (Asia/Shanghai) says, in ms. */
function beijingMs(text) {
  const m = text.match(/(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) (GMT\+8|CST)$/);
  assert.ok(m, `a time in Asia/Shanghai at the end of "${text}"`);
  return Date.parse(`${m[1]}T${m[2]}+08:00`);
}

test('a known OMS history: the figures and the sentence in both languages, no write on an unchanged poll', async () => {
  const id = 'np_budget_known';
  // 10 s of lag, except 600 s from 40 to 20 minutes before now: OMS's hour
  // (a point every 6 min, the newest a minute back) has three points at
  // 600 s, each counting 6 min: 18 min above critical, 42 of 60 within.
  const defined = Date.now();
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    naming: 'v4',
    behaviour: { type: 'lag_curve', points: [[-3600, 10], [-2401, 10], [-2400, 600], [-1201, 600], [-1200, 10]] },
  });
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=2&time-zone=Asia/Shanghai&lang=${lang}`);
    const w = widget(page, id);
    const history = w.locator('[data-field=history]');
    await eventually(() => history.getAttribute('data-history-source'), (s) => s === 'both', { what: `OMS's history joined (${lang})`, timeout: 20_000 });
    const b = await eventually(() => budgetOf(w), (b) => b.withinPct === '70.0', { what: `the budget of OMS's hour (${lang})`, timeout: 20_000 });
    assert.equal(b.aboveCriticalSeconds, '1080', JSON.stringify(b));
    assert.equal(b.worstSeconds, '600');
    assert.equal(b.coveragePct, '100.0', 'OMS\'s hour and the browser\'s samples cover the range');
    // The worst: OMS's oldest point at 600 s, about 37 min before the project was defined.
    const worstAt = beijingMs(b.text);
    assert.ok(Math.abs(worstAt - (defined - 2220_000)) <= 90_000, `worst at ${new Date(worstAt).toISOString()}`);
    const at = b.text.match(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+$/)[0];
    assert.equal(b.text, lang === 'en'
      ? `Within 25 s for 70.0 % of the last 1 h · above 5 min for 18 min · worst 10 min at ${at}`
      : `过去 1 小时内 70.0 % 的时间延迟不超过 25 秒 · 超过 5 分的时间共 18 分 · 最大延迟 10 分，于 ${at}`);
    // Polls that change no figure write nothing: the line is a memo's.
    await w.locator('[data-field=lag-budget]').evaluate((el) => {
      window.__budgetWrites = 0;
      const count = () => { window.__budgetWrites += 1; };
      new MutationObserver(count).observe(el, { attributes: true, characterData: true, childList: true, subtree: true });
      new MutationObserver((records) => records.forEach((r) => [...r.addedNodes, ...r.removedNodes].forEach((n) => n === el && count())))
        .observe(el.parentNode, { childList: true });
    });
    const polls = await page.evaluate(() => performance.getEntriesByType('resource').length);
    await measureFor(7_000); // three polls or more, each bringing the same figures
    assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').length) > polls, 'polls came');
    assert.equal(await page.evaluate(() => window.__budgetWrites), 0, 'an unchanged poll rewrote the budget');
    assert.equal((await budgetOf(w)).text, b.text);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('without OMS\'s history: the browser\'s samples say how little of the range they cover; paused, no budget', async () => {
  const id = 'np_budget_browser';
  // 400 s behind and holding: above critical for every second judged.
  await env.sim.control('PUT', `/_sim/projects/${id}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', checkpoint: { lag_secs: 400 } } });
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await openPage(env.browser, env.sim.base, `project=${id},np_suspended_crm&interval=1&lang=${lang}`);
    const w = widget(page, id);
    const b = await eventually(() => budgetOf(w), (b) => Number(b.aboveCriticalSeconds) >= 3, { what: `a few seconds judged (${lang})` });
    const cover = Number(b.coveragePct);
    assert.ok(cover > 0 && cover < 5, `${b.coveragePct} % of 30 min`);
    assert.equal(b.withinPct, '0.0');
    const worst = Number(b.worstSeconds);
    assert.ok(worst >= 400 && worst <= 402, `worst ${worst}`);
    const above = Number(b.aboveCriticalSeconds);
    // Every judged second was above: the coverage is that time over 30 min.
    assert.ok(Math.abs(above / 1800 * 100 - cover) <= 0.1, `${above} s judged, ${cover} %`);
    const at = b.text.match(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+$/)[0];
    assert.equal(b.text, lang === 'en'
      ? `Within 25 s for 0.0 % of the time with data (${b.coveragePct} % of the last 30 min) · above 5 min for ${duration(above)} · worst ${duration(worst)} at ${at}`
      : `有数据的时间（占过去 30 分的 ${b.coveragePct} %）内 0.0 % 的时间延迟不超过 25 秒 · 超过 5 分的时间共 ${duration(above).replace(' min', ' 分').replace(' s', ' 秒')} · 最大延迟 ${duration(worst).replace(' min', ' 分').replace(' s', ' 秒')}，于 ${at}`);
    // Paused: its lag is told on the card, not judged here.
    const paused = widget(page, 'np_suspended_crm');
    await eventually(() => paused.getAttribute('data-state'), (s) => s === 'live', { what: 'the paused project live' });
    await measureFor(3_000); // three polls of the paused project
    assert.equal(await paused.locator('[data-field=lag-budget]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
