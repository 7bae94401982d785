/** SAM's `generate-event` defaults (facts §4): account, region, partition. */
export const SAM_ACCOUNT = '123456789012';
export const SAM_REGION = 'us-east-1';
