/// The table of every shell command, indexed by the words that name them.
///
/// Paths and aliases form a tree of words: `customer` is a *group* when only `customer show`,
/// `customer list`, ... are declared, and a command of its own when `["customer"]` is declared too.
/// The parser, completer, help and completion scripts all read this one table.
///
/// ```swift
/// let table = CommandTable([customerShow, customerList, invoiceList, quit])
/// precondition(table.validate().isEmpty)
/// let parsed = try table.parse(Tokenizer.tokenize("customer show C001"))
/// ```
public struct CommandTable: Sendable {
    /// The declarations, in the order given (help and docs keep this order).
    public let specs: [CommandSpec]
    let nodes: [Node]

    /// One node of the word tree: its child words in declaration order and the command it names.
    struct Node: Sendable {
        var children: [(word: String, node: Int)] = []
        /// Index into `specs` of the command named by the path to this node, if any.
        var spec: Int?

        func child(_ word: String) -> Int? {
            children.first { $0.word == word }?.node
        }
    }

    /// Builds the word tree. Duplicate paths keep the first declaration (`validate()` reports them).
    public init(_ specs: [CommandSpec]) {
        self.specs = specs
        var nodes = [Node()]
        for (index, spec) in specs.enumerated() {
            for path in [spec.path] + spec.aliases where !path.isEmpty {
                var current = 0
                for word in path {
                    if let next = nodes[current].child(word) {
                        current = next
                    } else {
                        nodes.append(Node())
                        nodes[current].children.append((word, nodes.count - 1))
                        current = nodes.count - 1
                    }
                }
                if nodes[current].spec == nil { nodes[current].spec = index }
            }
        }
        self.nodes = nodes
    }

    /// The command named exactly by `path` (or one of its aliases), if declared.
    public func spec(path: [String]) -> CommandSpec? {
        node(path).flatMap { nodes[$0].spec }.map { specs[$0] }
    }

    /// The command named by `name`, words separated by spaces (`"customer show"`).
    public func spec(named name: String) -> CommandSpec? {
        spec(path: name.split(separator: " ").map(String.init))
    }

    /// True when `path` is a group: other commands' paths continue it (`customer` for `customer show`).
    public func isGroup(_ path: [String]) -> Bool {
        node(path).map { !nodes[$0].children.isEmpty } ?? false
    }

    /// The words that may follow `path` (`["show", "list", "find"]` after `["customer"]`), in
    /// declaration order, aliases included. The empty path gives the top-level words.
    public func subcommands(of path: [String]) -> [String] {
        node(path).map { nodes[$0].children.map(\.word) } ?? []
    }

    /// The first words of every command and alias, in declaration order, without duplicates.
    public var topLevelWords: [String] { subcommands(of: []) }

    /// A one-line description of `word` following `path`: the command's summary, or for a group
    /// the list of its subcommands.
    public func describe(_ word: String, after path: [String]) -> String {
        guard let index = node(path + [word]) else { return "" }
        if let spec = nodes[index].spec { return specs[spec].summary }
        return nodes[index].children.map(\.word).joined(separator: ", ")
    }

    /// The commands at or under `prefix`, in declaration order (each once).
    public func specs(under prefix: [String]) -> [CommandSpec] {
        specs.filter { Array($0.path.prefix(prefix.count)) == prefix }
    }

    func node(_ path: [String]) -> Int? {
        var current = 0
        for word in path {
            guard let next = nodes[current].child(word) else { return nil }
            current = next
        }
        return current
    }

    /// Follows `words` down the tree as far as they go.
    ///
    /// Returns the deepest node reached with how many words it took, and the longest prefix of the
    /// words that names a command (with its length), if any.
    func walk(_ words: [String]) -> (node: Int, depth: Int, command: (spec: Int, depth: Int)?) {
        var current = 0
        var depth = 0
        var command: (spec: Int, depth: Int)?
        for word in words {
            guard let next = nodes[current].child(word) else { break }
            current = next
            depth += 1
            if let spec = nodes[current].spec { command = (spec, depth) }
        }
        return (current, depth, command)
    }
}
