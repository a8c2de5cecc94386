import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { personalData } from "~/domain/people.server";
import { requireUser } from "~/lib/auth.server";
import { today } from "~/lib/days";
import { pathOf } from "~/lib/files.server";
import { zipStream } from "~/lib/zip.server";

/**
 * The colleague's own data (GDPR art. 15) with the files they attached: a ZIP holding the same
 * JSON as /profilo/dati and each file under files/. Written as it is sent.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const data = await personalData(user.id);
  const archive = zipStream([
    { name: "dati.json", data: Buffer.from(JSON.stringify(data, null, 2)) },
    ...data.files.map((file) => ({ name: file.inArchive, path: pathOf(file.hash) })),
  ]);
  return new Response(createReadableStreamFromReadable(archive), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="pionieri-miei-dati-${today()}.zip"`,
      "Cache-Control": "no-store",
    },
  });
}
