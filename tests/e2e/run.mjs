// Runs the end-to-end files in three lanes side by side: the files of a
// lane one after another, the lanes at once. Every file starts its own
// oms-sim, Chromium, nginx or Vite on a free loopback port and writes in
// its own temporary folder, so no two files share a port, a folder or a
// clock (Playwright's clocks are per page); what they share is the CPU.
//
// The files that count requests or frames in a measurement window need a
// timely browser: they run beside each other (each is a browser polling a
// few widgets, mostly idle) but never beside a build, which gets a lane of
// its own at a lower CPU priority (`nice`), with the other files whose
// figures are loose (screenshots, a11y, the portal's builds, twenty
// viewers through nginx).
//
// `OMS_E2E_LANES=1` runs every file in one lane, in name order; arguments
// name the files to run. A file no lane names is refused: where it runs
// (beside a build or not) is a choice to make here.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// Longest first in each lane, so that a lane's tail is short files.
const LANES = [
  { nice: 10, files: ['snippets.test.mjs', 'portal.test.mjs', 'soak.test.mjs', 'deploy.test.mjs', 'look.test.mjs', 'a11y.test.mjs', 'wall-page.test.mjs', 'wallboard-element.test.mjs', 'leptos-app.test.mjs'] },
  { nice: 0, files: ['cutover.test.mjs', 'faults.test.mjs', 'history.test.mjs', 'finish.test.mjs', 'wallboard.test.mjs', 'schedule.test.mjs', 'leptos-hooks.test.mjs', 'lag-budget.test.mjs'] },
  { nice: 0, files: ['oms-history.test.mjs', 'embed.test.mjs', 'tabs.test.mjs', 'widget.test.mjs', 'sources.test.mjs', 'diagnoses.test.mjs', 'leptos-provider.test.mjs', 'chart-marks.test.mjs'] },
];

const wanted = process.argv.slice(2).map((f) => path.basename(f));
const files = wanted.length ? wanted : readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
let lanes;
if (Number(process.env.OMS_E2E_LANES || LANES.length) === 1) {
  lanes = [{ nice: 0, files }];
} else {
  const unplaced = files.filter((f) => !LANES.some((l) => l.files.includes(f)));
  if (unplaced.length) {
    console.error(`# no lane in run.mjs names ${unplaced.join(', ')}: add each to one`);
    process.exit(1);
  }
  lanes = LANES.map((l) => ({ ...l, files: l.files.filter((f) => files.includes(f)) }))
    .filter((l) => l.files.length);
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
const results = await Promise.all(lanes.map((lane, i) => new Promise((resolve) => {
  const name = lanes.length > 1 ? `[lane ${i + 1}] ` : '';
  const node = [process.execPath, '--test', '--test-concurrency=1', '--test-reporter=tap', ...lane.files];
  const [command, ...args] = lane.nice ? ['nice', '-n', String(lane.nice), ...node] : node;
  const child = spawn(command, args, { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    let rest = '';
    from.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) to.write(`${name}${line}\n`);
    });
    from.on('end', () => { if (rest) to.write(`${name}${rest}\n`); });
  }
  child.on('exit', (code, signal) => {
    console.log(`# ${name}${lane.files.join(' ')}: ${code === 0 ? 'passed' : `failed (${signal ?? code})`} after ${seconds()} s`);
    resolve(code === 0);
  });
})));
console.log(`# end-to-end suite: ${seconds()} s in ${lanes.length} lane(s)`);
process.exit(results.every(Boolean) ? 0 : 1);
