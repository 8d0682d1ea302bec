// Demo data for the web harness ("explore the demo"), `npm run demo` and `npm run bench`.
export { createDemoDatabase, generateDemo, DEMO_GENERATOR_VERSION, type DemoOptions, type DemoSummary } from './generate';
export { frenchIban, ribKey } from './bank-ids';
export { GARDEN_CLOSURES } from './calendar';
