import type { FetchNode, PlanNode } from "@apollo/query-planner";

/** A viewer-dependent entity fetch of a plan's last step, with the flatten path to the objects it extends. */
export interface DependentFetch {
  path: readonly (string | number)[];
  fetch: FetchNode;
}

/**
 * A query plan cut where viewers part: every step before the last, and the last step's
 * viewer-independent nodes, read once for all viewers alike in tenant, role and scopes; the last
 * step's viewer-dependent entity fetches read per viewer and merged into each viewer's own copy.
 */
export interface ViewerSplit {
  shared: PlanNode[];
  independent: PlanNode[];
  dependent: DependentFetch[];
}

function reaches(node: PlanNode, isDependent: (fetch: FetchNode) => boolean): boolean {
  switch (node.kind) {
    case "Fetch":
      return isDependent(node);
    case "Sequence":
    case "Parallel":
      return node.nodes.some((child) => reaches(child, isDependent));
    case "Flatten":
      return reaches(node.node, isDependent);
    default:
      return true;
  }
}

/**
 * The plan's split, or null when it has none this way: nothing viewer-dependent (one read serves
 * all), or a viewer-dependent fetch whose answer a later fetch reads (every viewer's plan runs on).
 */
export function splitByViewer(plan: PlanNode, isDependent: (fetch: FetchNode) => boolean): ViewerSplit | null {
  const stages = plan.kind === "Sequence" ? plan.nodes : [plan];
  const last = stages.at(-1);
  if (!last) return null;
  const shared = stages.slice(0, -1);
  if (shared.some((stage) => reaches(stage, isDependent))) return null;
  const independent: PlanNode[] = [];
  const dependent: DependentFetch[] = [];
  for (const leaf of last.kind === "Parallel" ? last.nodes : [last]) {
    if (!reaches(leaf, isDependent)) {
      independent.push(leaf);
      continue;
    }
    const fetch = leaf.kind === "Flatten" ? leaf.node : leaf;
    // Only entity fetches: a viewer-dependent root fetch is the whole read, read per viewer as before.
    if (fetch.kind !== "Fetch" || !fetch.requires) return null;
    dependent.push({ path: leaf.kind === "Flatten" ? leaf.path : [], fetch });
  }
  return dependent.length > 0 ? { shared, independent, dependent } : null;
}
