import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../core/import/import-fields';
import { createWorld } from '../../support/world';
import { subscriberFields } from '../../support/catalog';
import { csvBytes, xlsxBytes } from '../../support/spreadsheets';
import { HEADER, IBAN_OK, importer, memberRow, tableCounts } from './import-world';

describe('guessMapping', () => {
  it('maps the old spreadsheets’ French headers, accents, case and punctuation ignored', () => {
    expect(guessMapping(['N° ADHÉRENT', 'nom', 'Prénom', 'CP', 'Tél.', 'E-mail', 'Point de dépôt', 'Panier', 'Nb', 'Fréquence', 'Date de début', 'Mode de règlement', 'Référence mandat', 'Solde au 10/04'])).toEqual({
      externalRef: 'N° ADHÉRENT',
      lastName: 'nom',
      firstName: 'Prénom',
      postcode: 'CP',
      phone: 'Tél.',
      email: 'E-mail',
      depot: 'Point de dépôt',
      formula: 'Panier',
      quantity: 'Nb',
      frequency: 'Fréquence',
      startDate: 'Date de début',
      paymentMethod: 'Mode de règlement',
      mandateRum: 'Référence mandat',
      balance: 'Solde au 10/04',
    });
  });

  it('reads a bare « Numéro » as the cheque’s number in a cheques file', () => {
    expect(guessMapping(['Numéro', 'Banque', 'Montant', 'N° adhérent', 'Date de remise'], 'cheques')).toEqual({
      number: 'Numéro',
      bank: 'Banque',
      amount: 'Montant',
      externalRef: 'N° adhérent',
      plannedDepositOn: 'Date de remise',
    });
  });
});

describe('import of a members file', () => {
  it('imports an Excel CSV (Windows-1252, « ; », decimal commas) with subscriptions and opening balances', async () => {
    const w = await createWorld();
    const imp = importer(w.backend);
    const bytes = csvBytes(
      [
        HEADER,
        memberRow({ 'N° adhérent': '101', Solde: '30,00' }),
        memberRow({ 'N° adhérent': '102', Nom: 'Guégan', Prénom: 'Hélène', Mail: 'helene@example.fr', Dépôt: 'port-louis', Panier: 'PETIT', Quantité: '2', Fréquence: '15 jours', 'Mode de règlement': 'Prélèvement', IBAN: IBAN_OK, 'Date de signature': '01/03/2026', Solde: '-12,50' }),
        memberRow({ 'N° adhérent': '103', Nom: 'Œuvré', Prénom: 'Zoé', Mail: '', Dépôt: '', Panier: '', Solde: '1 234,56 €' }),
      ],
      { encoding: 'windows-1252' },
    );
    const preview = await imp.preview('members', bytes, { cutoverDate: '2027-01-04' });
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({
      alreadyImported: null,
      rows: 3,
      counts: { subscribersNew: 3, subscribersMatched: 0, subscriptions: 2, depotsMatched: 2, formulasMatched: 1, cheques: 0 },
      balances: { creditCount: 2, creditCents: 3000 + 123456, debtCount: 1, debtCents: 1250 },
    });
    const { importId, summary } = await imp.run('members', bytes, { cutoverDate: '2027-01-04' });
    expect(summary).toMatchObject({ created: 3, refused: 0, creditCents: 126456, debtCents: 1250 });
    const rows = w.db.all<{ id: number; last_name: string; external_ref: string; import_id: number; mandate_rum: string; payment_method: string; search_text: string }>(
      'SELECT id, last_name, external_ref, import_id, mandate_rum, payment_method, search_text FROM subscribers ORDER BY id',
    );
    expect(rows.map((r) => [r.last_name, r.external_ref, r.import_id])).toEqual([
      ['Le Goff', '101', importId],
      ['Guégan', '102', importId],
      ['Œuvré', '103', importId],
    ]);
    // The RUM is generated as subscriber-create does, and searchable.
    expect(rows[1]).toMatchObject({ payment_method: 'sepa', mandate_rum: `PAN-${String(rows[1]!.id).padStart(6, '0')}` });
    expect(rows[1]!.search_text).toContain(rows[1]!.mandate_rum.toLowerCase());
    const chains = (await w.backend.call('subscription-list-for-subscriber', { subscriberId: rows[1]!.id })) as { chainId: number; current: { id: number; quantity: number; frequency: string; depotName: string; startDate: string } }[];
    expect(chains).toHaveLength(1);
    // 4 January 2027 is in ISO week 1: « 15 jours » starts on the week of the start.
    expect(chains[0]!.current).toMatchObject({ quantity: 2, frequency: 'biweekly_odd', depotName: 'Port-Louis', startDate: '2027-01-04' });
    expect(chains[0]!.chainId).toBe(chains[0]!.current.id);
    const balance = async (id: number) => ((await w.backend.call('ledger-balance', { subscriberId: id })) as { balanceCents: number }).balanceCents;
    expect([await balance(rows[0]!.id), await balance(rows[1]!.id), await balance(rows[2]!.id)]).toEqual([3000, -1250, 123456]);
    expect(w.db.get('SELECT cutover_date AS d FROM cutover')).toEqual({ d: '2027-01-04' });
    expect(await w.backend.call('import-mapping-get', { kind: 'members' })).toMatchObject({ kind: 'members', mapping: { lastName: 'Nom', balance: 'Solde', depot: 'Dépôt' } });
    expect(w.db.get<{ ok: string }>('SELECT count(*) AS n FROM imports')).toEqual({ n: 1 });
  });

  it('imports a UTF-8 CSV with BOM and « , », and an .xlsx workbook with real dates', async () => {
    const w = await createWorld();
    const imp = importer(w.backend);
    const utf8 = csvBytes([HEADER, memberRow({ Début: '2027-02-01' })], { encoding: 'utf-8-bom', delimiter: ',' });
    expect((await imp.preview('members', utf8)).problems).toEqual([]);
    await imp.run('members', utf8);
    const xlsx = await xlsxBytes([
      { name: 'Notes', rows: [] },
      {
        name: 'Adhérents',
        rows: [
          ['Nom', 'Prénom', 'Code postal', 'Ville', 'Courriel', 'Point de dépôt', 'Formule', 'Début', 'Solde'],
          ['Morvan', 'Ewen', '56290', 'Port-Louis', 'ewen@example.fr', 'Guidel', 'Petit panier', new Date(2027, 1, 2), 12.5],
        ],
      },
    ]);
    const preview = await imp.preview('members', xlsx, { fileName: 'adherents.xlsx', cutoverDate: '2027-01-04' });
    expect(preview.problems).toEqual([]);
    expect(preview.balances).toEqual({ creditCount: 1, creditCents: 1250, debtCount: 0, debtCents: 0 });
    await imp.run('members', xlsx, { fileName: 'adherents.xlsx', cutoverDate: '2027-01-04' });
    const morvan = w.db.get<{ id: number }>("SELECT id FROM subscribers WHERE last_name = 'Morvan'")!;
    expect(w.db.get('SELECT start_date AS d FROM subscriptions WHERE subscriber_id = ?', [morvan.id])).toEqual({ d: '2027-02-02' });
  });

  it('reports every kind of problem with its line and column, and imports nothing', async () => {
    const w = await createWorld();
    await w.backend.call('subscriber-create', subscriberFields({ lastName: 'Déjà', firstName: 'Là', postcode: '56670', email: 'deja@example.fr' }));
    const imp = importer(w.backend);
    const rows = [
      HEADER,
      memberRow({ 'Mode de règlement': 'prélèvement', IBAN: IBAN_OK, RUM: 'RUM-OLD-1', 'Date de signature': '01/02/2026' }),
      memberRow({ Nom: 'Kerjean', Mail: 'k@example.fr', Dépôt: 'Kervignac' }),
      memberRow({ Nom: 'Tanguy', Mail: 't@example.fr', Panier: 'Panier géant' }),
      memberRow({ Nom: 'Riou', Mail: 'r@example.fr', Fréquence: 'de temps en temps' }),
      memberRow({ Nom: 'Jaffré', Mail: 'j@example.fr', 'Mode de règlement': 'prélèvement', IBAN: 'FR76 1234', 'Date de signature': '01/02/2026' }),
      memberRow({ Ville: 'Gâvres' }),
      memberRow({ Nom: 'Le Gall', Mail: 'lg@example.fr', Début: '31/02/2026' }),
      memberRow({ Nom: 'Cadoret', Mail: 'c@example.fr', Solde: 'trente euros' }),
      memberRow({ Nom: 'Bihan', Mail: 'b@example.fr', 'Mode de règlement': 'SEPA', IBAN: IBAN_OK, RUM: 'RUM-OLD-1', 'Date de signature': '01/02/2026' }),
      memberRow({ Nom: 'Pichon', Mail: 'p@example.fr', 'Mode de règlement': 'prélèvement', 'Date de signature': '01/02/2026' }),
      memberRow({ Nom: '', Mail: 'x@example.fr' }),
      memberRow({ Nom: 'Déjà', Prénom: 'Là', Mail: 'autre@example.fr', CP: '56670' }),
    ];
    const before = tableCounts(w.db);
    const preview = await imp.preview('members', csvBytes(rows), { cutoverDate: '2027-01-04' });
    const at = (line: number) => preview.problems.filter((p) => p.line === line).map((p) => [p.column, p.message]);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([['Dépôt', 'Dépôt « Kervignac » inconnu : créez-le dans Dépôts & tournées ou corrigez la ligne.']]);
    expect(at(4)).toEqual([['Panier', 'Formule « Panier géant » inconnue : créez-la dans Formules & tarifs ou corrigez la ligne.']]);
    expect(at(5)).toEqual([['Fréquence', 'Fréquence « de temps en temps » inconnue : écrivez hebdomadaire, 15 jours, semaines paires, semaines impaires ou mensuel.']]);
    expect(at(6)).toEqual([['IBAN', 'IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.']]);
    expect(at(7)).toEqual([['Nom', 'Anne Le Goff figure déjà ligne 2 (même e-mail) : supprimez le doublon.']]);
    expect(at(8)).toEqual([['Début', 'Début : Le 31/02/2026 n’existe pas : février 2026 n’a que 28 jours.']]);
    expect(at(9)).toEqual([['Solde', expect.stringMatching(/^Solde : « trente euros »/)]]);
    expect(at(10)).toEqual([['RUM', 'La référence de mandat (RUM) RUM-OLD-1 figure déjà ligne 2 : chaque mandat a sa propre référence.']]);
    expect(at(11)).toEqual([['IBAN', 'Prélèvement SEPA sans IBAN : indiquez l’IBAN ou changez le mode de règlement.']]);
    expect(at(12)).toEqual([['Nom', 'Indiquez le nom.']]);
    expect(at(13)).toEqual([['Nom', 'Là Déjà existe déjà dans Paniers (même e-mail) : supprimez la ligne ou importez en mode « mise à jour des coordonnées ».'.replace('même e-mail', 'même code postal')]]);
    expect(preview.counts.subscribersNew).toBe(1);
    await expect(imp.run('members', csvBytes(rows), { cutoverDate: '2027-01-04' })).rejects.toMatchObject({
      type: 'validation',
      message: expect.stringMatching(/^11 problèmes empêchent l’import, rien n’a été importé — ligne 3 \(Dépôt\) : Dépôt « Kervignac » inconnu/),
    });
    expect(tableCounts(w.db)).toEqual(before);
  });

  it('refuses balances without a cut-over date, and a RUM already in the database', async () => {
    const w = await createWorld();
    await w.backend.call('subscriber-create', subscriberFields({ mandateRum: 'RUM-42' }));
    const imp = importer(w.backend);
    const preview = await imp.preview('members', csvBytes([HEADER, memberRow({ Nom: 'Riou', 'Mode de règlement': 'prélèvement', IBAN: IBAN_OK, RUM: 'RUM-42', 'Date de signature': '01/02/2026', Solde: '10' })]));
    expect(preview.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [1, '', 'Le fichier contient des soldes : indiquez la date de reprise des comptes (exemple : 10/04/2026).'],
      [2, 'RUM', 'La référence de mandat (RUM) RUM-42 est déjà utilisée dans Paniers : chaque mandat a sa propre référence.'],
    ]);
  });

  it('says which required column is missing from the mapping', async () => {
    const w = await createWorld();
    const preview = await importer(w.backend).preview('members', csvBytes([['Nom', 'Ville'], ['Le Goff', 'Riantec']]));
    expect(preview.problems).toEqual([{ line: 1, column: '', field: 'firstName', message: 'Aucune colonne pour « Prénom » : indiquez quelle colonne du fichier le contient.' }]);
  });
});
