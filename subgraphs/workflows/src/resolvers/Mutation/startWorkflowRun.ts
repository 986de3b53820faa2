import { z } from "@atelier/config";
import { startRun } from "../../domain/start-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, json, jsonObject } from "../validation";

const startRunInput = z.object({
  workflowId: id,
  input: json,
  idempotencyKey: z.string().min(1).max(200).nullish(),
  filesUsed: z.array(jsonObject).max(100).nullish(),
});

export const startWorkflowRunResolver: MutationResolvers["startWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await startRun(writerScope(ctx), startRunInput.parse(input)),
});
