import { describe, expect, it } from "vitest";
import { passwordProblem } from "~/domain/passwords";
import { safeRedirectPath } from "~/lib/auth.server";

describe("password rules", () => {
  it.each([
    ["short", "v.passwordTooShort"],
    ["123456789", "v.passwordTooShort"],
    ["x".repeat(129), "v.passwordTooLong"],
    ["1234567890", "v.passwordCommon"],
    ["Password123", "v.passwordCommon"],
    ["qwertyuiop", "v.passwordCommon"],
    ["aaaaaaaaaaaa", "v.passwordCommon"],
  ])("refuses %j (%s)", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it("refuses a password built on the email's name", () => {
    expect(passwordProblem("mario.rossi-2026", "mario.rossi@cesena.example")).toBe("v.passwordLikeEmail");
  });

  it.each(["una frase lunga da ricordare", "Cesena-sportello-7", "Una frase lunga ".repeat(8), "0123456789ab"])(
    "accepts %j",
    (password) => {
      expect(passwordProblem(password, "anna@cesena.example")).toBeNull();
    },
  );
});

describe("redirect after login", () => {
  it.each([
    ["/gruppi/logistica", "/gruppi/logistica"],
    ["/admin/utenti?q=anna", "/admin/utenti?q=anna"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/ok\u0000", "/"],
    [null, "/"],
    [42, "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
