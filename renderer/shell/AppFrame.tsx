import { Alert, AppShell, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { ComingSoonPage } from '../screens/ComingSoon/ComingSoon.page';
import { DashboardPage } from '../screens/Dashboard/Dashboard.page';
import { DepotsPage } from '../depots/Depots/Depots.page';
import { InvoicingPage } from '../invoicing/Invoicing.page';
import { PaymentsPage } from '../payments/Payments.page';
import { PortalPage } from '../portal/Portal.page';
import { SepaPage } from '../sepa/Sepa.page';
import { SettingsPage } from '../settings/Settings/Settings.page';
import { WeekPage } from '../week/Week/Week.page';
import { SubscribersPage } from '../subscribers/Subscribers.page';
import { SubscriptionsPage } from '../subscriptions/Subscriptions.page';
import { useAppState } from '../state/app-store';
import { Header } from './Header';
import { HelpModal } from './HelpModal';
import { Navigation } from './Navigation';
import { screenInfo, type ScreenId } from './screens';
import { useMenuCommands } from './menu-commands';
import { useAppShortcuts } from './shortcuts';

function Screen({ id, now }: { id: ScreenId; now: () => Date }) {
  if (id === 'dashboard') return <DashboardPage now={now} />;
  if (id === 'depots') return <DepotsPage />;
  if (id === 'week') return <WeekPage now={now} />;
  if (id === 'invoicing') return <InvoicingPage now={now} />;
  if (id === 'payments') return <PaymentsPage now={now} />;
  if (id === 'sepa') return <SepaPage now={now} />;
  if (id === 'portal') return <PortalPage />;
  if (id === 'settings') return <SettingsPage />;
  if (id === 'subscribers') return <SubscribersPage />;
  if (id === 'subscriptions') return <SubscriptionsPage />;
  return <ComingSoonPage screen={screenInfo(id)} />;
}

/** The window once a database is open: header, navigation, the current screen. */
export function AppFrame({ now = () => new Date() }: { now?: () => Date }) {
  const [navOpened, nav] = useDisclosure(false);
  const screen = useAppState((s) => s.screen);
  const status = useAppState((s) => s.status);
  useAppShortcuts();
  useMenuCommands();

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="xl">
      <AppShell.Header>
        <Header navOpened={navOpened} onToggleNav={nav.toggle} now={now} />
      </AppShell.Header>
      <AppShell.Navbar p="md">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={nav.close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        {status?.readOnly && (
          <Alert color="orange" icon={<IconLock />} title="Base ouverte en lecture seule" mb="lg" maw={1100}>
            {status.lockHolder ?? 'Un autre poste'} utilise déjà cette base. Vous pouvez tout consulter, mais rien modifier.
            Pour modifier, fermez Paniers sur l’autre poste puis rouvrez la base.
          </Alert>
        )}
        <div style={{ maxWidth: 1100 }}>
          <Screen id={screen} now={now} />
        </div>
      </AppShell.Main>
      <HelpModal />
    </AppShell>
  );
}
