import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  print,
  type VariableDefinitionNode,
} from "graphql";
import type { SubscriptionRegistry } from "./registry";

export const AFTER_VARIABLE = "__afterSequence";
export const SEQUENCE_ALIAS = "__sequence";

/** A subscription operation rewritten as the query that reads its events after a sequence. */
export interface CatchUpOperation {
  query: string;
  responseKey: string;
  /** `<subscriptionField>:<value of its topic argument>`, as subgraphs publish it. */
  topic: string;
  /** The sequence the client last saw (its `afterSequence`), or 0 for the whole stream. */
  initialAfter: number;
  audience: "identity" | "tenant-role";
}

export class UnsupportedSubscriptionError extends Error {}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/**
 * `subscription { workflowRunUpdated(runId: $id) { status } }` becomes
 * `query($__afterSequence: Int) { workflowRunUpdated: workflowRunEvents(runId: $id,
 * afterSequence: $__afterSequence, first: N) { status __sequence: sequence } }`: the events are
 * then resolved by the ordinary query planner, across subgraphs, with the subscriber's identity.
 */
export function toCatchUpOperation(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  registry: SubscriptionRegistry,
  pageSize: number,
  variables: Record<string, unknown>,
): CatchUpOperation {
  const fields = operation.selectionSet.selections;
  const root = fields[0];
  if (fields.length !== 1 || root?.kind !== Kind.FIELD) {
    throw new UnsupportedSubscriptionError("a subscription selects exactly one root field");
  }
  const live = registry.get(root.name.value);
  if (!live) throw new UnsupportedSubscriptionError(`subscription field ${root.name.value} is not served live`);

  const argumentValue = (argName: string) => {
    const node = root.arguments?.find((a) => a.name.value === argName)?.value;
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    return "value" in node ? node.value : undefined;
  };
  const topicValue = argumentValue(live.topicArgument);
  if (topicValue === undefined || topicValue === null) {
    throw new UnsupportedSubscriptionError(`${root.name.value} needs its ${live.topicArgument} argument`);
  }
  const after = Number(argumentValue("afterSequence") ?? 0);
  const afterNode = root.arguments?.find((a) => a.name.value === "afterSequence")?.value;
  const droppedVariable = afterNode?.kind === Kind.VARIABLE ? afterNode.name.value : undefined;

  const args: ArgumentNode[] = (root.arguments ?? []).filter((a) => a.name.value !== "afterSequence");
  args.push({
    kind: Kind.ARGUMENT,
    name: name("afterSequence"),
    value: { kind: Kind.VARIABLE, name: name(AFTER_VARIABLE) },
  });
  args.push({ kind: Kind.ARGUMENT, name: name("first"), value: { kind: Kind.INT, value: String(pageSize) } });
  const sequenceField: FieldNode = { kind: Kind.FIELD, alias: name(SEQUENCE_ALIAS), name: name("sequence") };
  const catchUpField: FieldNode = {
    ...root,
    alias: name(root.alias?.value ?? root.name.value),
    name: name(live.catchUp),
    arguments: args,
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [...(root.selectionSet?.selections ?? []), sequenceField],
    },
  };
  const afterDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(AFTER_VARIABLE) },
    type: { kind: Kind.NAMED_TYPE, name: name("Int") },
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: "query" as OperationDefinitionNode["operation"],
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []).filter((d) => d.variable.name.value !== droppedVariable),
      afterDefinition,
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [catchUpField] },
  };
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return {
    query: print({ kind: Kind.DOCUMENT, definitions: [query, ...fragments] }),
    responseKey: root.alias?.value ?? root.name.value,
    topic: `${root.name.value}:${String(topicValue)}`,
    initialAfter: Number.isFinite(after) && after > 0 ? Math.floor(after) : 0,
    audience: live.audience ?? "identity",
  };
}
