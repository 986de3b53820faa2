import type { AiModelDeploymentResolvers } from "../generated/resolvers-types";
import { userRef } from "./shared";

export const AiModelDeployment: AiModelDeploymentResolvers = {
  deployedBy: (d) => userRef(d.deployedById),
};
