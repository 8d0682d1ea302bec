import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../core/dates/dates';
import { weekLabel } from '../../../renderer/week/week-dates';
import { createInvoicingWorld } from '../../core/invoicing/invoicing-world';
import { renderInvoicing } from './invoicing-harness';

const figure = (label: string) => within(screen.getByLabelText('Totaux de la facturation')).getByText(label).nextElementSibling?.textContent;
const euros = (text: string | null | undefined) => text?.replace(/\s/g, ' ');

/** Three subscribers on Tuesdays (10,50 € a basket), November 2026 validated: four baskets each. */
async function novemberClosed() {
  const w = await createInvoicingWorld();
  await w.subscribe(w.depots.ploemeur, {}, { lastName: 'Abgrall', firstName: 'Anne' });
  await w.subscribe(w.depots.ploemeur, {}, { lastName: 'Bihan', firstName: 'Bruno' });
  await w.subscribe(w.depots.riantec, {}, { lastName: 'Cadic', firstName: 'Claire' });
  await w.closeMonth('2026-11');
  return w;
}

describe('the Facturation screen', () => {
  it('lists what blocks the month, refuses to prepare while it does, and leads to the week to validate', async () => {
    const user = userEvent.setup();
    const w = await createInvoicingWorld({ siret: '' });
    await w.subscribe(w.depots.ploemeur, {}, { lastName: 'Abgrall', firstName: 'Anne' });
    const { calls } = renderInvoicing(w.backend);
    await user.click(await screen.findByRole('button', { name: 'Nouvelle facturation' }));
    const dialog = screen.getByRole('dialog', { name: 'Nouvelle facturation' });
    expect(within(dialog).getByLabelText('Mois à facturer')).toHaveValue('2026-11');
    const list = await within(dialog).findByRole('list', { name: 'Points à régler' });
    expect(list).toHaveTextContent('Livraisons du mardi 3 novembre 2026 non validées (1 panier) : validez la semaine avant de facturer.');
    expect(list).toHaveTextContent('Indiquez le SIRET de l’association dans les Paramètres');
    expect(within(dialog).getByText('5 points à régler avant de facturer')).toBeInTheDocument();
    const prepare = within(dialog).getByRole('button', { name: 'Préparer les factures' });
    expect(prepare).toBeDisabled();
    await user.click(prepare);
    expect(calls.some((c) => c.method === 'invoice-run-prepare')).toBe(false);
    await user.click(within(list).getAllByRole('button', { name: 'Valider la semaine' })[1]!);
    expect(await screen.findByRole('heading', { name: weekLabel('2026-11-10' as IsoDate) })).toBeInTheDocument();
  });

  it('sends a subscriber without address to their page', async () => {
    const user = userEvent.setup();
    const w = await createInvoicingWorld();
    await w.subscribe(w.depots.ploemeur, {}, { lastName: 'Sans-Adresse', firstName: 'Sam', addressLine1: '', postcode: '', city: '' });
    await w.closeMonth('2026-11');
    renderInvoicing(w.backend);
    await user.click(await screen.findByRole('button', { name: 'Nouvelle facturation' }));
    const list = await screen.findByRole('list', { name: 'Points à régler' });
    expect(list).toHaveTextContent('Sam Sans-Adresse n’a pas d’adresse postale complète');
    await user.click(within(list).getByRole('button', { name: 'Ouvrir la fiche' }));
    expect(await screen.findByRole('heading', { name: /Sam Sans-Adresse/ })).toBeInTheDocument();
  });

  it('prepares the drafts, shows their totals, excludes one, then issues the rest with their numbers', async () => {
    const user = userEvent.setup();
    const w = await novemberClosed();
    renderInvoicing(w.backend);
    await user.click(await screen.findByRole('button', { name: 'Nouvelle facturation' }));
    await screen.findByText(/Rien ne bloque la facturation de novembre 2026/);
    await user.click(screen.getByRole('button', { name: 'Préparer les factures' }));

    await screen.findByRole('heading', { level: 1, name: 'Facturation de novembre 2026' });
    expect(figure('Factures')).toBe('3');
    expect(euros(figure('Total TTC'))).toBe('126,00 €');
    const byDepot = screen.getByRole('table', { name: 'Par dépôt' });
    expect(within(byDepot).getByText('Ploemeur').closest('tr')!.textContent?.replace(/\s/g, ' ')).toBe('Ploemeur884,00 €');
    expect(within(byDepot).getByText('Riantec').closest('tr')!.textContent?.replace(/\s/g, ' ')).toBe('Riantec442,00 €');
    expect(screen.getByRole('table', { name: 'Par formule' })).toHaveTextContent('12');

    await user.click(screen.getByRole('button', { name: 'Exclure la facture de Bruno Bihan' }));
    await waitFor(() => expect(figure('Factures')).toBe('2'));
    expect(euros(figure('Total TTC'))).toBe('84,00 €');
    const run = (await w.backend.call('invoice-run-list', {})) as { id: number }[];
    const view = (await w.backend.call('invoice-run-get', { runId: run[0]!.id })) as { invoices: { name: string; status: string }[] };
    expect(view.invoices.find((i) => i.name === 'Bruno Bihan')?.status).toBe('excluded');
    await user.click(screen.getByRole('button', { name: 'Réintégrer la facture de Bruno Bihan' }));
    await waitFor(() => expect(figure('Factures')).toBe('3'));
    await user.click(screen.getByRole('button', { name: 'Exclure la facture de Bruno Bihan' }));
    await waitFor(() => expect(figure('Factures')).toBe('2'));

    await user.type(screen.getByLabelText('Rechercher dans la facturation'), 'cadic');
    await waitFor(() => expect(screen.getByText('1 sur 3 factures')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Claire Cadic' }));
    const invoice = await screen.findByRole('dialog', { name: 'Facture en brouillon — Claire Cadic' });
    expect(within(within(invoice).getByRole('table', { name: 'Lignes de la facture' })).getAllByRole('row')).toHaveLength(5);
    await user.click(within(invoice).getByRole('button', { name: 'Fermer' }));
    await user.clear(screen.getByLabelText('Rechercher dans la facturation'));

    await user.click(screen.getByRole('button', { name: 'Émettre les factures' }));
    const confirm = screen.getByRole('dialog', { name: 'Émettre les factures' });
    expect(confirm.textContent?.replace(/\s/g, ' ')).toContain('Émettre 2 factures de novembre 2026, pour un total de 84,00 € TTC ?');
    await user.click(within(confirm).getByRole('button', { name: 'Émettre 2 factures' }));
    const table = screen.getByRole('table', { name: 'Factures de la facturation' });
    await within(table).findByText('FA-2026-00001');
    expect(within(table).getByText('FA-2026-00002').closest('tr')).toHaveTextContent('Claire Cadic');
    expect(within(table).getByRole('button', { name: 'Bruno Bihan' }).closest('tr')).toHaveTextContent('Exclue');
    expect(screen.queryByRole('button', { name: 'Émettre les factures' })).not.toBeInTheDocument();

    // The issued run prints as one PDF, offered through the Semaine screen's dialog.
    await user.click(screen.getByRole('button', { name: 'Imprimer les factures' }));
    const ready = await screen.findByRole('dialog', { name: 'Factures prêtes' });
    expect(ready).toHaveTextContent('factures_2026-11.pdf — 2 pages A4.');
  });

  it('finds an issued invoice by number and issues a credit note only with a reason', async () => {
    const user = userEvent.setup();
    const w = await novemberClosed();
    const run = await w.prepare('2026-11');
    const issued = await w.issue(run.id);
    const { calls } = renderInvoicing(w.backend);
    await user.type(await screen.findByLabelText('Rechercher une facture'), 'FA-2026-00002');
    const found = await screen.findByRole('table', { name: 'Factures trouvées' });
    await user.click(within(found).getByRole('button', { name: 'FA-2026-00002' }));
    const invoice = await screen.findByRole('dialog', { name: 'Facture FA-2026-00002 — Bruno Bihan' });
    await user.click(within(invoice).getByRole('button', { name: 'Avoir' }));

    const credit = await screen.findByRole('dialog', { name: 'Avoir sur la facture FA-2026-00002' });
    await user.click(within(credit).getByRole('checkbox', { name: 'Toute la facture' }));
    await user.click(within(credit).getByRole('checkbox', { name: /17\/11\/2026/ }));
    expect(credit.textContent?.replace(/\s/g, ' ')).toContain('Montant de l’avoir : 10,50 € TTC');
    await user.click(within(credit).getByRole('button', { name: 'Émettre l’avoir' }));
    expect(await within(credit).findByText(/Indiquez la raison de l’avoir/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'credit-note-create')).toBe(false);

    await user.type(within(credit).getByLabelText(/Raison/), 'Panier non livré le 17/11{Enter}');
    await within(invoice).findByText('avoir AV-2026-00001');
    expect(within(invoice).getByText(/Avoir AV-2026-00001 du 04\/12\/2026/)).toHaveTextContent('Panier non livré le 17/11');
    expect(await w.balance(issued.run.invoices.find((i) => i.number === 'FA-2026-00002')!.subscriberId)).toBe(-4200 + 1050);
  });

  it('refuses to prepare a month already issued, and says where its invoices are', async () => {
    const user = userEvent.setup();
    const w = await novemberClosed();
    await w.issue((await w.prepare('2026-11')).id);
    const { calls } = renderInvoicing(w.backend);
    await screen.findByRole('table', { name: 'Facturations' });
    await user.click(screen.getByRole('button', { name: 'Nouvelle facturation' }));
    const dialog = screen.getByRole('dialog', { name: 'Nouvelle facturation' });
    expect(await within(dialog).findByText('Novembre 2026 est déjà facturé')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Préparer les factures' })).toBeDisabled();
    expect(calls.some((c) => c.method === 'invoice-run-prepare')).toBe(false);
  });
});
