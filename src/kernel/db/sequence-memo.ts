/**
 * A value remembered by the sequence of strings and numbers it was built from, e.g. the text
 * of an INSERT by its table and columns, or of a batch by the texts of its statements.
 *
 * The statements of a busy path are the same from one request to the next but assembled
 * afresh each time; building their text again costs string work, and a new text of a few
 * kilobytes must also be hashed again wherever it is looked up (the prepared statement's
 * name). Looking the parts up one by one in a tree costs only their own lookups, as texts
 * that come from a memo are the same string objects whose hashes are already known, and
 * hands back the one remembered text.
 *
 * Bounded: past `maxNodes` entries it starts over, as sequences could vary without end.
 */
export type Token = string | number;

interface Node<Value> {
  next?: Map<Token, Node<Value>>;
  built?: boolean;
  value?: Value;
}

export class SequenceMemo<Value> {
  private root: Node<Value> = {};
  private nodes = 0;

  constructor(private readonly maxNodes = 20_000) {}

  get(tokens: readonly Token[], build: () => Value): Value {
    if (this.nodes >= this.maxNodes) {
      this.root = {};
      this.nodes = 0;
    }
    let node = this.root;
    for (const token of tokens) {
      node.next ??= new Map();
      let child = node.next.get(token);
      if (child === undefined) {
        child = {};
        node.next.set(token, child);
        this.nodes += 1;
      }
      node = child;
    }
    if (!node.built) {
      node.value = build();
      node.built = true;
    }
    return node.value as Value;
  }

  get size(): number {
    return this.nodes;
  }
}
