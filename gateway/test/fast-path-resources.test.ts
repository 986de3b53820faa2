import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductsStack } from "./support/products-stack";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

let open: Awaited<ReturnType<typeof startProductsStack>>;
let closed: Awaited<ReturnType<typeof startProductsStack>>;
beforeAll(async () => {
  open = await startProductsStack();
  closed = await startProductsStack({ ALLOW_ANONYMOUS: "false" });
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
});

/** Heap growth, in MB, that sending these requests to the fast-path gateway leaves behind. */
async function retainedBy(send: (i: number) => Promise<unknown>, count: number): Promise<number> {
  await send(-1);
  const before = heapMB();
  for (let i = 0; i < count; i++) await send(i);
  return heapMB() - before;
}

describe("the fast path's memory and cache", () => {
  it("keeps nothing of documents that do not parse, however large (Apollo answers them)", async () => {
    const megabyte = "a".repeat(1_000_000);
    const large = await retainedBy((i) => closed.fast({ query: `#${i}${megabyte}\n{` }), 40);
    const pad = "b".repeat(60_000);
    const small = await retainedBy((i) => closed.fast({ query: `#${i}${pad}\n{` }), 200);
    expect(large).toBeLessThan(8);
    expect(small).toBeLessThan(4);
  });

  it("neither plans nor keeps documents of anonymous callers it refuses (beyond what Apollo keeps)", async () => {
    const pad = "c".repeat(50_000);
    const refused = await closed.fast({ query: `{ user(id: "x${pad}") { id } }` });
    expect(refused.status).toBe(401);
    const query = (i: number) => `{ user(id: "${i}${pad}") { id } }`;
    const byApollo = await retainedBy((i) => closed.apollo({ query: query(i) }), 150);
    const byFastPath = await retainedBy((i) => closed.fast({ query: query(i + 1_000) }), 150);
    expect(byFastPath).toBeLessThan(byApollo + 3);
  });

  it("does not mistake one (operation name, document) pair for another", async () => {
    const document = "query A { topProducts { upc } } query B { me { id } }";
    await open.fast({ query: document, operationName: "A" });
    const [fast, apollo] = await open.both({ query: `A\u0000${document}` });
    expect(fast.status).toBe(apollo.status);
    expect(fast.text).toBe(apollo.text);
  });

  it("counts aliases of __typename against MAX_ALIASES as Apollo's path does", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(" ");
    const [fast, apollo] = await open.both({ query: `{ ${aliases} topProducts { upc } }` });
    expect(fast.status).toBe(apollo.status);
    expect(fast.text).toBe(apollo.text);
  });
});
