import type { IdPicker } from "./supergraph-operations";

// Which kind of id an argument names, from its name (or, for a bare `id`, its root field's name).
const KINDS: [RegExp, string][] = [
  [/run/i, "run"],
  [/board|stage|card/i, "board"],
  [/workflow|template/i, "workflow"],
  [/workspace/i, "workspace"],
  [/project/i, "project"],
  [/document/i, "document"],
  [/team/i, "team"],
  [/membership|invitation|member/i, "membership"],
  [/apiClient|client/i, "apiClient"],
  [/tenant/i, "tenant"],
  [/user|actor/i, "user"],
];

/** Picks, for every ID argument, the id of that kind in `ids` (a workspace's when the kind is unknown). */
export function pickerFrom(ids: Record<string, string>): IdPicker {
  return (name, rootField) => {
    const subject = name === "id" || name === "ids" ? rootField : name;
    const kind = KINDS.find(([re]) => re.test(subject))?.[1] ?? "workspace";
    return ids[kind] ?? ids.workspace!;
  };
}
