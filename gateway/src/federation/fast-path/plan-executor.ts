import type { FetchNode, PlanNode, QueryPlanSelectionNode, SubscriptionNode } from "@apollo/query-planner";
import type { Span } from "@atelier/service-runtime";
import { Bail } from "./bail";
import type { Cancellation } from "./cancellation";
import type { SubgraphClient } from "./subgraph-client";

type JsonObject = Record<string, unknown>;

export interface PlanRun {
  client: SubgraphClient;
  urls: ReadonlyMap<string, string>;
  headers: Record<string, string>;
  /** The request's variables as sent (Apollo forwards them uncoerced). */
  variables: JsonObject;
  /** Whether an object of `typename` matches a fragment's type condition in the supergraph. */
  typeMatches(condition: string, typename: string): boolean;
  /** Cancelled once the run steps aside: fetches still running are aborted. */
  signal: Cancellation;
  /** The request's trace span: each subgraph call is a child span of it, carried on as `traceparent`. */
  span?: Span;
  /** Set once a subgraph was called: stepping aside after that calls subgraphs twice. */
  fetched: boolean;
}

/** True when this executor runs every node of the plan as Apollo Gateway would (else Apollo runs it). */
export function isSupportedPlan(node: PlanNode | SubscriptionNode | undefined): node is PlanNode | undefined {
  if (!node) return true;
  switch (node.kind) {
    case "Sequence":
    case "Parallel":
      return node.nodes.every(isSupportedPlan);
    case "Flatten":
      return (
        node.path.every((p) => typeof p === "string" && (p === "@" || /^\w+$/.test(p))) && isSupportedPlan(node.node)
      );
    case "Fetch":
      return (
        node.operationKind === "query" &&
        !node.inputRewrites?.length &&
        !node.outputRewrites?.length &&
        !node.contextRewrites?.length
      );
    default:
      return false;
  }
}

/** The objects at a flatten path, lists flattened (`@`) and nulls dropped, as Apollo's cursor moves. */
export function objectsAt(value: unknown, path: readonly (string | number)[], at: number, out: JsonObject[]): void {
  if (value === null || value === undefined) return;
  if (at === path.length) {
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && item !== undefined) out.push(item as JsonObject);
    } else out.push(value as JsonObject);
    return;
  }
  const step = path[at]!;
  if (step === "@") {
    if (!Array.isArray(value)) throw new Bail("@ over a non-list");
    for (const item of value) objectsAt(item, path, at + 1, out);
  } else {
    if (Array.isArray(value)) throw new Bail("field over a list");
    const object = value as JsonObject;
    objectsAt(Object.hasOwn(object, step) ? object[step] : undefined, path, at + 1, out);
  }
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Apollo's deepMerge, in place: subgraph data joins the result; nested objects are linked, never cloned. */
export function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const key of Object.keys(source)) {
    const incoming = source[key];
    if (incoming === undefined) continue;
    if (key === "__proto__") throw new Bail("__proto__ in subgraph data");
    const existing = target[key];
    if (existing && isObject(incoming)) {
      // Apollo's deepMerge would write fields into a scalar or a list here: let Apollo answer it.
      if (!isObject(existing)) throw new Bail(`object merged into a non-object at ${key}`);
      mergeInto(existing, incoming);
    } else if (Array.isArray(incoming) && Array.isArray(existing) && incoming.length === existing.length) {
      for (let i = 0; i < incoming.length; i++) {
        const a = existing[i];
        const b = incoming[i];
        if (isObject(a) && isObject(b)) mergeInto(a, b);
        else existing[i] = b;
      }
    } else target[key] = incoming;
  }
}

/** An entity's representation: the `requires` selection of it, or null when a field is missing. */
function representation(
  run: Pick<PlanRun, "typeMatches">,
  source: unknown,
  selections: readonly QueryPlanSelectionNode[],
): unknown {
  if (source === null) return null;
  if (Array.isArray(source)) return source.map((item) => representation(run, item, selections));
  const object = source as JsonObject;
  const result: JsonObject = {};
  for (const selection of selections) {
    if (selection.kind === "Field") {
      const key = selection.alias ?? selection.name;
      const value = object[key];
      if (value === undefined || !Object.hasOwn(object, key)) return null;
      result[key] = selection.selections ? representation(run, value, selection.selections) : value;
    } else if (selection.typeCondition) {
      const typename = object.__typename;
      if (typeof typename === "string" && run.typeMatches(selection.typeCondition, typename)) {
        const part = representation(run, object, selection.selections);
        if (part !== null) mergeInto(result, part as JsonObject);
      }
    }
  }
  return result;
}

// The fixed part of each fetch's request body, written once per plan node.
const operationJson = new WeakMap<FetchNode, { query: string; name: string }>();

export function requestBody(fetch: FetchNode, variables: JsonObject, representations?: string): string {
  let fixed = operationJson.get(fetch);
  if (!fixed) {
    const name = fetch.operationName === undefined ? "" : `,"operationName":${JSON.stringify(fetch.operationName)}`;
    fixed = { query: `{"query":${JSON.stringify(fetch.operation)},"variables":`, name };
    operationJson.set(fetch, fixed);
  }
  const used: JsonObject = {};
  for (const name of fetch.variableUsages ?? []) {
    if (Object.hasOwn(variables, name) && variables[name] !== undefined) used[name] = variables[name];
  }
  let vars = JSON.stringify(used);
  if (representations !== undefined)
    vars = `${vars.slice(0, -1)}${vars.length > 2 ? "," : ""}"representations":${representations}}`;
  return `${fixed.query}${vars}${fixed.name}}`;
}

async function executeFetch(run: PlanRun, fetch: FetchNode, objects: JsonObject[]): Promise<void> {
  if (objects.length === 0) return;
  const url = run.urls.get(fetch.serviceName);
  if (!url) throw new Bail(`no subgraph ${fetch.serviceName}`);
  if (!fetch.requires) {
    run.fetched = true;
    const body = requestBody(fetch, run.variables);
    const call = { subgraph: fetch.serviceName, url, headers: run.headers, body, signal: run.signal, parent: run.span };
    const data = await run.client.fetchData(call);
    for (const object of objects) mergeInto(object, data);
    return;
  }
  const entities = entityTargets(run, fetch, objects);
  if (!entities) return;
  run.fetched = true;
  const data = await run.client.fetchData({
    subgraph: fetch.serviceName,
    url,
    headers: run.headers,
    body: requestBody(fetch, run.variables, `[${entities.unique.join(",")}]`),
    signal: run.signal,
    parent: run.span,
  });
  mergeEntities(data, entities);
}

/** The distinct representations an entity fetch sends for `objects`, and which object receives which answer. */
export interface EntityTargets {
  unique: string[];
  targets: { object: JsonObject; slot: number }[];
}

/** Equal representations are sent once; every object that asked for one receives its answer. Null: nothing to fetch. */
export function entityTargets(
  run: Pick<PlanRun, "typeMatches">,
  fetch: FetchNode,
  objects: JsonObject[],
): EntityTargets | null {
  const slotOf = new Map<string, number>();
  const unique: string[] = [];
  const targets: { object: JsonObject; slot: number }[] = [];
  for (const object of objects) {
    const rep = representation(run, object, fetch.requires!) as JsonObject | null;
    if (!rep?.__typename) continue;
    const json = JSON.stringify(rep);
    let slot = slotOf.get(json);
    if (slot === undefined) {
      slot = unique.length;
      unique.push(json);
      slotOf.set(json, slot);
    }
    targets.push({ object, slot });
  }
  return targets.length === 0 ? null : { unique, targets };
}

/** An entity fetch's answer merged into the objects that asked for it. */
export function mergeEntities(data: JsonObject, { unique, targets }: EntityTargets): void {
  const entities = data._entities;
  if (!Array.isArray(entities) || entities.length !== unique.length) throw new Bail("_entities does not match");
  for (const { object, slot } of targets) {
    const entity = entities[slot] as JsonObject | null;
    if (entity === null || typeof entity !== "object") continue;
    if (entity.__typename === undefined) entity.__typename = object.__typename;
    mergeInto(object, entity);
  }
}

/** Runs a query plan's fetches into `result` (the root object), as Apollo Gateway's executor does. */
export async function executePlan(run: PlanRun, node: PlanNode, objects: JsonObject[]): Promise<void> {
  switch (node.kind) {
    case "Sequence":
      for (const child of node.nodes) await executePlan(run, child, objects);
      return;
    case "Parallel":
      await Promise.all(node.nodes.map((child) => executePlan(run, child, objects)));
      return;
    case "Flatten": {
      const inner: JsonObject[] = [];
      for (const object of objects) objectsAt(object, node.path, 0, inner);
      return executePlan(run, node.node, inner);
    }
    case "Fetch":
      return executeFetch(run, node, objects);
    default:
      throw new Bail(`plan node ${node.kind}`);
  }
}
