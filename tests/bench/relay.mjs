// A mail relay for `npm run bench`, in its own process so that autocannon's load does not slow
// its answers: accepts every message, prints its port once, then each delivery's running count.
import { SMTPServer } from "smtp-server";

let delivered = 0;
const relay = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      delivered++;
      process.stdout.write(`delivered ${delivered}\n`);
      callback();
    });
  },
});
// The runner stops reading at its end: a count written after that is of no use to anyone.
process.stdout.on("error", () => {});
relay.listen(0, "127.0.0.1", () => process.stdout.write(`port ${relay.server.address().port}\n`));
process.on("SIGTERM", () => relay.close(() => process.exit(0)));
