import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { IN_STOCK, PRODUCTS, REVIEWS, USERS } from "./data";

export interface BenchSubgraph {
  name: string;
  sdl: string;
  resolvers: GraphQLResolverMap<unknown>;
}

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])`;
const productByUpc = new Map(PRODUCTS.map((p) => [p.upc, p]));
const userById = new Map(USERS.map((u) => [u.id, u]));

/** accounts: users, with `me`, `user(id)` and `users`; reviews provides usernames too (`@provides`). */
const accounts: BenchSubgraph = {
  name: "accounts",
  sdl: `${FEDERATION}
    type Query { me: User user(id: ID!): User users: [User] }
    type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`,
  resolvers: {
    Query: { me: () => USERS[0], user: (_: unknown, { id }: { id: string }) => userById.get(id), users: () => USERS },
    User: { __resolveReference: ({ id }: { id: string }) => userById.get(id) },
  },
};

/** inventory: stock, and a shipping estimate that requires price and weight from products. */
const inventory: BenchSubgraph = {
  name: "inventory",
  sdl: `${FEDERATION}
    type Product @key(fields: "upc") {
      upc: String! weight: Int @external price: Int @external inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  resolvers: {
    Product: {
      __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ({
        ...ref,
        inStock: IN_STOCK.has(ref.upc),
      }),
      shippingEstimate: ({ price, weight }: { price?: number | null; weight?: number | null }) => {
        if (price == null) return null;
        if (price > 1000) return 0;
        return weight == null ? null : Math.trunc(weight / 2);
      },
    },
  },
};

/** products: the catalogue and `topProducts(first)`. */
const products: BenchSubgraph = {
  name: "products",
  sdl: `${FEDERATION}
    type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
  resolvers: {
    Query: { topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first) },
    Product: { __resolveReference: ({ upc }: { upc: string }) => productByUpc.get(upc) },
  },
};

// As in the original, every review's author is user 1 as "urigo", and every user wrote reviews 1 and 2.
const authorReviews = REVIEWS.slice(0, 2);
const reviewsOf = (upc: string) => REVIEWS.filter((r) => r.productUpc === upc);

/** reviews: reviews of products and by users; an author's username is provided from here. */
const reviews: BenchSubgraph = {
  name: "reviews",
  sdl: `${FEDERATION}
    type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
    type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
    type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
  resolvers: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => REVIEWS.find((r) => r.id === id),
      product: (review: { productUpc: string }) => ({ upc: review.productUpc }),
      author: () => ({ id: "1", username: "urigo" }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id, username: "user" }),
      reviews: () => authorReviews,
    },
    Product: { reviews: ({ upc }: { upc: string }) => reviewsOf(upc) },
  },
};

export const BENCH_SUBGRAPHS = [accounts, inventory, products, reviews];
