import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, sleep, eventually } from './harness.mjs';
const site = mkdtempSync(path.join(tmpdir(), 'oms-wprof-'));
cpSync(process.env.PROFILE_DIR, site, { recursive: true });
writeFileSync(path.join(site, 'wall.html'), `<!DOCTYPE html><meta charset="utf-8"><script type="module" src="/oms-wallboard.js"></script><oms-wallboard interval="5" lang="en"></oms-wallboard>
<script>window.__long=[];new PerformanceObserver((l)=>{for(const e of l.getEntries())window.__long.push(Math.round(e.duration))}).observe({type:'longtask'});</script>`);
const sim = await startSim({ staticDir: site, marker: 'oms-wallboard.js', args: ['--generate', '1000'] });
const browser = await launchBrowser();
const page = await browser.context.newPage();
const cdp = await browser.context.newCDPSession(page);
await page.goto(`${sim.base}/wall.html`);
await eventually(() => page.evaluate(() => document.querySelector('oms-wallboard')?.shadowRoot?.querySelectorAll('.oms-wall-card').length), (n) => n > 1000, { what: 'cards', timeout: 30000 });
await sleep(3000);
await page.evaluate(() => (window.__long = []));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await sleep(Number(process.env.PROFILE_SECONDS || 15) * 1000);
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks', JSON.stringify(await page.evaluate(() => window.__long)));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  self.set(key, (self.get(key) || 0) + (profile.timeDeltas[i] || 0) / 1000);
}
// inclusive time for our functions: walk parents
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set(); let id = profile.samples[i];
  while (id !== undefined) { const n = byId.get(id); const k = n.callFrame.functionName; if (k && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + (profile.timeDeltas[i] || 0) / 1000); } id = parent.get(id); }
}
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k.slice(0, 160));
console.log('--- inclusive (oms_progress / tachys / leptos)');
for (const [k, v] of [...incl.entries()].filter(([k]) => /oms_progress|wall|For|keyed/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), k.slice(0, 200));
await browser.close();
await sim.stop();
