// Preloaded into `prisma migrate deploy` (see migrate.ts). Prisma 6's WASM schema engine arms a
// 10 s timer for its advisory-lock wait and never clears it, so every run lingered 10 s after
// finishing. Unref'd, the timer no longer holds the process open; a lock wait still does,
// through its socket.
const setTimeoutOriginal = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = setTimeoutOriginal(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
