import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadCreativeConfig } from "./config";
import { createCreativeService } from "./server";

const config = loadCreativeConfig(process.env);
await runServiceProcess({ name: "creative", ...config }, () => createCreativeService(config));
