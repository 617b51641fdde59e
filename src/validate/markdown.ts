// Untrusted text (file names, PR titles, manifest values) in the Markdown the report writes: the job summary, the
// `report` output, the PR comment and the check run. It must stay text: no HTML, no Markdown emphasis, links,
// tables or code spans it did not come with, no @mentions (a comment would ping people) and no live references
// (`#12`, `GH-12`, `owner/repo#12` link the issue and leave a cross-reference on it), on one line.
import { safeLine } from '../runner/sanitize.js';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  // A zero-width space after @: GitHub links mentions in the rendered text, entities decoded (as Renovate does).
  '@': '@&#8203;',
  // The same after #: `#12` and `owner/repo#12` stay text, not references to issues.
  '#': '&#35;&#8203;',
  '!': '&#33;',
};

/** Inline Markdown/HTML text for an untrusted string (one line; every character with a meaning there escaped). */
export function md(text: string): string {
  return safeLine(text)
    .replace(/[&<>"|`[\]\\*_~@#!]/g, (c) => entities[c]!)
    .replace(/:\/\//g, '&#58;//')
    .replace(/\bGH-(?=\d)/gi, (gh) => `${gh}&#8203;`)
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#46;`);
}

/** Untrusted text as inline code (an HTML element: entities inside it still decode, unlike in a code span). */
export function code(text: string): string {
  return `<code>${md(text)}</code>`;
}

/** At most `max` characters of untrusted text, marked when cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
