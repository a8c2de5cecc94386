import type { Auth } from "./auth.server";

/** What app/server.ts resolves once per request and hands to every loader and action. */
export type PionieriContext = {
  auth: Auth;
  /** The client's address (behind a proxy only when TRUST_PROXY is set). */
  clientIp: string;
  /** The Content-Security-Policy nonce of this response's scripts. */
  cspNonce: string;
  /**
   * What this request's loaders left for the server's drawing of kept fragments, by slot
   * (lib/drawing-data.server.ts): never serialized, never sent. Made by the first loader that
   * leaves something.
   */
  drawingData?: Map<string, unknown>;
};

declare module "@remix-run/node" {
  // Declaration merging: Remix's context type becomes ours.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PionieriContext {}
}
