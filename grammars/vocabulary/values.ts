// What a value cell may look like: placeholders that mean "none", units written into cells, signs.

/** Written for "nothing / not applicable" (SPEC D2): read as 0 with `placeholder-zero`. */
export const PLACEHOLDERS: readonly string[] = ['-', '—', '——', '－', '－－', '―', '–', '/', '／', '无', '\\', '*'];

/** Money units a cell may carry (SPEC D3), in yuan. */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** Count units some agencies append to counts (`5件`); dropped without changing the value. */
export const COUNT_UNITS: readonly string[] = ['件', '个', '项', '条', '次'];

/** Signs accepted before a number (本年增/减 is signed: `+1036`, `-8`, `−8`). */
export const PLUS_SIGNS: readonly string[] = ['+', '＋'];
export const MINUS_SIGNS: readonly string[] = ['-', '−', '－', '—'];
