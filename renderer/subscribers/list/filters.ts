import type { InputOf } from '../../../core/handlers';
import type { SUBSCRIBER_SORTS } from '../../../core/subscribers/subscriber-handlers';
import type { PaymentMethod, SubscriberStatus } from '../../../core/subscribers/subscribers';

export const PAGE_SIZE = 50;

/** The list's filters, kept by the Adhérents screen so a visit to a subscriber does not lose them. */
export interface SubscriberFilters {
  query: string;
  depotId: string | null;
  gardenId: string | null;
  formulaId: string | null;
  paymentMethod: PaymentMethod | null;
  status: SubscriberStatus | null;
  includeArchived: boolean;
  sort: (typeof SUBSCRIBER_SORTS)[number];
  page: number;
}

export const NO_FILTERS: SubscriberFilters = {
  query: '',
  depotId: null,
  gardenId: null,
  formulaId: null,
  paymentMethod: null,
  status: null,
  includeArchived: false,
  sort: 'name',
  page: 1,
};

const id = (value: string | null) => (value ? Number(value) : undefined);

/** The handler's input for these filters; `query` is the debounced search text. */
export function listInput(filters: SubscriberFilters, query: string): InputOf<'subscriber-list'> {
  return {
    query,
    depotId: id(filters.depotId),
    gardenId: id(filters.gardenId),
    formulaId: id(filters.formulaId),
    paymentMethod: filters.paymentMethod ?? undefined,
    status: filters.status ?? undefined,
    includeArchived: filters.includeArchived,
    sort: filters.sort,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}
