import { describe, expect, it } from 'vitest';
import { MoneyError } from '../../../../core/money/money';
import { formatSepaAmount, isSepaText, sepaIdProblem, toSepaText } from '../../../../core/payments/sepa/sepa-text';

describe('toSepaText', () => {
  it.each([
    ['accents', 'Hélène Ménard-Çelik', 'Helene Menard-Celik'],
    ['upper-case accents', 'ÉCOLE DE LA MER', 'ECOLE DE LA MER'],
    ['ligatures', 'Le Bœuf, Lætitia, Œuvre, Æsir', 'Le Boeuf, Laetitia, OEuvre, AEsir'],
    ['German and Nordic letters', 'Straße Øster Ångström Łódź', 'Strasse Oster Angstrom Lodz'],
    ['typographic apostrophes', 'L’Hôte d‘Anaïs', "L'Hote d'Anais"],
    ['& becomes « et »', 'Dupont & Fils', 'Dupont et Fils'],
    ['& between words without spaces', 'A&B', 'A et B'],
    ['€ becomes EUR', 'Solde 12,50 € (reste 3 €)', 'Solde 12,50 EUR (reste 3 EUR)'],
    ['n° keeps a readable o', 'Facture n° FA-2026-0001', 'Facture no FA-2026-0001'],
    ['dashes', 'mars – avril — mai', 'mars - avril - mai'],
    ['emoji are removed', 'Paniers 🍅🥕 de mars 👍🏽', 'Paniers de mars'],
    ['an emoji family (ZWJ sequence) is removed', 'Famille 👨‍👩‍👧 Martin', 'Famille Martin'],
    ['quotes and guillemets are removed', '« Les Amis » "du" <jardin>', 'Les Amis du jardin'],
    ['symbols outside the set are removed', 'a*b#c$d=e@f%g|h~i^j', 'abcdefghij'],
    ['brackets and semicolons', '[lot 1]; {lot 2}', '(lot 1), (lot 2)'],
    ['underscore and backslash', 'a_b\\c', 'a-b/c'],
    ['full-width letters and the ellipsis', 'ｐａｎｉｅｒ…', 'panier...'],
    ['tabs, newlines and no-break spaces', '  Marie\tDupont\n\u00a0Lorient  ', 'Marie Dupont Lorient'],
    ['other scripts disappear', 'Иван 王 Ivan', 'Ivan'],
    ['the whole allowed set stays as it is', "aZ09/-?:().,'+ fin", "aZ09/-?:().,'+ fin"],
    ['no space left inside brackets or before a comma or a point', 'Paniers ( mars ) , avril .', 'Paniers (mars), avril.'],
    ['only emoji give an empty text', '🍅🥕', ''],
  ])('%s', (_case, input, expected) => {
    const output = toSepaText(input, 140);
    expect(output).toBe(expected);
    expect(isSepaText(output)).toBe(true);
  });

  it('cuts to the maximum length after transliteration, without a trailing space', () => {
    expect(toSepaText('Œuvre & Cie', 8)).toBe('OEuvre e');
    expect(toSepaText('abc def', 4)).toBe('abc');
    expect(toSepaText('x'.repeat(200), 140)).toHaveLength(140);
  });
});

describe('isSepaText', () => {
  it.each([
    ['Marie Dupont', true],
    ["L'Hote (no 3) + 1/2 : ok ? -.,", true],
    ['Hélène', false],
    ['A & B', false],
    ['a_b', false],
    ['tab\there', false],
  ])('%s → %s', (text, expected) => {
    expect(isSepaText(text)).toBe(expected);
  });
});

describe('sepaIdProblem', () => {
  it.each([['FA-2026-0001'], ['RUM/2026/0001'], ["A.B,C'D+E?F:G(H)"], ['x'.repeat(35)]])('accepts %s', (id) => {
    expect(sepaIdProblem(id)).toBeNull();
  });

  it.each([
    ['empty', '', 'L’identifiant est vide : saisissez-en un.'],
    ['too long', 'x'.repeat(36), `L’identifiant « ${'x'.repeat(36)} » a 36 caractères, au plus 35 sont admis : raccourcissez-le.`],
    ['a space', 'FA 2026', "L’identifiant « FA 2026 » contient des caractères refusés par les banques (espace) : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +."],
    ['an accent and an underscore', 'RUM_é_1', "L’identifiant « RUM_é_1 » contient des caractères refusés par les banques (« _ », « é ») : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +."],
    ['an emoji', 'RUM🍅', "L’identifiant « RUM🍅 » contient des caractères refusés par les banques (« 🍅 ») : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +."],
    ['a leading slash', '/FA-1', 'L’identifiant « /FA-1 » ne doit ni commencer ni finir par « / ».'],
    ['a trailing slash', 'FA-1/', 'L’identifiant « FA-1/ » ne doit ni commencer ni finir par « / ».'],
    ['a double slash', 'FA//1', 'L’identifiant « FA//1 » ne doit pas contenir « // ».'],
  ])('refuses %s', (_case, id, message) => {
    expect(sepaIdProblem(id)).toBe(message);
  });

  it('lets a mandate reference (RUM) hold spaces, as the rulebook does, and nothing else more', () => {
    expect(sepaIdProblem('RUM 2026 0001', 35, 'mandate')).toBeNull();
    expect(sepaIdProblem('RUM 2026 0001')).toMatch(/\(espace\)/);
    expect(sepaIdProblem('RUM_2026', 35, 'mandate')).toMatch(/« _ »/);
  });

  it('takes another maximum length', () => {
    expect(sepaIdProblem('ABCDEF', 5)).toBe('L’identifiant « ABCDEF » a 6 caractères, au plus 5 sont admis : raccourcissez-le.');
    expect(sepaIdProblem('ABCDE', 5)).toBeNull();
  });
});

describe('formatSepaAmount', () => {
  it.each([
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [123450, '1234.50'],
    [4205, '42.05'],
    [99_999_999_999, '999999999.99'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatSepaAmount(cents)).toBe(text);
  });

  it.each([
    [0, 'au moins 0,01 €'],
    [-500, 'au moins 0,01 €'],
    [100_000_000_000, 'au plus 999 999 999,99 €'],
    [12.5, 'nombre entier de centimes'],
    [Number.NaN, 'nombre entier de centimes'],
  ])('refuses %s cents', (cents, message) => {
    expect(() => formatSepaAmount(cents)).toThrow(MoneyError);
    expect(() => formatSepaAmount(cents)).toThrow(message);
  });
});
