import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, loadCatalogue } from "./lib/i18n";

// The page's language must be here before hydrating, or the first render would differ.
const lang = document.documentElement.lang;
void (isLocale(lang) ? loadCatalogue(lang) : Promise.resolve()).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
