import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/api/errors';
import { readTable, type ImportTable } from '../../../core/import/read-table';
import { csvBytes, encodeWindows1252, rawXlsxBytes, WINDOWS_1252_CHARS, xlsxBytes, type CsvEncoding } from '../../support/spreadsheets';

const MEMBERS = [
  ['N° adhérent', 'Nom', 'Prénom', 'Adresse', 'Solde', 'Début'],
  ['101', 'Lefèvre', 'Élodie', '3, rue de l’Église', '30,00', '10/04/2026'],
  ['102', 'Le Cœur', 'François', '« Les Chênes »', '-12,50', '17/04/2026'],
  ['103', 'Müller', 'Gaëlle', 'Lieu-dit Kerœ', '1 234,56 €', '24/04/2026'],
];

function refusal(bytes: Uint8Array, fileName: string): string {
  try {
    readTable(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).message;
  }
  throw new Error('readTable accepted the file');
}

describe('readTable: CSV', () => {
  it('reads Excel’s French CSV: Windows-1252, `;`, decimal commas', () => {
    const table = readTable(csvBytes(MEMBERS, { encoding: 'windows-1252', delimiter: ';' }), 'adherents.csv');
    expect(table).toEqual<ImportTable>({ format: 'csv', encoding: 'windows-1252', delimiter: ';', sheets: [{ name: 'CSV', rows: MEMBERS }] });
  });

  it('decodes the Windows-1252 characters that Latin-1 lacks (€ ’ œ Œ)', () => {
    const bytes = encodeWindows1252('Nom;Note\r\nŒuvre;l’été à 5 €\r\n');
    expect(Array.from(bytes.slice(10, 11))).toEqual([0x8c]);
    expect(readTable(bytes, 'x.csv').sheets[0]!.rows[1]).toEqual(['Œuvre', 'l’été à 5 €']);
  });

  it('reads UTF-8 with BOM and `,`, and UTF-8 without BOM', () => {
    const rows = [['Nom', 'Ville'], ['Éloïse', 'Quéven'], ['Zoé', 'Pont-l’Abbé']];
    for (const encoding of ['utf-8-bom', 'utf-8'] as const) {
      const table = readTable(csvBytes(rows, { encoding, delimiter: ',' }), 'export.csv');
      expect(table).toMatchObject({ encoding: 'utf-8', delimiter: ',', sheets: [{ rows }] });
      expect(table.sheets[0]!.rows[0]![0]).toBe('Nom'); // no BOM left on the first header
    }
  });

  it('reads Excel’s « Texte Unicode » (UTF-16 with tabs)', () => {
    const table = readTable(csvBytes(MEMBERS, { encoding: 'utf-16le', delimiter: '\t' }), 'adherents.txt');
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', sheets: [{ rows: MEMBERS }] });
  });

  it('chooses `;` over `,` even when decimal commas outnumber the semicolons', () => {
    const text = 'Nom;Solde\nA;1,5\nB;2,25\nC;3,75\n';
    expect(readTable(strToU8(text), 'x.csv').delimiter).toBe(';');
    const commas = 'Nom,Solde,Ville\nA,"1,5",Lorient\nB,"2,25",Vannes\n';
    expect(readTable(strToU8(commas), 'x.csv')).toMatchObject({ delimiter: ',', sheets: [{ rows: [['Nom', 'Solde', 'Ville'], ['A', '1,5', 'Lorient'], ['B', '2,25', 'Vannes']] }] });
  });

  it('honours Excel’s `sep=` first line', () => {
    const table = readTable(strToU8('sep=,\r\nNom;Prénom,Solde\r\nA;B,1\r\n'), 'x.csv');
    expect(table).toMatchObject({ delimiter: ',', sheets: [{ rows: [['Nom;Prénom', 'Solde'], ['A;B', '1']] }] });
  });

  it('reads quoted fields with doubled quotes, delimiters and line breaks inside', () => {
    const text = 'Nom;Adresse;Note\r\n"Dupont";"12 rue ""Haute""\r\nBâtiment B";"a;b"\r\nMartin;"";"x\ny"\r\n';
    expect(readTable(strToU8(text), 'x.csv').sheets[0]!.rows).toEqual([
      ['Nom', 'Adresse', 'Note'],
      ['Dupont', '12 rue "Haute"\nBâtiment B', 'a;b'],
      ['Martin', '', 'x\ny'],
    ]);
  });

  it('reads CRLF, LF and CR line ends, even mixed in one file', () => {
    for (const lineEnd of ['\r\n', '\n', '\r'] as const) {
      expect(readTable(csvBytes(MEMBERS, { lineEnd }), 'x.csv').sheets[0]!.rows).toEqual(MEMBERS);
    }
    expect(readTable(strToU8('a;b\r\nc;d\ne;f\rg;h'), 'x.csv').sheets[0]!.rows).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('trims cells, drops trailing blank lines and columns, keeps inner blank lines for line numbers', () => {
    const text = ' Nom ; Solde ;;\r\n Dupont ;\u00a012,50 ;;\r\n;;;\r\nMartin;3;;\r\n;;;\r\n\r\n\r\n';
    expect(readTable(strToU8(text), 'x.csv').sheets[0]!.rows).toEqual([
      ['Nom', 'Solde'],
      ['Dupont', '12,50'],
      ['', ''],
      ['Martin', '3'],
    ]);
  });

  it('reads a one-column file whole, with the delimiter that splits no line', () => {
    expect(readTable(strToU8('Nom\nDupont, Jean\nMartin\n'), 'x.csv').sheets[0]!.rows).toEqual([['Nom'], ['Dupont, Jean'], ['Martin']]);
  });

  it('pads short rows to the header’s width', () => {
    expect(readTable(strToU8('a;b;c\n1\n2;3;4\n'), 'x.csv').sheets[0]!.rows).toEqual([['a', 'b', 'c'], ['1', '', ''], ['2', '3', '4']]);
  });

  it('refuses an unclosed quote, naming the line where it opened', () => {
    expect(refusal(strToU8('Nom;Note\nA;ok\nB;"jamais fermé\nC;x\n'), 'x.csv')).toContain('Ligne 3 : un guillemet');
  });
});

describe('readTable: xlsx', () => {
  it('reads a two-sheet workbook written by another library: names, text, dates, numbers, booleans', async () => {
    const bytes = await xlsxBytes([
      {
        name: 'Adhérents',
        rows: [
          ['Nom', 'Début', 'Solde', 'Quantité', 'Actif'],
          ['Dupont & fils <SARL>', new Date(2026, 3, 10), 30, 2, true],
          ['Lefèvre', new Date(2026, 11, 31), -12.5, 1, false],
          ['Précision', new Date(2000, 1, 29), 0.1 + 0.2, 1234567, null],
        ],
      },
      { name: 'Chèques', rows: [['N° chèque', 'Montant'], ['0001234', 45.1]] },
    ]);
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(readTable(bytes, 'adherents.xlsx')).toEqual<ImportTable>({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: [
        {
          name: 'Adhérents',
          rows: [
            ['Nom', 'Début', 'Solde', 'Quantité', 'Actif'],
            ['Dupont & fils <SARL>', '10/04/2026', '30', '2', 'oui'],
            ['Lefèvre', '31/12/2026', '-12,5', '1', 'non'],
            ['Précision', '29/02/2000', '0,3', '1234567', ''],
          ],
        },
        { name: 'Chèques', rows: [['N° chèque', 'Montant'], ['0001234', '45,1']] },
      ],
    });
  });

  it('decides by content, not by name: a workbook named .csv is read as a workbook', async () => {
    const bytes = await xlsxBytes([{ name: 'Feuil1', rows: [['a'], ['b']] }]);
    expect(readTable(bytes, 'export.csv').format).toBe('xlsx');
    expect(readTable(csvBytes(MEMBERS), 'adherents.xlsx').format).toBe('csv');
  });

  it('reads shared and inline strings, rich text, formulas’ cached values, errors, custom date formats, gaps', () => {
    const bytes = rawXlsxBytes({
      sharedStrings: ['Nom', 'Total', 'Le Goff'],
      numFmts: '<numFmt numFmtId="164" formatCode="[$-40C]d\\ mmmm\\ yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/>',
      cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="20"/>',
      sheets: [
        {
          name: 'Feuil1 & co',
          sheetData:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>Dé</t></r><r><rPr><b/></rPr><t xml:space="preserve">but </t></r></is></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="3"><f>SUM(X1:X9)</f><v>1234.5</v></c><c r="C2" s="2"><v>46122</v></c><c r="E2" t="str"><f>A2&amp;"!"</f><v>Le Goff!</v></c></row>' +
            '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4" s="1"><v>46122.75</v></c><c r="D4" s="4"><v>0.5</v></c><c r="E4" t="d"><v>2026-04-10T00:00:00</v></c></row>' +
            '<row r="5"><c r="A5" s="1"/><c r="B5"><v></v></c></row>',
        },
      ],
    });
    expect(readTable(bytes, 'x.xlsx').sheets).toEqual([
      {
        name: 'Feuil1 & co',
        rows: [
          ['Nom', 'Total', 'Début', '', ''],
          ['Le Goff', '1234,5', '10/04/2026', '', 'Le Goff!'],
          ['', '', '', '', ''],
          ['oui', '#N/A', '10/04/2026', '12:00', '10/04/2026'],
        ],
      },
    ]);
  });

  it('reads namespaced parts, cells without references and the 1904 date system', () => {
    const bytes = rawXlsxBytes({
      date1904: true,
      cellXfs: '<x:xf numFmtId="0"/><x:xf numFmtId="14"/>',
      sheets: [{ name: 'S', sheetData: '<x:row><x:c t="inlineStr"><x:is><x:t>Date</x:t></x:is></x:c></x:row><x:row><x:c s="1"><x:v>44660</x:v></x:c></x:row>' }],
    });
    expect(readTable(bytes, 'x.xlsx').sheets[0]!.rows).toEqual([['Date'], ['10/04/2026']]);
  });

  it('keeps an empty sheet in the list, as long as one sheet has data', () => {
    const bytes = rawXlsxBytes({
      sharedStrings: ['Nom', 'A'],
      sheets: [
        { name: 'Vide', sheetData: '' },
        { name: 'Liste', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>' },
      ],
    });
    expect(readTable(bytes, 'x.xlsx').sheets).toEqual([{ name: 'Vide', rows: [] }, { name: 'Liste', rows: [['Nom'], ['A']] }]);
  });
});

describe('readTable: files it cannot read', () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

  it('explains how to convert an old .xls', () => {
    expect(refusal(ole, 'adherents.xls')).toBe(
      'Ce classeur est au format Excel 97-2003 (.xls) : dans Excel, faites Fichier → Enregistrer sous → Classeur Excel (.xlsx) ou CSV, puis importez ce fichier.',
    );
  });

  it('tells a password-protected .xlsx apart from an .xls', () => {
    expect(refusal(ole, 'adherents.xlsx')).toContain('protégé par un mot de passe');
  });

  it.each([
    ['an empty file', new Uint8Array(), 'est vide'],
    ['only blank lines', strToU8(';;\r\n\r\n  \r\n'), 'aucune ligne remplie'],
    ['a header and no data', strToU8('Nom;Prénom;Solde\r\n'), 'qu’une ligne d’en-têtes'],
    ['a workbook with only headers', rawXlsxBytes({ sharedStrings: ['Nom'], sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] }), 'qu’une ligne d’en-têtes'],
    ['a PDF', strToU8('%PDF-1.7\n…'), 'est un PDF'],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'ni un CSV ni un classeur Excel'],
    ['a zip that is not a workbook', zipSync({ 'a.txt': strToU8('bonjour') }), 'ni un CSV ni un classeur Excel'],
    ['an .ods', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }), 'LibreOffice (.ods)'],
    ['a truncated workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'endommagé'],
  ])('refuses %s in French', (_, bytes, message) => {
    expect(refusal(bytes, 'fichier.csv')).toContain(message);
  });

  it('names the file in the message, without its folder', () => {
    expect(refusal(new Uint8Array(), 'C:\\Users\\bureau\\adhérents.csv')).toContain('« adhérents.csv »');
  });
});

describe('readTable: properties', () => {
  const expectTableOrValidationError = (bytes: Uint8Array) => {
    try {
      const table = readTable(bytes, 'aleatoire.csv');
      for (const sheet of table.sheets) {
        const width = sheet.rows[0]?.length ?? 0;
        for (const row of sheet.rows) {
          expect(row).toHaveLength(width);
          for (const cell of row) expect(cell).toBe(cell.trim());
        }
      }
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
    }
  };

  it('any bytes give a table or a ValidationError, never another exception', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), expectTableOrValidationError), { numRuns: 500, seed: 2026 });
  });

  it('any bytes behind a zip or .xls signature give a table or a ValidationError', () => {
    const signed = fc.tuple(fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]), fc.uint8Array({ maxLength: 300 }));
    fc.assert(fc.property(signed, ([head, tail]) => expectTableOrValidationError(new Uint8Array([...head, ...tail]))), { numRuns: 300, seed: 2026 });
  });

  it('any CSV-ish text gives a table or a ValidationError', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '€', ' ', ';', ',', '\t', '"', '\r', '\n', '1', ',5') });
    fc.assert(fc.property(text, (t) => expectTableOrValidationError(strToU8(t))), { numRuns: 500, seed: 2026 });
  });

  it('any table written with csvBytes reads back equal, in every encoding, delimiter and line end', () => {
    const cell = fc.string({ unit: fc.constantFrom(...WINDOWS_1252_CHARS, '\n', '\r\n', '"') }).map((s) => s.trim().replace(/\r\n?/g, '\n'));
    const table = fc
      // Two columns at least: a one-column file whose cells hold commas is ambiguous by nature (it
      // is exactly a `,` file with an empty column), see the one-column test above.
      .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 6 }))
      .chain(([width, height]) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: height, maxLength: height }))
      // Every column and the first two lines hold something: otherwise trailing blanks are dropped
      // by design, and a file needs a header and a line of data.
      .map((rows) => rows.map((row, r) => row.map((value, c) => (r < 2 || c === row.length - 1 ? value || `x${r}${c}` : value))))
      // A Windows-1252 file that starts with « ÿþ », « þÿ » or « ï»¿ » has the bytes of a UTF-16 or
      // UTF-8 byte-order mark: it is read as such, by design (no office header starts that way).
      .map((rows) => rows.map((row, r) => row.map((value, c) => (r === 0 && c === 0 && /^(ÿþ|þÿ|ï»¿)/.test(value) ? `x${value}` : value))));
    const options = fc.record({
      encoding: fc.constantFrom<CsvEncoding>('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le'),
      delimiter: fc.constantFrom<';' | ',' | '\t'>(';', ',', '\t'),
      lineEnd: fc.constantFrom<'\r\n' | '\n' | '\r'>('\r\n', '\n', '\r'),
    });
    fc.assert(
      fc.property(table, options, (rows, opts) => {
        const read = readTable(csvBytes(rows, opts), 'table.csv');
        const lastFilled = rows.findLastIndex((row) => row.some((value) => value !== ''));
        expect(read.sheets[0]!.rows).toEqual(rows.slice(0, lastFilled + 1));
        expect(read.delimiter).toBe(opts.delimiter);
      }),
      { numRuns: 300, seed: 2026 },
    );
  });
});
