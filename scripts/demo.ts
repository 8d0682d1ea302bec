/**
 * `npm run demo -- <fichier.paniers> [--subscribers 300] [--years 1] [--seed 1] [--force]`
 * Writes a demo database of the association of the letter, to explore the app or to test.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDateShortFr, loadSqlite, systemClock } from '../core';
import { generateDemo } from '../core/demo';
import { createDatabase } from '../core/db/open';
import { writeFileAtomic } from '../electron/storage/atomic-write';

const USAGE = 'Utilisation : npm run demo -- <fichier.paniers> [--subscribers 300] [--years 1] [--seed 1] [--force]';

function positiveNumber(name: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new Error(`--${name} attend un nombre ${integer ? 'entier ' : ''}positif (reçu « ${value} »).\n${USAGE}`);
  }
  return number;
}

const fr = (n: number) => n.toLocaleString('fr-FR');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      subscribers: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new Error(`Indiquez un (seul) fichier à créer.\n${USAGE}`);
  const subscribers = positiveNumber('subscribers', values.subscribers, 300, true);
  const years = positiveNumber('years', values.years, 1, false);
  const seed = positiveNumber('seed', values.seed, 1, true);
  const file = path.resolve(target);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists && !values.force) {
    throw new Error(`Le fichier ${file} existe déjà : il n’a pas été modifié. Choisissez un autre nom, ou ajoutez --force pour le remplacer.`);
  }

  const started = performance.now();
  const sqlite = await loadSqlite();
  const db = createDatabase(sqlite, systemClock);
  const summary = generateDemo(db, { subscribers, years, seed, clock: systemClock });
  const bytes = db.export();
  db.close();
  await writeFileAtomic(file, bytes);

  console.log(`Base de démonstration créée : ${file}`);
  console.log(`  Historique du ${formatDateShortFr(summary.from)} au ${formatDateShortFr(summary.to)} (graine ${seed})`);
  console.log(`  ${summary.gardens} jardins, ${summary.depots} dépôts, ${summary.rounds} tournées, ${summary.formulas} formules`);
  console.log(`  ${fr(summary.subscribers)} adhérents, ${fr(summary.subscriptions)} abonnements`);
  console.log(`  ${fr(summary.deliveries)} livraisons, ${fr(summary.ledgerEntries)} écritures de compte`);
  console.log(`  Taille : ${(bytes.length / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo, en ${fr(Math.round(performance.now() - started))} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
