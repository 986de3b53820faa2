import { historyConfig } from "../../packages/db/src/history-config";

export default historyConfig(import.meta.url);
