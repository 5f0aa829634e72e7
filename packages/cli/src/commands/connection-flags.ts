import type { ConnectionFlags } from "../open-vendor.js";
import { type CommandArgs, listFlag, stringFlag } from "../parse-command-args.js";

/** Flags shared by `call` and `wait`: where to connect and (optionally) credentials. */
export const CONNECTION_FLAGS = {
  "base-url": { type: "string" },
  "api-key": { type: "string" },
  "app-key": { type: "string" },
  "app-secret": { type: "string" },
  "connect-to": { type: "string", multiple: true },
} as const;

/** Reads the connection flags. */
export function connectionFlags(args: CommandArgs): ConnectionFlags {
  return {
    baseUrl: stringFlag(args, "base-url"),
    apiKey: stringFlag(args, "api-key"),
    appKey: stringFlag(args, "app-key"),
    appSecret: stringFlag(args, "app-secret"),
    connectTo: listFlag(args, "connect-to"),
  };
}
