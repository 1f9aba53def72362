// The Meilisearch adapter against the same contract. A Meilisearch server cannot be installed on these machines, so
// the suite runs only when MEILI_URL points at one (CI or a developer machine) and says so when it skips.
import { MeilisearchEngine } from "../../search/meilisearch/engine";
import { runSearchContract } from "./search-engine.contract";

const url = process.env.MEILI_URL;
const run = Date.now().toString(36);

if (url) {
  runSearchContract("meilisearch", async (label) =>
    new MeilisearchEngine({ url, key: process.env.MEILI_KEY, indexUid: `frl-contract-${run}-${label}` }),
  );
} else {
  console.warn("[skip] Meilisearch contract: MEILI_URL not set");
  describe.skip("SearchEngine contract: meilisearch (MEILI_URL not set)", () => {
    it("needs a Meilisearch server", () => {});
  });
}
