import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PortalPage } from '../../../renderer/portal/Portal.page';
import { createDepot } from '../../support/catalog';
import { createInvoicingWorld } from '../../core/invoicing/invoicing-world';
import { portalIdFor, requestsFile, subscriberOf, weekBaskets } from '../../core/portal/requests-support';
import { renderAgainst } from '../app-harness';

async function portalWorld() {
  const world = await createInvoicingWorld(); // today: Friday 2026-12-04
  const { backend, depots, gardens } = world;
  const small = await createDepot(backend, gardens.pontScorff, { name: 'Kervignac', weekday: 2, capacity: 1 });
  await world.subscribe(small);
  const contact = await world.subscribe(depots.ploemeur);
  const late = await world.subscribe(depots.ploemeur);
  const mover = await world.subscribe(depots.ploemeur);
  // Five days before at noon: Tuesday the 8th could be cancelled until Thursday the 3rd.
  await backend.call('delivery-settings-update', { cancelDeadlineDays: 5, cancelDeadlineTime: '12:00', billNotCollected: false });
  const pid = async (chainId: number) => portalIdFor(backend, await subscriberOf(backend, chainId));
  const view = renderAgainst(backend, <PortalPage />);
  return { ...world, ...view, small, contact, late, mover, pid };
}

describe('Portail screen', () => {
  it('exports into the folder and shows the last export', async () => {
    const user = userEvent.setup();
    const { portal } = await portalWorld();
    expect(await screen.findByText('/Documents/Portail')).toBeInTheDocument();
    expect(screen.getByText('Aucun export écrit pour l’instant : le premier sera complet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Exporter les changements' }));
    expect(await screen.findByText(/^Export n° 1 écrit : \d+ fichiers dans le dossier du portail\. Aucun export n’a encore été écrit/)).toBeInTheDocument();
    const last = await screen.findByLabelText('Dernier export');
    expect(last).toHaveTextContent('n° 1 (complet)');
    expect(last).toHaveTextContent('4 sur 4');
    expect(JSON.parse(portal.files.get('manifest.json')!)).toMatchObject({ sequence: 1, kind: 'full' });

    await user.click(screen.getByRole('button', { name: 'Exporter les changements' }));
    await waitFor(() => expect(screen.getByLabelText('Dernier export')).toHaveTextContent('n° 2 (des changements)'));
    expect(screen.getByLabelText('Dernier export')).toHaveTextContent('0 sur 4');
  });

  it('reads the requests, applies what it can, and lets the office accept a late cancellation', async () => {
    const user = userEvent.setup();
    const { portal, pid, contact, late, backend } = await portalWorld();
    portal.requests.push({
      name: 'demandes-1.json',
      content: requestsFile([
        { requestId: 'mail', portalId: await pid(contact), type: 'contact_update', email: 'nouveau@example.fr' },
        { requestId: 'late', portalId: await pid(late), type: 'cancel_deliveries', dates: ['2026-12-08'] },
      ]),
    });
    portal.requests.push({ name: 'abime.json', content: '{ "format": 1 }' });
    await user.click(await screen.findByRole('button', { name: 'Lire les demandes du portail' }));
    const summary = await screen.findByRole('status');
    expect(summary).toHaveTextContent('2 fichiers lus : 1 appliquée, 1 en attente, 0 rejetée, 0 déjà reçue.');
    expect(summary).toHaveTextContent('Fichier abime.json refusé');

    const table = await screen.findByRole('table', { name: 'Demandes en attente' });
    const row = within(table).getByText('Annuler le panier du mardi 8 décembre 2026').closest('tr')!;
    expect(row).toHaveTextContent('Annulation de paniers');
    expect(row).toHaveTextContent(/Le délai d’annulation du panier du mardi 8 décembre 2026 est dépassé/);
    await user.click(within(row).getByRole('button', { name: /^Accepter/ }));
    expect(await screen.findByText('Aucune demande en attente.')).toBeInTheDocument();
    expect((await weekBaskets(backend, '2026-12-08', late)).map((b) => b.status)).toEqual(['cancelled']);
  });

  it('asks for the forcing reason when a depot is full, and for the motive of a refusal', async () => {
    const user = userEvent.setup();
    const { portal, pid, mover, contact, small, backend } = await portalWorld();
    portal.requests.push({
      name: 'demandes-2.json',
      content: requestsFile([
        { requestId: 'full', portalId: await pid(mover), type: 'permanent_change', from: '2026-12-14', depotId: small },
        { requestId: 'other', portalId: await pid(contact), type: 'permanent_change', from: '2026-12-14', depotId: small },
      ]),
    });
    await user.click(await screen.findByRole('button', { name: 'Lire les demandes du portail' }));
    const table = await screen.findByRole('table', { name: 'Demandes en attente' });
    const [forced, refused] = within(table).getAllByRole('row').slice(1);

    await user.click(within(forced!).getByRole('button', { name: /^Accepter/ }));
    const force = await screen.findByRole('dialog', { name: 'Accepter en dépassant la capacité' });
    expect(force).toHaveTextContent(/Kervignac/);
    await user.type(within(force).getByLabelText(/Raison du dépassement de capacité/), 'Accord du jardinier{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(within(refused!).getByRole('button', { name: /^Refuser/ }));
    const reject = await screen.findByRole('dialog', { name: 'Refuser la demande' });
    await user.click(within(reject).getByRole('button', { name: 'Refuser la demande' }));
    expect(await within(reject).findByText('Indiquez le motif du refus : le portail le transmettra à l’adhérent.')).toBeInTheDocument();
    await user.type(within(reject).getByLabelText(/Motif du refus/), 'Le dépôt de Kervignac est complet.{Enter}');
    expect(await screen.findByText('Aucune demande en attente.')).toBeInTheDocument();

    const all = (await backend.call('portal-request-list', {})) as { requestId: string; status: string; reason: string }[];
    expect(all.map((r) => [r.requestId, r.status, r.reason])).toEqual([
      ['full', 'applied', 'Accord du jardinier'],
      ['other', 'rejected', 'Le dépôt de Kervignac est complet.'],
    ]);
  });

  it('saves the settings, refuses a plain-http address on its field, and never shows the token back', async () => {
    const user = userEvent.setup();
    const { backend, portal } = await portalWorld();
    const url = await screen.findByLabelText(/Adresse d’envoi \(HTTPS\)/);
    await user.type(url, 'http://portail.exemple.fr/import');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    // On the field (and in the notification).
    expect(screen.getAllByText(/Adresse invalide : indiquez une adresse qui commence par https:\/\//).length).toBeGreaterThanOrEqual(1);
    expect(((await backend.call('portal-settings-get', {})) as { pushUrl: string }).pushUrl).toBe('');

    await user.clear(url);
    await user.type(url, 'https://portail.exemple.fr/import');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await waitFor(async () => expect(((await backend.call('portal-settings-get', {})) as { pushUrl: string }).pushUrl).toBe('https://portail.exemple.fr/import'));

    const token = screen.getByLabelText(/Jeton du portail/);
    await user.type(token, 'jeton-123{Enter}');
    expect(await screen.findByText('jeton enregistré')).toBeInTheDocument();
    expect(token).toHaveValue('');
    expect(portal.token).toBe('jeton-123');
  });

  it('sends the last export to the portal and shows the recorded status', async () => {
    const user = userEvent.setup();
    const { portal } = await portalWorld();
    const send = await screen.findByRole('button', { name: 'Envoyer au portail' });
    expect(send).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Tout exporter' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Envoyer au portail' })).toBeEnabled());
    portal.pushAnswer = { ok: false, status: 'Le portail a refusé le jeton (erreur 401) : vérifiez le jeton que le portail vous a donné, enregistrez-le à nouveau, puis réessayez.' };
    await user.click(screen.getByRole('button', { name: 'Envoyer au portail' }));
    const last = await screen.findByRole('status');
    expect(last).toHaveTextContent('Dernier envoi (export n° 1)');
    expect(last).toHaveTextContent('Le portail a refusé le jeton (erreur 401)');
  });
});
