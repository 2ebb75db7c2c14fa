// The wallboard page as a person sees it: the URL's problems with the
// wallboard's own names, in the page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simAndBrowser, eventually } from './harness.mjs';

const env = simAndBrowser();

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

test('the URL\'s problems know the wallboard\'s names, hint at the one meant, in the page\'s language', async () => {
  const known = 'project, api, interval, timeout, max-backoff, lag-warn, lag-critical, stuck-after, time-zone, lang, compact, oms, wall, type, status, label, search, group, source';
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
