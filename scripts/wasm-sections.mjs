// A wasm module's sections for the build's scripts (drop-stream-exports.mjs,
// short-import-names.mjs, order-functions.mjs): LEB128 numbers, where each section is, and the
// module with one section rewritten, every other section copied as it is.

/** The unsigned LEB128 number at `cursor.at` in `bytes`; moves the cursor past it. */
export function readU32(bytes, cursor) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[cursor.at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return value >>> 0;
}

/** `value` as unsigned LEB128. */
export function u32(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

/** A UTF-8 string as the wasm binary writes it: its length, then its bytes. */
export function wasmString(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
}

/** The string at `cursor.at`; moves the cursor past it. */
export function readString(bytes, cursor) {
  const length = readU32(bytes, cursor);
  const text = bytes.subarray(cursor.at, cursor.at + length).toString('utf8');
  cursor.at += length;
  return text;
}

/** Each section of `wasm` in order: its id and where its body starts and ends. */
export function* eachSection(wasm) {
  const cursor = { at: 8 };
  while (cursor.at < wasm.length) {
    const id = wasm[cursor.at++];
    const size = readU32(wasm, cursor);
    yield { id, start: cursor.at, end: cursor.at + size };
    cursor.at += size;
  }
}

/**
 * The sections of `wasm` by id (a custom section by `custom:` and its
 * name): where each body starts and ends.
 */
export function sections(wasm) {
  const found = new Map();
  for (const section of eachSection(wasm)) {
    const key = section.id === 0 ? `custom:${readString(wasm, { at: section.start })}` : section.id;
    found.set(key, section);
  }
  return found;
}

/**
 * `wasm` with the body of its section `id` replaced by what `rewrite`
 * returns; `rewrite` reads the old body from the module at `cursor.at`
 * (a known section id occurs once). No index moves.
 */
export function withSection(wasm, id, rewrite) {
  const parts = [wasm.subarray(0, 8)];
  for (const section of eachSection(wasm)) {
    const body = section.id === id ? rewrite(wasm, { at: section.start }) : wasm.subarray(section.start, section.end);
    parts.push(Buffer.concat([Buffer.from([section.id]), u32(body.length), body]));
  }
  return Buffer.concat(parts);
}

/**
 * How many functions `wasm` imports (they come first in the index space),
 * from its import section `section` as `sections` finds it (none: 0).
 */
export function importedFunctions(wasm, section) {
  if (!section) return 0;
  const cursor = { at: section.start };
  let functions = 0;
  for (let count = readU32(wasm, cursor); count > 0; count -= 1) {
    readString(wasm, cursor);
    readString(wasm, cursor);
    const kind = wasm[cursor.at++];
    if (kind === 0) {
      functions += 1;
      readU32(wasm, cursor);
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) cursor.at += 1; // the table's element type
      const flags = wasm[cursor.at++];
      readU32(wasm, cursor);
      if (flags & 1) readU32(wasm, cursor);
    } else if (kind === 3) {
      cursor.at += 2; // value type, mutability
    } else {
      throw new Error(`wasm-sections: import of unknown kind ${kind}`);
    }
  }
  return functions;
}
