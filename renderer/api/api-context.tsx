import { createContext, useContext, type ReactNode } from 'react';
import type { Host } from '../host/host';
import type { ApiClient } from './client';

/** The two doors to the outside world: the backend API and the host (files, dialogs). */
export interface Services {
  api: ApiClient;
  host: Host;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider missing above this component');
  return services;
}

export function useApi(): ApiClient {
  return useServices().api;
}

export function useHost(): Host {
  return useServices().host;
}
