/** Lower case without diacritics: « Quéven » and « queven » match, as people type them. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Search terms of a query: folded words; phone digits stay joined (« 06 12 » → « 0612 »). */
export function searchTerms(query: string): string[] {
  const folded = foldText(query);
  const digitsOnly = folded.replace(/[\s.]/g, '');
  if (/^\+?\d{2,}$/.test(digitsOnly)) return [digitsOnly];
  return folded.split(' ').filter(Boolean);
}
