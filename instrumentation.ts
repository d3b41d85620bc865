// Runs once when a server instance starts: mark each request with its real peer address,
// then migrate, sync the catalogue, seed the demo.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/peer-address");
  installPeerAddressHeader();
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
