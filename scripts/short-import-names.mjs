// Gives the wasm's imports short names, in the wasm and in the JS glue
// that provides them, in place: node short-import-names.mjs MODULE.js
// MODULE_bg.wasm (or import shortenImportNames). wasm-bindgen names each
// import after its binding plus a 16-digit hash
// (`__wbg_fetch_21015a0a4570ab44`); both files carry every name, and the
// hashes do not compress. Renaming changes no index, only the import
// section's strings and the glue's keys (a short name may also be a
// variable of the glue: keys and variables never meet). Imports from a
// snippet's own module keep their names. Fails when an import's name is
// not in the glue.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readString, readU32, u32, wasmString, withSection } from './wasm-sections.mjs';

const fail = (why) => {
  throw new Error(`short-import-names: ${why}`);
};

/** `a`, `b`, … `Z`, `aa`, `ab`, …: the n-th short name. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let text = '';
  do {
    text = letters[n % letters.length] + text;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return text;
}

/** Renames the imports of the wasm at `wasmPath` and their keys in the JS at `jsPath`. */
export function shortenImportNames(jsPath, wasmPath) {
  const renames = new Map();
  const wasm = withSection(readFileSync(wasmPath), 2, (bytes, cursor) => {
    const entries = [];
    const count = readU32(bytes, cursor);
    for (let left = count; left > 0; left -= 1) {
      const module = readString(bytes, cursor);
      const field = readString(bytes, cursor);
      // The rest of the entry (its kind and type) is copied as it is.
      const from = cursor.at;
      const kind = bytes[cursor.at++];
      if (kind !== 0) fail(`import ${module}.${field} is not a function (kind ${kind})`);
      readU32(bytes, cursor);
      // A snippet's function that needs no glue is imported from the
      // snippet's module under its own name: it keeps it.
      if (module.includes('/snippets/')) {
        entries.push(Buffer.concat([wasmString(module), wasmString(field), bytes.subarray(from, cursor.at)]));
        continue;
      }
      if (!renames.has(field)) renames.set(field, shortName(renames.size));
      entries.push(Buffer.concat([wasmString(module), wasmString(renames.get(field)), bytes.subarray(from, cursor.at)]));
    }
    return Buffer.concat([u32(count), ...entries]);
  });
  if (renames.size === 0) fail('no imports in the wasm');
  const js = readFileSync(jsPath, 'utf8');
  const words = new Set(js.match(/[\w$]+/g));
  for (const long of renames.keys()) {
    if (!words.has(long)) fail(`import ${long} is not in the glue`);
  }
  writeFileSync(jsPath, js.replace(/[\w$]+/g, (word) => renames.get(word) ?? word));
  writeFileSync(wasmPath, wasm);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [jsPath, wasmPath] = process.argv.slice(2);
  shortenImportNames(jsPath, wasmPath);
}
