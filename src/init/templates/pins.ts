// The third-party actions agentgate's workflow templates use, each pinned to a full commit sha (a tag can be
// moved), with the release the sha was taken from for the reader.

/** actions/checkout v5.0.0 (runs on node24). */
export const CHECKOUT_ACTION = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8';
export const CHECKOUT_RELEASE = 'v5.0.0';
/** actions/create-github-app-token v3.2.0. */
export const APP_TOKEN_ACTION = 'actions/create-github-app-token@bcd2ba49218906704ab6c1aa796996da409d3eb1';
export const APP_TOKEN_RELEASE = 'v3.2.0';
/** actions/upload-artifact v4.6.2 and actions/download-artifact v4.3.0. */
export const UPLOAD_ARTIFACT_ACTION = 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02';
export const UPLOAD_ARTIFACT_RELEASE = 'v4.6.2';
export const DOWNLOAD_ARTIFACT_ACTION = 'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093';
export const DOWNLOAD_ARTIFACT_RELEASE = 'v4.3.0';
/** actions/attest-build-provenance v4.1.0: the bundle's GitHub artifact attestation (Sigstore). */
export const ATTEST_ACTION = 'actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32';
export const ATTEST_RELEASE = 'v4.1.0';
