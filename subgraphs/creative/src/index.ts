import { loadCreativeConfig } from "./config";
import { createCreativeService } from "./server";

const config = loadCreativeConfig(process.env);
const service = await createCreativeService(config);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
