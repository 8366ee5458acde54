export * from "./organizations";
export * from "./elections";
export * from "./identity";
export * from "./audit";
export * from "./email";
export * from "./files";
export * from "./accreditation";
export * from "./badges";
