// docs/embedding.md's provider panel in the Leptos app (tests/leptos-app):
// an `OmsConfigProvider` sets the language and zone of the widgets under
// it, a widget's own `lang` wins, and a picker changing the provider's
// signal redraws the widgets that follow it, their data kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withLeptosApp, eventually } from './harness.mjs';

test('a provider sets language and zone; its signal changes the texts; own options win', async () => {
  await withLeptosApp(async ({ page, errors }) => {
    const panel = page.locator('#provider-panel');
    const follows = panel.locator('[data-oms-widget][data-project-id="np_steady_users"]');
    const own = panel.locator('[data-oms-widget][data-project-id="np_lagging_audit"]');
    for (const w of [follows, own]) {
      await eventually(() => w.getAttribute('data-state'), (s) => s === 'live', { what: 'the widget live' });
    }
    const look = (w) => w.evaluate((el) => ({
      lang: el.getAttribute('lang'),
      refresh: el.querySelector('[data-action=refresh]')?.textContent,
      status: el.querySelector('.oms-badge-label')?.textContent,
      checkpoint: el.querySelector('[data-field=checkpoint] .oms-key')?.textContent,
      time: el.querySelector('[data-field=checkpoint-value] time')?.textContent,
    }));
    const before = await look(follows);
    assert.equal(before.lang, 'zh-CN', 'the provider\'s language');
    assert.equal(before.refresh, '立即刷新');
    assert.equal(before.checkpoint, '位点: ');
    assert.match(before.time, /GMT\+8$/, 'the provider\'s zone');
    const mine = await look(own);
    assert.equal(mine.lang, 'en', 'a widget\'s own lang wins');
    assert.equal(mine.refresh, 'Refresh now');
    assert.match(mine.time, /GMT\+8$/, 'its zone is still the provider\'s');

    await panel.locator('.pick-lang').click();
    const after = await eventually(() => look(follows), (l) => l.lang === 'en', { what: 'the widget in English' });
    assert.equal(await follows.getAttribute('data-state'), 'live', 'its data kept: no new first poll');
    assert.equal(after.refresh, 'Refresh now');
    assert.equal(after.checkpoint, 'Checkpoint: ');
    assert.notEqual(after.status, before.status, 'the view model\'s texts follow too');
    assert.match(after.time, /GMT\+8$/);
    assert.equal((await look(own)).lang, 'en');
    assert.deepEqual(errors, []);
  });
});
