// Removes wasm-streams' three JS classes (IntoUnderlyingSource, …Sink,
// …ByteSource) from wasm-bindgen's output, in place: node
// drop-stream-exports.mjs MODULE.js MODULE_bg.wasm (or import
// dropStreamExports); run wasm-opt afterwards. Leptos turns on its server
// functions' browser client, which brings wasm-streams; the widget never
// streams, but a `#[wasm_bindgen]` class is an export, so neither the linker
// nor wasm-opt may drop its code. Without the exports wasm-opt removes it
// (measured on the embed bundle: −1.5 KB gzipped on the wasm, −0.3 KB on
// the JS). Fails when wasm-bindgen's output no longer has the shape this
// expects, or when anything else still uses a class.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readString, readU32, u32, withSection } from './wasm-sections.mjs';

const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

const fail = (why) => {
  throw new Error(`drop-stream-exports: ${why}`);
};

/** Drops the classes from the JS at `jsPath` and their exports from the wasm at `wasmPath`. */
export function dropStreamExports(jsPath, wasmPath) {
  const js = withoutClasses(readFileSync(jsPath, 'utf8'));
  const wasm = withoutExports(readFileSync(wasmPath));
  writeFileSync(jsPath, js);
  writeFileSync(wasmPath, wasm);
}

function withoutClasses(js) {
  for (const name of CLASSES) {
    const start = js.indexOf(`export class ${name} {\n`);
    const end = start < 0 ? -1 : js.indexOf('\n}\n', start);
    if (end < 0) fail(`no class ${name}`);
    js = js.slice(0, start) + js.slice(end + 3);
    const dispose = `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`;
    if (!js.includes(dispose)) fail(`no dispose line for ${name}`);
    js = js.replace(dispose, '');
    const registry = new RegExp(
      `const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n`
        + '    \\? \\{ register: \\(\\) => \\{\\}, unregister: \\(\\) => \\{\\} \\}\\n'
        + `    : new FinalizationRegistry\\(ptr => wasm\\.__wbg_${name.toLowerCase()}_free\\(ptr(?: >>> 0)?, 1\\)\\);\\n`,
    );
    if (!registry.test(js)) fail(`no finalization registry for ${name}`);
    js = js.replace(registry, '');
  }
  const left = js.match(/.*intounderlying.*/i);
  if (left) fail(`still used: ${left[0].trim()}`);
  return js;
}

/**
 * The wasm with its export section (id 7) rewritten without the classes'
 * exports; every other section is copied as it is (no index moves).
 */
function withoutExports(wasm) {
  let dropped = 0;
  const result = withSection(wasm, 7, (bytes, cursor) => {
    const kept = [];
    for (let count = readU32(bytes, cursor); count > 0; count -= 1) {
      const from = cursor.at;
      const name = readString(bytes, cursor);
      cursor.at += 1; // the kind
      readU32(bytes, cursor); // the index
      if (/^(__wbg_)?intounderlying/.test(name)) dropped += 1;
      else kept.push(bytes.subarray(from, cursor.at));
    }
    return Buffer.concat([u32(kept.length), ...kept]);
  });
  if (dropped === 0) fail('no wasm-streams export in the wasm');
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [jsPath, wasmPath] = process.argv.slice(2);
  dropStreamExports(jsPath, wasmPath);
}
