import { z } from 'zod';
import { ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { readOrganisation } from '../organisation/organisation-handlers';
import { lowBalances, windowOf } from '../payments/balances';
import { readSlip } from '../payments/deposit-slips';
import { unpaidSubscribers } from '../payments/unpaid';
import { formatSiret } from '../validation/siret';
import { idField, isoDateField } from '../validation/fields';
import type { PdfDocument } from './document-handlers';
import { depositSlipPdf } from './payments/deposit-slip-pdf';
import { lowBalanceLetterPdf } from './payments/low-balance-letter-pdf';
import { paymentReminderPdf } from './payments/payment-reminder-pdf';
import type { LetterRecipient, PaymentOrganisation } from './payments/payment-documents';
import { toDataUri } from './pdf/pdf-kit';

/** The association as its payment letters and slips show it (today's settings: these are not invoices). */
export function paymentOrganisation(db: Db): PaymentOrganisation {
  const o = readOrganisation(db);
  const join = (parts: string[], sep = ' ') => parts.filter((p) => p.trim() !== '').join(sep);
  return {
    name: o.legalName,
    addressLines: [o.addressLine1, o.addressLine2, join([o.postcode, o.city])].filter((l) => l !== ''),
    legalLines: o.siret ? [`SIRET ${formatSiret(o.siret)}`] : [],
    contactLine: join([o.phone, o.email, o.website], ' · '),
    header: '',
    logoDataUrl: o.logoDataUrl,
    city: o.city,
    iban: o.iban,
    bic: o.bic,
    signatory: '',
  };
}

function recipients(db: Db, ids: readonly number[]): Map<number, LetterRecipient> {
  const rows = db.all<{ id: number; kind: string; civility: string; first_name: string; last_name: string; address_line1: string; address_line2: string; postcode: string; city: string }>(
    `SELECT id, kind, civility, first_name, last_name, address_line1, address_line2, postcode, city FROM subscribers WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  const join = (parts: string[]) => parts.filter((p) => p.trim() !== '').join(' ');
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.kind === 'organisation' ? r.last_name : join([r.civility, r.first_name, r.last_name]),
        addressLines: [r.address_line1, r.address_line2, join([r.postcode, r.city])].filter((l) => l !== ''),
        greetingName: r.kind === 'organisation' ? '' : join([r.first_name, r.last_name]),
      },
    ]),
  );
}

const selection = z.array(idField).min(1, 'Choisissez au moins un adhérent.').max(5000, 'Au plus 5 000 lettres à la fois.');

/** The bordereau de remise as recorded: the account frozen with the slip, its cheques in drawer order. */
export const documentDepositSlip = defineHandler({
  name: 'document-deposit-slip',
  input: z.object({ slipId: idField }),
  labels: { slipId: 'Bordereau' },
  mutates: false,
  run: ({ db }, { slipId }): PdfDocument => {
    const { slip, cheques } = readSlip(db, slipId);
    const organisation = { ...paymentOrganisation(db), name: slip.accountHolder, iban: slip.accountIban, bic: slip.accountBic };
    const doc = depositSlipPdf({
      organisation,
      number: slip.number,
      depositDate: slip.depositDate,
      // The office's copy names the subscriber when someone else signed the cheque.
      cheques: cheques.map((c) => ({ drawer: c.drawer, bank: c.bank, number: c.number, amountCents: c.amountCents, creditedTo: c.drawer === c.subscriberName ? '' : c.subscriberName })),
      count: slip.chequeCount,
      totalCents: slip.totalCents,
    });
    return { fileName: `bordereau-${slip.number}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

/** Letters asking the chosen cheque payers for new cheques, one page each (issue 7 item 4). */
export const documentLowBalanceLetters = defineHandler({
  name: 'document-low-balance-letters',
  input: z.object({ subscriberIds: selection, from: isoDateField().optional() }),
  labels: { subscriberIds: 'Adhérents', from: 'À partir du' },
  mutates: false,
  run: ({ db, clock }, input): PdfDocument => {
    const today = clock.today();
    const wanted = new Set(input.subscriberIds);
    const balances = lowBalances(db, windowOf(today, input.from)).filter((b) => wanted.has(b.subscriberId));
    if (balances.length === 0) throw ValidationError.field('subscriberIds', 'Aucun des adhérents choisis ne paie par chèque : il n’y a pas de lettre à imprimer.');
    const to = recipients(db, balances.map((b) => b.subscriberId));
    const doc = lowBalanceLetterPdf(
      balances.map((b) => ({
        recipient: to.get(b.subscriberId)!,
        date: today,
        balanceCents: b.balanceCents,
        expectedBasketsCents: b.expectedBasketsCents,
        endOfMonthBalanceCents: b.expectedBalanceCents,
        thresholdCents: b.thresholdCents,
        quarterly: b.quarterly ? { formulaLabel: b.quarterly.formulaLabel, amountCents: b.quarterly.amountCents } : null,
        depotName: b.depotName,
      })),
      paymentOrganisation(db),
    );
    return { fileName: `lettres-solde-bas_${today}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

/** Reminders (relances) for the chosen subscribers who owe, one page each (issue 7 item 6). */
export const documentPaymentReminders = defineHandler({
  name: 'document-payment-reminders',
  input: z.object({ subscriberIds: selection, at: isoDateField().optional() }),
  labels: { subscriberIds: 'Adhérents', at: 'Date' },
  mutates: false,
  run: ({ db, clock }, input): PdfDocument => {
    const at = (input.at ?? clock.today()) as IsoDate;
    const wanted = new Set(input.subscriberIds);
    const owing = unpaidSubscribers(db, at).filter((u) => wanted.has(u.subscriberId));
    if (owing.length === 0) throw ValidationError.field('subscriberIds', 'Aucun des adhérents choisis ne doit de somme à cette date : il n’y a pas de relance à imprimer.');
    const to = recipients(db, owing.map((u) => u.subscriberId));
    const doc = paymentReminderPdf(
      owing.map((u) => {
        // Oldest first, as the letter lists them.
        const invoices = [...u.invoices].sort((a, b) => a.date.localeCompare(b.date));
        return {
          recipient: to.get(u.subscriberId)!,
          date: at,
          amountOwedCents: u.owedCents,
          invoices: invoices.map((i) => ({ number: i.number, date: i.date, totalCents: i.totalCents, remainingCents: i.remainingCents, ageDays: i.ageDays })),
          debtAgeDays: u.debtAgeDays,
          transferReference: invoices[0]?.number ?? `Adhérent n° ${u.subscriberId}`,
        };
      }),
      paymentOrganisation(db),
    );
    return { fileName: `relances_${at}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});
