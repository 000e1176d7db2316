// One file of a tree as git lists it: shared by the tree readers (ls-tree and the cat-file session).

export interface TreeEntry {
  path: string;
  oid: string;
  mode: string;
  /** bytes of a blob; 0 for a submodule (gitlink), which has no size in the tree */
  size: number;
}
