// What happened when, end to end through oms-sim: the lag chart marks the
// plan's step starts, finishes and failures at the times OMS gives them
// (a failed step at its extraInfo.failedTime), and the status changes the
// browser saw; each place has a tooltip, and the chart's text equivalent
// says every mark, in English and in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, openPage, widget, eventually } from './harness.mjs';

const env = simAndBrowser();

/** Every mark of the widget's chart with its tooltip (an SVG title), and the chart's text, at once. */
const marksOf = (w) =>
  w.locator('svg[data-field=lag-history]').evaluate((svg) => ({
    range: svg.closest('[data-field=history]').dataset.range,
    now: Date.now(),
    label: svg.getAttribute('aria-label'),
    title: svg.querySelector(':scope > title').textContent,
    marks: [...svg.querySelectorAll('[data-event]')].map((el) => ({
      event: el.dataset.event,
      step: el.dataset.stepName,
      status: el.dataset.status,
      at: Number(el.dataset.at),
      x: el.getAttribute('x1'),
      svg: [el, el.querySelector(':scope > title')].every((e) => e?.namespaceURI === 'http://www.w3.org/2000/svg'),
      tooltip: el.querySelector(':scope > title')?.textContent,
    })),
  }));

const near = (a, b, ms = 2_000) => Math.abs(a - b) <= ms;

test('a failed plan: starts, finishes and the failure at OMS\'s failedTime, with tooltips, in both languages', async () => {
  const id = 'np_marks_failed';
  const defined = Math.floor(Date.now() / 1000) * 1000;
  await env.sim.control('PUT', `/_sim/projects/${id}`, {
    naming: 'v4',
    behaviour: { type: 'fixed', status: 'FAILED', current_step: 'INCR_TRANSFER', checkpoint: { lag_secs: 20 } },
  });
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=1&time-zone=Asia/Shanghai&lang=${lang}`);
    const w = widget(page, id);
    await eventually(() => w.locator('svg[data-field=lag-history] [data-event]').count(), (n) => n > 0, { what: `the chart's marks (${lang})`, timeout: 20_000 });
    const { range, now, label, title, marks } = await marksOf(w);
    const find = (event, step) => marks.find((m) => m.event === event && m.step === step);
    // oms-sim ran the incremental step for 600 s until the project was
    // defined, and its failure came halfway, at failedTime.
    const failed = find('step-failed', 'INCR_TRANSFER');
    assert.ok(failed, JSON.stringify(marks));
    assert.ok(near(failed.at, defined - 300_000), `failed at ${new Date(failed.at).toISOString()}`);
    assert.ok(near(find('step-start', 'INCR_TRANSFER').at, defined - 600_000));
    assert.ok(near(find('step-finish', 'FULL_TRANSFER').at, defined - 600_000));
    assert.ok(near(find('step-start', 'FULL_TRANSFER').at, defined - 690_000));
    assert.equal(find('step-finish', 'INCR_TRANSFER'), undefined, 'a failed step did not finish');
    assert.ok(marks.every((m) => m.svg && m.status === undefined), 'SVG lines with an SVG title each, step marks only');
    // Placed on the chart's axis: a 120th of its range a unit, the newest
    // point (the last poll, a second or two back) at the right edge.
    const unit = ({ '1h': 3600, '6h': 21600, '24h': 86400 }[range] ?? 1800) * 1000 / 120;
    // A mark is drawn at its place: its own unit, or up to 3 units before
    // it when it joined an earlier mark's place (a unit either way for
    // the poll that came between).
    const own = (m) => 120 - (Math.floor(now / unit) - Math.floor(m.at / unit));
    for (const m of marks) {
      const back = own(m) - Number(m.x);
      assert.ok(back >= -1 && back <= 4, `${m.event} ${m.step} at x=${m.x}, its unit ${own(m)} on ${range ?? '30 min'}`);
    }
    assert.ok(Math.abs(Number(failed.x) - own(failed)) <= 1, 'the failure, alone, at its own unit');
    // Marks at one place share its tooltip, a line each in time order.
    for (const m of marks) {
      const here = marks.filter((o) => o.x === m.x);
      assert.ok(here.every((o) => o.tooltip === m.tooltip), `one tooltip at ${m.x}`);
      assert.equal(m.tooltip.split('\n').length, here.length, `a line a mark at ${m.x}: ${m.tooltip}`);
    }
    const line = lang === 'en' ? 'Incremental transfer failed ' : '增量传输失败 ';
    const at = failed.tooltip.split('\n').find((l) => l.startsWith(line));
    assert.ok(at, failed.tooltip);
    assert.match(at, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (GMT\+8|CST)$/);
    const shown = Date.parse(`${at.slice(line.length, line.length + 19).replace(' ', 'T')}+08:00`);
    assert.ok(near(shown, failed.at, 1_000), `the tooltip's time ${at} is the mark's`);
    for (const text of [label, title]) {
      assert.ok(text.includes(at), `the text equivalent says the failure: ${text}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a status change the browser saw is marked when it came, in both languages', async () => {
  for (const lang of ['en', 'zh-CN']) {
    const id = `np_marks_status_${lang}`;
    const spec = (status) => ({ naming: 'v4', behaviour: { type: 'fixed', status, current_step: 'INCR_TRANSFER', checkpoint: { lag_secs: 20 } } });
    await env.sim.control('PUT', `/_sim/projects/${id}`, spec('RUNNING'));
    const { page, errors } = await openPage(env.browser, env.sim.base, `project=v4:${id}&interval=1&lang=${lang}`);
    const w = widget(page, id);
    await eventually(() => w.locator('svg[data-field=lag-history]').count(), (n) => n === 1, { what: 'the chart', timeout: 20_000 });
    assert.equal(await w.locator('[data-event=status]').count(), 0, 'the first status seen is no change');
    const paused = Date.now();
    await env.sim.control('PUT', `/_sim/projects/${id}`, spec('SUSPEND'));
    await eventually(() => w.locator('[data-event=status]').count(), (n) => n === 1, { what: 'the status mark', timeout: 20_000 });
    const { label, marks } = await marksOf(w);
    const mark = marks.find((m) => m.event === 'status');
    assert.equal(mark.status, 'SUSPEND');
    assert.equal(mark.step, undefined);
    assert.ok(near(mark.at, paused, 5_000), `marked at ${new Date(mark.at).toISOString()}`);
    const line = mark.tooltip.split('\n').find((l) => l.startsWith(lang === 'en' ? 'Status → Paused ' : '状态 → 已暂停 '));
    assert.ok(line, mark.tooltip);
    assert.ok(label.includes(line), `the chart's label says it: ${label}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
