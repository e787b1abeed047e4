// Some embedded CJK fonts map their glyphs to the Kangxi and CJK radicals (U+2F00–U+2FDF,
// U+2E80–U+2EFF) instead of the ideographs they draw: Chromium's PDFs give `省⼈⼤` for 省人大. NFKC
// maps each such radical to its ideograph, one code unit for one, so folding keeps every offset.

export function foldRadicals(text: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80 || c > 0x2fdf) continue;
    const folded = text[i]!.normalize('NFKC');
    if (folded.length !== 1) continue;
    out ??= text.split('');
    out[i] = folded;
  }
  return out ? out.join('') : text;
}
