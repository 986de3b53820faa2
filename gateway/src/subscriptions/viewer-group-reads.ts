import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { REQUEST_ID_HEADER } from "@atelier/logging";
import { Bail } from "../federation/fast-path/bail";
import type { Cancellation } from "../federation/fast-path/cancellation";
import {
  entityTargets,
  executePlan,
  mergeInto,
  objectsAt,
  type PlanRun,
  requestBody,
} from "../federation/fast-path/plan-executor";
import type { SubgraphCall, SubgraphClient } from "../federation/fast-path/subgraph-client";
import type { ViewerSplit } from "./viewer-split";

type Data = Record<string, unknown>;
type DependentPath = ViewerSplit["dependent"][number]["path"];

/** One catch-up read of a plan with a viewer split, for one viewer. */
export interface GroupReadRequest {
  /** Reads with the same key are alike but for their viewer: same operation, variables and tenant, role, scopes. */
  key: string;
  identity: Identity;
  split: ViewerSplit;
  variables: Data;
  headers: Record<string, string>;
  /** The client for the shared steps, signing as this reader. */
  client: SubgraphClient;
  typeMatches: PlanRun["typeMatches"];
  /** The response's JSON for this viewer's data. */
  shape(data: Data): string;
}

interface Waiting {
  request: GroupReadRequest;
  resolve(json: string): void;
  reject(error: unknown): void;
}

export interface GroupReadDeps {
  urls: ReadonlyMap<string, string>;
  signal: Cancellation;
  /** One call made once per identity: each identity's answer. */
  fetchForViewers(call: SubgraphCall, identities: readonly Identity[]): Promise<Data>[];
}

/**
 * Catch-up reads woken together, alike but for their viewer, run their query plan once: the shared
 * steps and the viewer-independent part of the last one on one tree, the viewer-dependent entity
 * fetches as one per-viewer request, merged into each viewer's own copy of the tree and shaped for
 * them. A thousand viewers of one stream cost one plan run, one copy and one merge each, instead of
 * a thousand plan runs. Whatever fails rejects with Bail; the caller reads that viewer alone.
 */
export function createViewerGroupReads(deps: GroupReadDeps) {
  const pending = new Map<string, Waiting[]>();

  /** The dependent fetch on the shared tree: its call, and which answer (slot) each object at its path takes. */
  function dependentRead(run: PlanRun, root: Data, { path, fetch }: ViewerSplit["dependent"][number]) {
    const objects: Data[] = [];
    objectsAt(root, path, 0, objects);
    const entities = entityTargets(run, fetch, objects);
    if (!entities) return null;
    const url = deps.urls.get(fetch.serviceName);
    if (!url) throw new Bail(`no subgraph ${fetch.serviceName}`);
    const slotOf = new Map(entities.targets.map((t) => [t.object, t.slot]));
    const body = requestBody(fetch, run.variables, `[${entities.unique.join(",")}]`);
    return {
      call: { subgraph: fetch.serviceName, url, headers: run.headers, body },
      // A viewer's copy holds the same objects in the same order: no representation is worked out again.
      slots: objects.map((object) => slotOf.get(object) ?? -1),
      count: entities.unique.length,
    };
  }

  /** One viewer's entity answer merged into their copy of the tree, as mergeEntities does on the shared one. */
  function mergeAnswer(data: Data, path: DependentPath, read: { slots: number[]; count: number }, answer: Data) {
    const entities = answer._entities;
    if (!Array.isArray(entities) || entities.length !== read.count) throw new Bail("_entities does not match");
    const objects: Data[] = [];
    objectsAt(data, path, 0, objects);
    if (objects.length !== read.slots.length) throw new Bail("a viewer's copy differs from the shared tree");
    objects.forEach((object, i) => {
      const entity = entities[read.slots[i]!] as Data | null | undefined;
      if (entity === null || entity === undefined || typeof entity !== "object") return;
      if (entity.__typename === undefined) entity.__typename = object.__typename;
      mergeInto(object, entity);
    });
  }

  async function readGroup(waiting: Waiting[]): Promise<void> {
    const { request } = waiting[0]!;
    const run: PlanRun = {
      client: request.client,
      urls: deps.urls,
      headers: { ...request.headers, [REQUEST_ID_HEADER]: randomUUID() },
      variables: request.variables,
      typeMatches: request.typeMatches,
      signal: deps.signal,
      fetched: false,
    };
    const { split } = request;
    const root: Data = {};
    for (const stage of split.shared) await executePlan(run, stage, [root]);
    const identities = waiting.map((w) => w.request.identity);
    const reads = split.dependent.map((dependent) => {
      const read = dependentRead(run, root, dependent);
      return read && { ...read, path: dependent.path, answers: deps.fetchForViewers(read.call, identities) };
    });
    try {
      await Promise.all(split.independent.map((node) => executePlan(run, node, [root])));
    } catch (error) {
      for (const read of reads) for (const answer of read?.answers ?? []) answer.catch(() => {});
      throw error;
    }
    const base = JSON.stringify(root);
    waiting.forEach((w, i) => {
      Promise.all(reads.map((read) => read?.answers[i]))
        .then((answers) => {
          const data = JSON.parse(base) as Data;
          reads.forEach((read, j) => {
            if (read) mergeAnswer(data, read.path, read, answers[j]!);
          });
          w.resolve(w.request.shape(data));
        })
        .catch(w.reject);
    });
  }

  function flush() {
    const groups = [...pending.values()];
    pending.clear();
    for (const waiting of groups) {
      readGroup(waiting).catch((error) => {
        for (const w of waiting) w.reject(error);
      });
    }
  }

  return {
    /** This viewer's data as JSON, read with the others alike woken in this turn of the event loop. */
    read(request: GroupReadRequest): Promise<string> {
      return new Promise<string>((resolve, reject) => {
        const waiting = pending.get(request.key);
        if (waiting) return void waiting.push({ request, resolve, reject });
        if (pending.size === 0) setImmediate(flush);
        pending.set(request.key, [{ request, resolve, reject }]);
      });
    },
  };
}
