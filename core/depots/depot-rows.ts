import type { Depot, Garden } from './depots';

export interface GardenRow {
  id: number;
  name: string;
  address: string;
  archived_at: string | null;
}

export function gardenFromDb(row: GardenRow): Garden {
  return { id: row.id, name: row.name, address: row.address, archivedAt: row.archived_at };
}

export interface DepotRow {
  id: number;
  name: string;
  garden_id: number;
  garden_name: string;
  address_line1: string;
  postcode: string;
  city: string;
  weekday: number;
  pickup_hours: string;
  delivery_slot: string;
  capacity: number | null;
  referent_name: string;
  referent_phone: string;
  referent_email: string;
  notes: string;
  archived_at: string | null;
}

/** SELECT list giving a DepotRow (with the garden's name). */
export const DEPOT_SELECT = `SELECT d.*, g.name AS garden_name FROM depots d JOIN gardens g ON g.id = d.garden_id`;

export function depotFromDb(row: DepotRow): Depot {
  return {
    id: row.id,
    name: row.name,
    gardenId: row.garden_id,
    gardenName: row.garden_name,
    addressLine1: row.address_line1,
    postcode: row.postcode,
    city: row.city,
    weekday: row.weekday,
    pickupHours: row.pickup_hours,
    deliverySlot: row.delivery_slot,
    capacity: row.capacity,
    referentName: row.referent_name,
    referentPhone: row.referent_phone,
    referentEmail: row.referent_email,
    notes: row.notes,
    archivedAt: row.archived_at,
  };
}

/** Column values for INSERT/UPDATE, as named parameters. */
export function depotToDb(depot: Omit<Depot, 'id' | 'gardenName' | 'archivedAt'>): Record<string, string | number | null> {
  return {
    ':name': depot.name,
    ':garden_id': depot.gardenId,
    ':address_line1': depot.addressLine1,
    ':postcode': depot.postcode,
    ':city': depot.city,
    ':weekday': depot.weekday,
    ':pickup_hours': depot.pickupHours,
    ':delivery_slot': depot.deliverySlot,
    ':capacity': depot.capacity,
    ':referent_name': depot.referentName,
    ':referent_phone': depot.referentPhone,
    ':referent_email': depot.referentEmail,
    ':notes': depot.notes,
  };
}
