// Runs once when a server instance starts: migrate, sync the catalogue, seed the demo.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
