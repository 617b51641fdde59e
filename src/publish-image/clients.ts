// One registry client per host for a run: credentials (explicit for the target host, else the Docker config),
// plain HTTP when asked, secrets and retries reported to the caller.
import { parseImageReference, RegistryClient, type RegistryClientOptions } from '../registry/index.js';
import type { ClientFor } from './base.js';

export interface ClientsOptions {
  insecure?: boolean;
  /** Explicit credentials, used for `host` only (other hosts read the Docker config). */
  credentials?: { host: string; username: string; password: string };
  onSecret?: (secret: string) => void;
  onRetry?: (operation: string, attempt: number, reason: string) => void;
}

export interface Clients {
  clientFor: ClientFor;
  close: () => void;
}

/** The registry API host of an image reference, the first of a list (where explicit credentials go). */
export function imageHost(image: string): string {
  try {
    return parseImageReference(image.split(/[,\n]/)[0]!.trim()).apiHost;
  } catch {
    return '';
  }
}

export function registryClients(o: ClientsOptions = {}): Clients {
  const clients = new Map<string, RegistryClient>();
  const clientFor = (host: string): RegistryClient => {
    let client = clients.get(host);
    if (!client) {
      const options: RegistryClientOptions = {
        ...(o.insecure ? { insecure: true } : {}),
        ...(o.credentials && o.credentials.host === host
          ? { credentials: { username: o.credentials.username, password: o.credentials.password } }
          : {}),
        ...(o.onSecret ? { onSecret: o.onSecret } : {}),
        ...(o.onRetry
          ? {
              onEvent: (e) => {
                if (e.type === 'retry') o.onRetry!(e.operation, e.attempt, e.reason);
              },
            }
          : {}),
      };
      clients.set(host, (client = new RegistryClient(host, options)));
    }
    return client;
  };
  return {
    clientFor,
    close: () => {
      for (const c of clients.values()) c.close();
    },
  };
}
