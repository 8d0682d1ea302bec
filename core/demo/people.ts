import type { Random } from './random';

/**
 * Names and addresses of the Lorient area. Varied on purpose (accents, hyphens, apostrophes,
 * Breton "Le"/"Ker" names) so screens, sorting, search and PDFs meet real-world text.
 */
const LAST_NAMES = [
  'Le Goff', 'Le Gall', 'Le Floch', 'Le Corre', 'Le Bihan', 'Le Roux', 'Le Guen', 'Le Meur', 'Le Priol', 'Le Hénanff',
  'Guégan', 'Jégo', 'Kerbiriou', 'Kervadec', 'Kerhervé', 'Tanguy', 'Quéré', 'Quéméner', 'Caradec', 'Guillou',
  'Le Nézet', 'Morvan', 'Riou', 'Jaouen', 'Conan', 'Cadoret', 'Évenno', 'Le Béchec', 'Le Strat', 'Hénaff',
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Mercier', 'Blanc', 'Guérin', 'Boyer',
  'Chevalier', 'François', 'Legrand', 'Gauthier', 'Perrin', 'Clément', 'Morin', 'Nicolas', 'Hervé', 'Gilles',
  "O'Brien", "D'Almeida", "N'Diaye", "L'Hostis", "L'Hénoret", "D'Hervé", 'Da Silva', 'Dos Santos', 'Nguyen', 'Benali',
  'Le Bihan-Quéré', 'Martin-Guégan', 'Pérez-Le Gall', 'Saint-Jalmes', 'Lemaître', 'Béchu', 'Noël', 'Joly', 'Gaël', 'Ménard',
];

const FEMALE_FIRST_NAMES = [
  'Marie', 'Anne', 'Catherine', 'Françoise', 'Hélène', 'Gaëlle', 'Anaïs', 'Noémie', 'Maëlys', 'Clémence',
  'Élodie', 'Chloé', 'Léa', 'Manon', 'Camille', 'Solène', 'Nolwenn', 'Katell', 'Enora', 'Aurélie',
  'Marie-Hélène', 'Anne-Sophie', 'Marie-Thérèse', 'Bénédicte', 'Sylvie', 'Isabelle', 'Nathalie', 'Valérie', 'Zoé', 'Inès',
];

const MALE_FIRST_NAMES = [
  'Jean', 'Pierre', 'Yann', 'Erwan', 'Loïc', 'Gwénaël', 'Ronan', 'Tanguy', 'Mathéo', 'Jérôme',
  'Stéphane', 'Cédric', 'François', 'Hervé', 'Frédéric', 'Sébastien', 'Rémi', 'Théo', 'Noé', 'Maël',
  'Jean-Pierre', 'Jean-François', 'Pierre-Yves', 'Jean-Michel', 'Paul', 'Louis', 'Hugo', 'Gaël', 'Joël', 'Benoît',
];

const ORGANISATIONS = [
  'Crèche Les P’tits Mousses',
  'Restaurant scolaire de Riantec',
  'EHPAD Ker Héol',
  'Comité d’entreprise Naval Group Lorient',
  'Café associatif L’Échappée',
  'Maison de quartier de Keryado',
];

const STREETS = [
  'rue de la Gare', 'rue Jean-Jaurès', 'rue Victor-Hugo', 'allée des Mouettes', 'impasse du Scorff', 'rue de Kerlin',
  'chemin de Kerhoas', 'rue du Blavet', 'avenue de la Perrière', 'rue des Hortensias', 'place de l’Église', 'rue Saint-Guénaël',
  'rue du Général-de-Gaulle', 'boulevard Léon-Blum', 'rue de Lanveur', 'lieu-dit Kerguélen', 'rue Émile-Zola', 'rue d’Estienne-d’Orves',
  'résidence Ty Nevez', 'rue des Goélands', 'quai des Indes', 'rue Anatole-France', 'venelle du Moulin', 'rue de Quimperlé',
];

const EMAIL_DOMAINS = ['example.org', 'example.net', 'example.com'];

export interface DemoPerson {
  kind: 'person' | 'organisation';
  civility: '' | 'Mme' | 'M.';
  lastName: string;
  firstName: string;
  email: string;
  phone: string;
  phone2: string;
  addressLine1: string;
  addressLine2: string;
}

/** `Marie-Hélène`, `L'Hostis` → `marie-helene`, `lhostis`: what an email local part looks like. */
function emailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9-]/g, '');
}

/**
 * Phone numbers from the ranges ARCEP reserves for fiction (02 61 91 xx xx in Brittany,
 * 06 39 98 xx xx for mobiles), so nobody real is ever called from demo data.
 */
function fictionalPhone(random: Random): string {
  const prefix = random.chance(0.7) ? '06 39 98' : '02 61 91';
  return `${prefix} ${random.digits(2)} ${random.digits(2)}`;
}

export function randomPerson(random: Random, serial: number): DemoPerson {
  const street = `${random.int(1, 120)}${random.chance(0.08) ? ' bis' : ''} ${random.pick(STREETS)}`;
  const addressLine2 = random.chance(0.1) ? `Appartement ${random.int(1, 40)}` : '';
  if (random.chance(0.015)) {
    const name = random.pick(ORGANISATIONS);
    return {
      kind: 'organisation',
      civility: '',
      lastName: name,
      firstName: '',
      email: `contact${serial}@${random.pick(EMAIL_DOMAINS)}`,
      phone: fictionalPhone(random),
      phone2: '',
      addressLine1: street,
      addressLine2,
    };
  }
  const lastName = random.pick(LAST_NAMES);
  const female = random.chance(0.55);
  const firstName = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  // Emails use reserved example domains: a demo file must never mail a real person.
  const email = random.chance(0.06) ? '' : `${emailPart(firstName)}.${emailPart(lastName)}${serial}@${random.pick(EMAIL_DOMAINS)}`;
  return {
    kind: 'person',
    civility: random.chance(0.15) ? '' : female ? 'Mme' : 'M.',
    lastName,
    firstName,
    email,
    phone: random.chance(0.05) ? '' : fictionalPhone(random),
    phone2: random.chance(0.12) ? fictionalPhone(random) : '',
    addressLine1: street,
    addressLine2,
  };
}

export { fictionalPhone };
