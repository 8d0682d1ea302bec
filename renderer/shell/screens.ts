import {
  IconBasket,
  IconBuildingBank,
  IconCalendarWeek,
  IconCash,
  IconFileInvoice,
  IconLayoutDashboard,
  IconSettings,
  IconTruckDelivery,
  IconUsers,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react';

export type ScreenId =
  | 'dashboard'
  | 'subscribers'
  | 'subscriptions'
  | 'depots'
  | 'week'
  | 'invoicing'
  | 'payments'
  | 'sepa'
  | 'portal'
  | 'settings';

export interface ScreenInfo {
  id: ScreenId;
  label: string;
  icon: Icon;
  /** Alt + this digit goes to the screen; physical key, so it works on AZERTY keyboards. */
  digit: string;
  /** For screens still to come: what the office will find there, in their words. */
  upcoming?: string[];
}

/** The navigation, in the order of the office's week: people, baskets, delivery, money. */
export const SCREENS: readonly ScreenInfo[] = [
  { id: 'dashboard', label: 'Tableau de bord', icon: IconLayoutDashboard, digit: '1' },
  { id: 'subscribers', label: 'Adhérents', icon: IconUsers, digit: '2' },
  { id: 'subscriptions', label: 'Abonnements', icon: IconBasket, digit: '3' },
  {
    id: 'depots',
    label: 'Dépôts & tournées',
    icon: IconTruckDelivery,
    digit: '4',
  },
  {
    id: 'week',
    label: 'Semaine',
    icon: IconCalendarWeek,
    digit: '5',
  },
  {
    id: 'invoicing',
    label: 'Facturation',
    icon: IconFileInvoice,
    digit: '6',
  },
  {
    id: 'payments',
    label: 'Règlements',
    icon: IconCash,
    digit: '7',
  },
  {
    id: 'sepa',
    label: 'Prélèvements SEPA',
    icon: IconBuildingBank,
    digit: '8',
  },
  {
    id: 'portal',
    label: 'Portail',
    icon: IconWorldWww,
    digit: '9',
  },
  { id: 'settings', label: 'Paramètres', icon: IconSettings, digit: '0' },
];

export function screenInfo(id: ScreenId): ScreenInfo {
  return SCREENS.find((screen) => screen.id === id) ?? SCREENS[0]!;
}
