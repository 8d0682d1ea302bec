/** Organisation settings that pass every check (the letter's association). */
export function validOrganisation() {
  return {
    legalName: 'Optim’ism',
    addressLine1: '2 rue de la Ferme',
    addressLine2: '',
    postcode: '56620',
    city: 'Pont-Scorff',
    siret: '73282932000074',
    phone: '07 81 19 77 21',
    email: 'paniers@optim-ism.fr',
    website: '',
    logoDataUrl: null,
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: 'AGRIFRPP882',
    sepaCreditorId: 'FR72ZZZ123456',
    vatStatus: 'not_liable',
    vatNumber: '',
    invoiceHeader: '',
    invoiceFooter: '',
    paymentTerms: 'Paiement à réception.',
  } as const;
}
