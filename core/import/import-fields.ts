import { foldText } from '../text/fold';

/**
 * The fields an import file may carry, per kind of file, with the French label the wizard
 * shows and the column headers the old spreadsheets use for them (compared without accents,
 * case or punctuation: « N° adhérent », « n adherent » and « No Adhérent » are one header).
 */
export const IMPORT_KINDS = ['members', 'balances', 'cheques'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportField {
  key: string;
  label: string;
  /** The file cannot be imported without a column for it. */
  required: boolean;
  synonyms: readonly string[];
}

const identity: ImportField[] = [
  { key: 'externalRef', label: 'N° adhérent', required: false, synonyms: ['n adherent', 'no adherent', 'num adherent', 'numero adherent', 'numero', 'n', 'no', 'num', 'code adherent', 'id adherent', 'ref adherent', 'adherent n'] },
  { key: 'lastName', label: 'Nom', required: false, synonyms: ['nom', 'nom de famille', 'nom adherent'] },
  { key: 'firstName', label: 'Prénom', required: false, synonyms: ['prenom', 'prenom adherent'] },
];

const balance: ImportField = { key: 'balance', label: 'Solde', required: false, synonyms: ['solde', 'solde reprise', 'solde a la reprise', 'solde au', 'solde ancien logiciel', 'report de solde'] };

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  members: [
    ...identity.map((f) => (f.key === 'externalRef' ? f : { ...f, required: true })),
    { key: 'civility', label: 'Civilité', required: false, synonyms: ['civilite', 'titre'] },
    { key: 'addressLine1', label: 'Adresse', required: false, synonyms: ['adresse', 'adresse 1', 'adresse postale', 'rue'] },
    { key: 'addressLine2', label: 'Complément d’adresse', required: false, synonyms: ['complement', 'complement d adresse', 'complement adresse', 'adresse 2'] },
    { key: 'postcode', label: 'Code postal', required: false, synonyms: ['cp', 'code postal', 'code post'] },
    { key: 'city', label: 'Ville', required: false, synonyms: ['ville', 'commune', 'localite'] },
    { key: 'phone', label: 'Téléphone', required: false, synonyms: ['tel', 'telephone', 'tel fixe', 'telephone fixe', 'fixe', 'tel 1', 'telephone 1'] },
    { key: 'phone2', label: 'Téléphone 2 (portable)', required: false, synonyms: ['portable', 'mobile', 'tel portable', 'tel mobile', 'telephone portable', 'tel 2', 'telephone 2'] },
    { key: 'email', label: 'E-mail', required: false, synonyms: ['mail', 'e mail', 'email', 'courriel', 'adresse mail', 'adresse e mail', 'mel'] },
    { key: 'depot', label: 'Dépôt', required: false, synonyms: ['depot', 'point de depot', 'lieu de depot', 'lieu de livraison', 'point de livraison'] },
    { key: 'formula', label: 'Formule', required: false, synonyms: ['formule', 'panier', 'type de panier', 'abonnement'] },
    { key: 'quantity', label: 'Quantité', required: false, synonyms: ['quantite', 'nb', 'nombre', 'nb paniers', 'nombre de paniers', 'qte'] },
    { key: 'frequency', label: 'Fréquence', required: false, synonyms: ['frequence', 'rythme', 'periodicite'] },
    { key: 'startDate', label: 'Date de début', required: false, synonyms: ['debut', 'date de debut', 'date debut', 'debut abonnement', 'date d inscription'] },
    { key: 'paymentMethod', label: 'Mode de règlement', required: false, synonyms: ['mode de reglement', 'reglement', 'mode de paiement', 'paiement', 'moyen de paiement'] },
    { key: 'iban', label: 'IBAN', required: false, synonyms: ['iban', 'rib'] },
    { key: 'bic', label: 'BIC', required: false, synonyms: ['bic', 'swift'] },
    { key: 'mandateRum', label: 'RUM', required: false, synonyms: ['rum', 'reference mandat', 'reference du mandat', 'ref mandat', 'reference unique de mandat'] },
    { key: 'mandateSignedOn', label: 'Date de signature du mandat', required: false, synonyms: ['date de signature', 'signature', 'date signature', 'date de signature du mandat', 'date mandat', 'signature mandat'] },
    balance,
  ],
  balances: [...identity, { ...balance, required: true }],
  cheques: [
    // In a cheques file a bare « Numéro » is the cheque's, not the member's.
    ...identity.map((f) => (f.key === 'externalRef' ? { ...f, synonyms: f.synonyms.filter((s) => s.includes('adherent')) } : f)),
    { key: 'number', label: 'Numéro du chèque', required: true, synonyms: ['numero', 'n', 'no', 'num', 'numero du cheque', 'numero cheque', 'n cheque', 'no cheque', 'cheque', 'n du cheque'] },
    { key: 'bank', label: 'Banque', required: true, synonyms: ['banque', 'etablissement'] },
    { key: 'drawer', label: 'Tireur', required: false, synonyms: ['tireur', 'emetteur', 'signataire'] },
    { key: 'amount', label: 'Montant', required: true, synonyms: ['montant', 'somme', 'montant du cheque'] },
    { key: 'plannedDepositOn', label: 'Date de remise prévue', required: false, synonyms: ['date de remise prevue', 'date de remise', 'remise prevue', 'date d encaissement', 'encaissement', 'date encaissement', 'a encaisser le', 'date'] },
  ],
};

/** A header as compared: folded, punctuation as spaces (« Tél. » = « tel », « E-mail » = « e mail »). */
export function normalizeHeader(header: string): string {
  return foldText(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type ImportMapping = Record<string, string>;

/**
 * The mapping the wizard proposes: each field gets the first header equal to one of its
 * synonyms; then a header that starts with a synonym (« Solde au 10/04 ») for fields still
 * unmapped. A header serves one field.
 */
export function guessMapping(headers: readonly string[], kind: ImportKind = 'members'): ImportMapping {
  const fields = IMPORT_FIELDS[kind];
  const normalized = headers.map(normalizeHeader);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const take = (matches: (header: string, synonym: string) => boolean) => {
    for (const field of fields) {
      if (mapping[field.key] !== undefined) continue;
      const index = normalized.findIndex((h, i) => !used.has(i) && h !== '' && field.synonyms.some((s) => matches(h, s)));
      if (index >= 0) {
        mapping[field.key] = headers[index]!;
        used.add(index);
      }
    }
  };
  take((h, s) => h === s);
  take((h, s) => s.length >= 3 && h.startsWith(`${s} `));
  return mapping;
}
