export * from "./job-queue";
