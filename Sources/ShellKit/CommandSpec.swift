/// One shell command, declared once as data.
///
/// The parser, `help`, "did you mean" hints, Tab completion, the bash/zsh/fish scripts and the
/// command reference are all derived from the table of these declarations.
///
/// ```swift
/// CommandSpec(["customer", "show"], summary: "Show one customer's file",
///             arguments: [.init("customer", help: "id or name", completion: .domain("customer"))],
///             options: [.format, .asOf],
///             examples: ["customer show C001", "customer show 上海星辰"])
/// ```
public struct CommandSpec: Sendable, Hashable {
    /// The words that name the command, e.g. `["customer", "show"]`.
    public var path: [String]
    /// Other word sequences that name the same command, e.g. `[["quit"]]` for `exit`.
    public var aliases: [[String]]
    /// One line, lower-case start, no final period: shown by `help`.
    public var summary: String
    /// Longer text shown by `help COMMAND` (may be empty).
    public var discussion: String
    /// Positional arguments in order.
    public var arguments: [ArgumentSpec]
    /// Options, each `--long` with an optional single-letter short form.
    public var options: [OptionSpec]
    /// Complete command lines, shown by `help COMMAND`.
    public var examples: [String]
    /// True for a command that takes arguments and is also the start of subcommands (`writeoff
    /// INVOICE` beside `writeoff list`): a first argument spelled like a subcommand is read as the
    /// subcommand; `--` before it makes it an argument.
    public var sharesPathWithSubcommands = false

    public init(
        _ path: [String], aliases: [[String]] = [], summary: String, discussion: String = "",
        arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], examples: [String] = []
    ) {
        self.path = path
        self.aliases = aliases
        self.summary = summary
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
    }

    /// The command's name as typed: `customer show`.
    public var name: String { path.joined(separator: " ") }

    /// The option with this long name (`--format`) or short name (`-f`), if declared.
    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || ($0.short != nil && $0.short == name) }
    }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable, Hashable {
    /// Name shown in usage, e.g. `customer` renders as `CUSTOMER`.
    public var name: String
    public var help: String
    public var completion: CompletionSource
    /// An optional argument may be left out; it renders as `[NAME]`.
    public var isOptional: Bool
    /// A variadic argument takes all remaining words (at least one unless optional); it must be last.
    public var isVariadic: Bool

    public init(
        _ name: String, help: String, completion: CompletionSource = .none,
        optional: Bool = false, variadic: Bool = false
    ) {
        self.name = name
        self.help = help
        self.completion = completion
        self.isOptional = optional
        self.isVariadic = variadic
    }
}

/// An option of a command: a flag when `valueName` is nil, otherwise it takes one value.
public struct OptionSpec: Sendable, Hashable {
    /// Long name with its dashes, e.g. `--format`.
    public var name: String
    /// Short name with its dash, e.g. `-f`, if any.
    public var short: String?
    public var help: String
    /// Placeholder for the value in usage (`FORMAT`), or nil for a flag.
    public var valueName: String?
    /// Where Tab finds values for this option.
    public var completion: CompletionSource
    /// A repeatable option may be given more than once; its values are kept in order.
    public var isRepeatable: Bool

    public init(
        _ name: String, short: String? = nil, value valueName: String? = nil, help: String,
        completion: CompletionSource = .none, repeatable: Bool = false
    ) {
        self.name = name
        self.short = short
        self.help = help
        self.valueName = valueName
        self.completion = completion
        self.isRepeatable = repeatable
    }

    public var isFlag: Bool { valueName == nil }
}

/// Where Tab completion finds candidates for an argument or option value.
public enum CompletionSource: Sendable, Hashable {
    /// Nothing to offer (free text, amounts).
    case none
    /// A fixed list, e.g. `table`, `csv`, `json`.
    case values([String])
    /// A path to a file.
    case file
    /// A path to a directory.
    case directory
    /// A domain value answered by a `CompletionProvider`, e.g. `customer`, `contract`, `invoice`,
    /// `command` (another command's name, for `help`) or `variable`.
    case domain(String)
}
