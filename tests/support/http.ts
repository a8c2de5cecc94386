/**
 * A tiny browser stand-in for integration tests: keeps cookies, sends the Origin a browser
 * would send, and never follows redirects (so tests see each 302).
 */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  /** The Cookie header a browser would send (also for requests sent by hand). */
  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Keeps the cookies a response sets, as a browser would (also for requests sent by hand). */
  remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(this.base + path, {
      redirect: "manual",
      headers: { Cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** A form POST. `origin: null` leaves the Origin header out; a string forges it; `body` replaces `fields`. */
  async post(
    path: string,
    fields: Record<string, string>,
    options: { origin?: string | null; headers?: Record<string, string>; body?: URLSearchParams } = {},
  ) {
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: this.cookieHeader(),
      ...options.headers,
    };
    const origin = options.origin === undefined ? this.base : options.origin;
    if (origin !== null) headers.Origin = origin;
    const response = await fetch(this.base + path, {
      method: "POST",
      redirect: "manual",
      headers,
      // A field given more than once (check boxes) comes as `body`.
      body: (options.body ?? new URLSearchParams(fields)).toString(),
    });
    this.remember(response);
    return response;
  }

  async login(email: string, password: string) {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`login of ${email} failed with ${response.status}`);
    return response;
  }

  session() {
    return this.cookies.get("pionieri_session");
  }
}

/** The visible text of an HTML page, roughly: enough to look for a message. */
export async function text(response: Response) {
  const html = await response.text();
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
