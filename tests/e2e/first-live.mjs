// Where the first moments go (not a test: it records, it asserts nothing).
// Cold loads (the HTTP cache disabled) of a page of widgets and of the
// hand-written reference with as many cards, and of a wallboard, each
// watched from navigation to every card live: when the scripts and the
// wasm arrived, when the wasm was compiled and instantiated, when the
// element was defined, when each widget was mounted (its shadow root
// attached) and first drawn, when each first request was made, sent
// (after waiting for one of the page's six connections) and answered,
// and when each card went live; with the main thread's time in that span
// by kind of code (CDP's sampling profiler). The page is watched from an
// init script (wrappers around WebAssembly's instantiation,
// customElements.define and attachShadow, mutation observers in the
// shadow roots), so the widget's code is measured as shipped.
// bench.mjs prints it into docs/benchmarks.md; run alone (with the
// harness's environment) it prints the Markdown.
import { pathToFileURL } from 'node:url';

/** In the page, before its scripts: record the moments of the first load in `window.__first`. */
function watchFirstLoad() {
  const first = { hosts: new Map(), defined: null, instantiated: null, cards: [] };
  window.__first = first;
  const now = () => performance.now();
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function wrapped(...args) {
      first.instantiateCalled ??= now();
      return original.apply(this, args).then((out) => { first.instantiated ??= now(); return out; });
    };
  }
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ctor, options) => { first.defined ??= now(); return define(name, ctor, options); };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    const host = { mounted: now(), drawn: null, live: null, id: this.getAttribute('project-id') };
    first.hosts.set(this, host);
    new MutationObserver((records, observer) => {
      const t = now();
      if (host.drawn === null && root.querySelector('[data-oms-widget], .oms-wall-card, [data-state]')) host.drawn = t;
      const cards = root.querySelectorAll('.oms-wall-card').length;
      if (cards && cards !== first.cards.at(-1)?.count) first.cards.push({ at: t, count: cards });
      if (host.live === null && root.querySelector('[data-oms-widget][data-state=live]')) host.live = t;
      if (host.live !== null && !root.querySelector('.oms-wall-card')) observer.disconnect();
    }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
    return root;
  };
  // Outside shadow roots: the reference's cards (their first live
  // moment) and the standalone page's wallboard cards.
  new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      const el = r.target;
      if (el.classList?.contains('card') && el.dataset.state === 'live' && !el.__live) el.__live = t;
    }
    if (records.some((r) => r.type === 'childList')) {
      const cards = document.querySelectorAll('.oms-wall-card').length;
      if (cards && cards !== first.cards.at(-1)?.count) first.cards.push({ at: t, count: cards });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

/** In the page: what `watchFirstLoad` recorded, with the resource timings. */
function readFirstLoad() {
  const first = window.__first;
  const hosts = [...first.hosts.values()];
  const reference = [...document.querySelectorAll('.card')].map((el) => ({ live: el.__live ?? null }));
  const resources = performance.getEntriesByType('resource').map((e) => ({
    name: new URL(e.name).pathname + new URL(e.name).search,
    start: e.startTime,
    sent: e.requestStart || e.startTime,
    end: e.responseEnd,
  }));
  return { hosts, reference, resources, defined: first.defined, instantiateCalled: first.instantiateCalled ?? null, instantiated: first.instantiated, cards: first.cards };
}

/** What a CDP profile node's code is (names are minified: kinds only). */
function kindOf({ functionName, url }) {
  if (functionName.startsWith('(')) return functionName;
  if (url.startsWith('wasm://') || url.endsWith('.wasm')) return 'wasm';
  // The embed's module, or the page build's (its name hashed by Trunk).
  if (/oms-(progress|wallboard)(-[0-9a-f]+)?\.js$/.test(url)) return 'JS glue';
  if (url.endsWith('reference.js')) return 'reference script';
  return url ? 'other script' : 'browser (native)';
}

/** Main-thread ms by kind of code over a CDP profile (idle left out). */
function busyByKind(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const kinds = {};
  // timeDeltas[i + 1] is the time the sample i stood for.
  for (let i = 0; i < profile.samples.length; i += 1) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const kind = kindOf(byId.get(profile.samples[i]).callFrame);
    if (kind !== '(idle)') kinds[kind] = (kinds[kind] ?? 0) + ms;
  }
  return kinds;
}

/** One cold load of `url` until every card is live (`done` reads it in
 *  the page): its moments in ms after navigation started, and with
 *  `profiled` the main thread's time by kind of code (the profiler slows
 *  the page down: moments come from loads without it). */
async function coldLoad(browser, url, done, profiled = false) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(watchFirstLoad);
  if (profiled) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  try {
    const started = Date.now();
    await page.goto(url);
    // Polled from outside: nothing in the page measures itself.
    while (!(await page.evaluate(done))) {
      if (Date.now() - started > 60_000) throw new Error(`${url}: not all live in 60 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // The profile runs from before navigation until every card was seen
    // live (looked at every 20 ms): its busy time is the load's.
    const busy = profiled ? busyByKind((await cdp.send('Profiler.stop')).profile) : null;
    const load = await page.evaluate(readFirstLoad);
    return { load, busy };
  } finally {
    if (!page.isClosed()) await page.close();
  }
}

/** Loads under the profiler, for the main thread's time by kind. */
const PROFILED = 3;

const median = (xs) => {
  const ys = xs.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  return ys.length ? ys[Math.floor(ys.length / 2)] : null;
};
const fmt = (x) => (x === null ? 'n/a' : `${x.toFixed(1)} ms`);
const min = (xs) => (xs.length ? Math.min(...xs) : null);
const max = (xs) => (xs.length ? Math.max(...xs) : null);

/** The moments of one load of widgets (or of the reference: `reference`). */
function momentsOf({ load }, { reference = false, script, api = '/api/' }) {
  const of = (pred) => load.resources.filter((r) => pred(r.name));
  const scriptRes = of((n) => (typeof script === 'string' ? n.endsWith(script) : script.test(n)))[0];
  const wasm = of((n) => n.endsWith('.wasm'))[0];
  // Each card's first request: the first of its project's.
  const byProject = new Map();
  for (const [i, r] of of((n) => n.startsWith(api)).entries()) {
    // A list page names no project: each is its own.
    const id = (r.name.match(/np_[a-z0-9_]+/) || [i])[0];
    if (!byProject.has(id)) byProject.set(id, r);
  }
  const firsts = [...byProject.values()];
  // The widgets (a wallboard's host has no project id: it is the one host).
  const hosts = load.hosts.some((h) => h.id) ? load.hosts.filter((h) => h.id) : load.hosts;
  const lives = reference ? load.reference.map((c) => c.live) : hosts.map((h) => h.live);
  // From a card's first answer to its live: the first answer's render.
  const renders = reference ? [] : hosts.map((h) => {
    const r = byProject.get(h.id);
    return r && h.live !== null ? h.live - r.end : null;
  });
  return {
    script: scriptRes?.end ?? null,
    wasm: wasm?.end ?? null,
    instantiateCalled: load.instantiateCalled,
    instantiated: load.instantiated,
    defined: load.defined,
    firstMounted: min(hosts.map((h) => h.mounted)),
    lastMounted: max(hosts.map((h) => h.mounted)),
    firstDrawn: min(hosts.map((h) => h.drawn).filter((t) => t !== null)),
    lastDrawn: max(hosts.map((h) => h.drawn).filter((t) => t !== null)),
    firstAsked: min(firsts.map((r) => r.start)),
    lastAsked: max(firsts.map((r) => r.start)),
    queued: max(firsts.map((r) => r.sent - r.start)),
    firstAnswered: min(firsts.map((r) => r.end)),
    lastAnswered: max(firsts.map((r) => r.end)),
    render: median(renders),
    firstLive: min(lives.filter((t) => t !== null)),
    lastLive: max(lives.filter((t) => t !== null)),
    requests: firsts.length,
  };
}

/** Median of each moment over loads. */
const medians = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));

/** Main-thread ms by kind, median over loads, in a fixed order. */
function busyRow(loads) {
  const kinds = ['wasm', 'JS glue', 'reference script', 'other script', 'browser (native)', '(program)', '(garbage collector)'];
  return Object.fromEntries(kinds.map((k) => [k, median(loads.map((l) => l.busy[k] ?? 0))]));
}

/** Markdown: where the first moments of `count` widgets and of the
 *  reference with as many cards go, and of a wallboard at `wallUrl`
 *  (optional), each the median of `runs` cold loads. */
export async function firstLiveProfile(browser, base, { count, runs = 5, widgetsUrl, referenceUrl, wallUrl }) {
  const widgetsDone = new Function(`return [...document.querySelectorAll('oms-sync-progress')].filter((h) => h.shadowRoot?.querySelector('[data-oms-widget][data-state=live]')).length === ${count}`);
  const referenceDone = new Function(`return document.querySelectorAll('.card[data-state=live]').length === ${count}`);
  const widgetLoads = [];
  const referenceLoads = [];
  const widgetBusy = [];
  const referenceBusy = [];
  for (let run = 0; run < runs; run += 1) {
    widgetLoads.push(await coldLoad(browser, `${base}/${widgetsUrl}`, widgetsDone));
    referenceLoads.push(await coldLoad(browser, `${base}/${referenceUrl}`, referenceDone));
  }
  for (let run = 0; run < PROFILED; run += 1) {
    widgetBusy.push(await coldLoad(browser, `${base}/${widgetsUrl}`, widgetsDone, true));
    referenceBusy.push(await coldLoad(browser, `${base}/${referenceUrl}`, referenceDone, true));
  }
  const w = medians(widgetLoads.map((l) => momentsOf(l, { script: 'oms-progress.js' })));
  const r = medians(referenceLoads.map((l) => momentsOf(l, { reference: true, script: 'reference.js' })));
  const row = (what, a, b) => `| ${what} | ${fmt(a)} | ${b === undefined ? '' : fmt(b)} |`;
  const lines = [
    `## Where the first moments go: ${count} widgets against the reference (median of ${runs} loads)`,
    '',
    `Each load watched from an init script (the wasm's instantiation, \`customElements.define\` and \`attachShadow\` wrapped, observers in the shadow roots) and the page's resource timing; the HTTP cache disabled, the browser's connections to the simulator possibly still open from the load before. Times in ms after navigation started. "Asked" is when \`fetch\` was called: the widgets first wait for one of their page's own six slots (\`src/runtime/slots.rs\`), so their wait for a connection is already in it, where the reference calls \`fetch\` at once and waits inside the browser; "sent − asked" is that wait in the browser (or a connection's set-up). The script is \`tests/e2e/first-live.mjs\`.`,
    '',
    '| moment | widgets | reference |',
    '|---|---|---|',
    row('script fetched (`oms-progress.js` / `reference.js`)', w.script, r.script),
    row('wasm fetched', w.wasm),
    row('wasm instantiation asked', w.instantiateCalled),
    row('wasm compiled and instantiated', w.instantiated),
    row('element defined', w.defined),
    row('first widget mounted (shadow root attached)', w.firstMounted),
    row(`all ${count} mounted`, w.lastMounted),
    row('first widget drawn (loading state)', w.firstDrawn),
    row(`all ${count} drawn`, w.lastDrawn),
    row('first progress request asked (`fetch` called)', w.firstAsked, r.firstAsked),
    row(`last of the ${count} first requests asked`, w.lastAsked, r.lastAsked),
    row('longest wait in the browser before sending (sent − asked)', w.queued, r.queued),
    row('first answer received', w.firstAnswered, r.firstAnswered),
    row(`last of the ${count} first answers received`, w.lastAnswered, r.lastAnswered),
    row('a first answer to its widget live (median)', w.render),
    row('first card live', w.firstLive, r.firstLive),
    row(`all ${count} live`, w.lastLive, r.lastLive),
    '',
    `Main-thread time from navigation to all live, by kind of code (ms, median of ${PROFILED} more loads under CDP's sampling profiler, which slows them: their sum is not the moments' span above):`,
    '',
    '| kind of code | widgets | reference |',
    '|---|---|---|',
  ];
  const wb = busyRow(widgetBusy);
  const rb = busyRow(referenceBusy);
  for (const kind of Object.keys(wb)) lines.push(row(kind, wb[kind], rb[kind]));
  const total = (b) => Object.values(b).reduce((s, x) => s + (x ?? 0), 0);
  lines.push(row('**all**', total(wb), total(rb)), '');
  if (wallUrl) {
    const wallDone = new Function(`const root = document.querySelector('oms-wallboard')?.shadowRoot ?? document; return root.querySelectorAll('.oms-wall-card').length >= ${wallUrl.cards}`);
    const wallLoads = [];
    const wallBusy = [];
    for (let run = 0; run < runs; run += 1) wallLoads.push(await coldLoad(browser, wallUrl.url, wallDone));
    for (let run = 0; run < PROFILED; run += 1) wallBusy.push(await coldLoad(browser, wallUrl.url, wallDone, true));
    const moments = wallLoads.map((l) => {
      const m = momentsOf(l, { script: wallUrl.script, api: '/api/v2?Action=ListProjects' });
      const cards = l.load.cards;
      return { ...m, firstCards: cards[0]?.at ?? null, allCards: cards.find((c) => c.count >= wallUrl.cards)?.at ?? null };
    });
    const m = medians(moments);
    const b = busyRow(wallBusy);
    lines.push(
      `## Where the first moments go: the wallboard of ${wallUrl.cards} projects (median of ${runs} loads)`,
      '',
      'The standalone page\'s board (`?wall`), watched the same way; its first requests are OMS 4.x\'s `ListProjects` pages.',
      '',
      '| moment | ms after navigation | |',
      '|---|---|---|',
      row('script fetched', m.script),
      row('wasm fetched', m.wasm),
      row('wasm compiled and instantiated', m.instantiated),
      row('first list request asked', m.firstAsked),
      row('first list page received', m.firstAnswered),
      row('last list page received', m.lastAnswered),
      row('first cards drawn', m.firstCards),
      row(`all ${wallUrl.cards} cards drawn`, m.allCards),
      '',
      `Main-thread time from navigation to every card drawn (median of ${PROFILED} loads under the profiler): ${Object.entries(b).filter(([, v]) => v).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')} (all ${total(b).toFixed(1)} ms).`,
      '',
    );
  }
  return lines;
}

// Run alone: a page of 20 widgets and the reference, against oms-sim.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { cpSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { startSim, launchBrowser, embedDir, distDir } = await import('./harness.mjs');
  const { referenceScript, referencePage, seedFixedProjects } = await import('./reference.mjs');
  const count = Number(process.env.FIRST_COUNT || 20);
  const site = mkdtempSync(path.join(tmpdir(), 'oms-first-'));
  cpSync(embedDir, site, { recursive: true });
  writeFileSync(path.join(site, 'twenty.html'), `<!DOCTYPE html><meta charset="utf-8"><script type="module" src="/oms-progress.js"></script>
${Array.from({ length: count }, (_, i) => `<oms-sync-progress project-id="np_bench_${i}" interval="5"></oms-sync-progress>`).join('\n')}`);
  writeFileSync(path.join(site, 'reference.js'), referenceScript(count));
  writeFileSync(path.join(site, 'reference.html'), referencePage);
  const sim = await startSim({ staticDir: site });
  // FIRST_WALL=1: the standalone page's wallboard of oms-sim's 1,000 generated projects too.
  const wallSim = process.env.FIRST_WALL === '1' ? await startSim({ staticDir: distDir, args: ['--generate', '1000'] }) : null;
  const browser = await launchBrowser();
  try {
    await seedFixedProjects(sim, count);
    let wallUrl;
    if (wallSim) {
      const cards = await (await fetch(`${wallSim.base}/api/v2?Action=ListProjects`, { method: 'POST', body: JSON.stringify({ pageNumber: 1, pageSize: 1 }) })).json().then((b) => b.totalCount);
      wallUrl = { url: `${wallSim.base}/?wall&interval=5`, cards, script: /\.js$/ };
    }
    const lines = await firstLiveProfile(browser, sim.base, { count, runs: Number(process.env.FIRST_RUNS || 5), widgetsUrl: 'twenty.html', referenceUrl: `reference.html?interval=5&count=${count}`, wallUrl });
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await sim.stop();
    await wallSim?.stop();
    rmSync(site, { recursive: true, force: true });
  }
}
