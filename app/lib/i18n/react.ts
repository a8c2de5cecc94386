import { useMatches } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useRootData } from "../root-data";
import {
  DEFAULT_LOCALE,
  hasCatalogue,
  loadCatalogue,
  pageTranslatorFor,
  type Locale,
  type Message,
  type Translate,
} from "./index";

/** The current page's language, as the root loader decided it. */
export function useLocale(): Locale {
  return useRootData()?.locale ?? DEFAULT_LOCALE;
}

/** The page's translator: its language, and for Italian the parts its routes declare. */
export function useT(): Translate {
  const locale = useLocale();
  const matches = useMatches();
  // After switching language without a reload, the new catalogue arrives a moment later.
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (hasCatalogue(locale)) return;
    let live = true;
    void loadCatalogue(locale).then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [locale]);
  return pageTranslatorFor(locale, matches);
}

/** Translates a Message (key + parameters) coming from an action or the flash cookie. */
export function tm(t: Translate, message: Message): string {
  return t(message.key, message.params);
}
