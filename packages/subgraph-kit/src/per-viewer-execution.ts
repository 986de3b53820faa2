import type { ApolloServer } from "@apollo/server";
import { recordGraphQLRequest } from "@atelier/service-runtime";
import {
  type DocumentNode,
  execute,
  type GraphQLSchema,
  getOperationAST,
  Kind,
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

export interface PerViewerExecutor<C extends BaseContext> {
  /** Why the query may not be read per viewer (it does not parse, or it writes), or null. */
  refusal(query: string): string | null;
  /** One viewer's result as JSON. */
  run(operation: ViewerOperation, contextValue: C): Promise<string>;
}

/** A query as read once for all viewers: null document when it does not parse; valid when it runs on graphql-js. */
interface KnownDocument {
  document: DocumentNode | null;
  writes: boolean;
  valid: boolean;
  name: string | undefined;
}

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
  const documents = new Map<string, KnownDocument>();

  function documentOf(query: string): KnownDocument {
    let known = documents.get(query);
    if (known) return known;
    let document: DocumentNode | null = null;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      // Apollo words the syntax error, if it is ever asked.
    }
    known = {
      document,
      writes: !!document?.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== "query"),
      valid: !!document && validate(opts.schema, document, rules).length === 0,
      name: document ? getOperationAST(document)?.name?.value : undefined,
    };
    if (documents.size >= MAX_DOCUMENTS) documents.clear();
    documents.set(query, known);
    return known;
  }

  return {
    refusal(query) {
      const known = documentOf(query);
      if (!known.document) return "The per-viewer request's query does not parse.";
      // Reads only: one request never writes once per viewer.
      return known.writes ? "A per-viewer request may only read." : null;
    },
    async run(operation, contextValue) {
      const known = documentOf(operation.query);
      if (known.valid && known.document) {
        const started = performance.now();
        const result = await execute({
          schema: opts.schema,
          document: known.document,
          contextValue,
          variableValues: operation.variables,
          operationName: operation.operationName,
        });
        if (!result.errors?.length) {
          recordGraphQLRequest(operation.operationName ?? known.name, "ok", (performance.now() - started) / 1000);
          return JSON.stringify({ data: result.data });
        }
      }
      const response = await opts.apollo.executeOperation(operation, { contextValue });
      if (response.body.kind !== "single")
        return JSON.stringify({ errors: [{ message: "Incremental delivery is not read per viewer." }] });
      return JSON.stringify(response.body.singleResult);
    },
  };
}
