extension CommandTable {
    /// Problems in the declarations, one readable sentence each; empty when the table is sound.
    ///
    /// Checks: every command has a non-empty path and summary; no path or alias is declared twice;
    /// every argument and option has help; a variadic argument is last and no required argument
    /// follows an optional one; option names start with `--` (short names are `-x`); no option name
    /// is declared twice in a command; and no command that takes positional arguments is also the
    /// prefix of another command (then `CMD WORD` would be ambiguous). A group that is not itself a
    /// command, such as `customer` for `customer show`, is fine.
    public func validate() -> [String] {
        var problems: [String] = []
        var seen: [[String]: String] = [:]
        for spec in specs {
            let name = spec.name
            if spec.path.isEmpty || spec.path.contains(where: { $0.isEmpty || $0.contains(" ") }) {
                problems.append("command '\(name)' has an empty or malformed path")
            }
            for path in [spec.path] + spec.aliases {
                let key = path.joined(separator: " ")
                if let owner = seen[path] {
                    if path != spec.path {
                        problems.append("alias '\(key)' of '\(name)' is already declared by '\(owner)'")
                    } else if owner == name {
                        problems.append("command '\(key)' is declared twice")
                    } else {
                        problems.append("command '\(key)' is already an alias of '\(owner)'")
                    }
                } else {
                    seen[path] = name
                }
            }
            if spec.summary.trimmingSpaces.isEmpty {
                problems.append("command '\(name)' has no summary")
            }
            problems += argumentProblems(spec)
            problems += optionProblems(spec)
        }
        for spec in specs where !spec.arguments.isEmpty && !spec.sharesPathWithSubcommands {
            for path in [spec.path] + spec.aliases where isGroup(path) {
                let other = subcommands(of: path).map { (path + [$0]).joined(separator: " ") }
                problems.append(
                    "command '\(path.joined(separator: " "))' takes arguments but is also the start of "
                        + other.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
        return problems
    }

    func argumentProblems(_ spec: CommandSpec) -> [String] {
        var problems: [String] = []
        var names = Set<String>()
        var sawOptional = false
        for (index, argument) in spec.arguments.enumerated() {
            let label = "argument '\(argument.name)' of '\(spec.name)'"
            if argument.name.isEmpty { problems.append("an argument of '\(spec.name)' has no name") }
            if !names.insert(argument.name).inserted { problems.append("\(label) is declared twice") }
            if argument.help.trimmingSpaces.isEmpty { problems.append("\(label) has no help") }
            if argument.isVariadic && index != spec.arguments.count - 1 {
                problems.append("variadic \(label) is not the last argument")
            }
            if sawOptional && !argument.isOptional {
                problems.append("required \(label) follows an optional argument")
            }
            sawOptional = sawOptional || argument.isOptional
        }
        return problems
    }

    func optionProblems(_ spec: CommandSpec) -> [String] {
        var problems: [String] = []
        var names = Set<String>()
        for option in spec.options {
            let label = "option '\(option.name)' of '\(spec.name)'"
            if !option.name.hasPrefix("--") || option.name.count < 3 || option.name.contains("=") {
                problems.append("\(label) must be spelled '--name'")
            }
            if let short = option.short, !(short.count == 2 && short.hasPrefix("-") && short != "--") {
                problems.append("short name '\(short)' of \(label) must be spelled '-x'")
            }
            for name in [option.name] + (option.short.map { [$0] } ?? []) where !names.insert(name).inserted {
                problems.append("option name '\(name)' is declared twice in '\(spec.name)'")
            }
            if option.help.trimmingSpaces.isEmpty { problems.append("\(label) has no help") }
            if option.valueName?.isEmpty == true { problems.append("\(label) has an empty value name") }
        }
        return problems
    }
}

extension String {
    var trimmingSpaces: Substring {
        let trimmed = drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        var end = trimmed.endIndex
        while end > trimmed.startIndex, [" ", "\t", "\n"].contains(trimmed[trimmed.index(before: end)]) {
            end = trimmed.index(before: end)
        }
        return trimmed[trimmed.startIndex..<end]
    }
}
