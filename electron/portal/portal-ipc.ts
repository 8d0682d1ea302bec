import { z } from 'zod';
import { CHANNELS } from '../channels';
import type { IpcMainLike } from '../electron-api';
import { registerChannel, type IpcHost } from '../ipc';
import type { PortalHost } from './portal-host';

const LABELS = { kind: 'Type d’export', token: 'Jeton du portail' };

const noInput = z.object({}).strict().optional();
const exportInput = z.object({ kind: z.enum(['full', 'incremental'], 'Type d’export inconnu : « full » ou « incremental ».') }).strict();
// The length is checked again by PortalHost with a French message; this bound only keeps a
// hostile page from sending megabytes through the channel.
const tokenInput = z.object({ token: z.string().max(8192, 'Jeton trop long.') }).strict();

/**
 * The portal channels. Like every host channel they check the sender and validate the
 * payload; none takes a path: the folder is the one main remembered from its own dialog.
 */
export function registerPortalIpc(ipcMain: IpcMainLike, host: Pick<IpcHost, 'mainWindow' | 'log'>, portal: PortalHost): void {
  const channel = <S extends z.ZodType, T>(name: string, schema: S, run: (input: z.output<S>) => Promise<T>) =>
    registerChannel(ipcMain, host, name, schema, LABELS, run);
  channel(CHANNELS.portalState, noInput, () => portal.state());
  channel(CHANNELS.portalChooseFolder, noInput, () => portal.chooseFolder());
  channel(CHANNELS.portalExport, exportInput, ({ kind }) => portal.export(kind));
  channel(CHANNELS.portalReadRequests, noInput, () => portal.readRequests());
  channel(CHANNELS.portalPush, noInput, () => portal.push());
  channel(CHANNELS.portalSetToken, tokenInput, ({ token }) => portal.setToken(token));
}
