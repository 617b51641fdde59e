// Times as RFC 3339 timestamps (UTC, whole seconds). RFC 3339 has four-digit years only: a commit date outside
// 0000..9999 (git takes any number, and anyone can write one into a commit) is clamped into that range, never
// written in JavaScript's extended-year form (`+010000-01-01T…`, not RFC 3339) and never a RangeError (past year
// 275,760 `Date` has no value at all).

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds. */
export const rfc3339Range = { min: -62_167_219_200, max: 253_402_300_799 } as const;

/** Unix seconds as `YYYY-MM-DDThh:mm:ssZ`, clamped into RFC 3339's years (an unreadable time is the earliest). */
export function rfc3339(seconds: number): string {
  const clamped = Number.isNaN(seconds)
    ? rfc3339Range.min
    : Math.min(rfc3339Range.max, Math.max(rfc3339Range.min, Math.floor(seconds)));
  const iso = new Date(clamped * 1000).toISOString();
  // toISOString writes years 0000..9999 with four digits and no sign: exactly RFC 3339's form.
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

/** Whether Unix seconds lie outside what RFC 3339 can write (then `rfc3339` clamps them). */
export function outsideRfc3339(seconds: number): boolean {
  return !(seconds >= rfc3339Range.min && seconds <= rfc3339Range.max);
}
