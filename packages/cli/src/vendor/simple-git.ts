export * from "simple-git";
