import { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
import { ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import { addDays, formatDateFr, type IsoDate } from '../dates/dates';
import type { PdfDocument } from '../documents/document-handlers';
import { COLOURS } from '../documents/pdf/pdf-kit';
import { readOrganisation } from '../organisation/organisation-handlers';
import { buildForecast, FORECAST_LABELS, forecastInput, type Forecast, type ForecastWeek } from './forecast';

/** A4 landscape: a week of up to seven delivery days and the totals fits across. */
const PAGE = { width: 297, height: 210, margin: 12 } as const;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function weekTable(doc: jsPDF, forecast: Forecast, week: ForecastWeek, startY: number): number {
  const rows = forecast.rows.filter((r) => week.days.includes(r.date));
  const count = (keep: (r: (typeof rows)[number]) => boolean, day?: string) => rows.filter((r) => keep(r) && (day === undefined || r.date === day)).reduce((n, r) => n + r.count, 0);
  const cell = (n: number) => (n > 0 ? String(n) : '–');
  const head: RowInput[] = [[{ content: 'Formule', styles: { halign: 'left' } }, ...week.days.map((d) => capitalised(formatDateFr(d as IsoDate, 'EEEE d MMM'))), 'Total']];
  const body: RowInput[] = week.byFormula.map((f) => [f.formula, ...week.days.map((d) => cell(count((r) => r.formulaId === f.formulaId, d))), String(f.count)]);
  body.push([{ content: 'Par jardin', colSpan: week.days.length + 2, styles: { fontStyle: 'bold', halign: 'left', fillColor: COLOURS.headFill } }]);
  for (const g of week.byGarden) body.push([`    ${g.garden}`, ...week.days.map((d) => cell(count((r) => r.gardenId === g.gardenId, d))), String(g.count)]);
  autoTable(doc, {
    startY,
    margin: { left: PAGE.margin, right: PAGE.margin, bottom: 14 },
    head,
    body,
    foot: [[{ content: 'Total', styles: { halign: 'left' } }, ...week.days.map((d) => cell(count(() => true, d))), String(week.total)]],
    styles: { font: 'helvetica', fontSize: 10, cellPadding: 1.6, lineColor: COLOURS.rule, lineWidth: 0.15, textColor: COLOURS.text, halign: 'center' },
    columnStyles: { 0: { halign: 'left', cellWidth: 70 } },
    headStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
    footStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
  });
  return (doc as jsPDF & { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}

/** The growers' forecast: one table per week (formulas × delivery days, then gardens), weeks without baskets said so. */
export function renderForecast(forecast: Forecast, organisation: string): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'landscape', compress: true });
  doc.setProperties({ title: 'Prévision de récolte', creator: 'Paniers' });
  const period = `du ${formatDateFr(forecast.from as IsoDate, 'd MMMM yyyy')} au ${formatDateFr(forecast.to as IsoDate, 'd MMMM yyyy')}`;
  let y: number = PAGE.margin;
  const header = () => {
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(8);
    doc.setTextColor(...COLOURS.muted);
    doc.text(`${organisation || 'Paniers'} — prévision de récolte ${period}`, PAGE.margin, PAGE.margin + 2);
    doc.setTextColor(...COLOURS.text);
    y = PAGE.margin + 8;
  };
  header();
  forecast.weeks.forEach((week) => {
    // A week's title never sits alone at the bottom of a page: about 14 lines must fit.
    if (y > PAGE.height - 70) {
      doc.addPage();
      header();
    }
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(13);
    const sunday = addDays(week.monday as IsoDate, 6);
    doc.text(`Semaine ${Number(week.week.slice(6))} — du ${formatDateFr(week.monday as IsoDate, 'd MMMM')} au ${formatDateFr(sunday as IsoDate, 'd MMMM yyyy')}`, PAGE.margin, y + 4);
    doc.setFontSize(11);
    doc.text(`${week.total} panier${week.total > 1 ? 's' : ''}`, PAGE.width - PAGE.margin, y + 4, { align: 'right' });
    if (week.total === 0) {
      doc.setFont('helvetica', 'normal');
      doc.setFontSize(10);
      doc.text('Aucun panier prévu cette semaine (fermeture ou pas de livraison).', PAGE.margin, y + 11);
      y += 20;
      return;
    }
    y = weekTable(doc, forecast, week, y + 7) + 10;
  });
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(...COLOURS.muted);
    doc.text('Paniers attendus selon les abonnements, fréquences, fermetures, jours fériés et annulations connus à ce jour.', PAGE.margin, PAGE.height - 7);
    doc.text(`Page ${page} / ${pages}`, PAGE.width - PAGE.margin, PAGE.height - 7, { align: 'right' });
  }
  return doc;
}

/** The forecast as a printable PDF for the growers (issue 10). */
export const documentForecast = defineHandler({
  name: 'document-forecast',
  input: forecastInput,
  labels: FORECAST_LABELS,
  mutates: false,
  run: ({ db, clock }, { from, weeks }): PdfDocument => {
    const forecast = buildForecast(db, from ?? clock.today(), weeks);
    if (forecast.total === 0) throw new ValidationError('Aucun panier prévu sur ces semaines : il n’y a rien à imprimer.');
    const doc = renderForecast(forecast, readOrganisation(db).legalName);
    return { fileName: `prevision-recolte_${forecast.from}_${forecast.to}.pdf`, dataUri: doc.output('datauristring'), pages: doc.getNumberOfPages() };
  },
});
