// The deployment recipe for real, shared by the tests that serve through it
// (deploy.test.mjs, snippets.test.mjs): Debian's nginx runs deploy/nginx.conf,
// only its "# site:" lines rewritten for this machine, in front of oms-sim.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embedDir, wallEmbedDir, repo, eventually } from './harness.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';

/** A free loopback port. */
export const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/** deploy/nginx.conf and its snippet with the "# site:" lines pointed at this test. */
function siteConfig(work, { port, oms, omsHz }) {
  const snippet = path.join(work, 'oms-progress-proxy.conf');
  writeFileSync(snippet, readFileSync(path.join(repo, 'deploy/oms-progress-proxy.conf'), 'utf8'));
  const rewrites = [
    [/proxy_cache_path \S+/, `proxy_cache_path ${path.join(work, 'cache')}`, 'cache folder'],
    [/server \S+;/, `server ${oms};`, 'OMS address'],
    [/server \S+;/, `server ${omsHz};`, 'second OMS address'],
    // The simulators' accounts are the recipe's own (oms:oms-sim, oms-hz:oms-hz-sim).
    [/Basic \S+"/, (m) => m, 'OMS account'],
    [/Basic \S+"/, (m) => m, 'second OMS account'],
    [/listen \S+;/, `listen 127.0.0.1:${port};`, 'port'],
    [/root \S+;/, `root ${path.join(work, 'root')};`, 'files'],
    [/include \S+;/, `include ${snippet};`, 'snippet path'],
  ];
  const used = new Set();
  const site = readFileSync(path.join(repo, 'deploy/nginx.conf'), 'utf8').split('\n').map((line) => {
    const marker = line.match(/# site: (.*)$/);
    if (!marker) return line;
    // The longest name that fits: "second OMS address" is not "OMS address".
    const rule = rewrites.filter(([, , name]) => marker[1].startsWith(name)).sort((a, b) => b[2].length - a[2].length)[0];
    if (!rule) throw new Error(`unexpected site line: ${line}`);
    used.add(rule[2]);
    return line.replace(rule[0], rule[1]);
  });
  assert.equal(used.size, rewrites.length, 'every site line was found');
  return site.join('\n');
}

/** The module files as the recipe lists them: both modules, their wasm and
 *  their precompressed copies (scripts/precompress.sh), side by side in
 *  `root`/oms-progress/. */
export function copyModules(root) {
  mkdirSync(path.join(root, 'oms-progress'), { recursive: true });
  for (const [dir, files] of [[embedDir, ['oms-progress.js', 'oms-progress_bg.wasm']], [wallEmbedDir, ['oms-wallboard.js', 'oms-wallboard_bg.wasm']]]) {
    for (const file of files) {
      for (const copy of [file, `${file}.gz`, `${file}.br`]) cpSync(path.join(dir, copy), path.join(root, 'oms-progress', copy));
    }
  }
}

/** Starts nginx with the recipe in front of `oms` and `omsHz` (host:port of
 *  two simulators) on a free port; resolves once it answers. Its web root
 *  (`root`) starts empty: fill it before or after. */
export async function startRecipe({ oms, omsHz }) {
  const work = mkdtempSync(path.join(tmpdir(), 'oms-nginx-'));
  chmodSync(work, 0o755); // nginx's workers drop to an unprivileged user when started as root
  const root = path.join(work, 'root');
  mkdirSync(root);
  const port = await freePort();
  writeFileSync(path.join(work, 'site.conf'), siteConfig(work, { port, oms, omsHz }));
  // Debian's own nginx.conf loads the installed modules (modules-enabled/);
  // this one names the brotli module the recipe needs.
  writeFileSync(path.join(work, 'nginx.conf'), `
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format oms '$request_uri auth="$http_authorization" cache=$upstream_cache_status';
  access_log ${work}/access.log oms;
  client_body_temp_path ${work}/tmp-body;
  proxy_temp_path ${work}/tmp-proxy;
  fastcgi_temp_path ${work}/tmp-fastcgi;
  uwsgi_temp_path ${work}/tmp-uwsgi;
  scgi_temp_path ${work}/tmp-scgi;
  include ${work}/site.conf;
}
`);
  const args = ['-p', work, '-c', path.join(work, 'nginx.conf')];
  execFileSync(NGINX, [...args, '-t'], { stdio: 'pipe' });
  const nginx = spawn(NGINX, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  // Any answer will do: the root may hold no index page yet.
  await eventually(async () => (await fetch(base + '/').catch(() => null))?.status, (s) => s !== undefined, { what: 'nginx up' });
  return {
    base,
    port,
    root,
    /** nginx's access log, a line a request. */
    accessLog() {
      const file = path.join(work, 'access.log');
      return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
    },
    async stop() {
      if (nginx.exitCode === null) {
        nginx.kill('SIGQUIT');
        await new Promise((r) => nginx.once('exit', r));
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
