import { ValidationError } from '../../api/errors';
import { checkPain008Message, type CheckedMessage, type CheckedPaymentInfo, type CheckedTransaction } from './pain008-input';

/**
 * The SEPA Core direct-debit initiation file (ISO 20022 pain.008) as the bank receives it.
 * 001.08 is the EPC version since 2024; 001.02 stays for banks that still want it (§2.1).
 */
export type PainVersion = '001.02' | '001.08';
export type SequenceType = 'FRST' | 'RCUR' | 'OOFF' | 'FNAL';

export interface Pain008Transaction {
  endToEndId: string;
  amountCents: number;
  mandateId: string;
  mandateSignedOn: string /* YYYY-MM-DD */;
  /** Amendment since the last collection (finance-rules §2.6); null when none. */
  amendment: null | { originalMandateId?: string; originalDebtorIban?: string; debtorChangedBank?: boolean };
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  remittance: string;
}

export interface Pain008PaymentInfo {
  paymentInfoId: string;
  sequenceType: SequenceType;
  collectionDate: string;
  transactions: Pain008Transaction[];
}

export interface Pain008Message {
  version: PainVersion;
  messageId: string;
  createdAt: string /* 'YYYY-MM-DDTHH:MM:SS' local, no zone */;
  initiatingPartyName: string;
  creditor: { name: string; iban: string; bic: string | null; creditorId: string /* ICS */ };
  paymentInfos: Pain008PaymentInfo[];
}

export const PAIN008_NAMESPACES: Record<PainVersion, string> = {
  '001.02': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02',
  '001.08': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08',
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const NEEDS_ESCAPE = /[&<>"']/;

export function escapeXml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!) : text;
}

/** Split once per distinct path: a 10,000-debit file writes the same dozen paths each time. */
const PATH_TAGS = new Map<string, readonly string[]>();
function pathTags(path: string): readonly string[] {
  let tags = PATH_TAGS.get(path);
  if (!tags) PATH_TAGS.set(path, (tags = path.split('/')));
  return tags;
}

/** Indented XML built as an array of lines: one element per line, diff-friendly for support. */
class XmlLines {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private indent = '';
  open(tag: string, attributes = ''): this {
    this.lines.push(`${this.indent}<${tag}${attributes}>`);
    this.indent += '  ';
    return this;
  }
  close(tag: string): this {
    this.indent = this.indent.slice(2);
    this.lines.push(`${this.indent}</${tag}>`);
    return this;
  }
  leaf(tag: string, text: string, attributes = ''): this {
    this.lines.push(`${this.indent}<${tag}${attributes}>${escapeXml(text)}</${tag}>`);
    return this;
  }
  /** A chain of single-child elements ending in text: `path('CdtrAcct/Id/IBAN', iban)`. */
  path(path: string, text: string): this {
    const tags = pathTags(path);
    const last = tags.length - 1;
    for (let i = 0; i < last; i++) this.open(tags[i]!);
    this.leaf(tags[last]!, text);
    for (let i = last - 1; i >= 0; i--) this.close(tags[i]!);
    return this;
  }
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** An agent by BIC (element BIC in 001.02, BICFI in 001.08) or NOTPROVIDED when unknown (§3). */
function agent(xml: XmlLines, tag: string, bic: string | null, bicTag: string): void {
  xml.open(tag);
  if (bic) xml.path(`FinInstnId/${bicTag}`, bic);
  else xml.path('FinInstnId/Othr/Id', 'NOTPROVIDED');
  xml.close(tag);
}

function writeTransaction(xml: XmlLines, tx: CheckedTransaction, bicTag: string): void {
  xml.open('DrctDbtTxInf');
  xml.path('PmtId/EndToEndId', tx.endToEndId);
  xml.leaf('InstdAmt', tx.amount, ' Ccy="EUR"');
  xml.open('DrctDbtTx').open('MndtRltdInf');
  xml.leaf('MndtId', tx.mandateId);
  xml.leaf('DtOfSgntr', tx.mandateSignedOn);
  xml.leaf('AmdmntInd', tx.amendment ? 'true' : 'false');
  if (tx.amendment) {
    const { originalMandateId, originalDebtorIban, debtorChangedBank } = tx.amendment;
    xml.open('AmdmntInfDtls');
    if (originalMandateId) xml.leaf('OrgnlMndtId', originalMandateId);
    if (originalDebtorIban) xml.path('OrgnlDbtrAcct/Id/IBAN', originalDebtorIban);
    // SMNDA, "same mandate, new debtor agent": the account moved to another bank (§2.6).
    if (debtorChangedBank) xml.path('OrgnlDbtrAgt/FinInstnId/Othr/Id', 'SMNDA');
    xml.close('AmdmntInfDtls');
  }
  xml.close('MndtRltdInf').close('DrctDbtTx');
  agent(xml, 'DbtrAgt', tx.debtorBic, bicTag);
  xml.path('Dbtr/Nm', tx.debtorName);
  xml.path('DbtrAcct/Id/IBAN', tx.debtorIban);
  if (tx.remittance) xml.path('RmtInf/Ustrd', tx.remittance);
  xml.close('DrctDbtTxInf');
}

function writePaymentInfo(xml: XmlLines, info: CheckedPaymentInfo, message: CheckedMessage, bicTag: string): void {
  const { creditor } = message;
  xml.open('PmtInf');
  xml.leaf('PmtInfId', info.paymentInfoId);
  xml.leaf('PmtMtd', 'DD');
  // One booking per lot on the bank statement, matching the one bank-journal entry per batch.
  xml.leaf('BtchBookg', 'true');
  xml.leaf('NbOfTxs', String(info.count));
  xml.leaf('CtrlSum', info.total);
  xml.open('PmtTpInf');
  xml.path('SvcLvl/Cd', 'SEPA');
  xml.path('LclInstrm/Cd', 'CORE');
  xml.leaf('SeqTp', info.sequenceType);
  xml.close('PmtTpInf');
  xml.leaf('ReqdColltnDt', info.collectionDate);
  xml.path('Cdtr/Nm', creditor.name);
  xml.path('CdtrAcct/Id/IBAN', creditor.iban);
  agent(xml, 'CdtrAgt', creditor.bic, bicTag);
  xml.leaf('ChrgBr', 'SLEV');
  xml.open('CdtrSchmeId').open('Id').open('PrvtId').open('Othr');
  xml.leaf('Id', creditor.creditorId);
  xml.path('SchmeNm/Prtry', 'SEPA');
  xml.close('Othr').close('PrvtId').close('Id').close('CdtrSchmeId');
  for (const tx of info.transactions) writeTransaction(xml, tx, bicTag);
  xml.close('PmtInf');
}

/**
 * Writes a pain.008 file (finance-rules §2.2, element order of the ISO XSDs). Pure and
 * deterministic: the same message gives the same bytes, so exporting a batch again gives the
 * identical file. Throws a French ValidationError naming each faulty transaction.
 */
export function buildPain008(message: Pain008Message): string {
  const namespace = PAIN008_NAMESPACES[message.version];
  if (!namespace) throw ValidationError.field('version', `Version pain.008 « ${String(message.version)} » inconnue : choisissez 001.08 (recommandée) ou 001.02 dans les réglages.`);
  const checked = checkPain008Message(message);
  const bicTag = message.version === '001.08' ? 'BICFI' : 'BIC';
  const xml = new XmlLines();
  xml.open('Document', ` xmlns="${namespace}"`).open('CstmrDrctDbtInitn');
  xml.open('GrpHdr');
  xml.leaf('MsgId', checked.messageId);
  xml.leaf('CreDtTm', checked.createdAt);
  xml.leaf('NbOfTxs', String(checked.count));
  xml.leaf('CtrlSum', checked.total);
  xml.path('InitgPty/Nm', checked.initiatingPartyName);
  xml.close('GrpHdr');
  for (const info of checked.paymentInfos) writePaymentInfo(xml, info, checked, bicTag);
  xml.close('CstmrDrctDbtInitn').close('Document');
  return xml.toString();
}
