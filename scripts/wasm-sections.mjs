// A wasm module's sections for the build's scripts (drop-stream-exports.mjs,
// short-import-names.mjs): LEB128 numbers, and the module with one
// section rewritten, every other section copied as it is.

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

/**
 * `wasm` with the body of its section `id` replaced by what `rewrite`
 * returns; `rewrite` reads the old body from the module at `cursor.at`
 * (a known section id occurs once). No index moves.
 */
export function withSection(wasm, id, rewrite) {
  const cursor = { at: 8 };
  const sections = [wasm.subarray(0, 8)];
  while (cursor.at < wasm.length) {
    const sectionId = wasm[cursor.at++];
    const size = readU32(wasm, cursor);
    const end = cursor.at + size;
    const body = sectionId === id ? rewrite(wasm, cursor) : wasm.subarray(cursor.at, end);
    sections.push(Buffer.concat([Buffer.from([sectionId]), u32(body.length), body]));
    cursor.at = end;
  }
  return Buffer.concat(sections);
}
