/** `npm run keys`: prints fresh production keys as .env lines (for docker-compose.yml). */
import { randomBytes } from "node:crypto";
import { delegationKeyPairs, delegationPublicKeysJson, generateInternalKeyPair } from "@atelier/internal-auth";

const oneLine = (pem: string) => JSON.stringify(pem);
const internal = generateInternalKeyPair();
const access = generateInternalKeyPair();
console.log(`INTERNAL_JWT_PRIVATE_KEY=${oneLine(internal.privateKey)}`);
console.log(`INTERNAL_JWT_PUBLIC_KEY=${oneLine(internal.publicKey)}`);
console.log(`ACCESS_TOKEN_PRIVATE_KEY=${oneLine(access.privateKey)}`);
console.log(`MFA_ENCRYPTION_KEY=${randomBytes(32).toString("base64url")}`);
const delegation = delegationKeyPairs();
for (const [service, pair] of Object.entries(delegation)) {
  console.log(`${service.toUpperCase()}_DELEGATION_PRIVATE_KEY=${oneLine(pair.privateKey)}`);
}
console.log(`DELEGATION_PUBLIC_KEYS=${JSON.stringify(delegationPublicKeysJson(delegation))}`);
console.log(`STORAGE_SIGNING_SECRET=${randomBytes(32).toString("base64url")}`);
