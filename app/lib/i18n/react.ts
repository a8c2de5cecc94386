import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import {
  DEFAULT_LOCALE,
  hasCatalogue,
  loadCatalogue,
  translator,
  type Locale,
  type Message,
  type Translate,
} from "./index";

type RootData = { locale: Locale } | undefined;

/** The current page's language, as the root loader decided it. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootData;
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  const locale = useLocale();
  // After switching language without a reload, the new catalogue arrives a moment later.
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    if (hasCatalogue(locale)) return;
    let live = true;
    void loadCatalogue(locale).then(() => live && setLoads((n) => n + 1));
    return () => {
      live = false;
    };
  }, [locale]);
  return useMemo(() => translator(locale), [locale, loads]);
}

/** Translates a Message (key + parameters) coming from an action or the flash cookie. */
export function tm(t: Translate, message: Message): string {
  return t(message.key, message.params);
}
