export { type HostPattern, isAllowlisted, isPublicAddress, parseHostPattern } from "./address-policy";
export { allowedHostsEnv } from "./allowed-hosts-env";
export {
  DestinationRefusedError,
  type GuardedRequest,
  guardedRequest,
  type RawResponse,
  ResponseTooLargeError,
} from "./guarded-request";
