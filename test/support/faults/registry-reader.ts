// An independent reader for a test registry, written against the distribution spec with node:http only (no code
// from src/): tags, manifests by exact bytes, blob existence, config labels, and the Bearer token dance for token
// auth. The fault campaigns use it (with skopeo as a second opinion) to decide whether every tag names a complete
// image after a run.
import { createHash } from 'node:crypto';
import http from 'node:http';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface ImageCheck {
  digest: string;
  /** Every manifest, config and layer blob is there and the manifest bytes hash to `digest`. */
  complete: boolean;
  /** What is wrong when not complete. */
  problems: string[];
  labels: Record<string, string>;
  /** `io.package-storage.commits`, parsed. */
  commits?: Record<string, string>;
  layers: string[];
  config?: string;
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export class RegistryReader {
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  readonly #tokens = new Map<string, string>();
  /** Images found complete; nothing in these tests deletes blobs or manifests, so the answer cannot change. */
  readonly #complete = new Map<string, ImageCheck>();

  constructor(
    /** `127.0.0.1:<port>` of the registry itself (never the fault proxy). */
    readonly host: string,
    readonly creds?: { username: string; password: string },
  ) {}

  close(): void {
    this.#agent.destroy();
  }

  #send(method: string, url: URL, headers: Record<string, string>): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.#agent, timeout: 15_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname}: no answer`)));
      req.on('error', reject);
      req.end();
    });
  }

  async #token(challenge: string): Promise<string> {
    const param = (name: string): string | undefined =>
      new RegExp(`${name}="([^"]*)"`, 'i').exec(challenge)?.[1];
    const realm = param('realm');
    if (!realm) throw new Error(`no realm in ${challenge}`);
    const url = new URL(realm);
    const service = param('service');
    const scope = param('scope');
    if (service) url.searchParams.set('service', service);
    if (scope) url.searchParams.set('scope', scope);
    const cached = this.#tokens.get(url.href);
    if (cached) return cached;
    const headers: Record<string, string> = {};
    if (this.creds)
      headers.Authorization = `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')}`;
    const reply = await this.#send('GET', url, headers);
    if (reply.status !== 200) throw new Error(`token endpoint answered ${reply.status}`);
    const json = JSON.parse(reply.body.toString('utf8')) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) throw new Error('token endpoint answered without a token');
    this.#tokens.set(url.href, token);
    return token;
  }

  async #request(method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
    const url = new URL(path, `http://${this.host}`);
    let reply = await this.#send(method, url, headers);
    const challenge = reply.headers['www-authenticate'];
    if (reply.status === 401 && typeof challenge === 'string' && /^bearer /i.test(challenge)) {
      const token = await this.#token(challenge);
      reply = await this.#send(method, url, { ...headers, Authorization: `Bearer ${token}` });
    } else if (reply.status === 401 && this.creds) {
      const basic = Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64');
      reply = await this.#send(method, url, { ...headers, Authorization: `Basic ${basic}` });
    }
    return reply;
  }

  /** Every tag of `repo` (none when the repository does not exist yet). */
  async tags(repo: string): Promise<string[]> {
    const reply = await this.#request('GET', `/v2/${repo}/tags/list?n=10000`);
    if (reply.status === 404) return [];
    if (reply.status !== 200) throw new Error(`tags/list ${repo}: ${reply.status}`);
    return (JSON.parse(reply.body.toString('utf8')) as { tags?: string[] | null }).tags ?? [];
  }

  /** The manifest under a tag or digest: exact bytes and their digest; undefined when absent. */
  async manifest(
    repo: string,
    reference: string,
  ): Promise<{ digest: string; bytes: Buffer; mediaType: string } | undefined> {
    const reply = await this.#request('GET', `/v2/${repo}/manifests/${reference}`, { Accept: ACCEPT });
    if (reply.status === 404) return undefined;
    if (reply.status !== 200) throw new Error(`GET manifest ${repo}:${reference}: ${reply.status}`);
    return {
      digest: sha256(reply.body),
      bytes: reply.body,
      mediaType: String(reply.headers['content-type'] ?? '').split(';')[0] ?? '',
    };
  }

  async blobExists(repo: string, digest: string): Promise<boolean> {
    const reply = await this.#request('HEAD', `/v2/${repo}/blobs/${digest}`);
    if (reply.status === 200) return true;
    if (reply.status === 404) return false;
    throw new Error(`HEAD blob ${repo}@${digest}: ${reply.status}`);
  }

  async blob(repo: string, digest: string): Promise<Buffer | undefined> {
    const reply = await this.#request('GET', `/v2/${repo}/blobs/${digest}`);
    if (reply.status !== 200) return undefined;
    return sha256(reply.body) === digest ? reply.body : undefined;
  }

  /** tag -> manifest digest for every tag of `repo`. */
  async tagDigests(repo: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const tags = await this.tags(repo);
    await Promise.all(
      tags.map(async (tag) => {
        const m = await this.manifest(repo, tag);
        if (m) out.set(tag, m.digest);
      }),
    );
    return out;
  }

  /** Whether the image `digest` in `repo` is complete: manifest, config and every layer present and intact. */
  async checkImage(repo: string, digest: string): Promise<ImageCheck> {
    const known = this.#complete.get(`${repo}@${digest}`);
    if (known) return known;
    const result: ImageCheck = { digest, complete: false, problems: [], labels: {}, layers: [] };
    const m = await this.manifest(repo, digest);
    if (!m) {
      result.problems.push(`manifest ${digest} is missing`);
      return result;
    }
    if (m.digest !== digest) result.problems.push(`manifest bytes hash to ${m.digest}`);
    const json = JSON.parse(m.bytes.toString('utf8')) as {
      manifests?: Array<{ digest: string }>;
      artifactType?: string;
      config?: { digest: string; size: number; mediaType?: string };
      layers?: Array<{ digest: string; size: number }>;
    };
    if (json.manifests) {
      // An index (every platform image complete; labels from the first) or a referrers index (artifacts).
      for (const child of json.manifests) {
        const c = await this.checkImage(repo, child.digest);
        result.problems.push(...c.problems);
        if (Object.keys(result.labels).length === 0) {
          result.labels = c.labels;
          if (c.commits) result.commits = c.commits;
        }
        result.layers.push(...c.layers.filter((l) => !result.layers.includes(l)));
      }
    } else if (json.artifactType !== undefined) {
      // An OCI artifact (an SBOM): its blobs must be there; its config is not an image config.
      result.layers = (json.layers ?? []).map((l) => l.digest);
      for (const d of [...result.layers, ...(json.config ? [json.config.digest] : [])])
        if (!(await this.blobExists(repo, d))) result.problems.push(`artifact blob ${d} is missing`);
    } else {
      if (!json.config || !json.layers) result.problems.push('manifest without config or layers');
      result.layers = (json.layers ?? []).map((l) => l.digest);
      const present = await Promise.all(result.layers.map((d) => this.blobExists(repo, d)));
      present.forEach((ok, i) => {
        if (!ok) result.problems.push(`layer ${result.layers[i]} is missing`);
      });
      if (json.config) {
        result.config = json.config.digest;
        const config = await this.blob(repo, json.config.digest);
        if (!config) result.problems.push(`config ${json.config.digest} is missing or corrupt`);
        else {
          const parsed = JSON.parse(config.toString('utf8')) as {
            config?: { Labels?: Record<string, string> };
            rootfs?: { diff_ids?: string[] };
          };
          result.labels = parsed.config?.Labels ?? {};
          const commits = result.labels['io.package-storage.commits'];
          if (commits) result.commits = JSON.parse(commits) as Record<string, string>;
          if ((parsed.rootfs?.diff_ids ?? []).length !== result.layers.length)
            result.problems.push('config diff_ids and manifest layers differ in number');
        }
      }
    }
    result.complete = result.problems.length === 0;
    if (result.complete) this.#complete.set(`${repo}@${digest}`, result);
    return result;
  }
}
