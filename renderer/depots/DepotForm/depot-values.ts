import type { FieldErrors } from '../../../core/api/errors';
import type { Depot } from '../../../core/depots/depots';
import { parseWholeNumber } from '../../settings/form/labels';

/** The depot form as typed: every field is text until it is sent. */
export interface DepotFormValues {
  name: string;
  gardenId: string;
  addressLine1: string;
  postcode: string;
  city: string;
  weekday: string;
  pickupHours: string;
  deliverySlot: string;
  capacity: string | number;
  referentName: string;
  referentPhone: string;
  referentEmail: string;
  notes: string;
}

export function emptyDepotValues(gardenId: number | null): DepotFormValues {
  return {
    name: '',
    gardenId: gardenId === null ? '' : String(gardenId),
    addressLine1: '',
    postcode: '',
    city: '',
    weekday: '',
    pickupHours: '',
    deliverySlot: '',
    capacity: '',
    referentName: '',
    referentPhone: '',
    referentEmail: '',
    notes: '',
  };
}

export function depotValues(depot: Depot): DepotFormValues {
  return {
    ...depot,
    gardenId: String(depot.gardenId),
    weekday: String(depot.weekday),
    capacity: depot.capacity === null ? '' : depot.capacity,
  };
}

/** The handler's input, and what could not be converted (said on its field, nothing is sent). */
export function depotInputOf(values: DepotFormValues): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const capacity = parseWholeNumber(values.capacity);
  if (capacity === undefined) errors.capacity = 'La capacité est un nombre entier de paniers (laissez vide pour ne pas limiter).';
  if (values.gardenId === '') errors.gardenId = 'Choisissez le jardin qui sert ce dépôt.';
  return {
    input: {
      ...values,
      gardenId: values.gardenId === '' ? undefined : Number(values.gardenId),
      weekday: values.weekday === '' ? undefined : Number(values.weekday),
      capacity: capacity ?? null,
    },
    errors,
  };
}
