import { z } from "zod";

/** A personal access token for the API, as the profile's form makes it (decision 0027). */
export const accessTokenSchema = z.object({
  name: z
    .string({ required_error: "v.required" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "v.required").max(80, "v.tooLong")),
  scope: z.enum(["READ", "WRITE"], { errorMap: () => ({ message: "token.badChoice" }) }),
  days: z
    .enum(["30", "90", "365"], { errorMap: () => ({ message: "token.badChoice" }) })
    .transform((value) => Number(value) as 30 | 90 | 365),
});
