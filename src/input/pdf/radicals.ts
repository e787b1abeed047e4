// Some embedded CJK fonts map their glyphs to the Kangxi and CJK radicals (U+2F00–U+2FDF,
// U+2E80–U+2EFF) instead of the ideographs they draw: Chromium's PDFs give `省⼈⼤` for 省人大, and
// LibreOffice's `⼈⺠` for 人民. Each radical folds to its equivalent unified ideograph (Unicode's
// EquivalentUnifiedIdeograph, which agrees with NFKC where NFKC maps one), one code unit for one, so
// folding keeps every offset.
import { IDEOGRAPHS, RADICALS } from '../../../grammars/vocabulary/radicals.js';

const IDEOGRAPH_OF = new Uint16Array(0x2fe0 - 0x2e80);
for (let i = 0; i < RADICALS.length; i++) IDEOGRAPH_OF[RADICALS.charCodeAt(i) - 0x2e80] = IDEOGRAPHS.charCodeAt(i);

export function foldRadicals(text: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80 || c > 0x2fdf) continue;
    const ideograph = IDEOGRAPH_OF[c - 0x2e80]!;
    if (!ideograph) continue;
    out ??= text.split('');
    out[i] = String.fromCharCode(ideograph);
  }
  return out ? out.join('') : text;
}
