import { fromSerializedError } from '../../core/api/errors';
import type { Backend } from '../../core/api/backend';
import type { PortalFileReport, PortalHostState } from '../../core/bridge';
import type { PortalOperations } from '../../renderer/host/host';

/**
 * The host's portal operations for component tests: the real backend prepares, confirms and
 * imports; the "folder" is this object's memory (Electron's and the harness's file writing is
 * tested in tests/electron). A test drops request files in `requests` and reads `files`.
 */
export interface FakePortalFolder {
  folder: string | null;
  /** What the last exports wrote, by file name. */
  files: Map<string, string>;
  /** Request files waiting in `demandes/`. */
  requests: { name: string; content: string }[];
  token: string | null;
  /** What the next push answers; null: the portal is not reachable. */
  pushAnswer: { ok: boolean; status: string } | null;
  operations: PortalOperations;
}

export function fakePortal(backend: Backend, folder: string | null = '/Documents/Portail'): FakePortalFolder {
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await backend.handle(method, input);
    if ('error' in result) throw fromSerializedError(result.error);
    return result.data as T;
  };
  const state: FakePortalFolder = {
    folder,
    files: new Map(),
    requests: [],
    token: null,
    pushAnswer: null,
    operations: null as never,
  };
  const hostState = (): PortalHostState => ({ folder: state.folder, tokenStorage: 'keychain', tokenSaved: state.token !== null });
  state.operations = {
    state: async () => hostState(),
    chooseFolder: async () => hostState(),
    export: async (kind) => {
      const prepared = await call<{ exportId: number; sequence: number; kind: typeof kind; notice: string | null; files: { name: string; content?: string; base64?: string }[] }>(
        'portal-export-prepare',
        { kind },
      );
      for (const file of prepared.files) state.files.set(file.name, file.content ?? file.base64 ?? '');
      await call('portal-export-confirm', { exportId: prepared.exportId });
      return { exportId: prepared.exportId, sequence: prepared.sequence, kind: prepared.kind, notice: prepared.notice, files: prepared.files.length, folder: state.folder ?? '' };
    },
    readRequests: async () => {
      const files = state.requests.splice(0);
      if (files.length === 0) return { read: 0, applied: 0, waiting: 0, rejected: 0, duplicates: 0, files: [] };
      const result = await call<{ applied: number; waiting: number; rejected: number; duplicates: number; files: PortalFileReport[] }>('portal-requests-import', { files });
      const refused = result.files.filter((file) => file.problems.length > 0);
      state.requests.push(...files.filter((file) => refused.some((r) => r.name === file.name)));
      return { read: files.length, applied: result.applied, waiting: result.waiting, rejected: result.rejected, duplicates: result.duplicates, files: refused };
    },
    push: async () => {
      const status = await call<{ lastWritten: { exportId: number } | null }>('portal-status', {});
      const answer = state.pushAnswer ?? { ok: false, status: 'Le portail n’a pas accepté l’envoi après 3 essais (le serveur ne répond pas : ECONNREFUSED). L’export reste dans le dossier : réessayez plus tard.' };
      await call('portal-push-record', { exportId: status.lastWritten!.exportId, ...answer });
      return { ...answer, attempts: answer.ok ? 1 : 3 };
    },
    setToken: async (token) => {
      state.token = token.trim() || null;
      return hostState();
    },
  };
  return state;
}
