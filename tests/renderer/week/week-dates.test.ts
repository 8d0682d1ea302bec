import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../core/dates/dates';
import { affectedCsv } from '../../../renderer/week/closures/affected-csv';
import { dataUriToBytes } from '../../../renderer/week/print/pdf-output';
import { mondayOf, weekLabel } from '../../../renderer/week/week-dates';

describe('week labels', () => {
  it.each([
    ['2026-12-10', 'Semaine 50 — du lundi 7 au dimanche 13 décembre 2026'],
    ['2026-12-06', 'Semaine 49 — du lundi 30 novembre au dimanche 6 décembre 2026'],
    ['2026-12-31', 'Semaine 53 — du lundi 28 décembre 2026 au dimanche 3 janvier 2027'],
    ['2027-01-04', 'Semaine 1 — du lundi 4 au dimanche 10 janvier 2027'],
  ])('%s → %s', (day, label) => {
    expect(weekLabel(day as IsoDate)).toBe(label);
  });

  it('starts the week on Monday, a Sunday belonging to the week before', () => {
    expect(mondayOf('2026-12-13' as IsoDate)).toBe('2026-12-07');
    expect(mondayOf('2026-12-07' as IsoDate)).toBe('2026-12-07');
  });
});

describe('exports and documents', () => {
  it('lists the subscribers affected by a closure for Excel, with a formula-looking name neutralised', () => {
    const csv = affectedCsv([
      { id: 1, name: 'Anne Le Goff', email: 'anne@example.fr', phone: '06 12 34 56 78', baskets: 2 },
      { id: 2, name: '=HYPERLINK("x")', email: '', phone: '', baskets: 1 },
    ]);
    expect(csv).toBe('\ufeffNom;E-mail;Téléphone;Paniers retirés\r\nAnne Le Goff;anne@example.fr;06 12 34 56 78;2\r\n"\'=HYPERLINK(""x"")";;;1\r\n');
  });

  it('turns the handler’s data URI back into the PDF’s bytes, and refuses anything else', () => {
    const bytes = dataUriToBytes(`data:application/pdf;filename=generated.pdf;base64,${btoa('%PDF-1.3\n')}`);
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.3\n');
    expect(() => dataUriToBytes('https://example.org/x.pdf')).toThrow('n’est pas un PDF lisible');
  });
});
