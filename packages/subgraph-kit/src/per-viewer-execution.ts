import type { ApolloServer } from "@apollo/server";
import { recordGraphQLRequest } from "@atelier/service-runtime";
import {
  type DocumentNode,
  execute,
  type GraphQLSchema,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import type { BaseContext } from "./context";

/** One viewer's read in a per-viewer request: the operation as sent. */
export interface ViewerOperation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** The viewer's result as JSON. */
export type PerViewerExecutor<C extends BaseContext> = (operation: ViewerOperation, contextValue: C) => Promise<string>;

const MAX_DOCUMENTS = 200;

/**
 * Runs a per-viewer request's operation for one viewer. The document is parsed and validated once
 * for all viewers, and each viewer's read that answers without errors runs on graphql-js alone: a
 * thousand viewers' reads cost a thousand executions, not a thousand trips through Apollo's request
 * pipeline (hashing, plugins, formatting), which took most of a cold subgraph's first second. Any
 * read with errors, and any document that does not validate, runs again through Apollo Server, so
 * errors are worded, coded, masked and logged exactly as on any request. Reads only: running one
 * twice changes nothing.
 */
export function createPerViewerExecutor<C extends BaseContext>(opts: {
  apollo: ApolloServer<C>;
  schema: GraphQLSchema;
  introspection: boolean;
}): PerViewerExecutor<C> {
  const rules = opts.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const documents = new Map<string, { document: DocumentNode; name: string | undefined } | null>();

  function documentOf(query: string) {
    let known = documents.get(query);
    if (known !== undefined) return known;
    try {
      const document = parse(query, { noLocation: true });
      known = validate(opts.schema, document, rules).length === 0 ? { document, name: undefined } : null;
    } catch {
      known = null;
    }
    if (known) known.name = getOperationAST(known.document)?.name?.value;
    if (documents.size >= MAX_DOCUMENTS) documents.clear();
    documents.set(query, known);
    return known;
  }

  return async (operation, contextValue) => {
    const valid = documentOf(operation.query);
    if (valid) {
      const started = performance.now();
      const result = await execute({
        schema: opts.schema,
        document: valid.document,
        contextValue,
        variableValues: operation.variables,
        operationName: operation.operationName,
      });
      if (!result.errors?.length) {
        recordGraphQLRequest(operation.operationName ?? valid.name, "ok", (performance.now() - started) / 1000);
        return JSON.stringify({ data: result.data });
      }
    }
    const response = await opts.apollo.executeOperation(operation, { contextValue });
    if (response.body.kind !== "single")
      return JSON.stringify({ errors: [{ message: "Incremental delivery is not read per viewer." }] });
    return JSON.stringify(response.body.singleResult);
  };
}
