import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import type { Frequency } from '../formulas/formulas';
import { formatEuros, type Cents } from '../money/money';
import { frozenUntil } from '../subscriptions/subscription-store';
import { subscriberInput, type SubscriberFields } from '../subscribers/subscribers';
import { foldText } from '../text/fold';
import { ibanProblem } from '../validation/bank';
import type { ImportReportLine } from './import-report-types';
import { loadCatalogue, loadPeople, PeopleIndex, personLabel, type CatalogueEntry } from './import-match';
import { addBalance, dateFr, emptyCounts, emptyTotals, type ImportAnalysis, type LineReader } from './import-plan';
import type { SourceLine } from './import-source';
import { FREQUENCY_WORDS, parseCivility, parseFrequency, parsePaymentMethod, PAYMENT_WORDS } from './import-words';
import { writeMembers, type NewMember, type NewSubscription } from './members-write';

const FREQUENCY_SHORT: Record<Frequency, string> = { weekly: 'chaque semaine', biweekly_even: 'semaines paires', biweekly_odd: 'semaines impaires', monthly: 'mensuel' };

interface MembersContext {
  db: Db;
  reader: LineReader;
  lines: readonly SourceLine[];
  cutoverDate: IsoDate | null;
  today: IsoDate;
}

/** The subscription of a line: formula, depot, quantity (1), frequency (weekly), start (cut-over or today). */
function readSubscription(ctx: MembersContext, line: SourceLine, catalogue: ReturnType<typeof loadCatalogue>, frozen: string | null): NewSubscription | null | 'bad' {
  const { reader } = ctx;
  const formulaText = reader.get(line, 'formula');
  const depotText = reader.get(line, 'depot');
  if (formulaText === '' && depotText === '') return null;
  const n = line.line;
  let bad = false;
  const fail = (field: string, message: string) => {
    reader.problem(n, field, message);
    bad = true;
  };
  if (formulaText === '') fail('formula', `Dépôt « ${depotText} » sans formule : indiquez la formule (le panier) de cet abonnement.`);
  const formula: CatalogueEntry | undefined = formulaText === '' ? undefined : catalogue.formulas.get(foldText(formulaText));
  if (formulaText !== '' && !formula) fail('formula', `Formule « ${formulaText} » inconnue : créez-la dans Formules & tarifs ou corrigez la ligne.`);
  else if (formula?.archived) fail('formula', `La formule ${formula.name} est archivée : réactivez-la ou corrigez la ligne.`);
  const depot = depotText === '' ? undefined : catalogue.depots.get(foldText(depotText));
  if (depotText === '') fail('depot', 'Indiquez le dépôt de cet abonnement.');
  else if (!depot) fail('depot', `Dépôt « ${depotText} » inconnu : créez-le dans Dépôts & tournées ou corrigez la ligne.`);
  else if (depot.archived) fail('depot', `Le dépôt ${depot.name} est archivé : réactivez-le ou corrigez la ligne.`);
  const quantityText = reader.get(line, 'quantity');
  const quantity = quantityText === '' ? 1 : Number(quantityText.replace(',', '.'));
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 20) fail('quantity', `Quantité « ${quantityText} » invalide : un nombre entier de paniers entre 1 et 20.`);
  const start = reader.date(line, 'startDate');
  if (start === 'bad') bad = true;
  const startDate = (start === null || start === 'bad' ? (ctx.cutoverDate ?? ctx.today) : start) as IsoDate;
  if (frozen !== null && startDate <= frozen) {
    fail('startDate', `Les livraisons sont déjà enregistrées jusqu’au ${dateFr(frozen)} : l’abonnement doit commencer après ; corrigez la date de début.`);
  }
  const frequencyText = reader.get(line, 'frequency');
  const frequency = parseFrequency(frequencyText, startDate);
  if (frequency === null) fail('frequency', `Fréquence « ${frequencyText} » inconnue : écrivez ${FREQUENCY_WORDS}.`);
  else if (formula && !formula.frequencies.includes(frequency)) fail('frequency', `La formule ${formula.name} n’est pas proposée à cette fréquence (${FREQUENCY_SHORT[frequency]}).`);
  if (bad || !formula || !depot || frequency === null) return 'bad';
  return { formulaId: formula.id, formulaName: formula.name, depotId: depot.id, depotName: depot.name, frequency, quantity, startDate };
}

/** The subscriber's fields of a line, checked by the same schema as the subscriber form. */
function readSubscriber(ctx: MembersContext, line: SourceLine): SubscriberFields | null {
  const { reader } = ctx;
  const n = line.line;
  const before = reader.problems.length;
  const civilityText = reader.get(line, 'civility');
  const civility = parseCivility(civilityText);
  if (civility === null) reader.problem(n, 'civility', `Civilité « ${civilityText} » inconnue : écrivez Mme ou M. (ou laissez vide).`);
  const iban = reader.get(line, 'iban');
  const methodText = reader.get(line, 'paymentMethod');
  const parsedMethod = parsePaymentMethod(methodText);
  if (parsedMethod === null) reader.problem(n, 'paymentMethod', `Mode de règlement « ${methodText} » inconnu : écrivez ${PAYMENT_WORDS}.`);
  // Without a stated method, an IBAN means the old system collected by direct debit.
  const paymentMethod = parsedMethod ?? (iban !== '' ? 'sepa' : 'cheque');
  const signed = reader.date(line, 'mandateSignedOn');
  if (paymentMethod === 'sepa' && iban === '') {
    reader.problem(n, 'iban', 'Prélèvement SEPA sans IBAN : indiquez l’IBAN ou changez le mode de règlement.');
  } else if (iban !== '') {
    const problem = ibanProblem(iban);
    if (problem) reader.problem(n, 'iban', problem);
  }
  const flagged = new Set(reader.problems.slice(before).map((p) => p.field));
  if (signed === 'bad') flagged.add('mandateSignedOn');
  const parsed = subscriberInput.safeParse({
    kind: 'person',
    civility: civility ?? '',
    firstName: reader.get(line, 'firstName'),
    lastName: reader.get(line, 'lastName'),
    addressLine1: reader.get(line, 'addressLine1'),
    addressLine2: reader.get(line, 'addressLine2'),
    postcode: reader.get(line, 'postcode'),
    city: reader.get(line, 'city'),
    phone: reader.get(line, 'phone'),
    phone2: reader.get(line, 'phone2'),
    phone3: '',
    email: reader.get(line, 'email'),
    birthDate: null,
    notes: '',
    isEmployee: false,
    isSupporter: false,
    membershipExempt: false,
    membershipTypeId: null,
    paymentMethod,
    iban: iban === '' || ibanProblem(iban) === null ? iban : '',
    bic: reader.get(line, 'bic'),
    mandateRum: reader.get(line, 'mandateRum'),
    mandateSignedOn: signed === 'bad' ? null : signed,
  });
  if (parsed.success) return reader.problems.length === before ? parsed.data : null;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'lastName');
    if (flagged.has(field)) continue;
    flagged.add(field);
    reader.problem(n, field, field === 'mandateSignedOn' && !reader.has('mandateSignedOn') ? 'Prélèvement SEPA : indiquez la date de signature du mandat (colonne « Date de signature »).' : issue.message);
  }
  return null;
}

/** Capacity is checked as subscription-create does, on the start day, counting the lines before. */
function capacityProblems(ctx: MembersContext, members: readonly NewMember[], catalogue: ReturnType<typeof loadCatalogue>): void {
  const capacity = new Map([...catalogue.depots.values()].filter((d) => d.capacity !== null).map((d) => [d.id, d]));
  const taken = new Map<string, number>();
  for (const m of members) {
    const s = m.subscription;
    const depot = s && capacity.get(s.depotId);
    if (!s || !depot) continue;
    const key = `${s.depotId}|${s.startDate}`;
    let count = taken.get(key);
    if (count === undefined) {
      count =
        ctx.db.get<{ n: number }>('SELECT count(DISTINCT chain_id) AS n FROM subscriptions WHERE depot_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)', [
          s.depotId,
          s.startDate,
          s.startDate,
        ])?.n ?? 0;
      count += members.filter((o) => o !== m && o.line < m.line && o.subscription?.depotId === s.depotId && o.subscription.startDate < s.startDate).length;
    }
    count++;
    taken.set(key, count);
    if (count > depot.capacity!) {
      ctx.reader.problem(m.line, 'depot', `Le dépôt ${depot.name} est complet le ${dateFr(s.startDate)} (${depot.capacity} places) : augmentez sa capacité dans Dépôts & tournées ou choisissez un autre dépôt.`);
    }
  }
}

/** The members file in create mode: every line becomes a subscriber, or the file is refused. */
export function analyseMembers(ctx: MembersContext): ImportAnalysis {
  const { db, reader } = ctx;
  const people = loadPeople(db);
  const catalogue = loadCatalogue(db);
  const frozen = frozenUntil(db);
  const rums = new Set(db.all<{ r: string }>("SELECT mandate_rum AS r FROM subscribers WHERE mandate_rum != ''").map((r) => r.r));
  const fileRums = new Map<string, number>();
  const fileRefs = new Map<string, number>();
  const filePeople = new PeopleIndex();
  const lineOfPerson = new Map<number, number>();
  const members: NewMember[] = [];
  const report: ImportReportLine[] = [];
  const counts = emptyCounts();
  const balances = emptyTotals();
  const depots = new Set<number>();
  const formulas = new Set<number>();
  for (const line of ctx.lines) {
    const n = line.line;
    const before = reader.problems.length;
    const fields = readSubscriber(ctx, line);
    const externalRef = reader.get(line, 'externalRef');
    if (externalRef !== '') {
      const known = people.byRef.get(externalRef.toLowerCase());
      const twin = fileRefs.get(externalRef.toLowerCase());
      if (known) reader.problem(n, 'externalRef', `Le N° adhérent ${externalRef} est déjà celui de ${personLabel(known)} dans Paniers : ce fichier a-t-il déjà été importé ?`);
      else if (twin !== undefined) reader.problem(n, 'externalRef', `Le N° adhérent ${externalRef} figure déjà ligne ${twin} : corrigez l’un des deux.`);
      else fileRefs.set(externalRef.toLowerCase(), n);
    }
    const last = reader.get(line, 'lastName');
    const first = reader.get(line, 'firstName');
    const email = reader.get(line, 'email');
    const postcode = reader.get(line, 'postcode');
    if (last !== '') {
      const known = people.duplicateOf(last, first, email, postcode);
      const twin = filePeople.duplicateOf(last, first, email, postcode);
      const same = (p: { email: string }) => (email !== '' && foldText(p.email) === foldText(email) ? 'même e-mail' : 'même code postal');
      if (known) reader.problem(n, 'lastName', `${first} ${last} existe déjà dans Paniers (${same(known)}) : supprimez la ligne ou importez en mode « mise à jour des coordonnées ».`);
      else if (twin) reader.problem(n, 'lastName', `${first} ${last} figure déjà ligne ${lineOfPerson.get(twin.id)} (${same(twin)}) : supprimez le doublon.`);
      const id = -n;
      lineOfPerson.set(id, n);
      filePeople.add({ id, firstName: first, lastName: last, email, postcode, externalRef: '', hasOpening: false });
    }
    const rum = fields?.mandateRum ?? reader.get(line, 'mandateRum');
    if (rum !== '') {
      const twin = fileRums.get(rum);
      if (rums.has(rum)) reader.problem(n, 'mandateRum', `La référence de mandat (RUM) ${rum} est déjà utilisée dans Paniers : chaque mandat a sa propre référence.`);
      else if (twin !== undefined) reader.problem(n, 'mandateRum', `La référence de mandat (RUM) ${rum} figure déjà ligne ${twin} : chaque mandat a sa propre référence.`);
      else fileRums.set(rum, n);
    }
    const subscription = readSubscription(ctx, line, catalogue, frozen);
    const balance = reader.has('balance') ? reader.amount(line, 'balance') : null;
    const who = personLabel({ lastName: last, firstName: first, externalRef });
    if (reader.problems.length > before || !fields || subscription === 'bad' || balance === 'bad') {
      report.push({ line: n, outcome: 'refused', subscriber: who, detail: reader.problems.slice(before).map((p) => p.message).join(' ; ') });
      continue;
    }
    const member: NewMember = { line: n, fields, externalRef, subscription, balanceCents: balance ?? 0 };
    members.push(member);
    counts.subscribersNew++;
    const detail = ['Adhérent créé'];
    if (subscription) {
      counts.subscriptions++;
      depots.add(subscription.depotId);
      formulas.add(subscription.formulaId);
      detail.push(`abonnement ${subscription.formulaName} × ${subscription.quantity} à ${subscription.depotName} (${FREQUENCY_SHORT[subscription.frequency]}) dès le ${dateFr(subscription.startDate)}`);
    }
    if (member.balanceCents !== 0) {
      addBalance(balances, member.balanceCents);
      detail.push(`solde d’ouverture ${formatEuros(member.balanceCents as Cents)}`);
    }
    report.push({ line: n, outcome: 'created', subscriber: who, detail: detail.join(' ; ') });
  }
  capacityProblems(ctx, members, catalogue);
  counts.depotsMatched = depots.size;
  counts.formulasMatched = formulas.size;
  return {
    problems: reader.problems,
    counts,
    balances,
    report,
    needsCutover: ctx.lines.some((l) => reader.get(l, 'balance') !== ''),
    apply: (importId, now) => writeMembers(db, { importId, now, members, takenRums: new Set([...rums, ...fileRums.keys()]), openingDate: ctx.cutoverDate }),
  };
}

