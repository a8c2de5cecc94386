import { formatDate } from "~/lib/dates";
import { meetingWhen } from "~/lib/clock";
import { isLocale, translator, type Locale, type Translate } from "~/lib/i18n";
import { ideaStatusLabel, objectiveStatusLabel } from "~/lib/i18n/labels";
import type { MailKind } from "./mail-preferences";
import { meetingNoticeKey, noticePath } from "./notices";
import type { NotificationData } from "./notifications.server";

/**
 * The e-mails' words, in the person's language, as plain text and as simple HTML made from the
 * same blocks. Everything a person wrote (names, titles, reasons) is text: escaped in the HTML,
 * never rendered Markdown, no remote images, no tracking.
 */

type Block =
  | { type: "p"; text: string }
  | { type: "quote"; text: string }
  | { type: "link"; label: string; url: string }
  | { type: "h"; text: string }
  | { type: "list"; items: { text: string; url?: string }[] };

export type ComposedMail = { subject: string; text: string; html: string };

function escape(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function compose(locale: Locale, subject: string, blocks: Block[], footer: Block[]): ComposedMail {
  const text = [...blocks, { type: "p", text: "—" } as Block, ...footer]
    .map((block) => {
      switch (block.type) {
        case "p":
          return block.text;
        case "h":
          return `${block.text}\n${"=".repeat(Math.min(block.text.length, 60))}`;
        case "quote":
          return block.text
            .split("\n")
            .map((line) => `> ${line}`)
            .join("\n");
        case "link":
          return `${block.label}: ${block.url}`;
        case "list":
          return block.items.map((item) => `- ${item.text}${item.url ? `\n  ${item.url}` : ""}`).join("\n");
      }
    })
    .join("\n\n");
  const html = (list: Block[]) =>
    list
      .map((block) => {
        switch (block.type) {
          case "p":
            return `<p>${escape(block.text)}</p>`;
          case "h":
            return `<h2 style="font-size:18px;margin:24px 0 8px">${escape(block.text)}</h2>`;
          case "quote":
            return `<blockquote style="margin:0 0 16px;padding-left:12px;border-left:4px solid #c5ccd3">${escape(
              block.text,
            ).replace(/\n/g, "<br>")}</blockquote>`;
          case "link":
            return `<p><a href="${escape(block.url)}" style="color:#0059b3">${escape(block.label)}</a></p>`;
          case "list":
            return `<ul>${block.items
              .map((item) =>
                item.url
                  ? `<li><a href="${escape(item.url)}" style="color:#0059b3">${escape(item.text)}</a></li>`
                  : `<li>${escape(item.text)}</li>`,
              )
              .join("")}</ul>`;
        }
      })
      .join("\n");
  return {
    subject,
    text: `${text}\n`,
    html:
      `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(subject)}</title></head>` +
      `<body style="font-family:'Titillium Web',Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;` +
      `max-width:40rem;margin:0 auto;padding:16px">\n${html(blocks)}\n` +
      `<hr style="border:0;border-top:1px solid #c5ccd3;margin:24px 0">\n` +
      `<div style="font-size:14px;color:#3a4b5c">${html(footer)}</div>\n</body></html>\n`,
  };
}

function localeOf(value: string): Locale {
  return isLocale(value) ? value : "it";
}

export function invitationMail(input: { locale: string; url: string; expiresAt: Date; isReset: boolean }) {
  const locale = localeOf(input.locale);
  const t = translator(locale);
  const until = formatDate(input.expiresAt, locale, "dateTime");
  return input.isReset
    ? compose(
        locale,
        t("mail.reset.subject"),
        [
          { type: "p", text: t("mail.reset.intro") },
          { type: "link", label: t("mail.reset.action"), url: input.url },
          { type: "p", text: t("mail.reset.expires", { date: until }) },
        ],
        [{ type: "p", text: t("mail.reset.notYou") }],
      )
    : compose(
        locale,
        t("mail.invite.subject"),
        [
          { type: "p", text: t("mail.invite.intro") },
          { type: "link", label: t("mail.invite.action"), url: input.url },
          { type: "p", text: t("mail.invite.expires", { date: until }) },
        ],
        [{ type: "p", text: t("mail.invite.why") }],
      );
}

export type NoticeForMail = {
  kind: MailKind;
  ideaId: number | null;
  objectiveId: number | null;
  commentId: number | null;
  meetingId?: string | null;
  challengeId?: string | null;
  actorName: string | null;
  data: NotificationData;
};

/** A meeting's notice: called, changed or cancelled, with its day and hours. */
function meetingSentence(t: Translate, locale: Locale, data: NotificationData, who: string) {
  const meeting = data.meeting;
  const params = {
    who,
    title: data.ideaTitle,
    group: data.groupName ?? "",
    when: meeting ? meetingWhen(meeting.startsAt, meeting.endsAt, locale) : "",
  };
  return t(meetingNoticeKey(meeting?.change), params);
}

/** One notice in one sentence (the same words as in /notifiche, in plain text). */
function noticeSentence(t: Translate, notice: NoticeForMail, locale: Locale) {
  const who = notice.actorName ?? t("ideas.formerColleague");
  const title = notice.data.ideaTitle;
  switch (notice.kind) {
    case "COMMENT":
      return t("notifications.comment", { who, title });
    case "REPLY":
      return t("notifications.reply", { who, title });
    case "MENTION":
      return t(notice.objectiveId !== null ? "notifications.mentionObjective" : "notifications.mention", {
        who,
        title,
      });
    case "MERGE":
      return t("notifications.merge", { who, title, original: notice.data.originalTitle ?? "" });
    case "STATUS":
      return t("notifications.status", { who, title, status: ideaStatusLabel(t, notice.data.toStatus ?? null) });
    case "HIDDEN":
      return t("notifications.hidden", { who, title });
    case "OWNER":
      return t("notifications.owner", { who, title });
    case "OBJECTIVE":
      return t("notifications.objective", {
        title,
        idea: notice.data.carriedTitle ?? "",
        progress: notice.data.progress ?? 0,
        status: objectiveStatusLabel(t, notice.data.objectiveStatus ?? null),
      });
    case "NEW_IDEA":
      return t("notifications.newIdea", { who, title, group: notice.data.groupName ?? "" });
    case "REPORT":
      return t("notifications.report", { title, group: notice.data.groupName ?? "" });
    case "MEETING":
      return meetingSentence(t, locale, notice.data, who);
    case "CHALLENGE":
      return t("notifications.challenge", { title });
  }
}

/** A link to stop one kind of mail, and one to the preferences: every notice and digest has both. */
export type MailFooterLinks = { preferences: string; unsubscribe: string };

export function noticeMail(input: {
  locale: string;
  origin: string;
  notice: NoticeForMail;
  links: MailFooterLinks;
}): ComposedMail {
  const locale = localeOf(input.locale);
  const t = translator(locale);
  const sentence = noticeSentence(t, input.notice, locale);
  const blocks: Block[] = [{ type: "p", text: sentence }];
  if (input.notice.data.reason) blocks.push({ type: "quote", text: input.notice.data.reason });
  const meeting = input.notice.data.meeting;
  if (meeting && meeting.change !== "CANCELLED") {
    if (meeting.place) blocks.push({ type: "p", text: t("mail.meeting.place", { place: meeting.place }) });
    if (meeting.videoUrl) blocks.push({ type: "p", text: t("mail.meeting.video", { url: meeting.videoUrl }) });
    if (meeting.agenda.length > 0) {
      blocks.push({ type: "h", text: t("mail.meeting.agenda") });
      blocks.push({ type: "list", items: meeting.agenda.map((text) => ({ text })) });
    }
    blocks.push({ type: "p", text: t("mail.meeting.calendar") });
  }
  blocks.push({ type: "link", label: t("mail.notice.open"), url: input.origin + noticePath(input.notice) });
  return compose(locale, sentence, blocks, [
    { type: "p", text: t("mail.footer.why") },
    { type: "link", label: t("mail.footer.preferences"), url: input.links.preferences },
    { type: "link", label: t(`mail.footer.unsubscribe.${input.notice.kind}`), url: input.links.unsubscribe },
  ]);
}

/** The digest's sections, in this order; kinds chosen for the digest that are not here go under "other". */
const DIGEST_SECTIONS: { kinds: MailKind[]; title: string }[] = [
  { kinds: ["COMMENT"], title: "mail.digest.comments" },
  { kinds: ["OBJECTIVE"], title: "mail.digest.objectives" },
  { kinds: ["NEW_IDEA"], title: "mail.digest.newIdeas" },
  { kinds: ["REPORT"], title: "mail.digest.reports" },
  { kinds: ["MEETING", "CHALLENGE"], title: "mail.digest.meetings" },
  { kinds: ["STATUS", "MERGE", "REPLY", "MENTION", "HIDDEN", "OWNER"], title: "mail.digest.other" },
];

export function digestMail(input: {
  locale: string;
  origin: string;
  weekly: boolean;
  notices: NoticeForMail[];
  decisions: { ideaId: number; title: string; status: string; reason: string | null }[];
  links: MailFooterLinks;
}): ComposedMail {
  const locale = localeOf(input.locale);
  const t = translator(locale);
  const blocks: Block[] = [{ type: "p", text: t(input.weekly ? "mail.digest.introWeekly" : "mail.digest.introDaily") }];
  for (const section of DIGEST_SECTIONS) {
    const items = input.notices.filter((notice) => section.kinds.includes(notice.kind));
    if (items.length === 0) continue;
    blocks.push({ type: "h", text: t(section.title as "mail.digest.comments") });
    blocks.push({
      type: "list",
      items: items.map((notice) => ({
        text: noticeSentence(t, notice, locale),
        url: input.origin + noticePath(notice),
      })),
    });
  }
  if (input.decisions.length > 0) {
    blocks.push({ type: "h", text: t("mail.digest.decisions") });
    blocks.push({
      type: "list",
      items: input.decisions.map((d) => ({
        text: `«${d.title}»: ${ideaStatusLabel(t, d.status)}${d.reason ? ` — ${d.reason}` : ""}`,
        url: `${input.origin}/idee/${d.ideaId}`,
      })),
    });
  }
  const count = input.notices.length + input.decisions.length;
  return compose(
    locale,
    t(input.weekly ? "mail.digest.subjectWeekly" : "mail.digest.subjectDaily", { count }),
    blocks,
    [
      { type: "p", text: t("mail.footer.why") },
      { type: "link", label: t("mail.footer.preferences"), url: input.links.preferences },
      { type: "link", label: t("mail.footer.unsubscribe.DIGEST"), url: input.links.unsubscribe },
    ],
  );
}
