/** Subgraph B: owns User; the gateway fetches all owners of one response in one `_entities` call. */
export const USERS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { userCount: Int! }
  type User @key(fields: "id") { id: ID! email: String! fullName: String! }
`;

const USERS = new Map(
  Array.from({ length: 7 }, (_, i) => [
    `user-${i}`,
    { id: `user-${i}`, email: `user${i}@example.test`, fullName: `User Number ${i}` },
  ]),
);

export const usersResolvers = {
  Query: { userCount: () => USERS.size },
  User: { __resolveReference: (ref: { id: string }) => USERS.get(ref.id) ?? null },
};
