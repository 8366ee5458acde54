export * from "./organizations";
export * from "./elections";
export * from "./identity";
