// What the benchmark and the profile load, so both measure the same pages:
// pages of widgets, the fixed projects they poll, and the hand-written
// reference the widget is compared against: what a careful polling script
// does for the same projects (AbortSignal.timeout, fetch, json, a text per
// field, one shared 1 s ticker for the ages). As written, every card polls
// in step with the others; with `spread=waves` its polls are spread over
// the interval as the widget's are (the first wait between half and all of
// it, each wait ending on the nearest point of a 250 ms grid of the clock,
// policy::on_wave).

/** A page of `count` compact widgets polling every `interval` seconds
 *  (through OMS 3.x's sync endpoint, or `api`). */
export const widgetsPage = (count, interval, api = 'sync') => `<!DOCTYPE html><meta charset="utf-8"><script type="module" src="/oms-progress.js"></script>
${Array.from({ length: count }, (_, i) => `<oms-sync-progress project-id="np_bench_${i}" interval="${interval}" api="${api}" compact></oms-sync-progress>`).join('\n')}`;

/** The reference's page (it loads `reference.js`, see `referenceScript`). */
export const referencePage = '<!DOCTYPE html><meta charset="utf-8"><script type="module" src="/reference.js"></script>';

/** Gives the simulator `count` projects np_bench_0… whose every poll after
 *  the first brings the same answer. */
export async function seedFixedProjects(sim, count) {
  for (let i = 0; i < count; i += 1) {
    await sim.control('PUT', `/_sim/projects/np_bench_${i}`, {
      behaviour: { type: 'fixed', status: 'RUNNING', current_step: 'INCR_SYNC', struct_progress: 100, full_progress: 100, checkpoint: { unix: 1764000000 } },
    });
  }
}

/** How many widgets (or, for the reference, cards) on `page` show data. */
export const liveCount = (page, reference) => page.evaluate((ref) => (ref
  ? document.querySelectorAll('.card[data-state=live]').length
  : [...document.querySelectorAll('oms-sync-progress')].filter((h) => h.shadowRoot?.querySelector('[data-state="live"]')).length), reference);

/** The reference's source for `cards` cards by default (`?count=` overrides). */
export const referenceScript = (cards) => `
const params = new URLSearchParams(location.search);
const interval = Number(params.get('interval') || 5) * 1000;
const waves = params.get('spread') === 'waves';
const onWave = (d) => { const late = (Date.now() + d) % 250; return Math.max(0, late < 125 ? d - late : d + 250 - late); };
const cards = [];
for (let i = 0; i < Number(params.get('count') || ${cards}); i += 1) {
  const el = document.createElement('div');
  el.className = 'card';
  el.innerHTML = '<b></b> <span class="status"></span> <span class="lag"></span> <span class="age"></span>';
  document.body.append(el);
  const card = { id: 'np_bench_' + i, el, status: el.querySelector('.status'), lag: el.querySelector('.lag'), age: el.querySelector('.age'), at: 0, checkpoint: 0 };
  el.querySelector('b').textContent = card.id;
  cards.push(card);
  const poll = async () => {
    try {
      const res = await fetch('/api/omsp/v2/sync/' + card.id + '/progress', { signal: AbortSignal.timeout(10000) });
      const body = await res.json();
      const d = body.data || {};
      if (card.status.textContent !== d.status) card.status.textContent = d.status;
      card.checkpoint = Number(d.incrSyncCheckpoint) || 0;
      card.at = Date.now();
      el.dataset.state = 'live';
    } catch (e) {
      el.dataset.state = 'error';
    }
    setTimeout(poll, waves ? onWave(card.polled ? interval : interval * (0.5 + Math.random() / 2)) : interval);
    card.polled = true;
  };
  poll();
}
setInterval(() => {
  const now = Date.now();
  for (const c of cards) {
    if (!c.at) continue;
    const age = Math.round((now - c.at) / 1000) + ' s';
    if (c.age.textContent !== age) c.age.textContent = age;
    const lag = Math.max(0, Math.round(now / 1000 - c.checkpoint)) + ' s';
    if (c.lag.textContent !== lag) c.lag.textContent = lag;
  }
}, 1000);
`;
