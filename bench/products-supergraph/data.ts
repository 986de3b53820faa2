/**
 * The gateways-benchmark data set (github.com/the-guild-org/gateways-benchmark, federation-v1),
 * kept in memory: six users, nine products with their stock, eleven reviews.
 */
export interface BenchUser {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

export interface BenchProduct {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

export interface BenchReview {
  id: string;
  body: string;
  productUpc: string;
}

const BIRTHDAY = 1234567890;
export const USERS: BenchUser[] = [
  ["1", "Uri Goldshtein", "urigo"],
  ["2", "Dotan Simha", "dotansimha"],
  ["3", "Kamil Kisiela", "kamilkisiela"],
  ["4", "Arda Tanrikulu", "ardatan"],
  ["5", "Gil Gardosh", "gilgardosh"],
  ["6", "Laurin Quast", "laurin"],
].map(([id = "", name = "", username = ""]) => ({ id, name, username, birthday: BIRTHDAY }));

export const PRODUCTS: BenchProduct[] = (
  [
    ["Table", 899, 100],
    ["Couch", 1299, 1000],
    ["Glass", 15, 20],
    ["Chair", 499, 100],
    ["TV", 1299, 1000],
    ["Lamp", 6999, 300],
    ["Grill", 3999, 2000],
    ["Fridge", 100000, 6000],
    ["Sofa", 9999, 800],
  ] as const
).map(([name, price, weight], i) => ({ upc: String(i + 1), name, price, weight }));

/** Products 1, 5, 6, 7 and 9 are in stock. */
export const IN_STOCK = new Set(["1", "5", "6", "7", "9"]);

const LOREM =
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.";
const SED_UT =
  "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi";
const SED_QUIA =
  "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.";
const UT_ENIM =
  "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem";
const AT_VERO =
  "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.";

export const REVIEWS: BenchReview[] = (
  [
    [LOREM, "1"],
    [SED_UT, "1"],
    [SED_QUIA, "1"],
    [UT_ENIM, "1"],
    [LOREM, "2"],
    [SED_UT, "2"],
    [SED_QUIA, "2"],
    [UT_ENIM, "2"],
    [UT_ENIM, "3"],
    [UT_ENIM, "4"],
    [AT_VERO, "4"],
  ] as const
).map(([body, productUpc], i) => ({ id: String(i + 1), body, productUpc }));
