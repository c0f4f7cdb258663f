/**
 * Edit distance, for suggestions ("did you mean …?") among short names.
 *
 * @module
 */

/**
 * The Levenshtein distance of two short strings, by code points (a Chinese character counts one).
 *
 * Complexity: O(|a|·|b|).
 *
 * @param a - One string.
 * @param b - The other.
 * @returns The fewest insertions, deletions and substitutions that turn one into the other.
 * @example
 * editDistance('出生年月', '出生日期') //=> 2
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * How far a name may be from what was written and still be suggested: half its length, at least 1
 * and at most 2 edits (出生年月 → 出生日期 is 2; a two-character name allows 1).
 *
 * @param text - What was written.
 * @returns The largest edit distance worth suggesting.
 * @example
 * suggestionLimit('出生年月') //=> 2
 */
export function suggestionLimit(text: string): number {
  return Math.min(2, Math.max(1, Math.floor([...text].length / 2)));
}
