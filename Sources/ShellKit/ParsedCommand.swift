/// A command line matched against its `CommandSpec`: the values of its arguments and options, with
/// the column of each word so a handler can point its own errors at the right place.
///
/// ```swift
/// let parsed = try table.parse(Tokenizer.tokenize("customer show C001 --format json"))
/// parsed.argument("customer")  // "C001"
/// parsed.value("--format")     // "json"
/// parsed.column(ofArgument: "customer")  // 15
/// ```
/// Option names may be given with or without their dashes (`"--format"`, `"format"`) or as the
/// declared short name (`"-f"`).
public struct ParsedCommand: Sendable {
    /// A value as written, with the 1-based column of the word it came from.
    public struct Occurrence: Sendable, Hashable {
        public var value: String
        public var column: Int
    }

    /// The command that matched.
    public let spec: CommandSpec
    /// The words that named the command (the alias, if one was used).
    public let path: [String]
    /// All positional values in order, whatever argument they were assigned to.
    public let positionals: [String]
    /// The tokens of the whole line.
    public let tokens: [Token]
    let argumentValues: [String: [Occurrence]]
    let optionValues: [String: [Occurrence]]

    init(
        spec: CommandSpec, path: [String], positionals: [String], tokens: [Token],
        argumentValues: [String: [Occurrence]], optionValues: [String: [Occurrence]]
    ) {
        self.spec = spec
        self.path = path
        self.positionals = positionals
        self.tokens = tokens
        self.argumentValues = argumentValues
        self.optionValues = optionValues
    }

    /// The value of a single argument, or nil when an optional argument was left out.
    public func argument(_ name: String) -> String? {
        argumentValues[name]?.first?.value
    }

    /// The values of a variadic argument (empty when left out).
    public func arguments(_ name: String) -> [String] {
        argumentValues[name]?.map(\.value) ?? []
    }

    /// The value of an option taking a value (the last one if repeated), or nil when not given.
    public func value(_ option: String) -> String? {
        occurrences(ofOption: option).last?.value
    }

    /// Every value of a repeatable option, in the order given.
    public func values(_ option: String) -> [String] {
        occurrences(ofOption: option).map(\.value)
    }

    /// True when the flag (or any option) was given.
    public func flag(_ option: String) -> Bool {
        !occurrences(ofOption: option).isEmpty
    }

    /// 1-based column of the option's value (of the flag itself for a flag; the last occurrence),
    /// or nil when not given. With `--name=value` it is the column just after `=`.
    public func column(ofOption option: String) -> Int? {
        occurrences(ofOption: option).last?.column
    }

    /// 1-based column of the argument's (first) word, or nil when not given.
    public func column(ofArgument name: String) -> Int? {
        argumentValues[name]?.first?.column
    }

    /// Each value of an option with the column of the word that gave it.
    public func occurrences(ofOption option: String) -> [Occurrence] {
        optionValues[longName(option)] ?? []
    }

    /// Each value of an argument with the column of its word.
    public func occurrences(ofArgument name: String) -> [Occurrence] {
        argumentValues[name] ?? []
    }

    func longName(_ option: String) -> String {
        if let declared = spec.option(named: option) { return declared.name }
        if !option.hasPrefix("-"), let declared = spec.option(named: "--" + option) { return declared.name }
        return option
    }
}
