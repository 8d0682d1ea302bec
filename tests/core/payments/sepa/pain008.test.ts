import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../core/api/errors';
import { checkEpcRules } from '../../../../core/payments/sepa/epc-rules';
import { buildPain008, escapeXml, type Pain008Message, type PainVersion } from '../../../../core/payments/sepa/pain008';
import { CREDITOR_IBAN, iban, ICS, sampleMessage, transaction } from './sepa-fixtures';
import { xsdErrors } from './xsd-validator';

const VERSIONS: PainVersion[] = ['001.02', '001.08'];

/** The text of every element with this name, in document order. */
const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

function buildError(message: Pain008Message): ValidationError {
  try {
    buildPain008(message);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('buildPain008 accepted the message');
}

describe.each(VERSIONS)('pain.008.%s', (version) => {
  const xml = buildPain008(sampleMessage(version));

  it('validates against the ISO 20022 XSD and the EPC rules', () => {
    expect(xsdErrors(version, xml)).toEqual([]);
    expect(checkEpcRules(xml)).toEqual([]);
  });

  it('declares the namespace of its version and names the BIC element accordingly', () => {
    expect(xml).toContain(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.${version}">`);
    const bicTag = version === '001.08' ? 'BICFI' : 'BIC';
    const otherTag = version === '001.08' ? 'BIC' : 'BICFI';
    expect(texts(xml, bicTag)).toEqual(['AGRIFRPP860', 'AGRIFRPP860', 'AGRIFRPP860', 'AGRIFRPP860', 'AGRIFRPP860', 'AGRIFRPP860', 'AGRIFRPP860']);
    expect(texts(xml, otherTag)).toEqual([]);
  });

  it('counts and sums in integer cents, per lot and for the file', () => {
    expect(texts(xml, 'NbOfTxs')).toEqual(['5', '2', '1', '1', '1']);
    expect(texts(xml, 'CtrlSum')).toEqual(['1000001297.06', '1277.06', '0.01', '999999999.99', '20.00']);
    expect(texts(xml, 'InstdAmt')).toEqual(['42.50', '1234.56', '0.01', '999999999.99', '20.00']);
    expect(xml.match(/<InstdAmt Ccy="EUR">/g)).toHaveLength(5);
  });

  it('writes one lot per date and sequence type with the scheme fields', () => {
    expect(texts(xml, 'PmtInfId')).toEqual(['PRLV-2026-04-0001-RCUR-0407', 'PRLV-2026-04-0001-FRST-0407', 'PRLV-2026-04-0001-RCUR-0504', 'PRLV-2026-04-0001-OOFF-0504']);
    expect(texts(xml, 'SeqTp')).toEqual(['RCUR', 'FRST', 'RCUR', 'OOFF']);
    expect(texts(xml, 'ReqdColltnDt')).toEqual(['2026-04-07', '2026-04-07', '2026-05-04', '2026-05-04']);
    expect(texts(xml, 'PmtMtd')).toEqual(['DD', 'DD', 'DD', 'DD']);
    expect(texts(xml, 'ChrgBr')).toEqual(['SLEV', 'SLEV', 'SLEV', 'SLEV']);
    expect(texts(xml, 'Prtry')).toEqual(['SEPA', 'SEPA', 'SEPA', 'SEPA']);
    expect(texts(xml, 'Cd')).toEqual(['SEPA', 'CORE', 'SEPA', 'CORE', 'SEPA', 'CORE', 'SEPA', 'CORE']);
    expect(xml).not.toContain('PstlAdr');
  });

  it('transliterates names and remittance texts to the SEPA Latin set', () => {
    expect(texts(xml, 'Nm')).toEqual([
      'Jardin de Cocagne du Pays de Lorient',
      'Jardin de Cocagne du Pays de Lorient',
      'Helene Le Boeuf-Guegan',
      'L&apos;Epicerie d&apos;Anais et Fils',
      'Jardin de Cocagne du Pays de Lorient',
      'Soren AEbelo',
      'Jardin de Cocagne du Pays de Lorient',
      'Strasse et Co',
      'Jardin de Cocagne du Pays de Lorient',
      'Les Amis du jardin',
    ]);
    expect(texts(xml, 'Ustrd')).toEqual([
      'Paniers mars 2026 - facture no FA-2026-0001 (42,50 EUR)',
      'Facture FA-2026-0002 merci',
      'Paniers mars 2026 - facture FA-2026-0001',
      'Paniers mars 2026 - facture FA-2026-0001',
      'Paniers mars 2026 - facture FA-2026-0001',
    ]);
  });

  it('writes IBAN and BIC upper case without spaces, and NOTPROVIDED without a BIC', () => {
    expect(texts(xml, 'IBAN')).toContain(iban(2));
    expect(texts(xml, 'IBAN')[0]).toBe(CREDITOR_IBAN);
    expect(texts(xml, 'Id').filter((id) => id === 'NOTPROVIDED')).toHaveLength(2);
    expect(texts(xml, 'Id')).toContain(ICS);
  });

  it('writes the three kinds of mandate amendment', () => {
    expect(texts(xml, 'AmdmntInd')).toEqual(['false', 'true', 'true', 'true', 'false']);
    expect(texts(xml, 'OrgnlMndtId')).toEqual(['RUM-PAN-0002']);
    expect(xml).toMatch(/<OrgnlDbtrAgt>\s*<FinInstnId>\s*<Othr>\s*<Id>SMNDA<\/Id>/);
    expect(xml).toMatch(new RegExp(`<OrgnlDbtrAcct>\\s*<Id>\\s*<IBAN>${iban(40)}</IBAN>`));
  });

  it('is deterministic: the same message gives the same bytes', () => {
    expect(buildPain008(sampleMessage(version))).toBe(xml);
  });

  describe('a tampered file is caught', () => {
    it('by the XSD when a required element is missing (debtor account)', () => {
      const tampered = xml.replace(/<DbtrAcct>[\s\S]*?<\/DbtrAcct>/, '');
      expect(xsdErrors(version, tampered).join('\n')).toMatch(/Element '\{[^}]+\}(RmtInf|UltmtDbtr)': This element is not expected\. Expected is .*DbtrAcct/);
    });

    it('by the XSD when an amount is not a number', () => {
      expect(xsdErrors(version, xml.replace('>42.50<', '>42,50<')).join('\n')).toContain('InstdAmt');
    });

    it('by the EPC rules only, when an amount has three decimals (the XSD allows five)', () => {
      const tampered = xml.replace('>42.50<', '>42.505<');
      expect(xsdErrors(version, tampered)).toEqual([]);
      expect(checkEpcRules(tampered)).toContain('Lot « PRLV-2026-04-0001-RCUR-0407 », opération « FA-2026-0001 » : le montant « 42.505 » doit s’écrire avec un point et exactement deux décimales (exemple : 12.50).');
    });

    it('by the EPC rules only, when the sequence type or the creditor id is left out', () => {
      const tampered = xml.replace('<SeqTp>FRST</SeqTp>', '').replace(/<CdtrSchmeId>[\s\S]*?<\/CdtrSchmeId>/, '');
      expect(xsdErrors(version, tampered)).toEqual([]);
      expect(checkEpcRules(tampered)).toEqual([
        'Lot « PRLV-2026-04-0001-RCUR-0407 » : l’identifiant créancier SEPA (CdtrSchmeId) manque pour 2 opération(s) ; il est obligatoire, dans le lot ou dans chaque opération.',
        'Lot « PRLV-2026-04-0001-FRST-0407 » : le type de séquence (FRST, RCUR, OOFF ou FNAL) (PmtTpInf/SeqTp) manque.',
      ]);
    });
  });
});

describe('buildPain008 refuses what breaks an EPC rule', () => {
  const withTransaction = (overrides: Parameters<typeof transaction>[0]): Pain008Message => {
    const message = sampleMessage('001.08');
    message.paymentInfos[0]!.transactions[0] = transaction(overrides);
    return message;
  };

  it.each([
    ['an amount of 0', { amountCents: 0 }, 'paymentInfos.0.transactions.0.amountCents', 'Opération « FA-2026-0001 » (Marie Dupont) : Montant de prélèvement invalide (0 centimes) : il doit être d’au moins 0,01 €.'],
    ['a fractional amount', { amountCents: 12.5 }, 'paymentInfos.0.transactions.0.amountCents', 'Opération « FA-2026-0001 » (Marie Dupont) : Montant invalide : 12.5 n’est pas un nombre entier de centimes.'],
    ['an end-to-end id with a space', { endToEndId: 'FA 2026' }, 'paymentInfos.0.transactions.0.endToEndId', "Opération « FA 2026 » (Marie Dupont), référence de bout en bout : L’identifiant « FA 2026 » contient des caractères refusés par les banques (espace) : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +."],
    ['a mandate id with //', { mandateId: 'RUM//1' }, 'paymentInfos.0.transactions.0.mandateId', 'Opération « FA-2026-0001 » (Marie Dupont), référence unique de mandat (RUM) : L’identifiant « RUM//1 » ne doit pas contenir « // ».'],
    ['a wrong debtor IBAN', { debtorIban: 'FR7630006000011234567890188' }, 'paymentInfos.0.transactions.0.debtorIban', 'Opération « FA-2026-0001 » (Marie Dupont), IBAN : IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.'],
    ['a wrong BIC', { debtorBic: 'AGRI' }, 'paymentInfos.0.transactions.0.debtorBic', 'Opération « FA-2026-0001 » (Marie Dupont), BIC : BIC invalide : 8 ou 11 caractères (exemple : AGRIFRPP882).'],
    ['a name made only of emoji', { debtorName: '🍅🥕' }, 'paymentInfos.0.transactions.0.debtorName', 'Opération « FA-2026-0001 » (🍅🥕) : le nom « 🍅🥕 » est vide une fois écrit avec les caractères admis par les banques ; saisissez un nom en lettres latines.'],
    ['a mandate signed after the collection', { mandateSignedOn: '2026-04-08' }, 'paymentInfos.0.transactions.0.mandateSignedOn', 'Opération « FA-2026-0001 » (Marie Dupont) : le mandat est signé le 2026-04-08, après la date de prélèvement 2026-04-07 ; corrigez la date de signature ou la date du prélèvement.'],
    ['an amendment that says nothing', { amendment: {} }, 'paymentInfos.0.transactions.0.amendment', 'Opération « FA-2026-0001 » (Marie Dupont) : le mandat est signalé comme modifié sans dire ce qui a changé (ancienne RUM, ancien IBAN ou changement de banque).'],
    ['an amendment with the same mandate id', { amendment: { originalMandateId: 'RUM-PAN-0001' } }, 'paymentInfos.0.transactions.0.amendment.originalMandateId', 'Opération « FA-2026-0001 » (Marie Dupont) : l’ancienne RUM est identique à la nouvelle ; ne signalez la modification que si la RUM a changé.'],
  ])('%s', (_case, overrides, field, message) => {
    const error = buildError(withTransaction(overrides));
    expect(error.message).toBe(message);
    expect(error.fields).toEqual({ [field]: message });
  });

  it('refuses a collection date that is not a TARGET day, and an unknown sequence type', () => {
    const message = sampleMessage('001.08');
    message.paymentInfos[0]!.collectionDate = '2026-04-06';
    message.paymentInfos[1]!.sequenceType = 'XXXX' as never;
    const error = buildError(message);
    expect(error.fields).toEqual({
      'paymentInfos.0.collectionDate': 'Lot « PRLV-2026-04-0001-RCUR-0407 » : le 2026-04-06 n’est pas un jour ouvré TARGET (week-end, 1er janvier, Vendredi saint, lundi de Pâques, 1er mai, 25 ou 26 décembre) ; choisissez le jour ouvré suivant.',
      'paymentInfos.1.sequenceType': 'Lot « PRLV-2026-04-0001-FRST-0407 » : type de séquence « XXXX » inconnu (FRST, RCUR, OOFF ou FNAL).',
    });
    expect(error.message).toMatch(/^2 problèmes empêchent de créer le fichier de prélèvement : Lot « PRLV-2026-04-0001-RCUR-0407 » : le 2026-04-06/);
  });

  it('refuses duplicate ids, empty lots and a bad creditor, listing every problem at once', () => {
    const message = sampleMessage('001.08');
    message.messageId = '/PRLV';
    message.createdAt = '2026-03-20 10:15';
    message.creditor = { name: 'Jardin', iban: CREDITOR_IBAN, bic: null, creditorId: 'FR00ZZZ123456' };
    message.paymentInfos[1]!.paymentInfoId = message.paymentInfos[0]!.paymentInfoId;
    message.paymentInfos[2]!.transactions[0]!.endToEndId = 'FA-2026-0001';
    message.paymentInfos[3]!.transactions = [];
    const error = buildError(message);
    expect(Object.keys(error.fields).sort()).toEqual([
      'createdAt',
      'creditor.creditorId',
      'messageId',
      'paymentInfos.1.paymentInfoId',
      'paymentInfos.2.transactions.0.endToEndId',
      'paymentInfos.3.transactions',
    ]);
    expect(error.message).toMatch(/^6 problèmes empêchent de créer le fichier de prélèvement : .* \(et 1 autre\(s\)\)$/);
  });

  it('refuses a message without lots and an unknown version', () => {
    expect(buildError({ ...sampleMessage('001.08'), paymentInfos: [] }).message).toBe('Le fichier ne contient aucun lot de prélèvements.');
    expect(buildError({ ...sampleMessage('001.08'), version: '001.09' as never }).fields).toEqual({
      version: 'Version pain.008 « 001.09 » inconnue : choisissez 001.08 (recommandée) ou 001.02 dans les réglages.',
    });
  });

  it('sends no old IBAN when the account moved to another bank (SMNDA alone)', () => {
    const message = withTransaction({ amendment: { originalDebtorIban: iban(9), debtorChangedBank: true } });
    message.paymentInfos = [{ ...message.paymentInfos[0]!, transactions: [message.paymentInfos[0]!.transactions[0]!] }];
    const xml = buildPain008(message);
    expect(xml).not.toContain('OrgnlDbtrAcct');
    expect(xml).toContain('<Id>SMNDA</Id>');
    expect(xsdErrors('001.08', xml)).toEqual([]);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  it('keeps an apostrophe in an id readable by the XSD validator', () => {
    const message = sampleMessage('001.02');
    message.paymentInfos[0]!.transactions[0]!.endToEndId = "FA'2026+1";
    const xml = buildPain008(message);
    expect(xml).toContain('<EndToEndId>FA&apos;2026+1</EndToEndId>');
    expect(xsdErrors('001.02', xml)).toEqual([]);
    expect(checkEpcRules(xml)).toEqual([]);
  });
});
