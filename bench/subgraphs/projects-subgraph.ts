/** Subgraph A: 20 projects, each owned by a User that subgraph B resolves. */
export const PROJECTS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { projects: [Project!]! }
  type Project { id: ID! name: String! owner: User! }
  type User @key(fields: "id", resolvable: false) { id: ID! }
`;

const PROJECTS = Array.from({ length: 20 }, (_, i) => ({
  id: `project-${i}`,
  name: `Project ${i}`,
  owner: { __typename: "User", id: `user-${i % 7}` },
}));

export const projectsResolvers = { Query: { projects: () => PROJECTS } };
