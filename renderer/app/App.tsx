import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { ServicesProvider, type Services } from '../api/api-context';
import { AppStoreProvider } from '../state/app-store';
import { theme } from '../theme';
import { Root } from './Root';

export function App({ services }: { services: Services }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <ServicesProvider services={services}>
        <AppStoreProvider>
          <Root />
        </AppStoreProvider>
      </ServicesProvider>
    </MantineProvider>
  );
}
