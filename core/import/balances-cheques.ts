import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { formatEuros, type Cents } from '../money/money';
import { chequeKey } from '../payments/cheque-rows';
import { insertCheques, type ChequeToRecord } from '../payments/cheques';
import { displayName, SUBSCRIBER_NAME_SQL } from '../payments/payment-common';
import type { ImportReportLine } from './import-report-types';
import { loadPeople, personLabel, type KnownPerson } from './import-match';
import { addBalance, dateFr, emptyCounts, emptyTotals, type ImportAnalysis, type LineReader } from './import-plan';
import type { SourceLine } from './import-source';
import { writeOpenings } from './members-write';

interface FileContext {
  db: Db;
  reader: LineReader;
  lines: readonly SourceLine[];
  cutoverDate: IsoDate | null;
  today: IsoDate;
}

/** The subscriber a line of a balances or cheques file names, or a problem on the line. */
function findSubscriber(reader: LineReader, people: ReturnType<typeof loadPeople>, line: SourceLine): KnownPerson | null {
  const ref = reader.get(line, 'externalRef');
  const last = reader.get(line, 'lastName');
  const first = reader.get(line, 'firstName');
  if (ref === '' && last === '') {
    reader.problem(line.line, reader.has('externalRef') ? 'externalRef' : 'lastName', 'Indiquez le N° adhérent ou le nom et le prénom de l’adhérent.');
    return null;
  }
  const found = people.find(ref, last, first);
  if (found === 'ambiguous') {
    reader.problem(line.line, 'lastName', `Plusieurs adhérents s’appellent ${first} ${last} : indiquez leur N° adhérent.`);
    return null;
  }
  if (!found) {
    const who = ref !== '' ? `N° adhérent ${ref}` : `${first} ${last}`.trim();
    reader.problem(line.line, ref !== '' ? 'externalRef' : 'lastName', `Adhérent inconnu (${who}) : importez d’abord le fichier des adhérents ou corrigez la ligne.`);
    return null;
  }
  return found;
}

const refused = (reader: LineReader, n: number, before: number, who: string): ImportReportLine => ({
  line: n,
  outcome: 'refused',
  subscriber: who,
  detail: reader.problems.slice(before).map((p) => p.message).join(' ; '),
});

const whoOf = (reader: LineReader, line: SourceLine) =>
  personLabel({ lastName: reader.get(line, 'lastName'), firstName: reader.get(line, 'firstName'), externalRef: reader.get(line, 'externalRef') });

/** The `balances` file: each subscriber's balance at the cut-over date, recorded as an opening balance. */
export function analyseBalances(ctx: FileContext): ImportAnalysis {
  const { db, reader } = ctx;
  const people = loadPeople(db);
  const seen = new Map<number, number>();
  const openings: { subscriberId: number; amountCents: number }[] = [];
  const report: ImportReportLine[] = [];
  const counts = emptyCounts();
  const balances = emptyTotals();
  for (const line of ctx.lines) {
    const n = line.line;
    const before = reader.problems.length;
    const person = findSubscriber(reader, people, line);
    const amount = reader.amount(line, 'balance');
    if (amount === null) reader.problem(n, 'balance', 'Solde manquant : indiquez le solde (0 si le compte est à jour).');
    if (person) {
      const twin = seen.get(person.id);
      if (twin !== undefined) reader.problem(n, 'balance', `${personLabel(person)} a déjà un solde ligne ${twin} : gardez une seule ligne.`);
      else if (person.hasOpening) reader.problem(n, 'balance', `${personLabel(person)} a déjà un solde d’ouverture dans Paniers : ce fichier a-t-il déjà été importé ?`);
      seen.set(person.id, n);
    }
    if (reader.problems.length > before || !person || amount === null || amount === 'bad') {
      report.push(refused(reader, n, before, person ? personLabel(person) : whoOf(reader, line)));
      continue;
    }
    counts.subscribersMatched++;
    addBalance(balances, amount);
    openings.push({ subscriberId: person.id, amountCents: amount });
    report.push({ line: n, outcome: 'matched', subscriber: personLabel(person), detail: `Solde d’ouverture ${formatEuros(amount as Cents)}` });
  }
  return {
    problems: reader.problems,
    counts,
    balances,
    report,
    needsCutover: ctx.lines.length > 0,
    apply: (_importId, now) => {
      if (ctx.cutoverDate !== null) writeOpenings(db, openings, ctx.cutoverDate, now);
    },
  };
}

/**
 * The `cheques` file: cheques handed in advance, received on the cut-over date (or today),
 * credited at once as advance payments and deposited on their planned dates (the letter),
 * under the rules of cheque-record: a positive amount, a deposit not before the reception,
 * and no live cheque twice (same bank and number).
 */
export function analyseCheques(ctx: FileContext): ImportAnalysis {
  const { db, reader } = ctx;
  const people = loadPeople(db);
  const live = new Map(
    db
      .all<{ number: string; bank: string; received_on: string; kind: string; first_name: string; last_name: string }>(
        `SELECT c.number, c.bank, c.received_on, s.kind, s.first_name, s.last_name, ${SUBSCRIBER_NAME_SQL} AS name FROM cheques c JOIN subscribers s ON s.id = c.subscriber_id WHERE c.status != 'returned'`,
      )
      .map((c) => [chequeKey(c.bank, c.number), `reçu le ${dateFr(c.received_on)} pour ${displayName(c)}`]),
  );
  const inFile = new Map<string, number>();
  const receivedOn = ctx.cutoverDate ?? ctx.today;
  const cheques: ChequeToRecord[] = [];
  const report: ImportReportLine[] = [];
  const counts = emptyCounts();
  const matched = new Set<number>();
  for (const line of ctx.lines) {
    const n = line.line;
    const before = reader.problems.length;
    const person = findSubscriber(reader, people, line);
    const number = reader.get(line, 'number');
    const bank = reader.get(line, 'bank');
    if (number === '') reader.problem(n, 'number', 'Indiquez le numéro du chèque.');
    if (bank === '') reader.problem(n, 'bank', 'Indiquez la banque du chèque.');
    const amount = reader.amount(line, 'amount');
    if (amount === null) reader.problem(n, 'amount', 'Indiquez le montant du chèque.');
    else if (amount !== 'bad' && amount <= 0) reader.problem(n, 'amount', 'Le montant du chèque doit être supérieur à 0 €.');
    const planned = reader.date(line, 'plannedDepositOn');
    const plannedDepositOn = planned === null || planned === 'bad' ? receivedOn : planned;
    if (plannedDepositOn < receivedOn) {
      reader.problem(n, 'plannedDepositOn', `La remise prévue (${dateFr(plannedDepositOn)}) précède la réception (${dateFr(receivedOn)}) : corrigez la date de remise.`);
    }
    if (number !== '' && bank !== '') {
      const key = chequeKey(bank, number);
      const recorded = live.get(key);
      const twin = inFile.get(key);
      if (recorded) reader.problem(n, 'number', `Le chèque n° ${number} (${bank}) est déjà enregistré, ${recorded} : vérifiez le numéro et la banque.`);
      else if (twin !== undefined) reader.problem(n, 'number', `Le chèque n° ${number} (${bank}) figure déjà ligne ${twin} : supprimez le doublon.`);
      else inFile.set(key, n);
    }
    if (reader.problems.length > before || !person || amount === null || amount === 'bad' || planned === 'bad') {
      report.push(refused(reader, n, before, person ? personLabel(person) : whoOf(reader, line)));
      continue;
    }
    matched.add(person.id);
    counts.cheques++;
    const drawer = reader.get(line, 'drawer') || displayName({ kind: 'person', first_name: person.firstName, last_name: person.lastName });
    cheques.push({ subscriberId: person.id, number, bank, drawer, amountCents: amount, receivedOn, plannedDepositOn });
    report.push({ line: n, outcome: 'created', subscriber: personLabel(person), detail: `Chèque ${bank} n° ${number} de ${formatEuros(amount as Cents)}, remise prévue le ${dateFr(plannedDepositOn)}` });
  }
  counts.subscribersMatched = matched.size;
  return {
    problems: reader.problems,
    counts,
    balances: emptyTotals(),
    report,
    needsCutover: false,
    apply: (_importId, now) => {
      insertCheques(db, cheques, now);
    },
  };
}
