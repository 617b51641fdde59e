// Untrusted text (PR titles, file names, manifest fields) must never become a workflow command or a terminal
// escape. The runner treats a line as a command when it starts with `::` after leading whitespace (and the
// legacy `##[` anywhere), so we keep untrusted text on one line and break both markers.

// Control characters, line and paragraph separators, and Unicode's bidirectional controls (they make text display
// reordered: a name in a log would read as another).
const controlChars =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g; // eslint-disable-line no-control-regex

/** One line of log text that cannot start a workflow command or carry terminal escapes. */
export function safeLine(text: string): string {
  const oneLine = text
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ')
    .replace(controlChars, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    // `##[` anywhere and `::` anywhere (a later `%0A` or `\n` cannot bring it to a line start, but be strict).
    .replace(/#(?=#\[)/g, '#\u200b')
    .replace(/:(?=:)/g, ':\u200b');
  return oneLine;
}

/** Text for an HTML/Markdown job summary cell. */
export function summaryText(text: string): string {
  return safeLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/\[/g, '&#91;');
}
