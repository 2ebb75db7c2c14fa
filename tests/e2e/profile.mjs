// Where a poll's main-thread time goes (not a test: it prints, it asserts
// nothing). Run by scripts/profile.sh against an embed build with names kept.
// 100 widgets each polling every PROFILE_INTERVAL seconds, then the same
// widgets only ticking, each under the CDP sampling profiler for
// PROFILE_SECONDS; the same for the hand-written reference (in waves), in
// PROFILE_ROUNDS rounds. Prints as Markdown, per poll, the self time of each
// kind of code (the widget's wasm, its JS glue, the browser's own work, GC)
// and of the top functions: the polling run's self time minus the ticking
// run's, over the polls.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, embedDir, measureFor, eventually } from './harness.mjs';
import { referenceScript, referencePage, widgetsPage, seedFixedProjects, liveCount } from './reference.mjs';

const SECONDS = Number(process.env.PROFILE_SECONDS || 20);
const INTERVAL = Number(process.env.PROFILE_INTERVAL || 1);
const TOP = Number(process.env.PROFILE_TOP || 25);
const ROUNDS = Number(process.env.PROFILE_ROUNDS || 3);
const WIDGETS = 100;
/** A folder to save the raw profiles in (`.cpuprofile`, which DevTools opens). */
const SAVE = process.env.PROFILE_SAVE;

const site = mkdtempSync(path.join(tmpdir(), 'oms-profile-'));
cpSync(embedDir, site, { recursive: true });
for (const [name, interval] of [['many', INTERVAL], ['idle', 86400]]) {
  writeFileSync(path.join(site, `${name}.html`), widgetsPage(WIDGETS, interval));
}
writeFileSync(path.join(site, 'reference.js'), referenceScript(WIDGETS));
writeFileSync(path.join(site, 'reference.html'), referencePage);

/** What a profile node's code is. */
function kind({ functionName, url }) {
  if (functionName.startsWith('(')) return functionName;
  if (url.startsWith('wasm://') || url.endsWith('.wasm')) return 'wasm';
  if (url.endsWith('oms-progress.js')) return 'JS glue';
  if (url.endsWith('reference.js')) return 'reference script';
  return url ? `script ${url}` : 'browser (native)';
}

/** Self time in ms by function and by kind, from a CDP profile. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map();
  const kinds = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) || 0) + ms);
  // timeDeltas[i + 1] is the time the sample i stood for.
  for (let i = 0; i < profile.samples.length; i += 1) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { callFrame } = byId.get(profile.samples[i]);
    const k = kind(callFrame);
    if (k === '(idle)') continue;
    add(kinds, k, ms);
    add(fns, `${callFrame.functionName || '(anonymous)'} [${k}]`, ms);
  }
  return { fns, kinds };
}

const sim = await startSim({ staticDir: site });
const browser = await launchBrowser();
try {
  await seedFixedProjects(sim, WIDGETS);
  const run = async (url, reference) => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await page.goto(`${sim.base}/${url}`);
    await eventually(() => liveCount(page, reference), (n) => n === WIDGETS, { what: `${WIDGETS} live`, timeout: 30_000 });
    await measureFor(2_000); // a quiet spell after the load, before the profiled one
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const seqFrom = await sim.nextSeq();
    await cdp.send('Profiler.start');
    await measureFor(SECONDS * 1000);
    const { profile } = await cdp.send('Profiler.stop');
    // For DevTools' Performance panel, or a closer look.
    if (SAVE) writeFileSync(path.join(SAVE, `${url.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`), JSON.stringify(profile));
    const polls = (await sim.control('GET', `/_sim/requests?since_seq=${seqFrom}&path_prefix=/api/`)).requests.length;
    await page.close();
    return { polls, ...selfTimes(profile) };
  };
  const perPoll = (busy, idle) => {
    const per = (map, idleMap, key) => ((map.get(key) || 0) - (idleMap.get(key) || 0)) / busy.polls;
    const kinds = [...busy.kinds.keys()].map((k) => [k, per(busy.kinds, idle.kinds, k)]).sort((a, b) => b[1] - a[1]);
    const fns = [...new Set([...busy.fns.keys(), ...idle.fns.keys()])]
      .map((k) => [k, per(busy.fns, idle.fns, k)]).sort((a, b) => b[1] - a[1]).slice(0, TOP);
    return { polls: busy.polls, total: kinds.reduce((sum, [, v]) => sum + v, 0), kinds, fns };
  };
  const rounds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const widgets = perPoll(await run('many.html', false), await run('idle.html', false));
    const reference = perPoll(
      await run(`reference.html?interval=${INTERVAL}&spread=waves`, true),
      await run('reference.html?interval=86400', true),
    );
    rounds.push({ widgets, reference, ratio: widgets.total / reference.total });
  }
  const middle = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
  const name = (fn) => fn.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 160).replace(/\|/g, '\\|');
  const fnTable = (fns) => [
    '| ms a poll | function |',
    '|---|---|',
    ...fns.map(([k, v]) => `| ${v.toFixed(4)} | \`${name(k)}\` |`),
  ];
  const lines = [
    `${WIDGETS} widgets polling every ${INTERVAL} s, then only ticking, each under the sampling profiler for ${SECONDS} s; the same for the reference in waves. `
      + `Per poll is the polling run's sampled main-thread time minus the ticking run's, over the polls. ${ROUNDS} rounds; `
      + `widgets ÷ reference per round: ${rounds.map((r) => `${r.widgets.total.toFixed(2)} ÷ ${r.reference.total.toFixed(2)} ms = ${r.ratio.toFixed(2)}`).join('; ')}. `
      + 'The tables are the round with the median ratio.',
    '',
    '| kind of code | widgets, ms a poll | reference, ms a poll |',
    '|---|---|---|',
    ...[...new Set([...middle.widgets.kinds, ...middle.reference.kinds].map(([k]) => k))].map((k) => {
      const of = (side) => side.kinds.find(([kk]) => kk === k)?.[1] ?? 0;
      return `| ${k} | ${of(middle.widgets).toFixed(3)} | ${of(middle.reference).toFixed(3)} |`;
    }),
    `| **all** | **${middle.widgets.total.toFixed(3)}** | **${middle.reference.total.toFixed(3)}** (widgets ÷ it: ${middle.ratio.toFixed(2)}) |`,
    '',
    'Reading it: `(program)` is the renderer\'s own work outside any script; `browser (native)` the Web APIs called (`fetch` the most: its self time is the request being made); the JS glue is wasm-bindgen\'s module, minified, whose one-letter function calling `fetch` carries the call\'s argument conversion, as the script\'s `poll` does.',
    '',
    `The widgets' top ${TOP} functions by self time a poll (names from the build with names kept; the wasm's identical functions are folded, so a name can stand for others):`,
    '',
    ...fnTable(middle.widgets.fns),
    '',
    `The reference's top ${TOP} functions by self time a poll, from the same round:`,
    '',
    ...fnTable(middle.reference.fns),
  ];
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await sim.stop();
  rmSync(site, { recursive: true, force: true });
}
