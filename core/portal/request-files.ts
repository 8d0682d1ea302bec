import '../api/zod-fr';
import { portalRequestsFileSchema, type PortalRequest } from './request-schema';

/** One thing wrong in a requests file: where (a JSON path such as `$.requests[2].dates[0]`) and what, in French. */
export interface RequestFileProblem {
  path: string;
  message: string;
}

export type ParsedRequestsFile = { ok: true; requests: PortalRequest[] } | { ok: false; problems: RequestFileProblem[] };

/** At most this many problems per file: enough to fix it, not a wall of text. */
const MAX_PROBLEMS = 50;

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), '$');
}

/** V8 says where JSON.parse stopped (`… at position 42`); people read lines and columns. */
function whereJsonStopped(content: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  // A truncated file (a sync still running) stops at its very end, which V8 words differently.
  const position = /end of JSON input/i.test(message) ? content.length : Number(/position (\d+)/.exec(message)?.[1]);
  if (!Number.isInteger(position)) return '';
  const before = content.slice(0, position).split('\n');
  return ` (ligne ${before.length}, colonne ${before[before.length - 1]!.length + 1})`;
}

/**
 * Parses and validates one requests file. A file is all or nothing: when anything is wrong,
 * none of its requests is applied (the portal resends it corrected).
 */
export function parseRequestsFile(content: string): ParsedRequestsFile {
  let data: unknown;
  try {
    // A UTF-8 byte order mark is legal in a file but not in JSON text.
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '$', message: `Le fichier n’est pas du JSON valide${whereJsonStopped(content, error)} : vérifiez qu’il n’est pas tronqué ou modifié à la main.` }],
    };
  }
  const result = portalRequestsFileSchema.safeParse(data);
  if (result.success) return { ok: true, requests: result.data.requests };
  return {
    ok: false,
    problems: result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
  };
}
