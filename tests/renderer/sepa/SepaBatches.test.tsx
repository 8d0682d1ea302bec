import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type * as download from '../../../renderer/shared/download';
import { downloadText } from '../../../renderer/shared/download';
import { aprilInvoiced } from './sepa-harness';

// The download itself is the browser's; what matters here is what the screen hands it.
vi.mock('../../../renderer/shared/download', async (importOriginal) => ({
  ...(await importOriginal<typeof download>()),
  downloadText: vi.fn(),
}));

type User = ReturnType<typeof userEvent.setup>;
const normalise = (text: string | null | undefined) => text?.replace(/\s/g, ' ');

async function typeDate(user: User, field: HTMLElement, value: string) {
  await user.clear(field);
  await user.type(field, value);
}

/** The date the backend proposes for the run (the one the invoices announced, or the earliest allowed). */
async function suggested(w: Awaited<ReturnType<typeof aprilInvoiced>>) {
  return ((await w.backend.call('sepa-batch-preview', { runId: w.runId })) as { suggestedDate: IsoDate }).suggestedDate;
}

/** « Nouveau prélèvement » with the suggested date, then « Créer le lot »: the batch's page. */
async function createBatch(user: User, day: IsoDate) {
  await user.click(await screen.findByRole('button', { name: 'Nouveau prélèvement' }));
  await screen.findByRole('heading', { name: /^2 prélèvements pour 84,00/ });
  await waitFor(() => expect(screen.getByRole('button', { name: 'Créer le lot' })).toBeEnabled());
  await user.click(screen.getByRole('button', { name: 'Créer le lot' }));
  await screen.findByRole('heading', { level: 1, name: `Prélèvement du ${formatDateShortFr(day)}` });
}

beforeEach(() => vi.mocked(downloadText).mockClear());

describe('Prélèvements SEPA: the batches', () => {
  it('previews the run, says on the field why a date is too early, and creates the batch on an allowed date', async () => {
    const user = userEvent.setup();
    const w = await aprilInvoiced();
    const day = await suggested(w);
    const { calls } = w.render();
    await screen.findByText(/Aucun prélèvement pour l’instant/);
    await user.click(screen.getByRole('button', { name: 'Nouveau prélèvement' }));

    // The suggested date: 14 days after the invoices of 4 December, a TARGET day.
    const date = await screen.findByLabelText(/Date de prélèvement/);
    await waitFor(() => expect(date).toHaveValue(formatDateShortFr(day)));
    expect(await screen.findByRole('heading', { name: /^2 prélèvements pour 84,00/ })).toBeInTheDocument();
    const debits = screen.getByRole('table', { name: 'Prélèvements prévus' });
    expect(within(debits).getAllByRole('row').slice(1).map((row) => normalise(row.textContent))).toEqual(['Hélène Le GallFA-2026-0000242,00 €RCUR', 'Anne MorvanFA-2026-0000342,00 €RCUR']);
    const excluded = screen.getByRole('table', { name: 'Factures écartées' });
    expect(excluded).toHaveTextContent('Mandat révoqué le 30/11/2026.');
    expect(screen.getByText('1 facture réglée autrement (chèque, virement…), hors prélèvement.')).toBeInTheDocument();

    await typeDate(user, date, '10/12/2026');
    await waitFor(() =>
      expect(date).toHaveAccessibleDescription(/Trop tôt : les adhérents doivent être prévenus 14 jours avant le prélèvement \(factures du 04\/12\/2026\)\. Premier jour possible : 18\/12\/2026\./),
    );
    const create = screen.getByRole('button', { name: 'Créer le lot' });
    expect(create).toBeDisabled();
    await user.click(create);
    expect(calls.some((c) => c.method === 'sepa-batch-create')).toBe(false);

    await typeDate(user, date, '21/12/2026');
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    await screen.findByRole('heading', { level: 1, name: 'Prélèvement du 21/12/2026' });
    expect(screen.getByText('Prêt à envoyer')).toBeInTheDocument();
    expect(await w.backend.call('sepa-batch-list', {})).toEqual([expect.objectContaining({ collectionDate: '2026-12-21', count: 2, totalCents: 8400, status: 'ready' })]);
  });

  it('exports the XML through the download helper, marks the batch sent, then settled once the date has passed', async () => {
    const user = userEvent.setup();
    const w = await aprilInvoiced();
    const day = await suggested(w);
    w.render();
    await createBatch(user, day);
    expect(screen.getByRole('button', { name: 'Marquer comme envoyé' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Exporter le fichier XML' }));
    await waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    const [fileName, content] = vi.mocked(downloadText).mock.calls[0]!;
    expect(fileName).toBe(`prelevements-${day}-lot-1.xml`);
    expect(content).toMatch(/^<\?xml/);
    expect(content).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.08');
    expect(content).toContain('<CtrlSum>84.00</CtrlSum>');

    await user.click(await screen.findByRole('button', { name: 'Marquer comme envoyé' }));
    const confirm = screen.getByRole('dialog', { name: 'Marquer comme envoyé' });
    expect(confirm).toHaveTextContent('déposé le fichier sur le site de votre banque');
    await user.click(within(confirm).getByRole('button', { name: 'Le fichier est déposé' }));
    await screen.findByText('Envoyé à la banque');
    expect(screen.getByRole('button', { name: 'Marquer comme encaissé' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Re-télécharger le fichier' })).toBeEnabled();

    // The day after the collection: the bank has collected.
    w.setNow(`${addDays(day, 1)}T09:00:00.000Z`);
    await user.click(screen.getByRole('button', { name: 'Tous les prélèvements' }));
    await user.click(await screen.findByRole('button', { name: `Lot n° 1 du ${formatDateShortFr(day)}` }));
    await user.click(await screen.findByRole('button', { name: 'Marquer comme encaissé' }));
    const debits = screen.getByRole('table', { name: 'Prélèvements du lot' });
    await waitFor(() => expect(within(debits).getAllByText('Encaissé')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Marquer comme encaissé' })).not.toBeInTheDocument();
    expect(await w.balance(w.who.legall)).toBe(0);
  });

  it('records a reject on a settled debit: the debit shows its R-code and the invoice waits in « Rejets à traiter »', async () => {
    const user = userEvent.setup();
    const w = await aprilInvoiced();
    const batch = (await w.backend.call('sepa-batch-create', { runId: w.runId, collectionDate: '2026-12-18' })) as { id: number };
    await w.backend.call('sepa-batch-export', { batchId: batch.id });
    await w.backend.call('sepa-batch-mark-sent', { batchId: batch.id });
    w.setNow('2026-12-22T09:00:00.000Z');
    await w.backend.call('sepa-batch-settle', { batchId: batch.id });
    w.render();

    const list = await screen.findByRole('table', { name: 'Lots de prélèvements' });
    expect(normalise(within(list).getAllByRole('row')[1]!.textContent)).toBe('118/12/2026avril 2026284,00 €Encaissé—');
    await user.click(within(list).getByRole('button', { name: 'Lot n° 1 du 18/12/2026' }));
    await user.click(await screen.findByRole('button', { name: 'Enregistrer un rejet pour Hélène Le Gall' }));
    const dialog = screen.getByRole('dialog', { name: 'Enregistrer un rejet' });
    expect(within(dialog).getByLabelText(/^Date/)).toHaveValue('22/12/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le rejet' }));
    expect(within(dialog).getByRole('combobox', { name: 'Motif' })).toHaveAccessibleDescription('Choisissez le motif (code R) indiqué par la banque.');
    await user.click(within(dialog).getByRole('combobox', { name: 'Motif' }));
    await user.click(await screen.findByRole('option', { name: 'AM04 — Provision insuffisante' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le rejet' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Enregistrer un rejet' })).not.toBeInTheDocument());
    const debits = screen.getByRole('table', { name: 'Prélèvements du lot' });
    await within(debits).findByText('Rejeté');
    expect(debits).toHaveTextContent('Retour AM04 — Provision insuffisante (22/12/2026)');
    expect(within(screen.getByLabelText('Résumé du lot')).getByText(/^1 · 42,00/)).toBeInTheDocument();
    expect(await w.balance(w.who.legall)).toBe(-4200);

    await user.click(screen.getByRole('button', { name: 'Tous les prélèvements' }));
    await user.click(await screen.findByRole('tab', { name: 'Rejets à traiter' }));
    const returns = await screen.findByRole('table', { name: 'Rejets à traiter' });
    expect(normalise(within(returns).getAllByRole('row')[1]!.textContent)).toBe('Hélène Le GallFA-2026-0000242,00 €Retour AM04 — Provision insuffisante22/12/2026Prélèvement SEPA');
    await user.click(within(returns).getByRole('button', { name: 'Hélène Le Gall' }));
    expect(await screen.findByRole('heading', { name: /Hélène Le Gall/ })).toBeInTheDocument();
  });
});
