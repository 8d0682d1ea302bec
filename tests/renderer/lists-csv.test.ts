import { describe, expect, it } from 'vitest';
import type { Depot } from '../../core/depots/depots';
import { createApiClient } from '../../renderer/api/client';
import { depotsCsv } from '../../renderer/depots/DepotList/depot-csv';
import { subscriptionsCsv } from '../../renderer/subscriptions/list/subscription-csv';
import { createWorld } from '../support/world';

describe('CSV exports of the lists', () => {
  it('exports the depots with their day, hours, capacity and referent', async () => {
    const world = await createWorld();
    const depots = (await world.backend.call('depot-list', {})) as Depot[];
    const lines = depotsCsv(depots).replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('Dépôt;Jardin;Jour;Horaires de retrait;Créneau de livraison;Adresse;Code postal;Ville;Capacité;Référent;Téléphone du référent;E-mail du référent;Archivé');
    expect(lines).toContain('Port-Louis;Riantec;jeudi;mardi 17 h – 19 h;15 h 30;12 rue de Lorient;56270;Ploemeur;;Anne Le Goff;06 12 34 56 78;anne.legoff@example.fr;');
    expect(lines).toHaveLength(5);
  });

  it('exports every page of the filtered subscriptions, with French dates and frequencies', async () => {
    const world = await createWorld();
    await world.subscribe(world.depots.ploemeur, { frequency: 'biweekly_even', startDate: '2026-03-02' }, { lastName: 'Quéré', firstName: 'Hélène' });
    await world.subscribe(world.depots.riantec, { startDate: '2026-04-01' }, { lastName: 'Tanguy', firstName: 'Marc' });
    const api = createApiClient({ kind: 'http', call: (method, input) => world.backend.handle(method, input) });
    const { csv, count } = await subscriptionsCsv(api, { depotId: world.depots.ploemeur });
    expect(count).toBe(1);
    expect(csv).toContain('Hélène Quéré;Petit panier;Ploemeur;Une semaine sur deux (semaines paires);1;02/03/2026;;;En cours');
    const all = await subscriptionsCsv(api, {});
    expect(all.count).toBe(2);
  });
});
