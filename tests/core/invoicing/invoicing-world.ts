import { addDays, isoDate } from '../../../core/dates/dates';
import { mondayOf } from '../../../core/deliveries/plan';
import type { Invoice } from '../../../core/invoicing/invoice-read';
import type { Clock } from '../../../core/dates/clock';
import { createWorld } from '../../support/world';

export const ORGANISATION = {
  legalName: 'Optim’ism',
  addressLine1: 'Route de Cléguer',
  addressLine2: '',
  postcode: '56620',
  city: 'Pont-Scorff',
  siret: '732 829 320 00074',
  phone: '',
  email: '',
  website: '',
  logoDataUrl: null,
  iban: '',
  bic: '',
  sepaCreditorId: '',
  vatStatus: 'liable',
  vatNumber: '',
  invoiceHeader: '',
  invoiceFooter: '',
  paymentTerms: 'Prélèvement le 10 du mois suivant.',
};

interface RunView {
  id: number;
  month: string;
  status: string;
  invoices: { id: number; subscriberId: number; status: string; number: string | null; amountDueCents: number; grossCents: number }[];
  byFormula: { label: string; count: number; grossCents: number }[];
  byDepot: { label: string; count: number; grossCents: number }[];
  byPaymentMethod: { key: string; count: number; grossCents: number }[];
  totals: { count: number; grossCents: number; amountDueCents: number };
}

/** The deliveries world, with the organisation's invoice mentions filled in and invoicing helpers. */
export async function createInvoicingWorld(organisation: Partial<typeof ORGANISATION> = {}, options: { clock?: Clock } = {}) {
  const world = await createWorld(options);
  const { backend } = world;
  await backend.call('organisation-update', { ...ORGANISATION, ...organisation });
  /** Validates every delivery day of a month (whole weeks), as the office does after each round. */
  const closeMonth = async (month: string) => {
    const first = isoDate(`${month}-01`);
    for (let monday = mondayOf(first); monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
      await backend.call('delivery-close', { day: monday, wholeWeek: true }).catch((e: Error) => {
        if (!/déjà validée/.test(e.message)) throw e;
      });
    }
  };
  const subscriber = async (fields: Record<string, unknown> = {}) => ((await backend.call('subscriber-create', { ...subscriberBase(), ...fields })) as { id: number }).id;
  const subscriberOf = async (chainId: number) => ((await backend.call('subscription-get', { chainId })) as { subscriberId: number }).subscriberId;
  const prepare = async (month: string) => (await backend.call('invoice-run-prepare', { month })) as RunView;
  const issue = async (runId: number) => (await backend.call('invoice-run-issue', { runId })) as { issued: number; firstNumber: string | null; lastNumber: string | null; run: RunView };
  const invoice = async (id: number) => (await backend.call('invoice-get', { id })) as Invoice;
  const invoiceFor = async (run: RunView, subscriberId: number) => {
    const row = run.invoices.find((i) => i.subscriberId === subscriberId);
    return row ? invoice(row.id) : undefined;
  };
  const balance = async (subscriberId: number) => ((await backend.call('ledger-balance', { subscriberId })) as { balanceCents: number }).balanceCents;
  return { ...world, closeMonth, subscriber, subscriberOf, prepare, issue, invoice, invoiceFor, balance };
}

let n = 0;
function subscriberBase() {
  n++;
  return {
    kind: 'person',
    civility: '',
    firstName: 'Test',
    lastName: `Abonné ${String(n).padStart(3, '0')}`,
    addressLine1: '1 rue du Port',
    addressLine2: '',
    postcode: '56290',
    city: 'Port-Louis',
    phone: '',
    phone2: '',
    phone3: '',
    email: '',
    birthDate: null,
    notes: '',
    isEmployee: false,
    isSupporter: false,
    membershipExempt: false,
    membershipTypeId: null,
    paymentMethod: 'cheque',
    iban: '',
    bic: '',
    mandateRum: '',
    mandateSignedOn: null,
  };
}

export const basketDates = (invoice: Invoice | undefined) => (invoice?.lines ?? []).filter((l) => l.kind === 'basket').map((l) => l.date);
