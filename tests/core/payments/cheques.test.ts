import { describe, expect, it } from 'vitest';
import { createPaymentsWorld, recordCheques, type ChequeOut, type PaymentsWorld } from './payments-world';

const three = [
  { number: '0012345', bank: 'Crédit Agricole', amountCents: 13000, plannedDepositOn: '2026-12-10' },
  { number: '0012346', bank: 'Crédit Agricole', amountCents: 13000, plannedDepositOn: '2027-01-10' },
  { number: '0012347', bank: 'Crédit Agricole', amountCents: 13000, plannedDepositOn: '2027-02-10' },
];

async function withPayer() {
  const w = await createPaymentsWorld();
  const s = await w.payer({ firstName: 'Maëlle', lastName: 'Le Goff' });
  return { w, s };
}

const list = (w: PaymentsWorld, input: Record<string, unknown> = {}) => w.call<{ cheques: ChequeOut[]; totals: { count: number; amountCents: number } }>('cheque-list', input);

describe('cheque-record', () => {
  it('records three postdated cheques handed in together and credits each on the day received', async () => {
    const { w, s } = await withPayer();
    const cheques = await recordCheques(w, s, three);
    expect(cheques.map((c) => [c.number, c.drawer, c.receivedOn, c.plannedDepositOn, c.status, c.subscriberName])).toEqual([
      ['0012345', 'Maëlle Le Goff', '2026-12-04', '2026-12-10', 'received', 'Maëlle Le Goff'],
      ['0012346', 'Maëlle Le Goff', '2026-12-04', '2027-01-10', 'received', 'Maëlle Le Goff'],
      ['0012347', 'Maëlle Le Goff', '2026-12-04', '2027-02-10', 'received', 'Maëlle Le Goff'],
    ]);
    expect(await w.balance(s)).toBe(39000);
    const entries = w.db.all<{ kind: string; method: string; source_type: string; source_id: number; entry_date: string; amount_cents: number }>(
      'SELECT kind, method, source_type, source_id, entry_date, amount_cents FROM ledger_entries WHERE subscriber_id = ? ORDER BY id',
      [s],
    );
    expect(entries).toEqual(cheques.map((c) => ({ kind: 'payment', method: 'cheque', source_type: 'cheque', source_id: c.id, entry_date: '2026-12-04', amount_cents: 13000 })));
  });

  it('keeps a drawer other than the subscriber, a past reception date, and defaults the planned date to it', async () => {
    const { w, s } = await withPayer();
    const [c] = await recordCheques(w, s, [{ number: '77', bank: 'La Poste', drawer: 'Jean Le Goff', amountCents: 5000, receivedOn: '2026-11-28' }]);
    expect(c).toMatchObject({ drawer: 'Jean Le Goff', receivedOn: '2026-11-28', plannedDepositOn: '2026-11-28' });
  });

  it('refuses a cheque typed twice in the same entry, naming the line', async () => {
    const { w, s } = await withPayer();
    const e = await w.refusal('cheque-record', { subscriberId: s, cheques: [three[0]!, { ...three[0]!, bank: 'CREDIT AGRICOLE', number: '0012 345' }] });
    expect(e.type).toBe('validation');
    expect(e.fields).toEqual({ 'cheques.1.number': expect.stringContaining('Chèque 2 : le chèque n° 0012 345 (CREDIT AGRICOLE) est déjà saisi au chèque 1') });
    expect(w.entryCount(s)).toBe(0);
  });

  it('refuses a cheque already recorded (same bank and number), for anyone, but not one returned unpaid', async () => {
    const { w, s } = await withPayer();
    const other = await w.payer({ lastName: 'Morvan', firstName: 'Ewen' });
    const [first] = await recordCheques(w, other, [three[0]!]);
    const e = await w.refusal('cheque-record', { subscriberId: s, cheques: [three[1]!, { ...three[0]!, bank: 'crédit agricole' }] });
    expect(e.fields).toEqual({ 'cheques.1.number': expect.stringContaining('Chèque 2 : le chèque n° 0012345 (crédit agricole) est déjà enregistré, reçu le 04/12/2026 pour Ewen Morvan') });
    expect(w.entryCount(s)).toBe(0);
    await w.call('cheque-return', { id: first!.id, reason: 'Provision insuffisante' });
    // A cheque returned unpaid may be presented again: it is recorded anew.
    expect(await recordCheques(w, s, [three[0]!])).toHaveLength(1);
  });

  it.each([
    [{ ...three[0]!, amountCents: 0 }, 'cheques.0.amountCents', 'Chèque 1 — montant : Le montant doit être supérieur à 0 €.'],
    [{ ...three[0]!, amountCents: 12.5 }, 'cheques.0.amountCents', 'Chèque 1 — montant : Le montant est un nombre entier de centimes.'],
    [{ ...three[0]!, number: ' ' }, 'cheques.0.number', 'Chèque 1 — numéro : Indiquez le numéro du chèque.'],
    [{ ...three[0]!, bank: '' }, 'cheques.0.bank', 'Chèque 1 — banque : Indiquez la banque du chèque.'],
    [{ ...three[0]!, receivedOn: '2026-12-05', plannedDepositOn: '2026-12-01' }, 'cheques.0.plannedDepositOn', 'Chèque 1 : la remise prévue (01/12/2026) précède la réception (05/12/2026) ; corrigez l’une des deux dates.'],
  ])('refuses %j with a French message naming the field', async (cheque, field, message) => {
    const { w, s } = await withPayer();
    const e = await w.refusal('cheque-record', { subscriberId: s, cheques: [cheque] });
    expect(e.message).toBe(message);
    expect(Object.keys(e.fields ?? {})).toEqual([field]);
    expect(w.entryCount(s)).toBe(0);
  });

  it('refuses an empty entry and an unknown subscriber', async () => {
    const { w, s } = await withPayer();
    expect((await w.refusal('cheque-record', { subscriberId: s, cheques: [] })).fields).toEqual({ cheques: 'Saisissez au moins un chèque.' });
    expect(await w.refusal('cheque-record', { subscriberId: 9999, cheques: [three[0]!] })).toMatchObject({ type: 'not-found', message: 'Adhérent introuvable (n° 9999).' });
  });
});

describe('cheque-list', () => {
  it('lists the cheques to deposit by a date, sorted by planned date then drawer, with totals', async () => {
    const { w, s } = await withPayer();
    const other = await w.payer({ firstName: 'Ewen', lastName: 'Morvan' });
    await recordCheques(w, s, three);
    await recordCheques(w, other, [{ number: '501', bank: 'CIC', amountCents: 4500, plannedDepositOn: '2026-12-10', drawer: 'Alain Morvan' }]);
    const [returned] = await recordCheques(w, other, [{ number: '502', bank: 'CIC', amountCents: 100, plannedDepositOn: '2026-12-05' }]);
    await w.call('cheque-return', { id: returned!.id, reason: 'Erreur' });
    const due = await list(w, { dueBy: '2027-01-10' });
    expect(due.cheques.map((c) => [c.plannedDepositOn, c.drawer, c.number, c.subscriberName])).toEqual([
      ['2026-12-10', 'Alain Morvan', '501', 'Ewen Morvan'],
      ['2026-12-10', 'Maëlle Le Goff', '0012345', 'Maëlle Le Goff'],
      ['2027-01-10', 'Maëlle Le Goff', '0012346', 'Maëlle Le Goff'],
    ]);
    expect(due.totals).toEqual({ count: 3, amountCents: 30500 });
    expect((await list(w, { subscriberId: other })).totals).toEqual({ count: 2, amountCents: 4600 });
    expect((await list(w, { status: 'returned' })).cheques.map((c) => c.number)).toEqual(['502']);
    expect((await list(w, { search: 'alain cic' })).cheques.map((c) => c.number)).toEqual(['501']);
    expect((await list(w, { search: 'maelle' })).totals.count).toBe(3);
    expect((await list(w, { search: '0012347' })).cheques.map((c) => c.number)).toEqual(['0012347']);
  });
});

describe('cheque-return', () => {
  it('reverses the credit with a linked entry, once', async () => {
    const { w, s } = await withPayer();
    const [c] = await recordCheques(w, s, [three[0]!]);
    const returned = await w.call<ChequeOut>('cheque-return', { id: c!.id, returnedOn: '2026-12-04', reason: 'Provision insuffisante' });
    expect(returned).toMatchObject({ status: 'returned', returnedOn: '2026-12-04', returnReason: 'Provision insuffisante' });
    expect(await w.balance(s)).toBe(0);
    const reversal = w.db.get<{ kind: string; amount_cents: number; reverses_id: number; method: string; source_id: number }>(
      "SELECT kind, amount_cents, reverses_id, method, source_id FROM ledger_entries WHERE kind = 'payment_reversal'",
    );
    const payment = w.db.get<{ id: number }>("SELECT id FROM ledger_entries WHERE kind = 'payment'")!;
    expect(reversal).toEqual({ kind: 'payment_reversal', amount_cents: -13000, reverses_id: payment.id, method: 'cheque', source_id: c!.id });
    const again = await w.refusal('cheque-return', { id: c!.id, reason: 'Encore' });
    expect(again).toMatchObject({ type: 'conflict', message: 'Le chèque n° 0012345 est déjà enregistré comme impayé depuis le 04/12/2026.' });
    expect(w.entryCount(s)).toBe(2);
  });

  it('refuses a return dated before the cheque was received, or without a reason', async () => {
    const { w, s } = await withPayer();
    const [c] = await recordCheques(w, s, [three[0]!]);
    const early = await w.refusal('cheque-return', { id: c!.id, returnedOn: '2026-12-01', reason: 'Provision insuffisante' });
    expect(early.fields).toEqual({ returnedOn: 'La date de retour précède la réception du chèque (04/12/2026) ; corrigez la date de retour.' });
    const noReason = await w.refusal('cheque-return', { id: c!.id, reason: '  ' });
    expect(noReason.fields).toEqual({ reason: 'Indiquez le motif du retour (exemple : provision insuffisante).' });
    expect(await w.refusal('cheque-return', { id: 9999, reason: 'x' })).toMatchObject({ type: 'not-found', message: 'Chèque introuvable (n° 9999).' });
    expect(w.entryCount(s)).toBe(1);
  });
});

describe('cheque-update', () => {
  it('fixes the number, bank, drawer and planned date of a cheque in hand', async () => {
    const { w, s } = await withPayer();
    const [c] = await recordCheques(w, s, [three[0]!]);
    const fixed = await w.call<ChequeOut>('cheque-update', { id: c!.id, number: '0012399', bank: 'CIC', drawer: 'Jean Le Goff', plannedDepositOn: '2026-12-20', amountCents: 13000 });
    expect(fixed).toMatchObject({ number: '0012399', bank: 'CIC', drawer: 'Jean Le Goff', plannedDepositOn: '2026-12-20', amountCents: 13000 });
    expect(await w.balance(s)).toBe(13000);
  });

  it('refuses a new amount, and says how to change it', async () => {
    const { w, s } = await withPayer();
    const [c] = await recordCheques(w, s, [three[0]!]);
    const e = await w.refusal('cheque-update', { id: c!.id, amountCents: 12000 });
    expect(e.fields).toEqual({
      amountCents: 'Le montant d’un chèque enregistré ne se modifie pas (130,00\u00a0€ crédités) : marquez ce chèque comme retourné puis enregistrez le bon montant.',
    });
  });

  it('refuses a planned date before reception, a number already recorded, and a cheque no longer in hand', async () => {
    const { w, s } = await withPayer();
    const [a, b] = await recordCheques(w, s, three.slice(0, 2));
    expect((await w.refusal('cheque-update', { id: a!.id, plannedDepositOn: '2026-12-01' })).fields).toEqual({
      plannedDepositOn: 'La remise prévue ne peut pas précéder la réception du chèque (04/12/2026).',
    });
    expect((await w.refusal('cheque-update', { id: a!.id, number: '0012346' })).fields).toEqual({
      number: 'Le chèque n° 0012346 (Crédit Agricole) est déjà enregistré pour Maëlle Le Goff ; vérifiez le numéro et la banque.',
    });
    await w.call('cheque-return', { id: b!.id, reason: 'Erreur de saisie' });
    expect(await w.refusal('cheque-update', { id: b!.id, bank: 'CIC' })).toMatchObject({ type: 'conflict', message: 'Le chèque n° 0012346 est marqué impayé : il ne peut plus être modifié.' });
    await w.call('deposit-slip-create', { chequeIds: [a!.id], depositDate: '2026-12-10' });
    expect(await w.refusal('cheque-update', { id: a!.id, bank: 'CIC' })).toMatchObject({
      type: 'conflict',
      message: 'Le chèque n° 0012345 est déjà remis en banque (bordereau BR-2026-0001) : il ne peut plus être modifié.',
    });
  });
});
