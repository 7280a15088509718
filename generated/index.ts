// DO NOT EDIT. Generated from features/ by `npm run gen`.

export { store, loaded, overridesFile, type FeatureOverrides } from "./feature-store";
export { getTest, getTestDetails, type TestValue, type TestBucket, type TestContext } from "./test";
export { getWelcome, getWelcomeDetails, type WelcomeValue, type WelcomeBucket, type WelcomeContext } from "./welcome";
