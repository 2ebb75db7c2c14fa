// A Leptos app as a library user writes one (tests/leptos-app: the crate by
// path, Leptos' `csr` enabled by the app, no CSS for the widget), built by
// Trunk: the widget goes live and is styled by the stylesheet it carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withLeptosApp, leptosAppDir, eventually } from './harness.mjs';

test('a Leptos app that ships no widget CSS shows a styled, live widget', async () => {
  const html = readFileSync(path.join(leptosAppDir, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<link[^>]+stylesheet|<style/, 'the app itself brings no CSS');
  await withLeptosApp(async ({ page, errors }) => {
    const root = page.locator('[data-oms-widget][data-project-id="np_steady_orders"]');
    await eventually(() => root.getAttribute('data-state'), (s) => s === 'live', { what: 'the widget live' });
    const look = await root.evaluate((el) => {
      const css = getComputedStyle(el);
      const badge = getComputedStyle(el.querySelector('[data-field=status]') ?? el);
      return {
        sheets: document.adoptedStyleSheets.length,
        radius: css.borderTopLeftRadius,
        border: css.borderTopStyle,
        maxWidth: css.maxWidth,
        badge: `${badge.borderTopLeftRadius} ${badge.fontWeight}`,
      };
    });
    // The values of style/oms-progress.css: a card, not unstyled flow.
    assert.equal(look.sheets, 1, 'one adopted sheet, however many widgets');
    assert.deepEqual([look.radius, look.border, look.maxWidth], ['8px', 'solid', '420px']);
    assert.equal(look.badge, '999px 600', 'the badge is a pill');
    assert.deepEqual(errors, []);
  });
});
