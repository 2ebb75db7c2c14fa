// The fenced blocks of README.md and docs/*.md with the marker on the line
// before each (tests/docs.rs reads them the same way and requires one on
// every block): `test:KIND`, `snippet:PATH` or `figure: WHY`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repo } from './harness.mjs';

/** Every doc, README.md first, by path from the repository's root. */
export const docFiles = () => [
  'README.md',
  ...readdirSync(path.join(repo, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`),
];

/** The blocks of every doc, in order: `{ file, line, place, lang, code, marker }`. */
export function docBlocks() {
  const blocks = [];
  for (const file of docFiles()) {
    const lines = readFileSync(path.join(repo, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      if (!lines[i].startsWith('```')) continue;
      let end = i + 1;
      while (end < lines.length && lines[end] !== '```') end += 1;
      const marker = (lines[i - 1] ?? '').trim().match(/^<!-- (.*) -->$/)?.[1] ?? null;
      blocks.push({
        file,
        line: i + 1,
        place: `${file}:${i + 1}`,
        lang: lines[i].slice(3).trim(),
        code: lines.slice(i + 1, end).map((l) => `${l}\n`).join(''),
        marker,
      });
      i = end;
    }
  }
  return blocks;
}

/** A shell block's commands: continuation lines joined, comment-only and
 *  empty lines left out. */
export function commands(code) {
  const out = [];
  let current = '';
  for (const line of code.split('\n')) {
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    const command = `${current}${line}`.trim();
    current = '';
    if (command && !command.startsWith('#')) out.push(command);
  }
  return out;
}
