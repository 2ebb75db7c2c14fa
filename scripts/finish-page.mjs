// Finishes the standalone page as Trunk leaves it in DIR, in place: node
// finish-page.mjs DIR. Trunk's wasm still carries wasm-streams' unused
// classes (drop-stream-exports.mjs) and its imports' long hashed names
// (short-import-names.mjs), and its JS glue is not minified (its minifier
// gives up on wasm-bindgen's output), so: drop the classes, shorten the
// names, wasm-opt the wasm again, order its functions for gzip
// (order-functions.mjs), minify the JS with esbuild (export names
// kept: the page's inline script imports them; the glue's snippets
// too), then give index.html the
// files' new integrity hashes. Measured on the page bundle: −3.5 KB gzipped
// for the classes and the minified glue, −4.2 KB for the names.
// wasm-opt and esbuild come from PATH, wasm-opt's arguments from
// WASM_OPT_ARGS (scripts/lib.sh sets both, for the embed build too).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dropStreamExports } from './drop-stream-exports.mjs';
import { orderFunctions } from './order-functions.mjs';
import { shortenImportNames } from './short-import-names.mjs';

const dir = process.argv[2];
const only = (pattern) => {
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`finish-page: expected one ${pattern} in ${dir}, found ${found.length}`);
  return found[0];
};
const js = only(/^oms-progress-[0-9a-f]+\.js$/);
const wasm = only(/^oms-progress-[0-9a-f]+_bg\.wasm$/);
const jsPath = path.join(dir, js);
const wasmPath = path.join(dir, wasm);

dropStreamExports(jsPath, wasmPath);
shortenImportNames(jsPath, wasmPath);
const run = (tool, args) => execFileSync(tool, args, { stdio: 'inherit' });
const wasmOptArgs = process.env.WASM_OPT_ARGS?.split(' ');
if (!wasmOptArgs) throw new Error('finish-page: WASM_OPT_ARGS is not set (run it from scripts/build.sh)');
run('wasm-opt', [...wasmOptArgs, '-o', `${wasmPath}.tmp`, wasmPath]);
renameSync(`${wasmPath}.tmp`, wasmPath);
orderFunctions(wasmPath);
// The glue and the modules it imports (`snippets/`: the crate's inline
// JS, which the page loads beside it).
const snippets = readdirSync(dir, { recursive: true })
  .filter((name) => name.startsWith('snippets') && name.endsWith('.js'));
for (const name of [js, ...snippets]) {
  const file = path.join(dir, name);
  run('esbuild', [file, '--minify', '--format=esm', '--target=es2022', '--log-level=warning', `--outfile=${file}.tmp`]);
  renameSync(`${file}.tmp`, file);
}

const htmlPath = path.join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
for (const name of [js, wasm, ...snippets]) {
  const hash = `sha384-${createHash('sha384').update(readFileSync(path.join(dir, name))).digest('base64')}`;
  const tag = new RegExp(`(<link[^>]*href="/${name}"[^>]*integrity=")sha384-[^"]+(")`);
  if (!tag.test(html)) throw new Error(`finish-page: no integrity for ${name} in index.html`);
  html = html.replace(tag, `$1${hash}$2`);
}
writeFileSync(htmlPath, html);
