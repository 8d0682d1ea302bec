import { describe, expect, it } from 'vitest';
import { checkEpcRules } from '../../../../core/payments/sepa/epc-rules';
import { buildPain008, type Pain008Message } from '../../../../core/payments/sepa/pain008';
import { sampleMessage, transaction } from './sepa-fixtures';

/** One lot of one debit: each rule below changes one thing and expects exactly its problem. */
function baseMessage(): Pain008Message {
  const message = sampleMessage('001.08');
  message.paymentInfos = [{ paymentInfoId: 'LOT-1', sequenceType: 'RCUR', collectionDate: '2026-04-07', transactions: [transaction()] }];
  return message;
}
const BASE = buildPain008(baseMessage());
const LOT = 'Lot « LOT-1 »';
const TX = `${LOT}, opération « FA-2026-0001 »`;
const CHARSET = "contient des caractères hors du jeu latin SEPA (lettres sans accent, chiffres, espace et / - ? : ( ) . , ' +).";

/** Replaces exactly one occurrence, so a test cannot silently change nothing. */
function tamper(from: string | RegExp, to: string, xml = BASE): string {
  const count = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected one occurrence of ${String(from)}, found ${count}`);
  return xml.replace(from, to);
}

describe('checkEpcRules', () => {
  it('accepts the files of the writer', () => {
    expect(checkEpcRules(BASE)).toEqual([]);
    expect(checkEpcRules(buildPain008(sampleMessage('001.02')))).toEqual([]);
  });

  it.each([
    ['a closing tag that does not match', tamper('</MsgId>', '</MsgIdX>'), 'XML mal formé : </MsgIdX> ferme <MsgId>.'],
    ['an element left open', BASE.replace('</Document>', ''), 'XML mal formé : <Document> n’est pas fermé.'],
    ['text after the root', `${BASE}oups`, 'XML mal formé : du texte se trouve hors de l’élément racine.'],
    ['a broken tag', BASE.replace('<NbOfTxs>1</NbOfTxs>', '<NbOfTxs 1</NbOfTxs>'), 'XML mal formé vers le caractère'],
  ])('reports malformed XML: %s', (_case, xml, message) => {
    const problems = checkEpcRules(xml);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('reports a file that is not a pain.008', () => {
    expect(checkEpcRules(tamper('pain.008.001.08"', 'pain.001.001.09"'))).toEqual(['Le fichier n’est pas un prélèvement pain.008.001.02 ou 001.08 (racine <Document>, espace de noms « urn:iso:std:iso:20022:tech:xsd:pain.001.001.09 »).']);
    expect(checkEpcRules(tamper(/<GrpHdr>[\s\S]*<\/GrpHdr>/, ''))).toEqual(['L’en-tête du fichier (CstmrDrctDbtInitn/GrpHdr) manque.']);
  });

  describe('group header', () => {
    it.each([
      ['a message id too long', tamper('<MsgId>PRLV-2026-04-0001</MsgId>', `<MsgId>${'M'.repeat(36)}</MsgId>`), `En-tête du fichier, l’identifiant du fichier (MsgId) : L’identifiant « ${'M'.repeat(36)} » a 36 caractères, au plus 35 sont admis : raccourcissez-le.`],
      ['a message id with a space', tamper('<MsgId>PRLV-2026-04-0001</MsgId>', '<MsgId>PRLV 1</MsgId>'), "En-tête du fichier, l’identifiant du fichier (MsgId) : L’identifiant « PRLV 1 » contient des caractères refusés par les banques (espace) : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +."],
      ['a message id ending with a slash', tamper('<MsgId>PRLV-2026-04-0001</MsgId>', '<MsgId>PRLV/</MsgId>'), 'En-tête du fichier, l’identifiant du fichier (MsgId) : L’identifiant « PRLV/ » ne doit ni commencer ni finir par « / ».'],
      ['a missing creation date', tamper(/<CreDtTm>.*<\/CreDtTm>/, ''), 'En-tête du fichier : la date de création (CreDtTm) manque.'],
      ['an initiating party with an accent', tamper('<Nm>Jardin de Cocagne du Pays de Lorient</Nm>\n      </InitgPty>', '<Nm>Jardin de Quéven</Nm>\n      </InitgPty>'), `En-tête du fichier : le nom de l’émetteur « Jardin de Quéven » ${CHARSET}`],
      ['an initiating party longer than 70', tamper('<Nm>Jardin de Cocagne du Pays de Lorient</Nm>\n      </InitgPty>', `<Nm>${'a'.repeat(71)}</Nm>\n      </InitgPty>`), 'En-tête du fichier : le nom de l’émetteur a 71 caractères, au plus 70 sont admis.'],
      ['a wrong number of transactions', tamper('<NbOfTxs>1</NbOfTxs>\n      <CtrlSum>42.50</CtrlSum>\n      <InitgPty>', '<NbOfTxs>2</NbOfTxs>\n      <CtrlSum>42.50</CtrlSum>\n      <InitgPty>'), 'En-tête du fichier : NbOfTxs annonce 2 opération(s), le fichier en contient 1.'],
      ['a wrong control sum', tamper('<CtrlSum>42.50</CtrlSum>\n      <InitgPty>', '<CtrlSum>42.51</CtrlSum>\n      <InitgPty>'), 'En-tête du fichier : CtrlSum annonce 42.51, la somme des opérations est 42.50.'],
      ['a control sum with one decimal', tamper('<CtrlSum>42.50</CtrlSum>\n      <InitgPty>', '<CtrlSum>42.5</CtrlSum>\n      <InitgPty>'), 'En-tête du fichier : le total de contrôle (CtrlSum) « 42.5 » doit s’écrire avec un point et exactement deux décimales (exemple : 12.50).'],
    ])('%s', (_case, xml, message) => {
      expect(checkEpcRules(xml)).toEqual([message]);
    });

    it('reports a file without lots, and the counts that no longer match', () => {
      expect(checkEpcRules(tamper(/<PmtInf>[\s\S]*<\/PmtInf>/, ''))).toEqual([
        'Le fichier ne contient aucun lot (PmtInf).',
        'En-tête du fichier : NbOfTxs annonce 1 opération(s), le fichier en contient 0.',
        'En-tête du fichier : CtrlSum annonce 42.50, la somme des opérations est 0.00.',
      ]);
    });
  });

  describe('payment information (lot)', () => {
    it.each([
      ['a lot id with //', tamper('<PmtInfId>LOT-1</PmtInfId>', '<PmtInfId>LOT//1</PmtInfId>'), 'Lot « LOT//1 », l’identifiant du lot (PmtInfId) : L’identifiant « LOT//1 » ne doit pas contenir « // ».'],
      ['a method other than DD', tamper('<PmtMtd>DD</PmtMtd>', '<PmtMtd>TRF</PmtMtd>'), `${LOT} : PmtMtd vaut « TRF », la valeur « DD » est attendue.`],
      ['a service level other than SEPA', tamper('<Cd>SEPA</Cd>', '<Cd>NURG</Cd>'), `${LOT} : PmtTpInf/SvcLvl/Cd vaut « NURG », la valeur « SEPA » est attendue.`],
      ['a scheme other than CORE', tamper('<Cd>CORE</Cd>', '<Cd>B2B</Cd>'), `${LOT} : PmtTpInf/LclInstrm/Cd vaut « B2B », la valeur « CORE » est attendue.`],
      ['a missing local instrument', tamper(/<LclInstrm>[\s\S]*<\/LclInstrm>/, ''), `${LOT} : la valeur « CORE » (PmtTpInf/LclInstrm/Cd) manque.`],
      ['a missing sequence type', tamper('<SeqTp>RCUR</SeqTp>', ''), `${LOT} : le type de séquence (FRST, RCUR, OOFF ou FNAL) (PmtTpInf/SeqTp) manque.`],
      ['an unknown sequence type', tamper('<SeqTp>RCUR</SeqTp>', '<SeqTp>RPRE</SeqTp>'), `${LOT} : type de séquence « RPRE » inconnu (FRST, RCUR, OOFF ou FNAL).`],
      ['a collection on Easter Monday', tamper('<ReqdColltnDt>2026-04-07</ReqdColltnDt>', '<ReqdColltnDt>2026-04-06</ReqdColltnDt>'), `${LOT} : la date de prélèvement « 2026-04-06 » n’est pas un jour ouvré TARGET.`],
      ['a collection date that is not a date', tamper('<ReqdColltnDt>2026-04-07</ReqdColltnDt>', '<ReqdColltnDt>2026-02-30</ReqdColltnDt>'), `${LOT} : la date de prélèvement « 2026-02-30 » n’est pas un jour ouvré TARGET.`],
      ['a creditor name with an ampersand', tamper('<Nm>Jardin de Cocagne du Pays de Lorient</Nm>\n      </Cdtr>', '<Nm>Jardin &amp; Cie</Nm>\n      </Cdtr>'), `${LOT} : le nom du créancier « Jardin & Cie » ${CHARSET}`],
      ['a missing creditor IBAN', tamper(/<CdtrAcct>[\s\S]*<\/CdtrAcct>/, ''), `${LOT} : l’IBAN du créancier (CdtrAcct/Id/IBAN) manque.`],
      ['charges other than SLEV', tamper('<ChrgBr>SLEV</ChrgBr>', '<ChrgBr>DEBT</ChrgBr>'), `${LOT} : ChrgBr vaut « DEBT », la valeur « SLEV » est attendue.`],
      ['a creditor id with a wrong key', tamper(/<Id>FR\d\dZZZ123456<\/Id>/, '<Id>FR00ZZZ123456</Id>'), `${LOT} : ICS invalide : la clé de contrôle ne correspond pas. Recopiez-le depuis le courrier de votre banque.`],
      ['a creditor scheme other than SEPA', tamper('<Prtry>SEPA</Prtry>', '<Prtry>OTHER</Prtry>'), `${LOT} : Id/PrvtId/Othr/SchmeNm/Prtry vaut « OTHER », la valeur « SEPA » est attendue.`],
      ['a creditor scheme without its id', tamper(/<Id>FR\d\dZZZ123456<\/Id>/, ''), `${LOT} : l’identifiant créancier SEPA (ICS) (Id/PrvtId/Othr/Id) manque.`],
      ['a missing creditor scheme', tamper(/<CdtrSchmeId>[\s\S]*<\/CdtrSchmeId>/, ''), `${LOT} : l’identifiant créancier SEPA (CdtrSchmeId) manque pour 1 opération(s) ; il est obligatoire, dans le lot ou dans chaque opération.`],
      ['a wrong number of transactions', tamper('<NbOfTxs>1</NbOfTxs>\n      <CtrlSum>42.50</CtrlSum>\n      <PmtTpInf>', '<NbOfTxs>3</NbOfTxs>\n      <CtrlSum>42.50</CtrlSum>\n      <PmtTpInf>'), `${LOT} : NbOfTxs annonce 3 opération(s), le fichier en contient 1.`],
      ['a missing control sum', tamper('<CtrlSum>42.50</CtrlSum>\n      <PmtTpInf>', '<PmtTpInf>'), `${LOT} : le total de contrôle (CtrlSum) (CtrlSum) manque.`],
      ['a wrong control sum', tamper('<CtrlSum>42.50</CtrlSum>\n      <PmtTpInf>', '<CtrlSum>4250.00</CtrlSum>\n      <PmtTpInf>'), `${LOT} : CtrlSum annonce 4250.00, la somme des opérations est 42.50.`],
    ])('%s', (_case, xml, message) => {
      expect(checkEpcRules(xml)).toEqual([message]);
    });

    it('accepts the creditor scheme in each transaction instead of the lot', () => {
      const scheme = /<CdtrSchmeId>[\s\S]*<\/CdtrSchmeId>/.exec(BASE)![0];
      const moved = tamper('</MndtRltdInf>', `</MndtRltdInf>${scheme}`, tamper(scheme, ''));
      expect(checkEpcRules(moved)).toEqual([]);
    });

    it('reports two lots with the same id', () => {
      const message = baseMessage();
      message.paymentInfos.push({ ...message.paymentInfos[0]!, paymentInfoId: 'LOT-2', transactions: [transaction({ endToEndId: 'FA-2' })] });
      const xml = buildPain008(message).replace('<PmtInfId>LOT-2</PmtInfId>', '<PmtInfId>LOT-1</PmtInfId>');
      expect(checkEpcRules(xml)).toEqual([`${LOT} : cet identifiant de lot apparaît deux fois.`]);
    });
  });

  describe('transaction', () => {
    it.each([
      ['an end-to-end id too long', tamper('<EndToEndId>FA-2026-0001</EndToEndId>', `<EndToEndId>${'E'.repeat(36)}</EndToEndId>`), `${LOT}, opération « ${'E'.repeat(36)} », la référence de bout en bout (EndToEndId) : L’identifiant « ${'E'.repeat(36)} » a 36 caractères, au plus 35 sont admis : raccourcissez-le.`],
      ['an end-to-end id with an accent', tamper('<EndToEndId>FA-2026-0001</EndToEndId>', '<EndToEndId>FA-é</EndToEndId>'), `${LOT}, opération « FA-é », la référence de bout en bout (EndToEndId) : L’identifiant « FA-é » contient des caractères refusés par les banques (« é ») : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +.`],
      ['an amount in another currency', tamper('Ccy="EUR"', 'Ccy="CHF"'), `${TX} : le montant doit être en euros (Ccy="EUR").`],
      ['a mandate id starting with a slash', tamper('<MndtId>RUM-PAN-0001</MndtId>', '<MndtId>/RUM</MndtId>'), `${TX}, la référence unique de mandat (RUM) : L’identifiant « /RUM » ne doit ni commencer ni finir par « / ».`],
      ['a missing mandate', tamper(/<DrctDbtTx>[\s\S]*<\/DrctDbtTx>/, ''), `${TX} : les informations du mandat (DrctDbtTx/MndtRltdInf) manquent.`],
      ['a missing signature date', tamper(/<DtOfSgntr>.*<\/DtOfSgntr>/, ''), `${TX} : la date de signature du mandat (DtOfSgntr) manque.`],
      ['a signature date that is not a date', tamper('<DtOfSgntr>2025-09-01</DtOfSgntr>', '<DtOfSgntr>2025-13-01</DtOfSgntr>'), `${TX} : la date de signature du mandat « 2025-13-01 » n’est pas une date AAAA-MM-JJ.`],
      ['a missing amendment indicator', tamper('<AmdmntInd>false</AmdmntInd>', ''), `${TX} : l’indicateur de modification du mandat (AmdmntInd) manque.`],
      ['an amendment without details', tamper('<AmdmntInd>false</AmdmntInd>', '<AmdmntInd>true</AmdmntInd>'), `${TX} : le mandat est signalé modifié (AmdmntInd) sans le détail de la modification (AmdmntInfDtls).`],
      ['details without the amendment', tamper('<AmdmntInd>false</AmdmntInd>', '<AmdmntInd>false</AmdmntInd><AmdmntInfDtls><OrgnlMndtId>OLD</OrgnlMndtId></AmdmntInfDtls>'), `${TX} : AmdmntInfDtls est présent alors que AmdmntInd vaut false.`],
      ['an original mandate id with an underscore', tamper('<AmdmntInd>false</AmdmntInd>', '<AmdmntInd>true</AmdmntInd><AmdmntInfDtls><OrgnlMndtId>OLD_1</OrgnlMndtId></AmdmntInfDtls>'), `${TX}, l’ancienne RUM : L’identifiant « OLD_1 » contient des caractères refusés par les banques (« _ ») : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +.`],
      ['a missing debtor agent', tamper(/<DbtrAgt>[\s\S]*<\/DbtrAgt>/, ''), `${TX} : la banque du débiteur (DbtrAgt) manque.`],
      ['a debtor name with an emoji', tamper('<Nm>Marie Dupont</Nm>', '<Nm>Marie 🍅</Nm>'), `${TX} : le nom du débiteur « Marie 🍅 » ${CHARSET}`],
      ['a debtor name longer than 70', tamper('<Nm>Marie Dupont</Nm>', `<Nm>${'M'.repeat(71)}</Nm>`), `${TX} : le nom du débiteur a 71 caractères, au plus 70 sont admis.`],
      ['an empty debtor name', tamper('<Nm>Marie Dupont</Nm>', '<Nm> </Nm>'), `${TX} : le nom du débiteur est vide.`],
      ['a missing debtor name', tamper(/<Dbtr>[\s\S]*<\/Dbtr>/, ''), `${TX} : le nom du débiteur (Dbtr/Nm) manque.`],
      ['a missing debtor IBAN', tamper(/<DbtrAcct>[\s\S]*<\/DbtrAcct>/, ''), `${TX} : l’IBAN du débiteur (DbtrAcct/Id/IBAN) manque.`],
      ['a remittance longer than 140', tamper(/<Ustrd>.*<\/Ustrd>/, `<Ustrd>${'r'.repeat(141)}</Ustrd>`), `${TX} : le libellé a 141 caractères, au plus 140 sont admis.`],
      ['a remittance with a euro sign', tamper(/<Ustrd>.*<\/Ustrd>/, '<Ustrd>Facture 42,50 €</Ustrd>'), `${TX} : le libellé « Facture 42,50 € » ${CHARSET}`],
    ])('%s', (_case, xml, message) => {
      expect(checkEpcRules(xml)).toEqual([message]);
    });

    it.each([
      ['three decimals', '42.505', `${TX} : le montant « 42.505 » doit s’écrire avec un point et exactement deux décimales (exemple : 12.50).`],
      ['one decimal', '42.5', `${TX} : le montant « 42.5 » doit s’écrire avec un point et exactement deux décimales (exemple : 12.50).`],
      ['no decimals', '42', `${TX} : le montant « 42 » doit s’écrire avec un point et exactement deux décimales (exemple : 12.50).`],
      ['a decimal comma', '42,50', `${TX} : le montant « 42,50 » doit s’écrire avec un point et exactement deux décimales (exemple : 12.50).`],
      ['zero', '0.00', `${TX} : le montant 0.00 doit être compris entre 0.01 et 999999999.99.`],
      ['above the scheme maximum', '1000000000.00', `${TX} : le montant 1000000000.00 doit être compris entre 0.01 et 999999999.99.`],
    ])('reports an amount with %s (and the sums it breaks)', (_case, amount, message) => {
      const problems = checkEpcRules(tamper('>42.50</InstdAmt>', `>${amount}</InstdAmt>`));
      expect(problems[0]).toBe(message);
    });
  });

  it('reads entities: an escaped apostrophe is allowed, an escaped ampersand is not', () => {
    expect(checkEpcRules(tamper('<Nm>Marie Dupont</Nm>', '<Nm>Marie d&apos;Arc</Nm>'))).toEqual([]);
    expect(checkEpcRules(tamper('<Nm>Marie Dupont</Nm>', '<Nm>Marie &#38; Jean</Nm>'))).toEqual([`${TX} : le nom du débiteur « Marie & Jean » ${CHARSET}`]);
  });
});
