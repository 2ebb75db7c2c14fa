// The hooks as an app uses them (tests/leptos-app/src/picker.rs: the crate's
// prelude only): a project picker drives `use_oms_progress_with_options` and
// `use_oms_steps_with_options`; both follow the pick, and the poll of the
// project left stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withLeptosApp, eventually, measureFor } from './harness.mjs';

const picked = (page) => page.locator('#picker [data-field=picked]').evaluate((el) => ({
  id: el.dataset.projectId,
  status: el.dataset.status ?? null,
  steps: [...document.querySelectorAll('#picker [data-step]')].map((li) => `${li.dataset.step}:${li.dataset.stepStatus}`),
}));

test('hooks follow a project picker: progress and steps of the pick, the old poll stopped', async () => {
  // The page's own OMS 4.x progress requests, by the project in their body.
  const asked = [];
  const listen = (page) => page.on('request', (r) => {
    if (r.url().includes('Action=DescribeProjectProgress')) asked.push({ at: Date.now(), body: r.postData() ?? '' });
  });
  await withLeptosApp(async ({ page, errors }) => {
    const first = await eventually(() => picked(page), (p) => p.status === 'RUNNING' && p.steps.length > 0, { what: 'the first pick live, with its steps' });
    assert.equal(first.id, 'np_steady_orders');
    await page.locator('#picker [data-field=picker]').selectOption('np_failed_billing');
    const switchedAt = Date.now();
    const second = await eventually(
      () => picked(page),
      (p) => p.status === 'FAILED' && p.steps.some((s) => s.endsWith(':FAILED')),
      { what: 'the new pick failed, with its failed step' },
    );
    assert.equal(second.id, 'np_failed_billing');
    assert.notDeepEqual(second.steps, first.steps, 'the plan is the new project\'s');
    // A measurement window: three of the panel's 2 s intervals.
    await measureFor(6_000);
    const late = asked.filter((r) => r.at > switchedAt + 500);
    assert.ok(late.some((r) => r.body.includes('np_failed_billing')), 'the pick is polled');
    assert.deepEqual(late.filter((r) => r.body.includes('np_steady_orders')), [], 'the project left is not');
    assert.deepEqual(errors, []);
  }, listen);
});
