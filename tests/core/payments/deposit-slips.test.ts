import { describe, expect, it } from 'vitest';
import { createPaymentsWorld, ORG_IBAN, recordCheques, type ChequeOut, type PaymentsWorld } from './payments-world';

interface SlipOut {
  slip: { id: number; number: string; depositDate: string; accountHolder: string; accountIban: string; accountBic: string; chequeCount: number; totalCents: number };
  cheques: ChequeOut[];
  earlyChequeIds?: number[];
  message?: string;
}

async function withCheques(organisation: Record<string, unknown> = {}) {
  const w = await createPaymentsWorld(organisation);
  const s = await w.payer({ firstName: 'Maëlle', lastName: 'Le Goff' });
  const t = await w.payer({ firstName: 'Ewen', lastName: 'Morvan' });
  const cheques = [
    ...(await recordCheques(w, s, [
      { number: '1001', bank: 'Crédit Agricole', amountCents: 13000, plannedDepositOn: '2026-12-07' },
      { number: '1002', bank: 'Crédit Agricole', amountCents: 13000, plannedDepositOn: '2027-01-07' },
    ])),
    ...(await recordCheques(w, t, [{ number: '88', bank: 'CIC', drawer: 'Alain Morvan', amountCents: 4550, plannedDepositOn: '2026-12-04' }])),
  ];
  return { w, s, t, cheques };
}

const create = (w: PaymentsWorld, input: Record<string, unknown>) => w.call<SlipOut>('deposit-slip-create', input);

describe('deposit-slip-create', () => {
  it('freezes the account holder, account, count and total, and marks the cheques deposited', async () => {
    const { w, s, cheques } = await withCheques();
    const [a, , c] = cheques;
    const out = await create(w, { chequeIds: [a!.id, c!.id], depositDate: '2026-12-08' });
    expect(out.slip).toMatchObject({ number: 'BR-2026-0001', depositDate: '2026-12-08', accountHolder: 'Optim’ism', accountIban: ORG_IBAN.replace(/ /g, ''), accountBic: 'BNPAFRPP', chequeCount: 2, totalCents: 17550 });
    expect(out.cheques.map((x) => [x.drawer, x.bank, x.number, x.amountCents, x.status, x.depositSlipNumber])).toEqual([
      ['Alain Morvan', 'CIC', '88', 4550, 'deposited', 'BR-2026-0001'],
      ['Maëlle Le Goff', 'Crédit Agricole', '1001', 13000, 'deposited', 'BR-2026-0001'],
    ]);
    expect(out.earlyChequeIds).toEqual([]);
    expect(out.message).toBe('Bordereau BR-2026-0001 : 2 chèque(s), 175,50\u00a0€.');
    // Depositing does not touch the ledger: the cheque was credited when received.
    expect(await w.balance(s)).toBe(26000);
    // The slip keeps the account it was made with.
    await w.backend.call('organisation-update', { ...((await w.backend.call('organisation-get', {})) as Record<string, unknown>), iban: 'FR76 3000 6000 0112 3456 7890 189' } as never);
    expect((await w.call<SlipOut>('deposit-slip-get', { id: out.slip.id })).slip.accountIban).toBe(ORG_IBAN.replace(/ /g, ''));
  });

  it('numbers slips per year of the deposit date', async () => {
    const { w, s } = await withCheques();
    const more = await recordCheques(w, s, [
      { number: '2001', bank: 'CIC', amountCents: 100 },
      { number: '2002', bank: 'CIC', amountCents: 100 },
      { number: '2003', bank: 'CIC', amountCents: 100 },
    ]);
    const numbers = [];
    for (const [c, date] of [
      [more[0]!, '2026-12-05'],
      [more[1]!, '2026-12-31'],
      [more[2]!, '2027-01-04'],
    ] as const) {
      numbers.push((await create(w, { chequeIds: [c.id], depositDate: date })).slip.number);
    }
    expect(numbers).toEqual(['BR-2026-0001', 'BR-2026-0002', 'BR-2027-0001']);
  });

  it('deposits cheques before their planned date only when asked, and names them', async () => {
    const { w, cheques } = await withCheques();
    const [a, b] = cheques;
    const refused = await w.refusal('deposit-slip-create', { chequeIds: [a!.id, b!.id], depositDate: '2026-12-08' });
    expect(refused.fields).toEqual({
      depositDate: 'Des chèques sont prévus pour une remise après le 08/12/2026 : n° 1002 de Maëlle Le Goff (prévu le 07/01/2027). Retirez-les ou confirmez la remise anticipée.',
    });
    const out = await create(w, { chequeIds: [a!.id, b!.id], depositDate: '2026-12-08', allowEarly: true });
    expect(out.earlyChequeIds).toEqual([b!.id]);
    expect(out.message).toBe('Bordereau BR-2026-0001 : 2 chèque(s), 260,00\u00a0€. Remis avant leur date prévue : n° 1002 de Maëlle Le Goff (prévu le 07/01/2027).');
  });

  it('refuses an empty selection, a cheque already deposited or returned, and a date before reception', async () => {
    const { w, cheques } = await withCheques();
    const [a, b, c] = cheques;
    expect((await w.refusal('deposit-slip-create', { chequeIds: [], depositDate: '2026-12-08' })).fields).toEqual({ chequeIds: 'Sélectionnez au moins un chèque à remettre.' });
    await create(w, { chequeIds: [a!.id], depositDate: '2026-12-08' });
    await w.call('cheque-return', { id: c!.id, reason: 'Erreur' });
    const taken = await w.refusal('deposit-slip-create', { chequeIds: [a!.id, b!.id, c!.id], depositDate: '2027-01-08' });
    expect(taken.fields).toEqual({
      chequeIds: 'Ces chèques ne peuvent pas être remis : n° 1001 (Maëlle Le Goff) déjà remis sur le bordereau BR-2026-0001, n° 88 (Alain Morvan) marqué impayé. Retirez-les de la sélection.',
    });
    const before = await w.refusal('deposit-slip-create', { chequeIds: [b!.id], depositDate: '2026-12-01', allowEarly: true });
    expect(before.fields).toEqual({ depositDate: 'La date de remise précède la réception de chèques : n° 1002 (reçu le 04/12/2026). Choisissez une date de remise plus tardive.' });
    expect(await w.refusal('deposit-slip-create', { chequeIds: [9999], depositDate: '2026-12-08' })).toMatchObject({ type: 'not-found' });
    expect(w.db.get<{ n: number }>('SELECT count(*) AS n FROM deposit_slips')!.n).toBe(1);
  });

  it('refuses when the association has no IBAN, pointing to Paramètres → Organisation', async () => {
    const { w, cheques } = await withCheques({ iban: '' });
    const e = await w.refusal('deposit-slip-create', { chequeIds: [cheques[0]!.id], depositDate: '2026-12-08' });
    expect(e).toMatchObject({
      type: 'conflict',
      message: 'Le compte bancaire (IBAN) de l’association n’est pas renseigné : complétez-le dans Paramètres → Organisation avant de préparer un bordereau.',
    });
    expect((await w.call<{ cheques: ChequeOut[] }>('cheque-list', { status: 'received' })).cheques).toHaveLength(3);
  });
});

describe('deposit-slip-list and deposit-slip-get', () => {
  it('lists slips newest first with returned cheques counted, and gets one with its cheques', async () => {
    const { w, cheques } = await withCheques();
    const [a, b, c] = cheques;
    const first = await create(w, { chequeIds: [c!.id], depositDate: '2026-12-05' });
    await create(w, { chequeIds: [a!.id, b!.id], depositDate: '2027-01-08' });
    await w.call('cheque-return', { id: c!.id, reason: 'Provision insuffisante' });
    const all = await w.call<{ slips: { number: string; returnedCount: number; chequeCount: number }[]; totals: unknown }>('deposit-slip-list', {});
    expect(all.slips.map((s) => [s.number, s.chequeCount, s.returnedCount])).toEqual([
      ['BR-2027-0001', 2, 0],
      ['BR-2026-0001', 1, 1],
    ]);
    expect(all.totals).toEqual({ count: 2, chequeCount: 3, amountCents: 30550 });
    expect((await w.call<{ slips: unknown[] }>('deposit-slip-list', { year: 2026 })).slips).toHaveLength(1);
    const got = await w.call<SlipOut>('deposit-slip-get', { id: first.slip.id });
    expect(got.cheques.map((x) => [x.number, x.status, x.subscriberName])).toEqual([['88', 'returned', 'Ewen Morvan']]);
    expect(got.slip.totalCents).toBe(4550);
    expect(await w.refusal('deposit-slip-get', { id: 9999 })).toMatchObject({ type: 'not-found', message: 'Bordereau de remise introuvable (n° 9999).' });
  });
});
