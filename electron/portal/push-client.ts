import { request } from 'node:https';
import { ValidationError } from '../../core/api/errors';
import type { PortalPushDone } from '../../core/bridge';
import { PUSH_SUCCEEDED } from '../../core/portal/portal-push';

export interface PushRequest {
  url: string;
  token: string;
  /** The JSON body: the manifest and the files of the last written export. */
  body: string;
  /** Extra trusted certificate (PEM): only the tests' self-signed server uses it. */
  ca?: string;
  /** Waits between attempts; injected by tests so no real second passes. */
  sleep?: (ms: number) => Promise<void>;
  /** Waits before the 2nd and 3rd attempts. */
  delaysMs?: readonly number[];
  timeoutMs?: number;
}

/** Three attempts: now, after 1 s, after 3 s more. */
export const PUSH_DELAYS_MS: readonly number[] = [1000, 3000];

/** The push URL must be plain HTTPS: the token must never travel in clear or to a URL with credentials. */
export function checkPushUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw ValidationError.field('pushUrl', 'Adresse d’envoi invalide : indiquez une adresse complète, par exemple https://portail.exemple.fr/import.');
  }
  if (url.protocol !== 'https:') {
    throw ValidationError.field('pushUrl', 'L’adresse d’envoi doit commencer par https:// : le jeton ne doit jamais circuler en clair.');
  }
  if (url.username || url.password) {
    throw ValidationError.field('pushUrl', 'L’adresse d’envoi ne doit pas contenir d’identifiant ni de mot de passe : le jeton suffit.');
  }
  return url;
}

type Attempt = { kind: 'answered'; status: number } | { kind: 'failed'; code: string };

// TLS failures (certificate expired, unknown issuer, wrong host) do not heal in seconds.
const CERTIFICATE_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

function attempt(url: URL, options: PushRequest): Promise<Attempt> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${options.token}`,
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(options.body),
          'User-Agent': 'Paniers',
        },
        ...(options.ca ? { ca: options.ca } : {}),
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        res.resume(); // the portal's answer body is not used; drain it so the socket is freed
        res.on('end', () => resolve({ kind: 'answered', status: res.statusCode ?? 0 }));
        res.on('error', () => resolve({ kind: 'answered', status: res.statusCode ?? 0 }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'failed', code: error.code ?? error.message }));
    req.end(options.body);
  });
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describeFailure(last: Attempt): string {
  return last.kind === 'answered' ? `dernière réponse : erreur ${last.status}` : `le serveur ne répond pas : ${last.code}`;
}

/**
 * POSTs the export with `Authorization: Bearer <token>`; retries on a server error or a
 * network failure (3 attempts, waits of 1 s then 3 s), never on a refusal (4xx) or a
 * certificate problem, which another attempt would not change. Never throws for the
 * portal's answer: the French status says what happened and what to do.
 */
export async function pushExport(options: PushRequest, what: string): Promise<PortalPushDone> {
  const url = checkPushUrl(options.url);
  const delays = options.delaysMs ?? PUSH_DELAYS_MS;
  const sleep = options.sleep ?? defaultSleep;
  let last: Attempt = { kind: 'failed', code: 'aucun essai' };
  for (let attempts = 1; ; attempts++) {
    last = await attempt(url, options);
    if (last.kind === 'answered' && last.status >= 200 && last.status < 300) {
      return { ok: true, attempts, status: `${PUSH_SUCCEEDED} : ${what}.` };
    }
    if (last.kind === 'answered' && (last.status === 401 || last.status === 403)) {
      return {
        ok: false,
        attempts,
        status: `Le portail a refusé le jeton (erreur ${last.status}) : vérifiez le jeton que le portail vous a donné, enregistrez-le à nouveau, puis réessayez.`,
      };
    }
    if (last.kind === 'answered' && last.status < 500) {
      return {
        ok: false,
        attempts,
        status: `Le portail a refusé l’envoi (erreur ${last.status}) : vérifiez l’adresse d’envoi dans les réglages du portail, puis réessayez.`,
      };
    }
    if (last.kind === 'failed' && CERTIFICATE_ERRORS.test(last.code)) {
      return {
        ok: false,
        attempts,
        status: `Le certificat du portail a été refusé (${last.code}) : la connexion n’est pas sûre, rien n’a été envoyé. Vérifiez l’adresse d’envoi ou prévenez l’hébergeur du portail.`,
      };
    }
    const delay = delays[attempts - 1];
    if (delay === undefined) {
      return {
        ok: false,
        attempts,
        status: `Le portail n’a pas accepté l’envoi après ${attempts} essais (${describeFailure(last)}). L’export reste dans le dossier : réessayez plus tard.`,
      };
    }
    await sleep(delay);
  }
}
