// Orders a shipped wasm's functions for gzip, in place: node
// order-functions.mjs MODULE_bg.wasm (or import orderFunctions). Run after
// the last wasm-opt of a build without names (it replaces them).
//
// Functions of about the same size (classes 20 % apart), then with the
// same bytes, side by side: Rust compiles a generic function again for each
// type and closure (drop glue, an effect's or a memo's code, shims), and
// the copies differ in little but their constants and callees, so gzip
// finds each copy in its 32 KB window when they are neighbours. Measured
// on 2026-12-03 (gzip -9): the embed's wasm 141,685 -> 139,752 B, the
// page's bundle 156,837 -> 154,931, the wallboard module's 187,350 ->
// 184,800. Other orders measured on the embed's wasm: by size alone
// -1.7 KB, by bytes alone -1.3 KB, by name -0.4 KB, chains of the most
// alike functions (MinHash) -0.2 KB, wasm-opt's --reorder-functions (by
// call count) +2.5 KB.
//
// How: a fresh name section names each function by its rank in that
// order, then binaryen's `--reorder-functions-by-name` moves the functions
// (rewriting every index that points at them) and `--strip-debug` drops
// the names. Nothing here rewrites an index.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { eachSection, importedFunctions, readString, readU32, sections, u32, wasmString } from './wasm-sections.mjs';

const fail = (why) => {
  throw new Error(`order-functions: ${why}`);
};

/** The body of each function the module defines, in index order. */
function functionBodies(wasm, codeSection) {
  const cursor = { at: codeSection.start };
  const bodies = [];
  for (let n = readU32(wasm, cursor); n > 0; n -= 1) {
    const size = readU32(wasm, cursor);
    bodies.push(wasm.subarray(cursor.at, cursor.at + size));
    cursor.at += size;
  }
  return bodies;
}

/** The size class of a body: classes grow by 20 %. */
const sizeClass = (body) => Math.floor(Math.log(body.length) / Math.log(1.2));

/** `wasm` with its name section (added if absent) naming function `index` `f<rank>`. */
function withRankNames(wasm, ranked) {
  const entries = ranked.map((index, rank) => Buffer.concat([u32(index), wasmString(`f${String(rank).padStart(7, '0')}`)]));
  const functionNames = Buffer.concat([u32(ranked.length), ...entries]);
  const nameSection = Buffer.concat([wasmString('name'), Buffer.from([1]), u32(functionNames.length), functionNames]);
  const parts = [wasm.subarray(0, 8)];
  for (const { id, start, end } of eachSection(wasm)) {
    // The old names go: the ranks take their place.
    if (id === 0 && readString(wasm, { at: start }) === 'name') continue;
    parts.push(Buffer.concat([Buffer.from([id]), u32(end - start), wasm.subarray(start, end)]));
  }
  parts.push(Buffer.concat([Buffer.from([0]), u32(nameSection.length), nameSection]));
  return Buffer.concat(parts);
}

/**
 * Reorders the functions of the wasm at `wasmPath` (see the top of this
 * file); its features are the `--enable-…` flags of WASM_OPT_ARGS
 * (scripts/lib.sh sets it for every build).
 */
export function orderFunctions(wasmPath) {
  const args = process.env.WASM_OPT_ARGS?.split(' ') ?? fail('WASM_OPT_ARGS is not set (scripts/lib.sh sets it)');
  const featureFlags = args.filter((arg) => arg.startsWith('--enable-'));
  const wasm = readFileSync(wasmPath);
  const found = sections(wasm);
  const code = found.get(10) ?? fail('no code section');
  const first = importedFunctions(wasm, found.get(2));
  const bodies = functionBodies(wasm, code);
  const ranked = bodies
    .map((body, i) => ({ body, index: first + i }))
    .sort((a, b) => sizeClass(a.body) - sizeClass(b.body) || Buffer.compare(a.body, b.body) || a.index - b.index)
    .map(({ index }) => index);
  writeFileSync(`${wasmPath}.ranked`, withRankNames(wasm, ranked));
  execFileSync('wasm-opt', [...featureFlags, '--reorder-functions-by-name', '--strip-debug', '-o', `${wasmPath}.tmp`, `${wasmPath}.ranked`], { stdio: 'inherit' });
  renameSync(`${wasmPath}.tmp`, wasmPath);
  unlinkSync(`${wasmPath}.ranked`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  orderFunctions(process.argv[2] ?? fail('usage: order-functions.mjs MODULE_bg.wasm'));
}
