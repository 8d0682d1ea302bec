import type { PaniersBridge } from '../../core/bridge';
import { electronHost } from './electron-host';
import type { Host } from './host';
import { webHost } from './web-host';

/** Electron when the preload bridge is there, else the web harness. */
export function pickHost(win: Window = window): Host {
  const bridge = (win as Window & { paniers?: PaniersBridge }).paniers;
  if (bridge?.platform === 'electron') return electronHost(bridge);
  return webHost();
}
