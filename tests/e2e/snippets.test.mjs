// The docs' snippets are tests: every fenced block of README.md and
// docs/*.md marked `<!-- test:KIND -->` (tests/docs.rs requires a marker on
// every block) runs here as written, against the setups the docs name:
//
// - HTML, JS, TS and CSS: in a host page served by the shipped nginx recipe
//   (deploy/nginx.conf, with real nginx and oms-sim behind it; the modules
//   put in place by deployment.md's own command) and by
//   `scripts/try-embed.sh DIR`, as the README says; every widget and
//   wallboard must go live in Chromium. TS is type-checked by the portal's
//   tsc against the installed package first.
// - The page URLs (`urls-demo`): through `trunk serve` with Trunk.toml's
//   proxies, only their addresses pointed at this test's simulators.
// - The try-it command and its URLs, the npm commands, the simulator's
//   commands (each answer compared with the one shown), the Leptos
//   manifest and components (tests/leptos-app).
//
// The last test fails for a marked block that no test here ran.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, launchBrowser, embedDir, wallEmbedDir, leptosAppDir, repo, eventually } from './harness.mjs';
import { docBlocks, commands } from './doc-blocks.mjs';
import { freePort, startRecipe } from './nginx.mjs';

const blocks = docBlocks();
const marked = (kind) => blocks.filter((b) => b.marker === `test:${kind}`);
/** The blocks a test here ran, by place. */
const ran = new Set();
const crateVersion = readFileSync(path.join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const portal = path.join(repo, 'tests/portal');

const scratch = mkdtempSync(path.join(tmpdir(), 'oms-snippets-'));
const env = { servers: [] };

before(async () => {
  // The recipe's two OMS, each with its own account (as deploy.test.mjs);
  // the first with the demo's projects, whose labels the docs' filters name.
  env.sim = await startSim({ staticDir: embedDir, auth: true, args: ['--generate', '300'] });
  env.simHz = await startSim({
    staticDir: embedDir,
    auth: true,
    args: ['--scenario', path.join(repo, 'sim/scenarios/hangzhou.toml'), '--user', 'oms-hz', '--password', 'oms-hz-sim'],
  });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  for (const server of env.servers.reverse()) await server.stop();
  await env.sim?.stop();
  await env.simHz?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts `command` in bash (in its own process group, from the repository)
 *  and resolves once its output matches `ready`; `stop()` ends the group. */
async function startServer(command, { ready, env: extra = {}, timeout = 30_000, cwd = repo }) {
  const child = spawn('bash', ['-c', command], { cwd, env: { ...process.env, ...extra }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const match = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command}: not ready after ${timeout} ms:\n${out}`)), timeout);
    const read = (chunk) => {
      out += chunk;
      const m = out.match(ready);
      if (m) { clearTimeout(timer); resolve(m); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${command} exited with ${code}:\n${out}`)); });
  });
  const server = {
    match,
    output: () => out,
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const gone = new Promise((r) => child.once('exit', r));
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      return gone;
    },
  };
  child.removeAllListeners('exit');
  env.servers.push(server);
  return server;
}

/** What a page shows: every widget's and wallboard's state (in shadow roots
 *  too), elements that drew nothing, and the page's own problems. */
const readPage = (page) => page.evaluate(() => {
  const states = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('[data-oms-widget]')) states.push(`${el.dataset.projectId}:${el.dataset.state}`);
    // A board that matches no project shows nothing of what the docs promise.
    for (const el of root.querySelectorAll('[data-oms-wallboard]')) {
      const cards = el.querySelectorAll('li.oms-wall-card[data-project-id]:not([data-project-id=""])').length;
      states.push(`wallboard:${cards ? el.dataset.wallState : 'no card'}${el.dataset.sourcesFailing ? ` failing ${el.dataset.sourcesFailing}` : ''}`);
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  const blank = [...document.querySelectorAll('oms-sync-progress, oms-wallboard')]
    .filter((el) => !el.shadowRoot?.querySelector('[data-oms-widget], [data-oms-wallboard]'))
    .map((el) => el.outerHTML.slice(0, 100));
  const problems = [...document.querySelectorAll('[data-field=page-problem]')].map((p) => p.textContent);
  return { states, blank, problems };
});

const allLive = (shown) => shown.states.length > 0 && shown.blank.length === 0 && shown.problems.length === 0
  && shown.states.every((s) => /:live$/.test(s));

/** Opens `url`, collecting what goes wrong: page errors, console errors
 *  (a missing favicon aside), CSP violations, dialogs and console lines. */
async function open(url) {
  const page = await env.browser.context.newPage();
  const seen = { errors: [], logs: [], dialogs: [], requests: [] };
  page.on('pageerror', (e) => seen.errors.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    seen.logs.push(m.text());
    if (m.type() === 'error' && !/favicon/.test(m.location().url ?? '')) seen.errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', (r) => { if (/\/api\//.test(r.url())) seen.requests.push(r); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, seen };
}

/** Opens `url` and waits until everything on it is live. */
async function expectLive(url, what) {
  const { page, seen } = await open(url);
  const shown = await eventually(() => readPage(page), allLive, { timeout: 20_000, what }).catch((e) => { page.close(); throw e; });
  assert.deepEqual(seen.errors, [], what);
  await page.close();
  return shown;
}

// ---------------------------------------------------------------------
// Host pages for the HTML, JS, TS and CSS snippets.

const pagesDir = path.join(scratch, 'pages');
const tsDir = path.join(scratch, 'ts');
mkdirSync(pagesDir);
mkdirSync(tsDir);
const pageBlocks = [...marked('html'), ...marked('js'), ...marked('ts'), ...marked('css')];

/** The placeholders the docs name in words, filled as they say. */
const PLACEHOLDERS = {
  el: "const el = document.getElementById('orders-sync');",
  projectId: "const projectId = 'np_steady_orders';",
  portal: "const portal = { token: () => 'portal-token' };",
};
function fillPlaceholders(code) {
  const used = Object.entries(PLACEHOLDERS).filter(([name]) =>
    new RegExp(`(^|[^.\\w'])${name}\\b`).test(code) && !new RegExp(`\\b(const|let|var|function)\\s+${name}\\b|${name}\\s*[:?]\\s*\\w`).test(code));
  return `${used.map(([, line]) => line).join('\n')}\n${code}`;
}
/** Without a bundler, the package is the module the recipe serves (the
 *  snippets' own comments say so). */
const served = (code) => code.replace(/(from |import )'oms-progress'/g, "$1'/oms-progress/oms-progress.js'");

const hostPage = (title, head, body) => `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>
${body}
</body>
</html>
`;
/** The page around a script snippet: the element `orders-sync` the docs
 *  name, and an <oms-sync-progress> of the page's own. */
const scriptHost = (title, script) => hostPage(title, `<script type="module" src="${script}"></script>`,
  '<div id="orders-sync"></div>\n<oms-sync-progress project-id="np_steady_orders"></oms-sync-progress>');

/** Writes each page; TS goes through tsc, then esbuild (React from the portal's node_modules). */
function writePages() {
  symlinkSync(path.join(portal, 'node_modules'), path.join(tsDir, 'node_modules'));
  const ts = [];
  pageBlocks.forEach((block, i) => {
    const name = `snippet-${i}`;
    block.page = `/${name}.html`;
    const kind = block.marker.slice('test:'.length);
    if (kind === 'html') {
      writeFileSync(path.join(pagesDir, `${name}.html`), hostPage(block.place, '', block.code));
    } else if (kind === 'css') {
      writeFileSync(path.join(pagesDir, `${name}.css`), block.code);
      writeFileSync(path.join(pagesDir, `${name}.html`), hostPage(block.place,
        `<link rel="stylesheet" href="${name}.css"><script type="module" src="/oms-progress/oms-progress.js"></script>`,
        '<oms-sync-progress project-id="np_steady_orders"></oms-sync-progress>'));
    } else if (kind === 'js') {
      writeFileSync(path.join(pagesDir, `${name}.js`), served(fillPlaceholders(block.code)));
      writeFileSync(path.join(pagesDir, `${name}.html`), scriptHost(block.place, `${name}.js`));
    } else if (block.lang === 'tsx') {
      // A JSX expression: the component the docs put it in, rendered by React.
      const lines = block.code.trimEnd().split('\n');
      const imports = lines.filter((l) => l.startsWith('import '));
      const jsx = lines.filter((l) => !l.startsWith('import ') && l.trim()).join('\n');
      writeFileSync(path.join(tsDir, `${name}.tsx`), `${imports.join('\n')}\n\nexport function Snippet({ projectId }: { projectId: string }) {\n  return (\n${jsx}\n  );\n}\n`);
      writeFileSync(path.join(tsDir, `${name}.main.tsx`), `import { createRoot } from 'react-dom/client';\nimport { Snippet } from './${name}';\n\ncreateRoot(document.getElementById('orders-sync')!).render(<Snippet projectId="np_4ur1zdx1v8cg" />);\n`);
      ts.push([block, name, `${name}.main.tsx`]);
    } else {
      writeFileSync(path.join(tsDir, `${name}.ts`), block.code);
      ts.push([block, name, `${name}.ts`]);
    }
  });
  // The portal's compiler settings, over the snippets as written.
  writeFileSync(path.join(tsDir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], module: 'ESNext', moduleResolution: 'bundler',
      jsx: 'react-jsx', strict: true, noEmit: true, isolatedModules: true, types: [],
    },
    include: ['*.ts', '*.tsx'],
  }));
  const tsc = spawnSync(path.join(portal, 'node_modules/.bin/tsc'), ['-p', tsDir], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, `tsc on the TS snippets:\n${tsc.stdout}${tsc.stderr}`);
  for (const [block, name, entry] of ts) {
    // The run: the same code, the package as the recipe serves it.
    const source = path.join(tsDir, entry.replace(/(\.main)?\.tsx?$/, (m) => `.run${m}`));
    if (block.lang === 'tsx') {
      writeFileSync(path.join(tsDir, `${name}.tsx`), served(readFileSync(path.join(tsDir, `${name}.tsx`), 'utf8')));
      writeFileSync(source, readFileSync(path.join(tsDir, entry), 'utf8'));
    } else {
      writeFileSync(source, served(fillPlaceholders(block.code)));
    }
    execFileSync(process.env.ESBUILD || 'esbuild', [
      source, '--bundle', '--format=esm', '--target=es2022', '--jsx=automatic', '--log-level=warning',
      '--external:/oms-progress/*', '--define:process.env.NODE_ENV="production"', `--outfile=${path.join(pagesDir, `${name}.js`)}`,
    ], { cwd: tsDir, stdio: 'pipe' });
    writeFileSync(path.join(pagesDir, `${name}.html`), scriptHost(block.place, `${name}.js`));
  }
}

/** What a script snippet's page must show besides live widgets. */
async function checkScriptPage(block, page, seen) {
  const code = block.code;
  const mounted = () => page.evaluate(() => {
    const widget = document.getElementById('orders-sync').shadowRoot?.querySelector('[data-oms-widget]');
    return widget ? `${widget.dataset.projectId}:${widget.dataset.state}` : null;
  });
  if (/^\s*\w+\.unmount\(\);/m.test(code)) {
    // Mounted, changed, polled and unmounted as written: nothing stays.
    await eventually(mounted, (w) => w === null, { what: `${block.place}: unmounted` });
  } else if (/\bmount\(/.test(code)) {
    await eventually(mounted, (w) => /:live$/.test(w ?? ''), { what: `${block.place}: the mounted widget live` });
  }
  if (/console\.log\(e\.detail\.projectId, e\.detail\.to\)/.test(code)) {
    await eventually(() => seen.logs, (logs) => logs.some((l) => /^np_\w+ [A-Z_]+$/.test(l)), { what: `${block.place}: the status logged` });
  }
  if (/alert\(e\.detail\.to\)/.test(code)) {
    await eventually(() => seen.dialogs, (d) => d.some((m) => /^[A-Z_]+$/.test(m)), { what: `${block.place}: the status alerted` });
  }
  // Each header the snippet sets from the portal's token went with a request.
  for (const [, name] of code.matchAll(/'?([\w-]+)'?: `?[^,}()]*portal\.token\(\)/g)) {
    await eventually(async () => {
      const values = await Promise.all(seen.requests.map((r) => r.headerValue(name.toLowerCase())));
      return values.filter((v) => v?.includes('portal-token')).length;
    }, (n) => n > 0, { timeout: 15_000, what: `${block.place}: ${name} sent` });
  }
}

/** Opens every snippet page on `base` and checks it; fails with every
 *  page that went wrong. */
async function checkPages(base, where) {
  const failures = [];
  for (const block of pageBlocks) {
    const what = `${block.place} ${where}`;
    const { page, seen } = await open(base + block.page);
    try {
      const expectEmptyTarget = /^\s*\w+\.unmount\(\);/m.test(block.code);
      const settled = (shown) => allLive(shown) || (expectEmptyTarget && shown.states.length > 0 && shown.states.every((s) => /:live$/.test(s)) && shown.problems.length === 0);
      await eventually(() => readPage(page), settled, { timeout: 20_000, what });
      if (block.marker !== 'test:html' && block.marker !== 'test:css') await checkScriptPage(block, page, seen);
      if (block.marker === 'test:css') {
        const look = await page.evaluate(() => {
          const root = document.querySelector('oms-sync-progress').shadowRoot.querySelector('[part~=root]');
          return { radius: getComputedStyle(root).borderTopLeftRadius, shadow: getComputedStyle(root).boxShadow };
        });
        const radius = block.code.match(/--oms-radius:\s*([^;]+);/)?.[1];
        if (radius) assert.equal(look.radius, radius, `${what}: --oms-radius reaches the widget`);
        if (/::part\(root\)\s*\{\s*box-shadow/.test(block.code)) assert.notEqual(look.shadow, 'none', `${what}: ::part(root) reaches the widget`);
      }
      assert.deepEqual(seen.errors, [], what);
    } catch (e) {
      failures.push(e.message);
    } finally {
      await page.close();
    }
  }
  assert.deepEqual(failures, [], `snippets ${where}`);
}

// ---------------------------------------------------------------------

test('the npm commands install the package into a portal beside the clone', () => {
  const blocksHere = marked('sh-npm');
  assert.ok(blocksHere.length >= 2, 'the README and embedding.md install from npm');
  for (const block of blocksHere) {
    // A clone named as the docs name it, and a portal beside it.
    const side = mkdtempSync(path.join(scratch, 'npm-'));
    symlinkSync(repo, path.join(side, 'oms-progress'));
    mkdirSync(path.join(side, 'your-portal'));
    writeFileSync(path.join(side, 'your-portal/package.json'), '{ "name": "your-portal", "private": true }\n');
    const lines = commands(block.code);
    const script = lines.map((line) => {
      const build = line.match(/^(scripts\/[\w-]+\.sh)\s*(#.*)?$/);
      if (!build) return line;
      // scripts/test.sh has run the build before this suite: its output is
      // where the comment says, for this crate's version.
      const output = (block.code.match(/→ (dist-pkg\/\S+\.tgz)/) ?? [])[1];
      assert.equal(output, `dist-pkg/oms-progress-${crateVersion}.tgz`, `${block.place}: the tarball's name`);
      assert.match(readFileSync(path.join(repo, 'scripts/test.sh'), 'utf8'), new RegExp(`^bash ${build[1]}$`, 'm'), `${block.place}: scripts/test.sh runs ${build[1]}`);
      return `test -x ${build[1]} && test -f ${output}`;
    }).join('\n');
    // From the clone as a shell enters it (`cd ..` leaves it for its parent).
    const run = spawnSync('bash', ['-euc', `cd '${path.join(side, 'oms-progress')}'\n${script}`], {
      encoding: 'utf8',
      // Nothing from the network: the tarball has no dependencies.
      env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    });
    assert.equal(run.status, 0, `${block.place}:\n${run.stdout}${run.stderr}`);
    const installed = JSON.parse(readFileSync(path.join(side, 'your-portal/node_modules/oms-progress/package.json'), 'utf8'));
    assert.equal(installed.version, crateVersion, `${block.place}: installed`);
    ran.add(block.place);
  }
});

test("HTML, JS, TS and CSS snippets show live widgets through the nginx recipe, the modules put in place by deployment.md's command", { timeout: 180_000 }, async () => {
  writePages();
  const recipe = await startRecipe({ oms: new URL(env.sim.base).host, omsHz: new URL(env.simHz.base).host });
  env.servers.push(recipe);
  // deployment.md's copy command, from a clone with the build's folders,
  // into the recipe's web root (the one placeholder: `/var/www/oms-progress`).
  const [install] = marked('sh-install');
  assert.ok(install, 'deployment.md says how the files go in place');
  const clone = mkdtempSync(path.join(scratch, 'clone-'));
  symlinkSync(embedDir, path.join(clone, 'dist-embed'));
  symlinkSync(wallEmbedDir, path.join(clone, 'dist-embed-wallboard'));
  mkdirSync(path.join(recipe.root, 'oms-progress'));
  for (const command of commands(install.code)) {
    assert.match(command, /\/var\/www\/oms-progress\//, 'the recipe\'s root');
    execFileSync('bash', ['-euc', command.replaceAll('/var/www/oms-progress/', `${recipe.root}/`)], { cwd: clone });
  }
  for (const file of ['oms-progress.js', 'oms-progress_bg.wasm', 'oms-wallboard.js', 'oms-wallboard_bg.wasm', 'oms-wallboard_bg.wasm.br', 'oms-progress_bg.wasm.gz']) {
    assert.ok(existsSync(path.join(recipe.root, 'oms-progress', file)), `${file} in place`);
  }
  ran.add(install.place);
  cpSync(pagesDir, recipe.root, { recursive: true });
  await checkPages(recipe.base, 'through nginx');
  for (const block of pageBlocks) ran.add(block.place);
});

test('the same snippets, each in a page of the folder `scripts/try-embed.sh DIR` serves, as the README says', { timeout: 180_000 }, async () => {
  const readme = marked('sh-try').find((b) => /try-embed\.sh \S/.test(b.code));
  assert.ok(readme, 'a try-embed command with a folder of pages');
  const [command] = commands(readme.code);
  // The folder is the placeholder the comment describes.
  const folder = command.match(/try-embed\.sh (\S+)/)[1];
  const server = await startServer(command.replace(folder, pagesDir), {
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    env: { OMS_TRY_LISTEN: '127.0.0.1:0' },
  });
  await checkPages(server.match[1], 'through scripts/try-embed.sh');
  ran.add(readme.place);
});

test('`scripts/try-embed.sh` serves both modules side by side, and the examples embedding.md lists go live', { timeout: 180_000 }, async () => {
  const plain = marked('sh-try').filter((b) => !/try-embed\.sh \S/.test(b.code));
  assert.equal(plain.length, 1, 'embedding.md gives the command alone');
  const [command] = commands(plain[0].code);
  const server = await startServer(command, { ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/, env: { OMS_TRY_LISTEN: '127.0.0.1:0' } });
  const base = server.match[1];
  for (const file of ['oms-progress.js', 'oms-progress_bg.wasm', 'oms-wallboard.js', 'oms-wallboard_bg.wasm']) {
    const answer = await fetch(`${base}/oms-progress/${file}`);
    assert.equal(answer.status, 200, file);
  }
  ran.add(plain[0].place);
  for (const block of marked('urls-try')) {
    for (const url of block.code.split('\n').filter(Boolean)) {
      await expectLive(url.replace('http://127.0.0.1:8089', base), `${block.place}: ${url}`);
    }
    ran.add(block.place);
  }
});

test("the page URLs open live through `trunk serve` with Trunk.toml's proxies", { timeout: 600_000 }, async () => {
  const port = await freePort();
  const dist = path.join(scratch, 'trunk-dist');
  let config = readFileSync(path.join(repo, 'Trunk.toml'), 'utf8');
  // The file's own proxies and settings; its page from the repository (the
  // copy lives elsewhere), its simulators this test's.
  const rewrites = [
    [/^target = "index.html"$/m, `target = "${path.join(repo, 'index.html')}"`],
    [/http:\/\/127\.0\.0\.1:8089\//g, `${env.sim.base}/`],
    [/http:\/\/127\.0\.0\.1:8090\//g, `${env.simHz.base}/`],
    // The watch's folders, relative to the config, are the repository's.
    [/^ignore = \[(.*)\]$/m, (_, list) => `ignore = [${list.split(', ').map((p) => JSON.stringify(path.join(repo, JSON.parse(p)))).join(', ')}]`],
  ];
  for (const [from, to] of rewrites) {
    assert.match(config, from, `Trunk.toml has ${from}`);
    config = config.replace(from, to);
  }
  const configFile = path.join(scratch, 'Trunk.toml');
  writeFileSync(configFile, config);
  // The demo's command (scripts/demo.sh) with this config, built as
  // scripts/build.sh builds the page, so its warm build is reused.
  const started = Date.now();
  const trunk = await startServer(`source scripts/lib.sh && size_build trunk serve --config '${configFile}' --release --offline --port ${port} --dist '${dist}' --no-autoreload`, {
    ready: /server listening at|📡|Listening on|serving static assets/i,
    timeout: 580_000,
  });
  const base = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${base}/`).catch(() => null))?.status, (s) => s === 200, { timeout: 580_000, what: 'trunk serve answers' });
  console.log(`# trunk serve answered after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.ok(trunk);
  const urls = marked('urls-demo');
  assert.ok(urls.length >= 3, 'the README and usage.md list page URLs');
  for (const block of urls) {
    for (const url of block.code.split('\n').filter(Boolean)) {
      await expectLive(url.replace('http://127.0.0.1:8080', base), `${block.place}: ${url}`);
    }
    ran.add(block.place);
  }
});

/** An answer as text, but `wall_ms` (the machine's clock, which differs). */
const comparable = (text) => text.trim().replace(/"wall_ms":\d+/g, '"wall_ms":…');

test("docs/simulator.md's commands, run in order, answer what it shows", { timeout: 120_000 }, async () => {
  const doc = readFileSync(path.join(repo, 'docs/simulator.md'), 'utf8');
  // The flags the doc says its examples ran with.
  const flags = doc.match(/run against `oms-sim ([^`]+)`/)[1];
  const steps = blocks.filter((b) => b.file === 'docs/simulator.md' && /^test:(sh-sim|output)$/.test(b.marker ?? ''));
  assert.ok(steps.length >= 10);
  let base = null;
  let last = null;
  for (const block of steps) {
    if (block.marker === 'test:output') {
      assert.ok(last !== null, `${block.place}: an answer after a command`);
      assert.equal(comparable(last), comparable(block.code), `${block.place}: the answer shown is not the answer given`);
      ran.add(block.place);
      continue;
    }
    for (const command of commands(block.code)) {
      if (/^cargo run\b/.test(command)) {
        const server = command.replace(/\s*#.*$/, '');
        const sim = await startServer(`${server} -- --listen 127.0.0.1:0 ${flags}`, { ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/, timeout: 60_000 });
        base = sim.match[1];
        continue;
      }
      assert.ok(base, `${block.place}: the simulator is started before it is asked`);
      const answer = execFileSync('bash', ['-euc', command.replaceAll('http://127.0.0.1:8089', base)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
      JSON.parse(answer); // every answer is JSON
      last = answer;
    }
    ran.add(block.place);
  }
});

test("the Leptos manifest and components: tests/leptos-app is built from them, and their widgets go live", async () => {
  const app = readFileSync(path.join(repo, 'tests/leptos-app/Cargo.toml'), 'utf8').split('\n').map((l) => l.trim());
  for (const block of marked('toml-leptos')) {
    for (const line of block.code.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean)) {
      // The placeholder: this repository by path, from the app's folder.
      const filled = line.replace('path = "…"', 'path = "../.."');
      assert.ok(app.includes(filled), `${block.place}: tests/leptos-app/Cargo.toml has \`${filled}\``);
    }
    ran.add(block.place);
  }
  const leptos = blocks.filter((b) => b.marker?.startsWith('snippet:tests/leptos-app/'));
  assert.ok(leptos.length >= 2, 'the README and embedding.md show a Leptos component');
  const sim = await startSim({ staticDir: leptosAppDir, marker: 'index.html' });
  try {
    const { page, seen } = await open(`${sim.base}/`);
    for (const block of leptos) {
      // Each file is mounted in a section named after it (tests/leptos-app/src/main.rs).
      const section = `#${path.basename(block.marker, '.rs').replaceAll('_', '-')}`;
      const projects = [...block.code.matchAll(/WidgetOptions::new\("([^"]+)"\)/g)].map((m) => m[1]);
      if (!projects.length) {
        // A panel of the app's own (the hooks): its first pick shows a status.
        const first = block.code.match(/const PROJECTS: \[&str; \d+\] = \["([^"]+)"/)[1];
        await eventually(
          () => page.evaluate((sel) => {
            const el = document.querySelector(`${sel} [data-field=picked]`);
            return el ? { ...el.dataset } : null;
          }, section),
          (d) => d?.projectId === first && /^[A-Z_]+$/.test(d.status ?? ''),
          { what: `${block.place} in ${section}` },
        );
        ran.add(block.place);
        continue;
      }
      // One live widget for each project the block names, in its order.
      await eventually(
        () => page.evaluate((sel) => [...document.querySelectorAll(`${sel} [data-oms-widget]`)].map((w) => `${w.dataset.projectId}:${w.dataset.state}:${w.lang}`), section),
        (w) => w.length === projects.length && projects.every((p, i) => w[i].startsWith(`${p}:live:`)),
        { what: `${block.place} in ${section}` },
      );
      if (/Lang::ZhCn/.test(block.code)) {
        assert.equal(await page.evaluate((sel) => document.querySelector(`${sel} [data-oms-widget]`).lang, section), 'zh-CN');
      }
      ran.add(block.place);
    }
    assert.deepEqual(seen.errors, []);
    await page.close();
  } finally {
    await sim.stop();
  }
});

test('every marked block ran', () => {
  // The portal's snippets are built and run by portal.test.mjs, which names them.
  const portalTest = readFileSync(path.join(repo, 'tests/e2e/portal.test.mjs'), 'utf8');
  for (const block of blocks.filter((b) => b.marker?.startsWith('snippet:tests/portal/'))) {
    if (portalTest.includes(`'${block.marker.slice('snippet:'.length)}'`)) ran.add(block.place);
  }
  const runnable = blocks.filter((b) => /^(test|snippet):/.test(b.marker ?? ''));
  assert.ok(runnable.length >= 30, `${runnable.length} marked blocks`);
  const notRun = runnable.filter((b) => !ran.has(b.place)).map((b) => `${b.place} (${b.marker})`);
  assert.deepEqual(notRun, [], 'blocks marked as tested that no test ran');
  const unmarked = blocks.filter((b) => b.marker === null).map((b) => b.place);
  assert.deepEqual(unmarked, [], 'blocks without a marker (tests/docs.rs says which)');
});
