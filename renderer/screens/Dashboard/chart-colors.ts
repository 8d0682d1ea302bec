/** Series colours for the charts: distinct hues that stay readable on white and in print. */
const PALETTE = ['leaf.7', 'orange.6', 'blue.6', 'grape.6', 'teal.6', 'red.6', 'cyan.7', 'yellow.7', 'pink.6', 'indigo.6', 'lime.7', 'gray.6'];

/** By a formula's id, so a formula keeps its colour from one chart to the next. */
export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
