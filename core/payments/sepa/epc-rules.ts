import { isIsoDate, type IsoDate } from '../../dates/dates';
import { creditorIdProblem } from '../../validation/bank';
import { PAIN008_NAMESPACES } from './pain008';
import { SEPA_NAME_MAX, SEPA_REMITTANCE_MAX } from './pain008-input';
import { formatCentsDecimal, isSepaText, MAX_SEPA_AMOUNT_CENTS, sepaIdProblem } from './sepa-text';
import { isTargetDay } from './target-calendar';
import { all, at, attribute, scanXml, type XmlNode } from './xml-scan';

/**
 * The EPC rules that the ISO XSD does not enforce (finance-rules §2.2: "validating against the
 * XSD is necessary but not enough"). It reads the finished file, independently of the writer,
 * so it is the last gate before a file leaves the app. Returns French problems; [] = fine.
 */
const SEQUENCE_TYPES = new Set(['FRST', 'RCUR', 'OOFF', 'FNAL']);
const AMOUNT = /^(\d{1,15})\.(\d{2})$/;

/** Integer cents of an amount with exactly two decimals, or null. */
function amountCents(text: string): number | null {
  const match = AMOUNT.exec(text);
  return match ? Number(match[1]) * 100 + Number(match[2]) : null;
}

class Checker {
  readonly problems: string[] = [];

  add(message: string): void {
    this.problems.push(message);
  }

  /** The text of a required element, or null after reporting it missing. */
  required(node: XmlNode | undefined, path: string, where: string, what: string): string | null {
    const element = at(node, path);
    if (!element) {
      this.add(`${where} : ${what} (${path}) manque.`);
      return null;
    }
    return element.text;
  }

  equals(node: XmlNode | undefined, path: string, expected: string, where: string): void {
    const value = this.required(node, path, where, `la valeur « ${expected} »`);
    if (value !== null && value !== expected) this.add(`${where} : ${path} vaut « ${value} », la valeur « ${expected} » est attendue.`);
  }

  id(node: XmlNode | undefined, path: string, where: string, what: string, kind: 'reference' | 'mandate' = 'reference'): string | null {
    const value = this.required(node, path, where, what);
    const problem = value === null ? null : sepaIdProblem(value, 35, kind);
    if (problem) this.add(`${where}, ${what} : ${problem}`);
    return value;
  }

  text(node: XmlNode | undefined, path: string, maxLength: number, where: string, what: string): void {
    const value = this.required(node, path, where, what);
    if (value !== null) this.textValue(value, maxLength, where, what);
  }

  textValue(value: string, maxLength: number, where: string, what: string): void {
    if (!value.trim()) this.add(`${where} : ${what} est vide.`);
    if (value.length > maxLength) this.add(`${where} : ${what} a ${value.length} caractères, au plus ${maxLength} sont admis.`);
    if (!isSepaText(value)) this.add(`${where} : ${what} « ${value} » contient des caractères hors du jeu latin SEPA (lettres sans accent, chiffres, espace et / - ? : ( ) . , ' +).`);
  }

  /** Cents of a required amount written with exactly two decimals, or null after reporting. */
  amount(node: XmlNode | undefined, path: string, where: string, what: string): number | null {
    const value = this.required(node, path, where, what);
    if (value === null) return null;
    const cents = amountCents(value);
    if (cents === null) this.add(`${where} : ${what} « ${value} » doit s’écrire avec un point et exactement deux décimales (exemple : 12.50).`);
    return cents;
  }

  count(node: XmlNode, actual: number, where: string): void {
    const value = this.required(node, 'NbOfTxs', where, 'le nombre d’opérations');
    if (value !== null && value !== String(actual)) this.add(`${where} : NbOfTxs annonce ${value} opération(s), le fichier en contient ${actual}.`);
  }

  controlSum(node: XmlNode, actualCents: number, where: string): void {
    const cents = this.amount(node, 'CtrlSum', where, 'le total de contrôle (CtrlSum)');
    if (cents !== null && cents !== actualCents) this.add(`${where} : CtrlSum annonce ${at(node, 'CtrlSum')!.text}, la somme des opérations est ${formatCentsDecimal(actualCents)}.`);
  }

  /** CdtrSchmeId: the ISO XSD makes it optional, the EPC requires it (§2.2). */
  creditorScheme(scheme: XmlNode, where: string): void {
    const ics = this.required(scheme, 'Id/PrvtId/Othr/Id', where, 'l’identifiant créancier SEPA (ICS)');
    const problem = ics === null ? null : creditorIdProblem(ics);
    if (problem) this.add(`${where} : ${problem}`);
    this.equals(scheme, 'Id/PrvtId/Othr/SchmeNm/Prtry', 'SEPA', where);
  }

  /** Cents of the transaction (0 when unreadable) and whether it carries its own CdtrSchmeId. */
  transaction(tx: XmlNode, lot: string): { cents: number; hasScheme: boolean } {
    const endToEnd = at(tx, 'PmtId/EndToEndId')?.text;
    const where = `${lot}, opération « ${endToEnd ?? '?'} »`;
    this.id(tx, 'PmtId/EndToEndId', where, 'la référence de bout en bout (EndToEndId)');
    const amount = at(tx, 'InstdAmt');
    const cents = this.amount(tx, 'InstdAmt', where, 'le montant');
    if (amount && attribute(amount, 'Ccy') !== 'EUR') this.add(`${where} : le montant doit être en euros (Ccy="EUR").`);
    if (cents !== null && (cents < 1 || cents > MAX_SEPA_AMOUNT_CENTS)) this.add(`${where} : le montant ${amount!.text} doit être compris entre 0.01 et 999999999.99.`);
    const mandate = at(tx, 'DrctDbtTx/MndtRltdInf');
    if (!mandate) this.add(`${where} : les informations du mandat (DrctDbtTx/MndtRltdInf) manquent.`);
    else {
      this.id(mandate, 'MndtId', where, 'la référence unique de mandat (RUM)', 'mandate');
      const signed = this.required(mandate, 'DtOfSgntr', where, 'la date de signature du mandat');
      if (signed !== null && !isIsoDate(signed)) this.add(`${where} : la date de signature du mandat « ${signed} » n’est pas une date AAAA-MM-JJ.`);
      const amended = this.required(mandate, 'AmdmntInd', where, 'l’indicateur de modification du mandat');
      const details = at(mandate, 'AmdmntInfDtls');
      if (amended === 'true' && (!details || details.children.length === 0)) this.add(`${where} : le mandat est signalé modifié (AmdmntInd) sans le détail de la modification (AmdmntInfDtls).`);
      if (amended === 'false' && details) this.add(`${where} : AmdmntInfDtls est présent alors que AmdmntInd vaut false.`);
      if (details && at(details, 'OrgnlMndtId')) this.id(details, 'OrgnlMndtId', where, 'l’ancienne RUM', 'mandate');
    }
    const scheme = at(tx, 'DrctDbtTx/CdtrSchmeId');
    if (scheme) this.creditorScheme(scheme, where);
    if (!at(tx, 'DbtrAgt/FinInstnId')) this.add(`${where} : la banque du débiteur (DbtrAgt) manque.`);
    this.text(tx, 'Dbtr/Nm', SEPA_NAME_MAX, where, 'le nom du débiteur');
    this.required(tx, 'DbtrAcct/Id/IBAN', where, 'l’IBAN du débiteur');
    for (const line of all(at(tx, 'RmtInf'), 'Ustrd')) this.textValue(line.text, SEPA_REMITTANCE_MAX, where, 'le libellé');
    return { cents: cents ?? 0, hasScheme: scheme !== undefined };
  }

  paymentInfo(info: XmlNode, seen: Set<string>): { count: number; cents: number } {
    const id = at(info, 'PmtInfId')?.text;
    const where = `Lot « ${id ?? '?'} »`;
    this.id(info, 'PmtInfId', where, 'l’identifiant du lot (PmtInfId)');
    if (id !== undefined && seen.has(id)) this.add(`${where} : cet identifiant de lot apparaît deux fois.`);
    if (id !== undefined) seen.add(id);
    this.equals(info, 'PmtMtd', 'DD', where);
    this.equals(info, 'PmtTpInf/SvcLvl/Cd', 'SEPA', where);
    this.equals(info, 'PmtTpInf/LclInstrm/Cd', 'CORE', where);
    const sequence = this.required(info, 'PmtTpInf/SeqTp', where, 'le type de séquence (FRST, RCUR, OOFF ou FNAL)');
    if (sequence !== null && !SEQUENCE_TYPES.has(sequence)) this.add(`${where} : type de séquence « ${sequence} » inconnu (FRST, RCUR, OOFF ou FNAL).`);
    const date = this.required(info, 'ReqdColltnDt', where, 'la date de prélèvement');
    if (date !== null && (!isIsoDate(date) || !isTargetDay(date as IsoDate))) this.add(`${where} : la date de prélèvement « ${date} » n’est pas un jour ouvré TARGET.`);
    this.text(info, 'Cdtr/Nm', SEPA_NAME_MAX, where, 'le nom du créancier');
    this.required(info, 'CdtrAcct/Id/IBAN', where, 'l’IBAN du créancier');
    this.equals(info, 'ChrgBr', 'SLEV', where);
    const scheme = at(info, 'CdtrSchmeId');
    if (scheme) this.creditorScheme(scheme, where);
    const transactions = all(info, 'DrctDbtTxInf');
    let cents = 0;
    let withoutScheme = 0;
    for (const tx of transactions) {
      const result = this.transaction(tx, where);
      cents += result.cents;
      if (!result.hasScheme) withoutScheme++;
    }
    // Reported once per lot: a file missing it would otherwise give one line per debit.
    if (!scheme && withoutScheme > 0) this.add(`${where} : l’identifiant créancier SEPA (CdtrSchmeId) manque pour ${withoutScheme} opération(s) ; il est obligatoire, dans le lot ou dans chaque opération.`);
    this.count(info, transactions.length, where);
    this.controlSum(info, cents, where);
    return { count: transactions.length, cents };
  }
}

export function checkEpcRules(xml: string): string[] {
  const root = scanXml(xml);
  if (typeof root === 'string') return [root];
  const checker = new Checker();
  const namespace = attribute(root, 'xmlns');
  if (root.name !== 'Document' || !Object.values(PAIN008_NAMESPACES).includes(namespace ?? '')) {
    checker.add(`Le fichier n’est pas un prélèvement pain.008.001.02 ou 001.08 (racine <${root.name}>, espace de noms « ${namespace ?? 'absent'} »).`);
  }
  const initiation = at(root, 'CstmrDrctDbtInitn');
  const header = at(initiation, 'GrpHdr');
  if (!initiation || !header) return [...checker.problems, 'L’en-tête du fichier (CstmrDrctDbtInitn/GrpHdr) manque.'];
  const where = 'En-tête du fichier';
  checker.id(header, 'MsgId', where, 'l’identifiant du fichier (MsgId)');
  checker.required(header, 'CreDtTm', where, 'la date de création');
  checker.text(header, 'InitgPty/Nm', SEPA_NAME_MAX, where, 'le nom de l’émetteur');
  const infos = all(initiation, 'PmtInf');
  if (infos.length === 0) checker.add('Le fichier ne contient aucun lot (PmtInf).');
  const seen = new Set<string>();
  let count = 0;
  let cents = 0;
  for (const info of infos) {
    const lot = checker.paymentInfo(info, seen);
    count += lot.count;
    cents += lot.cents;
  }
  checker.count(header, count, where);
  checker.controlSum(header, cents, where);
  return checker.problems;
}
