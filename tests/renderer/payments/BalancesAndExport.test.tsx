import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as download from '../../../renderer/shared/download';
import { downloadText } from '../../../renderer/shared/download';
import { createPaymentsWorld } from '../../core/payments/payments-world';
import { renderPayments } from './payments-harness';

// The download itself is the browser's; what matters here is what the screen hands it.
vi.mock('../../../renderer/shared/download', async (importOriginal) => ({
  ...(await importOriginal<typeof download>()),
  downloadText: vi.fn(),
}));
beforeEach(() => vi.mocked(downloadText).mockClear());

const text = (element: Element) => element.textContent?.replace(/\s/g, ' ');
const CHEQUE = { paymentMethod: 'cheque', iban: '', mandateSignedOn: null };

describe('Règlements → Soldes bas, Impayés, Export comptable', () => {
  it('lists the low balances with the month-end projection, prints the letters and copies the e-mails', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    // Tuesdays at Ploemeur, 10,50 €: four baskets left after Friday 4 December 2026.
    const empty = await w.subscriberOf(await w.subscribe(w.depots.ploemeur, {}, { ...CHEQUE, firstName: 'Anne', lastName: 'Abgrall', email: 'anne@example.fr' }));
    const rich = await w.subscriberOf(await w.subscribe(w.depots.ploemeur, {}, { ...CHEQUE, firstName: 'Bruno', lastName: 'Bihan', email: 'bruno@example.fr' }));
    await w.call('payment-record', { subscriberId: rich, amountCents: 20000, method: 'cash', date: '2026-12-01' });
    renderPayments(w.backend);

    await user.click(await screen.findByRole('tab', { name: 'Soldes bas' }));
    const table = await screen.findByRole('table', { name: 'Soldes bas' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(text(rows[1]!)).toContain('Anne Abgrall');
    expect(text(rows[1]!)).toContain('0,00 €4 · 42,00 €-42,00 €');
    expect(within(rows[1]!).getByText('-42,00 €')).toHaveStyle({ color: 'var(--mantine-color-red-8)' });
    expect(screen.getByText(/seuil de/)).toHaveTextContent(/du 05\/12\/2026 au 31\/12\/2026, passe sous le seuil de 50,00\s€/);
    expect(empty).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Copier les adresses e-mail' }));
    await expect(navigator.clipboard.readText()).resolves.toBe('anne@example.fr');
    expect(await screen.findByText('1 adresse e-mail copiée')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lettres (PDF) · 1' }));
    const ready = await screen.findByRole('dialog', { name: 'Lettres prêtes' });
    expect(ready).toHaveTextContent('lettres-solde-bas_2026-12-04.pdf — 1 page A4.');
    await user.click(within(ready).getByRole('button', { name: 'Fermer' }));

    await user.click(screen.getByRole('button', { name: 'Exporter (CSV)' }));
    const [fileName, csv] = vi.mocked(downloadText).mock.calls[0]!;
    expect(fileName).toBe('soldes-bas-2026-12-05.csv');
    // The shared CSV writer neutralises a text cell starting with « - » (CSV injection): Excel shows it as typed.
    expect(csv.split('\r\n')[1]).toBe("Anne Abgrall;anne@example.fr;Ploemeur;0,00;4;42,00;-42,00;130,00");

    // The threshold's link leads to its setting.
    await user.click(screen.getByRole('button', { name: 'Paramètres → Règlements' }));
    expect(await screen.findByRole('tab', { name: 'Règlements', selected: true })).toBeInTheDocument();
  });

  it('totals the unpaid debts by age, details them and prints the reminders of those over 30 days', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const debt = async (firstName: string, date: string, amountCents: number) => {
      const id = await w.payer({ firstName, lastName: 'Doue' });
      await w.call('ledger-opening-balance-set', { subscriberId: id, date, amountCents });
    };
    await debt('Récent', '2026-11-20', -3000);
    await debt('Moyen', '2026-10-20', -4000);
    await debt('Ancien', '2026-09-01', -5000);
    renderPayments(w.backend);

    await user.click(await screen.findByRole('tab', { name: 'Impayés' }));
    const stats = await screen.findByLabelText('Impayés par ancienneté');
    expect(text(stats)).toBe('0 à 30 jours30,00 €31 à 60 jours40,00 €Plus de 60 jours50,00 €');
    const table = screen.getByRole('table', { name: 'Impayés' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[6]!.textContent)).toEqual(['94 jours', '45 jours', '14 jours']);
    // Over 30 days are checked to start with.
    expect(within(table).getByRole('checkbox', { name: 'Relancer Ancien Doue' })).toBeChecked();
    expect(within(table).getByRole('checkbox', { name: 'Relancer Moyen Doue' })).toBeChecked();
    expect(within(table).getByRole('checkbox', { name: 'Relancer Récent Doue' })).not.toBeChecked();

    await user.click(within(table).getByRole('button', { name: 'Détail des impayés de Ancien Doue' }));
    expect(within(table).getByRole('table', { name: 'Impayés de Ancien Doue' })).toHaveTextContent(/Solde repris de l’ancien logiciel01\/09\/2026/);

    await user.click(screen.getByRole('button', { name: 'Relances (PDF) · 2' }));
    expect(await screen.findByRole('dialog', { name: 'Relances prêtes' })).toHaveTextContent('relances_2026-12-04.pdf — 2 pages A4.');
  });

  it('downloads the FEC of last month, shows its summary, and checks the journal', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const anne = await w.payer({ firstName: 'Anne', lastName: 'Abgrall' });
    await w.call('cheque-record', { subscriberId: anne, cheques: [{ number: '1001', bank: 'La Poste', amountCents: 4500, receivedOn: '2026-11-10' }] });
    await w.call('deposit-slip-create', { chequeIds: [1], depositDate: '2026-11-12' });
    renderPayments(w.backend);

    await user.click(await screen.findByRole('tab', { name: 'Export comptable' }));
    expect(screen.getByRole('textbox', { name: 'Du' })).toHaveValue('01/11/2026');
    expect(screen.getByRole('textbox', { name: 'Au' })).toHaveValue('30/11/2026');
    await user.click(screen.getByRole('button', { name: 'Trimestre dernier' }));
    expect(screen.getByRole('textbox', { name: 'Du' })).toHaveValue('01/07/2026');
    await user.click(screen.getByRole('button', { name: 'Mois dernier' }));
    await user.click(screen.getByRole('button', { name: 'Exporter' }));

    await waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    const [fileName, content, type] = vi.mocked(downloadText).mock.calls[0]!;
    expect(fileName).toBe('732829320FEC20261130.txt');
    expect(type).toBe('text/plain;charset=utf-8');
    expect(content.split(/\r?\n/)[0]!.split('\t')).toHaveLength(18);
    // The cheque received (customer → cheques to deposit) and its deposit (→ bank).
    const summary = await screen.findByLabelText('Résumé de l’export');
    expect(text(summary)).toMatch(/Du 01\/11\/2026 au 30\/11\/2026 : 2 écritures, 4 lignes\. Total débit 90,00 € = total crédit 90,00 € : équilibré\./);

    // A wrong period is refused on its field.
    const to = screen.getByRole('textbox', { name: 'Au' });
    await user.clear(to);
    await user.type(to, '01/10/2026');
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(await screen.findByText('La date de fin précède la date de début : choisissez une date de fin au plus tôt le jour du début.')).toBeInTheDocument();
    expect(downloadText).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Vérifier l’intégrité du journal' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Journal intègre : 1 écriture vérifiée, aucune modification.');
  });
});
