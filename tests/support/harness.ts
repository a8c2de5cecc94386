import { afterAll, beforeAll } from "vitest";
import { launchBrowser, type Browser } from "./browser";
import { seedScenario, type Scenario } from "./scenario";
import { startServer, type TestServer } from "./server";

/**
 * For a test file: the built server on its own database with the scenario seeded, and (when
 * asked) Chromium; both stopped after the file. Read the fields inside tests, not at import.
 */
export function useServer(
  options: { browser?: boolean; env?: Record<string, string> | (() => Record<string, string>) } = {},
) {
  const harness = {} as { server: TestServer; scenario: Scenario; browser: Browser };
  beforeAll(async () => {
    // A function: values known only once earlier hooks have run (the test SMTP server's port).
    harness.server = await startServer(typeof options.env === "function" ? options.env() : options.env);
    harness.scenario = await seedScenario(harness.server.db);
    if (options.browser) harness.browser = await launchBrowser();
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.stop();
  });
  return harness;
}
