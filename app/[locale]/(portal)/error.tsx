"use client";

// Inside the group, so the page keeps its header when it fails.
export { default } from "../error";
