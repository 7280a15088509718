// DO NOT EDIT. Generated from bench/features/ by `npm run gen`.

export { store, loaded, overridesFile, type FeatureOverrides } from "./feature-store";
export { getR1, getR1Details, type R1Value, type R1Bucket, type R1Context } from "./r1";
export { getR2, getR2Details, type R2Value, type R2Bucket, type R2Context } from "./r2";
export { getR3, getR3Details, type R3Value, type R3Bucket, type R3Context } from "./r3";
