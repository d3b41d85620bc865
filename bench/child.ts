/*
 * One benchmark in its own process, its result as JSON on the last line of stdout.
 *   pdf:       without the react-server condition (@react-pdf needs React's client build)
 *   catalogue: with --conditions=react-server (the queries import "server-only")
 */
const which = process.argv[2];
if (which === "pdf") {
  const { runPdfBench } = await import("./pdf");
  console.log(JSON.stringify(await runPdfBench()));
} else if (which === "catalogue") {
  const { runCatalogueSearchBench } = await import("./catalogue-search");
  console.log(JSON.stringify(await runCatalogueSearchBench({ driver: process.argv[3] === "pglite" ? "pglite" : "postgres" })));
} else {
  throw new Error(`unknown benchmark ${which}`);
}
export {};
