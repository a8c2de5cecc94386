import type { Auth } from "./auth.server";

/** What app/server.ts resolves once per request and hands to every loader and action. */
export type PionieriContext = {
  auth: Auth;
  /** The client's address (behind a proxy only when TRUST_PROXY is set). */
  clientIp: string;
  /** The Content-Security-Policy nonce of this response's scripts. */
  cspNonce: string;
};

declare module "@remix-run/node" {
  // Declaration merging: Remix's context type becomes ours.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PionieriContext {}
}
