// The documentation stays true and self-contained: every diagnostic code the source can emit is
// documented (and no other), every option of the CLI is, and no Markdown file links outside the
// repository or to a file or heading that is not there.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { USAGE } from '../src/cli/args.js';
import { ERROR_CODES } from '../src/index.js';
import { repositoryModules } from './support/layers.js';

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Codes in diagnostic literals (`code: 'x-y'`, `code: a ? 'x-y' : 'z-w'`) and ReportErrors. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>(ERROR_CODES);
  for (const [, source] of repositoryModules(ROOT)) {
    for (const m of source.matchAll(/\bcode:\s*([^,}\n]+)/g)) for (const q of m[1]!.matchAll(/'([a-z]+(?:-[a-z]+)+)'/g)) codes.add(q[1]!);
    for (const m of source.matchAll(/new ReportError\(\s*'([a-z-]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

describe('docs/diagnostics.md', () => {
  it('has a section for every code the source can emit, and none for a code it cannot', () => {
    const documented = new Set([...read('docs/diagnostics.md').matchAll(/^### `([a-z-]+)`$/gm)].map((m) => m[1]!));
    const emitted = emittedCodes();
    // The scan finds the codes it should: a sample from each layer that emits them.
    for (const code of ['empty-input', 'io-error', 'check-failed', 'ambiguous-split', 'input-truncated', 'row-by-position']) expect(emitted).toContain(code);
    expect([...emitted].filter((c) => !documented.has(c)).sort(), 'emitted but not documented').toEqual([]);
    expect([...documented].filter((c) => !emitted.has(c)).sort(), 'documented but never emitted').toEqual([]);
  });
});

describe('docs/cli.md', () => {
  it('documents every command and option of the usage text', () => {
    const doc = read('docs/cli.md');
    const options = new Set([...USAGE.matchAll(/--[a-z-]+/g)].map((m) => m[0]));
    const commands = new Set([...USAGE.matchAll(/xxgk-report ([a-z]+)/g)].map((m) => m[1]!));
    expect(commands.size).toBeGreaterThanOrEqual(5);
    for (const option of options) expect(doc, option).toContain(option);
    for (const command of commands) expect(doc, command).toMatch(new RegExp(`^## \`${command}\``, 'm'));
  });
});

/** Markdown files of the repository, without the corpus's reports (inputs, kept as published). */
function markdownFiles(): string[] {
  const inputs = new Set<string>();
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') || name === 'node_modules' || name === 'dist' || name === 'test-artifacts') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
      else if (name.endsWith('.gold.json')) inputs.add(join(dir, (JSON.parse(readFileSync(path, 'utf8')) as { file: string }).file));
    }
  };
  walk(ROOT);
  return files.filter((f) => !inputs.has(f));
}

/** Link targets of a Markdown text, code left out: inline links and images, references, HTML href/src. */
function linksOf(markdown: string): string[] {
  const text = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const out: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]!);
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)) out.push(m[1]!);
  return out;
}

/** The anchors GitHub gives a document's headings. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const text = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const slug = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}

/** What is wrong with one link of `file`, or undefined. */
function badLink(file: string, target: string): string | undefined {
  if (/^(https?|mailto):/i.test(target)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return 'a link with a scheme other than http(s)/mailto';
  const [path, anchor] = target.split('#') as [string, string | undefined];
  if (path.startsWith('/')) return 'an absolute path';
  const resolved = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
  if (resolved !== ROOT && !resolved.startsWith(ROOT + sep)) return 'outside the repository';
  if (!existsSync(resolved)) return 'no such file';
  if (anchor && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) return 'no such heading';
  return undefined;
}

describe('links', () => {
  const files = markdownFiles();

  it('finds the documentation and leaves the corpus reports out', () => {
    const names = files.map((f) => relative(ROOT, f).split(sep).join('/'));
    for (const doc of ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'corpus/README.md', 'docs/README.md', 'docs/templates.md']) expect(names).toContain(doc);
    expect(names).not.toContain('corpus/011_shanghai_kewei_2024.md');
  });

  it('no Markdown file links outside the repository, to a missing file, or to a missing heading', () => {
    const bad: string[] = [];
    for (const file of files)
      for (const target of linksOf(readFileSync(file, 'utf8'))) {
        const why = badLink(file, target);
        if (why) bad.push(`${relative(ROOT, file)}: ${target}: ${why}`);
      }
    expect(bad).toEqual([]);
  });

  it('no Markdown file names a path outside the repository in code either', () => {
    const bad: string[] = [];
    for (const file of files)
      for (const m of readFileSync(file, 'utf8').matchAll(/(?<![\w./-])((?:\.\.\/)+[\w.-][\w./-]*)/g)) {
        const resolved = resolve(dirname(file), m[1]!);
        if (!resolved.startsWith(ROOT + sep)) bad.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
    expect(bad).toEqual([]);
  });

  it('the rules catch what they are for', () => {
    const readme = join(ROOT, 'README.md');
    expect(linksOf('see [the spec](../shared/SPEC.md) and `[not](a-link.md)`\n```\n[nor](this.md)\n```')).toEqual(['../shared/SPEC.md']);
    expect(badLink(readme, '../shared/SPEC.md')).toBe('outside the repository');
    expect(badLink(readme, 'docs/nothing.md')).toBe('no such file');
    expect(badLink(readme, 'docs/checks.md#t3-a')).toBeUndefined();
    expect(badLink(readme, 'docs/checks.md#t9-z')).toBe('no such heading');
    expect(badLink(readme, '/etc/passwd')).toBe('an absolute path');
    expect(badLink(readme, 'file:///etc/passwd')).toBe('a link with a scheme other than http(s)/mailto');
    expect(anchorsOf('## Section 三 — 收到和处理: `applications`\n### D9 Mixed templates')).toEqual(new Set(['section-三--收到和处理-applications', 'd9-mixed-templates']));
  });
});
