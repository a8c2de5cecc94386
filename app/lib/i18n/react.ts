import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LOCALE, translator, type Locale, type Message, type Translate } from "./index";

type RootData = { locale: Locale } | undefined;

/** The current page's language, as the root loader decided it. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootData;
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/** Translates a Message (key + parameters) coming from an action or the flash cookie. */
export function tm(t: Translate, message: Message): string {
  return t(message.key, message.params);
}
