import { EmbeddedVectorStore } from "../src/vector-store/embedded-vector-store";
import { vectorStoreContract } from "./vector-store.contract";

vectorStoreContract("embedded (in-process, exact)", async () => new EmbeddedVectorStore());
