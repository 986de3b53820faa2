import { NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";

/** The tenant's workspace, or NOT_FOUND (another tenant's looks the same as none). */
export async function findWorkspace(tx: Db, tenantId: string, id: string) {
  const workspace = await tx.workspace.findFirst({ where: { id, tenantId } });
  if (!workspace) throw new NotFoundError(`Workspace ${id} not found.`);
  return workspace;
}

export async function findProject(tx: Db, tenantId: string, id: string) {
  const project = await tx.project.findFirst({ where: { id, tenantId, deletedAt: null } });
  if (!project) throw new NotFoundError(`Project ${id} not found.`);
  return project;
}

export async function findBrandKit(tx: Db, tenantId: string, id: string) {
  const kit = await tx.brandKit.findFirst({ where: { id, tenantId } });
  if (!kit) throw new NotFoundError(`Brand kit ${id} not found.`);
  return kit;
}

export async function findTemplate(tx: Db, tenantId: string, id: string) {
  const template = await tx.template.findFirst({ where: { id, OR: [{ tenantId: null }, { tenantId }] } });
  if (!template) throw new NotFoundError(`Template ${id} not found.`);
  return template;
}

/** A project of the tenant that must belong to `workspaceId`. */
export async function findProjectInWorkspace(tx: Db, tenantId: string, projectId: string, workspaceId: string) {
  const project = await findProject(tx, tenantId, projectId);
  if (project.workspaceId !== workspaceId) {
    throw new NotFoundError(`Project ${projectId} is not in workspace ${workspaceId}.`);
  }
  return project;
}
