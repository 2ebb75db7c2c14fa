import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, sleep, eventually } from './harness.mjs';
const site = mkdtempSync(path.join(tmpdir(), 'oms-tr-'));
cpSync('/work/main/dist-embed', site, { recursive: true });
const N = 100;
writeFileSync(path.join(site, 'many5.html'), `<!DOCTYPE html><meta charset="utf-8"><script type="module" src="/oms-progress.js"></script>
${Array.from({ length: N }, (_, i) => `<oms-sync-progress project-id="np_bench_${i}" interval="${process.env.INTERVAL || 5}" compact></oms-sync-progress>`).join('\n')}`);
const sim = await startSim({ staticDir: site });
const browser = await launchBrowser();
for (let i = 0; i < N; i += 1) await sim.control('PUT', `/_sim/projects/np_bench_${i}`, { behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', struct_progress: 100, full_progress: 100, checkpoint: { unix: 1764000000 } } });
const page = await browser.context.newPage();
const cdp = await browser.context.newCDPSession(page);
await page.goto(`${sim.base}/many5.html`);
await eventually(() => page.evaluate(() => [...document.querySelectorAll('oms-sync-progress')].filter((h) => h.shadowRoot?.querySelector('[data-state="live"]')).length), (n) => n === N, { what: 'live', timeout: 30000 });
await sleep(3000);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel', 'loading', 'netlog'] }, transferMode: 'ReportEvents' });
await sleep(15000);
await cdp.send('Tracing.end');
await done;
// main thread of the renderer: the thread with most RunTask time named CrRendererMain
const names = new Map();
for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
const main = [...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
const agg = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !main.includes(`${e.pid}:${e.tid}`)) continue;
  agg.set(e.name, (agg.get(e.name) || 0) + (e.dur || 0) / 1000); if (e.name === "WebFrameWidgetImpl::UpdateLifecycle") globalThis.frames = (globalThis.frames || 0) + 1;
}
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(9), k);
console.log("lifecycle updates", globalThis.frames);
await browser.close(); await sim.stop();
