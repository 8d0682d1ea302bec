import type { Backend, Clock } from '../../core';
import { createDepot, createGarden, formulaFields, subscriberFields, subscriptionFields } from './catalog';
import { createTestBackend } from './core';

/**
 * A small association like the letter's: Pont-Scorff serves Ploemeur and Guidel on Tuesdays,
 * Riantec serves Riantec (Tuesday) and Port-Louis (Thursday). Rounds: MAR-PS, MAR-RI, JEU.
 */
export async function createWorld(options: { clock?: Clock } = {}) {
  const test = await createTestBackend(options);
  const { backend } = test;
  const pontScorff = await createGarden(backend, 'Pont-Scorff');
  const riantec = await createGarden(backend, 'Riantec');
  const depots = {
    ploemeur: await createDepot(backend, pontScorff, { name: 'Ploemeur', weekday: 2, capacity: null }),
    guidel: await createDepot(backend, pontScorff, { name: 'Guidel', weekday: 2, capacity: null }),
    riantec: await createDepot(backend, riantec, { name: 'Riantec', weekday: 2, capacity: null }),
    portLouis: await createDepot(backend, riantec, { name: 'Port-Louis', weekday: 4, capacity: null }),
  };
  const round = async (code: string, weekday: number, depotIds: number[]) => {
    const r = (await backend.call('round-create', { code, name: `Tournée ${code}`, weekday, colour: '#2f9e44' })) as { id: number };
    await backend.call('round-set-depots', { id: r.id, depotIds });
    return r.id;
  };
  const rounds = {
    marPs: await round('MAR-PS', 2, [depots.ploemeur, depots.guidel]),
    marRi: await round('MAR-RI', 2, [depots.riantec]),
    jeu: await round('JEU', 4, [depots.portLouis]),
  };
  const formulas = {
    petit: ((await backend.call('formula-create', formulaFields({ frequencies: ['weekly', 'biweekly_even', 'biweekly_odd', 'monthly'] }))) as { id: number }).id,
    fruits: ((await backend.call('formula-create', formulaFields({ code: 'FRUITS', name: 'Panier fruits', availableFromMonth: 5, availableToMonth: 10, priceCents: 800 }))) as { id: number }).id,
  };
  let n = 0;
  /** A subscriber with one subscription; returns the chain id. */
  const subscribe = async (depotId: number, overrides: Record<string, unknown> = {}, who: Record<string, unknown> = {}) => {
    n++;
    const s = (await backend.call('subscriber-create', subscriberFields({ lastName: `Adhérent ${String(n).padStart(2, '0')}`, email: `a${n}@example.fr`, ...who }))) as { id: number };
    const sub = (await backend.call('subscription-create', subscriptionFields(s.id, formulas.petit, depotId, { startDate: '2026-01-01', ...overrides }))) as { chainId: number };
    return sub.chainId;
  };
  return { ...test, backend: backend as Backend, gardens: { pontScorff, riantec }, depots, rounds, formulas, subscribe };
}
