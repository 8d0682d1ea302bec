import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core';
import { createDepot, createGarden, depotFields } from '../../support/catalog';
import { createTestBackend } from '../../support/core';

describe('gardens', () => {
  it('creates, renames and lists gardens; names are unique whatever the case', async () => {
    const { backend } = await createTestBackend();
    const id = await createGarden(backend, 'Pont-Scorff');
    await createGarden(backend, 'Riantec');
    await expect(backend.call('garden-create', { name: 'pont-scorff', address: '' })).rejects.toMatchObject({
      fields: { name: 'Un jardin s’appelle déjà « pont-scorff ».' },
    });
    await backend.call('garden-update', { id, name: 'Pont-Scorff (ferme)', address: 'Kerlavarec' });
    const list = (await backend.call('garden-list', {})) as { name: string }[];
    expect(list.map((g) => g.name)).toEqual(['Pont-Scorff (ferme)', 'Riantec']);
  });

  it('refuses to archive a garden that still serves active depots, naming them', async () => {
    const { backend } = await createTestBackend();
    const garden = await createGarden(backend);
    await createDepot(backend, garden, { name: 'Guidel' });
    await expect(backend.call('garden-archive', { id: garden, archived: true })).rejects.toThrow(/encore 1 dépôt\(s\) \(Guidel\)/);
  });
});

describe('depots', () => {
  it('stores every field and lists the garden name with it', async () => {
    const { backend } = await createTestBackend();
    const garden = await createGarden(backend);
    const id = await createDepot(backend, garden);
    expect(await backend.call('depot-get', { id })).toMatchObject({ ...depotFields(garden), gardenName: 'Pont-Scorff', archivedAt: null });
  });

  it.each([
    [{ postcode: '5627' }, 'postcode', 'Le code postal compte 5 chiffres.'],
    [{ weekday: 8 }, 'weekday', 'Choisissez un jour de la semaine.'],
    [{ capacity: -1 }, 'capacity', 'La capacité ne peut pas être négative.'],
    [{ referentEmail: 'anne@' }, 'referentEmail', 'Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).'],
    [{ name: '  ' }, 'name', 'Indiquez le nom du dépôt.'],
  ])('refuses %o with a French message on the field', async (override, field, message) => {
    const { backend } = await createTestBackend();
    const garden = await createGarden(backend);
    const error = (await backend.call('depot-create', depotFields(garden, override)).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields[field]).toBe(message);
    expect(await backend.call('depot-list', {})).toEqual([]);
  });

  it('deletes a depot without history, archives one with history', async () => {
    const { backend, db } = await createTestBackend();
    const garden = await createGarden(backend);
    const fresh = await createDepot(backend, garden, { name: 'Lanester' });
    await backend.call('depot-delete', { id: fresh });
    await expect(backend.call('depot-get', { id: fresh })).rejects.toMatchObject({ type: 'not-found' });

    const used = await createDepot(backend, garden, { name: 'Hennebont' });
    db.run("INSERT INTO formulas (code, name) VALUES ('P', 'Petit')");
    db.run("INSERT INTO subscribers (last_name, created_at) VALUES ('Le Bihan', '2026-01-01')");
    db.run("INSERT INTO subscriptions (subscriber_id, formula_id, depot_id, start_date, end_date, created_at) VALUES (1, 1, ?, '2025-01-01', '2025-06-30', '2025-01-01')", [used]);
    await expect(backend.call('depot-delete', { id: used })).rejects.toThrow(/historique .* ne peut être qu’archivé/);
    const archived = (await backend.call('depot-archive', { id: used, archived: true })) as { archivedAt: string | null };
    expect(archived.archivedAt).not.toBeNull();
    expect(await backend.call('depot-list', {})).toEqual([]);
    expect(await backend.call('depot-list', { includeArchived: true })).toHaveLength(1);
  });

  it('refuses to archive a depot with subscriptions still running', async () => {
    const { backend, db } = await createTestBackend();
    const garden = await createGarden(backend);
    const depot = await createDepot(backend, garden);
    db.run("INSERT INTO formulas (code, name) VALUES ('P', 'Petit')");
    db.run("INSERT INTO subscribers (last_name, created_at) VALUES ('Le Bihan', '2026-01-01')");
    db.run("INSERT INTO subscriptions (subscriber_id, formula_id, depot_id, start_date, created_at) VALUES (1, 1, ?, '2026-01-01', '2026-01-01')", [depot]);
    await expect(backend.call('depot-archive', { id: depot, archived: true })).rejects.toThrow(/encore 1 abonnement\(s\) en cours/);
  });
});

describe('rounds', () => {
  it('orders depots and reorders them as the arrows or a drag would', async () => {
    const { backend } = await createTestBackend();
    const garden = await createGarden(backend);
    const a = await createDepot(backend, garden, { name: 'Guidel' });
    const b = await createDepot(backend, garden, { name: 'Quéven' });
    const c = await createDepot(backend, garden, { name: 'Keryado (Lorient)' });
    const round = (await backend.call('round-create', { code: 'MAR-1', name: 'Mardi ouest', weekday: 2, colour: '#2f9e44' })) as { id: number };
    await backend.call('round-set-depots', { id: round.id, depotIds: [a, b, c] });
    const reordered = (await backend.call('round-set-depots', { id: round.id, depotIds: [c, a, b] })) as { depots: { name: string; position: number }[] };
    expect(reordered.depots).toEqual([
      { id: c, name: 'Keryado (Lorient)', position: 1 },
      { id: a, name: 'Guidel', position: 2 },
      { id: b, name: 'Quéven', position: 3 },
    ]);
  });

  it('lets a depot sit in two rounds on different days but not on the same day', async () => {
    const { backend } = await createTestBackend();
    const garden = await createGarden(backend);
    const depot = await createDepot(backend, garden, { name: 'Lanester' });
    const tuesday = (await backend.call('round-create', { code: 'MAR', name: 'Mardi', weekday: 2, colour: '#2f9e44' })) as { id: number };
    const friday = (await backend.call('round-create', { code: 'VEN', name: 'Vendredi', weekday: 5, colour: '#1971c2' })) as { id: number };
    const tuesday2 = (await backend.call('round-create', { code: 'MAR-2', name: 'Mardi bis', weekday: 2, colour: '#e8590c' })) as { id: number };
    await backend.call('round-set-depots', { id: tuesday.id, depotIds: [depot] });
    await backend.call('round-set-depots', { id: friday.id, depotIds: [depot] });
    await expect(backend.call('round-set-depots', { id: tuesday2.id, depotIds: [depot] })).rejects.toMatchObject({
      fields: { depotIds: 'Le dépôt Lanester est déjà livré le mardi par la tournée Mardi.' },
    });
    await expect(backend.call('round-update', { id: friday.id, code: 'VEN', name: 'Vendredi', weekday: 2, colour: '#1971c2' })).rejects.toThrow(
      /déjà livré le mardi/,
    );
  });

  it('refuses a duplicate depot in a round and a taken round code', async () => {
    const { backend } = await createTestBackend();
    const garden = await createGarden(backend);
    const depot = await createDepot(backend, garden);
    const round = (await backend.call('round-create', { code: 'MAR', name: 'Mardi', weekday: 2, colour: '#2f9e44' })) as { id: number };
    await expect(backend.call('round-set-depots', { id: round.id, depotIds: [depot, depot] })).rejects.toThrow(/deux fois/);
    await expect(backend.call('round-create', { code: 'mar', name: 'Autre', weekday: 3, colour: '#2f9e44' })).rejects.toMatchObject({
      fields: { code: 'L’identifiant « mar » est déjà pris par une autre tournée.' },
    });
  });
});
