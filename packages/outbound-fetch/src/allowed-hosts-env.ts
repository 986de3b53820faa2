import { envList } from "@atelier/config";
import { type HostPattern, parseHostPattern } from "./address-policy";

/** A service's allowed-hosts setting: comma-separated host patterns, each checked at boot. */
export const allowedHostsEnv = envList.transform((items, ctx) => {
  const patterns: HostPattern[] = [];
  for (const item of items) {
    try {
      patterns.push(parseHostPattern(item));
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  }
  return patterns;
});
