import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_QUERY } from "../../bench/products-supergraph/query";
import { startProductsStack } from "./support/products-stack";

let stack: Awaited<ReturnType<typeof startProductsStack>>;
beforeAll(async () => {
  stack = await startProductsStack();
});
afterAll(() => stack?.close());

const SHAPES = `query Shapes($first: Int, $withStock: Boolean!, $skipBody: Boolean = false) {
  top: topProducts(first: $first) {
    __typename
    sku: upc
    ... on Product { name inStock @include(if: $withStock) }
    ...Prices
    reviews { kind: __typename id body @skip(if: $skipBody) author { username name } }
  }
  me { id ... @include(if: $withStock) { birthday } }
  nobody: user(id: "404") { id }
}
fragment Prices on Product { price shippingEstimate price }`;

/** How many subgraph calls one request made: a fast path that stepped aside would add Apollo's to its own. */
async function callsOf(send: () => Promise<unknown>): Promise<number> {
  stack.calls.length = 0;
  await send();
  return stack.calls.length;
}

/** Entity representations a request sent, per subgraph call. */
function representationLists(calls: { body: string }[]): unknown[][] {
  return calls
    .map((c) => JSON.parse(c.body).variables?.representations as unknown[] | undefined)
    .filter((r): r is unknown[] => Array.isArray(r));
}

describe("the fast path", () => {
  it("answers the gateways-benchmark query byte for byte, headers included, as Apollo Gateway does", async () => {
    const [fast, apollo] = await stack.both({ query: BENCH_QUERY });
    expect(fast.status).toBe(200);
    expect(fast.text).toBe(apollo.text);
    expect(fast.contentType).toBe(apollo.contentType);
    expect(fast.headers).toEqual(apollo.headers);
    const body = { query: BENCH_QUERY };
    expect(await callsOf(() => stack.fast(body))).toBe(await callsOf(() => stack.apollo(body)));
  });

  it("keeps aliases, fragments, __typename, @skip/@include, variables and nulls as Apollo does", async () => {
    for (const variables of [
      { first: 3, withStock: true },
      { first: 9, withStock: false, skipBody: true },
      { withStock: true },
    ]) {
      const body = { query: SHAPES, variables, operationName: "Shapes" };
      const [fast, apollo] = await stack.both(body);
      expect(fast.text).toBe(apollo.text);
      expect(fast.headers).toEqual(apollo.headers);
      expect(JSON.parse(fast.text).errors).toBeUndefined();
      expect(await callsOf(() => stack.fast(body))).toBe(await callsOf(() => stack.apollo(body)));
    }
  });

  it("leaves requests Apollo refuses to Apollo: the same status and errors", async () => {
    const requests = [
      { query: "{ topProducts { nope } }" },
      { query: "{ topProducts(first: $n) { upc } }" },
      { query: "query Q($n: Int!) { topProducts(first: $n) { upc } }", variables: { n: "three" } },
      { query: "query A { me { id } } query B { users { id } }" },
      { query: "{ topProducts { upc" },
    ];
    for (const body of requests) {
      const [fast, apollo] = await stack.both(body);
      expect(fast.status).toBe(apollo.status);
      expect(fast.text).toBe(apollo.text);
    }
  });

  it("sends each distinct entity representation once per subgraph call", async () => {
    stack.calls.length = 0;
    await stack.apollo({ query: BENCH_QUERY });
    const apolloLists = representationLists(stack.calls);
    stack.calls.length = 0;
    await stack.fast({ query: BENCH_QUERY });
    const fastLists = representationLists(stack.calls);

    const duplicates = (lists: unknown[][]) =>
      lists.reduce((n, list) => n + list.length - new Set(list.map((r) => JSON.stringify(r))).size, 0);
    expect(duplicates(apolloLists)).toBeGreaterThan(0);
    expect(duplicates(fastLists)).toBe(0);
    expect(fastLists.length).toBe(apolloLists.length);
  });
});
