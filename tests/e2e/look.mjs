// What a person would see wrong on the page and the wallboard, read from
// the rendered layout: shared by look.test.mjs (which asserts on it) and
// screenshots.mjs (which writes the README's pictures). The `inspect`
// function runs inside the page, so it is self-contained.
import http from 'node:http';
import path from 'node:path';
import { startSim, launchBrowser, eventually, measureFor, repo } from './harness.mjs';

/** The seeded projects the demo shows (scripts/lib.sh's DEMO_PROJECTS). */
export const DEMO_PROJECTS = [
  'np_4ur1zdx1v8cg', 'np_steady_orders', 'np_steady_users', 'p_3xj9docnames', 'np_lagging_audit', 'np_failed_billing',
  'np_suspended_crm', 'np_finished_archive', 'np_released_legacy', 'np_sybase_ledger', 'np_ocp_inventory', 'np_v4_payments',
  'v4:np_v4_payments', 'v4:np_reverse_orders', 'v4:np_store_lag_crm', 'v4:np_failed_billing', 'v4:np_catchup_reports',
  'v4:np_rough_night_sales', 'v4:np_verified_ledger', 'v4:np_verify_mismatch',
  'v4:np_cutover_ready', 'v4:np_cutover_rows_differ', 'v4:np_cutover_lagging', 'v4:np_cutover_just_caught_up',
  'v4:np_cutover_switching', 'v4:np_cutover_switched', 'v4:np_cutover_no_way_back', 'migration:p_migration_dw', 'np_nowhere',
];

export const LANGS = ['en', 'zh-CN'];
export const SCHEMES = ['light', 'dark'];
/** A phone and a desktop: the width, and the height of the viewport. */
export const WIDTHS = [[390, 844], [1400, 1000]];

/** A failed project whose name has no place to wrap (the issue's
 *  `averyveryverylongprojectname…`), for the wallboard's layout. */
export const LONG_NAME = {
  id: 'np_look_long_name',
  spec: {
    name: 'averyveryverylongprojectnamewithoutanyunderscoresatall',
    naming: 'v4',
    behaviour: { type: 'fixed', status: 'FAILED', current_step: 'CONNECTOR_FULL_SYNC', struct_progress: 100, full_progress: 40 },
  },
};

/** oms-sim as the demo runs it (300 generated projects beside the seeded
 *  ones), with the long-named project when `longName`. */
export async function demoSim({ longName = true } = {}) {
  const sim = await startSim({ args: ['--generate', '300'] });
  if (longName) await sim.control('PUT', `/_sim/projects/${LONG_NAME.id}`, LONG_NAME.spec);
  return sim;
}

/** The demo's second region: oms-sim with sim/scenarios/hangzhou.toml. */
export function hzSim() {
  return startSim({ args: ['--scenario', path.join(repo, 'sim/scenarios/hangzhou.toml')] });
}

/** One origin for the two regions, as the demo's Trunk proxy makes it: the
 *  page and `/oms-bj/api/` from `bj`, `/oms-hz/api/` from `hz`. Resolves
 *  to `{ base, close }`. */
export function regionsProxy(bj, hz) {
  const server = http.createServer((req, res) => {
    const m = req.url.match(/^\/oms-(bj|hz)(\/api\/.*)$/);
    const target = new URL(m ? m[2] : req.url, m?.[1] === 'hz' ? hz : bj);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

export { launchBrowser };

/** Opens a new tab at `url`, collecting page errors and wasm panics. */
export async function open(browser, url, { width = 1400, height = 1000, scheme = 'light' } = {}) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) errors.push(m.text());
  });
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url);
  return { page, errors };
}

/** Every widget has answered once (live, stale or error: not loading). */
export async function widgetsAnswered(page) {
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('[data-oms-widget]')];
    return all.length > 0 && all.every((w) => w.dataset.state !== 'loading');
  }, null, { timeout: 30_000 });
}

/** Opens every step list (and every verification's tables) on the page and
 *  waits until each has loaded, and until OMS's history has come where it
 *  is asked for. */
export async function openSteps(page) {
  await page.evaluate(() => {
    for (const s of document.querySelectorAll('[data-field=steps]:not([open]) > summary')) s.click();
  });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-field=steps]')]
    .every((d) => d.querySelector('.oms-step-list, [data-field=steps-error]')), null, { timeout: 30_000 });
  // A plan with a verification step asks for its results once open.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-field=steps]')]
    .filter((d) => d.querySelector('[data-step-name*=VERIF]'))
    .every((d) => d.closest('[data-oms-widget]').querySelector('[data-field=verify]')), null, { timeout: 30_000 });
  await page.evaluate(() => {
    for (const s of document.querySelectorAll('[data-field=verify-tables]:not([open]) > summary')) s.click();
  });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-field=verify-tables]')]
    .every((d) => d.open && d.querySelector('tbody tr')), null, { timeout: 30_000 });
  // OMS 4.1+'s history, for the cards whose chart reads it (the range
  // switch shows then); a chart still without it is looked at as it is.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-oms-widget]')]
    .filter((w) => w.querySelector('[data-field=steps]') && w.querySelector('[data-field=checkpoint][data-lag-seconds]'))
    .every((w) => w.querySelector('button[data-range]')), null, { timeout: 30_000 }).catch(() => {});
}

/** The wallboard has its list (every source answered) with `min` cards. */
export async function wallLive(page, min = 1) {
  await eventually(
    () => page.evaluate(() => ({
      state: document.querySelector('[data-oms-wallboard]')?.dataset.wallState,
      cards: document.querySelectorAll('li.oms-wall-card[data-project-id]:not([data-project-id=""])').length,
    })),
    (s) => s.state === 'live' && s.cards >= min,
    { timeout: 30_000, what: 'wallboard live' },
  );
}

/** Opens the first card of a group on the wallboard (its widget below it). */
export async function openWallCard(page, group) {
  const card = page.locator(`li.oms-wall-card[data-attention=${group}]`).first();
  if (!(await card.count())) return null;
  const id = await card.getAttribute('data-project-id');
  await card.locator('[data-action=open]').click();
  await card.locator('[data-oms-widget]').waitFor();
  await eventually(() => card.locator('[data-oms-widget]').getAttribute('data-state'), (s) => s !== 'loading', { what: `${id} opened` });
  return id;
}

/** A screenshot of the page: all of it, or its top `maxHeight` pixels
 *  (the wallboard of 300 projects is tens of thousands of pixels tall). */
export async function shoot(page, file, { maxHeight = Infinity } = {}) {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  const clip = { x: 0, y: 0, width, height: Math.min(height, maxHeight) };
  await page.screenshot({ path: file, fullPage: true, clip });
}

/** Waits for the layout to settle after a change of size or scheme. */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // CSS transitions end on no one event for all of them: their length.
  await measureFor(300);
}

/** Text a widget shows without any part opened, for the verification's
 *  verdict: "visible" means rendered, not behind a closed `<details>`. */
export function visibleText(root) {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || !el || !el.getClientRects().length) continue;
    const details = el.closest('details');
    if (details && !details.open && !el.closest('summary')) continue;
    out.push(n.data);
  }
  return out.join(' ').replace(/\s+/g, ' ');
}

/** What the inspection skips under zh-CN, and why: OMS's own values, shown
 *  as sent, which are English (or anything) whatever the page's language. */
export const OMS_VALUES = [
  ['[data-field=project-id]', "the project's id"],
  ['[data-field=error-code]', "OMS's error code"],
  ['[data-field=error-message]', "OMS's error message"],
  ['[data-field=error-advice]', "OMS's advice (its proposal)"],
  ['[data-field=error-request-id]', "OMS's request id"],
  ['[data-field=step-error]', "OMS's errorMsg of a failed step"],
  ['[data-field=importance]', "OMS's alarm level as sent"],
  ['[data-field=alarm]', "a wallboard card's alarm text as OMS lists it (alarmContent)"],
  ['[data-field=source]', "a source's name, from the URL"],
  ['[data-field=details]', "a wallboard card's type, endpoints and labels as OMS lists them"],
  ['.oms-wall-open', "a wallboard card's project name as OMS lists it"],
  ['th[scope=row]', "a verification's table names"],
  ['code', "OMS's raw names (a step's name beside its label)"],
];

/**
 * Runs in the page: every problem a person would see, by kind. Each is
 * `{ card, what }`: the card (widget or wallboard card) and a sentence with
 * the element and the numbers.
 */
export function inspect({ lang, omsValues, clockOffsetSecs = 0 }) {
  const out = { overflow: [], clipped: [], english: [], lag: [], clock: [], sentences: [], plural: [], unstyled: [] };
  const zh = lang.startsWith('zh');
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    && !el.closest('details:not([open]) > :not(summary)');
  const px = (n) => `${Math.round(n)}`;
  const snippet = (text) => {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > 60 ? `${t.slice(0, 57)}…` : t;
  };
  const describe = (el) => {
    let name = el.localName;
    if (el.dataset?.field) name += `[data-field=${el.dataset.field}]`;
    else if (el.dataset?.action) name += `[data-action=${el.dataset.action}]`;
    else if (el.classList?.length) name += `.${[...el.classList].join('.')}`;
    const text = snippet(el.textContent || '');
    return text ? `${name} "${text}"` : name;
  };
  const box = (r) => `x ${px(r.left)}–${px(r.right)}, y ${px(r.top)}–${px(r.bottom)}`;
  const roots = [...document.querySelectorAll('[data-oms-widget], li.oms-wall-card')].filter(shown);
  const seen = new Map();
  const names = new Map();
  for (const root of roots) {
    const id = root.dataset.projectId || '(no id)';
    const wall = root.matches('li.oms-wall-card');
    const inCard = !wall && root.closest('li.oms-wall-card');
    let name;
    if (wall) name = `wallboard card ${id}`;
    else {
      const api = root.querySelector('[data-field=steps]') || root.closest('li.oms-wall-card') ? '4.x' : '3.x';
      name = `${inCard ? 'opened widget' : 'widget'} ${id} (${api})`;
    }
    const n = (seen.get(name) || 0) + 1;
    seen.set(name, n);
    names.set(root, n > 1 ? `${name} #${n}` : name);
  }
  const rootOf = (el) => el.closest('[data-oms-widget], li.oms-wall-card');
  const nameOf = (el) => names.get(rootOf(el)) || 'the page';
  const scrolls = (style, axis) => ['auto', 'scroll'].includes(style[`overflow${axis}`]);
  const clips = (style, axis) => ['hidden', 'clip'].includes(style[`overflow${axis}`]);
  // `contain: paint` (or `content`, `strict`) clips to the box as `overflow: clip` does.
  const paints = (style) => /paint|content|strict/.test(style.contain);

  // The page itself sideways.
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    out.overflow.push({ card: 'the page', what: `the page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window: it scrolls sideways` });
  }

  // No element or text outside its card; no scroll box whose content is
  // wider (or taller) than itself: what it hides is what matters.
  for (const root of roots) {
    const rb = root.getBoundingClientRect();
    const card = names.get(root);
    const outside = (r) => r.width > 0 && r.height > 0
      && (r.left < rb.left - 1 || r.right > rb.right + 1 || r.top < rb.top - 1 || r.bottom > rb.bottom + 1);
    const overflowed = [];
    const inScroller = (el) => {
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') return p;
      }
      return null;
    };
    for (const el of root.querySelectorAll('*')) {
      // A widget opened in a wallboard card is checked against its own box
      // (and its root against the card's).
      if (rootOf(el.parentElement) !== root) continue;
      if (!shown(el) || el.localName === 'wbr') continue;
      const style = getComputedStyle(el);
      for (const axis of ['X', 'Y']) {
        if (!scrolls(style, axis)) continue;
        const [content, own] = axis === 'X' ? [el.scrollWidth, el.clientWidth] : [el.scrollHeight, el.clientHeight];
        if (content > own + 1) {
          out.overflow.push({ card, what: `${describe(el)} scrolls (overflow-${axis.toLowerCase()}: ${style[`overflow${axis}`]}): its content is ${content} px ${axis === 'X' ? 'wide' : 'tall'} in a ${own} px box, ${content - own} px scrolled off` });
        }
      }
      if (inScroller(el)) continue;
      if (overflowed.some((o) => o.contains(el))) continue;
      const r = el.getBoundingClientRect();
      if (outside(r)) {
        overflowed.push(el);
        out.overflow.push({ card, what: `${describe(el)} at ${box(r)} lies outside the card at ${box(rb)}` });
      }
    }
    // Text can run out of a box that itself stays inside.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!t.data.trim() || !el || !shown(el) || (rootOf(el) !== root)) continue;
      if (inScroller(el) || overflowed.some((o) => o.contains(el))) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const r = [...range.getClientRects()].find(outside);
      if (r) {
        overflowed.push(el);
        out.overflow.push({ card, what: `the text "${snippet(t.data)}" of ${describe(el)} runs to ${box(r)}, outside the card at ${box(rb)}` });
      }
    }
  }

  // No text clipped: a box that hides what does not fit, or an ellipsis.
  const scope = document.querySelector('main') || document.body;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const clipped = new Set();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!t.data.trim() || !el || !shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      const ellipsis = s.textOverflow === 'ellipsis' && p.scrollWidth > p.clientWidth;
      const [cx, cy] = [clips(s, 'X') || paints(s), clips(s, 'Y') || paints(s)];
      if (!ellipsis && !cx && !cy) continue;
      if (clipped.has(p)) break;
      const b = p.getBoundingClientRect();
      const inner = { left: b.left + p.clientLeft, top: b.top + p.clientTop };
      inner.right = inner.left + p.clientWidth;
      inner.bottom = inner.top + p.clientHeight;
      const cut = rects.find((r) => (cx || ellipsis) && (r.left < inner.left - 1 || r.right > inner.right + 1)
        || cy && (r.top < inner.top - 1 || r.bottom > inner.bottom + 1));
      if (cut || ellipsis) {
        clipped.add(p);
        const how = ellipsis ? `cut with an ellipsis (${p.scrollWidth} px of text in ${p.clientWidth} px)`
          : `clipped by ${describe(p)} (${paints(s) ? `contain: ${s.contain}` : `overflow ${s.overflowX}/${s.overflowY}`}): the text spans ${box(cut)}, the box ${box(inner)}`;
        out.clipped.push({ card: nameOf(el), what: `the text "${snippet(t.data)}" of ${describe(el)} is ${how}` });
        break;
      }
    }
  }

  // Visible text per element (its own text nodes joined: the labels come
  // in pieces), for the language and the sentences.
  const texts = [];
  const all = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
  for (let el = all.currentNode; el; el = all.nextNode()) {
    if (['script', 'style', 'title'].includes(el.localName) || !shown(el)) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').replace(/\s+/g, ' ').trim();
    if (own) texts.push({ el, text: own });
  }

  if (zh) {
    const skip = omsValues.map(([sel]) => sel).join(', ');
    // Two or more English words in a row, of three letters or more each; an
    // identifier (np_steady_orders, billing.invoice, FULL_TRANSFER) is one word.
    const words = /(?<![\w./:-])[A-Za-z]{3,}(?:[ \u00a0]+[A-Za-z]{3,}(?![\w./:-]))+/;
    for (const { el, text } of texts) {
      if (el.closest(skip)) continue;
      let rest = text;
      // A failure line: our words up to OMS's code, then OMS's message.
      if (el.closest('[data-field=failure]')) rest = rest.replace(/\b[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+\b[\s\S]*$/, '');
      const m = rest.match(words);
      if (m) out.english.push({ card: nameOf(el), what: `"${m[0]}" in ${describe(el)}` });
    }
  }

  for (const { el, text } of texts) {
    // A running step with a finished step's duration.
    const step = el.closest('li[data-step-status]');
    const status = step?.querySelector('.oms-step-status')?.textContent.trim();
    if (step && status === (zh ? '运行中' : 'Running') && /\btook\b|耗时/.test(text)) {
      out.sentences.push({ card: nameOf(el), what: `step ${step.dataset.stepName} is shown "${status}" and says "${snippet(text)}": a running step with a finished one's duration` });
    }
    // One plural rule: "1 rows", "2 row".
    const m = text.match(/(?<![\d.,])1 (rows|projects|tables|steps|errors|pages|polls|differ\b)|(?<![\d.,])1 row differ\b|(?<![\d.,])(?:[02-9]|\d{2,}|\d{1,3}(?:,\d{3})+) (row|project|table|step)\b(?!s)/);
    if (m) out.plural.push({ card: nameOf(el), what: `"${m[0]}" in ${describe(el)} "${snippet(text)}"` });
  }

  // Lag figures on one card: the lag attribute, its text, the note beside it,
  // the chart's newest point, the ETA's claim, a wallboard card's delay.
  const duration = (text) => {
    const units = zh
      ? { 天: 86400, 小时: 3600, 分: 60, 秒: 1 }
      : { d: 86400, h: 3600, min: 60, s: 1 };
    const re = zh ? /(\d+) ?(天|小时|分|秒)/g : /(\d+) ?(d|h|min|s)\b/g;
    let secs = 0;
    let unit = null;
    for (const [, n, u] of text.matchAll(re)) {
      secs += Number(n) * units[u];
      unit = Math.min(unit ?? Infinity, units[u]);
    }
    return unit === null ? null : { secs, unit };
  };
  for (const root of roots) {
    if (!root.matches('[data-oms-widget]')) continue;
    const card = names.get(root);
    for (const part of root.querySelectorAll('[data-field=checkpoint], [data-field=reverse-checkpoint]')) {
      if (rootOf(part) !== root || part.dataset.lagSeconds === undefined || !shown(part)) continue;
      const which = part.dataset.field === 'checkpoint' ? 'lag' : 'reverse lag';
      // Each figure as the range of seconds it claims.
      const figures = [];
      const attr = Number(part.dataset.lagSeconds);
      figures.push({ what: `data-lag-seconds="${attr}"`, lo: attr, hi: attr });
      const lagEl = part.querySelector('[data-field=lag]');
      const shownLag = lagEl && duration(lagEl.textContent);
      if (shownLag) figures.push({ what: `the ${which} shown, "${snippet(lagEl.textContent)}"`, lo: shownLag.secs, hi: shownLag.secs + shownLag.unit - 1 });
      const skew = part.querySelector('[data-field=clock-skew]');
      if (skew && shown(skew)) figures.push({ what: `the note "${snippet(skew.textContent)}" (0 s)`, lo: 0, hi: 0 });
      // The chart's newest point is left out: it is a sample of up to a
      // bucket ago (its aria-label), not a figure of now.
      const eta = part.dataset.field === 'checkpoint' && root.querySelector('[data-field=catch-up-eta]');
      if (eta && shown(eta) && part.dataset.lagLevel === 'ok' && !part.dataset.lagAsOf) {
        out.lag.push({ card, what: `the ${which} "${snippet(lagEl?.textContent || '')}" (caught up) beside the ETA "${snippet(eta.textContent)}"` });
      }
      const wallCard = root.closest('li.oms-wall-card');
      if (wallCard && which === 'lag' && wallCard.dataset.delaySeconds !== undefined) {
        const d = Number(wallCard.dataset.delaySeconds);
        figures.push({ what: `the wallboard card's data-delay-seconds="${d}"`, lo: d, hi: d });
        const delayEl = wallCard.querySelector('[data-field=delay]');
        const said = delayEl && shown(delayEl) && duration(delayEl.textContent.split(/[(（]/)[0]);
        if (said) figures.push({ what: `the wallboard card's "${snippet(delayEl.textContent)}"`, lo: said.secs, hi: said.secs + said.unit - 1 });
      }
      for (let i = 0; i < figures.length; i++) {
        for (let j = i + 1; j < figures.length; j++) {
          const [a, b] = [figures[i], figures[j]];
          if (a.lo > b.hi + 1 || b.lo > a.hi + 1) {
            out.lag.push({ card, what: `${a.what} and ${b.what} differ` });
          }
        }
      }
    }
  }
  // What the page says of OMS's clock: the test knows the truth.
  for (const h of document.querySelectorAll('[data-clock-offset-ms]')) {
    const ms = Number(h.dataset.clockOffsetMs);
    if (Math.abs(ms - clockOffsetSecs * 1000) >= 3000) {
      const note = [...h.querySelectorAll('[data-field=clock-offset]')].filter(shown).map((n) => ` and says "${snippet(n.textContent)}"`).join('');
      out.clock.push({ card: nameOf(h), what: `${describe(h).split(' ')[0]} has data-clock-offset-ms="${ms}"${note}, but OMS's clock is ${clockOffsetSecs} s from this browser's` });
    }
  }
  for (const n of document.querySelectorAll('[data-field=clock-skew]')) {
    if (!shown(n) || clockOffsetSecs !== 0) continue;
    const part = n.closest('[data-field=checkpoint], [data-field=reverse-checkpoint]');
    out.clock.push({ card: nameOf(n), what: `"${snippet(part?.querySelector('.oms-lag')?.textContent || n.textContent)}": OMS's checkpoints are never ahead of this browser's clock here (the same clock)` });
  }

  // Buttons as the browser draws them unstyled (outset border): the others
  // are styled.
  for (const b of scope.querySelectorAll('button')) {
    if (!shown(b)) continue;
    const c = getComputedStyle(b);
    if (c.borderTopStyle === 'outset') {
      out.unstyled.push({ card: nameOf(b), what: `${describe(b)} keeps the browser's own look (border ${c.borderTopStyle} ${c.borderTopWidth}, background ${c.backgroundColor}, radius ${c.borderTopLeftRadius})` });
    }
  }
  return out;
}

/** The problems of one kind as a readable list, for an assertion's message. */
export function report(problems) {
  return problems.map((p) => `  ${p.card}: ${p.what}`).join('\n');
}
