import { ValidationError } from '../../api/errors';
import { isIsoDate, type IsoDate } from '../../dates/dates';
import { bicProblem, creditorIdProblem, ibanProblem, normalizeBic, normalizeCreditorId, normalizeIban } from '../../validation/bank';
import { formatCentsDecimal, formatSepaAmount, sepaIdProblem, toSepaText } from './sepa-text';
import { isTargetDay } from './target-calendar';
import type { Pain008Message, Pain008Transaction, SequenceType } from './pain008';

/** Name lengths of the EPC implementation guidelines (Max70Text in the scheme, 140 in the XSD). */
export const SEPA_NAME_MAX = 70;
export const SEPA_REMITTANCE_MAX = 140;

const SEQUENCE_TYPES: readonly SequenceType[] = ['FRST', 'RCUR', 'OOFF', 'FNAL'];
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/** A message whose every value is checked and written as it goes into the file. */
export interface CheckedMessage {
  messageId: string;
  createdAt: string;
  initiatingPartyName: string;
  creditor: { name: string; iban: string; bic: string | null; creditorId: string };
  count: number;
  total: string;
  paymentInfos: CheckedPaymentInfo[];
}
export interface CheckedPaymentInfo {
  paymentInfoId: string;
  sequenceType: SequenceType;
  collectionDate: string;
  count: number;
  total: string;
  transactions: CheckedTransaction[];
}
export interface CheckedTransaction {
  endToEndId: string;
  amount: string;
  mandateId: string;
  mandateSignedOn: string;
  amendment: null | { originalMandateId: string | null; originalDebtorIban: string | null; debtorChangedBank: boolean };
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  remittance: string;
}

/** Collects every problem of a message before refusing it, so the office fixes them in one go. */
class Problems {
  readonly fields: Record<string, string> = {};
  readonly messages: string[] = [];
  add(field: string, message: string): void {
    if (!(field in this.fields)) this.fields[field] = message;
    this.messages.push(message);
  }
  throwIfAny(): void {
    if (this.messages.length === 0) return;
    if (this.messages.length === 1) throw new ValidationError(this.messages[0]!, this.fields);
    const shown = this.messages.slice(0, 5).join(' ');
    const more = this.messages.length > 5 ? ` (et ${this.messages.length - 5} autre(s))` : '';
    throw new ValidationError(`${this.messages.length} problèmes empêchent de créer le fichier de prélèvement : ${shown}${more}`, this.fields);
  }
}

function checkId(problems: Problems, field: string, label: string, id: string, kind: 'reference' | 'mandate' = 'reference'): string {
  const problem = sepaIdProblem(id, 35, kind);
  if (problem) problems.add(field, `${label} : ${problem}`);
  return id;
}

function checkName(problems: Problems, field: string, label: string, name: string): string {
  const text = toSepaText(name, SEPA_NAME_MAX);
  if (!text) problems.add(field, `${label} : le nom « ${name} » est vide une fois écrit avec les caractères admis par les banques ; saisissez un nom en lettres latines.`);
  return text;
}

function checkIban(problems: Problems, field: string, label: string, iban: string): string {
  const problem = ibanProblem(iban);
  if (problem) problems.add(field, `${label} : ${problem}`);
  return normalizeIban(iban);
}

function checkBic(problems: Problems, field: string, label: string, bic: string | null): string | null {
  if (bic === null || bic.trim() === '') return null;
  const problem = bicProblem(bic);
  if (problem) problems.add(field, `${label} : ${problem}`);
  return normalizeBic(bic);
}

function checkTransaction(problems: Problems, path: string, tx: Pain008Transaction, collectionDate: string, seenEndToEnd: Set<string>): CheckedTransaction & { cents: number } {
  const label = `Opération « ${tx.endToEndId} » (${tx.debtorName})`;
  checkId(problems, `${path}.endToEndId`, `${label}, référence de bout en bout`, tx.endToEndId);
  if (seenEndToEnd.has(tx.endToEndId)) problems.add(`${path}.endToEndId`, `${label} : la référence « ${tx.endToEndId} » apparaît deux fois dans le fichier ; chaque prélèvement a sa propre référence.`);
  seenEndToEnd.add(tx.endToEndId);
  let amount = '';
  try {
    amount = formatSepaAmount(tx.amountCents);
  } catch (error) {
    problems.add(`${path}.amountCents`, `${label} : ${(error as Error).message}`);
  }
  checkId(problems, `${path}.mandateId`, `${label}, référence unique de mandat (RUM)`, tx.mandateId, 'mandate');
  if (!isIsoDate(tx.mandateSignedOn)) problems.add(`${path}.mandateSignedOn`, `${label} : la date de signature du mandat « ${tx.mandateSignedOn} » n’est pas une date AAAA-MM-JJ.`);
  else if (tx.mandateSignedOn > collectionDate) problems.add(`${path}.mandateSignedOn`, `${label} : le mandat est signé le ${tx.mandateSignedOn}, après la date de prélèvement ${collectionDate} ; corrigez la date de signature ou la date du prélèvement.`);
  let amendment: CheckedTransaction['amendment'] = null;
  if (tx.amendment) {
    const { originalMandateId, originalDebtorIban, debtorChangedBank } = tx.amendment;
    if (!originalMandateId && !originalDebtorIban && !debtorChangedBank) {
      problems.add(`${path}.amendment`, `${label} : le mandat est signalé comme modifié sans dire ce qui a changé (ancienne RUM, ancien IBAN ou changement de banque).`);
    }
    if (originalMandateId) {
      checkId(problems, `${path}.amendment.originalMandateId`, `${label}, ancienne RUM`, originalMandateId, 'mandate');
      if (originalMandateId === tx.mandateId) problems.add(`${path}.amendment.originalMandateId`, `${label} : l’ancienne RUM est identique à la nouvelle ; ne signalez la modification que si la RUM a changé.`);
    }
    // EPC: OrgnlDbtrAcct describes a new account in the same bank; a move to another bank is
    // told by SMNDA alone, so the old IBAN is not sent then.
    const oldIban = originalDebtorIban && !debtorChangedBank ? checkIban(problems, `${path}.amendment.originalDebtorIban`, `${label}, ancien IBAN`, originalDebtorIban) : null;
    amendment = { originalMandateId: originalMandateId || null, originalDebtorIban: oldIban, debtorChangedBank: Boolean(debtorChangedBank) };
  }
  return {
    endToEndId: tx.endToEndId,
    cents: tx.amountCents,
    amount,
    mandateId: tx.mandateId,
    mandateSignedOn: tx.mandateSignedOn,
    amendment,
    debtorName: checkName(problems, `${path}.debtorName`, label, tx.debtorName),
    debtorIban: checkIban(problems, `${path}.debtorIban`, `${label}, IBAN`, tx.debtorIban),
    debtorBic: checkBic(problems, `${path}.debtorBic`, `${label}, BIC`, tx.debtorBic),
    remittance: toSepaText(tx.remittance, SEPA_REMITTANCE_MAX),
  };
}

/**
 * Checks a message against the EPC rules the writer is responsible for (finance-rules §2.2–2.5)
 * and returns it normalised: texts transliterated, IBAN/BIC/ICS upper case without spaces,
 * amounts and sums written from integer cents. Throws one ValidationError listing every problem.
 */
export function checkPain008Message(message: Pain008Message): CheckedMessage {
  const problems = new Problems();
  checkId(problems, 'messageId', 'Identifiant du fichier (MsgId)', message.messageId);
  const dateTime = LOCAL_DATE_TIME.exec(message.createdAt);
  if (!dateTime || !isIsoDate(dateTime[1]!)) problems.add('createdAt', `Date de création du fichier « ${message.createdAt} » invalide (attendu AAAA-MM-JJTHH:MM:SS).`);
  const creditorId = normalizeCreditorId(message.creditor.creditorId);
  const icsProblem = creditorIdProblem(creditorId);
  if (icsProblem) problems.add('creditor.creditorId', `Créancier : ${icsProblem}`);
  const creditor = {
    name: checkName(problems, 'creditor.name', 'Créancier', message.creditor.name),
    iban: checkIban(problems, 'creditor.iban', 'Créancier, IBAN', message.creditor.iban),
    bic: checkBic(problems, 'creditor.bic', 'Créancier, BIC', message.creditor.bic),
    creditorId,
  };
  const initiatingPartyName = checkName(problems, 'initiatingPartyName', 'Émetteur du fichier', message.initiatingPartyName);
  if (message.paymentInfos.length === 0) problems.add('paymentInfos', 'Le fichier ne contient aucun lot de prélèvements.');
  const seenPaymentInfo = new Set<string>();
  const seenEndToEnd = new Set<string>();
  let count = 0;
  let totalCents = 0;
  const paymentInfos = message.paymentInfos.map((info, i): CheckedPaymentInfo => {
    const path = `paymentInfos.${i}`;
    const label = `Lot « ${info.paymentInfoId} »`;
    checkId(problems, `${path}.paymentInfoId`, `${label}, identifiant (PmtInfId)`, info.paymentInfoId);
    if (seenPaymentInfo.has(info.paymentInfoId)) problems.add(`${path}.paymentInfoId`, `${label} : cet identifiant de lot apparaît deux fois dans le fichier.`);
    seenPaymentInfo.add(info.paymentInfoId);
    if (!SEQUENCE_TYPES.includes(info.sequenceType)) problems.add(`${path}.sequenceType`, `${label} : type de séquence « ${info.sequenceType} » inconnu (FRST, RCUR, OOFF ou FNAL).`);
    if (!isIsoDate(info.collectionDate)) problems.add(`${path}.collectionDate`, `${label} : la date de prélèvement « ${info.collectionDate} » n’est pas une date AAAA-MM-JJ.`);
    else if (!isTargetDay(info.collectionDate as IsoDate)) problems.add(`${path}.collectionDate`, `${label} : le ${info.collectionDate} n’est pas un jour ouvré TARGET (week-end, 1er janvier, Vendredi saint, lundi de Pâques, 1er mai, 25 ou 26 décembre) ; choisissez le jour ouvré suivant.`);
    if (info.transactions.length === 0) problems.add(`${path}.transactions`, `${label} : le lot ne contient aucun prélèvement.`);
    let lotCents = 0;
    const transactions = info.transactions.map((tx, j) => {
      const { cents, ...checked } = checkTransaction(problems, `${path}.transactions.${j}`, tx, info.collectionDate, seenEndToEnd);
      if (Number.isSafeInteger(cents) && cents > 0) lotCents += cents;
      return checked;
    });
    count += transactions.length;
    totalCents += lotCents;
    return { paymentInfoId: info.paymentInfoId, sequenceType: info.sequenceType, collectionDate: info.collectionDate, count: transactions.length, total: formatCentsDecimal(lotCents), transactions };
  });
  problems.throwIfAny();
  return { messageId: message.messageId, createdAt: message.createdAt, initiatingPartyName, creditor, count, total: formatCentsDecimal(totalCents), paymentInfos };
}
