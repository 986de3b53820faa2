import { scalarResolvers } from "@atelier/subgraph-kit";
import type { Resolvers } from "../generated/resolvers-types";
import { AiModel } from "./AiModel";
import { AiModelDeployment } from "./AiModelDeployment";
import { AiModelFeedback } from "./AiModelFeedback";
import { AiModelValidationResult } from "./AiModelValidationResult";
import { AiModelVersion } from "./AiModelVersion";
import { Asset } from "./Asset";
import { AssetVersion } from "./AssetVersion";
import { BrandKit } from "./BrandKit";
import { CreditAccount } from "./CreditAccount";
import { GenerationRequest } from "./GenerationRequest";
import { GenerationRequestEvent } from "./GenerationRequestEvent";
import { cancelGenerationRequestResolver } from "./Mutation/cancelGenerationRequest";
import { completeAssetUploadResolver } from "./Mutation/completeAssetUpload";
import { createAiModelVersionResolver } from "./Mutation/createAiModelVersion";
import { createAssetUploadResolver } from "./Mutation/createAssetUpload";
import { createAssetVersionUploadResolver } from "./Mutation/createAssetVersionUpload";
import { createBrandKitResolver } from "./Mutation/createBrandKit";
import { createGenerationRequestResolver } from "./Mutation/createGenerationRequest";
import { createProjectResolver } from "./Mutation/createProject";
import { createTemplateResolver } from "./Mutation/createTemplate";
import { createWorkspaceResolver } from "./Mutation/createWorkspace";
import { deleteAssetResolver } from "./Mutation/deleteAsset";
import { deleteBrandKitResolver } from "./Mutation/deleteBrandKit";
import { deleteProjectResolver } from "./Mutation/deleteProject";
import { deleteTemplateResolver } from "./Mutation/deleteTemplate";
import { grantCreditsResolver } from "./Mutation/grantCredits";
import { handAssetToKnowledgeResolver } from "./Mutation/handAssetToKnowledge";
import { recordAiModelDeploymentResolver } from "./Mutation/recordAiModelDeployment";
import { recordAiModelValidationResolver } from "./Mutation/recordAiModelValidation";
import { registerAiModelResolver } from "./Mutation/registerAiModel";
import { selectGenerationSampleResolver } from "./Mutation/selectGenerationSample";
import { setAiModelVersionStatusResolver } from "./Mutation/setAiModelVersionStatus";
import { submitAiModelFeedbackResolver } from "./Mutation/submitAiModelFeedback";
import { updateAssetResolver } from "./Mutation/updateAsset";
import { updateBrandKitResolver } from "./Mutation/updateBrandKit";
import { updateProjectResolver } from "./Mutation/updateProject";
import { updateWorkspaceResolver } from "./Mutation/updateWorkspace";
import { Project } from "./Project";
import { aiModelResolver } from "./Query/aiModel";
import { aiModelFeedbackResolver } from "./Query/aiModelFeedback";
import { aiModelsResolver } from "./Query/aiModels";
import { assetResolver } from "./Query/asset";
import { brandKitResolver } from "./Query/brandKit";
import { brandKitsResolver } from "./Query/brandKits";
import { creditsResolver } from "./Query/credits";
import { generationRequestResolver } from "./Query/generationRequest";
import { generationRequestEventsResolver } from "./Query/generationRequestEvents";
import { generationRequestFeedEventsResolver } from "./Query/generationRequestFeedEvents";
import { generationRequestsResolver } from "./Query/generationRequests";
import { productionQueueResolver } from "./Query/productionQueue";
import { projectResolver } from "./Query/project";
import { storageUsageResolver } from "./Query/storageUsage";
import { templateResolver } from "./Query/template";
import { templatesResolver } from "./Query/templates";
import { usageLogResolver } from "./Query/usageLog";
import { workspaceResolver } from "./Query/workspace";
import { workspacesResolver } from "./Query/workspaces";
import { Template } from "./Template";
import { UsageLogEntry } from "./UsageLogEntry";
import { Workspace } from "./Workspace";

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    aiModel: aiModelResolver,
    aiModelFeedback: aiModelFeedbackResolver,
    aiModels: aiModelsResolver,
    asset: assetResolver,
    brandKit: brandKitResolver,
    brandKits: brandKitsResolver,
    credits: creditsResolver,
    generationRequest: generationRequestResolver,
    generationRequestEvents: generationRequestEventsResolver,
    generationRequestFeedEvents: generationRequestFeedEventsResolver,
    generationRequests: generationRequestsResolver,
    productionQueue: productionQueueResolver,
    project: projectResolver,
    storageUsage: storageUsageResolver,
    template: templateResolver,
    templates: templatesResolver,
    usageLog: usageLogResolver,
    workspace: workspaceResolver,
    workspaces: workspacesResolver,
  },
  Mutation: {
    cancelGenerationRequest: cancelGenerationRequestResolver,
    completeAssetUpload: completeAssetUploadResolver,
    createAiModelVersion: createAiModelVersionResolver,
    createAssetUpload: createAssetUploadResolver,
    createAssetVersionUpload: createAssetVersionUploadResolver,
    createBrandKit: createBrandKitResolver,
    createGenerationRequest: createGenerationRequestResolver,
    createProject: createProjectResolver,
    createTemplate: createTemplateResolver,
    createWorkspace: createWorkspaceResolver,
    deleteAsset: deleteAssetResolver,
    deleteBrandKit: deleteBrandKitResolver,
    deleteProject: deleteProjectResolver,
    deleteTemplate: deleteTemplateResolver,
    grantCredits: grantCreditsResolver,
    handAssetToKnowledge: handAssetToKnowledgeResolver,
    recordAiModelDeployment: recordAiModelDeploymentResolver,
    recordAiModelValidation: recordAiModelValidationResolver,
    registerAiModel: registerAiModelResolver,
    selectGenerationSample: selectGenerationSampleResolver,
    setAiModelVersionStatus: setAiModelVersionStatusResolver,
    submitAiModelFeedback: submitAiModelFeedbackResolver,
    updateAsset: updateAssetResolver,
    updateBrandKit: updateBrandKitResolver,
    updateProject: updateProjectResolver,
    updateWorkspace: updateWorkspaceResolver,
  },
  AiModel,
  AiModelDeployment,
  AiModelFeedback,
  AiModelValidationResult,
  AiModelVersion,
  Asset,
  AssetVersion,
  BrandKit,
  CreditAccount,
  GenerationRequest,
  GenerationRequestEvent,
  Project,
  Template,
  UsageLogEntry,
  Workspace,
};
