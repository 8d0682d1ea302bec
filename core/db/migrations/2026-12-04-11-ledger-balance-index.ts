/**
 * Balances are sums over the ledger: with the amount in the subscriber's index, every balance
 * (one subscriber's, or all of them at once for the dashboard and « Impayés ») is read from the
 * index alone instead of fetching each wide, hashed entry row. The new index replaces the old
 * one, whose columns are its prefix, so writes keep one ledger index.
 */
export const up = /* sql */ `
CREATE INDEX ledger_balance ON ledger_entries(subscriber_id, entry_date, amount_cents);
DROP INDEX ledger_subscriber;
`;
