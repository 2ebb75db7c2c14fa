// The wallboard page as a person sees it: a long name wraps on its card
// instead of pushing the badge off it, one heading, "Notify me" drawn as the
// other buttons (light and dark, on the wallboard and on a page of widgets),
// and the URL's problems with the wallboard's own names, in the page's
// language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, eventually, widget } from './harness.mjs';

const env = simAndBrowser();
const LONG = 'np_failed_longname';

/** Opens the page for `query` at `width` in `scheme`, collecting page errors and panics. */
async function openWall(query, { width = 1400, scheme = 'light' } = {}) {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) errors.push(m.text());
  });
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${env.sim.base}/?${query}`);
  return { page, errors };
}

const live = (page) =>
  eventually(() => page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'wallboard live' });

for (const width of [390, 1400]) {
  for (const lang of ['en', 'zh-CN']) {
    test(`a long name without underscores wraps on its card, the badge stays on it (${width} px, ${lang})`, async () => {
      const { page, errors } = await openWall(`wall&lang=${lang}&interval=2`, { width });
      await live(page);
      const card = page.locator(`.oms-wall-card[data-project-id=${LONG}]`);
      await card.waitFor();
      const boxes = await card.evaluate((li) => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width }; };
        return {
          card: box(li),
          badge: box(li.querySelector('[data-field=status]')),
          name: box(li.querySelector('[data-action=open]')),
          title: li.querySelector('[data-action=open]').textContent,
          viewport: document.documentElement.clientWidth,
        };
      });
      assert.equal(boxes.title, 'averyveryverylongprojectnamewithoutanyunderscoresatall');
      const inside = (b) => b.left >= boxes.card.left - 0.5 && b.right <= boxes.card.right + 0.5;
      assert.ok(inside(boxes.badge), `the badge inside its card: ${JSON.stringify(boxes)}`);
      assert.ok(inside(boxes.name), `the name inside its card: ${JSON.stringify(boxes)}`);
      assert.ok(boxes.name.right <= boxes.badge.left + 0.5, `the name beside the badge: ${JSON.stringify(boxes)}`);
      assert.ok(boxes.card.right <= boxes.viewport + 0.5, `the card inside the page: ${JSON.stringify(boxes)}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

test('the wallboard page has one heading: the board\'s, the page\'s <h1>', async () => {
  const { page, errors } = await openWall('wall&lang=en&interval=2');
  await live(page);
  const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (list) => list.map((h) => `${h.localName}: ${h.textContent}`));
  assert.deepEqual(headings, ['h1: OMS projects']);
  await page.close();
  // A page of widgets keeps its own.
  const widgets = await openWall('project=np_steady_users&lang=en');
  await eventually(() => widget(widgets.page, 'np_steady_users').getAttribute('data-state'), (s) => s === 'live', { what: 'live' });
  assert.deepEqual(await widgets.page.$$eval('h1, h2', (list) => list.map((h) => h.localName)), ['h1']);
  assert.deepEqual(errors.concat(widgets.errors), []);
  await widgets.page.close();
});

/** The look of a button, as the browser computed it. */
const look = (locator) =>
  locator.evaluate((b) => {
    const s = getComputedStyle(b);
    return {
      background: s.backgroundColor, color: s.color, border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
      radius: s.borderTopLeftRadius, font: `${s.fontSize} ${s.fontFamily}`, padding: `${s.paddingTop} ${s.paddingLeft}`,
    };
  });

for (const scheme of ['light', 'dark']) {
  test(`"Notify me" is drawn as the other buttons, on the wallboard and on a page of widgets (${scheme})`, async () => {
    const { page, errors } = await openWall('wall&lang=en&interval=2', { scheme });
    await live(page);
    const notify = await look(page.locator('[data-action=notify]'));
    const refresh = await look(page.locator('.oms-wall-head [data-action=refresh]'));
    const strip = await look(page.locator('.oms-wall-summary [data-group=running]'));
    assert.deepEqual(notify, refresh, 'as the board\'s refresh button');
    assert.deepEqual([notify.background, notify.border], [strip.background, strip.border], 'in the strip\'s colours');
    assert.notEqual(notify.background, 'rgba(0, 0, 0, 0)');
    await page.close();

    // A page of widgets: its "Notify me" as a widget's refresh button.
    const widgets = await openWall('project=np_steady_users&lang=en', { scheme });
    const w = widget(widgets.page, 'np_steady_users');
    await eventually(() => w.getAttribute('data-state'), (s) => s === 'live', { what: 'live' });
    const own = await look(widgets.page.locator('[data-action=notify]'));
    const widgetRefresh = await look(w.locator('[data-action=refresh]'));
    assert.deepEqual({ ...own, font: own.font.split(' ')[0] }, { ...widgetRefresh, font: widgetRefresh.font.split(' ')[0] });
    assert.deepEqual(errors.concat(widgets.errors), []);
    await widgets.page.close();
  });
}

test('the URL\'s problems know the wallboard\'s names, hint at the one meant, in the page\'s language', async () => {
  const known = 'project, api, interval, timeout, max-backoff, lag-warn, lag-critical, cutover-lag, cutover-hold, stuck-after, time-zone, lang, compact, oms, wall, type, status, label, search, group, source';
  const said = async (query) => {
    const { page, errors } = await openWall(query);
    const texts = await eventually(() => page.locator('[data-field=page-problem]').allTextContents(), (t) => t.length > 0, { what: 'the problems said' });
    assert.deepEqual(errors, []);
    await page.close();
    return texts;
  };
  assert.deepEqual(await said('wall&lang=en&grop=failed'), [`unknown option "grop": did you mean group? (known: ${known})`]);
  assert.deepEqual(await said('wall&lang=zh-CN&grop=failed'), [`未知选项 "grop"：是否想写 group？（可用：${known}）`]);
  assert.deepEqual(await said('wall&lang=zh-CN&group=urgent&interval=0'), [
    'interval 0 超出范围（1 到 86400 秒）',
    'group "urgent" 不是 failed、far-behind、behind、alarming、unknown、paused、not-started、running、finished 或 released',
  ]);
});
