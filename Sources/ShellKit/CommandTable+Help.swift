extension CommandTable {
    /// `CUSTOMER` for an argument or value named `customer` (dashes become underscores).
    public static func placeholder(_ name: String) -> String {
        name.uppercased().replacingAll("-", with: "_").replacingAll(" ", with: "_")
    }

    /// The command line shape without the `usage:` prefix:
    /// `customer show CUSTOMER [--format FORMAT] [--as-of DATE]`.
    ///
    /// Optional arguments are `[NAME]`, variadic ones `NAME...`, flags `[--flag]`, repeatable
    /// options `[--tag TAG]...`.
    public func synopsis(for spec: CommandSpec) -> String {
        var parts = [spec.name]
        for argument in spec.arguments {
            var text = Self.placeholder(argument.name)
            if argument.isVariadic { text += "..." }
            parts.append(argument.isOptional ? "[\(text)]" : text)
        }
        for option in spec.options {
            let text = option.valueName.map { "[\(option.name) \($0)]" } ?? "[\(option.name)]"
            parts.append(option.isRepeatable ? text + "..." : text)
        }
        return parts.joined(separator: " ")
    }

    /// `usage: ` followed by the synopsis; also the hint of argument-count errors.
    public func usage(for spec: CommandSpec) -> String {
        "usage: " + synopsis(for: spec)
    }

    /// The full help of one command, for `help COMMAND`: usage, summary, discussion, arguments and
    /// options (with allowed values), aliases and examples, its words in `tr`'s language (command
    /// words, option names and examples stay as typed). Ends with a newline.
    public func help(for spec: CommandSpec, _ tr: Catalogue = .english) -> String {
        var out =
            tr("usage: {}").replacingFirstPlaceholder(with: synopsis(for: spec)) + "\n\n" + tr(spec.summary) + "\n"
        let discussion = spec.discussion.trimmingSpaces
        if !discussion.isEmpty { out += "\n" + tr(String(discussion)) + "\n" }
        let arguments = spec.arguments.map {
            (Self.placeholder($0.name), Self.helpText(tr($0.help), $0.completion, tr))
        }
        let options = spec.options.map { option in
            var label = (option.short.map { "\($0), " } ?? "") + option.name
            if let value = option.valueName { label += " " + value }
            var help = Self.helpText(tr(option.help), option.completion, tr)
            if option.isRepeatable { help += " (" + tr("repeatable") + ")" }
            return (label, help)
        }
        let width = (arguments + options).map { DisplayWidth.of($0.0) }.max() ?? 0
        func rows(_ title: String, _ rows: [(String, String)]) {
            guard !rows.isEmpty else { return }
            out += "\n\(title):\n"
            for (label, help) in rows {
                out += "  " + DisplayWidth.pad(label, to: width, alignment: .left) + "  " + help + "\n"
            }
        }
        rows(tr("arguments"), arguments)
        rows(tr("options"), options)
        if !spec.aliases.isEmpty {
            out +=
                "\n"
                + tr("aliases: {}").replacingFirstPlaceholder(
                    with: spec.aliases.map { $0.joined(separator: " ") }.joined(separator: ", ")) + "\n"
        }
        if !spec.examples.isEmpty {
            out += "\n" + tr("examples") + ":\n" + spec.examples.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// Help text followed by the allowed values of a `.values` source.
    static func helpText(_ help: String, _ source: CompletionSource, _ tr: Catalogue = .english) -> String {
        guard case .values(let values) = source, !values.isEmpty else { return help }
        return help + " (" + tr("one of: {}").replacingFirstPlaceholder(with: values.joined(separator: ", ")) + ")"
    }

    /// Every command under `prefix` (all by default) with its one-line summary, for `help`.
    ///
    /// Commands are grouped by their first word in declaration order; a blank line separates groups
    /// of several commands, while consecutive stand-alone commands share one block. Summaries are
    /// aligned by display width. Ends with a newline.
    public func helpIndex(under prefix: [String] = [], _ tr: Catalogue = .english) -> String {
        let commands = specs(under: prefix)
        let width = commands.map { DisplayWidth.of($0.name) }.max() ?? 0
        var blocks: [[CommandSpec]] = []
        var singletonBlock = false
        for group in Self.groups(commands) {
            let single = group.count == 1 && group[0].path.count == 1
            if single && singletonBlock {
                blocks[blocks.count - 1] += group
            } else {
                blocks.append(group)
            }
            singletonBlock = single
        }
        return blocks.map { block in
            block.map { "  " + DisplayWidth.pad($0.name, to: width, alignment: .left) + "  " + tr($0.summary) + "\n" }
                .joined()
        }.joined(separator: "\n")
    }

    /// Commands grouped by first path word, groups and members in declaration order.
    static func groups(_ commands: [CommandSpec]) -> [[CommandSpec]] {
        var order: [String] = []
        var members: [String: [CommandSpec]] = [:]
        for spec in commands {
            let key = spec.path.first ?? ""
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(spec)
        }
        return order.map { members[$0]! }
    }

    /// A Markdown command reference (for `docs/COMMANDS.md`): an index table, then one section per
    /// command with usage, discussion, arguments, options, aliases and examples. Deterministic:
    /// the same table always gives the same bytes.
    public func markdownReference(title: String = "Command reference") -> String {
        var out = "# \(title)\n\n<!-- Generated from the command table. Do not edit by hand. -->\n\n"
        out += "| Command | Summary |\n|---|---|\n"
        out += specs.map { "| `\($0.name)` | \(Self.cell($0.summary)) |\n" }.joined()
        for group in Self.groups(specs) {
            let standalone = group.count == 1 && group[0].path.count == 1
            if !standalone { out += "\n## \(group[0].path.first ?? "")\n" }
            for spec in group { out += "\n" + markdownSection(spec, level: standalone ? "##" : "###") }
        }
        return out
    }

    func markdownSection(_ spec: CommandSpec, level: String) -> String {
        var out = "\(level) `\(spec.name)`\n\n\(spec.summary)\n\n```\n\(usage(for: spec))\n```\n"
        let discussion = spec.discussion.trimmingSpaces
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        if !spec.arguments.isEmpty {
            out += "\n| Argument | Description |\n|---|---|\n"
            for argument in spec.arguments {
                var name = Self.placeholder(argument.name) + (argument.isVariadic ? "..." : "")
                if argument.isOptional { name = "[\(name)]" }
                out += "| `\(name)` | \(Self.cell(Self.helpText(argument.help, argument.completion))) |\n"
            }
        }
        if !spec.options.isEmpty {
            out += "\n| Option | Description |\n|---|---|\n"
            for option in spec.options {
                var name = "`" + option.name + (option.valueName.map { " \($0)" } ?? "") + "`"
                if let short = option.short { name = "`\(short)`, " + name }
                var help = Self.helpText(option.help, option.completion)
                if option.isRepeatable { help += " (repeatable)" }
                out += "| \(name) | \(Self.cell(help)) |\n"
            }
        }
        if !spec.aliases.isEmpty {
            out += "\nAliases: " + spec.aliases.map { "`\($0.joined(separator: " "))`" }.joined(separator: ", ") + "\n"
        }
        if !spec.examples.isEmpty {
            out += "\nExamples:\n\n```\n" + spec.examples.map { $0 + "\n" }.joined() + "```\n"
        }
        return out
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
}
