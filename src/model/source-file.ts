/** One file as the loaders hand it to the core: repository-relative POSIX path, git blob id, UTF-8 text. */
export interface SourceFile {
  path: string;
  oid: string;
  text: string;
}
