// Accessibility checked by a machine: axe-core's WCAG 2.1 A and AA rules on
// the standalone page (widgets in every state), the wallboard (a group
// chosen, a card open) and the embed elements, each in the light and the
// dark scheme. Any violation fails, with what axe says of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startSim, launchBrowser, embedDir, eventually, widget } from './harness.mjs';

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'];

const env = {};
before(async () => {
  env.sim = await startSim({ args: ['--generate', '40'] });
  env.embed = await startSim({ staticDir: embedDir });
  // The example pages' CSP would refuse axe's script; the widgets' own
  // behaviour under that CSP is the embed suite's to test.
  env.browser = await launchBrowser({ bypassCSP: true });
});
after(async () => {
  await env.browser?.close();
  await env.sim?.stop();
  await env.embed?.stop();
});

/** axe's violations on the page as it is now, one line each. */
async function violations(page) {
  await page.addScriptTag({ path: axeScript });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' > ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
  }, RULES);
}

async function open(base, route, scheme) {
  const page = await env.browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + route);
  return { page, errors };
}

for (const scheme of SCHEMES) {
  test(`the standalone page, widgets in every state, ${scheme}`, async () => {
    await env.sim.control('PUT', '/_sim/projects/np_a11y_error', { behaviour: { type: 'steady', lag_min_secs: 1, lag_max_secs: 3, period_secs: 60 } });
    const ids = ['np_4ur1zdx1v8cg', 'np_steady_orders', 'np_lagging_audit', 'np_failed_billing', 'np_suspended_crm', 'np_finished_archive', 'np_released_legacy', 'np_sybase_ledger', 'v4:np_v4_payments', 'v4:np_store_lag_crm', 'v4:np_reverse_orders', 'v4:np_verify_mismatch', 'np_a11y_error', 'np_does_not_exist'];
    const { page, errors } = await open(env.sim.base, `/?project=${ids.join(',')}&interval=1`, scheme);
    await eventually(() => widget(page, 'np_a11y_error').getAttribute('data-state'), (s) => s === 'live', { what: 'live' });
    await env.sim.control('POST', '/_sim/faults', { project: 'np_a11y_error', kind: 'business_error', code: 'INNER_ERROR', message: 'boom', advice: 'retry later' });
    await eventually(() => widget(page, 'np_a11y_error').getAttribute('data-state'), (s) => s === 'error', { what: 'error with the last data kept' });
    await eventually(() => widget(page, 'np_does_not_exist').getAttribute('data-state'), (s) => s === 'error', { what: 'not found' });
    await widget(page, 'np_v4_payments').locator('[data-field=steps] summary').click();
    await widget(page, 'np_v4_payments').locator('[data-step-name]').first().waitFor();
    await widget(page, 'np_store_lag_crm').locator('[data-field=lag-where]').waitFor();
    // OMS's history with its range switch, and the verification's tables.
    await widget(page, 'np_v4_payments').locator('button[data-range]').first().waitFor();
    await widget(page, 'np_verify_mismatch').locator('[data-field=steps] summary').click();
    await widget(page, 'np_verify_mismatch').locator('[data-field=verify-tables] summary').click();
    await widget(page, 'np_verify_mismatch').locator('[data-field=verify-tables] tbody tr').first().waitFor();
    assert.deepEqual(await violations(page), []);
    await env.sim.control('DELETE', '/_sim/faults?project=np_a11y_error');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`the wallboard, a group chosen and a card open, ${scheme}`, async () => {
    const { page, errors } = await open(env.sim.base, '/?wall&interval=2', scheme);
    await eventually(() => page.getAttribute('[data-oms-wallboard]', 'data-wall-state'), (s) => s === 'live', { what: 'wallboard live' });
    assert.deepEqual(await violations(page), [], 'every group');
    await page.click('.oms-wall-summary [data-group=far-behind]');
    const card = page.locator('.oms-wall-card').first();
    await card.locator('[data-action=open]').click();
    await eventually(() => card.locator('[data-oms-widget]').getAttribute('data-state'), (s) => s === 'live', { what: 'opened card live' });
    assert.deepEqual(await violations(page), [], 'far behind, one open');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`fifty <oms-sync-progress> elements, ${scheme}`, async () => {
    const { page, errors } = await open(env.embed.base, '/examples/fifty.html', scheme);
    await page.waitForFunction(() => {
      const hosts = [...document.querySelectorAll('oms-sync-progress')];
      return hosts.length > 0 && hosts.every((h) => h.shadowRoot?.querySelector('[data-oms-widget]')?.dataset.state !== 'loading');
    }, null, { timeout: 20_000 });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
