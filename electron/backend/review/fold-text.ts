/** Letters that do not come apart into a base letter and an accent. */
const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', ı: 'i' };

/**
 * A name as search compares it: lower case, accents dropped ("Œdicnème" finds "oedicneme",
 * "zorro" finds "Zorro"), so a person can type it the way their keyboard lets them.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæøłđßı]/g, (c) => ligatures[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a folded name: hyphens, apostrophes and brackets separate words too. */
export function wordsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Chinese (and Japanese) names have no spaces between words: they are searched by any part. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
