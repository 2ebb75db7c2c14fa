// Removes wasm-streams' three JS classes (IntoUnderlyingSource, …Sink,
// …ByteSource) from wasm-bindgen's output, in place: node
// drop-stream-exports.mjs MODULE.js MODULE_bg.wasm (or import
// dropStreamExports); run wasm-opt afterwards. Leptos turns on its server
// functions' browser client, which brings wasm-streams; the widget never
// streams, but a `#[wasm_bindgen]` class is an export, so neither the linker
// nor wasm-opt may drop its code. Without the exports wasm-opt removes it
// (measured on the embed bundle: −1.5 KB gzipped on the wasm, −0.3 KB on
// the JS). The classes' futures also leave their drop and call functions in
// the function table (vtables point at its slots), which keeps them alive:
// those slots are pointed at one function that traps, so wasm-opt removes
// the code (11.8 KB before gzip). Fails when wasm-bindgen's output no longer
// has the shape this expects, or when anything else still uses a class.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { importedFunctions, readString, readU32, sections, u32, withSection } from './wasm-sections.mjs';

const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

const fail = (why) => {
  throw new Error(`drop-stream-exports: ${why}`);
};

/** Drops the classes from the JS at `jsPath` and their exports from the wasm at `wasmPath`. */
export function dropStreamExports(jsPath, wasmPath) {
  const js = withoutClasses(readFileSync(jsPath, 'utf8'));
  const wasm = withoutStreamSlots(withoutExports(readFileSync(wasmPath)));
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

/** Function index → name, from the name section's function names. */
function functionNames(wasm, { start, end }) {
  const names = new Map();
  const cursor = { at: start };
  readString(wasm, cursor); // "name"
  while (cursor.at < end) {
    const sub = wasm[cursor.at++];
    const size = readU32(wasm, cursor);
    const subEnd = cursor.at + size;
    if (sub === 1) {
      for (let count = readU32(wasm, cursor); count > 0; count -= 1) {
        const index = readU32(wasm, cursor);
        names.set(index, readString(wasm, cursor));
      }
    }
    cursor.at = subEnd;
  }
  return names;
}

/**
 * The wasm with a function that traps appended, and every slot of the
 * function table that holds a wasm-streams function pointed at it.
 */
function withoutStreamSlots(wasm) {
  const found = sections(wasm);
  const names = found.get('custom:name');
  if (!names || !found.has(2) || !found.has(3) || !found.has(9) || !found.has(10)) {
    fail('no name, import, function, element or code section');
  }
  const named = functionNames(wasm, names);
  const defined = readU32(wasm, { at: found.get(3).start });
  const trap = importedFunctions(wasm, found.get(2)) + defined;
  let pointed = 0;
  let result = withSection(wasm, 9, (bytes, cursor) => {
    const segments = readU32(bytes, cursor);
    const flags = readU32(bytes, cursor);
    // One active segment at an `i32.const` offset: what rust-lld writes.
    if (segments !== 1 || flags !== 0 || bytes[cursor.at] !== 0x41) fail('an element section of another shape');
    const offsetStart = cursor.at;
    cursor.at += 1;
    readU32(bytes, cursor);
    if (bytes[cursor.at++] !== 0x0b) fail('an element offset of another shape');
    const offset = bytes.subarray(offsetStart, cursor.at);
    const slots = [];
    for (let count = readU32(bytes, cursor); count > 0; count -= 1) {
      const index = readU32(bytes, cursor);
      const stream = /wasm_streams/.test(named.get(index) || '');
      if (stream) pointed += 1;
      slots.push(u32(stream ? trap : index));
    }
    return Buffer.concat([u32(1), u32(0), offset, u32(slots.length), ...slots]);
  });
  if (pointed === 0) fail('no wasm-streams function in the function table');
  // The trap: type 0 (any type will do: `unreachable` never returns), no locals.
  const functions = sections(result).get(3);
  result = withSection(result, 3, (bytes, cursor) => {
    readU32(bytes, cursor);
    return Buffer.concat([u32(defined + 1), bytes.subarray(cursor.at, functions.end), u32(0)]);
  });
  const code = sections(result).get(10);
  return withSection(result, 10, (bytes, cursor) => {
    const bodies = readU32(bytes, cursor);
    if (bodies !== defined) fail('the code and function sections disagree');
    return Buffer.concat([u32(bodies + 1), bytes.subarray(cursor.at, code.end), Buffer.from([3, 0, 0x00, 0x0b])]);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [jsPath, wasmPath] = process.argv.slice(2);
  dropStreamExports(jsPath, wasmPath);
}
