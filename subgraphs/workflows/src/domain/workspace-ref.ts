/** creative's Workspace entity as this subgraph sees it: only its key. */
export interface WorkspaceRef {
  id: string;
}
